// The whole-document view is a chunk of its own (www/element/parts.js): a visitor whose query
// shows results and a clause pays nothing for it; opening a document fetches it once, from the
// page's own origin. If that fetch fails, the widget says so with a 重试 button, shows no
// half-built view, and the retry opens the document.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, openWholeDocument } from "./harness.mjs";

const CHUNK = /\/pkg\/document-view-[0-9A-Z]+\.js$/;

let s;
before(async () => (s = await start()));
after(() => s.close());

/** Paths of the document-view chunk the page requested so far. */
const chunkRequests = (page) =>
  page.evaluate((source) => performance.getEntriesByType("resource")
    .map((r) => new URL(r.name).pathname).filter((p) => new RegExp(source).test(p)), CHUNK.source);

/** The document view's title, or null while the pane shows none. */
const docTitle = (page) =>
  page.evaluate(() => {
    const detail = document.querySelector("policy-search").shadowRoot.querySelector(".detail");
    return detail.hidden ? null : detail.querySelector(".doc-body") && detail.querySelector("h2")?.textContent;
  });

test("a query's results and an opened clause fetch no document view; opening a document fetches it once", async () => {
  const { page, context, errors } = await s.open("");
  await search(page, "创业补贴");
  await page.locator("policy-search").locator("#results [role=option]").first().click();
  await settle(page);
  assert.deepEqual(await chunkRequests(page), [], "no document view before a document is opened");
  await page.locator("policy-search").locator(".detail button.whole").click();
  await settle(page);
  assert.ok(await docTitle(page), "the document view shows");
  const fetched = await chunkRequests(page);
  assert.equal(fetched.length, 1, `one request for the chunk: ${fetched}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a document view chunk that fails to load says why, shows no view, and the retry opens the document", async () => {
  let healed = false;
  const { page, context, errors } = await s.open("", {
    setup: (page) => page.route(CHUNK, (route) => (healed ? route.continue() : route.abort("internetdisconnected"))),
  });
  await search(page, "创业补贴");
  await page.locator("policy-search").locator("#results [role=option]").first().click();
  await settle(page);
  await page.locator("policy-search").locator(".detail button.whole").click();
  const retry = page.locator("policy-search").locator(".message button.retry");
  await retry.waitFor();
  assert.match(await page.locator("policy-search").locator(".message[role=alert]").textContent(), /检查网络/);
  assert.equal(await page.evaluate(() => !!document.querySelector("policy-search").shadowRoot.querySelector(".doc-body")), false);
  healed = true;
  await retry.click();
  await settle(page);
  assert.ok(await docTitle(page), "the retry opens the document");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a deep link to a document opens it with the chunk fetched on the way", async () => {
  const { page, context } = await s.open("");
  await openWholeDocument(page, "创业补贴");
  const url = page.url();
  const again = await s.open(new URL(url).search);
  await settle(again.page);
  assert.ok(await docTitle(again.page), "the linked document shows");
  await again.context.close();
  await context.close();
});
