// Engine loading: one wasm engine per page, shared by every element, started as soon as the
// module runs so the download overlaps parsing the page.

let enginePromise = null;
let lexiconPromise = null;

/**
 * Starts loading the engine from `wasmUrl` (once; later calls return the same promise). The
 * entry module passes the URL because only it knows where pkg/ is relative to the bundle.
 */
export function startEngine(wasmUrl) {
  enginePromise ??= (async () => {
    if (typeof WebAssembly !== "object") throw Object.assign(new Error("WebAssembly is not available"), { kind: "noWasm" });
    // Fetch the module and its JS loader in parallel rather than one after the other.
    const wasm = fetch(wasmUrl);
    wasm.catch(() => {}); // reported below, once the loader awaits it
    const glue = await import("../pkg/policy_search.js");
    await glue.default({ module_or_path: wasm });
    return new glue.PolicySearch();
  })();
  // The lexicon (vocabulary, synonyms, readings) is not needed for an exact result, so it is
  // fetched once the engine is there, from beside the wasm, under a name that pins its build.
  lexiconPromise ??= enginePromise.then(async (engine) => {
    const response = await fetch(new URL(engine.lexiconFile(), wasmUrl));
    if (!response.ok) throw new Error(`lexicon: HTTP ${response.status}`);
    engine.attachLexicon(new Uint8Array(await response.arrayBuffer()));
    return true;
  });
  lexiconPromise.catch(() => {}); // without it the widget still searches, exactly
  return enginePromise;
}

/**
 * Resolves once the lexicon is attached to the engine (true), or could not be (false): until
 * then searches are exact only.
 */
export function lexicon() {
  return lexiconPromise.then(() => true, () => false);
}

/** The page's engine (after `startEngine`). */
export function engine() {
  return enginePromise;
}

/** Why the engine failed to load, as a key of `strings().errors`. */
export function loadFailure(error) {
  const message = String(error?.message ?? error);
  if (error?.kind === "noWasm") return "noWasm";
  if (/Content Security Policy|unsafe-eval|wasm-eval|CSP/i.test(message)) return "csp";
  if (error instanceof TypeError && /fetch|network|import|load/i.test(message)) return "network";
  return "other";
}
