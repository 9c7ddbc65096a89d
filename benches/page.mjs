// Page benchmark: what the demo page costs a visitor, measured in Debian's Chromium.
//
//   node benches/page.mjs        (after scripts/setup and scripts/build-web; scripts/bench runs both)
//
// Prints, in one run:
//   1. bytes a visitor receives, per file, raw / gzip -9 / brotli q11: at ready, and up to the
//      first result of a hanzi, a pinyin and a related-only query typed right after ready;
//   2. navigation → element ready (engine downloaded, compiled, index opened), median and p90
//      over fresh page loads;
//   3. per-query latency of the engine in the page (cross-origin isolated, so performance.now()
//      has microsecond resolution), p50 / p99, over the dev queries plus 1 000 substrings sampled
//      from clause texts — and, in the same page, a brute-force scan of the folded clause texts
//      for the same queries, with the ratio.

import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { readFileSync } from "node:fs";
import { start, devQueries } from "../tests/browser/harness.mjs";

const LOADS = 15;
const SAMPLES = 1000;

const s = await start({ isolated: true });
try {
  // ---- 1. bytes ----------------------------------------------------------------------------
  // What a visitor receives: at ready (nothing typed), and before the first result of one query
  // typed right after ready, counting every response the page received until the first hit
  // (or the final answer) shows — speculative fetches included, had there been any.
  const compress = (body) => ({
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
  const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
  const row = (name, raw, gzip, brotli) => console.log(`  ${name.padEnd(44)} ${String(raw).padStart(8)} ${String(gzip).padStart(8)} ${String(brotli).padStart(8)}`);
  /** Loads the page, types `q` after ready, and returns the files received by ready, by the first result, and in all. */
  async function visit(q) {
    const context = await s.browser.newContext();
    const page = await context.newPage();
    const received = []; // {path, body: Promise, phase}
    let phase = "ready";
    page.on("response", (r) => {
      // A body asked for as the page closes is not counted (and not an unhandled rejection).
      if (r.request().method() === "GET" && r.status() === 200) received.push({ path: new URL(r.url()).pathname, body: r.body().catch(() => null), phase });
    });
    await page.goto(s.url, { waitUntil: "load" });
    await page.waitForFunction(() => document.querySelector("policy-search").getAttribute("state") === "ready");
    phase = "typed";
    await page.locator("policy-search").locator("#q").fill(q);
    // The first result: a hit in the list, or the answer settled with none — noted in the page
    // at the frame it is seen, and compared with when each response ended (resource timing), so
    // that a fetch started after it is never counted before it.
    await page.waitForFunction(() => {
      const w = document.querySelector("policy-search");
      const shown = w.shadowRoot.querySelector('[role="option"]') !== null || w.settled;
      if (shown) window.firstResultAt ??= performance.now();
      return shown;
    });
    await page.waitForFunction(() => document.querySelector("policy-search").settled);
    const ended = await page.evaluate(() => {
      const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
      return { first: window.firstResultAt, ends: entries.map((e) => [new URL(e.name).pathname, e.responseEnd]) };
    });
    const endOf = new Map(ended.ends);
    for (const f of received) if (f.phase === "typed" && !(endOf.get(f.path) <= ended.first)) f.phase = "after";
    const bodies = await Promise.all(received.map((f) => f.body));
    const files = received.flatMap((f, i) => (bodies[i] ? [{ path: f.path, phase: f.phase, ...compress(bodies[i]) }] : []));
    await context.close();
    return files;
  }
  const hanzi = await visit("创业");
  console.log("bytes the page receives (one visit, 创业 typed after ready)   raw     gzip   brotli");
  for (const f of hanzi) row(`${f.path} (${f.phase === "after" ? "after the first result" : "before it"})`, f.raw, f.gzip, f.brotli);
  const upTo = (files, phases) => files.filter((f) => phases.includes(f.phase));
  for (const [name, files] of [["创业 (hanzi)", hanzi], ["zxqy (pinyin)", await visit("zxqy")], ["创业补贴 (related)", await visit("创业补贴")]]) {
    const first = upTo(files, ["ready", "typed"]);
    row(`${name}: to the first result`, sum(first, "raw"), sum(first, "gzip"), sum(first, "brotli"));
    row(`${name}: in all, once settled`, sum(files, "raw"), sum(files, "gzip"), sum(files, "brotli"));
  }
  const atReady = upTo(hanzi, ["ready"]);
  row("at ready, nothing typed", sum(atReady, "raw"), sum(atReady, "gzip"), sum(atReady, "brotli"));
  console.log(`  requests to a hanzi query's first result: ${upTo(hanzi, ["ready", "typed"]).length}; budget: ≤ 100 KB brotli (102 400 bytes)`);

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
    const clauses = engine.docs().flatMap((d) => engine.documentClauses(d.doc));
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
    for (const q of all) try { engine.search(q, { limit: 10 }); } catch {} // warm: first use folds clauses
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
} finally {
  await s.close();
}
