// The interface is in Simplified Chinese, or Traditional when the host page says zh-TW/zh-HK.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, results } from "./harness.mjs";

let s;
before(async () => (s = await start()));
after(() => s.close());

const label = (page) => page.locator("policy-search").locator("label[for=q]").textContent();

test("zh-CN by default", async () => {
  const { page, context } = await s.open();
  assert.equal(await label(page), "检索政策条款");
  await search(page, "知识产权");
  assert.match((await results(page)).status, /找到 \d+ 条完全匹配/);
  await context.close();
});

for (const lang of ["zh-TW", "zh-HK", "zh-Hant"]) {
  test(`Traditional for ${lang}`, async () => {
    // Set the language before the element upgrades, as a zh-TW page would have it.
    const { page, context } = await s.open("", { rewrite: (html) => html.replace('lang="zh-CN"', `lang="${lang}"`) });
    assert.equal(await label(page), "檢索政策條款");
    await search(page, "知识产权");
    const r = await results(page);
    assert.match(r.status, /找到 \d+ 條完全符合/);
    assert.ok(r.options.some((o) => o.chips.includes("現行有效")), r.options.map((o) => o.chips).join());
    assert.ok(await page.locator("policy-search").getByRole("group", { name: "發文機關" }).isVisible(), "the filters too");
    await context.close();
  });
}
