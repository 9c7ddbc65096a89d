// <policy-search>: search Chinese policy clauses in the browser.
//
//   <script type="module" src="/policy-search.js"></script>
//   <policy-search examples="创业补贴 知识产权"></policy-search>
//
// The engine (Rust, compiled to WebAssembly with the index embedded) is loaded once per page
// from ./pkg/ next to this file; nothing is fetched from any other origin. Attributes:
//   examples     space-separated example queries shown before the first search
//   limit        results per page (default 10)
//   url-prefix   prefix for the URL parameters q / doc / clause (default none)
//   large-text   start in large-text mode (the 大字 button toggles it)
// Events (bubbling, composed): `policy-search-ready` {clauses, docs},
// `policy-search-results` {query, total}, `policy-search-error` {message}.
// The host's `state` attribute is `loading`, `ready` or `error`.

import { css } from "./element/styles.js";
import { strings } from "./element/strings.js";
import { h, highlighted, charCount, copyText } from "./element/dom.js";
import { UrlState } from "./element/url-state.js";

/** One engine per page, shared by every element. */
let enginePromise = null;
function loadEngine() {
  enginePromise ??= (async () => {
    if (typeof WebAssembly !== "object") throw Object.assign(new Error("WebAssembly is not available"), { kind: "noWasm" });
    // Fetch the module and its JS loader in parallel rather than one after the other.
    const wasm = fetch(new URL("./pkg/policy_search_bg.wasm", import.meta.url));
    wasm.catch(() => {}); // reported below, once the loader awaits it
    const glue = await import("./pkg/policy_search.js");
    await glue.default({ module_or_path: wasm });
    return new glue.PolicySearch();
  })();
  return enginePromise;
}
// Start at once: by the time the element is parsed, the engine is on its way.
loadEngine().catch(() => {}); // failures are reported by each element

/**
 * The page's engine (the wasm `PolicySearch` every element shares), for scripts that want to
 * query it directly: `const { engine } = await import("/policy-search.js"); (await engine()).search("双创")`.
 */
export function engine() {
  return loadEngine();
}

/** Why the engine failed to load, as a key of `strings().errors`. */
function loadFailure(error) {
  const message = String(error?.message ?? error);
  if (error?.kind === "noWasm") return "noWasm";
  if (/Content Security Policy|unsafe-eval|wasm-eval|CSP/i.test(message)) return "csp";
  if (error instanceof TypeError && /fetch|network|import|load/i.test(message)) return "network";
  return "other";
}

let sheet = null;
function stylesheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

