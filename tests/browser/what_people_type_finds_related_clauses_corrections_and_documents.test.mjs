// What people actually type — without spaces, with an IME slip, a 文号, Chinese quotes, an
// invisible character — gets an answer, with the related results labelled and never `null`.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { indexed, start, search, settle, results } from "./harness.mjs";

let s, page;
before(async () => {
  s = await start();
  ({ page } = await s.open());
});
after(() => s.close());

const widget = () => page.locator("policy-search");
const ids = (r) => r.options.map((o) => o.crumbs + o.text);

test("an unspaced query shows related clauses, labelled, with what they matched", async () => {
  await search(page, "创业补贴");
  const r = await results(page);
  assert.ok(r.options.length > 0, r.message);
  assert.ok(r.options.every((o) => o.kind === "partial"), "no clause holds 创业补贴 as typed");
  assert.match(r.options[0].tier, /相关条款/);
  assert.match(r.options[0].why, /匹配：/);
  assert.match(r.status, /条相关条款/);
  assert.doesNotMatch(r.status + r.message, /null|undefined/);
});

test("a synonym hit says which synonym it used", async () => {
  await search(page, "电竞产业扶持");
  const r = await results(page);
  const hit = r.options.find((o) => /电竞/.test(o.why) && /电子竞技/.test(o.why));
  assert.ok(hit, r.options.map((o) => o.why).join(" | "));
  assert.ok(hit.marks.includes("电子竞技"), hit.marks.join());
});

test("a homophone typo shows 您是不是要找 with the corrected results, and searches as typed on request", async () => {
  await search(page, "众创空见");
  let r = await results(page);
  assert.match(r.message, /您是不是要找：众创空间/);
  assert.ok(r.options.length > 0 && r.options[0].kind === "exact" && r.options[0].marks.includes("众创空间"), r.options[0]?.text);
  await widget().locator("button.as-typed").click();
  await settle(page);
  r = await results(page);
  assert.doesNotMatch(r.message, /您是不是要找/);
  assert.equal(r.options.filter((o) => o.kind === "exact").length, 0, "as typed, nothing holds 众创空见");
  // Editing the query turns corrections back on.
  await search(page, "初鹰计划");
  assert.match((await results(page)).message, /您是不是要找：雏鹰计划/);
});

test("a 文号 shows its document first, and opening it shows the document's clauses", async () => {
  for (const q of ["杭政〔2019〕55号", "杭政[2019]55号", "2019年55号"]) {
    await search(page, q);
    const r = await results(page);
    assert.equal(r.options[0]?.kind, "document", `${q}: ${r.options[0]?.crumbs}`);
    assert.match(r.options[0].crumbs, /示范城/);
    assert.match(r.options[0].why, /文号/);
  }
  await widget().locator("#results [role=option]").first().click();
  const detail = widget().locator(".detail");
  await detail.locator("h2").waitFor();
  assert.match(await detail.locator("h2").textContent(), /示范城/);
  assert.ok((await detail.locator("li").count()) > 0);
  await detail.locator("button.back").click();
  await settle(page);
});

test("Chinese quotes make a phrase, like straight ones", async () => {
  await search(page, "\"科技成果转化\" 基金");
  const straight = await results(page);
  for (const q of ["“科技成果转化” 基金", "「科技成果转化」 基金", "『科技成果转化』　基金"]) {
    await search(page, q);
    assert.deepEqual(ids(await results(page)), ids(straight), q);
  }
});

test("a zero-width space or a word joiner inside the query changes nothing", async () => {
  await search(page, "众创空间");
  const plain = await results(page);
  for (const q of ["众\u200b创空间", "众创\u2060空间", "\ufeff众创空间\u200d"]) {
    await search(page, q);
    assert.deepEqual(ids(await results(page)), ids(plain), JSON.stringify(q));
  }
});

test("a query with nothing in common with the corpus says so, with hints and working examples, never null", async () => {
  await search(page, "住房公积金提取");
  const r = await results(page);
  assert.equal(r.options.length, 0, r.options.map((o) => o.text).join(" | "));
  assert.match(r.message, /没有找到/);
  assert.doesNotMatch(r.message, /null|undefined|空格/);
  const examples = await widget().locator(".message .examples button").allTextContents();
  assert.ok(examples.length > 0, "example queries are offered");
  await widget().locator(".message .examples button").first().click();
  await settle(page);
  assert.ok((await results(page)).options.length > 0, `example ${examples[0]} finds something`);
});

test("an index without popular searches (a portal's folder) shows no null either", async () => {
  const plain = await start({ root: indexed("tests/npm/portal", "dist-no-popular") });
  try {
    const { page: fresh } = await plain.open();
    await settle(fresh); // the intro is shown (ready is not yet settled)
    const text = await fresh.locator("policy-search").locator(".message").textContent();
    assert.doesNotMatch(text, /null|undefined/);
    await search(fresh, "伊人久久");
    assert.doesNotMatch((await results(fresh)).message, /null|undefined/);
  } finally {
    await plain.close();
  }
});

test("every example query on the demo page finds something", async () => {
  await search(page, "");
  const examples = await widget().locator(".message .examples button").allTextContents();
  assert.ok(examples.length >= 3);
  for (const q of examples) {
    await search(page, q);
    assert.ok((await results(page)).options.length > 0, q);
  }
});
