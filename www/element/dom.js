// Safe DOM building. Document and query text only ever become Text nodes (createTextNode /
// textContent), never markup: nothing here, or anywhere in the element, assigns innerHTML.

/** Creates `<tag>` with attributes and children (strings become text nodes). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/**
 * `text` with the `[start, end)` ranges marked. Offsets count Unicode scalar values, as the
 * engine reports them, not UTF-16 units (a rare CJK Extension B character is two units).
 */
export function highlighted(text, ranges) {
  const chars = Array.from(text);
  const out = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start || end > chars.length) continue; // defensive: skip bad ranges
    if (start > at) out.push(chars.slice(at, start).join(""));
    out.push(h("mark", {}, chars.slice(start, end).join("")));
    at = end;
  }
  if (at < chars.length) out.push(chars.slice(at).join(""));
  return out;
}

/**
 * At most `max` characters of `text`, from a little before the first range, with the ranges
 * shifted into the part: `{text, ranges, from, to, total}` (character offsets, `to` exclusive).
 * Linear in the text's length, and nothing of the text outside the part is copied.
 */
export function clip(text, ranges, max) {
  const total = charCount(text);
  if (total <= max) return { text, ranges, from: 0, to: total, total };
  const from = Math.max(0, Math.min((ranges[0]?.[0] ?? 0) - (max >> 3), total - max));
  const to = from + max;
  const shifted = ranges
    .map(([start, end]) => [Math.max(start, from) - from, Math.min(end, to) - from])
    .filter(([start, end]) => start < end);
  return { text: text.slice(unitOffset(text, from), unitOffset(text, to)), ranges: shifted, from, to, total };
}

/** The UTF-16 index of character `n` of `text`. */
function unitOffset(text, n) {
  let i = 0;
  for (let k = 0; k < n && i < text.length; k++) i += text.codePointAt(i) > 0xffff ? 2 : 1;
  return i;
}

/** Number of Unicode scalar values in `text`. */
export function charCount(text) {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Copies `text` to the clipboard; resolves to whether it worked. */
export async function copyText(text, root) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers, or a page without clipboard permission: select-and-copy.
    const area = h("textarea", { readonly: true, "aria-hidden": "true", class: "visually-hidden" });
    area.value = text;
    root.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}
