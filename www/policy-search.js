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
// This file is the element's lifecycle, attributes and flow of state through URL and history;
// its parts are in element/ (session.js: every engine call; results-view.js, detail-view.js…).

import { css } from "./element/styles.js";
import { hasStrings, loadStrings, strings } from "./element/strings.js";
import { UrlState, TypingHistory, urlPrefix } from "./element/url-state.js";
import { startEngine, engine, natural, whole } from "./element/engine.js";
import { comboboxKeys, isSlashShortcut, nextOption } from "./element/keyboard.js";
import { h, copyText } from "./element/dom.js";
import { suggest, detailView, documentView } from "./element/parts.js";
import { skeleton, button, chips, citation, clauseText, crumbs, short, MAX_TEXT_CHARS } from "./element/render.js";
import { FilterPanel, filterCss, stateKey } from "./element/filters.js";
import { Session } from "./element/session.js";
import { ResultsView } from "./element/results-view.js";

// Start at once: by the time the element is parsed, the engine is on its way. The URL is made
// here because pkg/ sits next to this file (the bundle), not next to element/engine.js.
startEngine(new URL("./pkg/", import.meta.url)).catch(() => {}); // failures are reported by each element

/**
 * The page's engines (wasm `PolicySearch` objects every element shares), for scripts that want
 * to query them directly: `engine()` resolves to the exact one as soon as it loads, `natural()`
 * fetches the one with every tier and the lexicon, and resolves to it (null if they could not).
 * A sharded index answers a call without the files it has not fetched yet; `whole(engine, ask)`
 * fetches them and asks again until the answer is whole:
 * `const { natural, whole } = await import("/policy-search.js");
 *  const e = await natural(); await whole(e, () => e.search("zxqy"))`.
 */
export { engine, natural, whole };
export { citation } from "./element/render.js";

let sheet = null;
function stylesheet() {
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css + filterCss);
  return sheet;
}

const LARGE_TEXT_KEY = "policy-search:large-text";

class PolicySearchElement extends HTMLElement {
  static observedAttributes = ["large-text"];

  constructor() {
    super();
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
    if (!this.root) {
      // A Traditional page first loads its strings (a chunk of their own), then connects.
      const lang = this.pageLang();
      if (!hasStrings(lang)) {
        loadStrings(lang).then(() => this.isConnected && !this.root && this.connectedCallback());
        return;
      }
      this.init();
    } else if (this.session.engine && !this.shows(this.url.read())) this.restoreFromUrl(); // Back/Forward while it was out
    window.addEventListener("popstate", this.onPopState);
    document.addEventListener("keydown", this.onDocumentKey);
    document.addEventListener("mousedown", this.onDocumentPress, true);
  }

  disconnectedCallback() {
    window.removeEventListener("popstate", this.onPopState);
    document.removeEventListener("keydown", this.onDocumentKey);
    document.removeEventListener("mousedown", this.onDocumentPress, true);
    this.suggestions?.close(); // none yet while the strings load
  }

  /** The page language that applies here: the nearest `lang`. */
  pageLang() {
    return this.closest("[lang]")?.getAttribute("lang") ?? document.documentElement.lang;
  }

  /** First connection: attributes, skeleton, and the engine. */
  init() {
    this.t = strings(this.pageLang());
    this.limit = Math.min(100, Math.max(1, parseInt(this.getAttribute("limit"), 10) || 10));
    this.session = new Session(this.getAttribute("today"), {
      waiting: () => this.view.loading(),
      failed: (kind, retry) => this.view.filesFailed(kind, retry),
      // Searched again either way: with every tier, or (it could not load) exactly, final;
      // suggestions need the lexicon: asked again if the visitor is in the box.
      tookOver: (ok) => {
        if (ok && suggest.loaded) this.suggestions = this.completions(suggest.module.Suggestions, this.suggestions);
        if ((this.input.value.trim() || this.filterPanel.active) && !this.openClause) this.view.search();
        if (ok && this.shadowRoot.activeElement === this.input) this.suggestions.update(this.input.value);
      },
    });
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
    engine().then((engine) => this.ready(engine), (error) => this.failed(error));
  }

