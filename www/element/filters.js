// Filters, scope and sort: a fieldset of checkboxes per facet with the engine's counts, the
// active filters as removable chips, the field searched (范围: 全部, 标题, 文号, 正文) and the sort
// control, and their URL parameters. The element owns the state ({filters, sort, field}) and
// searches; this module shows it and reports changes.
//
// Layout (`filterCss` below): wide, the panel is a column beside the results; narrower (a
// phone, a zoomed window) a 筛选 button with the number of active filters opens and closes it.

import { h, clip } from "./dom.js";

/**
 * Facets in the engine's order, each with its URL parameter (`doc` opens a document view), then
 * the two ends of the range of days of issue, kept in `filters` as one-value lists like a facet
 * (`from`, `to`: `YYYY-MM-DD`), so that the URL, the state key and the count treat them alike.
 */
const PARAMS = { doc: "document", issuer: "issuer", year: "year", status: "status", unit: "unit", type: "type", code: "code", topic: "topic", from: "from", to: "to" };
const FACETS = Object.keys(PARAMS);
/** The ends of the date range, and what a value of one must look like. */
const RANGE = ["from", "to"];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Values a facet shows before its 更多 button (the most counted, and any selected). */
const SHOWN = 6;
/** Characters of a value's label (a document's title can be long). */
const MAX_LABEL = 80;

/** Where a query is looked for (`in`; the engine's names): everywhere first, the default. */
const FIELDS = ["all", "title", "number", "body"];

/** No filter, relevance order, everywhere. */
const none = () => ({ filters: {}, sort: "relevance", field: "all" });

/** `{filters, sort, field}` from URL parameters (repeated parameters for several values). */
export function readFilters(params, prefix) {
  const filters = {};
  for (const name of FACETS) {
    let values = [...new Set(params.getAll(prefix + PARAMS[name]).filter(Boolean))];
    // A range end is one day; a malformed one is dropped rather than refused by the engine.
    if (RANGE.includes(name)) values = values.filter((v) => DAY.test(v)).slice(0, 1);
    if (values.length) filters[name] = values;
  }
  const field = params.get(`${prefix}in`);
  return { filters, sort: params.get(`${prefix}sort`) === "newest" ? "newest" : "relevance", field: FIELDS.includes(field) ? field : "all" };
}

/** Writes `{filters, sort, field}` into URL parameters (sort and field only when not the default). */
export function writeFilters(params, prefix, { filters, sort, field }) {
  for (const name of FACETS) {
    params.delete(prefix + PARAMS[name]);
    for (const value of filters[name] ?? []) params.append(prefix + PARAMS[name], value);
  }
  if (sort === "newest") params.set(`${prefix}sort`, "newest");
  else params.delete(`${prefix}sort`);
  if (field && field !== "all") params.set(`${prefix}in`, field);
  else params.delete(`${prefix}in`);
}

/** A key equal for equal states, whatever the order of values. */
export function stateKey({ filters, sort, field }) {
  return JSON.stringify([sort, field ?? "all", FACETS.map((name) => [...(filters[name] ?? [])].sort())]);
}

/** Number of values selected. */
const activeCount = (filters) => FACETS.reduce((n, name) => n + (filters[name]?.length ?? 0), 0);

function short(text) {
  const part = clip(text, [], MAX_LABEL);
  return part.to < part.total ? `${part.text}…` : text;
}

export class FilterPanel {
  /**
   * `t` the interface strings; `changed({filters, sort})` is called on each change by the
   * visitor; `refocus()` takes focus when a removed chip leaves none to move to; `read(doc)`
   * opens a document the document filter selects.
   */
  constructor(t, { changed, refocus, read }) {
    this.t = t;
    this.changed = changed;
    this.refocus = refocus;
    this.read = read;
    this.state = none();
    this.facets = [];
    this.expanded = new Set(); // facets showing every value
    const f = t.filters;
    this.toggle = h("button", { type: "button", class: "filter-toggle", "aria-expanded": "false", "aria-controls": "filter-panel" });
    this.toggle.addEventListener("click", () => this.setOpen(this.toggle.getAttribute("aria-expanded") !== "true"));
    this.sort = h("select", { id: "sort", class: "sort" },
      h("option", { value: "relevance" }, f.relevance), h("option", { value: "newest" }, f.newest));
    this.sort.addEventListener("change", () => this.changed({ ...this.state, sort: this.sort.value }));
    // The scope control: a native select, so keyboard and phone work as everywhere else.
    this.field = h("select", { id: "field", class: "field" }, FIELDS.map((v) => h("option", { value: v }, f.fields[v])));
    this.field.addEventListener("change", () => this.changed({ ...this.state, field: this.field.value }));
    const labelled = (id, text, select) => h("span", { class: "sort-field" }, h("label", { for: id }, text), select);
    this.bar = h("div", { class: "filter-bar", hidden: true }, this.toggle,
      labelled("field", f.field, this.field), labelled("sort", f.sort, this.sort));
    this.panel = h("div", { id: "filter-panel", class: "filter-panel", role: "group", "aria-label": f.toggle, hidden: true });
    this.panel.addEventListener("change", (e) => {
      const box = e.target.closest?.("input[type=checkbox]");
      if (box) this.tick(box.dataset.facet, box.value, box.checked);
      const day = e.target.closest?.("input[type=date]");
      if (day) this.setDay(day.dataset.end, day.value);
    });
    this.chips = h("div", { class: "filter-chips", hidden: true });
    this.setOpen(false);
  }

