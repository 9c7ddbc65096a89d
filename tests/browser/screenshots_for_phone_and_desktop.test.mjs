// The widget lays out on a 360 px phone and on a desktop: nothing overflows sideways, the box
// and results use the width. Screenshots of both go to target/screenshots/, which git ignores:
// tests never rewrite tracked files (the README's come from ./scripts/screenshots).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import { start, screenshot, SCREENSHOTS } from "./harness.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
const OUT = new URL("../../target/screenshots/", import.meta.url).pathname;

let s;
before(async () => {
  s = await start();
  mkdirSync(OUT, { recursive: true });
});
after(() => s.close());

/** Whether git ignores `path` (true outside a git checkout, where nothing is tracked). */
function ignored(path) {
  try {
    execFileSync("git", ["-C", ROOT, "rev-parse", "--git-dir"], { stdio: "ignore" });
  } catch {
    return true;
  }
  try {
    execFileSync("git", ["-C", ROOT, "check-ignore", "-q", path]);
    return true;
  } catch {
    return false;
  }
}

for (const [name, viewport] of Object.entries(SCREENSHOTS)) {
  test(`${name}: ${viewport.width} px wide`, async () => {
    const { page, context } = await s.open("", { viewport });
    const path = `${OUT}${name}.png`;
    assert.ok(ignored(path), `${path} must be ignored by git`);
    await screenshot(page, name, path);
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
    assert.ok(statSync(path).size > 10_000);
    await context.close();
  });
}
