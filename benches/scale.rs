//! Native query latency for the scale benchmark (`scripts/scale`): times `Engine::search` with
//! the index embedded at build time (build with `POLICY_SEARCH_CORPUS=<dir>` for a scale) over
//! a query list, one query a line, in-process.
//!
//! `cargo bench --bench scale -- QUERIES.txt` (scripts/scale builds it once a scale and runs
//! the binary). Prints one JSON line: {"queries", "rounds", "clauses", "p50_us", "p99_us",
//! "mean_us"}. Figures, not assertions.

use std::{hint::black_box, time::Instant};

use policy_search::{Engine, SearchOptions};

/// Timed passes over the list, after one warm-up pass (which folds the clauses it touches).
const ROUNDS: usize = 5;

fn main() {
    // `cargo bench` passes `--bench`; the query file is the one argument that is not a flag.
    let path = std::env::args().skip(1).find(|a| !a.starts_with("--")).expect("usage: scale QUERIES.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let queries: Vec<&str> = text.lines().filter(|q| !q.trim().is_empty()).collect();
    assert!(!queries.is_empty(), "{path}: no queries");
    let engine = Engine::embedded().expect("embedded index");
    let options = SearchOptions::default();
    for q in &queries {
        let _ = black_box(engine.search(q, &options));
    }
    let mut times = Vec::with_capacity(ROUNDS * queries.len());
    for _ in 0..ROUNDS {
        for q in &queries {
            let t0 = Instant::now();
            let _ = black_box(engine.search(q, &options));
            times.push(t0.elapsed().as_secs_f64() * 1e6);
        }
    }
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "{{\"queries\":{},\"rounds\":{ROUNDS},\"clauses\":{},\"p50_us\":{:.1},\"p99_us\":{:.1},\"mean_us\":{mean:.1}}}",
        queries.len(),
        engine.stats().clauses,
        at(0.5),
        at(0.99)
    );
}
