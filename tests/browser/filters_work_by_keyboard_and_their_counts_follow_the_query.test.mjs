// The filters beside the results: a fieldset per facet, ticked and unticked with Tab and Space
// alone. Each value's count is the number of clauses the results list for it, and follows the
// query and the other facets' filters; with an empty box a filter lists what passes it; chips
// remove filters and hand focus on; newest-first puts the newest document's clauses on top.
// The demo page is given `today` (validity judged on a fixed day) and `limit="100"` (every
// hit on one page, so a count can be checked against the list).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, results, box } from "./harness.mjs";

const FIXED = (html) => html.replace("<policy-search", '<policy-search today="2026-11-23" limit="100"');

let s, page;
before(async () => {
  s = await start();
  ({ page } = await s.open("", { rewrite: FIXED }));
  await settle(page);
});
after(() => s.close());

const widget = () => page.locator("policy-search");
/** A value's checkbox, by its label without the count. */
const checkbox = (label) => widget().getByRole("checkbox", { name: new RegExp(`^${label} \\(\\d+\\)$`) });

/** The facets as shown (the date range aside): {legend: [[label, count, checked]]}. */
function facets() {
  return page.evaluate(() => {
    const root = document.querySelector("policy-search").shadowRoot;
    return Object.fromEntries([...root.querySelectorAll(".filter-panel fieldset:not(.range)")].map((set) => [
      set.querySelector("legend").textContent,
      [...set.querySelectorAll("label")].map((label) => {
        const [, text, count] = label.textContent.match(/^(.*) \((\d+)\)$/);
        return [text, Number(count), label.querySelector("input").checked];
      }),
    ]));
  });
}
const count = async (legend, label) => (await facets())[legend].find(([text]) => text === label)?.[1];
/** What has focus inside the widget: its role, and its name or value. */
const focused = () => page.evaluate(() => {
  const el = document.querySelector("policy-search").shadowRoot.activeElement;
  return el && { tag: el.localName, type: el.type, value: el.value, label: el.getAttribute("aria-label") };
});
/** Clause hits listed (document hits are not counted by a facet). */
const clauseHits = async () => (await results(page)).options.filter((o) => o.kind !== "document");

/** Presses Tab until the checkbox of `value` has focus (at most `max` presses). */
async function tabTo(value, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused();
    if (f?.type === "checkbox" && f.value === value) return;
  }
  throw new Error(`no checkbox ${value} within ${max} Tabs`);
}

test("before anything is typed the panel counts every clause, one fieldset per facet", async () => {
  const shown = await facets();
  assert.deepEqual(Object.keys(shown), ["文件", "发文机关", "发布年份", "效力状态", "责任单位", "公文种类", "机关代字", "主题分类"]);
  const clauses = await page.evaluate(async () => (await (await import("/policy-search.js")).engine()).stats().clauses);
  const sum = (legend) => shown[legend].reduce((n, [, c]) => n + c, 0);
  assert.equal(sum("效力状态"), clauses, "every clause has one validity");
  assert.equal(sum("文件"), clauses, "and one document");
  assert.deepEqual(shown["效力状态"].map(([label]) => label), ["现行有效", "已失效", "效力未知"]);
  // Every seed's title ends in a type word; two of the five have a 文号.
  assert.equal(sum("公文种类"), clauses, "every clause's document has one kind");
  assert.deepEqual(shown["公文种类"].map(([label]) => label).sort(), ["方案", "规划", "意见", "通知"].sort());
  assert.deepEqual(shown["机关代字"].map(([label]) => label).sort(), ["平政发", "杭政"].sort());
  assert.ok(shown["责任单位"].length <= 6, "a long facet shows its first values");
  const more = widget().getByRole("button", { name: /^更多/ });
  assert.equal(await more.getAttribute("aria-expanded"), "false");
  assert.equal((await results(page)).options.length, 0, "an empty box without a filter lists nothing");
});

test("Tab and Space tick a filter; with an empty box it lists exactly its count of clauses", async () => {
  await box(page).focus();
  await tabTo("杭州市人民政府");
  const expected = await count("发文机关", "杭州市人民政府");
  await page.keyboard.press("Space");
  await settle(page);
  assert.equal((await focused()).value, "杭州市人民政府", "focus stays on the ticked box");
  assert.ok(await checkbox("杭州市人民政府").isChecked());
  const r = await results(page);
  assert.equal(r.options.length, expected);
  assert.match(r.status, new RegExp(`共 ${expected} 条`));
  // The live region says the new total.
  await page.waitForFunction((n) => document.querySelector("policy-search").shadowRoot.querySelector("[role=status]").textContent.includes(`共 ${n} 条`), expected);
  // Disjunctive counts: the other issuers keep theirs; the other facets count only its clauses.
  const shown = await facets();
  assert.equal(shown["发文机关"].length, 4);
  assert.deepEqual(shown["发布年份"], [["2019年", expected, false]]);
  assert.equal(new URL(page.url()).searchParams.get("issuer"), "杭州市人民政府");
});

