// The element's stylesheet, adopted into its shadow root as a constructed stylesheet (so it
// needs no inline <style>, which a strict style-src would block). Page CSS cannot reach inside;
// `.root` resets every inherited property so hostile `body`/`*` rules cannot leak in either.
// Theme through the custom properties below, which do inherit from the page.

export const css = `
:host {
  display: block;
  container-type: inline-size;
}
:host([hidden]) { display: none; }

.root {
  all: initial;
  display: block;
  box-sizing: border-box;
  font-family: var(--ps-font-family, system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif);
  font-size: var(--ps-font-size, 16px);
  line-height: 1.7;
  color: var(--ps-text, #1f2329);
  background: var(--ps-bg, #ffffff);
  text-align: start;
  overflow-wrap: anywhere;
  border: 1px solid var(--ps-border, #c9ced6);
  border-radius: var(--ps-radius, 8px);
  padding: 16px;
}
.root.large { font-size: calc(var(--ps-font-size, 16px) * 1.3); line-height: 1.8; }
.root *, .root *::before, .root *::after { box-sizing: border-box; }

/* Document and query text is bidi-isolated: a U+202E in it reorders only itself, never the
   crumbs, labels or message around it. */
bdi, .crumbs span, .text, .label, .chip, .detail h2 { unicode-bidi: isolate; }

.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}

.bar { display: flex; gap: 8px; align-items: stretch; }
.field { position: relative; flex: 1; display: flex; }
.label { display: block; font-weight: 600; margin: 0 0 6px; }
input {
  flex: 1; min-width: 0;
  font: inherit; color: inherit; background: var(--ps-bg, #fff);
  border: 2px solid var(--ps-border, #c9ced6); border-radius: var(--ps-radius, 8px);
  padding: 10px 40px 10px 12px; margin: 0;
  -webkit-appearance: none; appearance: none;
}
input::placeholder { color: var(--ps-muted, #5b6470); opacity: 1; }
input::-webkit-search-cancel-button { -webkit-appearance: none; }
.slash {
  position: absolute; right: 10px; top: 50%; transform: translateY(-50%);
  font: 0.8em ui-monospace, monospace; color: var(--ps-muted, #5b6470);
  border: 1px solid var(--ps-border, #c9ced6); border-radius: 4px; padding: 0 6px;
  pointer-events: none;
}
button {
  font: inherit; color: var(--ps-accent, #1d5fa8); background: var(--ps-bg, #fff);
  border: 1px solid var(--ps-accent, #1d5fa8); border-radius: var(--ps-radius, 8px);
  padding: 6px 12px; margin: 0; cursor: pointer; line-height: 1.4;
}
button:hover { background: var(--ps-surface, #f3f5f8); }
button[aria-pressed="true"] { background: var(--ps-accent, #1d5fa8); color: var(--ps-accent-text, #fff); }
a { color: var(--ps-accent, #1d5fa8); }
input:focus-visible, button:focus-visible, a:focus-visible, [tabindex="-1"]:focus-visible {
  outline: 3px solid var(--ps-focus, #f59e0b); outline-offset: 2px;
}
input:focus { border-color: var(--ps-accent, #1d5fa8); }

.status { margin: 12px 0 4px; color: var(--ps-muted, #5b6470); font-size: 0.9em; }
.message { margin: 8px 0; }
.message:empty, .status:empty { display: none; }
.message ul { margin: 4px 0 0; padding-left: 1.4em; }
.message.error { color: var(--ps-error, #a4262c); border-left: 4px solid var(--ps-error, #a4262c); padding: 4px 12px; }
.examples { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 8px; }
.examples button { padding: 2px 10px; font-size: 0.9em; }

ul[role="listbox"] { list-style: none; margin: 0; padding: 0; }
ul[role="listbox"]:empty { display: none; }
[role="option"] {
  display: block; margin: 0; padding: 12px; cursor: pointer;
  border-bottom: 1px solid var(--ps-border, #c9ced6); border-radius: 0;
}
[role="option"]:last-child { border-bottom: 0; }
[role="option"]:hover { background: var(--ps-surface, #f3f5f8); }
[role="option"][aria-selected="true"] {
  background: var(--ps-surface, #f3f5f8);
  box-shadow: inset 4px 0 0 var(--ps-accent, #1d5fa8);
  outline: 2px solid var(--ps-accent, #1d5fa8); outline-offset: -2px;
}
/* The suggestions popup: in the flow under the box, so it pushes the results down and never
   covers them (on a 360 px phone as on a desktop). */
ul.suggestions {
  margin: 4px 0 0; padding: 4px 0; background: var(--ps-bg, #fff);
  border: 1px solid var(--ps-border, #c9ced6); border-radius: var(--ps-radius, 8px);
}
ul.suggestions[hidden] { display: none; }
.suggestions [role="option"] {
  display: flex; align-items: center; justify-content: space-between; gap: 12px;
  padding: 4px 12px; border-bottom: 0;
}
.suggestions .count { flex: none; font-size: 0.8em; color: var(--ps-muted, #5b6470); }
@media (pointer: coarse) { .suggestions [role="option"] { min-height: 44px; } }
.crumbs { margin: 0 0 4px; font-size: 0.9em; color: var(--ps-muted, #5b6470); }
.crumbs .doc { color: var(--ps-text, #1f2329); font-weight: 600; }
.crumbs .sep { margin: 0 0.3em; }
.text { margin: 0; white-space: pre-line; }
.note { display: block; margin: 4px 0 0; font-size: 0.85em; color: var(--ps-muted, #5b6470); white-space: normal; }
mark { background: var(--ps-mark, #ffe58f); color: var(--ps-mark-text, inherit); padding: 0 1px; border-radius: 2px; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 0; padding: 0; list-style: none; font-size: 0.85em; }
.chip { border: 1px solid var(--ps-border, #c9ced6); border-radius: 999px; padding: 0 10px; color: var(--ps-muted, #5b6470); }
.chip.current { color: var(--ps-valid, #17663a); border-color: currentColor; }
.chip.amended { color: var(--ps-amended, #8a5a00); border-color: currentColor; }
.chip.expired { color: var(--ps-expired, #6b7280); border-color: currentColor; text-decoration: line-through; }
.tier {
  margin: -12px -12px 10px; padding: 6px 12px; font-weight: 600; font-size: 0.9em;
  color: var(--ps-text, #1f2329); background: var(--ps-surface, #f3f5f8); border-top: 2px solid var(--ps-border, #c9ced6);
}
.why, .reading, .explains { margin: 6px 0 0; font-size: 0.85em; color: var(--ps-muted, #5b6470); }
.reading bdi:last-child { color: var(--ps-text, #1f2329); }
.pinyin { margin: 8px 0; }
.chip.kind { color: var(--ps-accent, #1d5fa8); border-color: currentColor; }
.correction { margin: 8px 0; }
.correction button { margin-left: 0.3em; padding: 2px 10px; font-size: 0.9em; }
.message .retry { margin-left: 0.3em; padding: 2px 10px; font-size: 0.9em; }
.more { display: block; margin: 12px auto 0; }
.more[hidden] { display: none; }

.detail[hidden] { display: none; }
.detail h2 { font-size: 1.15em; margin: 8px 0 4px; line-height: 1.5; }
.detail h2:focus { outline: none; }
.detail h2:focus-visible { outline: 3px solid var(--ps-focus, #f59e0b); }
.detail .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.detail ol { list-style: none; margin: 8px 0 0; padding: 0; }
.detail li { padding: 8px 12px; margin: 0 0 6px; border-left: 4px solid transparent; color: var(--ps-muted, #5b6470); }
.detail li[aria-current="true"] { border-left-color: var(--ps-accent, #1d5fa8); background: var(--ps-surface, #f3f5f8); color: var(--ps-text, #1f2329); }
.detail h3 { font-size: 1em; margin: 16px 0 0; }
.detail .label { display: inline; font-weight: 600; margin-right: 0.3em; }

/* The whole document (document-view.js): metadata, contents, clauses. */
.doc-meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 12px; margin: 8px 0 0; font-size: 0.9em; }
.doc-meta dt { color: var(--ps-muted, #5b6470); }
.doc-meta dd { margin: 0; }
.doc-matches { margin: 8px 0; }
.toc { margin: 12px 0; }
.toc summary {
  cursor: pointer; font-weight: 600; padding: 8px 12px; min-height: 44px;
  border: 1px solid var(--ps-border, #c9ced6); border-radius: var(--ps-radius, 8px);
}
.toc details[open] > summary { margin-bottom: 6px; }
summary:focus-visible { outline: 3px solid var(--ps-focus, #f59e0b); outline-offset: 2px; }
.detail .toc ol { margin: 0; padding: 0 0 0 1em; }
.detail .toc details > ol { padding: 0; }
.detail .toc li { padding: 0; margin: 0; border: 0; color: inherit; }
.toc-heading { display: block; margin: 6px 0 2px; font-size: 0.9em; font-weight: 600; color: var(--ps-muted, #5b6470); }
.toc-entry {
  display: block; width: 100%; text-align: start; border: 0; border-radius: 4px;
  padding: 4px 6px; background: transparent;
}
/* Inside, so that the scrolling contents on a desktop never clip it. */
.toc-entry:focus-visible { outline-offset: -3px; }
.toc-match { display: inline-block; white-space: nowrap; margin-left: 0.5em; font-size: 0.8em; color: var(--ps-text, #1f2329); background: var(--ps-mark, #ffe58f); border-radius: 2px; padding: 0 4px; }
.toc-text, .doc-heading, .doc-meta dd { unicode-bidi: isolate; }
.doc-body { min-width: 0; }
.doc-heading { font-size: 1em; margin: 16px 0 4px; }
.doc-clause { padding: 8px 12px; margin: 0 0 6px; border-left: 4px solid transparent; }
.doc-clause.target { border-left-color: var(--ps-accent, #1d5fa8); background: var(--ps-surface, #f3f5f8); }
.doc-actions { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; margin: 4px 0 0; font-size: 0.85em; }
.doc-actions button { padding: 2px 10px; }
.doc-body > button { display: block; margin: 8px auto; }
/* Wide enough (document-view.js WIDE): the contents beside the text, following the reader. */
@container (min-width: 640px) {
  .doc-layout { display: grid; grid-template-columns: minmax(11em, 1fr) 3fr; gap: 20px; align-items: start; }
  .toc { position: sticky; top: 0; max-height: 100vh; overflow: auto; margin: 0; }
}

@container (max-width: 480px) {
  .root { padding: 12px; }
  .slash { display: none; }
  input { padding-right: 12px; }
  [role="option"] { padding: 12px 4px; }
  .tier { margin: -12px -4px 10px; padding: 6px 4px; }
  .detail .actions button { flex: 1 1 100%; }
}
@media (forced-colors: active) {
  [role="option"][aria-selected="true"] { outline: 2px solid Highlight; }
  mark { forced-color-adjust: none; background: Mark; color: MarkText; }
}
`;
