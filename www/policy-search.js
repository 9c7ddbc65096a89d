// <policy-search>: search Chinese policy clauses in the browser.
//
//   <script type="module" src="/policy-search.js"></script>
//   <policy-search examples="创业补贴 知识产权"></policy-search>
//
// The engine (Rust, compiled to WebAssembly with the index embedded) is loaded once per page
// from ./pkg/ next to this file; nothing is fetched from any other origin. Attributes:
//   examples     space-separated example queries shown before the first search
//   limit        results per page (default 10)
//   url-prefix   prefix for the URL parameters q / doc / clause / issuer… (default none; with several
//                elements on the page, the element's id and a dash: id="laws" → laws-q)
//   large-text   start in large-text mode (the 大字 button toggles it)
//   today        the day documents' validity is judged on, "YYYY-MM-DD" (default: today in China)
// Events (bubbling, composed): `policy-search-ready` {clauses, docs},
// `policy-search-results` {query, total, partial, documents, corrected, filters, sort},
// `policy-search-error` {message}.
// The host's `state` attribute is `loading`, `ready` or `error`; its `settled` property is true
// when the results shown are those of the box's current text and no search is pending.
//
// This file is the element's lifecycle and its flow of state; the parts live in element/:
// engine.js (loading), url-state.js (URL and history), render.js (DOM of results and clause
// view), document-view.js (a whole document), suggest.js (the autocomplete popup),
// filters.js (filters and sort), keyboard.js, dom.js, strings.js, styles.js.

import { css } from "./element/styles.js";
import { strings } from "./element/strings.js";
import { h, copyText } from "./element/dom.js";
import { UrlState, TypingHistory, urlPrefix } from "./element/url-state.js";
import { startEngine, engine, natural, loadFailure, missing, addFiles } from "./element/engine.js";
import { comboboxKeys, isSlashShortcut } from "./element/keyboard.js";
import { Suggestions } from "./element/suggest.js";
import * as render from "./element/render.js";
import { documentView } from "./element/document-view.js";
import { FilterPanel, filterCss, stateKey } from "./element/filters.js";

// Start at once: by the time the element is parsed, the engine is on its way. The URL is made
// here because pkg/ sits next to this file (the bundle), not next to element/engine.js.
startEngine(new URL("./pkg/", import.meta.url)).catch(() => {}); // failures are reported by each element

/**
 * The page's engines (wasm `PolicySearch` objects every element shares), for scripts that want
 * to query them directly: `engine()` resolves to the exact one as soon as it loads, `natural()`
 * to the one with every tier once it and the lexicon have arrived (null if they could not):
 * `const { natural } = await import("/policy-search.js"); (await natural()).search("zxqy")`.
 */
export { engine, natural };
export { citation } from "./element/render.js";

let sheet = null;
function stylesheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css + filterCss);
  }
  return sheet;
}

const LARGE_TEXT_KEY = "policy-search:large-text";
/** The engine's largest `limit` (bindings.rs MAX_LIMIT). */
const MAX_LIMIT = 1000;
/** Screen readers hear the count once typing settles, not at every keystroke. */
const ANNOUNCE_DELAY_MS = 500;

class PolicySearchElement extends HTMLElement {
  static observedAttributes = ["large-text"];

  constructor() {
    super();
    this.engine = null;
    this.docs = new Map();
    this.hits = [];
    this.total = 0;
    this.active = -1;
    this.frame = 0;
    this.openClause = null; // {doc, clause} while a clause is open; clause null for a whole document
    this.openEntry = null; // id of the history entry the open view pushed, to go back from
    this.cameFrom = new Map(); // entry id → the view it was opened from ("results", "clause", "document")
    this.onPopState = () => this.restoreFromUrl();
    this.onDocumentKey = (e) => {
      if (!isSlashShortcut(e)) return;
      e.preventDefault();
      this.input.focus();
      this.input.select();
    };
    this.onDocumentPress = (e) => this.suggestions.pressed(e);
    this.attachShadow({ mode: "open" }).adoptedStyleSheets = [stylesheet()];
  }

