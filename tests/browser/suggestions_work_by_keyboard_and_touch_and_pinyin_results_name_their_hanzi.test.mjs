// While the visitor types hanzi, Traditional, pinyin or initials, the box offers up to 8 of the
// corpus's own phrases in a listbox popup (WAI-ARIA 1.2 combobox: aria-expanded,
// aria-controls, aria-activedescendant); ↓/↑ move, Enter or a click or a tap chooses and
// searches, Esc and Tab close. The popup sits in the flow under the box: on a 360 px phone it
// pushes the results down and never covers them, and once a choice is searched it is gone. A
// Latin query read as pinyin says what it was read as (按拼音 zxqy 搜索：中小企业) and each hit
// found so is labelled, its highlights on the hanzi. axe finds nothing in these states.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { start, search, settle, results, box, editEngine, waitReady } from "./harness.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PHONE = { viewport: { width: 360, height: 740 }, touch: true };

let s, page;
before(async () => {
  s = await start();
  ({ page } = await s.open());
});
after(() => s.close());

/** The suggestions popup and the box's combobox attributes. */
const popup = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("policy-search").shadowRoot;
    const input = root.querySelector("input");
    const list = root.getElementById("suggestions");
    const rect = list.getBoundingClientRect();
    return {
      open: !list.hidden && rect.height > 0,
      role: list.getAttribute("role"),
      label: list.getAttribute("aria-label"),
      expanded: input.getAttribute("aria-expanded"),
      controls: input.getAttribute("aria-controls"),
      activedescendant: input.getAttribute("aria-activedescendant"),
      focused: root.activeElement === input,
      options: [...list.querySelectorAll("[role=option]")].map((o) => ({
        id: o.id,
        text: o.querySelector(".phrase").textContent,
        count: o.querySelector(".count").textContent,
        selected: o.getAttribute("aria-selected"),
        height: o.getBoundingClientRect().height,
      })),
    };
  });

const texts = async (page) => (await popup(page)).options.map((o) => o.text);
const query = (page) => new URL(page.url()).searchParams.get("q");
/** The suggestion whose phrase is exactly `text`. */
const suggestion = (page, text) => page.locator("policy-search").locator("#suggestions .phrase", { hasText: new RegExp(`^${text}$`) });

/**
 * The results that something else covers, and whether any of them overlaps the popup: each
 * result's box against the popup's, and what is drawn at its visible points.
 */
const covered = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("policy-search").shadowRoot;
    const list = root.getElementById("suggestions");
    const popup = list.hidden ? null : list.getBoundingClientRect();
    const out = [];
    for (const option of root.querySelectorAll("#results [role=option]")) {
      const r = option.getBoundingClientRect();
      if (popup && r.top < popup.bottom && popup.top < r.bottom && r.left < popup.right && popup.left < r.right) out.push(`${option.id} overlaps the popup`);
      for (const y of [r.top + 4, (r.top + r.bottom) / 2, r.bottom - 4]) {
        if (y < 0 || y > innerHeight) continue;
        const drawn = root.elementFromPoint((r.left + r.right) / 2, y);
        if (!option.contains(drawn)) out.push(`${option.id} at y=${Math.round(y)} shows ${drawn?.tagName}.${drawn?.className}`);
      }
    }
    return out;
  });

/** axe's violations on the whole page (it descends into open shadow roots). */
async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
  });
}

// ----- by keyboard and mouse, on a desktop ------------------------------------------------

test("typing 知识 offers the corpus's phrases, with their clause counts, in a listbox the box controls", async () => {
  await search(page, "知识");
  const p = await popup(page);
  assert.ok(p.open, "the popup is shown");
  assert.equal(p.role, "listbox");
  assert.ok(p.label, "the listbox has a name");
  assert.equal(p.expanded, "true");
  assert.equal(p.controls, "suggestions");
  assert.equal(p.activedescendant, null, "no suggestion is active until ↓");
  assert.ok(p.focused);
  const phrases = p.options.map((o) => o.text);
  assert.ok(phrases.includes("知识产权"), phrases.join());
  assert.ok(phrases.length >= 1 && phrases.length <= 8);
  assert.ok(p.options.every((o, i) => o.id === `suggestion-${i}` && o.selected === "false"), JSON.stringify(p.options));
  assert.ok(p.options.every((o) => /^\d+ 条$/.test(o.count)), p.options.map((o) => o.count).join());
  assert.ok((await results(page)).options.length > 0, "the results of 知识 are there too, below");
});

