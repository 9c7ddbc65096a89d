// A shard file a query needs that does not come whole — a 404 (the page is older or newer than
// the files), a truncated body, another file's bytes (its checksum is not the one the core
// lists), no answer at all (offline) — is never shown as a partial or empty answer: the widget
// says why, in place of the results, with a 重试 button; once the file is served, the retry
// shows the whole answer. A slow file shows "loading", not "nothing found".

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { start, settle, results, box, DIST } from "./harness.mjs";

const SHARDS = /\/pkg\/shards\/[^/]+\.bin$/;

let s;
before(async () => {
  assert.ok(existsSync(`${DIST}/pkg/shards`), `${DIST} is not a sharded build`);
  s = await start();
});
after(() => s.close());

/** A page whose shard requests go to `fault(route)` until `heal()`, then to the server. */
async function faulty(fault) {
  let healed = false;
  const { page, context, errors } = await s.open("", {
    setup: (page) => page.route(SHARDS, (route) => (healed ? route.continue() : fault(route))),
  });
  return { page, context, errors, heal: () => (healed = true) };
}

/** The bytes of a shard file of this build other than the one `route` asks for. */
function another(route) {
  const asked = new URL(route.request().url()).pathname.split("/").pop();
  const name = readdirSync(`${DIST}/pkg/shards`).find((f) => f !== asked);
  return readFileSync(`${DIST}/pkg/shards/${name}`);
}

const FAULTS = [
  ["a 404", (route) => route.fulfill({ status: 404, body: "" }), /刷新页面/],
  ["a truncated file", async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, body.length >> 1) });
  }, /刷新页面/],
  ["another file's bytes", (route) => route.fulfill({ status: 200, contentType: "application/octet-stream", body: another(route) }), /刷新页面/],
  ["no answer (offline)", (route) => route.abort("internetdisconnected"), /检查网络/],
];

for (const [fault, serve, why] of FAULTS) {
  test(`${fault}: the widget says why and offers a retry, never a partial answer; the retry recovers`, async () => {
    const { page, context, errors, heal } = await faulty(serve);
    await box(page).fill("创业");
    const retry = page.locator("policy-search").locator(".message button.retry");
    await retry.waitFor();
    const failed = await results(page);
    assert.match(failed.message, why);
    assert.equal(failed.options.length, 0, "no partial answer");
    heal();
    await retry.click();
    await settle(page);
    const whole = await results(page);
    assert.ok(whole.options.length > 0, whole.message);
    assert.doesNotMatch(whole.message, /失败|不一致/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("a slow shard file shows loading, not 'nothing found', until it arrives", async () => {
  let release;
  const gate = new Promise((ok) => (release = ok));
  const { page, context } = await s.open("", {
    setup: (page) => page.route(SHARDS, async (route) => {
      await gate;
      await route.continue();
    }),
  });
  await box(page).fill("创业");
  await page.waitForFunction(() => /正在加载/.test(document.querySelector("policy-search").shadowRoot.querySelector(".status").textContent));
  const loading = await results(page);
  assert.doesNotMatch(loading.message, /没有找到/);
  assert.equal(loading.options.length, 0);
  release();
  await settle(page);
  assert.ok((await results(page)).options.length > 0);
  await context.close();
});
