//! Benchmark of the engine: prints index sizes (raw / gzip / brotli, per section, against the
//! clause text), and query latency p50 / p99 over the dev queries plus 1 000 sampled
//! substrings, with a brute-force scan of the same clauses as the baseline, in one run.
//!
//! `cargo bench --bench engine` (figures, not assertions: this is not a timed test).

use std::{hint::black_box, io::Write, time::Instant};

use policy_search::{Engine, SearchOptions};
use policy_search_index::keys::occurrences;

fn gzip(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).unwrap();
    out.len()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Prints the five slowest queries of `times` (µs per query, in query order).
fn print_slowest<Q: std::fmt::Debug>(label: &str, times: &[f64], queries: &[Q]) {
    let mut slowest: Vec<(f64, &Q)> = times.iter().copied().zip(queries).collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let names: Vec<String> = slowest.iter().take(5).map(|(t, q)| format!("{q:?} {t:.0} µs")).collect();
    println!("  slowest {label}: {}", names.join(", "));
}

/// Prints p50 / p99 of the engine and of its brute-force baseline, and their ratio.
fn print_latency(title: &str, engine: (&str, &[f64]), brute: (&str, &[f64])) {
    let sorted = |t: &[f64]| {
        let mut t = t.to_vec();
        t.sort_by(f64::total_cmp);
        t
    };
    let (e, b) = (sorted(engine.1), sorted(brute.1));
    println!("{title:<44} p50      p99");
    for (label, t) in [(engine.0, &e), (brute.0, &b)] {
        println!("  {label:<34} {:>7.1}  {:>7.1}", percentile(t, 0.5), percentile(t, 0.99));
    }
    println!(
        "  {:<34} {:>7.1}x {:>7.1}x",
        "speed-up (brute / engine)",
        percentile(&b, 0.5) / percentile(&e, 0.5),
        percentile(&b, 0.99) / percentile(&e, 0.99)
    );
}

#[path = "../tests/natural/check.rs"]
mod natural;
#[path = "../tests/pinyin/words.rs"]
mod pinyin;

/// Deterministic pseudo-random numbers (xorshift), so runs sample the same queries.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