  /**
   * True when the results on screen are those of the box's current text, the URL says the same
   * and no search or Back is pending (or the engine failed to load): what tests and scripts wait
   * for, instead of time.
   */
  get settled() {
    if (this.getAttribute("state") === "error") return true;
    const s = this.session;
    if (!s.engine || (s.wanted && !s.final) || this.frame || this.goingBack || s.fetching) return false;
    return this.view.rendered === this.input.value && this.shows(this.url.read());
  }

  /** Whether the box, filters and open clause or document are those of a URL's state. */
  shows({ q, doc, clause, ...state }) {
    const open = this.openClause ?? { doc: null, clause: null };
    return q === this.input.value && doc === open.doc && clause === open.clause &&
      stateKey(state) === stateKey(this.filterPanel.state);
  }

  attributeChangedCallback(name) {
    if (name === "large-text" && this.root) this.setLarge(this.hasAttribute("large-text"), false);
  }

  // keyboard.js moves through the results by these.
  get hits() { return this.view.hits; }
  get active() { return this.view.active; }
  select(index) { this.view.select(index); }
  open(index) { this.view.open(index); }

  /** The skeleton, and its parts wired to each other: the element keeps the flow between them. */
  build() {
    const parts = skeleton(this.t, this.t === strings("zh-CN") ? "zh-CN" : "zh-TW");
    Object.assign(this, parts);
    this.shadowRoot.append(this.root);
    this.largeButton.addEventListener("click", () => this.setLarge(!this.root.classList.contains("large"), true));
    this.filterPanel = new FilterPanel(this.t, {
      changed: (state) => this.filtersChanged(state),
      refocus: () => this.input.focus(),
      read: (doc) => this.detailView.openDocument(doc, true),
    });
    this.results.prepend(this.filterPanel.bar, this.filterPanel.panel, this.filterPanel.chips);
    const given = { t: this.t, session: this.session };
    this.view = new ResultsView(parts, { ...given, filters: this.filterPanel, limit: this.limit }, {
      query: (q) => this.setQuery(q),
      suggestions: () => this.suggestions,
      openHit: (hit) => (hit.kind === "document" ? this.detailView.openDocument(hit.doc, true)
        : this.detailView.openClause(hit.doc, hit.clause, true, hit)),
      searched: (detail) => {
        this.dispatch("policy-search-results", detail);
        if (detail.query.trim()) this.session.takeOver(suggest.load());
      },
      examples: () => (this.getAttribute("examples") ?? "").split(/\s+/).filter(Boolean),
    });
    // The detail pane (detail-view.js) is a chunk, fetched when a clause or document is first
    // opened; until then its calls wait for it (and a failed fetch offers a retry).
    const pane = () => (this.pane ??= new detailView.module.DetailView(parts, given, {
      enter: (doc, clause, push) => this.enterView(doc, clause, push),
      back: () => this.closeClause(),
      width: () => this.clientWidth,
      link: (state) => this.url.link({ q: this.input.value, ...state }),
      href: (state) => this.url.href({ q: this.input.value, ...state }),
    }, { h, copyText, button, chips, citation, clauseText, crumbs, short, MAX_TEXT_CHARS, documentView }));
    const when = (use) => {
      const token = (this.detailWanted = {});
      const again = () => when(use);
      if (!this.session.loadingPart(detailView, again, () => this.detailWanted === token)) use(pane());
    };
    this.detailView = {
      openClause: (...args) => when((view) => view.openClause(...args)),
      openDocument: (...args) => when((view) => view.openDocument(...args)),
      hide: () => {
        this.detailWanted = null;
        this.pane?.hide();
      },
    };
    // Completions come with the natural engine (tookOver); until then a popup that never opens.
    this.suggestions = { list: this.suggestList, open: false, activeId: null, held: true, key: () => false,
      edited() { this.held = false; }, close() { this.held = true; }, blurred() { this.held = true; }, update() {}, pressed() {} };

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
  }

