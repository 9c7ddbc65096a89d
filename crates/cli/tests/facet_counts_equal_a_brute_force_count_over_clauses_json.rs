//! Facet counts and filtered hits, checked against a brute force over what `clauses --json`
//! and `docs --json` print: 100 random query × filter × day combinations, each facet value's
//! count recounted by hand from the unfiltered hits, and validity recomputed from the dates.
//! A document's kind (公文种类), 机关代字 and 主题分类 are those `docs --json` gives it; one case in three
//! also keeps a range of days of issue (`--from`, `--to`, either open). One case in eight looks
//! in titles, one in 文号 (`--in`): their documents are found by hand from `docs --json`, folded
//! with the corpus's fold table; one in eight in the clauses' text only (no document hit).

use std::{collections::BTreeMap, process::Command};

use policy_search_normalize::{fold, FoldTable};
use serde_json::Value;

fn run(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_policy-search")).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn lines(args: &[&str]) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_policy-search")).args(args).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// A small deterministic generator (xorshift64*): the same 100 cases on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
}

/// A document's facet values, worked out from `docs --json` alone.
struct Doc {
    title: String,
    number: Option<String>,
    /// The units its clauses name (a document hit's units).
    units: Vec<String>,
    issuer: Vec<String>,
    published: Option<String>,
    year: Option<String>,
    effective: Option<String>,
    expires: Option<String>,
    kind: Option<String>,
    code: Option<String>,
    topic: Option<String>,
}

impl Doc {
    /// Validity on `today`, from the dates (ISO dates compare as strings).
    fn status(&self, today: &str) -> &'static str {
        match (&self.effective, &self.expires) {
            (_, Some(end)) if end.as_str() < today => "expired",
            (Some(start), _) if start.as_str() > today => "pending",
            (Some(_), _) => "current",
            (None, _) => "unknown",
        }
    }
}

const DAYS: [&str; 7] =
    ["2016-01-01", "2018-12-31", "2019-01-01", "2019-10-05", "2024-11-24", "2024-11-25", "2026-11-23"];
const FACETS: [&str; 8] = ["doc", "issuer", "year", "status", "unit", "type", "code", "topic"];

