// A portal whose manifest links its documents (tests/linked/: a 2019 policy stated 已修改,
// `superseded_by` its 2022 wording, and an interpretation that `interprets` the 2022 one),
// indexed here by the package's own `index`, as a webmaster would. The amended policy's hits
// and view carry the 已修改 chip and the facet filters by it, in the URL; a hit in the
// interpretation says which policy it explains; each document view links the others both ways,
// a link opens the other document in the widget and Back returns; 成文日期 and 主题分类 show,
// and 主题分类 is a facet.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { axe, indexed, start, search, settle, results } from "./harness.mjs";

let s;
before(async () => (s = await start({ root: indexed("tests/linked", "dist-linked") })));
after(() => s.close());

const widget = (page) => page.locator("policy-search");
/** The document view's metadata: {term: [values]} (a link's text for a linked document). */
const metadata = (page) => page.evaluate(() => {
  const list = document.querySelector("policy-search").shadowRoot.querySelector(".detail .doc-meta");
  return Object.fromEntries([...list.querySelectorAll("dt")].map((dt) => {
    const dd = dt.nextElementSibling;
    const links = [...dd.querySelectorAll("a")].map((a) => a.textContent);
    return [dt.textContent, links.length ? links : [dd.textContent]];
  }));
});
const title = (page) => widget(page).locator(".detail h2").textContent();
/** Ticks the filter checkbox named `name` (a RegExp) with the keyboard, opening the panel on a narrow page. */
async function tick(page, name) {
  const box = widget(page).getByRole("checkbox", { name });
  if (!(await box.isVisible())) await widget(page).locator(".filter-toggle").click();
  await box.focus();
  await page.keyboard.press("Space");
  await settle(page);
}

test("the amended wording carries 已修改 in its hits and is a filter that lives in the URL", async () => {
  const { page, errors } = await s.open();
  await search(page, "房租减免");
  const hits = (await results(page)).options;
  const old = hits.filter((o) => o.crumbs.includes("（2022年修订）") === false && o.chips.includes("已修改"));
  assert.ok(old.length > 0, JSON.stringify(hits.map((o) => [o.crumbs, o.chips])));
  assert.ok(hits.some((o) => !o.chips.includes("已修改")), "the 2022 wording is not amended");

  // The 效力状态 facet lists 已修改; ticked by keyboard, only the amended wording is left.
  await tick(page, /^已修改 \(\d+\)$/);
  assert.equal(new URL(page.url()).searchParams.get("status"), "amended");
  const filtered = (await results(page)).options.filter((o) => o.kind !== "document");
  assert.ok(filtered.length > 0 && filtered.every((o) => o.chips.includes("已修改")), JSON.stringify(filtered));

  // A shared link filters the same.
  const { page: shared } = await s.open(new URL(page.url()).search);
  await settle(shared);
  assert.deepEqual((await results(shared)).options.map((o) => o.id), (await results(page)).options.map((o) => o.id));
  await shared.context().close();
  assert.deepEqual(errors, []);
});

test("a hit in the interpretation names the policy it explains", async () => {
  const { page, errors } = await s.open();
  await search(page, "首贷奖励");
  const explains = await page.evaluate(() => [...document.querySelector("policy-search").shadowRoot
    .querySelectorAll("#results [role=option] .explains")].map((p) => p.textContent));
  assert.ok(explains.includes("解读：《某市人民政府办公厅关于支持小微企业稳定发展的若干措施（2022年修订）》"), JSON.stringify(explains));
  assert.deepEqual(errors, []);
});

test("the document views link the interpretation, the policy and its older wording both ways, and Back returns", async () => {
  const { page, errors } = await s.open("?doc=smb_measures_2022_explained");
  await settle(page);
  assert.match(await title(page), /政策解读$/);
  let meta = await metadata(page);
  assert.deepEqual(meta["解读对象"], ["《某市人民政府办公厅关于支持小微企业稳定发展的若干措施（2022年修订）》"]);
  assert.deepEqual(meta["成文日期"], ["2022-04-02"], "the manifest's `written`");
  assert.deepEqual(await axe(page), []);

  // The link opens the policy in the widget (no page load), its URL a deep link.
  await widget(page).locator(".doc-meta a", { hasText: "2022年修订" }).click();
  await settle(page);
  assert.equal(new URL(page.url()).searchParams.get("doc"), "smb_measures_2022");
  assert.match(await title(page), /（2022年修订）$/);
  meta = await metadata(page);
  assert.deepEqual(meta["政策解读"], ["《《关于支持小微企业稳定发展的若干措施（2022年修订）》政策解读》"]);
  assert.deepEqual(meta["所修改文件"], ["《某市人民政府办公厅关于支持小微企业稳定发展的若干措施》"]);
  assert.deepEqual(meta["主题分类"], ["工业、交通\\中小企业"]);

  // By keyboard: the older wording, which links back to its newer one.
  await widget(page).locator(".doc-meta a", { hasText: "若干措施》" }).last().focus();
  await page.keyboard.press("Enter");
  await settle(page);
  assert.equal(new URL(page.url()).searchParams.get("doc"), "smb_measures_2019");
  meta = await metadata(page);
  assert.deepEqual(meta["修改后版本"], ["《某市人民政府办公厅关于支持小微企业稳定发展的若干措施（2022年修订）》"]);
  assert.ok(await widget(page).locator(".detail .chip.amended", { hasText: "已修改" }).count() === 1);

  // Back walks the views in reverse.
  await page.goBack();
  await settle(page);
  assert.equal(new URL(page.url()).searchParams.get("doc"), "smb_measures_2022");
  await page.goBack();
  await settle(page);
  assert.equal(new URL(page.url()).searchParams.get("doc"), "smb_measures_2022_explained");
  assert.deepEqual(errors, []);
});

test("a page's 信息索引 table gives the document view its 成文日期 and 主题分类", async () => {
  const { page, errors } = await s.open("?doc=talent_housing");
  await settle(page);
  const meta = await metadata(page);
  assert.deepEqual(meta["成文日期"], ["2021-08-20"]);
  assert.deepEqual(meta["主题分类"], ["城乡建设、环境保护\\住房"]);
  assert.deepEqual(errors, []);
});

test("主题分类 is a facet of what the documents state: ticked by keyboard, in the URL", async () => {
  const { page, errors } = await s.open();
  await search(page, "小微企业");
  await tick(page, /^工业、交通\\中小企业 \(\d+\)$/);
  assert.equal(new URL(page.url()).searchParams.get("topic"), "工业、交通\\中小企业");
  const hits = (await results(page)).options.filter((o) => o.kind !== "document");
  assert.ok(hits.length > 0 && hits.every((o) => !o.crumbs.includes("政策解读")), JSON.stringify(hits.map((o) => o.crumbs)));
  assert.deepEqual(errors, []);
});