  /**
   * The completions popup, once suggest.js (`Suggestions`) has arrived with the natural engine,
   * taking over from `before` (the popup that never opens): edited since, it may open.
   */
  completions(Suggestions, before) {
    const popup = new Suggestions(this.suggestList, this.input, this.t, {
      // Asked again once the lexicon files it lacked are here, if the box still holds the text.
      ask: (text, n) => this.session.suggest(text, n, () => this.suggestions.update(text),
        () => this.input.value === text && this.shadowRoot.activeElement === this.input),
      choose: (text) => this.choose(text),
      changed: () => this.view.syncCombobox(),
    }, { h, nextOption });
    if (!before.held) popup.edited();
    return popup;
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

  ready(engine) {
    const s = this.session;
    s.start(engine);
    // The box takes no more than a query may hold: the engine's limit, not a copy of it.
    this.input.maxLength = s.limits.max_query_chars;
    this.setState("ready");
    this.restoreFromUrl();
    this.dispatch("policy-search-ready", { clauses: s.stats.clauses, docs: s.stats.docs });
  }

  failed(error) {
    this.setState("error");
    this.dispatch("policy-search-error", { message: this.view.loadError(error) });
  }

  dispatch(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  edited() {
    this.typing.edited(performance.now());
    this.suggestions.edited();
    if (this.openClause) this.showResults();
    this.schedule();
  }

  /** A suggestion chosen: searched as if typed and ended with Enter (the history rules hold). */
  choose(text) {
    this.input.value = text;
    this.typing.edited(performance.now());
    this.commit();
    if (this.openClause) this.showResults();
    this.view.search();
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
      this.view.search();
      this.suggestions.update(this.input.value);
    });
  }

  restoreFromUrl() {
    this.goingBack = false;
    this.suggestions.close();
    const { q, doc, clause, ...state } = this.url.read();
    const leaving = this.openClause;
    if (this.input.value !== q) this.input.value = q;
    this.filterPanel.set(state);
    if (!this.session.engine) return this.view.loading();
    this.view.search();
    if (doc && clause) this.detailView.openClause(doc, clause, false);
    // Back from a clause to its document returns to that clause in it.
    else if (doc) this.detailView.openDocument(doc, false, leaving?.doc === doc ? leaving.clause : null);
    else this.showResults();
  }

  setQuery(q) {
    this.suggestions.close();
    this.input.value = q;
    this.toResults();
    this.input.focus();
  }

  /** The results of the box's text, in a history entry of their own. */
  toResults() {
    this.url.push({ q: this.input.value });
    this.showResults();
    this.view.search();
  }

  /** The visitor changed a filter, the field or the sort: one history entry, and the results again. */
  filtersChanged(state) {
    this.commit(); // the query's own entry first
    this.filterPanel.set(state);
    try {
      this.url.push({ q: this.input.value, ...state });
    } catch {
      /* history rate limits must not stop the search */
    }
    this.view.search();
  }

  /**
   * The detail pane is about to show `{doc, clause}` (clause null: the whole document): its
   * history entry (pushed if `push`); returns where its Back leads (a key of `t.backTo`).
   */
  enterView(doc, clause, push) {
    this.suggestions.close(); // the popup never stays over a view
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
    this.view.leave();
    return this.cameFrom.get(this.openEntry) ?? "results";
  }

  closeClause() {
    // Back only if the current entry is still the one opening pushed (not after a deep link,
    // nor after another element or the host pushed on top of it).
    if (this.url.isCurrent(this.openEntry)) {
      this.openEntry = null;
      this.goingBack = true; // not settled until popstate has restored the view before
      history.back();
    } else {
      this.toResults();
    }
    this.input.focus();
  }

  showResults() {
    this.openClause = null;
    this.openEntry = null;
    this.detailView.hide();
    this.view.back();
  }
}

if (!customElements.get("policy-search")) customElements.define("policy-search", PolicySearchElement);
