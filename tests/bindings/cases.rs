//! The cases both wasm suites run: the real engine and embedded index, through the very
//! `PolicySearch` class the element uses, with JS values in and out.

use policy_search::bindings::PolicySearch;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

#[derive(Deserialize, Debug)]
struct Results {
    query: String,
    total: usize,
    offset: usize,
    hits: Vec<Hit>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Hit {
    doc: String,
    clause: String,
    title: String,
    text: String,
    highlights: Vec<[u32; 2]>,
    path: Vec<PathItem>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct PathItem {
    label: String,
    title: String,
}

#[derive(Deserialize, Debug)]
struct Clause {
    doc: String,
    clause: String,
    text: String,
    path: Vec<PathItem>,
}

#[derive(Deserialize, Debug)]
struct Doc {
    doc: String,
    title: String,
    status: String,
    number: Option<String>,
}

fn engine() -> PolicySearch {
    PolicySearch::new().expect("the embedded index opens")
}

fn options(limit: u32, offset: u32) -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"limit".into(), &limit.into()).unwrap();
    js_sys::Reflect::set(&o, &"offset".into(), &offset.into()).unwrap();
    o.into()
}

fn search(engine: &PolicySearch, q: &str, options: JsValue) -> Results {
    serde_wasm_bindgen::from_value(engine.search(q.into(), options).expect("a result")).unwrap()
}

/// The `code` of the `Error` a call threw.
fn code(error: JsValue) -> String {
    assert!(error.is_instance_of::<js_sys::Error>(), "an Error object");
    js_sys::Reflect::get(&error, &"code".into()).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn a_search_returns_ranked_hits_with_highlights_in_the_display_text() {
    let r = search(&engine(), "知识产权", JsValue::UNDEFINED);
    assert_eq!(r.query, "知识产权");
    assert!(r.total >= 6, "{}", r.total);
    assert_eq!(r.hits.len(), 10.min(r.total));
    for hit in &r.hits {
        let chars: Vec<char> = hit.text.chars().collect();
        assert!(!hit.highlights.is_empty());
        for [start, end] in &hit.highlights {
            let marked: String = chars[*start as usize..*end as usize].iter().collect();
            assert!(marked == "知识产权" || marked == "知識產權", "{marked}");
        }
    }
}

#[wasm_bindgen_test]
fn traditional_and_simplified_queries_find_the_same_clauses() {
    let engine = engine();
    let simplified = search(&engine, "双创", options(100, 0));
    let traditional = search(&engine, "雙創", options(100, 0));
    assert!(simplified.total > 0);
    assert_eq!(simplified.hits, traditional.hits);
    assert_eq!(engine.fold("雙創 ＩＰＯ"), "双创 ipo");
}

#[wasm_bindgen_test]
fn limit_and_offset_page_through_the_same_ranking() {
    let engine = engine();
    let all = search(&engine, "创业", options(1000, 0));
    assert!(all.total > 12);
    let mut paged = Vec::new();
    for page in 0.. {
        let r = search(&engine, "创业", options(5, page * 5));
        assert_eq!(r.offset, page as usize * 5);
        assert_eq!(r.total, all.total);
        if r.hits.is_empty() {
            break;
        }
        paged.extend(r.hits);
    }
    assert_eq!(paged, all.hits);
}

#[wasm_bindgen_test]
fn bad_queries_and_options_throw_errors_with_a_code() {
    let engine = engine();
    assert_eq!(code(engine.search("-孵化".into(), JsValue::UNDEFINED).unwrap_err()), "only_exclusions");
    assert_eq!(code(engine.search("长".repeat(10_000).into(), JsValue::UNDEFINED).unwrap_err()), "too_long");
    let many: Vec<String> = (0..100).map(|i| format!("词{i}")).collect();
    assert_eq!(code(engine.search(many.join(" ").into(), JsValue::UNDEFINED).unwrap_err()), "too_many_terms");
    assert_eq!(code(engine.search("创业".into(), options(5000, 0)).unwrap_err()), "bad_options");
    assert_eq!(code(engine.search("创业".into(), "ten".into()).unwrap_err()), "bad_options");
    let negative = js_sys::Object::new();
    js_sys::Reflect::set(&negative, &"offset".into(), &(-3).into()).unwrap();
    assert_eq!(code(engine.search("创业".into(), negative.into()).unwrap_err()), "bad_options");
    // Arguments of the wrong type are a TypeError, not a trapped module.
    for bad in [JsValue::from(123), JsValue::NULL, JsValue::UNDEFINED, js_sys::Object::new().into()] {
        let e = engine.search(bad.clone(), JsValue::UNDEFINED).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>());
        assert_eq!(code(e), "bad_argument");
        assert_eq!(code(engine.clause(bad.clone(), "1".into()).unwrap_err()), "bad_argument");
        assert_eq!(code(engine.document_clauses(bad).unwrap_err()), "bad_argument");
    }
    assert!(engine.search("创业".into(), JsValue::UNDEFINED).is_ok(), "the module still answers");
}

