//! Every entry of `shared/queries/natural.json` (a copy lives in `tests/natural.json`): what
//! people type without spaces, in their own words, with IME slips, in pinyin, as questions,
//! titles and 文号 — with the clause (or document) a correct widget shows.

use policy_search::{Engine, SearchOptions};
use serde_json::Value;

#[path = "natural/check.rs"]
mod natural;
use natural::check;

#[test]
fn every_natural_query_finds_the_right_clause() {
    let engine = Engine::embedded().unwrap();
    let set: Value = serde_json::from_str(include_str!("natural.json")).unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in set["queries"].as_array().unwrap() {
        let kind = entry["kind"].as_str().unwrap();
        checked += 1;
        let q = entry["q"].as_str().unwrap();
        if let Err(why) = check(&engine, q, &entry["expect"]) {
            failures.push(format!("[{kind}] {q}: {why}"));
        }
    }
    assert!(checked >= 48, "only {checked} queries checked");
    assert!(failures.is_empty(), "{} of {checked} fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_homophone_typo_is_corrected_and_can_be_searched_as_typed() {
    let engine = Engine::embedded().unwrap();
    let r = engine.search("众创空见", &SearchOptions::default()).unwrap();
    let c = r.corrected.expect("众创空见 is corrected");
    assert_eq!((c.from.as_str(), c.to.as_str(), c.query.as_str()), ("见", "间", "众创空间"));
    assert!(
        r.total > 0
            && r.hits.iter().all(|h| engine.fold(&h.text).contains("众创空间")
                || h.match_kind != policy_search::results::MatchKind::Exact)
    );
    let as_typed = engine.search("众创空见", &SearchOptions { correct: false, ..SearchOptions::default() }).unwrap();
    assert!(as_typed.corrected.is_none() && as_typed.total == 0);
}

#[test]
fn a_query_with_an_exact_hit_is_never_corrected() {
    let engine = Engine::embedded().unwrap();
    for q in ["众创空间", "人行", "孵化机构", "创业补贴"] {
        let as_typed = engine.search(q, &SearchOptions { correct: false, ..SearchOptions::default() }).unwrap();
        let r = engine.search(q, &SearchOptions::default()).unwrap();
        assert!(as_typed.total > 0 || as_typed.partial > 0, "{q} finds something as typed");
        if as_typed.total > 0 {
            assert!(r.corrected.is_none(), "{q}: {:?}", r.corrected);
        }
    }
}

#[test]
fn synonym_hits_say_which_synonym_and_rank_below_literal_ones() {
    let engine = Engine::embedded().unwrap();
    let r = engine.search("电竞产业", &SearchOptions { limit: 50, ..SearchOptions::default() }).unwrap();
    let hit = r.hits.iter().find(|h| !h.synonyms.is_empty()).expect("a synonym hit");
    assert!(hit.synonyms.iter().any(|s| s.from == "电竞" && s.to == "电子竞技"), "{:?}", hit.synonyms);
    // 补贴 literally before 补助/资助 instead of it.
    let r = engine.search("房租补贴", &SearchOptions { limit: 50, ..SearchOptions::default() }).unwrap();
    let first_synonym = r.hits.iter().position(|h| !h.synonyms.is_empty()).unwrap_or(r.hits.len());
    let last_literal =
        r.hits.iter().rposition(|h| h.synonyms.is_empty() && h.match_kind == policy_search::results::MatchKind::Exact);
    assert!(last_literal.is_none_or(|l| l < first_synonym));
}

#[test]
fn a_zero_width_space_or_chinese_quotes_change_nothing() {
    let engine = Engine::embedded().unwrap();
    let ids = |q: &str| -> Vec<(String, String)> {
        engine
            .search(q, &SearchOptions { limit: 100, ..SearchOptions::default() })
            .unwrap()
            .hits
            .into_iter()
            .map(|h| (h.doc, h.clause))
            .collect()
    };
    assert_eq!(ids("众\u{200B}创空间"), ids("众创空间"));
    assert_eq!(ids("“科技成果转化” 基金"), ids("\"科技成果转化\" 基金"));
    assert_eq!(ids("孵化 －众创空间"), ids("孵化 -众创空间"));
}
