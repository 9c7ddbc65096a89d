// Scale benchmark, after a scale's native build: the query lists and the article count.
//
//   node benches/scale/prepare.mjs target/scale/<N>x      (scripts/scale runs it)
//
// Reads, in that folder, clauses.jsonl and docs.jsonl (`policy-search clauses --json`,
// `docs --json` of the scale's build) and source.json (every article of every law in the
// corpus, from make_corpus.py). Writes:
//   sample.json   the first-result sample's hanzi queries, {q, kind: "hanzi"}: 9 two-character
//                 and 9 four-character terms from the seeds' clauses — the seeds are in every
//                 scale and parsed alike, so every scale gets the same ones (page.mjs adds the
//                 other kinds, benches/first-result.mjs);
//   latency.txt   those 18, the seeds' first 文号 and most frequent Latin word, and 500
//                 substrings (1–6 characters) of this scale's clauses, one a line: what the
//                 native bench and the page time;
//   articles.json every article of the source counted against the clauses built (below).
//
// An article counts as a clause when a clause of its law carries its label (第X条 or an
// amendment's 一、, as make_corpus.py wrote it: its own label or in its path; a one-text
// decision when its text is whole); its text is whole when every
// paragraph of it (whitespace aside, its leading （一）/1. marker aside) stands in the law's
// clause texts, read in order; else in a breadcrumb (a heading-only lead kept only in the path)
// or missing. An article with its text whole but no clause of its number is "merged": its text
// sits in another clause. Per law, the count and the first such article are listed.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node benches/scale/prepare.mjs target/scale/<N>x");
const lines = (file) => readFileSync(join(dir, file), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const clauses = lines("clauses.jsonl");
const docs = lines("docs.jsonl");
const source = JSON.parse(readFileSync(join(dir, "source.json"), "utf8"));

// ---- queries -------------------------------------------------------------------------------
let x = 0x9e3779b9; // xorshift: the same queries every run
const rand = (n) => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) % n);
const han = /^\p{Script=Han}+$/u;
const seedDoc = (doc) => !doc.startsWith("law_");
const seedClauses = clauses.filter((c) => seedDoc(c.doc));
const terms = (len, n) => {
  const out = new Set();
  for (let tries = 0; out.size < n && tries < 100_000; tries++) {
    const chars = Array.from(seedClauses[rand(seedClauses.length)].text);
    const at = rand(Math.max(1, chars.length - len + 1));
    const t = chars.slice(at, at + len).join("");
    if (t.length === len && han.test(t)) out.add(t);
  }
  return [...out];
};
const hanzi = [...terms(2, 9), ...terms(4, 9)];
writeFileSync(join(dir, "sample.json"), JSON.stringify(hanzi.map((q) => ({ q, kind: "hanzi" })), null, 1));

// The latency list begins as it always has (so runs compare): the terms, a 文号, a Latin word.
const number = docs.find((d) => seedDoc(d.doc) && d.number)?.number;
const latin = new Map();
for (const c of seedClauses) for (const w of c.text.match(/[A-Za-z]{2,}/g) ?? []) latin.set(w, (latin.get(w) ?? 0) + 1);
const word = [...latin].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
const latency = [...hanzi, number, word].filter(Boolean);
const head = latency.length;
for (let tries = 0; latency.length < head + 500 && tries < 100_000; tries++) {
  const chars = Array.from(clauses[rand(clauses.length)].text);
  const at = rand(chars.length);
  const q = chars.slice(at, at + 1 + rand(6)).join("");
  if (q.trim() && !/["\s]/.test(q) && !q.startsWith("-")) latency.push(q);
}
writeFileSync(join(dir, "latency.txt"), latency.join("\n") + "\n");

// ---- articles against clauses --------------------------------------------------------------
const squeeze = (s) => s.replace(/[\s\u3000]/g, "");
const MARKER = /^(（[一二三四五六七八九十百零〇]+）|[一二三四五六七八九十百零〇]+、|（\d+）|\(\d+\)|\d+[.．、])/;
const byDoc = new Map();
for (const c of clauses) {
  if (!byDoc.has(c.doc)) byDoc.set(c.doc, []);
  byDoc.get(c.doc).push(c);
}
const counts = { articles: 0, clauses: 0, numbered: 0, whole: 0, breadcrumb: 0, missing: 0, merged: 0 };
// Per law, how many articles lack their text (or only their own clause) and the first of them,
// for a person to look at; the laws with most first.
const missing = new Map();
const merged = new Map();
const note = (map, law, a, p) => {
  const entry = map.get(law.doc) ?? { law: `${law.doc} 《${law.title}》`, count: 0, first: `${a.number}: ${p.slice(0, 40)}${p.length > 40 ? "…" : ""}` };
  entry.count++;
  map.set(law.doc, entry);
};
for (const law of source) {
  const own = byDoc.get(law.doc) ?? [];
  counts.clauses += own.length;
  const labels = new Set(own.flatMap((c) => [c.label, ...c.path.map((p) => p.label)]));
  const text = own.map((c) => squeeze(c.text)).join("");
  const crumbs = [...new Set(own.flatMap((c) => c.path.map((p) => squeeze(p.title))))].join("\n");
  for (const a of law.articles) {
    counts.articles++;
    const paragraphs = a.text.split("\n").map((p) => squeeze(p).replace(MARKER, "")).filter(Boolean);
    const lost = paragraphs.filter((p) => !text.includes(p));
    const numbered = a.label === null ? lost.length === 0 : labels.has(a.label);
    if (numbered) counts.numbered++;
    if (lost.length === 0) {
      counts.whole++;
      if (!numbered) {
        counts.merged++; // its text is there, inside another clause
        note(merged, law, a, paragraphs[0] ?? "");
      }
    } else if (lost.every((p) => crumbs.includes(p))) counts.breadcrumb++;
    else {
      counts.missing++;
      note(missing, law, a, lost.find((p) => !crumbs.includes(p)));
    }
  }
}
const ranked = (map) => [...map.values()].sort((a, b) => b.count - a.count).map((e) => `${e.law} ×${e.count}, first ${e.first}`);
counts.missing_laws = missing.size;
counts.merged_laws = merged.size;
writeFileSync(join(dir, "articles.json"), JSON.stringify({ ...counts, missing_by_law: ranked(missing), merged_by_law: ranked(merged) }, null, 1));
console.log(`prepare ${dir}: ${hanzi.length} sample hanzi queries, ${latency.length} latency queries; articles ${JSON.stringify(counts)}`);
for (const m of ranked(missing).slice(0, 5)) console.log(`  text missing: ${m}`);
for (const m of ranked(merged).slice(0, 5)) console.log(`  whole, but no clause of its number: ${m}`);
if (missing.size > 5 || merged.size > 5) console.log(`  (every law in ${join(dir, "articles.json")})`);