test("↓ and ↑ move aria-activedescendant through the suggestions, wrapping, with focus in the box", async () => {
  const { options } = await popup(page);
  await page.keyboard.press("ArrowDown");
  let p = await popup(page);
  assert.equal(p.activedescendant, "suggestion-0");
  assert.deepEqual(p.options.map((o) => o.selected), options.map((_, i) => String(i === 0)));
  await page.keyboard.press("ArrowUp");
  assert.equal((await popup(page)).activedescendant, `suggestion-${options.length - 1}`, "↑ from the first wraps to the last");
  await page.keyboard.press("ArrowDown");
  assert.equal((await popup(page)).activedescendant, "suggestion-0", "↓ from the last wraps to the first");
  const at = options.findIndex((o) => o.text === "知识产权");
  for (let i = 0; i < at; i++) await page.keyboard.press("ArrowDown");
  p = await popup(page);
  assert.equal(p.activedescendant, `suggestion-${at}`);
  assert.equal(p.options[at].selected, "true");
  assert.ok(p.focused, "focus stays in the box");
  assert.equal(await box(page).inputValue(), "知识", "moving does not rewrite the box");
});

test("Enter chooses the active suggestion and searches it; the next query gets its own history entry", async () => {
  await page.keyboard.press("Enter");
  await settle(page);
  assert.equal(await box(page).inputValue(), "知识产权");
  assert.equal(query(page), "知识产权");
  const p = await popup(page);
  assert.ok(!p.open, "the popup closes");
  assert.equal(p.controls, "results");
  assert.equal(p.activedescendant, null);
  assert.ok(p.focused);
  const r = await results(page);
  assert.ok(r.options.length > 0 && r.options[0].marks.includes("知识产权"), r.options[0]?.text);
  assert.ok(await page.locator("policy-search").locator(".detail").isHidden(), "Enter chose the suggestion, it opened no clause");
  // As typed + Enter: the query is done, so the next one is a new entry and Back returns to it.
  await search(page, "风险补偿");
  await page.goBack();
  await settle(page);
  assert.equal(await box(page).inputValue(), "知识产权");
  assert.ok(!(await popup(page)).open, "Back shows a query, not its suggestions");
});

test("Esc closes the suggestions and keeps the text; then ↓ is in the results, and a second Esc clears the box", async () => {
  await search(page, "知识");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Escape");
  let p = await popup(page);
  assert.ok(!p.open);
  assert.equal(p.controls, "results", "the box controls the results list again");
  assert.equal(p.activedescendant, null);
  // The results are still shown: the combobox's other popup, so it is still expanded.
  assert.equal(p.expanded, "true");
  assert.equal(await box(page).inputValue(), "知识");
  await page.keyboard.press("ArrowDown");
  assert.equal((await popup(page)).activedescendant, "option-0");
  await page.keyboard.press("Escape");
  await settle(page);
  assert.equal(await box(page).inputValue(), "");
  p = await popup(page);
  assert.ok(!p.open);
  assert.equal(p.expanded, "false", "nothing is shown: collapsed");
});

test("Tab closes the suggestions; back in the box they stay closed until an edit or Alt+↓", async () => {
  await search(page, "知识");
  assert.ok((await popup(page)).open);
  await page.keyboard.press("Tab");
  let p = await popup(page);
  assert.ok(!p.open && !p.focused);
  await page.keyboard.press("Shift+Tab");
  p = await popup(page);
  assert.ok(p.focused && !p.open);
  await page.keyboard.press("Alt+ArrowDown");
  await settle(page); // a sharded lexicon may fetch the completions' files first
  p = await popup(page);
  assert.ok(p.open && p.controls === "suggestions" && p.expanded === "true");
  assert.ok(p.options.some((o) => o.text === "知识产权"));
});

