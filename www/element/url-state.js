// The widget's state in the page URL: `?q=` for the query, `&doc=…&clause=…` for an open
// clause. Other parameters of the host page are kept as they are. A prefix (attribute
// `url-prefix`, e.g. "ps-", or the element's id when the page has several) avoids clashing
// with a portal's own `q` and with the other elements.

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
    this.keys = { q: `${prefix}q`, doc: `${prefix}doc`, clause: `${prefix}clause` };
  }

  /** `{q, doc, clause}` from the current URL (`doc`/`clause` null unless both are there). */
  read() {
    const params = new URLSearchParams(location.search);
    const doc = params.get(this.keys.doc);
    const clause = params.get(this.keys.clause);
    const open = Boolean(doc && clause);
    return { q: params.get(this.keys.q) ?? "", doc: open ? doc : null, clause: open ? clause : null };
  }

  /** The same-page URL (path, query, hash) for a state. */
  href({ q = "", doc = null, clause = null }) {
    const url = new URL(location.href);
    const set = (key, value) => (value ? url.searchParams.set(key, value) : url.searchParams.delete(key));
    set(this.keys.q, q);
    set(this.keys.doc, doc && clause ? doc : null);
    set(this.keys.clause, doc && clause ? clause : null);
    return url.pathname + url.search + url.hash;
  }

  /** The absolute URL for a state (for copying a deep link). */
  absolute(state) {
    return new URL(this.href(state), location.href).href;
  }

  push(state) {
    const href = this.href(state);
    if (href !== location.pathname + location.search + location.hash) history.pushState({ policySearch: true }, "", href);
  }

  replace(state) {
    history.replaceState({ policySearch: true }, "", this.href(state));
  }
}
