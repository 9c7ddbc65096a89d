// The scope control (范围: 全部, 标题, 文号, 正文) beside the sort: chosen by keyboard, a title or
// 文号 search lists the documents whose title or 文号 holds the query (as the page's own engine
// answers `in`), 正文 lists clauses and no document; the choice goes into the URL as `in`, comes
// back from a shared link and from Back, and the filters' counts follow it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, results } from "./harness.mjs";

let s;
before(async () => (s = await start()));
after(() => s.close());

const widget = (page) => page.locator("policy-search");
/**
 * The ids of the documents the page's natural engine (where the title and 文号 fields are) lists
 * for `q` with `options`, its sharded files fetched.
 */
const engineDocs = (page, q, options) =>
  page.evaluate(async ([q, options]) => {
    const { natural, whole } = await import("/policy-search.js");
    const engine = await natural();
    const results = await whole(engine, () => engine.search(q, { limit: 100, ...options }));
    return results.hits.filter((h) => h.kind === "document").map((h) => h.doc);
  }, [q, options]);
test("titles by keyboard: only documents whose title holds the query, in the URL, back from a link and from Back", async () => {
  const { page, errors } = await s.open();
  await search(page, "创新");
  const everywhere = await results(page);
  assert.ok(everywhere.options.some((o) => o.kind === "exact"), "clauses everywhere");
  const field = widget(page).getByRole("combobox", { name: "范围" });
  await field.focus();
  await page.keyboard.press("ArrowDown");
  await settle(page);
  assert.equal(await field.inputValue(), "title");
  assert.equal(new URL(page.url()).searchParams.get("in"), "title");
  const titled = await results(page);
  const expected = await engineDocs(page, "创新", { in: "title" });
  assert.ok(expected.length > 1, "titles holding 创新 (創新 in a Traditional one)");
  assert.equal(titled.options.length, expected.length);
  assert.ok(titled.options.every((o) => o.kind === "document"), "documents only");
  for (const o of titled.options) assert.ok(o.marks.length > 0, `${o.text}: its title marked`);

  // A shared link shows the same, the control set.
  const { page: shared } = await s.open(new URL(page.url()).search);
  await settle(shared);
  assert.equal(await widget(shared).getByRole("combobox", { name: "范围" }).inputValue(), "title");
  assert.deepEqual((await results(shared)).options.map((o) => o.text), titled.options.map((o) => o.text));
  await shared.context().close();

  // Back returns to everywhere.
  await page.goBack();
  await settle(page);
  assert.equal(await field.inputValue(), "all");
  assert.deepEqual((await results(page)).options.map((o) => o.id), everywhere.options.map((o) => o.id));
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("a 文号 written with other brackets finds its document; 正文 lists clauses and no document", async () => {
  const { page } = await s.open("?q=" + encodeURIComponent("杭政[2019]") + "&in=number");
  await settle(page);
  const byNumber = await results(page);
  const expected = await engineDocs(page, "杭政[2019]", { in: "number" });
  assert.ok(expected.length > 0);
  assert.equal(byNumber.options.length, expected.length);
  assert.ok(byNumber.options.every((o) => o.kind === "document"));
  assert.ok(byNumber.options.every((o) => o.chips.some((c) => c.startsWith("杭政〔2019〕"))), JSON.stringify(byNumber.options.map((o) => o.chips)));

  // A title names its document everywhere; in 正文 only clauses are listed.
  await search(page, "高新技术产业发展规划");
  await widget(page).getByRole("combobox", { name: "范围" }).selectOption("all");
  await settle(page);
  assert.ok((await results(page)).options.some((o) => o.kind === "document"), "the document everywhere");
  await widget(page).getByRole("combobox", { name: "范围" }).selectOption("body");
  await settle(page);
  const body = await results(page);
  assert.equal(new URL(page.url()).searchParams.get("in"), "body");
  assert.ok(body.options.length > 0 && body.options.every((o) => o.kind !== "document"), JSON.stringify(body.options.map((o) => o.kind)));
  await page.context().close();
});

test("the filters count the documents a title search lists", async () => {
  const { page } = await s.open("?q=" + encodeURIComponent("创新") + "&in=title");
  await settle(page);
  const counts = await page.evaluate(() => [...document.querySelector("policy-search").shadowRoot
    .querySelectorAll("fieldset.facet")].find((f) => f.querySelector("legend").textContent === "文件")
    ?.querySelectorAll("li").length ?? 0);
  assert.equal(counts, (await engineDocs(page, "创新", { in: "title" })).length, "one 文件 value per document listed");
  await page.context().close();
});
