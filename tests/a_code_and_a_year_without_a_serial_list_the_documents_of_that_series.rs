//! A 文号 typed without its serial — an issuer code (机关代字) and a bracketed year — lists the
//! documents of that series as document hits, in any bracket and script; a year the series has
//! no document in lists none.

use policy_search::{results::HitKind, Engine, SearchOptions};

fn documents(q: &str) -> Vec<String> {
    let engine = Engine::embedded().unwrap();
    let results = engine.search(q, &SearchOptions::default()).unwrap();
    results.hits.iter().filter(|h| h.kind == HitKind::Document).map(|h| h.doc.clone()).collect()
}

#[test]
fn a_code_and_a_year_list_that_series() {
    // The seeds: 平政发〔2018〕67号 (002) and 杭政〔2019〕55號 (000).
    assert_eq!(documents("平政发〔2018〕"), ["002_068eb5f31e209a71"]);
    assert_eq!(documents("杭政[2019]"), ["000_1d89341c27db629f"], "any bracket");
    assert_eq!(documents("杭政〔2019〕号"), ["000_1d89341c27db629f"]);
    assert!(documents("杭政〔2018〕").is_empty(), "no document of that year");
    assert!(documents("平政发〔2019〕").is_empty());
}
