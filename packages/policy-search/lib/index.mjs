// policy-search for Node: index a folder into a deployable search widget, and search it.
//
//   import { readFolder, indexFiles, writeSite, openSite } from "policy-search";
//   const indexed = await indexFiles(readFolder("docs"), { folder: "docs" });
//   writeSite("site/search", indexed, { demo: true });
//   console.log((await openSite("site/search")).run(["search", "--json", "--", "创业补贴"]));
import { indexerWasm } from "./indexer.mjs";

export { readFolder } from "./folder.mjs";
export { writeSite } from "./site.mjs";
export { openSite } from "./search.mjs";

/**
 * Indexes a folder's files (`readFolder`'s, or `{ name, bytes }` from anywhere) as the native
 * build does. `options`: `{ folder, shards }` (`folder` names the files in messages; `shards`
 * `auto`, `always` or `never`). Returns `{ files, lexiconName, report, summary, warnings }`
 * (crates/indexer-wasm, `index`); a bad corpus throws an error naming the file and the problem.
 */
export async function indexFiles(files, options = {}) {
  const { index } = await indexerWasm();
  return index(files, options);
}
