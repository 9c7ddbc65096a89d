// The element's session with the engine: every call it makes to the wasm goes through here.
// It holds the engine in use (the exact one, then the natural one when that takes over), the
// documents' metadata, and the engine's own limits (`limits()`: the JS repeats none of them);
// and it makes a sharded index's answers whole: a call that lacked shard files is not shown,
// the files are fetched and added, and the caller's step runs again (`lacking`).

import { natural, missing, addFiles } from "./engine.js";

/** Example queries offered when nothing is found. */
const EXAMPLES = 6;

const idle = (fn) => (window.requestIdleCallback ?? ((f) => setTimeout(f, 50)))(fn);

export class Session {
  /**
   * Given `today`, the day validity is judged on ("YYYY-MM-DD"; anything else means today in
   * China). Calls back `waiting()` when a step's calls lacked shard files, which are being fetched
   * (the element says it is loading), `failed(kind, retry)` when they could not be added and the
   * visitor still waits for that step (`kind`: a key of `strings().errors.files`; `retry()` runs
   * the step again, fetching anew), and `tookOver(ok)` once the natural engine asked for by
   * `takeOver()` took over (`ok`) or could not load: either way the session is final.
   */
  constructor(today, callbacks) {
    Object.assign(this, callbacks);
    this.today = /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : undefined;
    this.engine = null;
    this.docs = new Map(); // doc id → its metadata (engine.docs)
    this.asTyped = null; // a query to search as typed, without its correction (仍然搜索)
    this.fetching = 0; // steps (and completions) waiting for shard files
    this.wanted = null; // the natural engine was asked for: the promise of takeOver()
    this.final = false; // the natural engine has taken over, or never will
  }

  /**
   * The exact engine has arrived: reads the documents (a `today` it refuses means today), its
   * stats and limits, and folds every clause while the visitor reads, so the first search is as
   * fast as the rest.
   */
  start(engine) {
    this.engine = engine;
    let docs;
    try {
      docs = engine.docs(this.today);
    } catch {
      this.today = undefined; // not a day the engine reads: judged on today
      docs = engine.docs();
    }
    for (const d of docs) this.docs.set(d.doc, d);
    // An interpretation's hits say which policy it explains (render.option).
    for (const d of docs) d.explains = d.interprets.map((id) => this.docs.get(id)?.title).filter(Boolean);
    this.stats = engine.stats();
    /** The portal's popular searches (its manifest's), shown before anything is typed. */
    this.popular = engine.popular();
    /** `{max_query_chars, max_terms, max_limit}`: the longest query, most terms, largest page. */
    this.limits = engine.limits();
    idle(() => engine.prepare());
  }

  /**
   * Asks for the natural engine (once; the element asks after a query's first result): it and
   * the lexicon are fetched, take over — from then on calls go to it, with every tier — and
   * `tookOver` is called, once `also` (a part that comes with it) has settled too. Until asked,
   * `wanted` is null and nothing of them is fetched.
   */
  takeOver(also = Promise.resolve()) {
    this.wanted ??= Promise.all([natural(), also.catch(() => null)]).then(([full]) => {
      if (full) {
        this.engine = full;
        idle(() => full.prepare());
      }
      this.final = true;
      this.tookOver(full !== null);
    });
  }

  /**
   * True when the engine calls just made lacked shard files (a sharded index answers without
   * them): they are fetched, then `again()` — the caller's whole step, reading the state of
   * that moment — runs if `still()` holds: the visitor may have moved on, and that retry is
   * dropped. Until then the step shows nothing, so nothing incomplete is ever rendered.
   */
  lacking(again, still) {
    const engine = this.engine;
    const names = missing(engine);
    if (!names.length) return false;
    // Each round adds files (addFiles refuses to ask twice); a correction or a pinyin reading
    // may name more keys, each round as many as it finds.
    this.waiting();
    this.fetching += 1;
    addFiles(engine, names).then(
      // Also when the natural engine has taken over meanwhile: it asks for its own copy.
      () => { if (still()) again(); },
      (error) => { if (still()) this.failed(error?.kind ?? "network", () => { if (still()) again(); }); },
    ).finally(() => { this.fetching -= 1; });
    return true;
  }

