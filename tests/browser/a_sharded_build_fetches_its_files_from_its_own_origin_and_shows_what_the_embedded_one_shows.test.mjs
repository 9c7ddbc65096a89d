// The widget over a sharded build (dist/: the seeds' index is past SHARD_ABOVE, so it ships
// sharded): its first result needs a part of the shard files, every request stays on the
// page's own origin, and every dev and natural query shows exactly what the embedded build
// (target/dist-embedded/, POLICY_SEARCH_SHARDS=never) shows, first page, deep-linked clause and
// deep-linked document alike. SHARDED_DIST and EMBEDDED_DIST point it at other builds of one
// corpus (the 10× corpus of scripts/scale, built both ways).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { start, search, results, settle, devQueries, naturalQueries, DIST, EMBEDDED_DIST } from "./harness.mjs";

const SHARDED = process.env.SHARDED_DIST ?? DIST;

let embedded, sharded, plain, split;
before(async () => {
  assert.ok(existsSync(`${SHARDED}/pkg/shards`), `${SHARDED} is not sharded`);
  assert.ok(!existsSync(`${EMBEDDED_DIST}/pkg/shards`), `run ./scripts/test (it builds ${EMBEDDED_DIST})`);
  embedded = await start({ root: EMBEDDED_DIST });
  sharded = await start({ root: SHARDED });
  plain = await embedded.open();
  split = await sharded.open();
});
after(async () => {
  await embedded.close();
  await sharded.close();
});

/** Paths of the shard files a page has requested. */
const shardRequests = (page) =>
  page.evaluate(() => performance.getEntriesByType("resource").map((r) => new URL(r.name).pathname).filter((p) => p.includes("/pkg/shards/")));

test("the first result of a hanzi query needs a part of the shard files, all from the page's own origin", async () => {
  const fresh = await sharded.open();
  assert.deepEqual(await shardRequests(fresh.page), [], "no shard before a query");
  await search(fresh.page, "创业");
  const r = await results(fresh.page);
  assert.ok(r.options.length > 0, r.status);
  const fetched = await shardRequests(fresh.page);
  const all = readdirSync(`${SHARDED}/pkg/shards`).length;
  assert.ok(fetched.length > 0 && fetched.length < all, `${fetched.length} of ${all} files`);
  assert.deepEqual(fresh.foreign, []);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
});

const queries = [...new Set([...devQueries(), ...naturalQueries()].map((d) => d.q))];
for (const q of queries) {
  test(`query ${JSON.stringify(q)} shows what the embedded build shows`, async () => {
    await search(plain.page, q);
    await search(split.page, q);
    assert.deepEqual(await results(split.page), await results(plain.page));
  });
}

/** The top hit of 创业, from the embedded build's natural engine. */
const topHit = () => plain.page.evaluate(async () => {
  const engine = await (await import("/policy-search.js")).natural();
  return engine.search("创业", { limit: 1 }).hits[0];
});

/**
 * `read(detail, root)` (run in the page; `root` is the shadow root) of the view that `path`
 * opens, in the embedded then the sharded build.
 */
async function views(path, read) {
  const seen = [];
  for (const s of [embedded, sharded]) {
    const { page, context, foreign } = await s.open(path);
    await settle(page);
    seen.push(await page.evaluate(`((root) => (${read})(root.querySelector(".detail"), root))(document.querySelector("policy-search").shadowRoot)`));
    assert.deepEqual(foreign, []);
    await context.close();
  }
  return seen;
}

test("a deep-linked clause opens with its highlights as in the embedded build", async () => {
  const hit = await topHit();
  const path = `?q=${encodeURIComponent("创业")}&doc=${encodeURIComponent(hit.doc)}&clause=${encodeURIComponent(hit.clause)}`;
  const [plainView, splitView] = await views(path, (detail) =>
    ({ text: detail?.textContent ?? "", marks: [...(detail?.querySelectorAll("mark") ?? [])].map((m) => m.textContent) }));
  assert.ok(plainView.marks.length > 0, "the clause shows the query's highlights");
  assert.deepEqual(splitView, plainView);
});

test("a deep-linked document opens with its clauses and highlights as in the embedded build", async () => {
  const hit = await topHit();
  const [plainView, splitView] = await views(`?q=${encodeURIComponent("创业")}&doc=${encodeURIComponent(hit.doc)}`, (detail) => ({
    clauses: [...detail.querySelectorAll(".doc-clause")].map((c) => [c.textContent, c.querySelectorAll("mark").length]),
    entries: [...detail.querySelectorAll("nav .toc-entry")].map((b) => b.textContent),
  }));
  assert.ok(plainView.clauses.length > 0 && plainView.entries.length === plainView.clauses.length);
  assert.ok(plainView.clauses.some(([, marks]) => marks > 0), "the document shows the query's highlights");
  assert.deepEqual(splitView, plainView);
});

test("a filter, with an empty box too, lists and counts what the embedded build does", async () => {
  for (const path of [`?issuer=${encodeURIComponent("杭州市人民政府")}`, "?year=2018&sort=newest", `?q=${encodeURIComponent("创业")}&status=current`]) {
    const [plainView, splitView] = await views(path, (_, root) => ({
      hits: root.querySelectorAll("#results [role=option]").length,
      // The panel's counts, the status line and every hit listed.
      text: root.querySelector(".results").textContent,
    }));
    assert.ok(plainView.hits > 0, path);
    assert.deepEqual(splitView, plainView, path);
  }
});
