//! A hanzi term matches exactly the clauses whose folded text contains it: for random
//! substrings of random clauses, in their own script and converted to Traditional, the
//! engine's hits equal a brute-force scan of every clause.

use std::collections::BTreeSet;

use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use policy_search::{
    results::{HitKind, MatchKind},
    Engine, SearchOptions,
};
use policy_search_index::keys::occurrences;
use proptest::prelude::*;

fn engine() -> &'static Engine<'static> {
    thread_local! {
        static ENGINE: &'static Engine<'static> = Box::leak(Box::new(Engine::embedded().unwrap()));
    }
    ENGINE.with(|e| *e)
}

/// OpenCC's Simplified → Traditional, character by character: the fold's contract. Whole-text
/// conversion would also apply OpenCC's phrase tables, which swap vocabulary (信息 → 資訊) as
/// well as characters; see `policy_search_normalize`.
fn to_traditional(text: &str) -> String {
    thread_local! {
        static S2T: OpenCC = OpenCC::from_config(BuiltinConfig::S2t).unwrap();
    }
    let mut buf = [0u8; 4];
    S2T.with(|c| text.chars().map(|ch| c.convert(ch.encode_utf8(&mut buf))).collect())
}

/// Clause numbers whose folded text holds `term`, by scanning every clause.
fn brute_force(engine: &Engine<'_>, term: &str) -> BTreeSet<(String, String)> {
    let folded_term: Vec<char> = engine.fold(term).chars().collect();
    engine
        .clauses()
        .into_iter()
        .filter(|c| {
            let folded: Vec<char> = engine.fold(&c.text).chars().collect();
            !occurrences(&folded, &folded_term).is_empty()
        })
        .map(|c| (c.doc, c.clause))
        .collect()
}

fn engine_hits(engine: &Engine<'_>, term: &str) -> BTreeSet<(String, String)> {
    // Quoted, so spaces inside the substring stay part of one term.
    let r = engine
        .search(&format!("\"{term}\""), &SearchOptions { limit: usize::MAX, offset: 0, ..Default::default() })
        .unwrap();
    // The property holds for the exact tier: the hits marked `exact`.
    r.hits
        .into_iter()
        .filter(|h| h.kind == HitKind::Clause && h.match_kind == MatchKind::Exact)
        .map(|h| (h.doc, h.clause))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn hits_equal_a_brute_force_scan(clause in 0usize..10_000, start in 0usize..10_000, len in 1usize..12) {
        let engine = engine();
        let clauses = engine.clauses();
        let text: Vec<char> = clauses[clause % clauses.len()].text.chars().collect();
        let start = start % text.len();
        let term: String = text[start..(start + len).min(text.len())].iter().collect();
        prop_assume!(!term.contains(['"', '\n']) && !term.trim().is_empty());
        let expected = brute_force(engine, &term);
        prop_assert_eq!(engine_hits(engine, &term), expected.clone(), "term {:?}", term);
        let traditional = to_traditional(&term);
        prop_assert_eq!(engine_hits(engine, &traditional), expected, "traditional {:?} of {:?}", traditional, term);
    }
}

#[test]
fn substrings_across_word_boundaries_are_found() {
    let engine = engine();
    for term in ["识产", "产权保", "創業帶", "的"] {
        let hits = engine_hits(engine, term);
        assert!(!hits.is_empty(), "{term}");
        assert_eq!(hits, brute_force(engine, term), "{term}");
    }
}

#[test]
fn a_character_with_two_simplified_readings_is_found_in_either() {
    // OpenCC writes 借助 as 藉助, and 藉 is also a Simplified character in its own right.
    let engine = engine();
    let expected = brute_force(engine, "借助");
    assert!(!expected.is_empty());
    assert_eq!(engine_hits(engine, "藉助"), expected);
}
