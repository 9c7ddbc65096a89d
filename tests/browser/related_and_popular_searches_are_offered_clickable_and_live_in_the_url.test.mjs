// Related searches under the results (what the clauses of the page share, from the natural
// engine) and the portal's popular searches before anything is typed (its manifest's
// `popular`): each a button that searches it as any query, by mouse or keyboard, into the URL,
// so Back returns and a link reopens it. Popular searches are tests/linked/'s, indexed here by
// the package's own `index` (and the seeds' on the demo page); a page's own `examples`
// attribute, when it has one, comes first.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { axe, indexed, start, search, settle, results, box } from "./harness.mjs";


let s, linked;
before(async () => {
  [s, linked] = await Promise.all([start(), start({ root: indexed("tests/linked", "dist-linked-popular") })]);
});
after(() => Promise.all([s.close(), linked.close()]));

const widget = (page) => page.locator("policy-search");
const related = (page) => widget(page).getByRole("navigation", { name: "相关搜索" }).getByRole("button");
/** What the page's natural engine offers as related searches for `q`, from a first page of the element's (10 hits). */
const engineRelated = (page, q) => page.evaluate(async (q) => {
  const { natural, whole } = await import("/policy-search.js");
  const engine = await natural();
  return (await whole(engine, () => engine.search(q, { limit: document.querySelector("policy-search").limit }))).related;
}, q);

test("a search lists the related searches its clauses share, and one clicked searches it into the URL", async () => {
  const { page, errors } = await s.open();
  await search(page, "人才");
  const offered = await related(page).allTextContents();
  assert.ok(offered.length > 0 && offered.length <= 8, JSON.stringify(offered));
  assert.deepEqual(offered, await engineRelated(page, "人才"));
  assert.ok(offered.every((q) => q !== "人才" && q.includes("人才")), JSON.stringify(offered));
  assert.deepEqual(await axe(page), []);

  await related(page).first().click();
  await settle(page);
  assert.equal(await box(page).inputValue(), offered[0]);
  assert.equal(new URL(page.url()).searchParams.get("q"), offered[0]);
  assert.ok((await results(page)).options.length > 0, `${offered[0]} finds something`);

  await page.goBack();
  await settle(page);
  assert.equal(await box(page).inputValue(), "人才");
  assert.deepEqual(await related(page).allTextContents(), offered, "Back shows them again");
  assert.deepEqual(errors, []);
});

test("a related search works by keyboard alone", async () => {
  const { page, errors } = await s.open();
  await search(page, "知识产权");
  const first = related(page).first();
  const q = await first.textContent();
  await first.focus();
  await page.keyboard.press("Enter");
  await settle(page);
  assert.equal(new URL(page.url()).searchParams.get("q"), q);
  assert.deepEqual(errors, []);
});

test("before anything is typed, the page shows the portal's popular searches", async () => {
  const { page, errors } = await linked.open();
  await settle(page);
  const message = widget(page).locator(".message");
  assert.match(await message.textContent(), /热门搜索：/);
  const buttons = message.getByRole("button");
  assert.deepEqual(await buttons.allTextContents(), ["房租减免", "贷款贴息", "人才公寓"]);
  await buttons.nth(1).focus();
  await page.keyboard.press("Enter");
  await settle(page);
  assert.equal(new URL(page.url()).searchParams.get("q"), "贷款贴息");
  assert.ok((await results(page)).options.length > 0);
  // A shared link opens the same search.
  const { page: shared } = await linked.open(new URL(page.url()).search);
  await settle(shared);
  assert.deepEqual((await results(shared)).options.map((o) => o.id), (await results(page)).options.map((o) => o.id));
  assert.deepEqual(errors, []);
});

test("the page's own examples come before the portal's popular searches", async () => {
  const { page, errors } = await linked.open("", { rewrite: (html) => html.replace("<policy-search", '<policy-search examples="首贷奖励"') });
  await settle(page);
  const message = widget(page).locator(".message");
  assert.match(await message.textContent(), /试试：/);
  assert.deepEqual(await message.getByRole("button").allTextContents(), ["首贷奖励"]);
  assert.deepEqual(errors, []);
});
