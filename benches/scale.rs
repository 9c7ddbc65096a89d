//! Native query latency for the scale benchmark (`scripts/scale`): times `Engine::search` with
//! the index embedded at build time (build with `POLICY_SEARCH_CORPUS=<dir>` for a scale) over
//! a query list, one query a line, in-process; then the same queries with filters (each
//! query one to three facet values from the browse counts, every fourth newest first).
//!
//! `cargo bench --bench scale -- QUERIES.txt` (scripts/scale builds it once a scale and runs
//! the binary). Prints one JSON line: {"queries", "rounds", "clauses", "p50_us", "p99_us",
//! "mean_us", "faceted_p50_us", "faceted_p99_us"}. Figures, not assertions.

use std::{hint::black_box, time::Instant};

use policy_search::{facets::Day, Engine, Filters, SearchOptions, Sort};

/// Timed passes over the list, after one warm-up pass (which folds the clauses it touches).
const ROUNDS: usize = 5;

fn main() {
    // `cargo bench` passes `--bench`; the query file is the one argument that is not a flag.
    let path = std::env::args().skip(1).find(|a| !a.starts_with("--")).expect("usage: scale QUERIES.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let queries: Vec<&str> = text.lines().filter(|q| !q.trim().is_empty()).collect();
    assert!(!queries.is_empty(), "{path}: no queries");
    let engine = Engine::embedded().expect("embedded index");
    let today = Some(Day(20261123));
    let plain: Vec<(&str, SearchOptions)> =
        queries.iter().map(|q| (*q, SearchOptions { today, ..SearchOptions::default() })).collect();
    let mut times = timed(&engine, &plain);
    // The same queries filtered: values drawn (deterministically) from the browse counts.
    let browse = engine.search("", &SearchOptions { today, ..SearchOptions::default() }).expect("browse");
    let mut n = 0usize;
    let mut next = || {
        n = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        n >> 33
    };
    let faceted: Vec<(&str, SearchOptions)> = queries
        .iter()
        .map(|q| {
            let mut filters = Filters::default();
            for _ in 0..1 + next() % 3 {
                let facet = &browse.facets[next() % browse.facets.len()];
                if let Some(v) = facet.values.get(next() % facet.values.len().max(1)) {
                    filters.values_mut(facet.name).expect("a facet").push(v.value.clone());
                }
            }
            let sort = if next().is_multiple_of(4) { Sort::Newest } else { Sort::Relevance };
            (*q, SearchOptions { filters, sort, today, ..SearchOptions::default() })
        })
        .collect();
    let mut faceted_times = timed(&engine, &faceted);
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let (p50, p99) = percentiles(&mut times);
    let (f50, f99) = percentiles(&mut faceted_times);
    println!(
        "{{\"queries\":{},\"rounds\":{ROUNDS},\"clauses\":{},\"p50_us\":{p50:.1},\"p99_us\":{p99:.1},\"mean_us\":{mean:.1},\"faceted_p50_us\":{f50:.1},\"faceted_p99_us\":{f99:.1}}}",
        queries.len(),
        engine.stats().clauses,
    );
}

/// µs per search over [`ROUNDS`] passes, after one warm-up pass.
fn timed(engine: &Engine<'_>, cases: &[(&str, SearchOptions)]) -> Vec<f64> {
    for (q, options) in cases {
        let _ = black_box(engine.search(q, options));
    }
    let mut times = Vec::with_capacity(ROUNDS * cases.len());
    for _ in 0..ROUNDS {
        for (q, options) in cases {
            let t0 = Instant::now();
            let _ = black_box(engine.search(q, options));
            times.push(t0.elapsed().as_secs_f64() * 1e6);
        }
    }
    times
}

/// p50 and p99.
fn percentiles(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    (at(0.5), at(0.99))
}