  /** Opens or closes the panel (on a phone; wide, it is always shown and the button hidden). */
  setOpen(open) {
    this.toggle.setAttribute("aria-expanded", String(open));
    this.panel.classList.toggle("open", open);
  }

  /** The state to show (from the URL, or after a change). */
  set(state) {
    this.state = { ...none(), ...state };
    this.sort.value = this.state.sort;
    this.field.value = this.state.field;
    const n = activeCount(state.filters);
    this.toggle.textContent = n ? this.t.filters.toggleCount(n) : this.t.filters.toggle;
  }

  /** The facets of the last search: every fieldset, and the chips, drawn again. */
  update(facets) {
    this.facets = facets;
    this.bar.hidden = this.panel.hidden = false;
    // The checkbox or button with focus is drawn anew: focus moves to its successor.
    const active = this.panel.getRootNode().activeElement;
    const focusKey = this.panel.contains(active) ? active.dataset.key : null;
    this.panel.replaceChildren(...facets.filter((f) => f.values.length).map((f) => this.fieldset(f)), this.range());
    // A value that is gone (unticked with no clause left) hands focus to its facet's first box.
    if (focusKey) {
      const facet = CSS.escape(focusKey.split("\n")[0]);
      (this.panel.querySelector(`[data-key="${CSS.escape(focusKey)}"]`) ?? this.panel.querySelector(`[data-facet="${facet}"]`) ?? this.sort).focus();
    }
    this.drawChips();
  }

  fieldset({ name, values }) {
    const f = this.t.filters;
    // The most counted (in the engine's order, which is by year for years), and the selected.
    const top = new Set([...values].sort((a, b) => b.count - a.count).slice(0, SHOWN));
    const all = this.expanded.has(name) || values.length <= SHOWN;
    const shown = all ? values : values.filter((v) => top.has(v) || v.selected);
    const list = h("ul", { id: `facet-${name}` }, shown.map((v) => {
      const box = h("input", { type: "checkbox", value: v.value, "data-facet": name, "data-key": `${name}\n${v.value}`, checked: v.selected });
      return h("li", {}, h("label", {}, box, h("span", {}, h("bdi", {}, short(this.label(name, v))), h("span", { class: "count" }, ` (${v.count})`))));
    }));
    let more = null;
    if (values.length > SHOWN) {
      more = h("button", { type: "button", class: "facet-more", "aria-expanded": String(all), "aria-controls": list.id, "data-key": `${name}\nmore` },
        all ? f.less : f.more(values.length));
      more.addEventListener("click", () => {
        if (all) this.expanded.delete(name);
        else this.expanded.add(name);
        this.update(this.facets);
      });
    }
    return h("fieldset", { class: "facet" }, h("legend", {}, f.facets[name]), list, more);
  }

  /** The range of days of issue: two native date inputs (a phone's date picker), either open. */
  range() {
    const f = this.t.filters;
    const input = (end) => h("label", { class: "range-end" }, f[end], " ",
      h("input", { type: "date", id: `range-${end}`, "data-end": end, "data-key": `range\n${end}`, value: this.state.filters[end]?.[0] ?? "" }));
    return h("fieldset", { class: "facet range" }, h("legend", {}, f.range), input("from"), input("to"));
  }

  /** Sets (or, with "", clears) one end of the range. */
  setDay(end, value) {
    const filters = { ...this.state.filters, [end]: [value] };
    if (!DAY.test(value)) delete filters[end];
    this.changed({ ...this.state, filters });
  }

  /** What a value is called: validity in the interface's script, else the engine's label. */
  label(name, value) {
    return name === "status" ? this.t.status[value.value] ?? value.label : value.label;
  }

  tick(name, value, on) {
    const values = (this.state.filters[name] ?? []).filter((v) => v !== value);
    if (on) values.push(value);
    const filters = { ...this.state.filters, [name]: values };
    if (!values.length) delete filters[name];
    this.changed({ ...this.state, filters });
  }

