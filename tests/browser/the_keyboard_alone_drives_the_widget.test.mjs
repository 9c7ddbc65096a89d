// Slash focuses the box, arrows move through the results (focus stays in the box), Enter opens
// a clause, Esc goes back and then clears; focus is always visible; fast typing loses nothing.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, settle, results } from "./harness.mjs";

let s, page;
before(async () => {
  s = await start();
  ({ page } = await s.open());
});
after(() => s.close());

/** What has focus inside the element, and the combobox's ARIA state. */
const focus = () =>
  page.evaluate(() => {
    const host = document.querySelector("policy-search");
    const root = host.shadowRoot;
    const input = root.querySelector("input");
    const active = root.activeElement;
    return {
      hostFocused: document.activeElement === host,
      inside: active ? (active === input ? "input" : active.tagName.toLowerCase() + (active.className ? "." + active.className : "")) : null,
      activedescendant: input.getAttribute("aria-activedescendant"),
      expanded: input.getAttribute("aria-expanded"),
      outline: active ? getComputedStyle(active).outlineStyle : null,
      detailOpen: !root.querySelector(".detail").hidden,
    };
  });

test("slash focuses the search box, with a visible focus ring", async () => {
  await page.locator("h1").click();
  await page.keyboard.press("/");
  const f = await focus();
  assert.equal(f.inside, "input");
  assert.notEqual(f.outline, "none");
  assert.equal(await page.locator("policy-search").locator("#q").inputValue(), "", "the slash is not typed");
});

test("fast typing loses no keystroke and shows the results of the last one", async () => {
  const q = "鼓励瞪羚企业和专精特新企业做大做强";
  await page.keyboard.type(q, { delay: 0 });
  await settle(page);
  assert.equal(await page.locator("policy-search").locator("#q").inputValue(), q);
  const r = await results(page);
  assert.ok(r.options.length >= 1);
  assert.ok(r.options[0].marks.join("").includes(q), r.options[0].text);
});

test("arrows move the active option while focus stays in the box", async () => {
  await page.keyboard.press("Control+A");
  await page.keyboard.type("知识产权");
  await settle(page);
  assert.equal((await focus()).expanded, "true");
  await page.keyboard.press("Enter"); // the query is done and the suggestions close: ↓ moves in the results
  await page.keyboard.press("ArrowDown");
  assert.equal((await focus()).activedescendant, "option-0");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  const f = await focus();
  assert.equal(f.inside, "input");
  assert.equal(f.activedescendant, "option-1");
  const r = await results(page);
  assert.deepEqual(r.options.map((o) => o.selected), r.options.map((_, i) => i === 1));
  // The selected option shows its whole text, not the snippet.
  assert.ok(!r.options[1].text.startsWith("…") && !r.options[1].text.endsWith("…"), r.options[1].text);
});

test("Enter opens the active clause with its context, Esc comes back", async () => {
  const chosen = (await results(page)).options[1];
  await page.keyboard.press("Enter");
  await settle(page); // a sharded index may fetch the clause's section first
  let f = await focus();
  assert.ok(f.detailOpen);
  assert.equal(f.inside, "h2");
  const current = await page.locator("policy-search").locator(".detail li[aria-current=true] .text").textContent();
  assert.ok(chosen.text.replace(/…/g, "").length > 0 && current.includes(chosen.text.replace(/…/g, "").slice(0, 20)));
  await page.keyboard.press("Escape");
  await settle(page);
  f = await focus();
  assert.ok(!f.detailOpen);
  assert.equal(f.inside, "input");
  assert.equal(await page.locator("policy-search").locator("#q").inputValue(), "知识产权");
});

test("Tab reaches the large-text button, with a visible focus ring, and Enter toggles it", async () => {
  await page.keyboard.press("Tab");
  const f = await focus();
  assert.equal(f.inside, "button.large-toggle");
  assert.notEqual(f.outline, "none");
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("policy-search").shadowRoot.querySelector(".text")).fontSize));
  const normal = await size();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("policy-search").locator("button.large-toggle").getAttribute("aria-pressed"), "true");
  assert.ok((await size()) >= normal * 1.25, "large-text mode enlarges the results");
  await page.keyboard.press("Enter");
  assert.equal(await size(), normal);
  await page.keyboard.press("Shift+Tab");
});

test("Esc in the box clears the query and the results", async () => {
  await page.keyboard.press("Escape");
  await settle(page);
  assert.equal(await page.locator("policy-search").locator("#q").inputValue(), "");
  const r = await results(page);
  assert.equal(r.options.length, 0);
  assert.equal((await focus()).expanded, "false");
});
