// Filters and sort live in the URL beside the query (`issuer`, `year`, `status`, `unit`,
// `document` — repeated for several values — and `sort=newest`): each change is one history
// entry, so Back and Forward step through them; a reload and a shared link restore boxes and
// results; the host's parameters, hash and history.state stay its own; a value the index does
// not know (a stale link) shows as a removable chip with 0.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, results, waitReady } from "./harness.mjs";

const HOST_STATE = { app: "portal", n: 1 };
const FIXED = (html) => html.replace("<policy-search", '<policy-search today="2026-11-23" limit="100"');

let s, page;
before(async () => {
  s = await start();
  ({ page } = await s.open("?ticket=ST-123#token=abc", { rewrite: FIXED, permissions: ["clipboard-read", "clipboard-write"] }));
  await page.evaluate((state) => history.replaceState(state, ""), HOST_STATE);
});
after(() => s.close());

const widget = (p = page) => p.locator("policy-search");
const checkbox = (label, p = page) => widget(p).getByRole("checkbox", { name: new RegExp(`^${label} \\(\\d+\\)$`) });
const params = (p = page) => [...new URL(p.url()).searchParams];
/** What the widget shows: the box, ticked boxes, sort, chips and the results' ids. */
const shown = (p = page) => p.evaluate(() => {
  const root = document.querySelector("policy-search").shadowRoot;
  return {
    q: root.querySelector("#q").value,
    ticked: [...root.querySelectorAll(".filter-panel input:checked")].map((b) => b.value),
    sort: root.querySelector("select.sort").value,
    chips: [...root.querySelectorAll(".filter-chip")].map((c) => c.getAttribute("aria-label")),
    hits: [...root.querySelectorAll("#results [role=option] .crumbs")].map((c) => c.textContent),
  };
});

const steps = [];
/** Records what is shown and the URL after a change, to compare with Back and Forward. */
async function step() {
  await settle(page);
  steps.push({ view: await shown(), params: params(), length: await page.evaluate(() => history.length) });
}

test("each filter change and the sort go into the URL as one new history entry", async () => {
  await search(page, "创业");
  await page.keyboard.press("Enter"); // the query is done
  await step();
  await checkbox("平凉市人民政府").check();
  await step();
  await checkbox("杭州市人民政府").check();
  await step();
  await checkbox("现行有效").check();
  await step();
  await widget().locator("select.sort").selectOption("newest");
  await step();
  assert.deepEqual(steps.at(-1).params, [
    ["ticket", "ST-123"], ["q", "创业"], ["issuer", "平凉市人民政府"], ["issuer", "杭州市人民政府"],
    ["status", "current"], ["sort", "newest"],
  ]);
  assert.equal(new URL(page.url()).hash, "#token=abc");
  for (let i = 1; i < steps.length; i++) assert.equal(steps[i].length, steps[i - 1].length + 1, `step ${i} pushed one entry`);
  assert.equal((await page.evaluate(() => history.state)).app, "portal");
  assert.deepEqual([...steps.at(-1).view.ticked].sort(), ["current", "平凉市人民政府", "杭州市人民政府"].sort());
});

test("Back and Forward step through the filter changes, boxes and results with them", async () => {
  for (let i = steps.length - 2; i >= 0; i--) {
    await page.goBack();
    await settle(page);
    assert.deepEqual(await shown(), steps[i].view, `back to step ${i}`);
    assert.deepEqual(params(), steps[i].params);
  }
  for (let i = 1; i < steps.length; i++) {
    await page.goForward();
    await settle(page);
    assert.deepEqual(await shown(), steps[i].view, `forward to step ${i}`);
  }
});

test("a reload restores query, boxes, sort and results", async () => {
  const before = await shown();
  await page.reload();
  await waitReady(page);
  await settle(page);
  assert.deepEqual(await shown(), before);
  assert.deepEqual(params(), steps.at(-1).params);
});