const LARGE_TEXT_KEY = "policy-search:large-text";
/** Rapid edits within this window share one history entry; a pause starts a new one. */
const HISTORY_PAUSE_MS = 1000;
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
    this.lastEdit = -Infinity;
    this.openClause = null; // {doc, clause} while a clause is open
    this.pushedOpen = false; // the open clause has a history entry of ours to go back from
    this.onPopState = () => this.restoreFromUrl();
    this.onDocumentKey = (e) => this.focusOnSlash(e);
    this.attachShadow({ mode: "open" }).adoptedStyleSheets = [stylesheet()];
  }

  connectedCallback() {
    if (this.root) return;
    this.t = strings(this.closest("[lang]")?.getAttribute("lang") ?? document.documentElement.lang);
    this.limit = Math.min(100, Math.max(1, parseInt(this.getAttribute("limit"), 10) || 10));
    this.url = new UrlState(this.getAttribute("url-prefix") ?? "");
    this.build();
    let large = this.hasAttribute("large-text");
    try {
      large = large || localStorage.getItem(LARGE_TEXT_KEY) === "1";
    } catch {
      /* storage may be blocked; the attribute still works */
    }
    this.setLarge(large, false);
    window.addEventListener("popstate", this.onPopState);
    document.addEventListener("keydown", this.onDocumentKey);
    this.setState("loading");
    this.restoreFromUrl();
    loadEngine().then(
      (engine) => this.ready(engine),
      (error) => this.failed(error),
    );
  }

  disconnectedCallback() {
    window.removeEventListener("popstate", this.onPopState);
    document.removeEventListener("keydown", this.onDocumentKey);
  }

  attributeChangedCallback(name) {
    if (name === "large-text" && this.root) this.setLarge(this.hasAttribute("large-text"), false);
  }

  // ----- skeleton ---------------------------------------------------------------------------

  build() {
    const t = this.t;
    this.input = h("input", {
      id: "q", type: "search", role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false",
      "aria-controls": "results", autocomplete: "off", autocapitalize: "off", spellcheck: "false",
      enterkeyhint: "search", placeholder: t.placeholder, maxlength: "1000",
    });
    this.largeButton = h("button", { type: "button", class: "large-toggle", "aria-pressed": "false" }, t.largeText);
    this.status = h("p", { class: "status" });
    this.live = h("p", { class: "visually-hidden", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    this.message = h("div", { class: "message" });
    this.list = h("ul", { id: "results", role: "listbox", "aria-label": t.results });
    this.more = h("button", { type: "button", class: "more", hidden: true }, t.more);
    this.results = h("div", { class: "results" }, this.status, this.message, this.list, this.more);
    this.detail = h("section", { class: "detail", hidden: true });
    this.root = h("div", { class: "root", part: "root", lang: this.t === strings("zh-TW") ? "zh-TW" : "zh-CN" },
      h("label", { class: "label", for: "q" }, t.label),
      h("div", { class: "bar" },
        h("div", { class: "field" }, this.input, h("kbd", { class: "slash", "aria-hidden": "true" }, "/")),
        this.largeButton),
      this.live, this.results, this.detail);
    this.shadowRoot.append(this.root);

    this.input.addEventListener("input", (e) => {
      if (!e.isComposing) this.edited();
    });
    // An IME sends keystrokes of pinyin while composing; search the characters it commits.
    this.input.addEventListener("compositionend", () => this.edited());
    this.input.addEventListener("keydown", (e) => this.onInputKey(e));
    this.largeButton.addEventListener("click", () => this.setLarge(!this.root.classList.contains("large"), true));
    this.more.addEventListener("click", () => this.showMore());
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
    for (const d of engine.docs()) this.docs.set(d.doc, d);
    this.stats = engine.stats();
    this.setState("ready");
    this.restoreFromUrl();
    this.dispatch("policy-search-ready", { clauses: this.stats.clauses, docs: this.stats.docs });
    // Fold every clause while the visitor reads, so the first search is as fast as the rest.
    const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 50));
    idle(() => engine.prepare());
  }

  failed(error) {
    const kind = loadFailure(error);
    const text = kind === "other" ? this.t.errors.other + String(error?.message ?? error) : this.t.errors[kind];
    this.setState("error");
    this.clearResults();
    this.status.textContent = "";
    this.message.className = "message error";
    this.message.setAttribute("role", "alert");
    this.message.replaceChildren(text);
    this.dispatch("policy-search-error", { message: text });
  }

  dispatch(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ----- typing and URL state ---------------------------------------------------------------

  edited() {
    const now = performance.now();
    this.historyMode = now - this.lastEdit > HISTORY_PAUSE_MS ? "push" : "replace";
    this.lastEdit = now;
    if (this.openClause) this.showResults();
    this.schedule();
  }

  /** Searches once per animation frame, however fast keys arrive; the input is never touched. */
  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.historyMode) {
        try {
          this.url[this.historyMode]({ q: this.input.value });
        } catch {
          /* history rate limits must not stop the search */
        }
        this.historyMode = null;
      }
      this.search();
    });
  }

  restoreFromUrl() {
    const { q, doc, clause } = this.url.read();
    if (this.input.value !== q) this.input.value = q;
    if (!this.engine) {
      this.showLoading();
      return;
    }
    this.search();
    if (doc && clause) this.openRecord(doc, clause, false);
    else this.showResults();
  }

  setQuery(q) {
    this.input.value = q;
    this.url.push({ q });
    this.showResults();
    this.search();
    this.input.focus();
  }

  // ----- searching and results --------------------------------------------------------------

  showLoading() {
    this.status.textContent = this.t.loading;
  }

  search() {
    if (!this.engine) return this.showLoading();
    const q = this.input.value;
    this.message.className = "message";
    this.message.removeAttribute("role");
    if (!q.trim()) return this.showIntro();
    let results;
    try {
      results = this.engine.search(q, { limit: this.limit, offset: 0 });
    } catch (error) {
      return this.showQueryError(error);
    }
    this.hits = results.hits;
    this.total = results.total;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.list.replaceChildren(...this.hits.map((hit, i) => this.option(hit, i)));
    this.afterRender();
    if (this.total === 0) this.showNoResults(q);
    else this.message.replaceChildren();
    this.dispatch("policy-search-results", { query: q, total: this.total });
  }

  showMore() {
    let results;
    try {
      results = this.engine.search(this.input.value, { limit: this.limit, offset: this.hits.length });
    } catch (error) {
      return this.showQueryError(error);
    }
    const first = this.hits.length;
    this.hits.push(...results.hits);
    this.list.append(...results.hits.map((hit, i) => this.option(hit, first + i)));
    this.afterRender();
    if (results.hits.length) this.select(first);
  }

  afterRender() {
    const shown = this.hits.length;
    const count = this.t.count(this.total, shown);
    // With no result the message below says so in full; the count would only repeat it.
    this.status.textContent = this.total ? count : "";
    this.more.hidden = shown >= this.total;
    this.input.setAttribute("aria-expanded", String(shown > 0));
    this.announce(count);
  }

  announce(text) {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => (this.live.textContent = text), ANNOUNCE_DELAY_MS);
  }

  clearResults() {
    this.hits = [];
    this.total = 0;
    this.active = -1;
    this.list.replaceChildren();
    this.more.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  showIntro() {
    this.clearResults();
    this.status.textContent = "";
    const examples = (this.getAttribute("examples") ?? "").split(/\s+/).filter(Boolean);
    this.message.replaceChildren(
      h("p", {}, this.t.ready(this.stats.clauses, this.stats.docs)),
      examples.length ? h("div", { class: "examples" }, this.t.examples, examples.map((q) => this.queryButton(q, q))) : null,
    );
    this.announce("");
  }

  showNoResults(q) {
    // For a query of several words that finds nothing together, offer each word alone.
    const terms = [...new Set(q.split(/\s+/).map((w) => w.replace(/^-.*|"/g, "")).filter(Boolean))];
    const alone = terms.length > 1
      ? terms.map((term) => [term, this.countOf(term)]).filter(([, n]) => n > 0)
      : [];
    this.message.replaceChildren(
      h("p", {}, this.t.noResults(q)),
      h("ul", {}, this.t.hints.map((hint) => h("li", {}, hint))),
      alone.length ? h("div", { class: "examples" }, alone.map(([term, n]) => this.queryButton(term, this.t.onlyTerm(term, n)))) : null,
    );
  }

  countOf(term) {
    try {
      return this.engine.search(term, { limit: 0 }).total;
    } catch {
      return 0;
    }
  }

  queryButton(q, label) {
    const button = h("button", { type: "button" }, label);
    button.addEventListener("click", () => this.setQuery(q));
    return button;
  }

  showQueryError(error) {
    this.clearResults();
    this.status.textContent = "";
    const word = this.t.errors[error?.code];
    const text = typeof word === "function" ? word(error) : String(error?.message ?? error);
    this.message.className = "message error";
    this.message.replaceChildren(text);
    this.announce(text);
  }

  /** One result: document title › headings, the text (a snippet if long), chips. */
  option(hit, index) {
    const li = h("li", { role: "option", id: `option-${index}`, "aria-selected": "false", "data-index": index },
      this.crumbs(hit.title, hit.path),
      h("p", { class: "text" }),
      this.chips(this.docs.get(hit.doc)));
    this.fillText(li, hit, false);
    return li;
  }

  /** The snippet, or the whole text once the option is selected (long clauses expand). */
  fillText(li, hit, full) {
    const cut = hit.snippet.text !== hit.text;
    const text = li.querySelector(".text");
    text.replaceChildren(...(full || !cut ? highlighted(hit.text, hit.highlights) : highlighted(hit.snippet.text, hit.snippet.highlights)));
    li.querySelector(".chip.length")?.remove();
    if (cut && !full) li.querySelector(".chips").append(h("span", { class: "chip length" }, this.t.fullText(charCount(hit.text))));
  }

  crumbs(title, path) {
    const parts = [h("span", { class: "doc" }, title)];
    for (const item of path) parts.push(h("span", { class: "sep", "aria-hidden": "true" }, "›"), h("span", {}, `${item.label}${item.title}`));
    return h("p", { class: "crumbs" }, parts);
  }

  /** 文号, date and validity of a document (every hit's document is in `this.docs`). */
  chips({ number, published, status }) {
    const kind = status === "现行有效" ? "valid" : status === "已失效" ? "expired" : "unknown";
    return h("div", { class: "chips" },
      number ? h("span", { class: "chip" }, number) : null,
      published ? h("span", { class: "chip" }, this.t.published(published)) : null,
      h("span", { class: `chip ${kind}` }, this.t.status[status] ?? status));
  }

  // ----- keyboard ---------------------------------------------------------------------------

  onInputKey(e) {
    if (e.isComposing) return;
    switch (e.key) {
      case "ArrowDown":
      case "ArrowUp":
        if (!this.hits.length) return;
        e.preventDefault();
        this.select(this.active < 0 && e.key === "ArrowUp" ? this.hits.length - 1 : (this.active + (e.key === "ArrowDown" ? 1 : -1) + this.hits.length) % this.hits.length);
        break;
      case "Enter":
        if (this.active >= 0) {
          e.preventDefault();
          this.open(this.active);
        }
        break;
      case "Escape":
        e.preventDefault();
        if (this.input.value) this.setQuery("");
        break;
    }
  }

  select(index) {
    const previous = this.list.children[this.active];
    if (previous) {
      previous.setAttribute("aria-selected", "false");
      this.fillText(previous, this.hits[this.active], false);
    }
    this.active = index;
    const option = this.list.children[index];
    option.setAttribute("aria-selected", "true");
    this.fillText(option, this.hits[index], true);
    this.input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  /** `/` anywhere on the page (outside a text field) focuses the search box. */
  focusOnSlash(e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const target = e.composedPath()[0];
    if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    e.preventDefault();
    this.input.focus();
    this.input.select();
  }

  // ----- one clause in its context ----------------------------------------------------------

  open(index) {
    const hit = this.hits[index];
    if (hit) this.openRecord(hit.doc, hit.clause, true);
  }

  openRecord(doc, clause, push) {
    const record = this.engine.clause(doc, clause);
    if (push) {
      this.url.push({ q: this.input.value, doc, clause });
      this.pushedOpen = true;
    }
    this.openClause = { doc, clause };
    this.results.hidden = true;
    this.detail.hidden = false;
    if (!record) {
      this.detail.replaceChildren(this.backButton(), h("p", { class: "message error", role: "alert" }, this.t.notFound));
      return;
    }
    const meta = this.docs.get(doc);
    const highlights = this.highlightsFor(doc, clause);
    const samePath = (c) => JSON.stringify(c.path) === JSON.stringify(record.path);
    const section = this.engine.documentClauses(doc).filter(samePath);
    const heading = h("h2", { tabindex: "-1" }, meta.title);
    this.detail.replaceChildren(
      this.backButton(),
      heading,
      this.chips(meta),
      this.crumbs(meta.title, record.path),
      h("div", { class: "actions" },
        this.actionButton(this.t.copyCitation, () => citation(meta, record), "copy-citation"),
        this.actionButton(this.t.copyLink, () => this.url.absolute({ q: this.input.value, doc, clause }), "copy-link")),
      h("h3", {}, this.t.context),
      h("ol", {}, section.map((c) => {
        const current = c.clause === clause;
        return h("li", { "aria-current": current ? "true" : false, id: current ? "current" : false },
          c.label ? h("span", { class: "label" }, c.label) : null,
          h("span", { class: "text" }, current ? highlighted(c.text, highlights) : c.text),
          current ? h("span", { class: "visually-hidden" }, `（${this.t.thisClause}）`) : null);
      })),
    );
    heading.focus();
    this.detail.querySelector("#current")?.scrollIntoView({ block: "nearest" });
  }

  /** Highlights of the current query in one clause (none when the query does not match it). */
  highlightsFor(doc, clause) {
    const q = this.input.value;
    if (!q.trim()) return [];
    try {
      const all = this.engine.search(q, { limit: 1000 }).hits;
      return all.find((hit) => hit.doc === doc && hit.clause === clause)?.highlights ?? [];
    } catch {
      return [];
    }
  }

  backButton() {
    const button = h("button", { type: "button", class: "back" }, `← ${this.t.back}`);
    button.addEventListener("click", () => this.closeClause());
    return button;
  }

  actionButton(label, text, name) {
    const button = h("button", { type: "button", class: name }, label);
    button.addEventListener("click", async () => {
      const ok = await copyText(text(), this.root);
      this.live.textContent = ok ? this.t.copied : this.t.copyFailed;
      button.textContent = ok ? `${label} ✓` : label;
    });
    return button;
  }

  closeClause() {
    if (this.pushedOpen) {
      this.pushedOpen = false;
      history.back(); // popstate restores the results
    } else {
      this.url.push({ q: this.input.value });
      this.showResults();
      this.search();
    }
    this.input.focus();
  }

  showResults() {
    this.openClause = null;
    this.pushedOpen = false;
    this.detail.hidden = true;
    this.detail.replaceChildren();
    this.results.hidden = false;
  }
}

/** 《title》（文号）path › clause: how an official cites a clause. */
export function citation(doc, record) {
  const own = `${record.label}${record.heading ?? ""}`;
  const path = [...record.path.map((p) => `${p.label}${p.title}`), own].filter(Boolean).join(" › ");
  return `《${doc.title}》${doc.number ? `（${doc.number}）` : ""}${path}`;
}

if (!customElements.get("policy-search")) customElements.define("policy-search", PolicySearchElement);
