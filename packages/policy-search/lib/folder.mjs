// A corpus folder read from disk as the indexer takes it: every entry as `{ name, bytes }`,
// by the rules of the native build's `load_dir` (crates/corpus/src/folder.rs), so that the same
// folder gets the same corpus and the same errors.
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, sep } from "node:path";

/**
 * The files of `folder`. A hidden file is handed over empty (the indexer reports it skipped);
 * a subfolder is handed over as `name/`, which the indexer refuses naming it, as the native
 * build does. `onFile(count, bytes)` is called after each file read.
 */
export function readFolder(folder, onFile = () => {}) {
  const root = realpathSync(folder);
  const files = [];
  let bytes = 0;
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (name.startsWith(".")) {
      files.push({ name, bytes: new Uint8Array() });
      continue;
    }
    // A link may not lead out of the folder: the corpus is what the folder holds.
    const target = realpathSync(path);
    if (target !== root && !target.startsWith(root + sep)) {
      throw new Error(`${path}: links to ${target}, outside the corpus folder`);
    }
    if (!statSync(path).isFile()) {
      files.push({ name: `${name}/`, bytes: new Uint8Array() });
      continue;
    }
    const data = readFileSync(path);
    files.push({ name, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
    bytes += data.byteLength;
    onFile(files.length, bytes);
  }
  return files;
}