#[derive(Deserialize, Debug)]
struct Limits {
    max_query_chars: usize,
    max_terms: usize,
    max_limit: u32,
}

#[wasm_bindgen_test]
fn the_limits_it_reports_are_the_ones_it_enforces() {
    // The element reads these instead of repeating them: each is accepted at the limit, refused past it.
    let engine = engine();
    let limits: Limits = serde_wasm_bindgen::from_value(engine.limits().unwrap()).unwrap();
    let long = |n: usize| JsValue::from("长".repeat(n));
    assert!(engine.search(long(limits.max_query_chars), JsValue::UNDEFINED).is_ok());
    assert_eq!(code(engine.search(long(limits.max_query_chars + 1), JsValue::UNDEFINED).unwrap_err()), "too_long");
    let terms = |n: usize| JsValue::from((0..n).map(|i| format!("词{i}")).collect::<Vec<_>>().join(" "));
    assert!(engine.search(terms(limits.max_terms), JsValue::UNDEFINED).is_ok());
    assert_eq!(code(engine.search(terms(limits.max_terms + 1), JsValue::UNDEFINED).unwrap_err()), "too_many_terms");
    assert!(engine.search("创业".into(), options(limits.max_limit, 0)).is_ok());
    assert_eq!(code(engine.search("创业".into(), options(limits.max_limit + 1, 0)).unwrap_err()), "bad_options");
}

#[wasm_bindgen_test]
fn hostile_queries_return_a_result() {
    let engine = engine();
    for q in [
        "",
        "   ",
        "<img src=x onerror=alert(1)>",
        "😀🎉",
        "\u{0}\u{7}\u{1b}[31m",
        "。，、；",
        "\"unclosed",
        "\u{20000}",
    ] {
        let r = search(&engine, q, JsValue::UNDEFINED);
        assert!(r.hits.len() <= 10, "{q:?}");
    }
}

#[wasm_bindgen_test]
fn documents_and_clauses_by_id_agree_with_the_hits() {
    let engine = engine();
    let docs: Vec<Doc> = serde_wasm_bindgen::from_value(engine.docs("2026-11-23".into()).unwrap()).unwrap();
    assert_eq!(docs.len(), 5);
    let status: Vec<&str> = docs.iter().map(|d| d.status.as_str()).collect();
    assert_eq!(status, ["current", "expired", "unknown", "expired", "current"]);
    assert!(docs.iter().all(|d| !d.title.is_empty()));
    let earlier: Vec<Doc> = serde_wasm_bindgen::from_value(engine.docs("2024-11-24".into()).unwrap()).unwrap();
    assert_eq!(earlier[4].status, "pending", "004 takes effect on 2024-11-25");
    assert!(docs.iter().any(|d| d.number.is_some()));

    let hit = search(&engine, "瞪羚企业", JsValue::UNDEFINED).hits.remove(0);
    assert_eq!(docs.iter().find(|d| d.doc == hit.doc).unwrap().title, hit.title);
    let clause: Clause =
        serde_wasm_bindgen::from_value(engine.clause(hit.doc.as_str().into(), hit.clause.as_str().into()).unwrap())
            .unwrap();
    assert_eq!(
        (clause.doc.as_str(), clause.clause.as_str(), &clause.text, &clause.path),
        (hit.doc.as_str(), hit.clause.as_str(), &hit.text, &hit.path)
    );

    let section: Vec<Clause> =
        serde_wasm_bindgen::from_value(engine.document_clauses(hit.doc.as_str().into()).unwrap()).unwrap();
    assert!(section.iter().any(|c| c.clause == hit.clause));
    assert!(engine.clause(hit.doc.as_str().into(), "no.such.clause".into()).unwrap().is_null());
    assert!(engine.clause("no-such-doc".into(), hit.clause.as_str().into()).unwrap().is_null());
    let none: Vec<Clause> =
        serde_wasm_bindgen::from_value(engine.document_clauses("no-such-doc".into()).unwrap()).unwrap();
    assert!(none.is_empty());
}