  /** One chip per selected value (a stale one too: the engine lists it with 0), and 清除筛选. */
  drawChips() {
    const f = this.t.filters;
    const selected = this.facets.flatMap((facet) => facet.values.filter((v) => v.selected).map((v) => [facet.name, v]));
    // The range's ends, as chips of their own (no facet lists them).
    for (const end of RANGE) {
      const day = this.state.filters[end]?.[0];
      if (day) selected.push([end, { value: day, label: f[`${end}Chip`](day), count: 0 }]);
    }
    const chips = selected.map(([name, v]) => {
      const label = short(this.label(name, v));
      const chip = h("button", { type: "button", class: "filter-chip", "aria-label": f.remove(label), "data-key": `${name}\n${v.value}` },
        h("bdi", {}, label), h("span", { "aria-hidden": "true" }, " ×"));
      chip.addEventListener("click", () => this.remove(chip, name, v.value));
      return chip;
    });
    if (chips.length) {
      chips.push(h("button", { type: "button", class: "filter-clear" }, f.clear));
      chips.at(-1).addEventListener("click", () => this.clear());
    }
    // A document the filter selects can be read whole (not a stale one: it has no clause).
    for (const [name, v] of selected) {
      if (name !== "doc" || !v.count) continue;
      const read = h("button", { type: "button", class: "filter-read" }, h("bdi", {}, f.read(short(v.label))));
      read.addEventListener("click", () => this.read(v.value));
      chips.push(read);
    }
    this.chips.replaceChildren(...chips);
    this.chips.hidden = !chips.length;
    if (this.focusAfter !== undefined) {
      const key = this.focusAfter;
      this.focusAfter = undefined;
      const again = key && this.chips.querySelector(`[data-key="${CSS.escape(key)}"]`);
      if (again) again.focus();
      else this.refocus();
    }
  }

  /** Removes a chip's filter; focus goes to the next chip, else the one before, else `refocus`. */
  remove(chip, name, value) {
    const chips = [...this.chips.querySelectorAll(".filter-chip")];
    const at = chips.indexOf(chip);
    // Applied when the chips are drawn again (after the search, which may wait for shard files).
    this.focusAfter = (chips[at + 1] ?? chips[at - 1])?.dataset.key ?? null;
    this.tick(name, value, false);
  }

  clear() {
    this.focusAfter = null;
    this.changed({ ...this.state, filters: {} });
  }

  /** Whether any filter is on. */
  get active() {
    return activeCount(this.state.filters) > 0;
  }
}

/**
 * The filters' stylesheet, added to styles.js's. Wide (≥ 640 px) the panel floats beside
 * the results (a float, so that no grid row stretches to its height); narrower, the 筛选
 * button opens and closes it above them.
 */
export const filterCss = `
.results { display: flow-root; }
.filter-bar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 12px 0 0; }
.filter-bar[hidden], .filter-panel[hidden], .filter-chips[hidden] { display: none; }
.sort-field { display: inline-flex; gap: 6px; align-items: center; }
select {
  font: inherit; color: inherit; background: var(--ps-bg, #fff); margin: 0;
  border: 1px solid var(--ps-border, #c9ced6); border-radius: var(--ps-radius, 8px); padding: 4px 8px;
}
.filter-panel { margin: 8px 0 0; }
.facet { border: 0; margin: 0 0 12px; padding: 0; min-width: 0; }
.facet legend { font-weight: 600; padding: 0; margin: 0 0 2px; }
.facet ul { list-style: none; margin: 0; padding: 0; }
.facet li { margin: 0; }
.facet label { display: flex; gap: 6px; padding: 2px 0; cursor: pointer; font-size: 0.9em; }
.facet .count { color: var(--ps-muted, #5b6470); white-space: nowrap; }
input[type="checkbox"] {
  -webkit-appearance: auto; appearance: auto; flex: none; width: 1.1em; height: 1.1em;
  margin: 0.3em 0 0; padding: 0; border: 0; accent-color: var(--ps-accent, #1d5fa8); align-self: flex-start;
}
.facet-more { margin: 4px 0 0; padding: 2px 10px; font-size: 0.85em; }
.filter-chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 10px 0 0; }
.filter-chips button { padding: 2px 10px; font-size: 0.85em; border-radius: 999px; }
.filter-chip { background: var(--ps-surface, #f3f5f8); }
.range .range-end { display: grid; grid-template-columns: 1.5em 1fr; align-items: center; cursor: default; }
input[type="date"] {
  font: inherit; color: inherit; background: var(--ps-bg, #fff); margin: 0; min-width: 0; min-height: 32px;
  border: 1px solid var(--ps-border, #c9ced6); border-radius: var(--ps-radius, 8px); padding: 2px 6px;
}
select:focus-visible, input[type="checkbox"]:focus-visible, input[type="date"]:focus-visible { outline: 3px solid var(--ps-focus, #f59e0b); outline-offset: 2px; }
@container (min-width: 640px) {
  .filter-toggle { display: none; }
  .filter-panel { float: left; width: 220px; margin: 12px 0 0; }
  .results > .filter-panel ~ * { margin-left: 244px; }
  .results > .filter-panel[hidden] ~ * { margin-left: 0; }
}
@container (max-width: 639.98px) {
  .filter-panel:not(.open) { display: none; }
  .filter-panel { border: 1px solid var(--ps-border, #c9ced6); border-radius: var(--ps-radius, 8px); padding: 8px 12px 0; }
  .filter-toggle[aria-expanded="true"] { background: var(--ps-surface, #f3f5f8); }
}
@media (pointer: coarse) { .facet label { min-height: 44px; align-items: center; } }
`;
