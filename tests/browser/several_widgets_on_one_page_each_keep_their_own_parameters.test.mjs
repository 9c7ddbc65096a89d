// Two <policy-search> elements on one portal page each read and write their own URL
// parameters: without `url-prefix`, the prefix is the element's id and a dash (`laws-q`). A
// lone element keeps the plain names, and `url-prefix` always wins.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, results, waitReady } from "./harness.mjs";

/** The demo page with its widget turned into `first` and a second element `second` after it. */
const twoWidgets = (first, second) => (html) =>
  html.replace("<policy-search", `<policy-search ${first}`).replace("</policy-search>", `</policy-search>\n<policy-search ${second}></policy-search>`);

let s, page;
before(async () => {
  s = await start();
  ({ page } = await s.open("", { rewrite: twoWidgets('id="laws"', 'id="aid"') }));
});
after(() => s.close());

const params = () => Object.fromEntries(new URL(page.url()).searchParams);
const value = (host) => page.locator(host).locator("#q").inputValue();
const detailShown = (host) => page.locator(host).locator(".detail").isVisible();

test("each element's query goes to its own parameter, named after its id", async () => {
  await search(page, "房租补贴", "#laws");
  await search(page, "天使投资", "#aid");
  assert.deepEqual(params(), { "laws-q": "房租补贴", "aid-q": "天使投资" });
});

test("a reload gives each element back its own query", async () => {
  await page.reload();
  await waitReady(page);
  await settle(page, "#laws");
  await settle(page, "#aid");
  assert.equal(await value("#laws"), "房租补贴");
  assert.equal(await value("#aid"), "天使投资");
});

test("opening a clause in one leaves the other alone, and Back closes it", async () => {
  await page.locator("#laws").locator("#results [role=option]").first().click();
  await settle(page, "#laws"); // a sharded index may fetch the clause's section first
  const p = params();
  assert.ok(p["laws-doc"] && p["laws-clause"], page.url());
  assert.equal(p["aid-doc"], undefined);
  assert.ok(await detailShown("#laws"));
  assert.ok(!(await detailShown("#aid")));
  await page.goBack();
  await settle(page, "#laws");
  await settle(page, "#aid"); // Back restores #aid too: it may search again
  assert.ok(!(await detailShown("#laws")));
  assert.equal(await value("#aid"), "天使投资");
  assert.ok((await results(page, "#aid")).options.length > 0);
});

test("url-prefix wins over the id; a lone element keeps the plain names", async () => {
  const two = await s.open("", { rewrite: twoWidgets('id="laws" url-prefix="ps-"', 'id="aid"') });
  await search(two.page, "众创空间", "#laws");
  assert.equal(new URL(two.page.url()).searchParams.get("ps-q"), "众创空间");
  await two.context.close();
  const one = await s.open("", { rewrite: (html) => html.replace("<policy-search", '<policy-search id="only"') });
  await search(one.page, "众创空间");
  assert.equal(new URL(one.page.url()).searchParams.get("q"), "众创空间");
  await one.context.close();
});

test("one element's back button closes its clause without undoing the other's query", async () => {
  await page.locator("#laws").locator("#results [role=option]").first().click();
  await settle(page, "#laws"); // a sharded index may fetch the clause's section first
  await search(page, "众创空间", "#aid"); // a history entry on top of the clause's
  await page.locator("#laws").locator("button.back").click();
  await settle(page, "#laws");
  assert.ok(!(await detailShown("#laws")));
  assert.equal(params()["laws-clause"], undefined);
  assert.equal(await value("#aid"), "众创空间");
  assert.equal(params()["aid-q"], "众创空间");
});