  // A portal may move the element (disconnect, connect again elsewhere): the listeners on
  // window and document follow the connection; the rest is built once.
  connectedCallback() {
    if (!this.root) this.init();
    else if (this.engine && !this.shows(this.url.read())) this.restoreFromUrl(); // Back/Forward while it was out
    window.addEventListener("popstate", this.onPopState);
    document.addEventListener("keydown", this.onDocumentKey);
    document.addEventListener("mousedown", this.onDocumentPress, true);
  }

  disconnectedCallback() {
    window.removeEventListener("popstate", this.onPopState);
    document.removeEventListener("keydown", this.onDocumentKey);
    document.removeEventListener("mousedown", this.onDocumentPress, true);
    this.suggestions.close();
  }

  /** First connection: attributes, skeleton, and the engine. */
  init() {
    this.t = strings(this.closest("[lang]")?.getAttribute("lang") ?? document.documentElement.lang);
    this.limit = Math.min(100, Math.max(1, parseInt(this.getAttribute("limit"), 10) || 10));
    this.today = /^\d{4}-\d{2}-\d{2}$/.test(this.getAttribute("today")) ? this.getAttribute("today") : undefined;
    this.url = new UrlState(urlPrefix(this));
    this.typing = new TypingHistory(this.url);
    this.build();
    let large = this.hasAttribute("large-text");
    try {
      large = large || localStorage.getItem(LARGE_TEXT_KEY) === "1";
    } catch {
      /* storage may be blocked; the attribute still works */
    }
    this.setLarge(large, false);
    this.setState("loading");
    this.restoreFromUrl();
    engine().then(
      (engine) => this.ready(engine),
      (error) => this.failed(error),
    );
  }

  /**
   * True when the results on screen are those of the box's current text, the URL says the same
   * and no search or Back is pending (or the engine failed to load): what tests and scripts wait
   * for, instead of time.
   */
  get settled() {
    if (this.getAttribute("state") === "error") return true;
    if (!this.engine || !this.lexiconDone || this.frame || this.goingBack || this.fetching) return false;
    return this.rendered === this.input.value && this.shows(this.url.read());
  }

  /**
   * Whether the box, filters and open clause or document are those of `{q, doc, clause,
   * filters, sort}` (a URL's state).
   */
  shows({ q, doc, clause, filters, sort }) {
    const open = this.openClause ?? { doc: null, clause: null };
    return q === this.input.value && doc === open.doc && clause === open.clause &&
      stateKey({ filters, sort }) === stateKey(this.filterPanel.state);
  }

  attributeChangedCallback(name) {
    if (name === "large-text" && this.root) this.setLarge(this.hasAttribute("large-text"), false);
  }

  // ----- skeleton ---------------------------------------------------------------------------

