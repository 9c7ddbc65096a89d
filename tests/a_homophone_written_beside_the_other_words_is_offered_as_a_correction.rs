//! Corrections in context: when every word of a query is in the corpus, and some clause holds
//! them all but never as typed together, a homophone of one word that the corpus writes beside
//! the others far more often is what was meant (国家赔偿实效 → 时效), and is offered as
//! "您是不是要找". A corpus written here, compiled by the same indexer as `build.rs`.

use std::{path::PathBuf, sync::LazyLock};

use policy_search::{Engine, SearchOptions};
use policy_search_corpus::{parse_document, Corpus};
use policy_search_indexer::{Blobs, Indexer, Sharding};

/// A law whose 时效 articles name 国家赔偿 (never as one phrase with it), one article that
/// holds 国家赔偿 and 实效 apart, and a notice where 实效 is an everyday word.
const DOCUMENTS: [(&str, &str); 2] = [
    (
        "compensation",
        "中华人民共和国国家赔偿法
第一条　赔偿请求人请求国家赔偿的时效为两年，自其知道或者应当知道权利受到侵害之日起计算。
第二条　赔偿请求人在国家赔偿请求时效的最后六个月内，因不可抗力不能行使请求权的，时效中止。
第三条　国家赔偿的请求时效期间，不计算被羁押的时间；时效中止的原因消除之日起，时效期间继续计算。
第四条　赔偿义务机关办理国家赔偿案件，应当依法及时处理，讲求工作实效。",
    ),
    (
        "training",
        "关于加强干部培训工作的通知
一、培训内容。干部培训应当联系实际，突出重点。
二、培训方式。采取集中学习与自学相结合的方式。",
    ),
];

static BLOBS: LazyLock<Blobs> = LazyLock::new(|| {
    let documents = DOCUMENTS
        .iter()
        .map(|(id, text)| parse_document(id, text, None).unwrap_or_else(|e| panic!("{id}: {e}")))
        .collect();
    let corpus =
        Corpus { documents, synonyms: vec![], popular: vec![], skipped: vec![], dir: PathBuf::from("in-context") };
    let corpus = Box::leak(Box::new(corpus));
    Indexer::new(corpus).expect("the corpus compiles").write(Sharding::Never)
});

fn engine() -> Engine<'static> {
    let mut engine = Engine::open(&BLOBS.core).expect("the index just written");
    engine.attach_lexicon(&BLOBS.lexicon).expect("its lexicon");
    engine
}

#[test]
fn a_word_the_corpus_holds_is_corrected_to_the_homophone_it_writes_beside_the_other_words() {
    let engine = engine();
    // What the query's words are: both in the corpus, one clause holding them apart.
    assert!(engine.occurs(&"实效".chars().collect::<Vec<_>>()));
    assert!(!engine.occurs(&"国家赔偿实效".chars().collect::<Vec<_>>()));
    assert!(!engine.occurs(&"国家赔偿时效".chars().collect::<Vec<_>>()));

    let results = engine.search("国家赔偿实效", &SearchOptions::default()).expect("a query");
    let corrected = results.corrected.expect("a correction in context");
    assert_eq!((corrected.from.as_str(), corrected.to.as_str()), ("实", "时"), "{corrected:?}");
    assert_eq!(corrected.query, "国家赔偿时效");
    let first = results.hits.first().expect("hits for the corrected query");
    assert_eq!(first.doc, "compensation");
    assert!(first.text.contains("时效"), "{}", first.text);
}

#[test]
fn a_query_the_corpus_writes_as_typed_is_not_corrected() {
    let engine = engine();
    for q in ["工作实效", "国家赔偿时效", "请求时效"] {
        let results = engine.search(q, &SearchOptions::default()).expect("a query");
        assert_eq!(results.corrected, None, "{q}");
        assert!(!results.hits.is_empty(), "{q}");
    }
}
