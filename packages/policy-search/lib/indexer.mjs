// The indexer compiled to wasm (crates/indexer-wasm), loaded once per process from indexer/,
// where scripts/build-web puts wasm-bindgen's web-target output: the same two files the
// drag-and-drop page (www/indexer/) loads in a browser.
import { readFileSync } from "node:fs";

let glue = null;

/** The indexer's module, instantiated on first use. */
export async function indexerWasm() {
  if (!glue) {
    const loaded = await import(new URL("../indexer/policy_search_indexer_wasm.js", import.meta.url).href);
    loaded.initSync({ module: readFileSync(new URL("../indexer/policy_search_indexer_wasm_bg.wasm", import.meta.url)) });
    glue = loaded;
  }
  return glue;
}