/// The lexicon `build.rs` wrote beside the index (the element fetches the same bytes).
static LEXICON: &[u8] = include_bytes!(env!("POLICY_SEARCH_LEXICON"));

#[derive(Deserialize, Debug)]
struct Natural {
    total: usize,
    partial: usize,
    corrected: Option<Corrected>,
    hits: Vec<NaturalHit>,
    related: Vec<String>,
}

#[derive(Deserialize, Debug)]
struct Corrected {
    query: String,
    original: String,
}

#[derive(Deserialize, Debug)]
struct NaturalHit {
    #[serde(rename = "match")]
    match_kind: String,
    via: Vec<String>,
    matched: Vec<String>,
}

fn natural(engine: &PolicySearch, q: &str, options: JsValue) -> Natural {
    serde_wasm_bindgen::from_value(engine.search(q.into(), options).expect("a result")).unwrap()
}

#[wasm_bindgen_test]
fn the_lexicon_turns_on_related_results_and_corrections() {
    let mut engine = engine();
    assert!(!engine.has_lexicon());
    let before = natural(&engine, "创业补贴", JsValue::UNDEFINED);
    assert_eq!((before.total, before.partial), (0, 0), "without the lexicon, exact only");
    let popular: Vec<String> = serde_wasm_bindgen::from_value(engine.popular().unwrap()).unwrap();
    assert_eq!(popular.len(), 5, "seeds/manifest.toml's popular searches: {popular:?}");
    for q in &popular {
        assert!(natural(&engine, q, JsValue::UNDEFINED).total > 0, "popular {q} finds its clauses");
    }
    assert!(engine.lexicon_file().starts_with("lexicon-") && engine.lexicon_file().ends_with(".bin"));
    assert_eq!(code(engine.attach_lexicon(b"PSLX not a lexicon".to_vec()).unwrap_err()), "bad_lexicon");
    engine.attach_lexicon(LEXICON.to_vec()).expect("the lexicon of this build attaches");
    assert!(engine.has_lexicon());

    let r = natural(&engine, "创业补贴", JsValue::UNDEFINED);
    assert!(r.total == 0 && r.partial > 0, "{r:?}");
    assert!(!r.related.is_empty() && r.related.len() <= 8, "related searches: {:?}", r.related);
    assert!(r
        .hits
        .iter()
        .all(|h| h.match_kind == "partial" && h.via.contains(&"relaxed".to_string()) && !h.matched.is_empty()));

    let r = natural(&engine, "众创空见", JsValue::UNDEFINED);
    let c = r.corrected.expect("a correction");
    assert_eq!((c.original.as_str(), c.query.as_str()), ("众创空见", "众创空间"));
    assert!(r.total > 0);
    let as_typed = js_sys::Object::new();
    js_sys::Reflect::set(&as_typed, &"correct".into(), &false.into()).unwrap();
    let r = natural(&engine, "众创空见", as_typed.into());
    assert!(r.corrected.is_none() && r.total == 0);
    let bad = js_sys::Object::new();
    js_sys::Reflect::set(&bad, &"correct".into(), &"yes".into()).unwrap();
    assert_eq!(code(engine.search("创业".into(), bad.into()).unwrap_err()), "bad_options");

    let examples: Vec<String> = serde_wasm_bindgen::from_value(engine.examples(6).unwrap()).unwrap();
    assert!(!examples.is_empty());
    for e in examples {
        assert!(natural(&engine, &e, JsValue::UNDEFINED).total > 0, "example {e} finds its clause");
    }
}

