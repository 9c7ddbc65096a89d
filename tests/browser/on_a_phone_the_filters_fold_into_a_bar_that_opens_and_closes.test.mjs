// On a 360 px phone the filters are one 筛选 button (with the number of active filters) and
// the sort control: the button opens and closes the panel (aria-expanded), which is usable
// by touch; nothing scrolls sideways. At 200 % zoom of a desktop window (640 CSS px) the
// same bar serves; wide, the panel is always shown beside the results and the button hidden.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, settle, results } from "./harness.mjs";

const FIXED = (html) => html.replace("<policy-search", '<policy-search today="2026-11-23"');

let s;
before(async () => (s = await start()));
after(() => s.close());

/** Layout facts: the button, the panel, and whether anything is wider than the viewport. */
const layout = (page) => page.evaluate(() => {
  const root = document.querySelector("policy-search").shadowRoot;
  const toggle = root.querySelector(".filter-toggle");
  const panel = root.querySelector(".filter-panel");
  const visible = (el) => el.getBoundingClientRect().height > 0;
  const right = Math.max(...[...root.querySelectorAll(".filter-bar *, .filter-panel label, .filter-chips button")]
    .filter(visible).map((e) => e.getBoundingClientRect().right));
  return {
    toggle: visible(toggle) && { text: toggle.textContent, expanded: toggle.getAttribute("aria-expanded"), controls: toggle.getAttribute("aria-controls") },
    panel: visible(panel), panelId: panel.id,
    page: document.documentElement.scrollWidth, right,
    boxHeight: Math.min(...[...root.querySelectorAll(".filter-panel label")].filter(visible).map((l) => l.getBoundingClientRect().height)),
  };
});

test("on a 360 px phone the panel starts closed behind a 筛选 button that opens it", async () => {
  const { page, context } = await s.open("", { viewport: { width: 360, height: 740 }, touch: true, rewrite: FIXED });
  await settle(page);
  let l = await layout(page);
  assert.deepEqual(l.toggle, { text: "筛选", expanded: "false", controls: l.panelId });
  assert.equal(l.panel, false);
  const toggle = page.locator("policy-search").getByRole("button", { name: /^筛选/ });
  await toggle.tap();
  l = await layout(page);
  assert.equal(l.toggle.expanded, "true");
  assert.ok(l.panel);
  assert.ok(l.boxHeight >= 44, `each value is a touch target (${l.boxHeight}px)`);
  await page.locator("policy-search").getByRole("checkbox", { name: /^现行有效 / }).tap();
  await settle(page);
  l = await layout(page);
  assert.equal(l.toggle.text, "筛选（1）", "the button counts the active filters");
  assert.ok(l.panel, "the panel stays open while choosing");
  assert.ok((await results(page)).options.length > 0);
  assert.ok(l.page <= 360 && l.right <= 360, `nothing wider than the phone: ${l.page}, ${l.right}`);
  await toggle.tap();
  l = await layout(page);
  assert.equal(l.toggle.expanded, "false");
  assert.equal(l.panel, false);
  assert.equal(await page.locator("policy-search").locator(".filter-chip").count(), 1, "the chip stays in view");
  await context.close();
});

test("at 200 % zoom of a desktop window the bar serves, by keyboard too, without sideways scrolling", async () => {
  const { page, context } = await s.open("", { viewport: { width: 640, height: 450 }, rewrite: FIXED });
  await settle(page);
  const toggle = page.locator("policy-search").getByRole("button", { name: /^筛选/ });
  await toggle.focus();
  await page.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Tab"); // the field control (范围)
  await page.keyboard.press("Tab"); // the sort control
  await page.keyboard.press("Tab"); // the first value
  await page.keyboard.press("Space");
  await settle(page);
  assert.ok((await results(page)).options.length > 0);
  const l = await layout(page);
  assert.ok(l.page <= 640 && l.right <= 640, `${l.page}, ${l.right}`);
  await context.close();
});

test("on a desktop the panel is shown beside the results, without a button", async () => {
  const { page, context } = await s.open("", { rewrite: FIXED });
  await settle(page);
  const l = await layout(page);
  assert.equal(l.toggle, false);
  assert.ok(l.panel);
  await context.close();
});
