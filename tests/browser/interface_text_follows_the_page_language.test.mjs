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

test("the document view speaks Traditional on a zh-TW page too", async () => {
  const { page, context } = await s.open("?doc=000_1d89341c27db629f", { rewrite: (html) => html.replace('lang="zh-CN"', 'lang="zh-TW"') });
  const detail = page.locator("policy-search").locator(".detail");
  await detail.locator("nav").waitFor();
  assert.equal(await detail.locator("nav").getAttribute("aria-label"), "目錄");
  assert.match(await detail.locator("nav summary").textContent(), /^目錄（共 \d+ 條）$/);
  assert.deepEqual(await detail.locator(".doc-meta dt").allTextContents(), ["發文機關", "成文日期", "公文種類", "機關代字", "施行日期"]);
  assert.equal(await detail.locator("button.copy-doc-link").textContent(), "複製本文件連結");
  assert.equal(await detail.locator("a.clause-link").first().textContent(), "開啟本條：" + (await detail.locator("nav .toc-entry").first().textContent()));
  await context.close();
});
