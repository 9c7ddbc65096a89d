//! Every development query of `shared/queries/dev.json` (a copy lives in `tests/dev.json`),
//! run through the engine with what a correct widget shows.

use policy_search::{results::MatchKind, Engine, SearchOptions};
use serde_json::Value;

fn engine() -> Engine<'static> {
    Engine::embedded().expect("the embedded index opens")
}

/// The exact hits of `q` (the tier dev.json describes), checking that they come first and that
/// `total` counts them.
fn all(engine: &Engine<'_>, q: &str) -> Result<Vec<(String, String, String)>, String> {
    let r = engine
        .search(q, &SearchOptions { limit: 10_000, offset: 0, ..Default::default() })
        .map_err(|e| e.to_string())?;
    assert_eq!(r.hits.len(), r.documents + r.total + r.partial + r.pinyin_hits, "{q:?}: every hit is returned");
    let exact = &r.hits[r.documents..r.documents + r.total];
    assert!(exact.iter().all(|h| h.match_kind == MatchKind::Exact), "{q:?}: exact hits come before partial ones");
    Ok(exact.iter().map(|h| (h.doc.clone(), h.clause.clone(), h.text.clone())).collect())
}

/// Every hit of `q`, of any tier.
fn count_all(engine: &Engine<'_>, q: &str) -> usize {
    engine.search(q, &SearchOptions { limit: 10_000, ..Default::default() }).map_or(0, |r| r.hits.len())
}

#[test]
fn dev_queries_show_what_a_correct_widget_shows() {
    let engine = engine();
    let dev: Value = serde_json::from_str(include_str!("dev.json")).unwrap();
    let mut checked = 0;
    for entry in dev["queries"].as_array().unwrap() {
        let q = entry["q"].as_str().unwrap();
        let expect = &entry["expect"];
        checked += 1;
        if expect["pinyin"].as_bool() == Some(true) {
            // Found through a reading of the letters, labelled with the hanzi it read.
            let r = engine.search(q, &SearchOptions::default()).unwrap();
            let first = r.hits.first().unwrap_or_else(|| panic!("{q:?}: no hits"));
            assert!(first.reading.is_some(), "{q:?}: the first hit is a pinyin hit");
            let text = engine.fold(&first.text);
            let top = expect["top1"].as_array().unwrap();
            assert!(top.iter().any(|s| text.contains(s.as_str().unwrap())), "{q:?}: top hit is {text}");
            continue;
        }
        let hits = all(&engine, q);
        if expect["no_error"].as_bool() == Some(true) {
            assert!(hits.is_ok(), "{q:?}: {hits:?}");
            continue;
        }
        let hits = hits.unwrap_or_else(|e| panic!("{q:?}: {e}"));
        let folded: Vec<String> = hits.iter().map(|h| engine.fold(&h.2)).collect();
        if expect["none"].as_bool() == Some(true) {
            assert!(hits.is_empty(), "{q:?} should find nothing, found {:?}", &hits[..hits.len().min(3)]);
            assert_eq!(count_all(&engine, q), 0, "{q:?}: no tier may show anything");
        }
        if let Some(min) = expect["min_hits"].as_u64() {
            assert!(hits.len() as u64 >= min, "{q:?}: {} hits < {min}", hits.len());
        }
        if let Some(min) = expect["docs_at_least"].as_u64() {
            let docs: std::collections::BTreeSet<&str> = hits.iter().map(|h| h.0.as_str()).collect();
            assert!(docs.len() as u64 >= min, "{q:?}: {} documents < {min}", docs.len());
        }
        if let Some(top) = expect["top1"].as_array() {
            let first = folded.first().unwrap_or_else(|| panic!("{q:?}: no hits"));
            assert!(top.iter().any(|s| first.contains(s.as_str().unwrap())), "{q:?}: top hit is {first}");
        }
        if let Some(all_of) = expect["all_of"].as_array() {
            let top5 = folded.iter().take(5).cloned().collect::<String>();
            for s in all_of {
                assert!(top5.contains(s.as_str().unwrap()), "{q:?}: {s} not in top 5");
            }
        }
        if let Some(other) = expect["same_as"].as_str() {
            assert_eq!(hits, all(&engine, other).unwrap(), "{q:?} differs from {other:?}");
        }
    }
    assert!(checked >= 28, "only {checked} dev queries checked");
}