test("a click on a suggestion chooses it: the box keeps focus and searches it", async () => {
  await search(page, "知识");
  await suggestion(page, "知识产权保护").click();
  await settle(page);
  assert.equal(await box(page).inputValue(), "知识产权保护");
  const p = await popup(page);
  assert.ok(!p.open && p.focused);
  assert.ok((await results(page)).options[0]?.marks.includes("知识产权保护"));
});

test("Traditional 知識 offers what 知识 does; pinyin zhis and initials zscq offer 知识产权", async () => {
  await search(page, "知识");
  const simplified = await texts(page);
  await search(page, "知識");
  assert.deepEqual(await texts(page), simplified);
  for (const q of ["zhis", "zscq"]) {
    await search(page, q);
    const offered = await texts(page);
    assert.ok(offered.includes("知识产权"), `${q}: ${offered.join()}`);
  }
});

test("no text, or text with no completion, shows no popup", async () => {
  await search(page, "知识");
  assert.ok((await popup(page)).open);
  await search(page, "");
  assert.ok(!(await popup(page)).open);
  await search(page, "伊人久久");
  const p = await popup(page);
  assert.ok(!p.open && p.options.length === 0);
});

test("typed before the lexicon arrives, the suggestions appear when it does", async () => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { page, context } = await s.open("", {
    wait: false,
    setup: (page) => page.route(/\/pkg\/lexicon-[^/]*\.bin$/, async (route) => {
      await held;
      await route.continue();
    }),
  });
  await waitReady(page);
  await box(page).pressSequentially("知识");
  // Exact results come without the lexicon; suggestions need it.
  await page.waitForFunction(() => /找到/.test(document.querySelector("policy-search").shadowRoot.querySelector(".status").textContent));
  assert.ok(!(await popup(page)).open);
  release();
  await settle(page);
  const offered = await texts(page);
  assert.ok((await popup(page)).open && offered.includes("知识产权"), offered.join());
  await context.close();
});

// ----- by touch, on a 360 px phone --------------------------------------------------------

test("on a 360 px phone the suggestions push the results down, never over them; a tap on one searches it", async () => {
  const { page, context } = await s.open("", PHONE);
  await box(page).tap();
  await search(page, "zhis");
  let p = await popup(page);
  assert.ok(p.open);
  assert.ok(p.options.every((o) => o.height >= 44), `touch targets: ${p.options.map((o) => o.height).join()}`);
  assert.deepEqual(await covered(page), [], "while the popup is open");
  await suggestion(page, "知识产权").tap();
  await settle(page);
  assert.equal(await box(page).inputValue(), "知识产权");
  assert.equal(query(page), "知识产权");
  p = await popup(page);
  assert.ok(!p.open, "the choice is searched and the popup is gone");
  assert.ok(p.focused, "the tap did not move focus out of the box");
  const r = await results(page);
  assert.ok(r.options.length > 0 && r.options[0].marks.includes("知识产权"));
  assert.deepEqual(await covered(page), [], "once the results show");
  await context.close();
});

test("on a phone, a tap on a result while the suggestions are open opens that result", async () => {
  const { page, context } = await s.open("", PHONE);
  await box(page).tap();
  await search(page, "zhis");
  assert.ok((await popup(page)).open);
  const first = (await results(page)).options[0];
  // Focus leaves the box with this tap; the popup closing must not move the results under the
  // finger before the tap lands. Tapped near its bottom edge, a result moved up by the
  // popup's height would leave the next one under the finger.
  const option = page.locator("policy-search").locator("#results [role=option]").first();
  await option.scrollIntoViewIfNeeded();
  const { height } = await option.boundingBox();
  await option.tap({ position: { x: 20, y: height - 6 } });
  const detail = page.locator("policy-search").locator(".detail");
  await detail.locator("h2").waitFor();
  await settle(page);
  const current = await detail.locator("li[aria-current=true] .text").textContent();
  const text = first.text.replace(/…/g, "");
  assert.ok(current.includes(text.slice(0, 20)), `opened: ${current.slice(0, 40)}; tapped: ${text.slice(0, 40)}`);
  assert.ok(!(await popup(page)).open);
  await context.close();
});

