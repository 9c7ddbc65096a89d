// Served with `Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'`
// the page loads, searches and opens a clause and its document with no violation and no
// request outside its origin; served without 'wasm-unsafe-eval', the element says why it
// cannot work.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, results, settle, STRICT_CSP } from "./harness.mjs";

const servers = [];
after(() => Promise.all(servers.map((s) => s.close())));

/** Records CSP violations from the first moment of the page. */
const recordViolations = (page) =>
  page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

test("under the strict policy the widget works, with no violation and no foreign request", async () => {
  const s = await start({ csp: STRICT_CSP });
  servers.push(s);
  const context = await s.browser.newContext();
  const page = await context.newPage();
  const foreign = [];
  page.on("request", (r) => r.url().startsWith(s.url) || foreign.push(r.url()));
  await recordViolations(page);
  const response = await page.goto(s.url);
  assert.equal(response.headers()["content-security-policy"], STRICT_CSP);
  await page.waitForFunction(() => document.querySelector("policy-search").getAttribute("state") !== "loading");
  assert.equal(await page.locator("policy-search").getAttribute("state"), "ready");
  await search(page, "雙創");
  assert.ok((await results(page)).options.length > 0);
  // The clause view and the document view too.
  await page.locator("policy-search").locator("#results [role=option]").first().click();
  await settle(page);
  await page.locator("policy-search").locator(".detail button.whole").click();
  await settle(page);
  assert.ok((await page.locator("policy-search").locator(".detail .doc-clause").count()) > 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("without 'wasm-unsafe-eval' the element shows an error that names the cause", async () => {
  const s = await start({ csp: "default-src 'self'; script-src 'self'" });
  servers.push(s);
  const { page, context } = await s.open();
  assert.equal(await page.locator("policy-search").getAttribute("state"), "error");
  const alert = await page.locator("policy-search").locator("[role=alert]").textContent();
  assert.match(alert, /内容安全策略/);
  assert.match(alert, /wasm-unsafe-eval/);
  await context.close();
});
