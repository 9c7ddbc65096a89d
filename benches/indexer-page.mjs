// How long the drag-and-drop indexing page (target/indexer-page/, built by scripts/build-web)
// takes to index folders in Chromium, and its peak wasm memory: each folder picked with the
// page's folder input, timed from the pick to the report (reading the files, indexing in the
// worker, assembling the deployable folder), over fresh pages.
//   node benches/indexer-page.mjs [--runs N] FOLDER...   (default: seeds/, 3 runs)
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { start } from "../tests/browser/harness.mjs";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const folders = args.length ? args : ["seeds"];
const target = process.env.CARGO_TARGET_DIR ?? "target";

const s = await start({ mounts: { "/indexer/": join(target, "indexer-page") } });
try {
  for (const folder of folders) {
    const names = readdirSync(folder);
    const bytes = names.reduce((n, name) => n + statSync(join(folder, name)).size, 0);
    const seconds = [];
    let memory = 0;
    for (let run = 0; run < runs; run++) {
      const { page, context } = await s.open("indexer/", { wait: false });
      await page.waitForSelector("body[data-state=ready]");
      const t0 = Date.now();
      await page.setInputFiles("#folder", folder);
      await page.waitForSelector("body[data-state=indexed], body[data-state=failed]", { timeout: 600_000 });
      seconds.push((Date.now() - t0) / 1000);
      memory = Number(await page.getAttribute("body", "data-wasm-memory"));
      await context.close();
    }
    seconds.sort((a, b) => a - b);
    console.log(
      `${folder}: ${names.length} files, ${(bytes / 1e6).toFixed(1)} MB: ` +
        `median ${seconds[Math.floor(seconds.length / 2)].toFixed(2)} s (runs ${seconds.map((x) => x.toFixed(2)).join(", ")}), ` +
        `wasm memory ${(memory / 2 ** 20).toFixed(0)} MiB`,
    );
  }
} finally {
  await s.close();
}
