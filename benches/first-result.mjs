// What a visitor receives before the first result of a query, by kind of query (issue 19):
// shared by benches/page.mjs and benches/scale/page.mjs.
//
// One visit: a fresh page (own context, no cache), the query typed into the box (`fill`, all of
// it at once) as soon as the element's `state` is `ready`, and every response the page received
// until the first result showed: a response counts when its resource-timing `responseEnd` is at
// or before that moment (so a fetch started because of the result is never counted before it).
// Each response counts, a file fetched twice twice, unless its body came from the cache (a 304
// revalidation, a memory-cache hit: nothing of it crossed the network); its size is that of its
// body, raw, gzip -9 and brotli q11 (what a server's content-encoding would send).
//
// The first result, by kind:
//   hanzi, natural, pinyin, 文号   the first option of the results list, or the element settled
//                                 with none (its final answer: nothing found);
//   completion                    the first suggestion of the autocomplete popup (suggest.js);
//                                 settled with none, there is none (`found` false).

import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export const KINDS = ["hanzi", "natural", "pinyin", "文号", "completion"];

/** What each kind calls its first result, in the element's shadow root. */
const FIRST = {
  hanzi: "#results [role=option]",
  natural: "#results [role=option]",
  pinyin: "#results [role=option]",
  文号: "#results [role=option]",
  completion: "#suggestions:not([hidden]) [role=option]",
};

/** Queries per kind, at most. */
export const PER_KIND = 8;

/** `n` entries of `list` spread evenly over it, in its order (all of them if it is shorter). */
export const spread = (list, n = PER_KIND) =>
  list.length <= n ? [...list] : Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]);

const json = (file) => JSON.parse(readFileSync(new URL(`../tests/${file}`, import.meta.url), "utf8")).queries;

/**
 * The queries of the public query files, by kind, chosen by rule:
 *   hanzi       dev.json queries of Han characters alone that expect hits (not a `same_as`
 *               spelling of another, not `none`);
 *   natural     natural.json kinds answered only below the exact tier — no-space, synonym,
 *               typo, question: the words as typed are in no clause;
 *   pinyin      dev.json's pinyin queries and natural.json's pinyin-* kinds (mixed included);
 *   completion  candidates: the first two characters of every query of dev.json, then of
 *               natural.json, that starts with three Han characters or more, once each (what a
 *               visitor has typed two characters into); `queriesOf` keeps those the corpus completes.
 * Each list but the candidates spread over PER_KIND entries; 文号 come from the corpus (`docNumbers`).
 */
export function publicQueries() {
  const dev = json("dev.json");
  const natural = json("natural.json");
  const hanzi = dev.filter((d) => /^\p{Script=Han}+$/u.test(d.q) && !d.expect.none && !d.expect.same_as).map((d) => d.q);
  return {
    hanzi: spread(hanzi),
    natural: spread(natural.filter((d) => ["no-space", "synonym", "typo", "question"].includes(d.kind)).map((d) => d.q)),
    pinyin: spread([...dev.filter((d) => d.expect.pinyin).map((d) => d.q), ...natural.filter((d) => d.kind.startsWith("pinyin-")).map((d) => d.q)]),
    completion: [...new Set([...dev, ...natural].filter((d) => /^\p{Script=Han}{3}/u.test(d.q)).map((d) => d.q.slice(0, 2)))],
  };
}

/**
 * Every kind's queries for the build `s` serves: `publicQueries`, with the 文号 of its corpus
 * (`docNumbers` over its documents and clause texts) and the completion candidates it
 * completes (a suggestion other than the text itself, as suggest.js shows), spread — read in a
 * page of their own. A sharded index answers without the files it lacks: those are fetched
 * and the engine asked again. `texts`, the clause texts when the caller has them (the scale
 * benchmark's `clauses.jsonl`), spares the page every text chunk of a large corpus.
 */
