// axe-core (WCAG 2.1 A/AA rules and best practices) finds no violation in any state of the
// widget on the demo page, on a desktop and on a 360 px phone.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { axe, start, search, settle } from "./harness.mjs";

let s;
before(async () => (s = await start()));
after(() => s.close());

/** Searches `q` and opens its first result by keyboard. */
async function openFirst(page, q) {
  await search(page, q);
  await page.keyboard.press("Enter"); // the suggestions close: ↓ selects a result
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await settle(page);
}

const STATES = {
  intro: (page) => settle(page), // the intro is shown (ready is not yet settled)
  results: async (page) => {
    await search(page, "知识产权");
    await page.keyboard.press("Enter"); // the suggestions close: ↓ selects a result
    await page.keyboard.press("ArrowDown");
  },
  "no results": (page) => search(page, "伊人久久 风险补偿"),
  "query error": (page) => search(page, "-孵化"),
  "clause open": (page) => openFirst(page, "瞪羚企业"),
  "document open, its contents unfolded": async (page) => {
    await openFirst(page, "杭政〔2019〕55号"); // a document hit
    const details = page.locator("policy-search").locator(".detail nav details");
    if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
  },
  "document with a query's highlights": async (page) => {
    await openFirst(page, "创业");
    await page.locator("policy-search").locator(".detail button.whole").click();
    await settle(page);
  },
  // The panel open (on a phone behind its 筛选 button), a filter ticked, a long facet expanded.
  "filters open": async (page) => {
    await settle(page);
    const widget = page.locator("policy-search");
    const toggle = widget.locator("button.filter-toggle");
    if (await toggle.isVisible()) await toggle.click();
    await widget.getByRole("checkbox", { name: /^现行有效 / }).check();
    await settle(page);
    await widget.getByRole("button", { name: /^更多/ }).click();
  },
  "large text": async (page) => {
    await page.locator("policy-search").locator("button.large-toggle").click();
    await search(page, "风险补偿");
  },
};

for (const [name, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 360, height: 740 }]]) {
  for (const [state, reach] of Object.entries(STATES)) {
    test(`${state} on a ${name}`, async () => {
      const { page, context } = await s.open("", { viewport });
      await reach(page);
      assert.deepEqual(await axe(page), []);
      await context.close();
    });
  }
}
