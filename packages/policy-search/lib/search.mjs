// The `policy-search` command over a deployed folder: the index core from the exact module's
// custom section, the lexicon and each shard file a command asks for from pkg/ — what the
// widget reads, read from disk — run by the same Rust code as the native CLI
// (policy_search_cli::run, through the indexer's wasm), so the text and JSON are the same.
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { embeddedIndex } from "./embed.mjs";
import { indexerWasm } from "./indexer.mjs";

/** A searcher over the deployable folder `dir` (an `index --out` or scripts/build-web output). */
export async function openSite(dir) {
  const pkg = join(dir, "pkg");
  const { core, lexiconName } = embeddedIndex(readFileSync(join(pkg, "policy_search_bg.wasm")));
  const { Searcher } = await indexerWasm();
  const searcher = new Searcher(core, readFileSync(join(pkg, lexiconName)));
  return {
    /** What `policy-search ARGS…` prints over this folder; throws the command's error. */
    run(args) {
      for (;;) {
        const { out, missing } = searcher.run(args);
        if (!missing.length) return out;
        for (const name of missing) searcher.addFile(name, readFileSync(join(pkg, name)));
      }
    },
  };
}
