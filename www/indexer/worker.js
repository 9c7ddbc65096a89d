// The indexing page's worker: the indexer compiled to wasm (crates/indexer-wasm) runs here, off
// the page's thread, on the files the page read. It answers three messages:
//   { type: "index", files, folder, shards } → { type: "indexed", summary, report, warnings,
//       documents, site, memory } (site: the deployable folder's files as [name, bytes]; memory:
//       the wasm memory's bytes, its peak) | { type: "error", message }
//   { type: "search", args } → { type: "answer", out } | { type: "error", message }
// Nothing is sent anywhere: the files come from the page and go back to it.
import { siteFiles, DEMO } from "../../packages/policy-search/lib/assemble.mjs";

let glue = null;
let memory = null;
let searcher = null;

/** The indexer's module, fetched and instantiated once. */
async function indexer() {
  if (!glue) {
    const loaded = await import(new URL("indexer/policy_search_indexer_wasm.js", self.location.href).href);
    ({ memory } = await loaded.default({ module_or_path: new URL("indexer/policy_search_indexer_wasm_bg.wasm", self.location.href) }));
    glue = loaded;
  }
  return glue;
}

/** The prebuilt engine's files, fetched from engine/ beside the page (listed in engine/files.json). */
async function engineFiles() {
  const get = async (path) => {
    const response = await fetch(new URL(path, self.location.href));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response;
  };
  const names = await (await get("engine/files.json")).json();
  const read = async (dir, list) =>
    new Map(await Promise.all(list.map(async (name) => [name, new Uint8Array(await (await get(`${dir}/${name}`)).arrayBuffer())])));
  return { site: await read("engine/site", names), demo: await read("engine/demo", DEMO) };
}

async function index({ files, folder, shards }) {
  const { index: run, Searcher } = await indexer();
  const indexed = run(files, { folder, shards });
  const { site, demo } = await engineFiles();
  const byName = new Map(indexed.files.map((f) => [f.name, f.bytes]));
  searcher = new Searcher(byName.get("index.bin"), byName.get("lexicon.bin"));
  for (const { name, bytes } of indexed.files) if (name.startsWith("shards/")) searcher.addFile(name, bytes);
  const documents = searcher.run(["docs", "--json"]).out.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line));
  return {
    type: "indexed",
    summary: indexed.summary,
    report: indexed.report,
    warnings: indexed.warnings,
    documents,
    site: siteFiles(site, indexed, demo),
    // The module's memory never shrinks: its size is the indexing's peak.
    memory: memory.buffer.byteLength,
  };
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === "index") {
      self.postMessage(await index(data));
    } else if (data.type === "search") {
      if (!searcher) throw new Error("nothing indexed yet");
      self.postMessage({ type: "answer", out: searcher.run(data.args).out });
    }
  } catch (error) {
    self.postMessage({ type: "error", message: String(error?.message ?? error) });
  }
};
