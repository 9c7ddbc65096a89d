// The results: the listbox of hits, the status line with their counts, the message above them
// (a correction and its 仍然搜索 button, what a pinyin query was read as, the intro, nothing
// found with its hints, errors) and the 更多 button; screen readers hear the count once typing
// settles. Each step here asks the session (session.js) for the box's text and shows the
// answer once it is whole; the element decides when to search, and owns the URL.

import { h } from "./dom.js";
import * as render from "./render.js";
import { loadFailure } from "./engine.js";

/** Screen readers hear the count once typing settles, not at every keystroke. */
const ANNOUNCE_DELAY_MS = 500;

export class ResultsView {
  /**
   * Given the skeleton's parts (render.skeleton; it uses `input, results, status, live,
   * message, list, more, related`) and `{t, session, filters, limit}`: the strings, the session it
   * searches through, the filter panel (its state is searched with, its counts follow each
   * search) and the hits per page. Calls back `query(q)` when the visitor picks a query it
   * offers (an example, a popular or related search, a term alone); `openHit(hit)` when a hit is opened (a click, Enter);
   * `searched(detail)` when a search's first page is shown (the results event's detail);
   * `examples()` → the intro's example queries (else it offers the index's popular searches); `suggestions()` → the suggestions popup
   * (suggest.js), whose state the box's combobox attributes follow, with this list's.
   */
  constructor(parts, given, callbacks) {
    Object.assign(this, parts, given, callbacks);
    this.hits = [];
    this.total = 0;
    this.active = -1;
    this.list.addEventListener("click", (e) => {
      const option = e.target.closest?.("[role=option]");
      if (option) this.open(Number(option.dataset.index));
    });
    this.more.addEventListener("click", () => this.showMore());
  }

  // ----- steps: each asks the session, and shows nothing until its answer is whole ---------

  /** engine.search's options: a page from `offset`, the filters, the date range, field and sort. */
  options(offset, limit = this.limit) {
    const { filters: { from, to, ...filters }, sort, field } = this.filters.state;
    return { limit, offset, filters, sort, in: field, from: from?.[0], to: to?.[0] };
  }

  /** Searches the box's text and shows its first page (the intro for an empty box without filters). */
  search() {
    const s = this.session;
    if (!s.engine) return this.loading();
    const q = this.input.value;
    this.rendered = q; // the text whose results are shown, or awaited
    this.message.className = "message";
    this.message.removeAttribute("role");
    // "Search as typed" holds until the text changes.
    if (s.asTyped !== q) s.asTyped = null;
    // An empty box lists the clauses passing the filters (browsing); with none it shows the
    // intro, the filters' counts over every clause beside it.
    const intro = !q.trim() && !this.filters.active;
    let results;
    try {
      results = s.search(q, this.options(0, intro ? 0 : this.limit));
    } catch (error) {
      return this.queryError(error);
    }
    if (s.lacking(() => this.search(), () => this.input.value === q && this.rendered === q)) return;
    this.filters.update(results.facets ?? []);
    if (intro) return this.intro();
    this.show(q, results, !q.trim());
    // Nothing exact, and the tiers that find related clauses, corrections and pinyin are still
    // to come (they are fetched after this first answer): loading, not "nothing found".
    if (this.total === 0 && q.trim() && !s.final) {
      this.message.replaceChildren();
      this.loading();
    }
    else if (this.total === 0) this.noResults(q, results.parsed);
    this.searched({
      query: q, total: results.total, partial: results.partial, documents: results.documents,
      corrected: results.corrected?.query ?? null, ...this.filters.state,
    });
  }

  /** Searches `q` exactly as typed, without the homophone correction (仍然搜索). */
  searchAsTyped(q) {
    this.session.asTyped = q;
    this.search();
    this.input.focus();
  }

  /** The next page, after the hits shown; its first hit becomes active. */
  showMore() {
    const s = this.session;
    const [q, first] = [this.input.value, this.hits.length];
    let results;
    try {
      results = s.search(q, this.options(first));
    } catch (error) {
      return this.queryError(error);
    }
    if (s.lacking(() => this.showMore(), () => this.input.value === q && this.hits.length === first)) return;
    this.hits.push(...results.hits);
    this.list.append(...results.hits.map((hit, i) => this.option(hit, first + i)));
    this.afterRender();
    if (results.hits.length) this.select(first);
  }

  /**
   * Nothing found for `q` (`parsed`, what the engine read: the query is parsed only there): the
   * hints, each term that finds something alone, and examples that work in this corpus.
   */
  noResults(q, parsed) {
    const s = this.session;
    // For a query of several terms that finds nothing together, offer each term alone, as typed.
    const terms = parsed.typed;
    const alone = terms.length > 1 ? terms.map((term) => [term, s.countOf(term, this.options(0))]).filter(([, n]) => n > 0) : [];
    const examples = s.examples();
    if (s.lacking(() => this.noResults(q, parsed), () => this.input.value === q)) return;
    this.status.textContent = ""; // a round of files said "loading"; the message says it all
    // Browsing, nothing passes the filters; a query that finds nothing may be filtered out.
    const narrowed = this.filters.active ? [h("p", {}, this.t.filters.narrowed)] : [];
    this.message.replaceChildren(...(this.browsing ? [h("p", {}, this.t.filters.none)]
      : [...narrowed, ...render.noResults(this.t, q, alone, examples, this.query)]));
  }

