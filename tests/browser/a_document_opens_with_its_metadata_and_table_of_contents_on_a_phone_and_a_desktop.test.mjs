// A document hit, and the 查看全文 button of a clause, open the whole document: its metadata,
// its table of contents (folded on a phone, open beside the text on a desktop; an entry chosen by
// keyboard moves focus to its clause) and every clause with its deep link and citation; a query
// in the box is highlighted in it. `?doc=` alone is that view: reload, a shared link, Back and
// Forward restore it. On a 360 px phone, a 1280 px desktop and that desktop at 200 % zoom.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, search, settle, results, box, waitReady, SCREENSHOTS } from "./harness.mjs";

const NUMBER = "杭政〔2019〕55号";
const DOC = "000_1d89341c27db629f";

let s;
before(async () => (s = await start()));
after(() => s.close());

const params = (page) => new URL(page.url()).searchParams;

/** What the document view shows. */
const view = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("policy-search").shadowRoot;
    const detail = root.querySelector(".detail");
    const nav = detail.querySelector("nav");
    const active = root.activeElement;
    return {
      shown: !detail.hidden,
      title: detail.querySelector("h2")?.textContent ?? null,
      back: detail.querySelector("button.back")?.textContent ?? null,
      chips: [...detail.querySelectorAll(".chips .chip")].map((c) => c.textContent),
      meta: Object.fromEntries([...detail.querySelectorAll(".doc-meta dt")].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
      nav: nav && { name: nav.getAttribute("aria-label"), open: nav.querySelector("details").open },
      entries: [...detail.querySelectorAll("nav .toc-entry")].map((b) => b.textContent),
      headings: [...detail.querySelectorAll("nav .toc-heading")].map((b) => b.textContent),
      matchedEntries: [...detail.querySelectorAll("nav .toc-entry")].filter((b) => b.querySelector(".toc-match")).length,
      clauses: [...detail.querySelectorAll(".doc-clause")].map((c) => ({
        clause: c.dataset.clause,
        marks: [...c.querySelectorAll("mark")].map((m) => m.textContent),
        link: c.querySelector("a.clause-link")?.getAttribute("href"),
        citation: Boolean(c.querySelector("button.copy-citation")),
      })),
      focused: active?.classList.contains("doc-clause") ? active.dataset.clause : active?.tagName.toLowerCase() ?? null,
      outline: active ? getComputedStyle(active).outlineStyle : null,
      inView: active ? (({ top, bottom }) => bottom > 0 && top < innerHeight)(active.getBoundingClientRect()) : false,
      pageWidth: document.documentElement.scrollWidth,
    };
  });

/** The clauses of `doc` as the engine lists them, and those the query `q` finds in it. */
const engineView = (page, doc, q) =>
  page.evaluate(async ([doc, q]) => {
    const engine = await (await import("/policy-search.js")).natural();
    const hits = q ? engine.search(q, { limit: 1000 }).hits.filter((h) => h.kind === "clause" && h.doc === doc && h.highlights.length) : [];
    return { clauses: engine.documentClauses(doc).map((c) => c.clause), found: [...new Set(hits.map((h) => h.clause))] };
  }, [doc, q]);

