// Rendering: the DOM of the results and of the clause view, built from the engine's records
// (the whole document's view is document-view.js).
// Functions of their arguments only (`t` is the interface strings); the element decides when
// to call them and wires the buttons through the callbacks it passes.

import { h, highlighted, charCount, clip } from "./dom.js";

// Bounds on what one view renders, whatever the corpus holds (real clauses are a few hundred
// characters; a scraped file without line breaks can make one of millions).
/** Characters of one clause's text rendered at once; a longer text shows a part, with a note. */
export const MAX_TEXT_CHARS = 4000;
/** Characters of a title or heading in the crumbs. */
const MAX_LABEL_CHARS = 200;

/** A plain button that calls `onClick`. */
export function button(label, onClick, attrs = {}) {
  const el = h("button", { type: "button", ...attrs }, label);
  el.addEventListener("click", onClick);
  return el;
}

/**
 * The widget's parts, empty: `{root, input, largeButton, suggestList, status, live, message,
 * list, more, related, results, detail}` (the element adds the listeners).
 */
export function skeleton(t, lang) {
  const parts = {
    input: h("input", {
      id: "q", type: "search", role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false",
      "aria-controls": "results", autocomplete: "off", autocapitalize: "off", spellcheck: "false",
      enterkeyhint: "search", placeholder: t.placeholder, // maxlength: the engine's, once it is there
    }),
    largeButton: h("button", { type: "button", class: "large-toggle", "aria-pressed": "false" }, t.largeText),
    // The suggestions popup: in the flow under the box, so it pushes the results, never covers them.
    suggestList: h("ul", { id: "suggestions", role: "listbox", class: "suggestions", "aria-label": t.suggestions, hidden: true }),
    status: h("p", { class: "status" }),
    live: h("p", { class: "visually-hidden", role: "status", "aria-live": "polite", "aria-atomic": "true" }),
    message: h("div", { class: "message" }),
    list: h("ul", { id: "results", role: "listbox", "aria-label": t.results }),
    more: h("button", { type: "button", class: "more", hidden: true }, t.more),
    related: h("nav", { class: "related", "aria-label": t.relatedSearches, hidden: true }),
    detail: h("section", { class: "detail", hidden: true }),
  };
  parts.results = h("div", { class: "results" }, parts.status, parts.message, parts.list, parts.more, parts.related);
  parts.root = h("div", { class: "root", part: "root", lang },
    h("label", { class: "label", for: "q" }, t.label),
    h("div", { class: "bar" },
      h("div", { class: "field" }, parts.input, h("kbd", { class: "slash", "aria-hidden": "true" }, "/")),
      parts.largeButton),
    parts.suggestList, parts.live, parts.results, parts.detail);
  return parts;
}

/**
 * One result: document title › headings, the text (a snippet if long), chips. A partial hit
 * says what of the query it holds and through which synonym; the first one starts the
 * "related" group; a document hit says it is a document and why it matched.
 */
export function option(t, hit, meta, index, firstRelated = false) {
  const partial = hit.match === "partial";
  const kind = hit.kind === "document" ? "document" : partial ? "partial" : "exact";
  const li = h("li", { role: "option", id: `option-${index}`, "aria-selected": "false", "data-index": index, class: kind },
    firstRelated ? h("p", { class: "tier" }, t.related) : null,
    hit.kind === "document" ? h("p", { class: "crumbs" }, h("span", { class: "chip kind" }, t.document), " ", h("bdi", { class: "doc" }, hit.title)) : crumbs(hit.title, hit.path),
    h("p", { class: "text" }),
    partial ? why(t, hit) : null,
    hit.reading ? reading(t, hit.reading) : null,
    meta.explains?.length ? h("p", { class: "explains" }, t.explains, meta.explains.map((title) => h("bdi", {}, `《${title}》`))) : null,
    chips(t, meta));
  fillText(t, li, hit, false);
  return li;
}

/** Why a partial hit matched: the pieces it holds, the synonyms used, or an article it cites, 文号/title. */
function why(t, hit) {
  const parts = [];
  const by = ["reference", "number", "title"].find((v) => hit.via.includes(v));
  if (by) parts.push(t.matchedBy[by]);
  else if (hit.matched.length) parts.push(t.matched(hit.matched));
  for (const s of hit.synonyms) parts.push(t.synonym(s.from, s.to));
  return h("p", { class: "why" }, parts.join("；"));
}

/** The label of a hit found by a pinyin reading: 拼音 zxqy → 中小企业. */
function reading(t, { from, to }) {
  return h("p", { class: "reading" },
    h("span", { class: "chip kind" }, t.reading), " ", h("bdi", { lang: "zh-Latn-pinyin" }, from), " ",
    h("span", { "aria-hidden": "true" }, "→"), h("span", { class: "visually-hidden" }, t.readAs), " ",
    h("bdi", {}, to));
}