// ----- pinyin results name their hanzi ----------------------------------------------------

test("zxqy is read as 中小企业: a line says so, and each hit found so is labelled, its highlights on the hanzi", async () => {
  await search(page, "zxqy");
  const r = await results(page);
  assert.match(r.message, /按拼音 zxqy 搜索：中小企业/);
  assert.match(r.status, /条按拼音匹配/);
  assert.ok(r.options.length > 0);
  for (const o of r.options) {
    assert.match(o.reading, /^拼音 zxqy →.*中小企业$/, o.reading);
    assert.ok(o.marks.length > 0 && o.marks.every((m) => /^\p{Script=Han}+$/u.test(m)), o.marks.join());
  }
  assert.ok(["中小企业", "中小企業"].includes(r.options[0].marks[0]), r.options[0].marks.join());
});

test("shuangchuang is read as 双创 likewise", async () => {
  await search(page, "shuangchuang");
  const r = await results(page);
  assert.match(r.message, /按拼音 shuangchuang 搜索：双创/);
  assert.match(r.options[0]?.reading ?? "", /^拼音 shuangchuang →.*双创$/);
  assert.ok(r.options[0].marks.length > 0 && r.options[0].marks.every((m) => ["双创", "雙創"].includes(m)), r.options[0].marks.join());
});

test("a Latin word the corpus holds (IPO) keeps its literal hit first, with no pinyin label", async () => {
  await search(page, "IPO");
  const r = await results(page);
  assert.ok(r.options[0]?.marks.includes("IPO"), r.options[0]?.text);
  assert.equal(r.options[0].reading, "");
  assert.doesNotMatch(r.message, /拼音/);
});

test("a hanzi query shows no pinyin line", async () => {
  await search(page, "中小企业");
  const r = await results(page);
  assert.doesNotMatch(r.message, /拼音/);
  assert.ok(r.options.every((o) => o.reading === ""));
});

test("a Traditional page says 搜尋", async () => {
  const { page, context } = await s.open("", { rewrite: (html) => html.replace('lang="zh-CN"', 'lang="zh-TW"') });
  await search(page, "zxqy");
  const r = await results(page);
  assert.match(r.message, /按拼音 zxqy 搜尋：中小企业/);
  assert.match(r.status, /條按拼音符合/);
  assert.match(r.options[0].reading, /^拼音 zxqy →.*中小企业$/);
  await context.close();
});

test("the reading is shown as text, never as markup", async () => {
  const { page, context, errors } = await s.open();
  await editEngine(page, (method, result) => {
    if (method !== "search" || !result.pinyin) return result;
    const reading = { from: "<img src=x onerror=alert(1)>", to: "<b>中小企业</b>" };
    return { ...result, pinyin: reading, hits: result.hits.map((h) => ({ ...h, reading })) };
  });
  await search(page, "zxqy");
  const r = await results(page);
  assert.ok(r.message.includes("<img src=x onerror=alert(1)>") && r.message.includes("<b>中小企业</b>"), r.message);
  assert.ok(r.options[0].reading.includes("<b>中小企业</b>"));
  assert.equal(await page.evaluate(() => document.querySelector("policy-search").shadowRoot.querySelectorAll("img, b").length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

// ----- axe ----------------------------------------------------------------------------------

for (const [name, options] of [["desktop", {}], ["phone", PHONE]]) {
  test(`axe finds nothing with the suggestions open, one active, on a ${name}`, async () => {
    const { page, context } = await s.open("", options);
    await search(page, "知识");
    await page.keyboard.press("ArrowDown");
    const p = await popup(page);
    assert.ok(p.open && p.activedescendant === "suggestion-0");
    assert.deepEqual(await axe(page), []);
    await context.close();
  });

  test(`axe finds nothing in pinyin results on a ${name}`, async () => {
    const { page, context } = await s.open("", options);
    await search(page, "zxqy");
    assert.match((await results(page)).message, /按拼音/);
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
}