test("counts follow the query, and another value of the same facet adds its clauses", async () => {
  const browsing = await count("发文机关", "杭州市人民政府");
  await search(page, "创新");
  const own = await count("发文机关", "杭州市人民政府");
  assert.ok(own > 0 && own < browsing, `${own} of ${browsing}`);
  assert.equal((await clauseHits()).length, own);
  const other = await count("发文机关", "平凉市人民政府");
  assert.ok(other > 0);
  await checkbox("平凉市人民政府").focus();
  await page.keyboard.press("Space");
  await settle(page);
  assert.equal((await clauseHits()).length, own + other, "values of one facet are OR");
  // Another facet narrows: the years are those of these two issuers' hits.
  const years = (await facets())["发布年份"].map(([label]) => label).sort();
  assert.deepEqual(years, ["2018年", "2019年"]);
  await checkbox("2018年").focus();
  await page.keyboard.press("Space");
  await settle(page);
  assert.equal((await clauseHits()).length, other, "facets are AND");
  assert.equal(await count("发文机关", "平凉市人民政府"), other);
  assert.equal(await count("发文机关", "杭州市人民政府"), 0, "no 2018 clause of it, listed while ticked");
  assert.equal(await count("发文机关", "杭州市滨江区人民政府"), undefined, "nor of this one: not listed");
  // Untick by keyboard.
  await checkbox("2018年").focus();
  await page.keyboard.press("Space");
  await settle(page);
  assert.equal((await clauseHits()).length, own + other);
});

test("a chip removes its filter and hands focus to the next chip, then to the search box", async () => {
  const first = widget().getByRole("button", { name: "移除筛选：杭州市人民政府" });
  await first.focus();
  await page.keyboard.press("Enter");
  await settle(page);
  assert.equal((await focused()).label, "移除筛选：平凉市人民政府");
  assert.ok(!(await checkbox("杭州市人民政府").isChecked()));
  await page.keyboard.press("Enter");
  await settle(page);
  assert.equal((await focused()).tag, "input");
  assert.equal((await focused()).type, "search");
  assert.equal(await widget().locator(".filter-chip").count(), 0);
  assert.equal(new URL(page.url()).searchParams.get("issuer"), null);
});

test("清除筛选 removes every filter; with an empty box the intro comes back", async () => {
  await search(page, "");
  await checkbox("2019年").check();
  await settle(page);
  await checkbox("现行有效").check();
  await settle(page);
  assert.ok((await results(page)).options.length > 0);
  await widget().getByRole("button", { name: "清除筛选" }).click();
  await settle(page);
  const r = await results(page);
  assert.equal(r.options.length, 0);
  assert.match(r.message, /已收录/);
  assert.equal((await focused()).type, "search");
});

test("newest first puts the newest document's clauses on top, chosen by keyboard", async () => {
  await search(page, "创业");
  const dates = async () => (await clauseHits()).filter((o) => o.kind === "exact")
    .map((o) => o.chips.find((c) => c.startsWith("发布"))?.slice(3) ?? "");
  const relevance = await dates();
  await widget().getByRole("combobox", { name: "排序" }).focus();
  await page.keyboard.press("ArrowDown");
  await settle(page);
  assert.equal(await widget().locator("select.sort").inputValue(), "newest");
  assert.equal(new URL(page.url()).searchParams.get("sort"), "newest");
  const newest = await dates();
  assert.deepEqual([...newest].sort(), [...relevance].sort(), "the same hits");
  assert.deepEqual(newest, [...newest].sort().reverse(), "newest document first");
  assert.notDeepEqual(newest, relevance);
  assert.equal(newest[0], [...relevance].sort().at(-1));
});

test("a document chosen as a filter can be read whole, and Back returns to the filtered list", async () => {
  await widget().getByRole("combobox", { name: "排序" }).selectOption("relevance");
  await settle(page);
  await search(page, "");
  const doc = (await facets())["文件"].find(([text]) => /平凉/.test(text));
  await widget().getByRole("checkbox", { name: new RegExp(`^${doc[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(`) }).check();
  await settle(page);
  const read = widget().getByRole("button", { name: /^阅读全文：/ });
  await read.focus();
  await page.keyboard.press("Enter");
  await settle(page);
  assert.equal(new URL(page.url()).searchParams.get("doc"), "002_068eb5f31e209a71");
  assert.match(await widget().locator(".detail h2").textContent(), /平凉市/);
  await page.goBack();
  await settle(page);
  assert.equal(new URL(page.url()).searchParams.get("doc"), null);
  assert.ok(new URL(page.url()).searchParams.getAll("document").includes("002_068eb5f31e209a71"));
  assert.equal((await clauseHits()).length, doc[1]);
});