export async function queriesOf(s, texts = null) {
  const chosen = publicQueries();
  const { page, context } = await s.open();
  try {
    const found = await page.evaluate(async ([candidates, given]) => {
      // `given`: the caller has the texts; the page reads none.
      const widget = await import("/policy-search.js");
      const { whole } = widget;
      const exact = await widget.engine();
      const docs = exact.docs();
      const texts = given ? [] : await whole(exact, () => docs.flatMap((d) => exact.documentClauses(d.doc).map((c) => c.text)));
      const full = await widget.natural();
      const completed = [];
      for (const q of candidates) {
        if (full && (await whole(full, () => full.suggest(q, 2))).some((x) => x.text !== q)) completed.push(q);
      }
      return { numbers: docs.map((d) => d.number), texts, completed };
    }, [chosen.completion, texts !== null]);
    if (texts) found.texts = texts;
    return { ...chosen, 文号: docNumbers(found.numbers, found.texts), completion: spread(found.completed) };
  } finally {
    await context.close();
  }
}

/**
 * 文号 queries from a corpus: the documents' own numbers (in their order), then the numbers
 * cited in clause texts (in theirs), each once, written another way than the text: ASCII
 * brackets for 〔〕, as a visitor types them. A citation whose 〕 the scraped text lost
 * (國發〔201832號) is read as year + number.
 */