#[test]
fn highlights_point_into_the_display_text() {
    let engine = engine();
    let r = engine.search("雙創", &SearchOptions::default()).unwrap();
    assert!(r.total >= 5);
    for hit in &r.hits {
        let chars: Vec<char> = hit.text.chars().collect();
        assert!(!hit.highlights.is_empty());
        for [s, e] in &hit.highlights {
            let span: String = chars[*s as usize..*e as usize].iter().collect();
            assert_eq!(engine.fold(&span), "双创", "in {}#{}", hit.doc, hit.clause);
        }
        let snippet: Vec<char> = hit.snippet.text.chars().collect();
        for [s, e] in &hit.snippet.highlights {
            let span: String = snippet[*s as usize..*e as usize].iter().collect();
            assert_eq!(engine.fold(&span), "双创");
        }
    }
}

#[test]
fn exact_phrase_ranks_first() {
    let engine = engine();
    // Both clauses hold 知识产权 and 保护; only one holds the phrase 知识产权保护中心.
    let r = engine.search("知识产权保护中心", &SearchOptions::default()).unwrap();
    assert!(engine.fold(&r.hits[0].text).contains("知识产权保护中心"));
    let r = engine.search("知识产权 保护", &SearchOptions::default()).unwrap();
    let top = engine.fold(&r.hits[0].text);
    assert!(top.contains("知识产权保护"), "adjacent terms first: {top}");
}

#[test]
fn heading_matches_rank_above_body_matches() {
    let engine = engine();
    let r = engine.search("组织领导", &SearchOptions { limit: 3, offset: 0, ..Default::default() }).unwrap();
    assert!(r.hits[0].heading.as_deref().is_some_and(|h| engine.fold(h).contains("组织领导")), "{:?}", r.hits[0]);
}

#[test]
fn responsibility_lists_rank_below_substantive_text() {
    let engine = engine();
    // 市科技局 is named in dozens of 责任单位 tags, but only a few clauses speak of it.
    let r = engine.search("市科技局", &SearchOptions { limit: 1, offset: 0, ..Default::default() }).unwrap();
    let top = engine.fold(&r.hits[0].text);
    let has_tag = top.trim_end_matches('。').ends_with([')', '〕']);
    let body = if has_tag { &top[..top.rfind(['(', '〔']).unwrap_or(top.len())] } else { &top[..] };
    assert!(body.contains("市科技局"), "top hit only names it in a tag: {top}");
}

#[test]
fn paging_is_deterministic() {
    let engine = engine();
    let full = all(&engine, "创新").unwrap();
    let again = all(&engine, "创新").unwrap();
    assert_eq!(full, again);
    let page = engine.search("创新", &SearchOptions { limit: 5, offset: 5, ..Default::default() }).unwrap();
    let ids: Vec<_> = page.hits.iter().map(|h| (h.doc.clone(), h.clause.clone())).collect();
    let expected: Vec<_> = full[5..10].iter().map(|h| (h.0.clone(), h.1.clone())).collect();
    assert_eq!(ids, expected);
}

#[test]
fn latin_and_numbers_match_whole_tokens() {
    let engine = engine();
    for q in ["IPO", "ｉｐｏ", "5G", "100万元", "G60科创走廊", "LPR", "2.5亿元"] {
        assert!(!all(&engine, q).unwrap().is_empty(), "{q}");
    }
    assert!(all(&engine, "PO").unwrap().is_empty(), "PO is not a token of IPO");
    assert!(all(&engine, "5亿元")
        .unwrap()
        .iter()
        .all(|h| !engine.fold(&h.2).contains("2.5亿元") || engine.fold(&h.2).contains("不少于5亿元")));
}

#[test]
fn snippets_never_cut_a_match_in_two() {
    let engine = engine();
    for q in ["众创空间", "知识产权", "孵化", "创新", "的", "企业 发展"] {
        let r = engine.search(q, &SearchOptions { limit: 1000, offset: 0, ..Default::default() }).unwrap();
        for hit in &r.hits {
            let text: Vec<char> = hit.text.chars().collect();
            let whole: Vec<String> =
                hit.highlights.iter().map(|[s, e]| text[*s as usize..*e as usize].iter().collect()).collect();
            let snippet: Vec<char> = hit.snippet.text.chars().collect();
            for [s, e] in &hit.snippet.highlights {
                let span: String = snippet[*s as usize..*e as usize].iter().collect();
                assert!(whole.contains(&span), "{q:?} in {}#{}: {span} is part of a match", hit.doc, hit.clause);
            }
        }
    }
}
