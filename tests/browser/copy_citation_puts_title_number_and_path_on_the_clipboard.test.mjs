// "复制引用" copies 《title》（文号）path › clause; "复制本条链接" copies a link that reopens it.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle } from "./harness.mjs";

let s, page;
before(async () => {
  s = await start();
  ({ page } = await s.open("", { permissions: ["clipboard-read", "clipboard-write"] }));
});
after(() => s.close());

const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

test("the citation names the document, its number and the clause's path", async () => {
  await search(page, "返乡 创业");
  await page.locator("policy-search").locator("#results [role=option]").first().click();
  await settle(page); // a sharded index may fetch the clause's section first
  const detail = page.locator("policy-search").locator(".detail");
  const title = await detail.locator("h2").textContent();
  const crumbs = await detail.locator(".crumbs span:not(.sep):not(.doc)").allTextContents();
  await detail.locator("button.copy-citation").click();
  await detail.locator("button.copy-citation", { hasText: "✓" }).waitFor(); // the copy is done: the clipboard holds it
  const citation = await clipboard();
  assert.ok(citation.startsWith(`《${title}》（平政发〔2018〕67号）`), citation);
  for (const heading of crumbs) assert.ok(citation.includes(heading), `${heading} in ${citation}`);
  assert.equal(citation.split(" › ").length, crumbs.length + 1, citation);
  assert.match(await page.locator("policy-search").locator("[role=status]").textContent(), /已复制/);
});

test("the copied link reopens the same clause", async () => {
  const detail = page.locator("policy-search").locator(".detail");
  const current = await detail.locator("li[aria-current=true]").textContent();
  await detail.locator("button.copy-link").click();
  await detail.locator("button.copy-link", { hasText: "✓" }).waitFor(); // the copy is done: the clipboard holds it
  const link = await clipboard();
  assert.ok(link.startsWith(s.url), link);
  const fresh = await s.open(link.slice(s.url.length));
  assert.equal(await fresh.page.locator("policy-search").locator(".detail li[aria-current=true]").textContent(), current);
  await fresh.context.close();
});