#[test]
fn counts_and_filtered_hits_equal_a_brute_force_count() {
    let clauses = lines(&["clauses", "--json"]);
    let docs: BTreeMap<String, Doc> = lines(&["docs", "--json"])
        .into_iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().map(str::to_string);
            let doc = Doc {
                title: s("title").unwrap(),
                number: s("number"),
                units: Vec::new(),
                issuer: d["issuer"].as_array().unwrap().iter().map(|i| i.as_str().unwrap().to_string()).collect(),
                year: s("published").map(|p| p[..4].to_string()),
                published: s("published"),
                effective: s("effective"),
                expires: s("expires"),
                kind: s("type"),
                code: s("code"),
                topic: s("topic"),
            };
            (s("doc").unwrap(), doc)
        })
        .collect();
    let mut docs = docs;
    for c in &clauses {
        let units = &mut docs.get_mut(c["doc"].as_str().unwrap()).unwrap().units;
        for u in c["unit_values"].as_array().unwrap() {
            let u = u.as_str().unwrap().to_string();
            if !units.contains(&u) {
                units.push(u);
            }
        }
    }
    let docs = docs;
    let by_id: BTreeMap<(String, String), &Value> = clauses
        .iter()
        .map(|c| ((c["doc"].as_str().unwrap().to_string(), c["clause"].as_str().unwrap().to_string()), c))
        .collect();
    // The values a hit (a clause, or a document: `doc` and `unit_values` alone) has for a facet on a day.
    let values = |c: &Value, facet: &str, today: &str| -> Vec<String> {
        let d = &docs[c["doc"].as_str().unwrap()];
        match facet {
            "doc" => vec![c["doc"].as_str().unwrap().to_string()],
            "issuer" => d.issuer.clone(),
            "year" => d.year.iter().cloned().collect(),
            "status" => vec![d.status(today).to_string()],
            "type" => d.kind.iter().cloned().collect(),
            "code" => d.code.iter().cloned().collect(),
            "topic" => d.topic.iter().cloned().collect(),
            _ => c["unit_values"].as_array().unwrap().iter().map(|u| u.as_str().unwrap().to_string()).collect(),
        }
    };

    let mut rng = Rng(0x5eed_f00d_1234_5678);
    let mut checked_values = 0;
    // Title and 文号 cases that found documents: the cases exercise both.
    let mut documents_found = [0, 0];
    for case in 0..100 {
        let today = DAYS[rng.below(DAYS.len())];
        let field = ["title", "number", "body", "all", "all", "all", "all", "all"][rng.below(8)];
        // A query: for a title, 2–4 hanzi of some document's title; for a 文号, a part of some
        // document's (its 机关代字, year or serial) or its 机关代字 and year; otherwise a 1–4
        // character piece of some clause, or (one case in eight) none: browsing.
        let query = if field == "title" {
            let title: Vec<char> = docs.values().nth(rng.below(docs.len())).unwrap().title.chars().collect();
            let at = rng.below(title.len().saturating_sub(2));
            title[at..].iter().take_while(|c| is_han(**c)).take(2 + rng.below(3)).collect::<String>()
        } else if field == "number" {
            let numbers: Vec<&String> = docs.values().filter_map(|d| d.number.as_ref()).collect();
            let parts: Vec<String> = plain(numbers[rng.below(numbers.len())]).split(' ').map(str::to_string).collect();
            match rng.below(3) {
                0 if parts.len() > 1 => format!("{}〔{}〕", parts[0], parts[1]),
                _ => parts[rng.below(parts.len())].clone(),
            }
        } else if rng.below(8) == 0 {
            String::new()
        } else {
            let text: Vec<char> = clauses[rng.below(clauses.len())]["text"].as_str().unwrap().chars().collect();
            let len = 1 + rng.below(4);
            let at = rng.below(text.len().saturating_sub(len));
            // Letters and digits only: a lone quote or dash would parse to no term (browsing) or to
            // an exclusion, which this brute force does not model.
            text[at..(at + len).min(text.len())].iter().filter(|c| c.is_alphanumeric()).collect::<String>()
        };
        // A title or 文号 search lists documents (an empty query browses clauses whatever the field).
        let titled = (field == "title" || field == "number") && !query.is_empty();
        // Filters on 1–3 facets, 1–2 values each, drawn from the values clauses have.
        let mut filters: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for _ in 0..1 + rng.below(3) {
            let facet = FACETS[rng.below(FACETS.len())];
            for _ in 0..1 + rng.below(2) {
                let c = &clauses[rng.below(clauses.len())];
                let vs = values(c, facet, today);
                if !vs.is_empty() {
                    let v = vs[rng.below(vs.len())].clone();
                    let list = filters.entry(facet).or_default();
                    if !list.contains(&v) {
                        list.push(v);
                    }
                }
            }
        }
        // One case in three: a range of days of issue, either end open (ISO dates compare as
        // strings).
        let (from, to) = match rng.below(6) {
            0 => (Some(DAYS[rng.below(DAYS.len())]), None),
            1 => (None, Some(DAYS[rng.below(DAYS.len())])),
            2 => {
                let (a, b) = (DAYS[rng.below(DAYS.len())], DAYS[rng.below(DAYS.len())]);
                (Some(a.min(b)), Some(a.max(b)))
            }
            _ => (None, None),
        };
        let mut args: Vec<String> = vec!["--json".into(), "--today".into(), today.into(), "--in".into(), field.into()];
        for (flag, day) in [("--from", from), ("--to", to)] {
            if let Some(day) = day {
                args.extend([flag.to_string(), day.to_string()]);
            }
        }
        let ranged = from.is_some() || to.is_some();
        let in_range = |c: &Value| {
            let published = docs[c["doc"].as_str().unwrap()].published.as_deref();
            !ranged || published.is_some_and(|p| from.is_none_or(|f| p >= f) && to.is_none_or(|t| p <= t))
        };
        for (f, vs) in &filters {
            for v in vs {
                args.extend(["--filter".to_string(), format!("{f}={v}")]);
            }
        }
        let with = |cmd: &str, extra: &[&str]| {
            let mut a: Vec<&str> = vec![cmd];
            a.extend(args.iter().map(String::as_str));
            a.extend(extra);
            a.extend(["--", query.as_str()]);
            run(&a)
        };
        let label = format!("case {case}: {query:?} in {field} on {today} with {filters:?}, from {from:?} to {to:?}");

        // The hits before filtering: every clause when browsing; a title's or 文号's documents,
        // found here by hand (each as its id and the units of its clauses); else the search's
        // own list of clauses.
        let unfiltered: Vec<Value> = if query.is_empty() {
            clauses.clone()
        } else if titled {
            docs.iter()
                .filter(|(_, d)| {
                    if field == "title" {
                        holds(&fold(&d.title, FoldTable::full()), &fold(&query, FoldTable::full()))
                    } else {
                        d.number.as_deref().is_some_and(|n| holds(&plain(n), &plain(&query)))
                    }
                })
                .map(|(id, d)| serde_json::json!({ "doc": id, "clause": "", "unit_values": d.units }))
                .collect()
        } else {
            let all = run(&["search", "--json", "--today", today, "--in", field, "--limit", "100000", "--", &query]);
            let hits = all["hits"].as_array().unwrap();
            if field == "body" {
                assert!(hits.iter().all(|h| h["kind"] == "clause"), "{label}: a document hit");
            }
            hits.iter()
                .filter(|h| h["kind"] == "clause")
                .map(|h| {
                    by_id[&(h["doc"].as_str().unwrap().to_string(), h["clause"].as_str().unwrap().to_string())].clone()
                })
                .collect()
        };
        let passes = |c: &Value, facet: &str| {
            filters.get(facet).is_none_or(|keep| values(c, facet, today).iter().any(|v| keep.contains(v)))
        };

        // Counts: for each facet, the unfiltered hits passing every other facet, per value.
        let facets = with("facets", &[]);
        for facet in facets.as_array().unwrap() {
            let name = facet["name"].as_str().unwrap();
            let mut expected: BTreeMap<String, usize> = BTreeMap::new();
            for c in
                unfiltered.iter().filter(|c| in_range(c) && FACETS.iter().filter(|f| **f != name).all(|f| passes(c, f)))
            {
                let mut vs = values(c, name, today);
                vs.dedup();
                for v in vs {
                    *expected.entry(v).or_default() += 1;
                }
            }
            let shown: BTreeMap<String, usize> = facet["values"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|v| v["count"].as_u64().unwrap() > 0)
                .map(|v| (v["value"].as_str().unwrap().to_string(), v["count"].as_u64().unwrap() as usize))
                .collect();
            assert_eq!(shown, expected, "{label}: facet {name}");
            checked_values += shown.len();
            for v in facet["values"].as_array().unwrap() {
                let selected = filters.get(name).is_some_and(|k| k.iter().any(|x| x == v["value"].as_str().unwrap()));
                assert_eq!(v["selected"].as_bool().unwrap(), selected, "{label}: {name} {v}");
            }
        }

        // The filtered search lists exactly the unfiltered hits that pass every facet (and
        // nothing for an empty query without a filter: there is nothing to browse by).
        let results = with("search", &["--limit", "100000"]);
        let mut listed: Vec<(String, String)> = results["hits"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["kind"] == if titled { "document" } else { "clause" })
            .map(|h| (h["doc"].as_str().unwrap().to_string(), h["clause"].as_str().unwrap().to_string()))
            .collect();
        let mut expected: Vec<(String, String)> = unfiltered
            .iter()
            .filter(|c| in_range(c) && FACETS.iter().all(|f| passes(c, f)))
            .filter(|_| !(query.is_empty() && filters.is_empty() && !ranged))
            .map(|c| (c["doc"].as_str().unwrap().to_string(), c["clause"].as_str().unwrap().to_string()))
            .collect();
        listed.sort();
        expected.sort();
        if titled && !unfiltered.is_empty() {
            documents_found[usize::from(field == "number")] += 1;
        }
        assert_eq!(listed, expected, "{label}");
        for h in results["hits"].as_array().unwrap() {
            assert_eq!(h["status"].as_str().unwrap(), docs[h["doc"].as_str().unwrap()].status(today), "{label}");
        }
    }
    assert!(checked_values > 300, "the cases counted {checked_values} values");
    assert!(documents_found.iter().all(|&n| n >= 5), "title and 文号 cases that found documents: {documents_found:?}");
}

