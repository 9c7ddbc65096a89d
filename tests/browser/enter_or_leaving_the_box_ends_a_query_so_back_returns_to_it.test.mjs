// Besides a pause, two moments end a query without any timing: Enter in the box and leaving
// the box. The next edit starts a new history entry, so Back returns to the query before. The
// fake clock is paused throughout, so no pause can happen by accident.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, settle, frame, box as boxOf, EMBEDDED_DIST } from "./harness.mjs";

let s, page;
before(async () => {
  s = await start({ root: EMBEDDED_DIST }); // the clock is paused: see EMBEDDED_DIST
  ({ page } = await s.open("", { clock: "paused" }));
});
after(() => s.close());

const box = () => boxOf(page);
const q = () => new URL(page.url()).searchParams.get("q");

/** Selects the box's text and types `text` over it. */
async function retype(text) {
  await box().press("Control+A");
  await box().pressSequentially(text);
}

test("Enter ends a query", async () => {
  await box().pressSequentially("房租补贴");
  await box().press("Enter");
  await retype("天使投资");
  await frame(page);
  assert.equal(q(), "天使投资");
  await page.goBack();
  await settle(page);
  assert.equal(await box().inputValue(), "房租补贴");
});

test("leaving the box ends a query", async () => {
  await box().click();
  await retype("瞪羚企业");
  await frame(page);
  await page.locator("h1").click(); // focus leaves the box
  await box().click();
  await retype("知识产权");
  await frame(page);
  assert.equal(q(), "知识产权");
  await page.goBack();
  await settle(page);
  assert.equal(await box().inputValue(), "瞪羚企业");
});
