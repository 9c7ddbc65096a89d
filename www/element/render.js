// Rendering: the DOM of the results and of the clause view, built from the engine's records.
// Functions of their arguments only (`t` is the interface strings); the element decides when
// to call them and wires the buttons through the callbacks it passes.

import { h, highlighted, charCount } from "./dom.js";

/** A plain button that calls `onClick`. */
export function button(label, onClick, attrs = {}) {
  const el = h("button", { type: "button", ...attrs }, label);
  el.addEventListener("click", onClick);
  return el;
}

/** One result: document title › headings, the text (a snippet if long), chips. */
export function option(t, hit, meta, index) {
  const li = h("li", { role: "option", id: `option-${index}`, "aria-selected": "false", "data-index": index },
    crumbs(hit.title, hit.path),
    h("p", { class: "text" }),
    chips(t, meta));
  fillText(t, li, hit, false);
  return li;
}

/** The snippet, or the whole text once the option is selected (long clauses expand). */
export function fillText(t, li, hit, full) {
  const cut = hit.snippet.text !== hit.text;
  const text = li.querySelector(".text");
  text.replaceChildren(...(full || !cut ? highlighted(hit.text, hit.highlights) : highlighted(hit.snippet.text, hit.snippet.highlights)));
  li.querySelector(".chip.length")?.remove();
  if (cut && !full) li.querySelector(".chips").append(h("span", { class: "chip length" }, t.fullText(charCount(hit.text))));
}

/** 《title》 › 一、… › （四）…: where a clause sits. */
export function crumbs(title, path) {
  const parts = [h("span", { class: "doc" }, title)];
  for (const item of path) parts.push(h("span", { class: "sep", "aria-hidden": "true" }, "›"), h("span", {}, `${item.label}${item.title}`));
  return h("p", { class: "crumbs" }, parts);
}

/** 文号, date and validity of a document. */
export function chips(t, { number, published, status }) {
  const kind = status === "现行有效" ? "valid" : status === "已失效" ? "expired" : "unknown";
  return h("div", { class: "chips" },
    number ? h("span", { class: "chip" }, number) : null,
    published ? h("span", { class: "chip" }, t.published(published)) : null,
    h("span", { class: `chip ${kind}` }, t.status[status] ?? status));
}

/** A row of buttons that each search for a query, from `[query, label]` pairs. */
function queryButtons(pairs, onQuery, lead = null) {
  return h("div", { class: "examples" }, lead, pairs.map(([q, label]) => button(label, () => onQuery(q))));
}

/** Before the first search: what is indexed, and example queries. */
export function intro(t, stats, examples, onQuery) {
  return [
    h("p", {}, t.ready(stats.clauses, stats.docs)),
    examples.length ? queryButtons(examples.map((q) => [q, q]), onQuery, t.examples) : null,
  ];
}

/** Nothing found: the query, hints, and each word alone that does find something (`alone`: [term, count]). */
export function noResults(t, q, alone, onQuery) {
  return [
    h("p", {}, t.noResults(h("bdi", {}, q))),
    h("ul", {}, t.hints.map((hint) => h("li", {}, hint))),
    alone.length ? queryButtons(alone.map(([term, n]) => [term, t.onlyTerm(h("bdi", {}, term), n)]), onQuery) : null,
  ];
}

/**
 * One clause in its section: back button, title, chips, where it sits, the copy actions and
 * the section's clauses with this one marked. `action(label, text, name)` makes a copy button.
 */
export function clauseView(t, { meta, record, section, clause, highlights }, { back, action, copyLink }) {
  return [
    back,
    h("h2", { tabindex: "-1" }, meta.title),
    chips(t, meta),
    crumbs(meta.title, record.path),
    h("div", { class: "actions" },
      action(t.copyCitation, () => citation(meta, record), "copy-citation"),
      action(t.copyLink, copyLink, "copy-link")),
    h("h3", {}, t.context),
    h("ol", {}, section.map((c) => {
      const current = c.clause === clause;
      return h("li", { "aria-current": current ? "true" : false, id: current ? "current" : false },
        c.label ? h("span", { class: "label" }, c.label) : null,
        h("span", { class: "text" }, current ? highlighted(c.text, highlights) : c.text),
        current ? h("span", { class: "visually-hidden" }, `（${t.thisClause}）`) : null);
    })),
  ];
}

/** 《title》（文号）path › clause: how an official cites a clause. */
export function citation(doc, record) {
  const own = `${record.label}${record.heading ?? ""}`;
  const path = [...record.path.map((p) => `${p.label}${p.title}`), own].filter(Boolean).join(" › ");
  return `《${doc.title}》${doc.number ? `（${doc.number}）` : ""}${path}`;
}
