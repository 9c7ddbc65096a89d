// An index appended to the browser's exact module as two custom sections, which the page reads
// with WebAssembly.Module.customSections before it opens the engine (docs/index-format.md,
// "In the browser"):
//   policy-search-index     the index core (index.bin)
//   policy-search-lexicon   the file name of the lexicon built with it (lexicon-<checksum>.bin)
// The module itself holds no index, so one build of it serves any corpus.

/** The names of the two sections. */
export const INDEX_SECTION = "policy-search-index";
export const LEXICON_SECTION = "policy-search-lexicon";

/** `n` as unsigned LEB128. */
function leb128(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Uint8Array.from(out);
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A custom section (id 0): its name, then `payload`. */
export function customSection(name, payload) {
  const nameBytes = new TextEncoder().encode(name);
  const body = concat([leb128(nameBytes.length), nameBytes, payload]);
  return concat([Uint8Array.of(0), leb128(body.length), body]);
}

/** `module` (bytes) with the index core and the lexicon's file name appended. */
export function embedIndex(module, core, lexiconName) {
  if (WebAssembly.Module.customSections(new WebAssembly.Module(module), INDEX_SECTION).length) {
    throw new Error("the module already carries an index");
  }
  return concat([
    module,
    customSection(INDEX_SECTION, core),
    customSection(LEXICON_SECTION, new TextEncoder().encode(lexiconName)),
  ]);
}

/** The index core and the lexicon's name a deployed exact module carries (`embedIndex`'s). */
export function embeddedIndex(module) {
  const compiled = new WebAssembly.Module(module);
  const [core] = WebAssembly.Module.customSections(compiled, INDEX_SECTION);
  const [lexicon] = WebAssembly.Module.customSections(compiled, LEXICON_SECTION);
  if (!core || !lexicon) throw new Error("the module carries no index: not a policy-search build's policy_search_bg.wasm");
  return { core: new Uint8Array(core), lexiconName: new TextDecoder().decode(lexicon) };
}
