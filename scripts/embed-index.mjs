// Appends an index to the browser's exact module as two custom sections, which the page reads
// with WebAssembly.Module.customSections before it opens the engine (docs/index-format.md,
// "In the browser"):
//   policy-search-index     the index core (index.bin)
//   policy-search-lexicon   the file name of the lexicon built with it (lexicon-<checksum>.bin)
// The module itself holds no index, so one build of it serves any corpus.
//   node scripts/embed-index.mjs MODULE.wasm INDEX.bin LEXICON-NAME   (rewrites MODULE.wasm)
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

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

/** A custom section (id 0): its name, then `payload`. */
export function customSection(name, payload) {
  const nameBytes = new TextEncoder().encode(name);
  const body = Buffer.concat([leb128(nameBytes.length), nameBytes, payload]);
  return Buffer.concat([Uint8Array.of(0), leb128(body.length), body]);
}

/** `module` with the index core and the lexicon's file name appended. */
export function embedIndex(module, core, lexiconName) {
  if (WebAssembly.Module.customSections(new WebAssembly.Module(module), "policy-search-index").length) {
    throw new Error("the module already carries an index");
  }
  return Buffer.concat([
    module,
    customSection("policy-search-index", core),
    customSection("policy-search-lexicon", new TextEncoder().encode(lexiconName)),
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [wasm, index, lexiconName] = process.argv.slice(2);
  if (!lexiconName) {
    console.error("usage: node scripts/embed-index.mjs MODULE.wasm INDEX.bin LEXICON-NAME");
    process.exit(2);
  }
  writeFileSync(wasm, embedIndex(readFileSync(wasm), readFileSync(index), lexiconName));
}