  // ----- what is shown ----------------------------------------------------------------------

  /** Opens hit `index` (its clause, or its document for a document hit). */
  open(index) {
    const hit = this.hits[index];
    if (hit) this.openHit(hit);
  }

  /**
   * The box's combobox attributes: its popup is the suggestions while they are open, else this
   * list; `aria-activedescendant` names the active option of that popup, if any.
   */
  syncCombobox() {
    const suggestions = this.suggestions();
    const suggesting = suggestions.open;
    this.input.setAttribute("aria-controls", suggesting ? suggestions.list.id : this.list.id);
    this.input.setAttribute("aria-expanded", String(suggesting || this.hits.length > 0));
    const active = suggesting ? suggestions.activeId : this.list.children[this.active]?.id;
    if (active) this.input.setAttribute("aria-activedescendant", active);
    else this.input.removeAttribute("aria-activedescendant");
  }

  /**
   * A search's first page: `results` of engine.search for `q`; `browsing`, the box is empty and
   * the filters list what passes them. With no hit the message is left to `noResults`.
   */
  show(q, results, browsing) {
    this.browsing = browsing;
    // Hits found only through a pinyin reading of the query (zxqy → 中小企业) come on top of its own.
    this.counts = { total: results.total, partial: results.partial, documents: results.documents, pinyin: results.pinyin_hits ?? 0 };
    this.hits = results.hits;
    this.total = results.total + results.partial + results.documents + this.counts.pinyin;
    this.active = -1;
    // A Latin query read as pinyin says what it was read as (zxqy → 中小企业).
    this.reading = results.pinyin ?? null;
    this.list.replaceChildren(...this.hits.map((hit, i) => this.option(hit, i)));
    // The natural engine's related searches: what the clauses of this page share.
    const related = browsing ? [] : render.related(this.t, results.related ?? [], this.query);
    this.related.replaceChildren(...related);
    this.related.hidden = !related.length;
    this.afterRender();
    if (this.total === 0) return;
    this.message.replaceChildren(...(browsing ? [] : [
      results.corrected ? render.correction(this.t, results.corrected, () => this.searchAsTyped(q)) : null,
      this.reading ? render.pinyinLine(this.t, this.reading) : null,
    ].filter(Boolean)));
  }

  option(hit, index) {
    // The first partial hit opens the "related" group: the one before it is not partial.
    const firstRelated = hit.match === "partial" && hit.kind === "clause" && this.hits[index - 1]?.match !== "partial";
    return render.option(this.t, hit, this.session.docs.get(hit.doc), index, firstRelated);
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

  /** A view takes the results' place. */
  leave() {
    // Their count, still waiting to be announced, is no news once they are left (nor may it
    // cover what a copy button says).
    this.quiet();
    this.results.hidden = true;
  }

  /** The results are shown again (the element searches). */
  back() {
    this.results.hidden = false;
  }

  /** `text` for screen readers, once typing settles. */
  announce(text) {
    this.quiet();
    this.announceTimer = setTimeout(() => (this.live.textContent = text), ANNOUNCE_DELAY_MS);
  }

  /** Drops an announcement still waiting: no news once the results are left. */
  quiet() {
    clearTimeout(this.announceTimer);
  }

  clear() {
    this.hits = [];
    this.total = 0;
    this.active = -1;
    this.reading = null;
    this.list.replaceChildren();
    this.more.hidden = true;
    this.related.hidden = true;
    this.syncCombobox();
  }

  loading() {
    this.status.textContent = this.t.loading;
  }

  /** Before the first search: what is indexed, and example queries to try. */
  intro() {
    this.clear();
    this.status.textContent = "";
    // The page's own examples, else the portal's popular searches (its manifest's).
    const examples = this.examples();
    const [lead, queries] = examples.length ? [this.t.examples, examples] : [this.t.popular, this.session.popular];
    this.message.replaceChildren(...render.intro(this.t, this.session.stats, queries, this.query, lead));
    this.announce("");
  }

  /** A query the engine refused: why, in the interface's words (with the engine's limits). */
  queryError(error) {
    const word = this.t.errors[error?.code];
    const text = typeof word === "function" ? word(error, this.session.limits) : String(error?.message ?? error);
    this.error(text, false);
    this.announce(text);
  }

  /**
   * Shard files a step needed could not be added (`kind`: a key of `t.errors.files`): why, as
   * an alert in place of the results — never a partial answer — with a button that runs the
   * step again (`retry`).
   */
  filesFailed(kind, retry) {
    const text = this.t.errors.files[kind] ?? this.t.errors.files.network;
    this.error(text, true);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "retry";
    button.textContent = this.t.retry;
    button.addEventListener("click", () => {
      this.message.className = "message";
      this.message.removeAttribute("role");
      this.message.replaceChildren();
      this.loading();
      retry();
    });
    this.message.append(" ", button);
    this.announce(text);
  }

  /** The engine could not load: why, as an alert (the widget cannot work); returns the text. */
  loadError(error) {
    const kind = loadFailure(error);
    const text = kind === "other" ? this.t.errors.other + String(error?.message ?? error) : this.t.errors[kind];
    this.error(text, true);
    return text;
  }

  /** `text` as an error in place of the results; an alert when the widget cannot work at all. */
  error(text, alert) {
    this.clear();
    this.status.textContent = "";
    this.message.className = "message error";
    if (alert) this.message.setAttribute("role", "alert");
    this.message.replaceChildren(text);
  }
}
