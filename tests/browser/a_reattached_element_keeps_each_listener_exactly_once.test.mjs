// A portal may move the widget: take it out of the page and put it back elsewhere, several
// times. Connected again, it has its popstate and `/` listeners exactly once, and it works.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, box, results } from "./harness.mjs";

let s, page;
before(async () => {
  s = await start();
  ({ page } = await s.open());
  await search(page, "房租补贴");
  await box(page).press("Enter"); // the query is done: the next one gets its own entry
  // Three moves: out of the page and into the sidebar, the content, the sidebar again.
  await page.evaluate(() => {
    const el = document.querySelector("policy-search");
    for (const where of [".side", ".content", ".side"]) {
      el.remove();
      document.querySelector(where).append(el);
    }
  });
});
after(() => s.close());

test("/ focuses the box of the moved element", async () => {
  await page.locator("h1").click();
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.querySelector("policy-search").shadowRoot.activeElement?.id), "q");
});

test("it searches, and Back restores the previous query with one search, not one per connection", async () => {
  await search(page, "天使投资");
  assert.ok((await results(page)).options.length > 0);
  await page.evaluate(() => {
    window.__searches = 0;
    document.addEventListener("policy-search-results", () => window.__searches++);
  });
  await page.goBack();
  await settle(page);
  assert.equal(await box(page).inputValue(), "房租补贴");
  assert.equal(await page.evaluate(() => window.__searches), 1);
});
