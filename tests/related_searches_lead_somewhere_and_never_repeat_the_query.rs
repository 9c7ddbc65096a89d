//! Every public query (tests/dev.json, tests/natural.json) on the seeds: its related searches
//! (the natural engine's, on the first page of 10 the widget shows) are at most eight, distinct,
//! never the query itself, and each finds something — they are made of words the page's
//! clauses hold. A later page offers none.

use policy_search::{query::natural::related::MAX_RELATED, Engine, SearchOptions};
use serde_json::Value;

fn queries() -> Vec<String> {
    ["tests/dev.json", "tests/natural.json"]
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{f}: {e}"));
            let json: Value = serde_json::from_str(&text).expect("JSON");
            json["queries"]
                .as_array()
                .expect("queries")
                .iter()
                .map(|q| q["q"].as_str().expect("q").to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn related_searches_lead_somewhere_and_never_repeat_the_query() {
    let engine = Engine::embedded().expect("the embedded index opens");
    let first_page = SearchOptions { limit: 10, ..SearchOptions::default() };
    let mut offered = 0;
    for q in queries() {
        let results = engine.search(&q, &first_page).expect("a public query is valid");
        let related = &results.related;
        assert!(related.len() <= MAX_RELATED, "{q}: {related:?}");
        let mut distinct = related.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), related.len(), "{q}: {related:?}");
        for r in related {
            assert_ne!(r.trim(), q.trim(), "{q}");
            let found = engine.search(r, &SearchOptions { limit: 1, ..SearchOptions::default() }).expect("valid");
            assert!(!found.hits.is_empty(), "{q} → {r} finds nothing");
        }
        offered += usize::from(!related.is_empty());
        let later = SearchOptions { offset: 10, ..first_page.clone() };
        assert!(engine.search(&q, &later).expect("valid").related.is_empty(), "{q}: the first page only");
    }
    // A query with hits on the seeds has related searches (the none-kind queries have no hits).
    assert!(offered * 10 >= queries().len() * 8, "{offered} of {} queries offer related searches", queries().len());
}
