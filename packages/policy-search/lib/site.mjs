// The deployable folder written to disk: lib/assemble.mjs's files, from the prebuilt engine
// scripts/build-web put in engine/ (site/ and demo/). Its layout is the one scripts/build-web's
// dist/ has (README, "Embed it"), since build-web writes dist/ with this.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { DEMO, EXACT, siteFiles } from "./assemble.mjs";

const engineDir = fileURLToPath(new URL("../engine/", import.meta.url));

/**
 * Writes the deployable folder `out` for `indexed` (what the indexer's `index` returned), with
 * the demo page when `demo`. `out` must be absent, empty or an earlier output (which is
 * replaced). Returns `{ files, bytes }` written.
 */
export function writeSite(out, indexed, { demo = false } = {}) {
  const site = join(engineDir, "site");
  if (!existsSync(join(site, EXACT))) {
    throw new Error(`${engineDir}: the prebuilt engine is missing (scripts/build-web builds it)`);
  }
  if (existsSync(out) && readdirSync(out).length && !existsSync(join(out, EXACT))) {
    throw new Error(`${out}: not empty, and not a folder this command wrote; choose another --out`);
  }
  const read = (dir, names) => new Map(names.map((name) => [name, readFileSync(join(dir, name))]));
  const files = siteFiles(read(site, filesUnder(site)), indexed, demo ? read(join(engineDir, "demo"), DEMO) : null);
  for (const name of ["pkg", "policy-search.js", ...DEMO]) rmSync(join(out, name), { recursive: true, force: true });
  let bytes = 0;
  for (const [name, data] of files) {
    const path = join(out, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    bytes += data.length;
  }
  return { files: files.length, bytes };
}

/** The files under `dir`, as paths relative to it with `/`, sorted. */
export function filesUnder(dir, prefix = "") {
  return readdirSync(join(dir, prefix)).sort().flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, path)).isDirectory() ? filesUnder(dir, path) : [path];
  });
}
