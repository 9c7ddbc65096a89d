// A U+202E (right-to-left override) in a heading, a label or the query reverses at most the
// text it is part of: document and query text is bidi-isolated (<bdi>, unicode-bidi: isolate),
// so the crumbs after it, the clause text beside it and the message quoting it keep their order.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, editEngine } from "./harness.mjs";

let s;
before(async () => (s = await start()));
after(() => s.close());

/**
 * Whether `selector`'s matches in the widget come in reading order: each one starts after the
 * one before ends, to its right on the same line or on a later line (a match may wrap).
 */
const inReadingOrder = (page, selector) =>
  page.evaluate((selector) => {
    const boxes = [...document.querySelector("policy-search").shadowRoot.querySelectorAll(selector)].map((e) => [...e.getClientRects()]);
    return boxes.length > 1 && boxes.every((rects, i) => {
      if (i === 0) return true;
      const [first, end] = [rects[0], boxes[i - 1].at(-1)];
      return first.top >= end.bottom - 1 || (Math.abs(first.top - end.top) < 1 && first.left >= end.right - 1);
    });
  }, selector);

/** Whether each character of `needle`, found in the text of `selector`, is right of the one before. */
const charsInOrder = (page, selector, needle) =>
  page.evaluate(([selector, needle]) => {
    const walker = document.createTreeWalker(document.querySelector("policy-search").shadowRoot.querySelector(selector), NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); ) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      const lefts = [...needle].map((_, i) => {
        const range = document.createRange();
        range.setStart(node, at + i);
        range.setEnd(node, at + i + 1);
        return range.getBoundingClientRect().left;
      });
      return lefts.every((x, i) => i === 0 || x > lefts[i - 1]);
    }
    throw new Error(`${needle} not found in ${selector}`);
  }, [selector, needle]);

test("an override in the query leaves the rest of the message in order", async () => {
  const { page, context } = await s.open();
  await search(page, "伊人久久\u202E");
  assert.ok(await charsInOrder(page, ".message p", "相关的条款"));
  await context.close();
});

test("an override in headings and labels leaves the crumbs and the clause text in order", async () => {
  const { page, context } = await s.open();
  await editEngine(page, (method, result) => {
    const rlo = (path) => path.map((p) => ({ ...p, title: `\u202E${p.title}` }));
    if (method === "search") for (const hit of result.hits) hit.path = rlo(hit.path);
    if (method === "clause" && result) result.path = rlo(result.path);
    if (method === "documentClauses") return result.map((c) => ({ ...c, path: rlo(c.path), label: `${c.label}\u202E` }));
    return result;
  });
  await search(page, "瞪羚企业");
  assert.ok(await inReadingOrder(page, "#results [role=option]:first-child .crumbs span"), "crumbs of a result");
  await page.locator("policy-search").locator("#results [role=option]").first().click();
  await settle(page);
  assert.ok(await inReadingOrder(page, ".detail .crumbs span"), "crumbs of the clause view");
  assert.ok(await inReadingOrder(page, ".detail li[aria-current] > span:not(.visually-hidden)"), "label, then text");
  await context.close();
});
