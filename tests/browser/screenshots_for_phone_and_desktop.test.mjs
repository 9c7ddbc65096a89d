// The widget lays out on a 360 px phone and on a desktop: nothing overflows sideways, the box
// and results use the width. Screenshots of both go to docs/screenshots/ (shown in README.md).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, statSync } from "node:fs";
import { start, search } from "./harness.mjs";

const OUT = new URL("../../docs/screenshots/", import.meta.url).pathname;

let s;
before(async () => {
  s = await start();
  mkdirSync(OUT, { recursive: true });
});
after(() => s.close());

for (const [name, viewport] of [["phone", { width: 360, height: 740 }], ["desktop", { width: 1280, height: 900 }]]) {
  test(`${name}: ${viewport.width} px wide`, async () => {
    const { page, context } = await s.open("", { viewport });
    await search(page, "众创空间");
    await page.keyboard.press("ArrowDown");
    const layout = await page.evaluate(() => {
      const host = document.querySelector("policy-search");
      const root = host.shadowRoot;
      const widths = [...root.querySelectorAll("input, [role=option], .chips")].map((e) => e.getBoundingClientRect().right);
      return {
        page: document.documentElement.scrollWidth,
        widget: host.getBoundingClientRect().width,
        rightmost: Math.max(...widths),
        input: root.querySelector("input").getBoundingClientRect().height,
      };
    });
    assert.ok(layout.page <= viewport.width, `page scrolls sideways: ${layout.page}px`);
    assert.ok(layout.rightmost <= viewport.width, `content overflows: ${layout.rightmost}px`);
    assert.ok(layout.widget >= viewport.width * (name === "phone" ? 0.85 : 0.5), `widget only ${layout.widget}px`);
    assert.ok(layout.input >= 44, `the search box is a comfortable touch target (${layout.input}px)`);
    // Frame the phone shot from the page heading down, as a visitor arriving at the widget sees it.
    await page.evaluate(() => document.querySelector("h1").scrollIntoView());
    const path = `${OUT}${name}.png`;
    await page.screenshot({ path, fullPage: name === "phone" ? false : true });
    assert.ok(statSync(path).size > 10_000);
    await context.close();
  });
}