export function docNumbers(numbers, texts) {
  const found = new Map();
  const add = (issuer, year, n, mark) => {
    const key = `${issuer}|${year}|${n}`;
    if (!found.has(key)) found.set(key, `${issuer}[${year}]${n}${mark}`);
  };
  const NUMBER = /(\p{Script=Han}{1,4})〔(\d{4})〕?(\d{1,4})([号號])/gu;
  for (const text of [...numbers.filter(Boolean), ...texts]) {
    for (const m of text.matchAll(NUMBER)) add(m[1], m[2], m[3], m[4]);
  }
  return spread([...found.values()]);
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * p50 / p90 of brotli bytes and requests over the `visits` (of one kind) that found a first
 * result (a completion visit without a suggestion has none), how many did, and what showed.
 */
export function summarise(visits) {
  const found = visits.filter((v) => v.found);
  const sorted = (f) => found.map(f).sort((a, b) => a - b);
  const bytes = sorted((v) => v.bytes.brotli);
  const requests = sorted((v) => v.requests);
  const shown = {};
  for (const v of visits) shown[v.shown ?? "none"] = (shown[v.shown ?? "none"] ?? 0) + 1;
  return {
    queries: visits.length,
    found: found.length,
    bytes: found.length ? { p50: pct(bytes, 0.5), p90: pct(bytes, 0.9), max: bytes.at(-1) } : null,
    requests: found.length ? { p50: pct(requests, 0.5), p90: pct(requests, 0.9) } : null,
    shown,
  };
}

// Sizes by content: the same file comes in every visit, and brotli q11 is slow.
const sizes = new Map();
function sizeOf(body) {
  const key = createHash("sha1").update(body).digest("hex");
  if (!sizes.has(key)) {
    sizes.set(key, {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizes.get(key);
}

const add = (files) => files.reduce((n, f) => ({ raw: n.raw + f.raw, gzip: n.gzip + f.gzip, brotli: n.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/**
 * One visit of `s` (a started harness, tests/browser/harness.mjs) for query `q` of `kind`.
 * Returns `{kind, q, found, shown, bytes, requests, files, repeated, all}`: `shown` is what the
 * first result was (the option's class — exact, partial, document — or "suggestion"; null when
 * the element settled with none, which is a first result, `found`, but for a completion);
 * `bytes` {raw, gzip, brotli} and `requests` sum the responses received by then; `files` lists
 * every response of the visit, `{path, phase, raw, gzip, brotli}`, phase "ready" (received by
 * ready), "typed" (by the first result) or "after"; `repeated` names the paths received more
 * than once by the first result; `all` sums every response once the element settled.
 */
export async function firstResult(s, kind, q) {
  if (!FIRST[kind]) throw new Error(`unknown kind of query: ${kind}`);
  const context = await s.browser.newContext({ locale: "zh-CN" });
  try {
    const page = await context.newPage();
    const received = []; // {path, body: Promise}, in the order the responses came
    page.on("response", (r) => {
      // A body asked for as the page closes is not counted (and not an unhandled rejection).
      if (r.request().method() === "GET" && r.status() === 200) {
        received.push({
          path: new URL(r.url()).pathname,
          body: r.body().catch(() => null),
          // What came over the network: 0 for a response served from the cache (Chromium's
          // favicon after a history entry is revalidated, answered 304, and shown as 200).
          transferred: r.request().sizes().then((s) => s.responseBodySize, () => null),
        });
      }
    });
    await page.addInitScript(() => {
      performance.setResourceTimingBufferSize(100_000); // a sharded index may ask for many files
      document.addEventListener("policy-search-ready", () => (window.__readyAt = performance.now()), { once: true });
    });
    await page.goto(s.url, { waitUntil: "load" });
    await page.waitForFunction(() => document.querySelector("policy-search")?.getAttribute("state") === "ready");
    // The moment the first result is in the DOM: noted by a mutation observer (before the
    // frame that paints it), for the text typed only.
    await page.evaluate(({ q, selector }) => {
      const host = document.querySelector("policy-search");
      const root = host.shadowRoot;
      window.__first = () => {
        if (window.__firstAt !== undefined || root.querySelector("#q").value !== q) return;
        const option = root.querySelector(selector);
        if (!option && !host.settled) return;
        window.__firstAt = performance.now();
        window.__shown = option ? (option.closest("#suggestions") ? "suggestion" : option.className) : null;
      };
      new MutationObserver(window.__first).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    }, { q, selector: FIRST[kind] });
    await page.locator("policy-search").locator("#q").fill(q);
    // `settled` is a property, not a mutation: checked as Playwright polls too (each frame).
    // No time limit: at 1000× a pinyin query's first result can wait for megabytes of files on
    // a loaded machine; the figure is the wait, however long.
    await page.waitForFunction(() => (window.__first(), window.__firstAt !== undefined), null, { timeout: 0 });
    // Resource entries are read once settled: a response still streaming into the wasm
    // compiler at the first result has its responseEnd only when it is done.
    await page.waitForFunction(() => document.querySelector("policy-search").settled, null, { timeout: 0 });
    const timing = await page.evaluate(() => ({
      ready: window.__readyAt,
      first: window.__firstAt,
      shown: window.__shown,
      ends: [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
        .sort((a, b) => a.startTime - b.startTime)
        .map((e) => [new URL(e.name).pathname, e.responseEnd]),
    }));
    // The k-th response of a path is its k-th resource entry (by start): nothing is merged.
    const ends = new Map();
    for (const [path, end] of timing.ends) ends.set(path, [...(ends.get(path) ?? []), end]);
    const bodies = await Promise.all(received.map((f) => f.body));
    const transferred = await Promise.all(received.map((f) => f.transferred));
    const files = [];
    received.forEach((f, i) => {
      const end = ends.get(f.path)?.shift(); // none: resource timing did not see it; not counted before the result
      if (!bodies[i] || transferred[i] === 0) return;
      const phase = end === undefined || end > timing.first ? "after" : end <= timing.ready ? "ready" : "typed";
      files.push({ path: f.path, phase, ...sizeOf(bodies[i]) });
    });
    const before = files.filter((f) => f.phase !== "after");
    const seen = new Map();
    for (const f of before) seen.set(f.path, (seen.get(f.path) ?? 0) + 1);
    return {
      kind,
      q,
      found: kind !== "completion" || timing.shown !== null,
      shown: timing.shown,
      bytes: add(before),
      requests: before.length,
      files,
      repeated: [...seen].filter(([, n]) => n > 1).map(([path, n]) => `${path} ×${n}`),
      all: add(files),
    };
  } finally {
    await context.close();
  }
}
