// The whole document: its metadata, its clause tree as a table of contents, and its clauses,
// each with its label, its text (the query's highlights marked), its deep link and a copy of
// its citation. Built from the engine's records like render.js; the element wires the rest.
//
// Bounded as the clause view is: each clause shows at most MAX_TEXT_CHARS (render.js), and the
// body renders a window of the clauses, at most WINDOW_CLAUSES and about WINDOW_CHARS, moved by
// the contents and by the earlier/later buttons. A law of a thousand articles, or a scraped file
// split into thousands of pieces, costs one window of DOM, not the whole document.

// Its building blocks (dom.js, render.js) are handed in by the caller, not imported: this file
// is a chunk of its own (parts.js), and a module it shared with the bundle would be split by
// esbuild into a third file that every page fetches before ready.
let h, button, chips, citation, clauseText, short, MAX_TEXT_CHARS;

/** Clauses in the body at once. */
const WINDOW_CLAUSES = 200;
/** Characters of clause text in the body at once (a window holds at least one clause). */
const WINDOW_CHARS = 40_000;
/** Characters of a contents entry: a heading, or the start of a clause without one. */
const ENTRY_CHARS = 40;
const ENTRY_TEXT_CHARS = 20;
/**
 * From this width (CSS px of the element) the contents stand open beside the text; narrower
 * (a phone, or a desktop at 200 % zoom), they start folded above it. styles.js uses the same.
 */
export const WIDE = 640;

/** At most `n` characters of `text`, without reading the rest of a huge one. */
function cut(text, n) {
  const chars = Array.from(text.slice(0, 2 * n));
  return chars.length > n ? `${chars.slice(0, n).join("")}…` : chars.join("");
}

/** What names a clause in the contents: its label and heading, or the start of its text. */
function entryText(record) {
  return record.heading ? cut(`${record.label}${record.heading}`, ENTRY_CHARS) : cut(`${record.label}${record.text}`, ENTRY_TEXT_CHARS);
}

/** How many leading headings paths `a` and `b` share. */
function shared(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n].label === b[n].label && a[n].title === b[n].title) n++;
  return n;
}

/** Characters a clause renders at most (UTF-16 units: an upper bound, read in constant time). */
const cost = (record) => Math.min(record.text.length, MAX_TEXT_CHARS);

/** The end of the window that starts at `start`. */
function forward(records, start) {
  let end = start;
  for (let chars = 0; end < records.length && end - start < WINDOW_CLAUSES; end++) {
    chars += cost(records[end]);
    if (chars > WINDOW_CHARS && end > start) break;
  }
  return end;
}

/** The start of the window that ends at `end`. */
function backward(records, end) {
  let start = end;
  for (let chars = 0; start > 0 && end - start < WINDOW_CLAUSES; start--) {
    chars += cost(records[start - 1]);
    if (chars > WINDOW_CHARS && start < end) break;
  }
  return start;
}

/**
 * The document view. `view`: {meta (an engine.docs() entry), records (engine.documentClauses),
 * highlights (Map clause id → ranges), width (the element's, CSS px)}. `hooks`: {back (a
 * button), action(label, text, name) → a copy button, copyLink() → the document's link,
 * href(clause) → the same-page URL that opens a clause, openClause(clause), other(doc) →
 * another document's `{title, href}` (or null), openDocument(doc)}.
 * `kit`: {h (dom.js), button, chips, citation, clauseText, short, MAX_TEXT_CHARS (render.js)}.
 * Returns `{nodes, reveal(clause)}`; `reveal` brings a clause into the body and focuses it.
 */
