// Opening a result shows the clause in its section with the query's matches highlighted, taken
// from the result itself: the engine is not asked to search again (it used to search the whole
// query a second time, with a thousand hits, to find the highlights of one clause). A deep
// link, which has no result in hand, still gets its highlights from the engine.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, editEngine, box } from "./harness.mjs";

let s;
before(async () => (s = await start()));
after(() => s.close());

/** Counts the engine's searches in the page, from now on. */
const countSearches = (page) =>
  editEngine(page, (method, result) => {
    if (method === "search") globalThis.searches = (globalThis.searches ?? 0) + 1;
    return result;
  });
const searches = (page) => page.evaluate(() => globalThis.searches ?? 0);
const marks = (page) =>
  page.evaluate(() =>
    [...document.querySelector("policy-search").shadowRoot.querySelectorAll(".detail li[aria-current] mark")].map((m) => m.textContent),
  );

test("opening a result reuses its highlights", async () => {
  const { page, context } = await s.open();
  await countSearches(page);
  await search(page, "众创空间");
  await box(page).press("Enter"); // the query is done: the suggestions close
  await box(page).press("ArrowDown");
  const before = await searches(page);
  await box(page).press("Enter");
  await settle(page);
  assert.equal(await searches(page), before, "no search to open the clause");
  assert.ok((await marks(page)).includes("众创空间"), "the matches are highlighted");
  await context.close();
});

test("a deep link gets its highlights from the engine", async () => {
  const { page, context } = await s.open();
  await search(page, "众创空间");
  await box(page).press("Enter");
  await box(page).press("ArrowDown");
  await box(page).press("Enter");
  await settle(page);
  const link = page.url();
  const fresh = await context.newPage();
  await fresh.goto(link);
  await settle(fresh);
  assert.ok((await marks(fresh)).includes("众创空间"), "a deep link highlights the query too");
  await context.close();
});
