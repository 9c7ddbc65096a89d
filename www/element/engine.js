// Engine loading: one wasm engine per page, shared by every element, started as soon as the
// module runs so the download overlaps parsing the page.

import { naturalWasm, naturalLoader } from "../pkg/natural-files.js";
// Static, so that the exact module's loader is in the bundle itself (one request before ready).
import initExact, { PolicySearch as ExactEngine } from "../pkg/policy_search.js";

let enginePromise = null;
let naturalPromise = null;
let pkgBase = null;
/** The file name of the lexicon built with the exact module's index (its custom section). */
let lexiconName = null;
/** Shard files fetched or being fetched, by name: each is downloaded once per page. */
const files = new Map();
/** Shard fetches under way, and who waits for there to be none. */
let inFlight = 0;
let quietWaiters = [];

/**
 * Resolves when no shard file is being fetched: the natural module and the lexicon (most of
 * the bytes at a portal's scale) wait for the first query's files rather than compete with
 * them on a phone's connection. A retry asks for its next files in the task that ended the
 * last fetch, so "none" is checked again a task later.
 */
async function quiet() {
  for (;;) {
    if (inFlight) await new Promise((resolve) => quietWaiters.push(resolve));
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!inFlight) return;
  }
}

/**
 * Starts loading the engines (once; later calls return the same promise), from the URL of the
 * directory holding them (pkg/, beside the bundle: only the entry module knows where that is).
 *
 * Two modules of one build: the **exact** one (policy_search_bg.wasm, its index a custom section)
 * answers a hanzi query's first result and is all that stands before it; the **natural** one
 * (pkg/policy_search_natural-<hash>.wasm: relaxed hits, corrections, pinyin, completions, under
 * a name made of its content, so that no cache pairs it with another build) is fetched with
 * the lexicon only when asked for (`natural()`), and takes over when both have arrived.
 */
export function startEngine(pkgUrl) {
  pkgBase ??= pkgUrl;
  enginePromise ??= (async () => {
    if (typeof WebAssembly !== "object") throw Object.assign(new Error("WebAssembly is not available"), { kind: "noWasm" });
    // Fetch the module and its JS loader in parallel rather than one after the other.
    const wasm = fetch(new URL("policy_search_bg.wasm", pkgUrl));
    wasm.catch(() => {}); // reported below, once awaited
    // The module holds no corpus: its index and the lexicon's name are custom sections
    // appended by scripts/build-web (docs/index-format.md, "In the browser").
    const module = await compile(await wasm);
    const section = (name) => WebAssembly.Module.customSections(module, name)[0];
    const index = section("policy-search-index");
    const lexicon = section("policy-search-lexicon");
    if (!index || !lexicon) throw new Error("policy_search_bg.wasm carries no index (build it with scripts/build-web)");
    lexiconName = new TextDecoder().decode(lexicon);
    await initExact({ module_or_path: module });
    return ExactEngine.open(new Uint8Array(index));
  })();
  return enginePromise;
}

