// Page benchmark: what the demo page costs a visitor, measured in Debian's Chromium.
//
//   node benches/page.mjs [--bytes]   (after scripts/setup and scripts/build-web; scripts/bench
//                                     runs both; --bytes prints part 1 alone)
//
// Prints, in one run:
//   1. bytes a visitor receives before the first result, by kind of query (benches/first-result.mjs:
//      hanzi, natural, pinyin, 文号, completion), each query typed right after ready in a fresh
//      page: brotli q11 KB and requests, p50 / p90 over that kind's queries; and per file,
//      raw / gzip -9 / brotli q11, for the first hanzi query's visit, with what stood at ready;
//   2. navigation → element ready (engine downloaded, compiled, index opened), median and p90
//      over fresh page loads;
//   3. per-query latency of the engine in the page (cross-origin isolated, so performance.now()
//      has microsecond resolution), p50 / p99, over the dev queries plus 1 000 substrings sampled
//      from clause texts — and, in the same page, a brute-force scan of the folded clause texts
//      for the same queries, with the ratio.

import { readFileSync } from "node:fs";
import { start, devQueries } from "../tests/browser/harness.mjs";
import { KINDS, queriesOf, firstResult, summarise } from "./first-result.mjs";

const LOADS = 15;
// `--bytes`: part 1 only.
const BYTES_ONLY = process.argv.includes("--bytes");
const SAMPLES = 1000;