test("a clause's link carries the filters but not the host's parameters; Back returns to the filtered list", async () => {
  await widget().locator("#results [role=option]").first().click();
  await settle(page); // a sharded index may fetch the clause's section first
  await widget().locator("button.copy-link").click();
  await widget().locator("button.copy-link", { hasText: "✓" }).waitFor(); // the copy is done: the clipboard holds it
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  assert.deepEqual([...link.searchParams.keys()].sort(), ["clause", "doc", "issuer", "issuer", "q", "sort", "status"]);
  assert.equal(link.hash, "");
  const fresh = await s.open(link.search, { rewrite: FIXED });
  await settle(fresh.page);
  await widget(fresh.page).locator("button.back").click();
  await settle(fresh.page);
  const view = await shown(fresh.page);
  assert.deepEqual(view, steps.at(-1).view, "the link's list is the one it was copied from");
  await fresh.context.close();
  await page.goBack();
  await settle(page);
  assert.deepEqual(await shown(), steps.at(-1).view);
});

test("a filter on an empty box is a shareable list; typing keeps the filters", async () => {
  const fresh = await s.open(`?year=2019&document=${encodeURIComponent("002_068eb5f31e209a71")}`, { rewrite: FIXED });
  await settle(fresh.page);
  const r = await results(fresh.page);
  // Two facets AND: no 2019 clause in document 002, so nothing; dropping the document lists 2019's.
  assert.equal(r.options.length, 0);
  assert.match(r.message, /没有符合筛选条件/);
  await widget(fresh.page).getByRole("button", { name: /^移除筛选：平凉市/ }).click();
  await settle(fresh.page);
  assert.deepEqual([...new URL(fresh.page.url()).searchParams], [["year", "2019"]]);
  const listed = (await results(fresh.page)).options.length;
  assert.equal(listed, 20);
  await search(fresh.page, "人才");
  const typed = new URL(fresh.page.url()).searchParams;
  assert.equal(typed.get("q"), "人才");
  assert.equal(typed.get("year"), "2019");
  assert.ok((await results(fresh.page)).options.every((o) => o.chips.some((c) => c.startsWith("发布 2019"))));
  await fresh.context.close();
});

test("a value the index does not know shows as a ticked box and a chip with 0, and can be removed", async () => {
  const fresh = await s.open(`?q=${encodeURIComponent("创业")}&unit=${encodeURIComponent("不存在的局")}`, { rewrite: FIXED });
  await settle(fresh.page);
  assert.ok(await checkbox("不存在的局", fresh.page).isChecked());
  assert.equal(await checkbox("不存在的局", fresh.page).getAttribute("value"), "不存在的局");
  assert.match(await widget(fresh.page).locator(".filter-panel label", { hasText: "不存在的局" }).textContent(), /\(0\)$/);
  const r = await results(fresh.page);
  assert.equal(r.options.length, 0);
  assert.match(r.message, /清除筛选/);
  assert.doesNotMatch(r.message, /null|undefined/);
  await widget(fresh.page).getByRole("button", { name: "移除筛选：不存在的局" }).click();
  await settle(fresh.page);
  assert.ok((await results(fresh.page)).options.length > 0);
  assert.deepEqual([...new URL(fresh.page.url()).searchParams], [["q", "创业"]]);
  await fresh.context.close();
});

test("with url-prefix the filters take the prefix too", async () => {
  const fresh = await s.open("", { rewrite: (html) => FIXED(html).replace("<policy-search", '<policy-search url-prefix="ps-"') });
  await settle(fresh.page);
  await widget(fresh.page).locator(".filter-panel input[data-facet=doc]").first().check();
  await settle(fresh.page);
  await widget(fresh.page).locator("select.sort").selectOption("newest");
  await settle(fresh.page);
  const keys = [...new URL(fresh.page.url()).searchParams.keys()];
  assert.deepEqual(keys, ["ps-document", "ps-sort"]);
  await fresh.context.close();
});
