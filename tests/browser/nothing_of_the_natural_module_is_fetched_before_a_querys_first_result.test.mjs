// A visitor pays for the natural module and the lexicon (related results, corrections, pinyin,
// completions) only once a query of theirs has its first result: nothing of them is fetched for
// a visitor who types nothing, none before a hanzi query's first hit, and a query the exact
// module finds nothing for says "loading" while they come, not "nothing found".

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, results } from "./harness.mjs";

const NATURAL = /\/pkg\/(lexicon-[0-9a-f]+\.bin|policy_search_natural-[0-9a-f]+\.(wasm|js))$/;

let s;
before(async () => (s = await start()));
after(() => s.close());

/**
 * A page whose natural-module requests are held until `release()`; `first` resolves when the
 * first arrives, and `fetches(page)` lists, for each fetch the page made, whether a hit was on
 * screen at the moment it was called (recorded in the page, synchronously).
 */
async function held() {
  let release, asked;
  const gate = new Promise((ok) => (release = ok));
  const first = new Promise((ok) => (asked = ok));
  const { page, context } = await s.open("", {
    setup: async (page) => {
      await page.addInitScript(() => {
        const fetch = window.fetch;
        window.fetches = [];
        window.fetch = function (input, init) {
          const root = document.querySelector("policy-search")?.shadowRoot;
          window.fetches.push({ url: String(input?.url ?? input), shown: !!root?.querySelector('[role="option"]') });
          return fetch.call(this, input, init);
        };
      });
      await page.route(NATURAL, async (route) => {
        asked();
        await gate;
        await route.continue();
      });
    },
  });
  const fetches = async () => (await page.evaluate(() => window.fetches)).filter((f) => NATURAL.test(new URL(f.url, s.url).pathname));
  return { page, context, release, first, fetches };
}

test("a visitor who types nothing receives nothing of the natural module or the lexicon", async () => {
  const { page, context, release, fetches } = await held();
  await settle(page); // ready, the intro shown: settled does not wait for what nobody asked for
  assert.deepEqual(await fetches(), []);
  release();
  await context.close();
});

test("a hanzi query's first hit is shown before the natural module is asked for, then every tier takes over", async () => {
  const { page, context, release, first, fetches } = await held();
  await settle(page);
  await page.locator("policy-search").locator("#q").pressSequentially("创业");
  await first; // asked for once the first result is there
  const asked = await fetches();
  assert.ok(asked.length > 0 && asked.every((f) => f.shown), JSON.stringify(asked));
  release();
  await settle(page);
  assert.ok((await results(page)).options.length > 0);
  await context.close();
});

test("a query the exact module finds nothing for shows loading until related clauses arrive", async () => {
  const { page, context, release } = await held();
  await settle(page);
  await page.locator("policy-search").locator("#q").pressSequentially("众创空间认定奖励"); // no clause holds it whole
  await page.waitForFunction(() => /正在加载/.test(document.querySelector("policy-search").shadowRoot.querySelector(".status").textContent));
  const loading = await results(page);
  assert.doesNotMatch(loading.message, /没有找到/, "no 'nothing found' while the other tiers load");
  assert.equal(loading.options.length, 0);
  release();
  await settle(page);
  const r = await results(page);
  assert.ok(r.options.length > 0, "related clauses once the natural module is in");
  await context.close();
});

test("with the natural module unreachable, an exact miss ends in 'nothing found', not in loading", async () => {
  const { page, context } = await s.open("", { setup: (page) => page.route(NATURAL, (route) => route.abort("failed")) });
  await search(page, "众创空间认定奖励");
  const r = await results(page);
  assert.doesNotMatch(r.status, /正在加载/);
  assert.match(r.message, /没有找到/);
  await context.close();
});