const s = await start({ isolated: true });
try {
  // ---- 1. bytes to the first result, per kind of query -------------------------------------
  // The queries: the public query files' by rule, with the built corpus's 文号 and completions.
  const chosen = await queriesOf(s);
  const visits = {};
  for (const kind of KINDS) {
    visits[kind] = [];
    for (const q of chosen[kind]) visits[kind].push(await firstResult(s, kind, q));
  }

  const KB = (n) => (n / 1024).toFixed(1);
  const row = (name, { raw, gzip, brotli }) => console.log(`  ${name.padEnd(44)} ${String(raw).padStart(8)} ${String(gzip).padStart(8)} ${String(brotli).padStart(8)}`);
  const sum = (files) => files.reduce((n, f) => ({ raw: n.raw + f.raw, gzip: n.gzip + f.gzip, brotli: n.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const hanzi = visits.hanzi[0];
  console.log(`bytes the page receives (one visit, ${hanzi.q} typed after ready)`.padEnd(47) + "     raw     gzip   brotli");
  const when = { ready: "by ready", typed: "before the first result", after: "after it" };
  for (const f of hanzi.files) row(`${f.path} (${when[f.phase]})`, f);
  row("at ready, nothing typed", sum(hanzi.files.filter((f) => f.phase === "ready")));
  row(`${hanzi.q}: to the first result`, hanzi.bytes);
  row(`${hanzi.q}: in all, once settled`, hanzi.all);

  console.log("\nfirst result by kind of query, typed right after ready, a fresh page each (brotli q11, every response counted):");
  console.log(`  ${"kind".padEnd(11)} found   KB p50 / p90     requests p50 / p90   first shown`);
  for (const kind of KINDS) {
    const k = summarise(visits[kind]);
    const shown = Object.entries(k.shown).map(([what, n]) => `${what} ${n}`).join(", ");
    const figures = k.bytes ? `${`${KB(k.bytes.p50)} / ${KB(k.bytes.p90)}`.padEnd(16)} ${`${k.requests.p50} / ${k.requests.p90}`.padEnd(20)}` : "—".padEnd(37);
    console.log(`  ${kind.padEnd(11)} ${`${k.found}/${k.queries}`.padStart(5)}   ${figures} ${shown}`);
  }
  const largest = visits.hanzi.reduce((a, v) => (v.bytes.brotli > a.bytes.brotli ? v : a));
  console.log(`  budget: ≤ 100 KB brotli (102 400 bytes) to a hanzi query's first result; the largest, ${largest.q}: ${largest.bytes.brotli} bytes, ${largest.bytes.brotli <= 102_400 ? "within" : "OVER"} it`);
  console.log("  per query: KB brotli to the first result, requests, what showed first:");
  for (const kind of KINDS) {
    console.log(`    ${kind.padEnd(11)} ${visits[kind].map((v) => `${v.q} ${KB(v.bytes.brotli)} KB ${v.requests} ${v.shown ?? "none"}`).join("; ")}`);
  }
  // A file received more than once before a first result: how often, over every visit.
  const repeated = new Map();
  for (const v of KINDS.flatMap((kind) => visits[kind])) for (const r of v.repeated) repeated.set(r, (repeated.get(r) ?? 0) + 1);
  const count = KINDS.reduce((n, kind) => n + visits[kind].length, 0);
  for (const [what, n] of repeated) console.log(`  received more than once before the first result: ${what} in ${n} of ${count} visits`);

  if (!BYTES_ONLY) {
    // ---- 2. navigation → ready ---------------------------------------------------------------
    const readyTimes = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await s.browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() =>
        document.addEventListener("policy-search-ready", () => (window.__readyAt = performance.now()), { once: true }));
      await page.goto(s.url);
      await page.waitForFunction(() => window.__readyAt !== undefined);
      readyTimes.push(await page.evaluate(() => window.__readyAt));
      await context.close();
    }
    readyTimes.sort((a, b) => a - b);
    console.log(`\nnavigation → ready over ${LOADS} fresh loads (localhost, no cache): median ${readyTimes[LOADS >> 1].toFixed(1)} ms, p90 ${readyTimes[Math.floor(LOADS * 0.9)].toFixed(1)} ms, min ${readyTimes[0].toFixed(1)} ms`);

    // ---- 3. per-query latency vs brute force -------------------------------------------------
    const latency = await s.open();
    await latency.page.waitForFunction(() => document.querySelector("policy-search").settled); // lexicon attached
    const queries = devQueries().filter((d) => !d.expect.pinyin).map((d) => d.q);
    const natural = JSON.parse(readFileSync(new URL("../tests/natural.json", import.meta.url), "utf8")).queries.map((e) => e.q);
    const figures = await latency.page.evaluate(async ({ queries, samples, natural }) => {
      // The engine the widget searches with once loaded: the natural one.
      const widget = await import("/policy-search.js");
      const engine = (await widget.natural()) ?? (await widget.engine());
      // Every shard file the queries need is fetched first (the "cached shard set" case).
      const clauses = await widget.whole(engine, () => engine.docs().flatMap((d) => engine.documentClauses(d.doc)));
      // Deterministic sample: substrings of 1–11 characters of random clauses (xorshift PRNG).
      let x = 0x9e3779b9;
      const rand = (n) => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) % n);
      const all = [...queries];
      while (all.length < queries.length + samples) {
        const chars = Array.from(clauses[rand(clauses.length)].text);
        const at = rand(chars.length);
        const q = chars.slice(at, at + 1 + rand(11)).join("").replace(/["\s-]/g, "");
        if (q) all.push(q);
      }
      const folded = clauses.map((c) => engine.fold(c.text));
      const brute = (q) => {
        const terms = engine.fold(q).split(/\s+/).filter(Boolean);
        let n = 0;
        for (const text of folded) if (terms.every((t) => text.includes(t))) n++;
        return n;
      };
      const time = (fn) => {
        const ms = [];
        for (const q of all) {
          const t0 = performance.now();
          try {
            fn(q);
          } catch {
            /* error answers count too */
          }
          ms.push(performance.now() - t0);
        }
        return ms.sort((a, b) => a - b);
      };
      for (const q of [...all, ...natural]) { // warm: first use folds clauses; a sharded index fetches its files
        try { await widget.whole(engine, () => engine.search(q, { limit: 10 })); } catch {}
      }
      const engineMs = time((q) => engine.search(q, { limit: 10 }));
      const bruteMs = time(brute);
      const pct = (ms, p) => ms[Math.min(ms.length - 1, Math.floor(ms.length * p))];
      const batch = (fn) => {
        const t0 = performance.now();
        for (let r = 0; r < 5; r++) for (const q of all) try { fn(q); } catch {}
        return ((performance.now() - t0) / (5 * all.length)) * 1000;
      };
      const naturalMs = [];
      for (let r = 0; r < 20; r++) {
        for (const q of natural) {
          const t0 = performance.now();
          engine.search(q, { limit: 10 });
          naturalMs.push(performance.now() - t0);
        }
      }
      naturalMs.sort((a, b) => a - b);
      return {
        natural: { count: natural.length, p50: pct(naturalMs, 0.5) * 1000, p99: pct(naturalMs, 0.99) * 1000 },
        isolated: crossOriginIsolated,
        count: all.length,
        engine: { p50: pct(engineMs, 0.5) * 1000, p99: pct(engineMs, 0.99) * 1000, mean: batch((q) => engine.search(q, { limit: 10 })) },
        brute: { p50: pct(bruteMs, 0.5) * 1000, p99: pct(bruteMs, 0.99) * 1000, mean: batch(brute) },
      };
    }, { queries, samples: SAMPLES, natural });
    const us = (v) => `${v.toFixed(0)} µs`;
    console.log(`\nquery latency in Chromium over ${figures.count} queries (cross-origin isolated: ${figures.isolated}), search with limit 10, results as JS objects:`);
    console.log(`  engine       p50 ${us(figures.engine.p50)}  p99 ${us(figures.engine.p99)}  mean ${us(figures.engine.mean)}`);
    console.log(`  brute force  p50 ${us(figures.brute.p50)}  p99 ${us(figures.brute.p99)}  mean ${us(figures.brute.mean)}  (String.includes over pre-folded texts, no ranking)`);
    console.log(`  engine is ${(figures.brute.p50 / figures.engine.p50).toFixed(1)}× brute force at p50, ${(figures.brute.p99 / figures.engine.p99).toFixed(1)}× at p99`);
    console.log(`natural.json (${figures.natural.count} queries × 20, every tier and corrections): p50 ${us(figures.natural.p50)}  p99 ${us(figures.natural.p99)}  (aim: p99 ≤ 2 ms)`);
    await latency.context.close();
  }
} finally {
  await s.close();
}
