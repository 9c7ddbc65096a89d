// Every development query that does not need pinyin, typed into the element on the demo page,
// shows what tests/dev.json says a correct widget shows.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, results, devQueries } from "./harness.mjs";

let s, page;
before(async () => {
  s = await start();
  ({ page } = await s.open());
});
after(() => s.close());

/** Folds text with the page's own engine, as dev.json's `contains` strings are folded. */
const fold = (texts) =>
  page.evaluate(async (texts) => {
    const engine = await (await import("/policy-search.js")).engine();
    return texts.map((t) => engine.fold(t));
  }, texts);

/** All results of the current query: presses 显示更多 until every hit is shown. */
async function everything() {
  const more = page.locator("policy-search").locator("button.more");
  while (await more.isVisible()) {
    await more.click();
    await settle(page); // a sharded index may fetch the next page's files first
  }
  return results(page);
}

/** The exact hits' count in the status line ("找到 7 条完全匹配、3 条相关条款"). */
const total = (status) => Number(/(\d+) 条完全匹配/.exec(status)?.[1] ?? 0);

for (const { q, expect } of devQueries().filter((d) => !d.expect.pinyin)) {
  test(`query ${JSON.stringify(q)}`, async () => {
    await search(page, q);
    const r = await everything();
    const texts = await fold(r.options.map((o) => o.text));
    const titles = new Set(r.options.map((o) => o.crumbs.split("›")[0]));
    if (expect.none) {
      assert.equal(r.options.length, 0, r.status);
      if (q.trim()) assert.match(r.message, /没有找到/);
    }
    const exact = r.options.filter((o) => o.kind === "exact");
    if (expect.min_hits) assert.ok(total(r.status) >= expect.min_hits && exact.length === total(r.status), r.status);
    if (expect.docs_at_least) assert.ok(titles.size >= expect.docs_at_least, [...titles].join(" | "));
    // Exact hits come first; related ones follow under their own label.
    const firstPartial = r.options.findIndex((o) => o.kind === "partial");
    if (firstPartial >= 0) {
      assert.ok(r.options.slice(firstPartial).every((o) => o.kind === "partial"), "exact hits before related ones");
      assert.match(r.options[firstPartial].tier, /相关条款/);
    }
    if (expect.top1) assert.ok(expect.top1.some((s) => texts[0]?.includes(s)), `top hit: ${r.options[0]?.text}`);
    if (expect.all_of) for (const s of expect.all_of) assert.ok(texts.slice(0, 5).join("").includes(s), s);
    if (expect.same_as) {
      await search(page, expect.same_as);
      const other = await everything();
      assert.deepEqual(r.options.map((o) => o.crumbs + o.text), other.options.map((o) => o.crumbs + o.text));
    }
    if (expect.no_error) assert.doesNotMatch(r.message, /出错|错误/);
    // Every highlight of an exact hit is made of query terms (adjacent matches share one mark);
    // a hit found through a pinyin reading highlights the hanzi it was read as instead.
    const marks = await fold(exact.filter((o) => !o.reading).flatMap((o) => o.marks));
    const terms = (await fold([q]))[0].split(/\s+/).filter((t) => t && !t.startsWith("-")).map((t) => t.replaceAll('"', ""));
    for (const m of marks) assert.equal(terms.reduce((rest, t) => rest.replaceAll(t, ""), m), "", `highlight ${m} for ${q}`);
  });
}
