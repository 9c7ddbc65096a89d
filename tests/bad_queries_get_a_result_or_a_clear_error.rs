//! Any input returns results or a clear error, never a panic, in bounded time.

use policy_search::{query::MAX_TERMS, Engine, QueryError, SearchOptions};

fn run(q: &str) -> Result<usize, QueryError> {
    Engine::embedded().unwrap().search(q, &SearchOptions::default()).map(|r| r.total)
}

#[test]
fn empty_and_blank_queries_find_nothing() {
    for q in ["", " ", "   ", "\t\n", "\u{3000}\u{a0}", "\"\"", "\" \""] {
        assert_eq!(run(q), Ok(0), "{q:?}");
    }
}

#[test]
fn hostile_input_is_answered() {
    let long = "创新".repeat(5_000);
    let many_terms: String = (0..1_000).map(|i| format!("词{i} ")).collect();
    let cases: Vec<String> = vec![
        long,
        many_terms,
        "😀".into(),
        "😀😀 创新".into(),
        "\u{0}\u{1}\u{7f}创新\u{1b}[31m".into(),
        "，。、；：！？".into(),
        "<img src=x onerror=alert(1)>".into(),
        "\u{FFFD}\u{FFFE}\u{10FFFF}".into(),
        "-".into(),
        "--".into(),
        "\"未闭合的引号".into(),
        "a".into(),
        "ａ".into(),
        "𠀀𪚥".into(),
        "\u{200B}\u{FEFF}".into(),
    ];
    for q in &cases {
        let started = std::time::Instant::now();
        let answer = run(q);
        assert!(started.elapsed().as_secs() < 5, "{q:.20?} took {:?}", started.elapsed());
        if let Err(e) = answer {
            assert!(!e.to_string().is_empty());
        }
    }
    assert_eq!(run(&"创新".repeat(5_000)), Err(QueryError::TooLong { chars: 10_000 }));
    assert!(matches!(
        run(&(0..40).map(|i| format!("词{i} ")).collect::<String>()),
        Err(QueryError::TooManyTerms { terms: 40 })
    ));
    assert!(run(&(0..MAX_TERMS).map(|i| format!("词{i} ")).collect::<String>()).is_ok());
    assert_eq!(run("😀"), Ok(0));
    assert_eq!(run("-创新"), Err(QueryError::OnlyExclusions));
}

#[test]
fn no_silent_fallback_to_a_shorter_term() {
    // Each part occurs, the whole does not: nothing is found.
    assert!(run("知识").unwrap() > 0 && run("产权").unwrap() > 0);
    assert_eq!(run("知识产权金牌补贴"), Ok(0));
}

#[test]
fn the_index_rejects_corruption() {
    let mut bytes = policy_search::EMBEDDED_INDEX.to_vec();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    assert!(Engine::open(&bytes).is_err());
    assert!(Engine::open(&bytes[..100]).is_err());
    assert!(Engine::open(b"not an index").is_err());
}
