// Writes the README's screenshots, docs/screenshots/phone.png and desktop.png, from dist/ (the
// same shots the browser tests take into the ignored target/screenshots/).
//   ./scripts/screenshots       (builds dist/ first)

import { start, screenshot, SCREENSHOTS } from "../tests/browser/harness.mjs";

const OUT = new URL("../docs/screenshots/", import.meta.url).pathname;

const s = await start();
try {
  for (const [name, viewport] of Object.entries(SCREENSHOTS)) {
    const { page, context } = await s.open("", { viewport });
    await screenshot(page, name, `${OUT}${name}.png`);
    await context.close();
    console.log(`wrote docs/screenshots/${name}.png`);
  }
} finally {
  await s.close();
}