/// Folded as the index folds, every kind of bracket and 年 read as one space, 第 left out: how
/// a 文号 search reads both sides.
fn plain(text: &str) -> String {
    let folded = fold(text, FoldTable::full());
    let mut out = String::new();
    for c in folded.chars().filter(|&c| c != '第') {
        let space = c.is_whitespace() || "年[]()〔〕［］（）【】〖〗{}".contains(c);
        if !space {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// `needle` occurs in `hay`, a number or Latin word in it never part of a longer one.
fn holds(hay: &str, needle: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    !needle.is_empty()
        && hay.match_indices(needle).any(|(at, _)| {
            let joins_before = word(needle.chars().next()) && word(hay[..at].chars().next_back());
            let joins_after = word(needle.chars().next_back()) && word(hay[at + needle.len()..].chars().next());
            !joins_before && !joins_after
        })
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[test]
fn validity_follows_the_day_of_the_search() {
    let status = |today: &str| -> Vec<String> {
        lines(&["docs", "--json", "--today", today]).iter().map(|d| d["status"].as_str().unwrap().to_string()).collect()
    };
    // 003 (2016~2018年) was in force through 2018-12-31: expired the day after, current on it.
    assert_eq!(status("2018-12-31")[3], "current");
    assert_eq!(status("2019-01-01")[3], "expired", "a document whose last day was yesterday");
    // 004 takes effect on 2024-11-25: pending the day before.
    assert_eq!(status("2024-11-24")[4], "pending");
    assert_eq!(status("2024-11-25")[4], "current");
    // 002 states no date it takes effect.
    assert_eq!(status("2026-11-23")[2], "unknown");
    // Filtering by validity follows the day too.
    let expired = |today: &str| {
        run(&["search", "--json", "--today", today, "--filter", "status=已失效", "--limit", "1000", "--", ""])["hits"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["doc"] == "003_fa3694bf91580ccf")
            .count()
    };
    assert_eq!(expired("2018-12-31"), 0);
    assert!(expired("2019-01-01") > 0);
}

#[test]
fn bad_filters_and_sorts_are_clear_errors() {
    for (args, message) in [
        (vec!["search", "--filter", "colour=red", "x"], "\"colour\" is not a facet"),
        (vec!["search", "--filter", "issuer", "x"], "expected NAME=VALUE"),
        (vec!["search", "--sort", "oldest", "x"], "expected relevance or newest"),
        (vec!["search", "--today", "2026-02-30", "x"], "expected a date YYYY-MM-DD"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_policy-search")).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(message), "{args:?}");
    }
}

#[test]
fn newest_first_orders_exact_hits_by_publication_day() {
    let hits = run(&["search", "--json", "--sort", "newest", "--limit", "1000", "--", "创新"]);
    let published: Vec<String> = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["match"] == "exact")
        .map(|h| h["published"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(published.len() > 10);
    assert!(published.windows(2).all(|w| w[0] >= w[1]), "{published:?}");
}