#[derive(Deserialize, Debug)]
struct Reading {
    from: String,
    to: String,
}

#[derive(Deserialize, Debug)]
struct PinyinResults {
    pinyin: Option<Reading>,
    pinyin_hits: usize,
    hits: Vec<PinyinHit>,
}

#[derive(Deserialize, Debug)]
struct PinyinHit {
    via: Vec<String>,
    reading: Option<Reading>,
}

#[derive(Deserialize, Debug)]
struct Suggestion {
    text: String,
    clauses: u32,
}

#[wasm_bindgen_test]
fn pinyin_and_completions_arrive_with_the_lexicon() {
    let mut engine = engine();
    let suggest = |e: &PolicySearch, q: &str| -> Vec<Suggestion> {
        serde_wasm_bindgen::from_value(e.suggest(q.into(), JsValue::UNDEFINED).unwrap()).unwrap()
    };
    assert!(suggest(&engine, "知识").is_empty(), "no completions before the lexicon");
    engine.attach_lexicon(LEXICON.to_vec()).unwrap();

    let r: PinyinResults =
        serde_wasm_bindgen::from_value(engine.search("zxqy".into(), JsValue::UNDEFINED).unwrap()).unwrap();
    let reading = r.pinyin.expect("read as pinyin");
    assert_eq!((reading.from.as_str(), reading.to.as_str()), ("zxqy", "中小企业"));
    assert!(r.pinyin_hits > 0 && !r.hits.is_empty());
    assert!(r.hits.iter().all(|h| h.via.contains(&"pinyin".to_string()) && h.reading.is_some()));
    let off = js_sys::Object::new();
    js_sys::Reflect::set(&off, &"pinyin".into(), &false.into()).unwrap();
    let r: PinyinResults = serde_wasm_bindgen::from_value(engine.search("zxqy".into(), off.into()).unwrap()).unwrap();
    assert!(r.pinyin.is_none() && r.hits.is_empty(), "pinyin: false searches the letters as typed");

    for q in ["知识", "知識", "zhis"] {
        let found = suggest(&engine, q);
        assert!(found.iter().any(|s| s.text == "知识产权" && s.clauses > 0), "{q}: {found:?}");
        assert!(found.len() <= 8);
    }
    let two: Vec<Suggestion> =
        serde_wasm_bindgen::from_value(engine.suggest("知识".into(), 2.into()).unwrap()).unwrap();
    assert_eq!(two.len(), 2);
    assert_eq!(code(engine.suggest("知识".into(), 99.into()).unwrap_err()), "bad_options");
    let err = engine.suggest(7.into(), JsValue::UNDEFINED).unwrap_err();
    assert!(err.is_instance_of::<js_sys::TypeError>());
}

/// The seeds' index sharded (build.rs: these tests run over the embedded one, and this is its
/// twin), and its files as `(name, bytes)`.
static TWIN: &[u8] = include_bytes!(concat!(env!("POLICY_SEARCH_SHARDED"), "/index.bin"));
static TWIN_FILES: &[(&str, &[u8])] = include!(concat!(env!("POLICY_SEARCH_SHARDED"), "/shards.rs"));

