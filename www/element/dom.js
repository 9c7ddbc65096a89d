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