  build() {
    Object.assign(this, render.skeleton(this.t, this.t === strings("zh-TW") ? "zh-TW" : "zh-CN"));
    this.shadowRoot.append(this.root);
    this.largeButton.addEventListener("click", () => this.setLarge(!this.root.classList.contains("large"), true));
    this.more.addEventListener("click", () => this.showMore());
    this.filterPanel = new FilterPanel(this.t, {
      changed: (state) => this.filtersChanged(state),
      refocus: () => this.input.focus(),
      read: (doc) => this.openDocument(doc, true),
    });
    this.results.prepend(this.filterPanel.bar, this.filterPanel.panel, this.filterPanel.chips);
    this.suggestions = new Suggestions(this.suggestList, this.input, this.t, {
      ask: (text, n) => this.askSuggestions(text, n),
      choose: (text) => this.choose(text),
      changed: () => this.syncCombobox(),
    });

    this.input.addEventListener("input", (e) => {
      if (!e.isComposing) this.edited();
    });
    // An IME sends keystrokes of pinyin while composing; search the characters it commits.
    this.input.addEventListener("compositionend", () => this.edited());
    this.input.addEventListener("keydown", comboboxKeys(this));
    this.input.addEventListener("blur", () => {
      this.commit();
      this.suggestions.blurred();
    });
    this.list.addEventListener("click", (e) => {
      const option = e.target.closest?.("[role=option]");
      if (option) this.open(Number(option.dataset.index));
    });
    this.detail.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        this.closeClause();
      }
    });
  }

  setState(state) {
    this.setAttribute("state", state);
    this.root.setAttribute("aria-busy", state === "loading" ? "true" : "false");
  }

  setLarge(on, remember) {
    this.root.classList.toggle("large", on);
    this.largeButton.setAttribute("aria-pressed", String(on));
    if (remember) {
      try {
        localStorage.setItem(LARGE_TEXT_KEY, on ? "1" : "0");
      } catch {
        /* not remembered, still applied */
      }
    }
  }

  // ----- engine -----------------------------------------------------------------------------

  ready(engine) {
    this.engine = engine;
    let docs;
    try {
      docs = engine.docs(this.today);
    } catch {
      this.today = undefined; // not a day the engine reads: judged on today
      docs = engine.docs();
    }
    for (const d of docs) this.docs.set(d.doc, d);
    this.stats = engine.stats();
    this.setState("ready");
    this.restoreFromUrl();
    this.dispatch("policy-search-ready", { clauses: this.stats.clauses, docs: this.stats.docs });
    // Fold every clause while the visitor reads, so the first search is as fast as the rest.
    const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 50));
    idle(() => engine.prepare());
    // The natural engine and its lexicon arrive after the exact one: until then results are
    // exact; then it takes over and the current query is searched again with every tier.
    natural().then((full) => {
      const ok = full !== null;
      if (ok) {
        this.engine = full;
        idle(() => full.prepare());
      }
      this.lexiconDone = true;
      if (ok && (this.input.value.trim() || this.filterPanel.active) && !this.openClause) this.search();
      // Suggestions need the lexicon: ask again for what is in the box, if the visitor is in it.
      if (ok && this.shadowRoot.activeElement === this.input) this.suggestions.update(this.input.value);
    });
  }

  failed(error) {
    const kind = loadFailure(error);
    const text = kind === "other" ? this.t.errors.other + String(error?.message ?? error) : this.t.errors[kind];
    this.setState("error");
    this.showError(text, true);
    this.dispatch("policy-search-error", { message: text });
  }

  dispatch(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ----- typing and URL state ---------------------------------------------------------------

  edited() {
    this.typing.edited(performance.now());
    this.suggestions.edited();
    if (this.openClause) this.showResults();
    this.schedule();
  }

  /**
   * A suggestion was chosen: it goes into the box and is searched as if typed and ended with
   * Enter (so the history and URL rules of typing hold).
   */
  choose(text) {
    this.input.value = text;
    this.typing.edited(performance.now());
    this.commit();
    if (this.openClause) this.showResults();
    this.search();
  }

  /** The engine's completions of `text` ([] until the engine has them: lexicon, or an older build). */
  askSuggestions(text, n) {
    if (typeof this.engine?.suggest !== "function") return [];
    try {
      return this.engine.suggest(text, n);
    } catch {
      return [];
    }
  }

  /** Enter or leaving the box ends the query (see TypingHistory). */
  commit() {
    this.typing.end(this.input.value);
  }

  /** Searches once per animation frame, however fast keys arrive; the input is never touched. */
  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.typing.write(this.input.value);
      this.search();
      this.suggestions.update(this.input.value);
    });
  }

  restoreFromUrl() {
    this.goingBack = false;
    this.suggestions.close();
    const { q, doc, clause, filters, sort } = this.url.read();
    const leaving = this.openClause;
    if (this.input.value !== q) this.input.value = q;
    this.filterPanel.set({ filters, sort });
    if (!this.engine) {
      this.showLoading();
      return;
    }
    this.search();
    if (doc && clause) this.openRecord(doc, clause, false);
    // Back from a clause to its document returns to that clause in it.
    else if (doc) this.openDocument(doc, false, leaving?.doc === doc ? leaving.clause : null);
    else this.showResults();
  }

  setQuery(q) {
    this.suggestions.close();
    this.input.value = q;
    this.url.push({ q });
    this.showResults();
    this.search();
    this.input.focus();
  }

  // ----- shard files ------------------------------------------------------------------------

  /**
   * True when the engine calls just made lacked shard files (a sharded index answers without
   * them): they are fetched, then `again()` runs if `still()` holds — the visitor may have
   * moved on. Until then the answer is not shown, so nothing incomplete is ever rendered.
   */
  lacking(again, still) {
    const engine = this.engine;
    const names = missing(engine);
    if (!names.length) return false;
    // Each round adds files (addFiles refuses to ask twice); a correction or a pinyin reading
    // may name more keys, each round as many as it finds.
    this.showLoading();
    this.fetching = (this.fetching ?? 0) + 1;
    addFiles(engine, names).then(
      // Also when the natural engine has taken over meanwhile: it asks for its own copy.
      () => { if (still()) again(); },
      () => { if (still()) this.showError(this.t.errors.network, false); },
    ).finally(() => { this.fetching -= 1; });
    return true;
  }

  // ----- searching and results --------------------------------------------------------------

  showLoading() {
    this.status.textContent = this.t.loading;
  }

  search() {
    if (!this.engine) return this.showLoading();
    const q = this.input.value;
    this.rendered = q;
    this.message.className = "message";
    this.message.removeAttribute("role");
    // "Search as typed" holds until the text changes.
    if (this.asTyped !== q) this.asTyped = null;
    // An empty box lists the clauses passing the filters (browsing); with none it shows the
    // intro, the filters' counts over every clause beside it.
    const intro = !q.trim() && !this.filterPanel.active;
    this.browsing = !q.trim();
    let results;
    try {
      results = this.engine.search(q, this.options(0, intro ? 0 : this.limit));
    } catch (error) {
      return this.showQueryError(error);
    }
    if (this.lacking(() => this.search(), () => this.input.value === q && this.rendered === q)) return;
    this.filterPanel.update(results.facets ?? []);
    if (intro) return this.showIntro();
    // Hits found only through a pinyin reading of the query (zxqy → 中小企业) come on top of its own.
    this.counts = { total: results.total, partial: results.partial, documents: results.documents, pinyin: results.pinyin_hits ?? 0 };
    this.hits = results.hits;
    this.total = results.total + results.partial + results.documents + this.counts.pinyin;
    this.active = -1;
    // A Latin query read as pinyin says what it was read as (zxqy → 中小企业).
    this.reading = results.pinyin ?? null;
    this.list.replaceChildren(...this.hits.map((hit, i) => this.option(hit, i)));
    this.afterRender();
    if (this.total === 0) this.showNoResults(q, results.parsed);
    else if (this.browsing) this.message.replaceChildren();
    else {
      this.message.replaceChildren(...[
        results.corrected ? render.correction(this.t, results.corrected, () => this.searchAsTyped(q)) : null,
        this.reading ? render.pinyinLine(this.t, this.reading) : null,
      ].filter(Boolean));
    }
    this.dispatch("policy-search-results", {
      query: q, total: results.total, partial: results.partial, documents: results.documents,
      corrected: results.corrected?.query ?? null, ...this.filterPanel.state,
    });
  }

  /** engine.search's options: a page from `offset`, the filters, sort and day. */
  options(offset, limit = this.limit) {
    const { filters, sort } = this.filterPanel.state;
    return { limit, offset, correct: this.asTyped === null, filters, sort, today: this.today };
  }

  /** The visitor changed a filter or the sort: one history entry, and the results again. */
  filtersChanged(state) {
    this.commit(); // the query's own entry first
    this.filterPanel.set(state);
    try {
      this.url.push({ q: this.input.value, ...state });
    } catch {
      /* history rate limits must not stop the search */
    }
    this.search();
  }

  /** Searches the text exactly as typed, without the homophone correction. */
  searchAsTyped(q) {
    this.asTyped = q;
    this.search();
    this.input.focus();
  }

  showMore() {
    let results;
    const [q, first] = [this.input.value, this.hits.length];
    try {
      results = this.engine.search(q, this.options(first));
    } catch (error) {
      return this.showQueryError(error);
    }
    if (this.lacking(() => this.showMore(), () => this.input.value === q && this.hits.length === first)) return;
    this.hits.push(...results.hits);
    this.list.append(...results.hits.map((hit, i) => this.option(hit, first + i)));
    this.afterRender();
    if (results.hits.length) this.select(first);
  }

  option(hit, index) {
    // The first partial hit opens the "related" group: the one before it is not partial.
    const firstRelated = hit.match === "partial" && hit.kind === "clause" && this.hits[index - 1]?.match !== "partial";
    return render.option(this.t, hit, this.docs.get(hit.doc), index, firstRelated);
  }

  afterRender() {
    const shown = this.hits.length;
    const count = this.browsing ? this.t.filters.browse(this.total, shown) : this.t.counts(this.counts, shown);
    // With no result the message below says so in full; the count would only repeat it.
    this.status.textContent = this.total ? count : "";
    this.more.hidden = shown >= this.total;
    this.syncCombobox();
    const reading = this.reading && this.total ? `${this.t.pinyin(this.reading.from, this.reading.to).join("")}。` : "";
    this.announce(reading + count);
  }

  /**
   * The box's combobox attributes: its popup is the suggestions while they are open, else the
   * results list; `aria-activedescendant` names the active option of that popup, if any.
   */
  syncCombobox() {
    const suggesting = this.suggestions.open;
    this.input.setAttribute("aria-controls", suggesting ? this.suggestList.id : this.list.id);
    this.input.setAttribute("aria-expanded", String(suggesting || this.hits.length > 0));
    const active = suggesting ? this.suggestions.activeId : this.list.children[this.active]?.id;
    if (active) this.input.setAttribute("aria-activedescendant", active);
    else this.input.removeAttribute("aria-activedescendant");
  }

  announce(text) {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => (this.live.textContent = text), ANNOUNCE_DELAY_MS);
  }

  clearResults() {
    this.hits = [];
    this.total = 0;
    this.active = -1;
    this.reading = null;
    this.list.replaceChildren();
    this.more.hidden = true;
    this.syncCombobox();
  }

  showIntro() {
    this.clearResults();
    this.status.textContent = "";
    const examples = (this.getAttribute("examples") ?? "").split(/\s+/).filter(Boolean);
    this.message.replaceChildren(...render.intro(this.t, this.stats, examples, (q) => this.setQuery(q)));
    this.announce("");
  }

  /** Nothing found for `q`; `parsed` is what the engine read (the query is parsed only there). */
  showNoResults(q, parsed) {
    // For a query of several terms that finds nothing together, offer each term alone, as typed.
    const terms = parsed.typed;
    const alone = terms.length > 1
      ? terms.map((term) => [term, this.countOf(term)]).filter(([, n]) => n > 0)
      : [];
    const examples = this.examples ??= this.engine.examples(6);
    if (this.lacking(() => this.showNoResults(q, parsed), () => this.input.value === q)) return;
    // Browsing, nothing passes the filters; a query that finds nothing may be filtered out.
    const narrowed = this.filterPanel.active ? [h("p", {}, this.t.filters.narrowed)] : [];
    this.message.replaceChildren(...(this.browsing ? [h("p", {}, this.t.filters.none)]
      : [...narrowed, ...render.noResults(this.t, q, alone, examples, (term) => this.setQuery(term))]));
  }

  countOf(term) {
    try {
      const r = this.engine.search(term, this.options(0, 0));
      return r.total + r.partial + r.documents + (r.pinyin_hits ?? 0);
    } catch {
      return 0;
    }
  }

  showQueryError(error) {
    const word = this.t.errors[error?.code];
    const text = typeof word === "function" ? word(error) : String(error?.message ?? error);
    this.showError(text, false);
    this.announce(text);
  }

  /** `text` as an error in place of the results; an alert when the widget cannot work at all. */
  showError(text, alert) {
    this.clearResults();
    this.status.textContent = "";
    this.message.className = "message error";
    if (alert) this.message.setAttribute("role", "alert");
    this.message.replaceChildren(text);
  }

  /** Makes option `index` the active one (it shows its whole text; the previous one its snippet). */
  select(index) {
    const previous = this.list.children[this.active];
    if (previous) {
      previous.setAttribute("aria-selected", "false");
      render.fillText(this.t, previous, this.hits[this.active], false);
    }
    this.active = index;
    const option = this.list.children[index];
    option.setAttribute("aria-selected", "true");
    render.fillText(this.t, option, this.hits[index], true);
    this.syncCombobox();
    option.scrollIntoView({ block: "nearest" });
  }

  // ----- one clause in its context, or the whole document ---------------------------------

  open(index) {
    const hit = this.hits[index];
    if (!hit) return;
    if (hit.kind === "document") this.openDocument(hit.doc, true);
    else this.openRecord(hit.doc, hit.clause, true, hit);
  }

  /**
   * Shows the detail pane for `{doc, clause}` (clause null: the whole document), pushing its
   * history entry if `push`; returns its back button, named after where Back leads.
   */
  enterView(doc, clause, push) {
    const from = this.openClause ? (this.openClause.clause ? "clause" : "document") : "results";
    if (push) {
      this.commit(); // the query's own entry first, then the view's
      this.openEntry = this.url.push({ q: this.input.value, doc, clause });
      if (this.openEntry) this.cameFrom.set(this.openEntry, from);
    } else {
      // Back/Forward to an entry this element pushed: Back leads where it led then.
      this.openEntry = this.url.own();
    }
    this.openClause = { doc, clause };
    // The results' count, still waiting to be announced, is no news once they are left (nor
    // may it cover what a copy button says).
    clearTimeout(this.announceTimer);
    this.results.hidden = true;
    this.detail.hidden = false;
    const to = this.cameFrom.get(this.openEntry) ?? "results";
    return render.button(`← ${this.t.backTo[to]}`, () => this.closeClause(), { class: "back" });
  }

  /** The detail pane says that what a link names is not there. */
  showMissing(back, text) {
    this.detail.replaceChildren(back, h("p", { class: "message error", role: "alert" }, text));
  }

  /** Opens a clause in its section; `hit` is the result it was opened from, if any. */
  openRecord(doc, clause, push, hit = null) {
    this.suggestions.close();
    const record = this.engine.clause(doc, clause);
    const samePath = (c) => JSON.stringify(c.path) === JSON.stringify(record.path);
    const section = record ? this.engine.documentClauses(doc).filter(samePath) : [];
    // The result's own highlights; only a deep link (or a document hit) asks the engine.
    const highlights = hit ? hit.highlights : this.highlightsFor(doc, clause);
    const token = this.opening = {};
    if (this.lacking(() => this.openRecord(doc, clause, push, hit), () => this.opening === token)) return;
    const back = this.enterView(doc, clause, push);
    if (!record) return this.showMissing(back, this.t.notFound);
    const view = { meta: this.docs.get(doc), record, section, clause, highlights };
    this.detail.replaceChildren(...render.clauseView(this.t, view, {
      back,
      action: (label, text, name) => this.actionButton(label, text, name),
      copyLink: () => this.url.link({ q: this.input.value, doc, clause }),
      whole: render.button(this.t.wholeDocument, () => this.openDocument(doc, true, clause), { class: "whole" }),
    }));
    this.detail.querySelector("h2").focus();
    this.detail.querySelector("#current")?.scrollIntoView({ block: "nearest" });
  }

  /** Opens a whole document; `from` is the clause it was opened from, which gets the focus. */
  openDocument(doc, push, from = null) {
    this.suggestions.close();
    const meta = this.docs.get(doc);
    const records = meta ? this.engine.documentClauses(doc) : [];
    const highlights = this.documentHighlights(doc, records.length);
    const token = this.opening = {};
    if (this.lacking(() => this.openDocument(doc, push, from), () => this.opening === token)) return;
    const back = this.enterView(doc, null, push);
    if (!records.length) return this.showMissing(back, this.t.docNotFound);
    const view = documentView(this.t, { meta, records, highlights, width: this.clientWidth }, {
      back,
      action: (label, text, name) => this.actionButton(label, text, name),
      copyLink: () => this.url.link({ q: this.input.value, doc }),
      href: (clause) => this.url.href({ q: this.input.value, doc, clause }),
      openClause: (clause) => this.openRecord(doc, clause, true),
    });
    this.detail.replaceChildren(...view.nodes);
    if (from) view.reveal(from);
    else this.detail.querySelector("h2").focus();
  }

  /**
   * The current query's highlights in a document's clauses (clause id → ranges), from one
   * search over that document's clauses only.
   */
  documentHighlights(doc, clauses) {
    const found = new Map();
    const q = this.input.value;
    if (!q.trim() || !clauses) return found;
    try {
      const options = { limit: Math.min(clauses, MAX_LIMIT), offset: 0, correct: this.asTyped === null, filters: { doc: [doc] } };
      // An engine without `filters` answers for every document: the doc test keeps this one's.
      for (const hit of this.engine.search(q, options).hits) {
        // A clause found through its headings alone has nothing to mark.
        if (hit.kind === "clause" && hit.doc === doc && hit.highlights.length && !found.has(hit.clause)) found.set(hit.clause, hit.highlights);
      }
    } catch {
      /* a query the engine refuses highlights nothing; the results say why */
    }
    return found;
  }

  /** Highlights of the current query in one clause (none when the query does not match it). */
  highlightsFor(doc, clause) {
    const q = this.input.value;
    if (!q.trim()) return [];
    const options = { correct: this.asTyped === null };
    try {
      // hitOf where the module has it (any that reads shard files): one clause's text, not a
      // thousand hits'.
      if (typeof this.engine.hitOf === "function") return this.engine.hitOf(q, doc, clause, options)?.highlights ?? [];
      const all = this.engine.search(q, { ...options, limit: 1000 }).hits;
      return all.find((hit) => hit.doc === doc && hit.clause === clause)?.highlights ?? [];
    } catch {
      return [];
    }
  }

  /** A button that copies `text()` and says whether it worked. */
  actionButton(label, text, name) {
    const el = render.button(label, async () => {
      const ok = await copyText(text(), this.root);
      this.live.textContent = ok ? this.t.copied : this.t.copyFailed;
      el.textContent = ok ? `${label} ✓` : label;
    }, { class: name });
    return el;
  }

  closeClause() {
    // Back only if the current entry is still the one opening pushed (not after a deep link,
    // nor after another element or the host pushed on top of it).
    if (this.url.isCurrent(this.openEntry)) {
      this.openEntry = null;
      this.goingBack = true; // not settled until popstate has restored the view before
      history.back();
    } else {
      this.url.push({ q: this.input.value });
      this.showResults();
      this.search();
    }
    this.input.focus();
  }

  showResults() {
    this.opening = null;
    this.openClause = null;
    this.openEntry = null;
    this.detail.hidden = true;
    this.detail.replaceChildren();
    this.results.hidden = false;
  }
}

if (!customElements.get("policy-search")) customElements.define("policy-search", PolicySearchElement);
