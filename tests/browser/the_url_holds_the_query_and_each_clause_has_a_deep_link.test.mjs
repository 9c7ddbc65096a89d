// The query lives in the URL (reload and back work), and every clause has a link that opens it
// in its section, in a fresh page.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, results, waitReady } from "./harness.mjs";

let s, page;
before(async () => {
  s = await start();
  ({ page } = await s.open("", { clock: true })); // fake clock, running: the test skips the pause
});
after(() => s.close());

const query = () => new URL(page.url()).searchParams;
const inputValue = () => page.locator("policy-search").locator("#q").inputValue();

test("typing puts the query in the URL, and a reload restores query and results", async () => {
  await search(page, "房租补贴");
  assert.equal(query().get("q"), "房租补贴");
  const before = await results(page);
  await page.reload();
  await waitReady(page);
  await settle(page);
  assert.equal(await inputValue(), "房租补贴");
  assert.deepEqual((await results(page)).options, before.options);
});

test("a new query after a pause is a new history entry; Back returns to the previous one", async () => {
  await page.clock.fastForward(1100);
  await search(page, "天使投资");
  assert.equal(query().get("q"), "天使投资");
  await page.goBack();
  await settle(page);
  assert.equal(await inputValue(), "房租补贴");
  assert.equal(query().get("q"), "房租补贴");
  assert.ok((await results(page)).options[0].marks.includes("房租补贴"));
  await page.goForward();
  await settle(page);
  assert.equal(await inputValue(), "天使投资");
});

test("opening a result gives the clause its own URL; Back returns to the results", async () => {
  await search(page, "瞪羚企业");
  await page.locator("policy-search").locator("#results [role=option]").first().click();
  await settle(page); // a sharded index may fetch the clause's section first
  const doc = query().get("doc");
  const clause = query().get("clause");
  assert.ok(doc && clause, page.url());
  await page.goBack();
  await settle(page);
  assert.equal(query().get("clause"), null);
  assert.ok(await page.locator("policy-search").locator(".detail").isHidden());
  assert.equal((await results(page)).options.length > 0, true);
});

test("a deep link opens the clause in its section, highlighted, in a fresh page", async () => {
  await search(page, "瞪羚企业");
  await page.locator("policy-search").locator("#results [role=option]").first().click();
  await settle(page); // a sharded index may fetch the clause's section first
  const link = page.url();
  const expected = await page.locator("policy-search").locator(".detail li[aria-current=true]").textContent();
  const title = await page.locator("policy-search").locator(".detail h2").textContent();

  const fresh = await s.open(new URL(link).search);
  const detail = fresh.page.locator("policy-search").locator(".detail");
  await detail.locator("li[aria-current=true]").waitFor();
  assert.equal(await detail.locator("li[aria-current=true]").textContent(), expected);
  assert.ok((await detail.locator("li").count()) > 1, "the section around the clause is shown");
  const marks = await detail.locator("li[aria-current=true] mark").allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => m === "瞪羚企业"), marks.join());
  assert.equal(await detail.locator("h2").textContent(), title);
  // The back button of a deep-linked page leads to the results of its query.
  await detail.locator("button.back").click();
  await settle(fresh.page);
  assert.ok((await results(fresh.page)).options.length > 0);
  assert.equal(new URL(fresh.page.url()).searchParams.get("clause"), null);
  await fresh.context.close();
});

test("a deep link to a clause that does not exist says so", async () => {
  const fresh = await s.open("?doc=nope&clause=9.9");
  const detail = fresh.page.locator("policy-search").locator(".detail");
  assert.match(await detail.locator("[role=alert]").textContent(), /不存在/);
  await fresh.context.close();
});