export function documentView(t, { meta, records, highlights, width }, hooks, kit) {
  ({ h, button, chips, citation, clauseText, short, MAX_TEXT_CHARS } = kit);
  const index = new Map(records.map((r, i) => [r.clause, i]));
  const body = h("div", { class: "doc-body" });
  let from = 0;
  let to = 0;

  /** The body shows clauses [start, forward(start)), with the headings above each. */
  function render(start) {
    from = start;
    to = forward(records, start);
    const parts = [];
    if (from > 0 || to < records.length) parts.push(h("p", { class: "note" }, t.docClipped(from + 1, to, records.length)));
    if (from > 0) parts.push(button(t.earlier, () => reveal(records[from - 1].clause, () => render(backward(records, from))), { class: "earlier" }));
    let path = [];
    for (let i = from; i < to; i++) {
      const record = records[i];
      // The window's first clause shows its whole path, so a window never starts without context.
      for (let depth = shared(path, record.path); depth < record.path.length; depth++) {
        const item = record.path[depth];
        parts.push(h(`h${Math.min(3 + depth, 6)}`, { class: "doc-heading" }, short(`${item.label}${item.title}`)));
      }
      path = record.path;
      parts.push(clause(record, i));
    }
    if (to < records.length) parts.push(button(t.later, () => reveal(records[to].clause, () => render(to)), { class: "later" }));
    body.replaceChildren(...parts);
  }

  function clause(record, i) {
    const name = entryText(record);
    return h("div", { class: "doc-clause", id: `doc-clause-${i}`, tabindex: "-1", "data-clause": record.clause },
      record.label ? h("span", { class: "label" }, short(record.label)) : null,
      h("span", { class: "text" }, clauseText(t, record.text, highlights.get(record.clause) ?? [])),
      h("span", { class: "doc-actions" },
        h("a", { href: hooks.href(record.clause), class: "clause-link" }, t.openClause, h("span", { class: "visually-hidden" }, `：${name}`)),
        hooks.action(t.copyCitation, () => citation(meta, record), "copy-citation")));
  }

  /** Shows clause `id` in the body (`move()` renders a window holding it, else one from it) and focuses it. */
  function reveal(id, move = null) {
    const i = index.get(id);
    if (i === undefined) return;
    if (move) move();
    else if (i < from || i >= to) render(i);
    body.querySelector(".doc-clause.target")?.classList.remove("target");
    const el = body.querySelector(`#doc-clause-${i}`);
    el.classList.add("target");
    el.focus();
  }

  // A link opens its clause in the widget; with a modifier (a new tab) the browser follows it.
  body.addEventListener("click", follow("a.clause-link", (link) => hooks.openClause(link.closest(".doc-clause").dataset.clause)));

  render(0);
  const matched = records.filter((r) => highlights.has(r.clause)).length;
  const nodes = [
    hooks.back,
    h("h2", { tabindex: "-1" }, short(meta.title)),
    chips(t, meta),
    metadata(t, meta, hooks),
    h("div", { class: "actions" }, hooks.action(t.copyDocLink, hooks.copyLink, "copy-doc-link")),
    matched ? h("p", { class: "doc-matches" }, t.docMatches(matched)) : null,
    h("div", { class: "doc-layout" }, contents(t, records, highlights, width >= WIDE, (id) => reveal(id)), body),
  ];
  return { nodes: nodes.filter(Boolean), reveal };
}

/** A click handler that calls `open(link)` for a plain click on a `selector` link; with a modifier (a new tab) the browser follows it. */
function follow(selector, open) {
  return (e) => {
    const link = e.target.closest?.(selector);
    if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    open(link);
  };
}

/** The engine's lists of other documents a document names (results.rs `Document`), in the order shown. */
const LINKS = ["amends", "amended_by", "interprets", "interpreted_by"];

/**
 * 发文机关, 成文日期, 公文种类, 机关代字, 主题分类, 施行日期, 失效日期, 有效期, 来源 (文号, date and
 * validity are the chips above), then the documents it amends, is amended by, interprets or is
 * interpreted by, each a link that opens it; the kind and the code under the names their
 * filters have.
 */
function metadata(t, meta, hooks) {
  const rows = [
    [t.meta.issuer, meta.issuer?.length ? meta.issuer.join("、") : null],
    [t.meta.written, meta.written],
    [t.filters.facets.type, meta.type],
    [t.filters.facets.code, meta.code],
    [t.filters.facets.topic, meta.topic],
    [t.meta.effective, meta.effective],
    [t.meta.expires, meta.expires],
    [t.meta.period, meta.period],
    [t.meta.source, meta.source],
  ].filter(([, value]) => value).map(([term, value]) => [term, h("bdi", {}, value)]);
  for (const key of LINKS) {
    const others = (meta[key] ?? []).map((doc) => [doc, hooks.other(doc)]).filter(([, other]) => other);
    if (others.length) {
      rows.push([t.meta[key], others.map(([doc, { title, href }]) => h("a", { href, class: "doc-link", "data-doc": doc }, h("bdi", {}, `《${title}》`)))]);
    }
  }
  if (!rows.length) return null;
  const list = h("dl", { class: "doc-meta" }, rows.map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
  list.addEventListener("click", follow("a.doc-link", (link) => hooks.openDocument(link.dataset.doc)));
  return list;
}

/**
 * The table of contents: the headings as nested lists, each clause a button that calls
 * `pick(clause id)`; folded unless `open`. A clause holding the query says so.
 */
function contents(t, records, highlights, open, pick) {
  const top = h("ol", {});
  const lists = [top]; // lists[d]: where the entries under d headings go
  let path = [];
  records.forEach((record, i) => {
    const depth = shared(path, record.path);
    lists.length = depth + 1;
    for (let d = depth; d < record.path.length; d++) {
      const item = record.path[d];
      const list = h("ol", {});
      lists[d].append(h("li", {}, h("span", { class: "toc-heading" }, cut(`${item.label}${item.title}`, ENTRY_CHARS)), list));
      lists.push(list);
    }
    path = record.path;
    lists[lists.length - 1].append(h("li", {},
      h("button", { type: "button", class: "toc-entry", "data-index": i },
        h("span", { class: "toc-text" }, entryText(record)),
        highlights.has(record.clause) ? h("span", { class: "toc-match" }, t.hasMatch) : null)));
  });
  top.addEventListener("click", (e) => {
    const entry = e.target.closest?.("button.toc-entry");
    if (entry) pick(records[Number(entry.dataset.index)].clause);
  });
  return h("nav", { class: "toc", "aria-label": t.toc },
    h("details", { open },
      h("summary", {}, t.tocSummary(records.length)),
      top));
}