/** 按拼音 zxqy 搜索：中小企业 — what a Latin query was read as. */
export function pinyinLine(t, { from, to }) {
  return h("p", { class: "pinyin" }, t.pinyin(h("bdi", { lang: "zh-Latn-pinyin" }, from), h("strong", {}, h("bdi", {}, to))));
}

/** "您是不是要找：众创空间", and a button that searches the query as typed. */
export function correction(t, corrected, onAsTyped) {
  return h("p", { class: "correction" },
    t.didYouMean, h("strong", {}, h("bdi", {}, corrected.query)), " ", t.searchedInstead, " ",
    button(t.asTyped(corrected.original), onAsTyped, { class: "as-typed" }));
}

/** The snippet, or the whole text once the option is selected (long clauses expand). */
export function fillText(t, li, hit, full) {
  const cut = hit.snippet.text !== hit.text;
  const text = li.querySelector(".text");
  text.replaceChildren(...(full || !cut ? clauseText(t, hit.text, hit.highlights) : clauseText(t, hit.snippet.text, hit.snippet.highlights)));
  li.querySelector(".chip.length")?.remove();
  if (cut && !full) li.querySelector(".chips").append(h("span", { class: "chip length" }, t.fullText(charCount(hit.text))));
}

/** `text` with its highlights, at most MAX_TEXT_CHARS of it around the first; a part ends with a note. */
export function clauseText(t, text, ranges) {
  const part = clip(text, ranges, MAX_TEXT_CHARS);
  if (part.to - part.from === part.total) return highlighted(text, ranges);
  const note = h("span", { class: "note" }, t.clipped(part.from + 1, part.to, part.total));
  return [part.from > 0 ? "…" : "", ...highlighted(part.text, part.ranges), part.to < part.total ? "…" : "", note].filter(Boolean);
}

/** A title or heading, cut to MAX_LABEL_CHARS. */
export function short(text) {
  const part = clip(text, [], MAX_LABEL_CHARS);
  return part.to < part.total ? `${part.text}…` : text;
}

/** 《title》 › 一、… › （四）…: where a clause sits. */
export function crumbs(title, path) {
  const parts = [h("span", { class: "doc" }, short(title))];
  for (const item of path) parts.push(h("span", { class: "sep", "aria-hidden": "true" }, "›"), h("span", {}, short(`${item.label}${item.title}`)));
  return h("p", { class: "crumbs" }, parts);
}

/** 文号, date and validity of a document (`status`: the engine's code, judged on the day). */
export function chips(t, { number, published, status }) {
  return h("div", { class: "chips" },
    number ? h("span", { class: "chip" }, number) : null,
    published ? h("span", { class: "chip" }, t.published(published)) : null,
    h("span", { class: `chip ${status}` }, t.status[status] ?? t.status.unknown));
}

/** A row of buttons that each search for a query, from `[query, label]` pairs. */
function queryButtons(pairs, onQuery, lead = null) {
  return h("div", { class: "examples" }, lead, pairs.map(([q, label]) => button(label, () => onQuery(q))));
}

/** Before the first search: what is indexed, and example (or popular: `lead`) queries. */
export function intro(t, stats, examples, onQuery, lead = t.examples) {
  return [
    h("p", {}, t.ready(stats.clauses, stats.docs)),
    examples.length ? queryButtons(examples.map((q) => [q, q]), onQuery, lead) : null,
  ].filter(Boolean);
}

/** 相关搜索 under the results: each query a button that searches it. */
export function related(t, queries, onQuery) {
  return queries.length ? [queryButtons(queries.map((q) => [q, h("bdi", {}, q)]), onQuery, t.relatedLead)] : [];
}

/**
 * Nothing found: the query, hints, each word alone that does find something (`alone`:
 * [term, count]), and example queries that work in this corpus.
 */
export function noResults(t, q, alone, examples, onQuery) {
  return [
    h("p", {}, t.noResults(h("bdi", {}, q))),
    h("ul", {}, t.hints.map((hint) => h("li", {}, hint))),
    alone.length ? queryButtons(alone.map(([term, n]) => [term, t.onlyTerm(h("bdi", {}, term), n)]), onQuery) : null,
    examples.length ? queryButtons(examples.map((e) => [e, e]), onQuery, t.examples) : null,
  ].filter(Boolean);
}

/** 《title》（文号）path › clause: how an official cites a clause. */
export function citation(doc, record) {
  const own = `${record.label}${record.heading ?? ""}`;
  const path = [...record.path.map((p) => `${p.label}${p.title}`), own].filter(Boolean).join(" › ");
  return `《${doc.title}》${doc.number ? `（${doc.number}）` : ""}${path}`;
}