/** The module of `response`, compiled while it downloads where the server says it is wasm. */
async function compile(response) {
  if (!response.ok) throw new Error(`policy_search_bg.wasm: HTTP ${response.status}`);
  if (typeof WebAssembly.compileStreaming === "function" && response.headers.get("content-type")?.startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Resolves to the natural engine (relaxed hits, corrections, pinyin, completions) once it and
 * the lexicon have arrived, or to null if they could not: until then searches are exact.
 *
 * Nothing is fetched for it until something asks (the element does after a query's first
 * result is on screen): a visitor who only looks, or whose hanzi query the exact module
 * answers, pays for none of it before that result. Once asked, both files come from beside
 * the exact module after no shard file is on its way (the first query's files go first), the
 * lexicon under a name that pins its build (the engine refuses another build's); the natural
 * module is handed the exact one's index rather than downloading it again.
 */
export function natural() {
  if (!enginePromise) return Promise.resolve(null); // no engine started: nothing to add to
  naturalPromise ??= enginePromise.then(async (exact) => {
    await quiet();
    const lexicon = fetch(new URL(lexiconName, pkgBase)).then((response) => {
      if (!response.ok) throw new Error(`lexicon: HTTP ${response.status}`);
      return response.arrayBuffer();
    });
    lexicon.catch(() => {}); // reported below, once awaited
    const wasm = fetch(new URL(naturalWasm, pkgBase));
    wasm.catch(() => {});
    // A URL, not a literal, so that the bundler leaves this loader a file of its own.
    const glue = await import(new URL(naturalLoader, pkgBase).href);
    await glue.default({ module_or_path: wasm });
    const natural = glue.PolicySearch.open(exact.indexBytes());
    natural.attachLexicon(new Uint8Array(await lexicon));
    return natural;
  });
  return naturalPromise.then((engine) => engine, () => null); // without it the widget still searches, exactly
}

/** The page's first engine, exact searches only (after `startEngine`). */
export function engine() {
  return enginePromise;
}

/**
 * The shard files the engine's last calls lacked (a sharded index; never for an embedded one,
 * nor for an engine of an older build without the call): those calls answered without them.
 */
export function missing(engine) {
  return typeof engine.missing === "function" ? engine.missing() : [];
}

/**
 * Fetches the shard files `names` from beside the wasm (each once per page, from the page's
 * own origin, under content-made names that any cache may keep) and adds them to `engine`.
 */
export async function addFiles(engine, names) {
  inFlight += 1;
  try {
    await fetchAndAdd(engine, names);
  } finally {
    inFlight -= 1;
    if (inFlight === 0) quietWaiters.splice(0).forEach((resolve) => resolve());
  }
}

/**
 * `ask()`'s answer once whole: while the engine's calls lacked shard files, fetches and adds them
 * and asks again (for scripts that call an engine directly; the element does this step by step,
 * in `Session.lacking`, so that it can show it is loading).
 */
export async function whole(engine, ask) {
  for (;;) {
    const answer = ask();
    const names = missing(engine);
    if (!names.length) return answer;
    await addFiles(engine, names);
  }
}

/** The shard files added to each engine, by engine. */
const added = new WeakMap();

/**
 * A shard file that could not be added, and why (`kind`, a key of `strings().errors.files`):
 * `network` — it did not arrive (offline, a server error); `stale` — what arrived is not this
 * build's file (a 404 or a file of another deploy: the page is older than the files, or the
 * other way round), or not whole (truncated, a wrong checksum), which the engine refuses.
 */
export class FileError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

async function fetchAndAdd(engine, names) {
  const own = added.get(engine) ?? new Set();
  added.set(engine, own);
  // Each round adds files the engine lacked, so asking is finite; asking again for one it has
  // would be a defect, and is an error rather than a loop.
  if (names.every((name) => own.has(name))) throw new Error(`shard files asked for again: ${names.join(", ")}`);
  const loaded = await Promise.all(names.map((name) => {
    let bytes = files.get(name);
    if (!bytes) {
      bytes = fetch(new URL(name, pkgBase)).then(async (response) => {
        if (!response.ok) throw new FileError(response.status === 404 || response.status === 410 ? "stale" : "network", `${name}: HTTP ${response.status}`);
        return new Uint8Array(await response.arrayBuffer());
      }, (error) => { throw new FileError("network", `${name}: ${error.message}`); });
      files.set(name, bytes);
      bytes.catch(() => files.delete(name)); // a retry fetches it again
    }
    return bytes.then((b) => [name, b]);
  }));
  for (const [name, bytes] of loaded) {
    try {
      engine.addFile(name, bytes); // checks the file's checksum and build against the core
    } catch (error) {
      files.delete(name);
      throw new FileError("stale", String(error?.message ?? error));
    }
    own.add(name);
  }
}

/** Why the engine failed to load, as a key of `strings().errors`. */
export function loadFailure(error) {
  const message = String(error?.message ?? error);
  if (error?.kind === "noWasm") return "noWasm";
  if (/Content Security Policy|unsafe-eval|wasm-eval|CSP/i.test(message)) return "csp";
  if (error instanceof TypeError && /fetch|network|import|load/i.test(message)) return "network";
  return "other";
}
