// Back steps through queries, not keystrokes, wherever the keystrokes fall among animation
// frames: the first edit after a pause pushes one history entry, even when more keys land in
// the same frame, and the edits within a query replace that entry. The page runs on
// Playwright's fake clock, paused, so the test decides where each frame falls.

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
const entries = () => page.evaluate(() => history.length);

test("keys that all land in the first frame after a pause make one new entry", async () => {
  await box().pressSequentially("房租补贴");
  await frame(page);
  const first = await entries();
  await page.clock.fastForward(1500); // a pause
  await box().press("Control+A");
  await box().pressSequentially("天使投资"); // four edits before the frame runs
  await frame(page);
  assert.equal(q(), "天使投资");
  assert.equal(await entries(), first + 1);
  await page.goBack();
  await settle(page);
  assert.equal(q(), "房租补贴");
  assert.equal(await box().inputValue(), "房租补贴");
  await page.goForward();
  await settle(page);
  assert.equal(await box().inputValue(), "天使投资");
});

test("keys within a query, each in its own frame, replace its entry", async () => {
  const before = await entries();
  for (const key of ["基", "金"]) {
    await box().press("End");
    await box().pressSequentially(key);
    await frame(page);
  }
  assert.equal(q(), "天使投资基金");
  assert.equal(await entries(), before);
  await page.goBack();
  await settle(page);
  assert.equal(q(), "房租补贴");
});
