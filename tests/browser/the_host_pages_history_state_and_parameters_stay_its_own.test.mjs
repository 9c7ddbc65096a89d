// The widget is a guest on the portal's page. The host's history.state is carried into every
// entry the widget pushes (the widget adds one key), and an entry the widget did not write is
// never rewritten. "Copy link" shares the widget's own parameters on the page's path only,
// never the host's: here a CAS login ticket in the query and a token in the hash.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, settle, frame, box, EMBEDDED_DIST } from "./harness.mjs";

const HOST_STATE = { app: "portal", n: 1 };

let s, page;
before(async () => {
  s = await start({ root: EMBEDDED_DIST }); // the clock is paused: see EMBEDDED_DIST
  ({ page } = await s.open("?ticket=ST-123#token=abc", { clock: "paused", permissions: ["clipboard-read", "clipboard-write"] }));
  await page.evaluate((state) => history.replaceState(state, ""), HOST_STATE);
});
after(() => s.close());

const state = () => page.evaluate(() => history.state);
const params = () => Object.fromEntries(new URL(page.url()).searchParams);

test("an entry the widget pushes keeps the host's state and parameters", async () => {
  await box(page).pressSequentially("房租补贴");
  await frame(page);
  assert.deepEqual(params(), { ticket: "ST-123", q: "房租补贴" });
  const st = await state();
  assert.equal(st.app, "portal");
  assert.equal(st.n, 1);
});

test("typing on the host's own entry, after Back, leaves that entry as the host wrote it", async () => {
  await page.goBack();
  await settle(page);
  assert.deepEqual(await state(), HOST_STATE);
  await box(page).pressSequentially("天使投资"); // within a second of the last edit: the clock is paused
  await frame(page);
  assert.equal(params().q, "天使投资");
  assert.equal((await state()).app, "portal", "a new entry, carrying the host's state");
  await page.goBack();
  await settle(page);
  assert.deepEqual(await state(), HOST_STATE);
  assert.deepEqual(params(), { ticket: "ST-123" });
  await page.goForward();
  await settle(page);
});

test("the copied link has only the widget's parameters, on the page's path", async () => {
  await page.locator("policy-search").locator("#results [role=option]").first().click();
  await page.locator("policy-search").locator("button.copy-link").click();
  await page.locator("policy-search").locator("button.copy-link", { hasText: "✓" }).waitFor(); // the copy is done: the clipboard holds it
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  const here = new URL(page.url());
  assert.equal(link.origin + link.pathname, here.origin + here.pathname);
  assert.deepEqual([...link.searchParams.keys()].sort(), ["clause", "doc", "q"]);
  assert.equal(link.searchParams.get("q"), "天使投资");
  assert.equal(link.hash, "");
  assert.equal((await state()).app, "portal", "the clause's entry carries the host's state too");
});