  /**
   * True when a part of the element that is loaded when first used (`part`, from parts.js) is
   * not here yet: it is fetched, then `again()` runs if `still()` holds, as for `lacking`; a
   * failure offers the same retry.
   */
  loadingPart(part, again, still) {
    if (part.loaded) return false;
    this.waiting();
    this.fetching += 1;
    part.load().then(
      () => { if (still()) again(); },
      () => { if (still()) this.failed("network", () => { if (still()) again(); }); },
    ).finally(() => { this.fetching -= 1; });
    return true;
  }

  /** Whether searches may correct the query (not while the visitor asked for it as typed). */
  get correct() {
    return this.asTyped === null;
  }

  /**
   * engine.search of `q` on the session's day, corrected unless asked as typed; throws the
   * engine's error for a query it refuses.
   */
  search(q, options) {
    return this.engine.search(q, { correct: this.correct, ...options, today: this.today });
  }

  /** How many hits `term` alone has with `options` (0 for a term the engine refuses). */
  countOf(term, options) {
    try {
      const r = this.search(term, { ...options, limit: 0, offset: 0 });
      return r.total + r.partial + r.documents + (r.pinyin_hits ?? 0);
    } catch {
      return 0;
    }
  }

  /** Example queries that find something in this corpus (asked once). */
  examples() {
    return (this.exampleQueries ??= this.engine.examples(EXAMPLES));
  }

  /**
   * The engine's completions of `text` ([] until the engine has them: lexicon, or an older
   * build). When the call lacked lexicon shard files (a sharded lexicon answers without them),
   * it offers nothing yet: they are fetched and `again()` runs if `still()` holds — the retry of
   * `lacking`, without the loading state (the results are not waiting for completions).
   */
  suggest(text, n, again = () => {}, still = () => false) {
    if (typeof this.engine?.suggest !== "function") return [];
    const engine = this.engine;
    let found;
    try {
      found = engine.suggest(text, n);
    } catch {
      return [];
    }
    const names = missing(engine);
    if (!names.length) return found;
    // Counted as a step waiting for files, so that `settled` waits for the completions too.
    this.fetching += 1;
    addFiles(engine, names).then(() => { if (still()) again(); }, () => {})
      .finally(() => { this.fetching -= 1; });
    return [];
  }

  /** `{record, section}`: clause `clause` of `doc` (null if none) and the clauses under its headings. */
  clauseInSection(doc, clause) {
    const record = this.engine.clause(doc, clause);
    const samePath = (c) => JSON.stringify(c.path) === JSON.stringify(record.path);
    return { record, section: record ? this.engine.documentClauses(doc).filter(samePath) : [] };
  }

  /** Every clause of `doc` in order ([] for a document the index does not have). */
  documentClauses(doc) {
    return this.docs.has(doc) ? this.engine.documentClauses(doc) : [];
  }

  /**
   * The highlights of `q` in the clauses of `doc` (clause id → ranges): every hit of a search
   * limited to that document, page after page, so a document of any length is marked whole.
   * `clauses`: the document's number of clauses, if known.
   */
  highlights(q, doc, clauses = Infinity) {
    const found = new Map();
    if (!q.trim() || !clauses) return found;
    // Its clauses and its own hit: one page, unless the engine's largest page is smaller.
    const size = Math.min(clauses + 1, this.limits.max_limit);
    try {
      for (let offset = 0, more = true; more; offset += size) {
        const { hits } = this.search(q, { limit: size, offset, filters: { doc: [doc] } });
        // An engine without `filters` answers for every document: the doc test keeps this one's.
        // A clause found through its headings alone has nothing to mark.
        for (const hit of hits) {
          if (hit.kind === "clause" && hit.doc === doc && hit.highlights.length && !found.has(hit.clause)) found.set(hit.clause, hit.highlights);
        }
        more = hits.length === size;
      }
    } catch {
      /* a query the engine refuses highlights nothing; the results say why */
    }
    return found;
  }

  /** The highlights of `q` in one clause (none when the query does not find it). */
  highlightsOf(q, doc, clause) {
    if (!q.trim()) return [];
    try {
      // hitOf where the module has it (any that reads shard files): one clause's text, not every
      // hit's of its document.
      if (typeof this.engine.hitOf === "function") return this.engine.hitOf(q, doc, clause, { correct: this.correct })?.highlights ?? [];
    } catch {
      return [];
    }
    return this.highlights(q, doc).get(clause) ?? [];
  }
}
