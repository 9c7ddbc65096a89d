// While the engine downloads, the element says so and the box accepts typing; when it is ready
// the results of what was typed appear. A failed download is an error that says why.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, settle, results } from "./harness.mjs";

let s;
before(async () => (s = await start()));
after(() => s.close());

test("typing while the wasm is still loading is searched once it arrives", async () => {
  const { page, context } = await s.open("", { wait: false });
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  const host = page.locator("policy-search");
  await host.locator("#q").waitFor();
  assert.equal(await host.getAttribute("state"), "loading");
  assert.match(await host.locator(".status").textContent(), /正在加载/);
  assert.equal(await host.locator(".root").getAttribute("aria-busy"), "true");
  await host.locator("#q").pressSequentially("星创天地");
  release();
  await page.waitForFunction(() => document.querySelector("policy-search").getAttribute("state") === "ready");
  await settle(page);
  assert.equal(await host.locator("#q").inputValue(), "星创天地");
  assert.ok((await results(page)).options[0].marks.includes("星创天地"));
  await context.close();
});

test("a wasm that cannot be downloaded is an error state, not a spinner", async () => {
  const context = await s.browser.newContext();
  const page = await context.newPage();
  await page.route("**/*.wasm", (route) => route.abort("failed"));
  await page.goto(s.url);
  await page.waitForFunction(() => document.querySelector("policy-search").getAttribute("state") === "error");
  assert.match(await page.locator("policy-search").locator("[role=alert]").textContent(), /下载失败|出错/);
  await context.close();
});
