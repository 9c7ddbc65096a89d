// Markup typed as a query, or arriving in the URL, is shown as text: no element is created, no
// script runs, nothing is fetched; markup in a document is text in the document view too.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, results, settle, editEngine } from "./harness.mjs";

let s;
before(async () => (s = await start()));
after(() => s.close());

const PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  `<img src=x onerror="window.__xss=1">`,
  "<script>window.__xss=1</script>",
  `"><svg onload=alert(1)>`,
];

/** Elements the payloads would create, anywhere in the page or the element. */
const injected = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("policy-search").shadowRoot;
    return [...document.querySelectorAll("img:not(.emblem), svg, script:not([src])"), ...root.querySelectorAll("img, svg, script")].length;
  });

for (const payload of PAYLOADS) {
  test(`typed: ${payload}`, async () => {
    const { page, errors, foreign, context } = await s.open();
    const requests = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await search(page, payload);
    const r = await results(page);
    assert.ok(r.message.includes(payload), `the message quotes the query as text: ${r.message}`);
    assert.equal(await injected(page), 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    assert.ok(!requests.includes("/x"), "no request for the payload's image");
    await context.close();
  });
}

test("from the URL, into the box and the deep-link view", async () => {
  const payload = PAYLOADS[1];
  const { page, errors, context } = await s.open(`?q=${encodeURIComponent(payload)}&doc=${encodeURIComponent(payload)}&clause=1`);
  await settle(page);
  assert.equal(await page.locator("policy-search").locator("#q").inputValue(), payload);
  assert.equal(await injected(page), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test("from the URL, into the document view", async () => {
  const payload = PAYLOADS[1];
  const { page, errors, context } = await s.open(`?q=${encodeURIComponent(payload)}&doc=${encodeURIComponent(payload)}`);
  await settle(page);
  assert.match(await page.locator("policy-search").locator(".detail [role=alert]").textContent(), /文件不存在/);
  assert.equal(await injected(page), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test("markup in a document's clauses shows as text in the document view", async () => {
  const { page, errors, context } = await s.open();
  await editEngine(page, (method, result) => {
    if (method !== "documentClauses") return result;
    const markup = `<img src=x onerror="window.__xss=1">`;
    return result.map((c) => ({ ...c, label: markup, heading: markup, text: markup + c.text, path: c.path.map((p) => ({ ...p, title: markup })) }));
  });
  await search(page, "瞪羚企业");
  await page.locator("policy-search").locator("#results [role=option]").first().click();
  await settle(page);
  await page.locator("policy-search").locator(".detail button.whole").click();
  await settle(page);
  const body = await page.locator("policy-search").locator(".detail .doc-body").textContent();
  assert.ok(body.includes(`<img src=x onerror="window.__xss=1">`), "the markup is text");
  assert.equal(await injected(page), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});
