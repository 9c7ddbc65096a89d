// A document whose clauses holding the query fill more than one of the engine's largest pages
// (`limits().max_limit` hits): its view marks every one of them, in the contents and in the
// text, asking page after page and never for a page the engine refuses.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openWholeDocument, editEngine } from "./harness.mjs";

let s;
before(async () => (s = await start()));
after(() => s.close());

test("past the engine's largest page, every clause holding the query is marked", { timeout: 120_000 }, async () => {
  const { page, context, errors } = await s.open();
  // Two pages and a half of clauses after each document's own, each holding the query. A search
  // limited to the document lists them (alone) as the engine pages: `limit` from `offset`; the
  // engine's own call has already refused a page larger than its largest.
  const many = await page.evaluate(async () => {
    const engine = await (await import("/policy-search.js")).engine();
    return (globalThis.many = Math.floor(2.5 * engine.limits().max_limit));
  });
  await editEngine(page, (method, result, args) => {
    const ids = Array.from({ length: globalThis.many }, (_, i) => `many${i + 1}`);
    if (method === "documentClauses" && result.length) {
      const last = result[result.length - 1];
      return [...result, ...ids.map((clause, i) => ({ ...last, clause, label: `第${i + 1}条`, heading: null, text: "瞪羚企业的条款。" }))];
    }
    const doc = args[1]?.filters?.doc?.[0];
    if (method !== "search" || !doc) return result;
    const { offset = 0, limit = 10 } = args[1];
    return { ...result, hits: ids.slice(offset, offset + limit).map((clause) => ({ kind: "clause", doc, clause, highlights: [[0, 4]] })) };
  });
  await openWholeDocument(page, "瞪羚企业");
  const marked = await page.evaluate(() => {
    const detail = document.querySelector("policy-search").shadowRoot.querySelector(".detail");
    return {
      entries: detail.querySelectorAll("nav .toc-entry .toc-match").length,
      summary: detail.querySelector(".doc-matches")?.textContent ?? "",
    };
  });
  assert.equal(marked.entries, many, "every added clause is marked in the contents");
  assert.match(marked.summary, new RegExp(String(many)));
  // The last of them, from the contents: its text is highlighted too.
  const detail = page.locator("policy-search").locator(".detail");
  await detail.locator("nav .toc-entry", { hasText: `第${many}条` }).click();
  assert.deepEqual(await detail.locator(`.doc-clause[data-clause="many${many}"] mark`).allTextContents(), ["瞪羚企业"]);
  assert.deepEqual(errors, []);
  await context.close();
});
