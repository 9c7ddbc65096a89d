// The range of days of issue in the filter panel: two native date inputs (从, 至), either left
// open. Set, it keeps the clauses of documents published in it (as the engine counts them for
// the same `from`/`to`), goes into the URL as `from`/`to`, shows as a chip, comes back from a
// shared link and from Back, and its chip removes it. On a phone the inputs are in the folded
// panel, reached with the 筛选 button.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, results } from "./harness.mjs";

let s;
before(async () => (s = await start()));
after(() => s.close());

const widget = (page) => page.locator("policy-search");
/** The exact hits' count in the status line. */
const total = (status) => Number(/(\d+) 条完全匹配/.exec(status)?.[1] ?? 0);
/** What the page's own engine counts for `q` with `options`. */
const engineTotal = (page, q, options) =>
  page.evaluate(async ([q, options]) => (await (await import("/policy-search.js")).engine()).search(q, options).total, [q, options]);

test("a start day keeps the later documents, in the URL, as a chip, back from a link and from Back", async () => {
  const { page, errors } = await s.open();
  await search(page, "创业");
  const all = total((await results(page)).status);
  const from = widget(page).locator("#range-from");
  await from.fill("2019-01-01");
  await settle(page);
  const expected = await engineTotal(page, "创业", { from: "2019-01-01" });
  assert.ok(expected > 0 && expected < all, `${expected} of ${all}`);
  assert.equal(total((await results(page)).status), expected);
  assert.equal(new URL(page.url()).searchParams.get("from"), "2019-01-01");
  const chip = widget(page).locator(".filter-chip", { hasText: "2019-01-01 起" });
  assert.equal(await chip.count(), 1);

  // A shared link shows the same, the input filled in.
  const { page: shared } = await s.open(new URL(page.url()).search);
  await settle(shared);
  assert.equal(total((await results(shared)).status), expected);
  assert.equal(await widget(shared).locator("#range-from").inputValue(), "2019-01-01");
  await shared.context().close();

  // Back returns to the unfiltered results; Forward to the range.
  await page.goBack();
  await settle(page);
  assert.equal(total((await results(page)).status), all);
  await page.goForward();
  await settle(page);
  assert.equal(total((await results(page)).status), expected);

  // The chip removes it, by keyboard.
  await chip.focus();
  await page.keyboard.press("Enter");
  await settle(page);
  assert.equal(total((await results(page)).status), all);
  assert.equal(new URL(page.url()).searchParams.get("from"), null);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("both ends keep the documents published between them; an empty box lists them", async () => {
  const { page } = await s.open("?from=2018-01-01&to=2018-12-31");
  await settle(page);
  const expected = await engineTotal(page, "", { from: "2018-01-01", to: "2018-12-31" });
  assert.ok(expected > 0);
  assert.match((await results(page)).status, new RegExp(`共 ${expected} 条条款符合筛选条件`));
  assert.equal(await widget(page).locator("#range-to").inputValue(), "2018-12-31");
  await page.context().close();
});

test("on a phone the range is in the folded panel and takes a date", async () => {
  const { page } = await s.open("", { viewport: { width: 360, height: 740 }, touch: true });
  await search(page, "创业");
  await widget(page).locator(".filter-toggle").tap();
  const to = widget(page).locator("#range-to");
  assert.ok(await to.isVisible(), "the panel opened");
  await to.fill("2018-12-31");
  await settle(page);
  assert.equal(total((await results(page)).status), await engineTotal(page, "创业", { to: "2018-12-31" }));
  await page.context().close();
});
