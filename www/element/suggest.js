// Autocomplete: the popup of completions under the search box, per the WAI-ARIA 1.2 combobox
// pattern with a listbox popup. Focus stays in the box; ↓/↑ move the active suggestion
// (wrapping, as in the results), Enter or a click/tap chooses it, Esc and Tab close the popup.
//
// The popup is part of the page's flow, between the box and the results: it pushes the
// results down and never covers them, on a phone as on a desktop. It is open only while the
// visitor edits: it closes on Enter, Esc, Tab, a choice, when focus leaves the box, and when
// the text is empty or has no completion; it opens again at the next edit (or Alt+↓).

// Completions come from the natural engine, so this file is a chunk of its own (parts.js),
// fetched with it after a query's first result; its building blocks are handed in (`kit`), not
// imported: a module it shared with the bundle would be split into a file every page fetches.
let h, nextOption;

/** Completions shown at most. */
export const MAX_SUGGESTIONS = 8;

export class Suggestions {
  /**
   * `list` is the popup (an empty `<ul role=listbox>`), `input` the combobox. `ask(text, n)`
   * returns up to n `{text, clauses}` for the text typed so far; `choose(text)` searches a
   * chosen one; `changed()` runs whenever the popup opens, closes or its active option moves,
   * so the element can keep the box's ARIA attributes in step. `kit`: `{h, nextOption}` of
   * dom.js and keyboard.js.
   */
  constructor(list, input, t, { ask, choose, changed }, kit) {
    ({ h, nextOption } = kit);
    this.list = list;
    this.input = input;
    this.t = t;
    this.ask = ask;
    this.choose = choose;
    this.changed = changed;
    this.items = [];
    this.active = -1;
    this.held = true; // closed until the next edit
    this.pressing = false; // a press outside is moving focus away; close after its click
    this.afterPress = () => {
      this.pressing = false;
      if (this.input.getRootNode().activeElement !== this.input) this.close();
    };
    // A press on a suggestion must not move focus out of the box: its blur would close the
    // popup before the click that chooses (a tap sends this mousedown too, after touchend).
    list.addEventListener("mousedown", (e) => e.preventDefault());
    list.addEventListener("click", (e) => {
      const option = e.target.closest?.("[role=option]");
      if (option) this.pick(Number(option.dataset.index));
    });
    input.addEventListener("focus", () => (this.pressing = false));
  }

  get open() {
    return !this.list.hidden;
  }

  /** The id of the active suggestion, or null. */
  get activeId() {
    return this.open && this.active >= 0 ? this.list.children[this.active]?.id ?? null : null;
  }

  /** The visitor edited the box: the popup may open again. */
  edited() {
    this.held = false;
  }

  /** Shows the completions of `text` (unless closed by the visitor since the last edit). */
  update(text) {
    if (this.held) return;
    const typed = text.trim();
    const items = typed ? this.ask(text, MAX_SUGGESTIONS + 1).filter((s) => s.text !== typed).slice(0, MAX_SUGGESTIONS) : [];
    if (!items.length) return this.hide();
    this.items = items;
    this.active = -1;
    this.list.replaceChildren(...items.map((s, i) => h("li", { role: "option", id: `suggestion-${i}`, "aria-selected": "false", "data-index": i },
      h("bdi", { class: "phrase" }, s.text),
      h("span", { class: "count" }, this.t.suggestionCount(s.clauses)))));
    this.list.hidden = false;
    this.changed();
  }

  /** Closes the popup until the next edit. */
  close() {
    this.held = true;
    this.hide();
  }

  hide() {
    this.pressing = false;
    if (!this.open && !this.items.length) return;
    this.items = [];
    this.active = -1;
    this.list.hidden = true;
    this.list.replaceChildren();
    this.changed();
  }

  /** Focus left the box: the popup closes, after the click if a press outside caused it. */
  blurred() {
    if (!this.pressing) this.close();
  }

  /**
   * A mousedown anywhere on the page (capture phase). One outside the box and the popup will
   * move focus away; the popup then closes once that press's click is done, so nothing the
   * visitor presses moves under the pointer.
   */
  pressed(e) {
    if (!this.open) return;
    const target = e.composedPath()[0];
    if (target === this.input || this.list.contains(target)) return;
    this.pressing = true;
    window.addEventListener("click", this.afterPress, { once: true });
  }

  /** Makes suggestion `index` the active one (-1: none, the caret is in the box). */
  select(index) {
    this.list.children[this.active]?.setAttribute("aria-selected", "false");
    this.active = index;
    const option = this.list.children[index];
    if (option) {
      option.setAttribute("aria-selected", "true");
      option.scrollIntoView({ block: "nearest" });
    }
    this.changed();
  }

  pick(index) {
    const item = this.items[index];
    if (!item) return;
    this.close();
    this.choose(item.text);
  }

  /**
   * The box's keydown, before the results' keys: returns true when the popup used the key
   * (the caller then does nothing more with it).
   */
  key(e) {
    if (e.altKey && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      if (e.key === "ArrowUp") this.close();
      else {
        this.held = false;
        this.update(this.input.value);
      }
      return true;
    }
    if (!this.open) return false;
    switch (e.key) {
      case "ArrowDown":
      case "ArrowUp":
        e.preventDefault();
        this.select(nextOption(this.active, this.items.length, e.key));
        return true;
      case "Enter":
        if (this.active < 0) {
          this.close(); // and the box's own Enter ends the query
          return false;
        }
        e.preventDefault();
        this.pick(this.active);
        return true;
      case "Escape":
        e.preventDefault();
        this.close(); // a second Esc clears the box, as before
        return true;
      case "Tab":
        this.close();
        return false;
      case "ArrowLeft":
      case "ArrowRight":
      case "Home":
      case "End":
        if (this.active >= 0) this.select(-1); // the caret moves in the box again
        return false;
      default:
        return false;
    }
  }
}