fn main() {
    let engine = Engine::embedded().expect("embedded index");
    let blob = policy_search::EMBEDDED_INDEX;

    // Sizes: each section, the whole blob, and the clause text alone.
    let stats = engine.stats();
    let mut offset = policy_search_index::header::CORE.header_len();
    println!("index sizes (bytes)        raw      gzip    brotli");
    let mut non_text = Vec::new();
    for s in &stats.sections {
        let bytes = &blob[offset..offset + s.bytes];
        offset += s.bytes;
        println!("  {:<20} {:>8}  {:>8}  {:>8}", s.name, s.bytes, gzip(bytes), brotli(bytes));
        if s.name != "clauses" {
            non_text.extend_from_slice(bytes);
        }
    }
    let text: String = engine.clauses().iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join("\n");
    println!("  {:<20} {:>8}  {:>8}  {:>8}", "whole blob", blob.len(), gzip(blob), brotli(blob));
    println!(
        "  {:<20} {:>8}  {:>8}  {:>8}",
        "clause text alone",
        text.len(),
        gzip(text.as_bytes()),
        brotli(text.as_bytes())
    );
    println!(
        "  {:<20} {:>8}  {:>8}  {:>8}   (ratio to text, brotli: {:.2})",
        "sections but clauses",
        non_text.len(),
        gzip(&non_text),
        brotli(&non_text),
        brotli(&non_text) as f64 / brotli(text.as_bytes()) as f64
    );
    println!(
        "  {} keys, {} clauses, {} documents, {} fold entries",
        stats.keys, stats.clauses, stats.docs, stats.fold_entries
    );
    // The lexicon: fetched lazily by the browser, so not on the path of a first result.
    let lexicon = policy_search::EMBEDDED_LEXICON;
    let mut offset = policy_search_index::header::LEXICON.header_len();
    println!("lexicon sizes (bytes, fetched after the engine)");
    for s in stats.lexicon.iter().flat_map(|l| &l.sections) {
        let bytes = &lexicon[offset..offset + s.bytes];
        offset += s.bytes;
        println!("  {:<20} {:>8}  {:>8}  {:>8}", s.name, s.bytes, gzip(bytes), brotli(bytes));
    }
    println!("  {:<20} {:>8}  {:>8}  {:>8}", "whole lexicon", lexicon.len(), gzip(lexicon), brotli(lexicon));

    // Queries: the dev set (minus pinyin) and 1 000 substrings sampled from clauses.
    let dev: serde_json::Value = serde_json::from_str(include_str!("../tests/dev.json")).unwrap();
    let mut queries: Vec<String> = dev["queries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["expect"]["pinyin"].as_bool() != Some(true))
        .map(|q| q["q"].as_str().unwrap().to_string())
        .collect();
    let clauses = engine.clauses();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    while queries.len() < 1_000 + 30 {
        let text: Vec<char> = clauses[rng.next() % clauses.len()].text.chars().collect();
        let start = rng.next() % text.len();
        let len = 1 + rng.next() % 6;
        let q: String = text[start..(start + len).min(text.len())].iter().collect();
        if !q.contains(['"', '\n', ' ']) && !q.starts_with('-') {
            queries.push(q);
        }
    }

    // Warm the folded-text cache once, as a page does on its first query.
    let cold = Instant::now();
    let _ = engine.search("的", &SearchOptions::default());
    println!("\nfirst query (folds every clause it touches): {:.1} µs", cold.elapsed().as_secs_f64() * 1e6);

    let options = SearchOptions { limit: 10, offset: 0, ..Default::default() };
    let engine_times = timed(&queries, 20, |q| {
        black_box(engine.search(black_box(q), &options).ok());
    });
    print_slowest("engine queries", &engine_times, &queries);
    // Baseline: fold the query and scan every clause's folded text, as a library with no index would.
    let folded_clauses: Vec<Vec<char>> = clauses.iter().map(|c| engine.fold(&c.text).chars().collect()).collect();
    let brute_times = timed(&queries, 20, |q| {
        let terms: Vec<Vec<char>> = q.split_whitespace().map(|t| engine.fold(t).chars().collect()).collect();
        let hits = folded_clauses.iter().filter(|c| terms.iter().all(|t| !occurrences(c, t).is_empty())).count();
        black_box(hits);
    });
    print_latency(
        &format!("query latency over {} queries (µs)", queries.len()),
        ("engine (index + verify + rank)", &engine_times),
        ("brute-force scan, no ranking", &brute_times),
    );

    faceted_queries(&engine, &queries, &folded_clauses);
    natural_queries(&engine, &folded_clauses);
    pinyin_queries(&engine);
}

/// The same queries with filters (one to three facets, values drawn from the browse counts)
/// and newest-first on every fourth: the search returns the page and every facet's counts.
/// Baseline: scan every clause for the terms and count every facet by hand.
fn faceted_queries(engine: &Engine<'_>, queries: &[String], folded_clauses: &[Vec<char>]) {
    use policy_search::{facets::Day, Filters, Sort};
    let today = Some(Day(20261123));
    let browse = engine.search("", &SearchOptions { today, ..Default::default() }).unwrap();
    let mut rng = Rng(0x0bad_cafe_f00d_d00d);
    let cases: Vec<(String, Filters, Sort)> = queries
        .iter()
        .map(|q| {
            let mut filters = Filters::default();
            for _ in 0..1 + rng.next() % 3 {
                let facet = &browse.facets[rng.next() % browse.facets.len()];
                if let Some(v) = facet.values.get(rng.next() % facet.values.len().max(1)) {
                    filters.values_mut(facet.name).expect("a facet").push(v.value.clone());
                }
            }
            (q.clone(), filters, if rng.next().is_multiple_of(4) { Sort::Newest } else { Sort::Relevance })
        })
        .collect();
    let times = timed(&cases, 20, |(q, filters, sort)| {
        let options = SearchOptions { filters: filters.clone(), sort: *sort, today, ..Default::default() };
        black_box(engine.search(black_box(q), &options).ok());
    });
    print_slowest("faceted queries", &times, &cases.iter().map(|c| &c.0).collect::<Vec<_>>());
    let clauses = engine.clauses();
    let docs = engine.docs(Day(20261123));
    let doc_of: Vec<usize> = clauses.iter().map(|c| docs.iter().position(|d| d.doc == c.doc).unwrap()).collect();
    let brute = timed(&cases, 20, |(q, filters, _)| {
        let terms: Vec<Vec<char>> = q.split_whitespace().map(|t| engine.fold(t).chars().collect()).collect();
        let mut counts = std::collections::HashMap::<(&str, &str), usize>::new();
        let mut kept = 0;
        for (i, c) in folded_clauses.iter().enumerate() {
            if !terms.iter().all(|t| !occurrences(c, t).is_empty()) {
                continue;
            }
            let d = &docs[doc_of[i]];
            let year = d.published.as_deref().map_or("", |p| &p[..4]);
            let values: [(&str, Vec<&str>); 5] = [
                ("doc", vec![d.doc.as_str()]),
                ("issuer", d.issuer.iter().map(String::as_str).collect()),
                ("year", vec![year]),
                ("status", vec![d.status.as_str()]),
                ("unit", clauses[i].unit_values.iter().map(String::as_str).collect()),
            ];
            let filter = |name: &str| -> &Vec<String> {
                match name {
                    "doc" => &filters.doc,
                    "issuer" => &filters.issuer,
                    "year" => &filters.year,
                    "status" => &filters.status,
                    _ => &filters.unit,
                }
            };
            let passes: Vec<bool> = values
                .iter()
                .map(|(name, vs)| filter(name).is_empty() || vs.iter().any(|v| filter(name).iter().any(|f| f == v)))
                .collect();
            for (f, (name, vs)) in values.iter().enumerate() {
                if passes.iter().enumerate().all(|(g, p)| g == f || *p) {
                    for v in vs {
                        *counts.entry((name, v)).or_default() += 1;
                    }
                }
            }
            kept += usize::from(passes.iter().all(|p| *p));
        }
        black_box((counts.len(), kept));
    });
    print_latency(
        &format!("faceted query latency over {} queries (µs)", cases.len()),
        ("engine (search + filters + counts)", &times),
        ("brute-force scan + counts, no ranking", &brute),
    );
}

/// Times `f` over `queries`: µs per query, in query order.
fn timed<Q>(queries: &[Q], runs: usize, f: impl Fn(&Q)) -> Vec<f64> {
    queries
        .iter()
        .map(|q| {
            let t = Instant::now();
            for _ in 0..runs {
                f(q);
            }
            t.elapsed().as_secs_f64() * 1e6 / runs as f64
        })
        .collect()
}

/// Pinyin queries of every kind, made from 300 sampled corpus words, and completions: p50 /
/// p99 per kind, against a brute-force scan of every clause's pinyin (each character's usual
/// reading, joined) — what a site without an index does with a matcher like pinyin-pro.
fn pinyin_queries(engine: &Engine<'_>) {
    let words = pinyin::words(engine);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let sample: Vec<&(String, Vec<String>)> = (0..300).map(|_| &words[rng.next() % words.len()]).collect();
    let initials = |r: &[String]| r.iter().map(|s| &s[..1]).collect::<String>();
    let kinds: Vec<(&str, Vec<String>)> = vec![
        ("joined", sample.iter().map(|(_, r)| r.concat()).collect()),
        ("spaced", sample.iter().map(|(_, r)| r.join(" ")).collect()),
        ("initials", sample.iter().map(|(_, r)| initials(r)).collect()),
        ("syllables + initials", sample.iter().map(|(_, r)| format!("{}{}", r[0], initials(&r[1..]))).collect()),
        (
            "hanzi + pinyin",
            sample.iter().map(|(w, r)| format!("{}{}", w.chars().next().unwrap(), r[1..].concat())).collect(),
        ),
        ("fuzzy (accent)", sample.iter().map(|(_, r)| pinyin::with_accent(r)).collect()),
    ];
    // The baseline's data: every clause as joined toneless pinyin, computed once.
    let clause_pinyin: Vec<String> = engine
        .clauses()
        .iter()
        .map(|c| {
            engine
                .fold(&c.text)
                .chars()
                .map(|ch| policy_search_lexicon::readings::of_char(ch).into_iter().next().unwrap_or_default())
                .collect()
        })
        .collect();
    let options = SearchOptions::default();
    println!(
        "\npinyin queries from {} sampled words of {} (µs)    p50      p99   brute p50   p99",
        sample.len(),
        words.len()
    );
    for (kind, queries) in &kinds {
        let mut e = timed(queries, 20, |q| {
            black_box(engine.search(black_box(q), &options).ok());
        });
        let mut b = timed(queries, 20, |q| {
            let joined: String = q.chars().filter(char::is_ascii_lowercase).collect();
            black_box(clause_pinyin.iter().filter(|c| c.contains(&joined)).count());
        });
        print_slowest(kind, &e, queries);
        e.sort_by(f64::total_cmp);
        b.sort_by(f64::total_cmp);
        println!(
            "  {kind:<44} {:>7.1}  {:>7.1}  {:>7.1}  {:>7.1}",
            percentile(&e, 0.5),
            percentile(&e, 0.99),
            percentile(&b, 0.5),
            percentile(&b, 0.99)
        );
    }
    // Completions of what is typed so far: a hanzi prefix, a pinyin prefix, initials.
    let prefixes: Vec<String> = sample
        .iter()
        .flat_map(|(w, r)| {
            let first: String = w.chars().take(1).collect();
            [first, format!("{}{}", r[0], &r[1][..1]), initials(r)]
        })
        .collect();
    let mut s = timed(&prefixes, 20, |q| {
        black_box(engine.suggest(black_box(q), 8));
    });
    // Baseline: every word scanned for the hanzi prefix or the reading's prefix, then sorted.
    let mut b = timed(&prefixes, 20, |q| {
        let mut found: Vec<&(String, Vec<String>)> =
            words.iter().filter(|(w, r)| w.starts_with(q.as_str()) || r.concat().starts_with(q.as_str())).collect();
        found.sort_by_key(|(w, _)| w.len());
        black_box(found.len());
    });
    print_slowest("completions", &s, &prefixes);
    s.sort_by(f64::total_cmp);
    b.sort_by(f64::total_cmp);
    println!(
        "  {:<44} {:>7.1}  {:>7.1}  {:>7.1}  {:>7.1}",
        format!("completions ({} prefixes)", prefixes.len()),
        percentile(&s, 0.5),
        percentile(&s, 0.99),
        percentile(&b, 0.5),
        percentile(&b, 0.99)
    );
}

/// The public natural-query set: pass rate by kind; then its latency, and the public law
/// set's, each against a brute-force relaxed tier ([`natural_latency`]).
fn natural_queries(engine: &Engine<'_>, folded_clauses: &[Vec<char>]) {
    let set: serde_json::Value = serde_json::from_str(include_str!("../tests/natural.json")).unwrap();
    let entries = set["queries"].as_array().unwrap();
    let mut by_kind: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for e in entries {
        let kind = e["kind"].as_str().unwrap();
        let ok = natural::check(engine, e["q"].as_str().unwrap(), &e["expect"]).is_ok();
        let slot = by_kind.entry(kind).or_default();
        slot.0 += usize::from(ok);
        slot.1 += 1;
    }
    println!("\nnatural.json pass rate by kind");
    for (kind, (pass, all)) in &by_kind {
        println!("  {kind:<18} {pass:>3}/{all}");
    }
    let (pass, all) = by_kind.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!("  {:<18} {pass:>3}/{all}", "all");

    let queries: Vec<&str> = entries.iter().map(|e| e["q"].as_str().unwrap()).collect();
    natural_latency("natural-query", engine, folded_clauses, &queries);
    // The public law set (a copy of shared/queries/laws.json): its queries are scored on the
    // 10× corpus (POLICY_SEARCH_CORPUS), where they find their laws; on any corpus they time
    // the same tiers.
    let laws: serde_json::Value = serde_json::from_str(include_str!("../tests/laws.json")).unwrap();
    let laws: Vec<&str> = laws["queries"].as_array().unwrap().iter().map(|e| e["q"].as_str().unwrap()).collect();
    natural_latency("law-query", engine, folded_clauses, &laws);
}

/// Latency of the whole search for `queries` (every tier, corrections included) against a
/// brute-force relaxed tier (every clause scanned for every piece and synonym) in the same run.
fn natural_latency(name: &str, engine: &Engine<'_>, folded_clauses: &[Vec<char>], queries: &[&str]) {
    let options = SearchOptions::default();
    let mut engine_times = Vec::new();
    let mut brute_times = Vec::new();
    for q in queries {
        let runs = 50;
        let t = Instant::now();
        for _ in 0..runs {
            black_box(engine.search(black_box(q), &options).ok());
        }
        engine_times.push(t.elapsed().as_secs_f64() * 1e6 / runs as f64);
        let query = policy_search::query::parse(q, |c| engine.fold_char(c)).unwrap();
        let pieces = engine.pieces(&query, Vec::new());
        let t = Instant::now();
        for _ in 0..runs {
            let covered = folded_clauses
                .iter()
                .filter(|c| {
                    let held: f32 = pieces
                        .iter()
                        .filter(|p| {
                            std::iter::once(&p.text)
                                .chain(&p.synonyms)
                                .any(|f| !occurrences(c, &f.chars().collect::<Vec<_>>()).is_empty())
                        })
                        .map(|p| p.weight)
                        .sum();
                    held >= 0.6 * pieces.iter().map(|p| p.weight).sum::<f32>()
                })
                .count();
            black_box(covered);
        }
        brute_times.push(t.elapsed().as_secs_f64() * 1e6 / runs as f64);
    }
    print_slowest(&format!("{name} queries"), &engine_times, queries);
    print_latency(
        &format!("{name} latency over {} queries (µs)", queries.len()),
        ("engine (all tiers, corrections)", &engine_times),
        ("brute-force relaxed scan", &brute_times),
    );
}
