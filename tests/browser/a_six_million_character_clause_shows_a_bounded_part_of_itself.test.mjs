// A 20 MB text file without a newline makes a clause of millions of characters. Selecting its
// result or opening it renders a bounded part: a few thousand characters around the match, with
// a note saying which part is shown. A section of thousands of clauses (such a file split at
// sentences) shows the clauses around the open one, with a note; the whole document shows a
// window of its clauses, which its contents move. Nothing freezes the page.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, editEngine, box, openWholeDocument } from "./harness.mjs";

let s;
before(async () => (s = await start()));
after(() => s.close());

/** The rendered text of `selector` in the widget: its length in characters, its marks, its note. */
const rendered = (page, selector) =>
  page.evaluate((selector) => {
    const el = document.querySelector("policy-search").shadowRoot.querySelector(selector);
    const note = el.parentElement.querySelector(".note");
    return {
      chars: [...el.textContent].length - [...(note?.textContent ?? "")].length,
      marks: [...el.querySelectorAll("mark")].map((m) => m.textContent),
      note: note && note.getBoundingClientRect().height > 0 ? note.textContent : null,
    };
  }, selector);

test("a six-million-character clause: its selected result and its clause view show a part of it", { timeout: 120_000 }, async () => {
  const { page, context } = await s.open();
  // The top result for 瞪羚企业 gets six million more characters, wherever the engine returns it.
  await editEngine(page, (method, result, args) => {
    const filler = (globalThis.filler ??= "政策条款文本。".repeat(860_000));
    const huge = (c) => (c && c.doc === globalThis.hugeDoc && c.clause === globalThis.hugeClause ? { ...c, text: c.text + filler } : c);
    if (method === "search") {
      // (A sharded index's first answer may have no hits yet: its files are still coming.)
      if (args[0] === "瞪羚企业" && !globalThis.hugeDoc && result.hits.length) [globalThis.hugeDoc, globalThis.hugeClause] = [result.hits[0].doc, result.hits[0].clause];
      return { ...result, hits: result.hits.map(huge) };
    }
    return method === "clause" ? huge(result) : result.map(huge);
  });
  await search(page, "瞪羚企业");
  await box(page).press("Enter"); // the query is done, the suggestions close: ↓ is in the results
  await box(page).press("ArrowDown");
  const option = await rendered(page, "[role=option][aria-selected=true] .text");
  assert.ok(option.chars <= 4100, `${option.chars} characters rendered`);
  assert.ok(option.marks.includes("瞪羚企业"), "the match is in the part shown");
  assert.match(option.note ?? "", /共 60\d{5} 字/);
  await box(page).press("Enter");
  await settle(page);
  const current = await rendered(page, ".detail li[aria-current] .text");
  assert.ok(current.chars <= 4100, `${current.chars} characters rendered`);
  assert.ok(current.marks.includes("瞪羚企业"));
  assert.match(current.note ?? "", /共 60\d{5} 字/);
  await context.close();
});

test("a section of thousands of clauses shows the ones around the open clause", { timeout: 120_000 }, async () => {
  const { page, context } = await s.open();
  await editEngine(page, (method, result) => {
    if (method !== "documentClauses") return result;
    // Thousands of siblings around each clause, in its section.
    return result.flatMap((c) => [
      ...Array.from({ length: 2500 }, (_, i) => ({ ...c, clause: `${c.clause}.before${i}` })),
      c,
      ...Array.from({ length: 2500 }, (_, i) => ({ ...c, clause: `${c.clause}.after${i}` })),
    ]);
  });
  await search(page, "瞪羚企业");
  await page.locator("policy-search").locator("#results [role=option]").first().click();
  await settle(page);
  const detail = page.locator("policy-search").locator(".detail");
  assert.ok((await detail.locator("ol > li").count()) <= 21);
  assert.equal(await detail.locator("li[aria-current=true]").count(), 1);
  assert.match(await detail.locator("p.note").textContent(), /共 \d{5} 条/);
  await context.close();
});

test("a document of a thousand articles, one of them of six million characters, renders a window of them", { timeout: 120_000 }, async () => {
  const { page, context } = await s.open();
  // Every document gets a thousand more articles after its own clauses, the 500th of six
  // million characters.
  await editEngine(page, (method, result) => {
    if (method !== "documentClauses" || !result.length) return result;
    const filler = (globalThis.filler ??= "政策条款文本。".repeat(860_000));
    const last = result[result.length - 1];
    return [...result, ...Array.from({ length: 1000 }, (_, i) => ({
      ...last, clause: `art${i + 1}`, label: `第${i + 1}条`, heading: null, path: [{ label: "第九章", title: "附则" }],
      text: i === 499 ? `瞪羚企业${filler}` : "本条款的内容。",
    }))];
  });
  await openWholeDocument(page, "瞪羚企业");
  const detail = page.locator("policy-search").locator(".detail");
  const shown = () => page.evaluate(() => {
    const detail = document.querySelector("policy-search").shadowRoot.querySelector(".detail");
    return {
      clauses: detail.querySelectorAll(".doc-clause").length,
      chars: [...detail.querySelector(".doc-body").textContent].length,
      entries: detail.querySelectorAll("nav .toc-entry").length,
      note: detail.querySelector(".doc-body > p.note")?.textContent ?? "",
      focused: document.querySelector("policy-search").shadowRoot.activeElement?.dataset?.clause ?? null,
    };
  });
  let v = await shown();
  assert.ok(v.entries > 1000, "the contents list every article");
  assert.ok(v.clauses <= 200, `${v.clauses} clauses rendered`);
  assert.ok(v.chars < 100_000, `${v.chars} characters rendered`);
  assert.match(v.note, /本文件共 10\d\d 条，此处显示第/);
  // The huge article, from the contents: a window holding it, its text a part of itself.
  await detail.locator("nav .toc-entry", { hasText: "第500条" }).click();
  v = await shown();
  assert.equal(v.focused, "art500");
  assert.ok(v.clauses <= 200 && v.chars < 100_000, `${v.clauses} clauses, ${v.chars} characters rendered`);
  assert.match(await detail.locator('.doc-clause[data-clause="art500"] .note').textContent(), /共 60\d{5} 字/);
  // The last article, then the ones before it.
  await detail.locator("nav .toc-entry", { hasText: "第1000条" }).click();
  assert.equal((await shown()).focused, "art1000");
  await detail.locator(".doc-body button.earlier").click();
  v = await shown();
  assert.ok(v.focused && v.focused !== "art1000" && v.clauses <= 200, JSON.stringify(v));
  await context.close();
});
