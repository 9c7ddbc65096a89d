//! Fuzzing the query side with proptest (a short run in the test command): any text — random
//! Unicode, query syntax, corpus fragments run together, homophone-prone characters — is
//! parsed and searched through every tier without a panic, and what comes back is consistent;
//! pinyin (letters, tone marks, hanzi mixed in) is read without a panic, and any text gets
//! completions or none.

use policy_search::{results::MatchKind, Engine, SearchOptions};
use proptest::prelude::*;

/// Characters that exercise the parser and the tiers: syntax, quotes, invisible and bidi
/// characters, Han from the corpus, full-width forms, and any scalar value.
fn query_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            ' ', '\u{3000}', '"', '“', '”', '「', '」', '-', '－', '—', '\u{200b}', '\u{202e}', '〔', '〕', '号', '年'
        ]),
        prop::sample::select(
            "创新创业补贴众创空间知识产权孵化器人才高企国发杭政人形雏鹰资助见间".chars().collect::<Vec<_>>()
        ),
        prop::sample::select("shuangchuangzxqyāáǎàüvng".chars().collect::<Vec<_>>()),
        any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gets_results_or_a_clear_error(chars in prop::collection::vec(query_char(), 0..60), offset in 0usize..20) {
        let engine = Engine::embedded().unwrap();
        let q: String = chars.into_iter().collect();
        let options = SearchOptions { limit: 10, offset, ..SearchOptions::default() };
        if let Ok(r) = engine.search(&q, &options) {
            prop_assert!(r.hits.len() <= 10);
            let all = r.documents + r.total + r.partial + r.pinyin_hits;
            prop_assert_eq!(r.hits.len(), all.saturating_sub(offset).min(10));
            // Exact hits never follow partial ones.
            let first_partial = r.hits.iter().position(|h| h.kind == policy_search::results::HitKind::Clause && h.match_kind == MatchKind::Partial);
            if let Some(p) = first_partial {
                prop_assert!(r.hits[p..].iter().all(|h| h.match_kind == MatchKind::Partial));
            }
            for h in &r.hits {
                let len = h.text.chars().count() as u32;
                prop_assert!(h.highlights.iter().all(|[s, e]| s < e && *e <= len));
            }
        }
    }

    #[test]
    fn any_text_gets_completions_or_none(chars in prop::collection::vec(query_char(), 0..40), limit in 0usize..40) {
        let engine = Engine::embedded().unwrap();
        let q: String = chars.into_iter().collect();
        let found = engine.suggest(&q, limit);
        prop_assert!(found.len() <= limit.min(policy_search::query::suggest::MAX_LIMIT));
        prop_assert!(found.iter().all(|s| s.clauses > 0 && !s.text.is_empty()));
    }
}
