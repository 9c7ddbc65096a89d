// The detail pane: one clause in its section (clauseView, below) or a whole document
// (document-view.js, loaded when first opened), under a back button named after where Back
// leads, with copy buttons that say whether they worked. Opening one asks the session
// (session.js) and shows the view once its answer is whole; the element decides what opens,
// and owns history.
//
// A chunk of its own (parts.js), fetched when a clause or document is first opened: no first
// result needs it. Its building blocks are handed in (`kit`), not imported: a module it shared
// with the bundle would be split by esbuild into a third file that every page fetches.
let h, copyText, button, chips, citation, clauseText, crumbs, short, MAX_TEXT_CHARS, documentView;

/** Clauses shown on each side of the open one in the clause view. */
const SECTION_SIDE = 10;

/**
 * One clause in its section: back button, title, chips, where it sits, the copy actions, the
 * button `whole` (to the whole document) and the section's clauses around this one, which is
 * marked. `action(label, text, name)` makes a copy button.
 */
function clauseView(t, { meta, record, section, clause, highlights }, { back, action, copyLink, whole }) {
  const at = Math.max(0, section.findIndex((c) => c.clause === clause));
  const shown = section.slice(Math.max(0, at - SECTION_SIDE), at + SECTION_SIDE + 1);
  return [
    back,
    h("h2", { tabindex: "-1" }, short(meta.title)),
    chips(t, meta),
    crumbs(meta.title, record.path),
    h("div", { class: "actions" },
      action(t.copyCitation, () => citation(meta, record), "copy-citation"),
      action(t.copyLink, copyLink, "copy-link"),
      whole),
    h("h3", {}, t.context),
    shown.length < section.length ? h("p", { class: "note" }, t.sectionClipped(shown.length, section.length)) : null,
    h("ol", {}, shown.map((c) => {
      const current = c.clause === clause;
      return h("li", { "aria-current": current ? "true" : false, id: current ? "current" : false },
        c.label ? h("span", { class: "label" }, short(c.label)) : null,
        h("span", { class: "text" }, clauseText(t, c.text, current ? highlights : [])),
        current ? h("span", { class: "visually-hidden" }, `（${t.thisClause}）`) : null);
    })),
  ];
}

export class DetailView {
  /**
   * Given the skeleton's parts (render.skeleton; it uses `detail`, the empty pane, `input`,
   * whose text it highlights, `root`, where copying's fallback puts its textarea, and `live`,
   * which says whether a copy worked) and `{t, session}`: the strings and the session that
   * reads clauses and highlights. Calls back `enter(doc, clause, push)` → where Back leads (a
   * key of `t.backTo`) when a view is about to show (the element writes history and hides the
   * results); `back()` when the visitor leaves it (its back button, Escape); `width()` → the
   * element's width in CSS px; `link({doc, clause})` → the link "copy link" copies (no clause:
   * the document's); `href({doc, clause})` → the same-page URL that opens a clause.
   * `kit`: {h, copyText (dom.js), button, chips, citation, clauseText, crumbs, short,
   * MAX_TEXT_CHARS (render.js), documentView (the part, parts.js)}.
   */
  constructor(parts, given, callbacks, kit) {
    ({ h, copyText, button, chips, citation, clauseText, crumbs, short, MAX_TEXT_CHARS, documentView } = kit);
    Object.assign(this, parts, given, callbacks);
    this.opening = null; // the open under way: a retry for files is dropped once another starts
    this.detail.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        this.back();
      }
    });
  }

  /**
   * Opens clause `clause` of `doc` in its section, pushing a history entry if `push`; `hit` is
   * the result it was opened from, if any.
   */
  openClause(doc, clause, push, hit = null) {
    const s = this.session;
    const { record, section } = s.clauseInSection(doc, clause);
    // The result's own highlights; only a deep link (or a document hit) asks the engine.
    const highlights = hit ? hit.highlights : s.highlightsOf(this.input.value, doc, clause);
    const token = this.opening = {};
    if (s.lacking(() => this.openClause(doc, clause, push, hit), () => this.opening === token)) return;
    const to = this.show(doc, clause, push);
    if (!record) return this.missing(to, this.t.notFound);
    this.detail.replaceChildren(...clauseView(this.t, { meta: s.docs.get(doc), record, section, clause, highlights }, {
      back: this.backButton(to),
      action: (label, text, name) => this.copyButton(label, text, name),
      copyLink: () => this.link({ doc, clause }),
      whole: button(this.t.wholeDocument, () => this.openDocument(doc, true, clause), { class: "whole" }),
    }));
    this.detail.querySelector("h2").focus();
    this.detail.querySelector("#current")?.scrollIntoView({ block: "nearest" });
  }

  /**
   * Opens the whole document `doc`, pushing a history entry if `push`; `from` is the clause it
   * was opened from, which gets the focus (else its title does).
   */
  openDocument(doc, push, from = null) {
    const s = this.session;
    const records = s.documentClauses(doc);
    const highlights = s.highlights(this.input.value, doc, records.length);
    const token = this.opening = {};
    const again = () => this.openDocument(doc, push, from);
    if (s.lacking(again, () => this.opening === token)) return;
    if (s.loadingPart(documentView, again, () => this.opening === token)) return;
    const to = this.show(doc, null, push);
    if (!records.length) return this.missing(to, this.t.docNotFound);
    const view = documentView.module.documentView(this.t, { meta: s.docs.get(doc), records, highlights, width: this.width() }, {
      back: this.backButton(to),
      action: (label, text, name) => this.copyButton(label, text, name),
      copyLink: () => this.link({ doc }),
      href: (clause) => this.href({ doc, clause }),
      openClause: (clause) => this.openClause(doc, clause, true),
      other: (id) => (s.docs.has(id) ? { title: s.docs.get(id).title, href: this.href({ doc: id }) } : null),
      openDocument: (id) => this.openDocument(id, true),
    }, { h, button, chips, citation, clauseText, short, MAX_TEXT_CHARS });
    this.detail.replaceChildren(...view.nodes);
    if (from) view.reveal(from);
    else this.detail.querySelector("h2").focus();
  }

  /** The element writes the view's history and hides the results; then the pane shows. */
  show(doc, clause, push) {
    const to = this.enter(doc, clause, push);
    this.detail.hidden = false;
    return to;
  }

  /** Hides the pane and drops its view (and an open still waiting for files). */
  hide() {
    this.opening = null;
    this.detail.hidden = true;
    this.detail.replaceChildren();
  }

  /** The back button, named after where Back leads (`to`: a key of `t.backTo`). */
  backButton(to) {
    return button(`← ${this.t.backTo[to]}`, () => this.back(), { class: "back" });
  }

  /** What a link names is not there: `text` as an alert, under the back button. */
  missing(to, text) {
    this.detail.replaceChildren(this.backButton(to), h("p", { class: "message error", role: "alert" }, text));
  }

  /** A button that copies `text()` and says whether it worked. */
  copyButton(label, text, name) {
    const el = button(label, async () => {
      const ok = await copyText(text(), this.root);
      this.live.textContent = ok ? this.t.copied : this.t.copyFailed;
      el.textContent = ok ? `${label} ✓` : label;
    }, { class: name });
    return el;
  }
}
