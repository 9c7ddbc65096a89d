// The widget's state in the page URL: `?q=` for the query, `&doc=…&clause=…` for an open
// clause, `&doc=…` alone for an open document, `&issuer=…&year=…&sort=newest` for filters and
// sort (filters.js; a state without `filters` keeps the URL's, so typing and opening a clause
// leave them as they are). A prefix (attribute `url-prefix`, e.g. "ps-", or the element's id when the page has
// several) avoids clashing with a portal's own `q` and with the other elements.
//
// The page is the host's: its other parameters and its hash stay in the address bar but never
// go into a shared link, and its history.state is carried into each entry the widget pushes,
// with one key added (`policySearch`, the entry's id). The widget rewrites only entries that
// carry the id it wrote; any other entry (the host's, another element's) gets a new one pushed.

import { readFilters, writeFilters } from "./filters.js";

const KEY = "policySearch";
// Entry ids: unique within one page load, and a reload starts a new series.
const LOAD = Math.random().toString(36).slice(2, 10);
let written = 0;

/** Edits within this window share one history entry; a pause starts a new query. */
export const HISTORY_PAUSE_MS = 1000;

/**
 * How typing reaches history, so that Back steps through queries, not keystrokes: a new query
 * (the first edit after a pause, or after `end()`) pushes one entry, and the edits within it
 * replace that entry. A push waiting for its frame stays a push when more keys arrive first.
 */
export class TypingHistory {
  constructor(url) {
    this.url = url;
    this.lastEdit = -Infinity;
    this.pending = null; // "push" or "replace", until written
  }

  /** An edit at `now` (ms, performance.now()). */
  edited(now) {
    if (now - this.lastEdit > HISTORY_PAUSE_MS) this.pending = "push";
    else this.pending ??= "replace";
    this.lastEdit = now;
  }

  /** Writes the query `q` as the edits decided, if a write is waiting (once per frame). */
  write(q) {
    if (!this.pending) return;
    try {
      this.url[this.pending]({ q });
    } catch {
      /* history rate limits must not stop the search */
    }
    this.pending = null;
  }

  /** The query `q` is done (Enter, leaving the box): written now, and the next edit pushes. */
  end(q) {
    this.write(q);
    this.lastEdit = -Infinity;
  }
}

/**
 * The prefix of an element's URL parameters: its `url-prefix`; else, when the page has several
 * elements, its id and a dash (`id="laws"` → `laws-q`), so each owns its parameters; else none.
 */
export function urlPrefix(el) {
  const given = el.getAttribute("url-prefix");
  if (given !== null) return given;
  return el.id && document.querySelectorAll(el.localName).length > 1 ? `${el.id}-` : "";
}

export class UrlState {
  constructor(prefix = "") {
    this.prefix = prefix;
    this.keys = { q: `${prefix}q`, doc: `${prefix}doc`, clause: `${prefix}clause` };
    this.entry = null; // id of the last history entry this element wrote
    this.written = new Set(); // ids of every entry this element pushed in this page load
  }

  /**
   * `{q, doc, clause, filters, sort, field}` from the current URL: `doc` alone is a whole document;
   * `clause` counts only with its `doc`.
   */
  read() {
    const params = new URLSearchParams(location.search);
    const doc = params.get(this.keys.doc) || null;
    const clause = params.get(this.keys.clause);
    return { q: params.get(this.keys.q) ?? "", doc, clause: doc && clause ? clause : null, ...readFilters(params, this.prefix) };
  }

  /** The same-page URL (path, query, hash) for a state, the host's parameters kept. */
  href(state) {
    const url = new URL(location.href);
    this.set(url.searchParams, state);
    return url.pathname + url.search + url.hash;
  }

  /** The link to share for a state: this page's path with the widget's parameters and nothing else. */
  link(state) {
    const url = new URL(location.pathname, location.origin);
    const { q, doc, clause, ...filtered } = this.read();
    this.set(url.searchParams, { ...filtered, ...state });
    return url.href;
  }

  set(params, state) {
    const { q = "", doc = null, clause = null } = state;
    const put = (key, value) => (value ? params.set(key, value) : params.delete(key));
    put(this.keys.q, q);
    put(this.keys.doc, doc);
    put(this.keys.clause, doc && clause ? clause : null);
    if (state.filters) writeFilters(params, this.prefix, state);
  }

  /** A new history entry for `state`, unless the URL shows it already; returns its id or null. */
  push(state) {
    const href = this.href(state);
    if (href === location.pathname + location.search + location.hash) return null;
    this.entry = `${LOAD}.${++written}`;
    this.written.add(this.entry);
    history.pushState(withId(history.state, this.entry), "", href);
    return this.entry;
  }

  /** Shows `state` in the current entry if this element wrote it, else in a new one (`push`). */
  replace(state) {
    if (!this.isCurrent(this.entry)) return this.push(state);
    history.replaceState(history.state, "", this.href(state));
    return this.entry;
  }

  /** The id of the current history entry if this element pushed it (Back/Forward to it), else null. */
  own() {
    const id = history.state?.[KEY];
    return this.written.has(id) ? id : null;
  }

  /** Whether the current history entry is the one with id `id`. */
  isCurrent(id) {
    return id !== null && history.state?.[KEY] === id;
  }
}

/** The host's `state` with the widget's id added; a state that is not a plain object stays as it is. */
function withId(state, id) {
  const plain = state === null || (typeof state === "object" && Object.getPrototypeOf(state) === Object.prototype);
  return plain ? { ...state, [KEY]: id } : state;
}