#[wasm_bindgen_test]
fn a_sharded_index_names_the_files_it_lacks_and_answers_once_they_are_added() {
    let twin = PolicySearch::open(TWIN.to_vec()).unwrap();
    assert!(engine().missing().is_empty(), "an embedded index lacks nothing");
    let mut rounds = 0;
    let results = loop {
        let results = search(&twin, "瞪羚企业", JsValue::UNDEFINED);
        let missing = twin.missing();
        if missing.is_empty() {
            break results;
        }
        for name in missing {
            let (_, bytes) = TWIN_FILES.iter().find(|(n, _)| *n == name).expect("a file of the twin");
            twin.add_file(&name, bytes.to_vec()).unwrap();
        }
        rounds += 1;
        assert!(rounds < 8);
    };
    assert!(rounds > 0, "the first search lacked files");
    let embedded = search(&engine(), "瞪羚企业", JsValue::UNDEFINED);
    assert_eq!(
        results.hits.iter().map(|h| (&h.doc, &h.clause, &h.highlights)).collect::<Vec<_>>(),
        embedded.hits.iter().map(|h| (&h.doc, &h.clause, &h.highlights)).collect::<Vec<_>>()
    );
    let first = &results.hits[0];
    let hit: Hit = serde_wasm_bindgen::from_value(
        twin.hit_of("瞪羚企业".into(), first.doc.as_str().into(), first.clause.as_str().into(), JsValue::UNDEFINED)
            .unwrap(),
    )
    .unwrap();
    assert_eq!((&hit.clause, &hit.highlights), (&first.clause, &first.highlights));
    assert_eq!(code(twin.add_file("shards/k-0000000000000000.bin", vec![1, 2, 3]).unwrap_err()), "bad_shard");
}

#[derive(Deserialize, Debug)]
struct Faceted {
    total: usize,
    hits: Vec<Hit>,
    facets: Vec<Facet>,
}

#[derive(Deserialize, Debug)]
struct Facet {
    name: String,
    values: Vec<FacetValue>,
}

#[derive(Deserialize, Debug)]
struct FacetValue {
    value: String,
    count: usize,
    selected: bool,
}

#[wasm_bindgen_test]
fn filters_narrow_the_hits_and_the_counts_come_in_the_same_call() {
    let engine = engine();
    let run = |q: &str, options: &str| -> Faceted {
        let options = js_sys::JSON::parse(options).unwrap();
        serde_wasm_bindgen::from_value(engine.search(q.into(), options).unwrap()).unwrap()
    };
    let all = run("创新", r#"{"limit": 1000, "today": "2026-11-23"}"#);
    let issuer = all.facets.iter().find(|f| f.name == "issuer").unwrap();
    let hangzhou = issuer.values.iter().find(|v| v.value == "杭州市人民政府").unwrap();
    assert!(!hangzhou.selected && hangzhou.count > 0);
    let only = run("创新", r#"{"limit": 1000, "today": "2026-11-23", "filters": {"issuer": ["杭州市人民政府"]}}"#);
    assert!(only.hits.iter().all(|h| h.doc == "000_1d89341c27db629f"), "{:?}", only.hits);
    assert_eq!(only.total, hangzhou.count);
    let chosen = only.facets.iter().find(|f| f.name == "issuer").unwrap();
    assert!(chosen.values.iter().any(|v| v.value == "杭州市人民政府" && v.selected));
    // Browsing: an empty query with a filter lists its clauses; without one, nothing.
    let browse = run("", r#"{"limit": 3, "today": "2026-11-23", "filters": {"status": ["expired"]}}"#);
    assert!(browse.total > 3 && browse.hits.len() == 3);
    assert!(run("", r#"{"today": "2026-11-23"}"#).hits.is_empty());
    // A field searched: a name of the four, else a clear error.
    for field in ["all", "title", "number", "body"] {
        run("创新", &format!(r#"{{"in": "{field}"}}"#));
    }
    for bad in [
        r#"{"filters": {"issuer": "x"}}"#,
        r#"{"sort": "oldest"}"#,
        r#"{"today": "2026-13-01"}"#,
        r#"{"in": "text"}"#,
        r#"{"in": 3}"#,
    ] {
        let e = engine.search("创新".into(), js_sys::JSON::parse(bad).unwrap()).unwrap_err();
        assert_eq!(js_sys::Reflect::get(&e, &"code".into()).unwrap(), "bad_options", "{bad}");
    }
}