// A desktop at 200 % zoom lays out like a 640 px window.
const VIEWPORTS = { ...SCREENSHOTS, "desktop at 200 % zoom": { width: 640, height: 450 } };

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  const narrow = name !== "desktop";

  test(`on a ${name}: a 文号's document hit opens the document with its metadata and contents; Back returns to the results`, async () => {
    const { page, context, foreign, errors } = await s.open("", { viewport, permissions: ["clipboard-read", "clipboard-write"] });
    await search(page, NUMBER); // settled: the natural module (documents) is in
    assert.equal((await results(page)).options[0]?.kind, "document");
    await box(page).press("Enter"); // the query is done, the suggestions close
    await box(page).press("ArrowDown");
    await box(page).press("Enter");
    await settle(page);
    assert.equal(params(page).get("doc"), DOC);
    assert.equal(params(page).get("clause"), null);
    const v = await view(page);
    const engine = await engineView(page, DOC, null);
    assert.ok(v.shown);
    assert.match(v.title, /示范城/);
    assert.equal(v.focused, "h2", "focus goes to the document's title");
    assert.ok(v.chips.includes("杭政〔2019〕55號") && v.chips.includes("发布 2019-09-06"), v.chips.join());
    assert.ok(v.chips.some((c) => /有效/.test(c)), v.chips.join());
    assert.deepEqual(v.meta, { 发文机关: "杭州市人民政府", 成文日期: "2019-09-06", 公文种类: "意见", 机关代字: "杭政", 施行日期: "2019-10-06" });
    assert.equal(v.nav.name, "目录");
    assert.equal(v.nav.open, !narrow, "folded on a phone, open beside the text on a desktop");
    assert.equal(v.entries.length, engine.clauses.length);
    assert.ok(v.headings.includes("一、總體要求"), v.headings.join());
    assert.ok(v.entries.includes("（一）指導思想"), v.entries.join());
    assert.deepEqual(v.clauses.map((c) => c.clause), engine.clauses, "every clause is shown, in order");
    assert.ok(v.clauses.every((c) => c.link && c.citation));
    assert.ok(v.pageWidth <= viewport.width, `nothing wider than the screen (${v.pageWidth} px)`);

    // The contents by keyboard: unfold them on a phone, then an entry moves focus to its clause.
    const nav = page.locator("policy-search").locator(".detail nav");
    if (narrow) {
      await nav.locator("summary").focus();
      await page.keyboard.press("Enter");
      assert.equal((await view(page)).nav.open, true);
    }
    const target = engine.clauses[12];
    const place = () => page.evaluate(() => [history.length, location.hash, location.search]);
    const placeBefore = await place();
    await nav.locator(".toc-entry").nth(12).focus();
    await page.keyboard.press("Enter");
    const after = await view(page);
    assert.equal(after.focused, target, "the entry's clause has the focus");
    assert.ok(after.inView, "and is scrolled into view");
    assert.notEqual(after.outline, "none", "with a visible focus ring");
    assert.deepEqual(await place(), placeBefore, "without a navigation, a history entry or a hash");

    // A clause's citation.
    await page.locator("policy-search").locator(`.doc-clause[data-clause="${target}"] button.copy-citation`).click();
    await page.locator("policy-search").locator(`.doc-clause[data-clause="${target}"] button.copy-citation`, { hasText: "✓" }).waitFor(); // the copy is done
    assert.ok((await page.evaluate(() => navigator.clipboard.readText())).startsWith(`《${v.title}》（杭政〔2019〕55號）`));

    await page.locator("policy-search").locator(".detail button.back").click();
    await settle(page);
    assert.equal(params(page).get("doc"), null);
    assert.equal((await results(page)).options[0]?.kind, "document");
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`on a ${name}: 查看全文 opens a clause's document with the query highlighted; Back, Forward, reload and a shared link restore each view`, async () => {
    const { page, context, errors } = await s.open("", { viewport, permissions: ["clipboard-read", "clipboard-write"] });
    await search(page, "创业");
    await page.locator("policy-search").locator("#results [role=option]").first().click();
    await settle(page);
    const { doc, clause } = Object.fromEntries(params(page));
    const detail = page.locator("policy-search").locator(".detail");
    await detail.locator("button.whole").click();
    await settle(page);
    assert.equal(params(page).get("doc"), doc);
    assert.equal(params(page).get("clause"), null);
    assert.equal(params(page).get("q"), "创业");
    const engine = await engineView(page, doc, "创业");
    let v = await view(page);
    assert.equal(v.focused, clause, "the clause it was opened from has the focus");
    assert.equal(v.back, "← 返回条款");
    const marked = v.clauses.filter((c) => c.marks.length);
    assert.ok(marked.length > 0, "the query is highlighted in the document");
    assert.deepEqual(marked.map((c) => c.clause).sort(), [...engine.found].sort(), "in every clause the query finds there");
    assert.ok(marked.every((c) => c.marks.every((m) => /^(创业|創業)$/.test(m))), JSON.stringify(marked));
    assert.equal(v.matchedEntries, marked.length, "the contents say which clauses hold the query");

    const opened = v;
    // A clause's deep link opens that clause, in the widget; Back returns to the document.
    const other = opened.clauses.find((c) => c.clause !== clause);
    assert.equal(other.link, `/?q=${encodeURIComponent("创业")}&doc=${doc}&clause=${encodeURIComponent(other.clause)}`);
    await detail.locator(`.doc-clause[data-clause="${other.clause}"] a.clause-link`).click();
    await settle(page);
    assert.equal(params(page).get("clause"), other.clause);
    assert.equal(await detail.locator("li[aria-current=true]").count(), 1);
    assert.equal(await detail.locator("button.back").textContent(), "← 返回全文");
    const linked = await s.open(new URL(other.link, s.url).search, { viewport });
    await settle(linked.page);
    assert.equal(await linked.page.locator("policy-search").locator(".detail li[aria-current=true]").textContent(),
      await detail.locator("li[aria-current=true]").textContent());
    await linked.context.close();
    await page.goBack();
    await settle(page);
    v = await view(page);
    assert.equal(params(page).get("clause"), null);
    assert.equal(v.focused, other.clause, "Back returns to the clause in the document");

    // Back again: the clause it was opened from; Forward: the document.
    await page.goBack();
    await settle(page);
    assert.equal(params(page).get("clause"), clause);
    assert.equal(await detail.locator("li[aria-current=true]").count(), 1);
    await page.goForward();
    await settle(page);
    assert.equal(params(page).get("clause"), null);
    assert.deepEqual((await view(page)).clauses, opened.clauses);
    // Reload: the same view, highlights included.
    const before = opened;
    await page.reload();
    await waitReady(page);
    await settle(page);
    v = await view(page);
    assert.equal(v.title, before.title);
    assert.deepEqual(v.entries, before.entries);
    assert.deepEqual(v.clauses, before.clauses);

    // A shared link opens it in a fresh page.
    await detail.locator("button.copy-doc-link").click();
    await detail.locator("button.copy-doc-link", { hasText: "✓" }).waitFor(); // the copy is done: the clipboard holds it
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, `${s.url}?q=${encodeURIComponent("创业")}&doc=${doc}`);
    const fresh = await s.open(link.slice(s.url.length), { viewport });
    await settle(fresh.page);
    assert.deepEqual((await view(fresh.page)).clauses, before.clauses);
    await fresh.context.close();

    assert.deepEqual(errors, []);
    await context.close();
  });
}
