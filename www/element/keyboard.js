// Keyboard: the combobox keys of the search box and the page-wide `/` shortcut. Focus stays in
// the box; the keys only move the active option, open it, or clear the query. While the
// suggestions popup is open it takes the keys first (suggest.js).

/** The option ArrowDown / ArrowUp makes active among `count`: wraps; ArrowUp from none is the last. */
export function nextOption(active, count, key) {
  if (active < 0 && key === "ArrowUp") return count - 1;
  return (active + (key === "ArrowDown" ? 1 : -1) + count) % count;
}

/**
 * The keydown listener of the search box, calling the element's `suggestions.key(e)` first,
 * then its `select(i)`, `open(i)`, `commit()` and `setQuery(q)`. Keys an IME uses while
 * composing are left to it.
 */
export function comboboxKeys(el) {
  return (e) => {
    if (e.isComposing || el.suggestions.key(e)) return;
    switch (e.key) {
      case "ArrowDown":
      case "ArrowUp":
        if (!el.hits.length) return;
        e.preventDefault();
        el.select(nextOption(el.active, el.hits.length, e.key));
        break;
      case "Enter":
        if (el.active >= 0) {
          e.preventDefault();
          el.open(el.active);
        } else {
          el.commit(); // the query is done: the next edit starts a new history entry
        }
        break;
      case "Escape":
        e.preventDefault();
        if (el.input.value) el.setQuery("");
        break;
    }
  };
}

/** Whether a keydown is the `/` shortcut: no modifier, and not typed into a text field. */
export function isSlashShortcut(e) {
  if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return false;
  const target = e.composedPath()[0];
  return !(target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)));
}
