// The deployable folder's files, in memory: the prebuilt engine's (the same for every corpus)
// with an index written into it — the core appended to the exact module, the lexicon and any
// shard files beside it in pkg/ — and the demo page's when asked. Plain JavaScript (no Node
// API), so that the npm package (lib/site.mjs) and the drag-and-drop page (www/indexer/) make
// the same folder from the same files.
import { embedIndex } from "./embed.mjs";

/** The exact module, relative to the folder. */
export const EXACT = "pkg/policy_search_bg.wasm";
/** The demo page's files. */
export const DEMO = ["index.html", "portal.css", "favicon.svg"];

/**
 * The files of the deployable folder as `[name, bytes]`: `engine` maps each file of the
 * prebuilt engine (the package's engine/site/) to its bytes, `indexed` is what the indexer's
 * `index` returned, `demo` maps the demo page's files to theirs (or is null: no demo).
 */
export function siteFiles(engine, indexed, demo = null) {
  const exact = engine.get(EXACT);
  if (!exact) throw new Error(`the prebuilt engine has no ${EXACT}`);
  const core = indexed.files.find((f) => f.name === "index.bin");
  const out = [...engine].filter(([name]) => name !== EXACT);
  out.push([EXACT, embedIndex(exact, core.bytes, indexed.lexiconName)]);
  for (const { name, bytes } of indexed.files) {
    if (name !== "index.bin") out.push([`pkg/${name === "lexicon.bin" ? indexed.lexiconName : name}`, bytes]);
  }
  if (demo) out.push(...DEMO.map((name) => [name, demo.get(name)]));
  return out;
}
