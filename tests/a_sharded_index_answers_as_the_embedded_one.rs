//! A sharded index (core plus shard files fetched on demand) answers every query exactly as
//! the embedded index of the same corpus: build.rs writes the seeds' index both ways (the
//! folders `POLICY_SEARCH_SHARDED` and `POLICY_SEARCH_WHOLE`). The sharded one is opened with
//! no shard file; each call's missing files are added, as the browser fetches them, and the
//! call repeated until complete.

use std::{fs, path::PathBuf};

use policy_search::{Engine, SearchOptions};
use proptest::prelude::*;

fn twin_dir() -> PathBuf {
    PathBuf::from(env!("POLICY_SEARCH_SHARDED"))
}

fn leak(path: PathBuf) -> &'static [u8] {
    Box::leak(fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).into_boxed_slice())
}

/// The sharded index with its lexicon and no shard file yet.
fn twin() -> Engine<'static> {
    let mut engine = Engine::open(leak(twin_dir().join("index.bin"))).unwrap();
    engine.attach_lexicon(leak(twin_dir().join("lexicon.bin"))).unwrap();
    assert!(engine.index().positional(), "the twin is sharded");
    engine
}

/// The same corpus embedded whole.
fn embedded() -> &'static Engine<'static> {
    thread_local! {
        static ENGINE: &'static Engine<'static> = {
            let whole = PathBuf::from(env!("POLICY_SEARCH_WHOLE"));
            let mut engine = Engine::open(leak(whole.join("index.bin"))).unwrap();
            engine.attach_lexicon(leak(whole.join("lexicon.bin"))).unwrap();
            assert!(!engine.index().positional(), "embedded whole");
            Box::leak(Box::new(engine))
        };
    }
    ENGINE.with(|e| *e)
}

/// `call` on `engine`, adding the files it lacked and calling again until it lacks none;
/// returns the answer and the files added.
fn complete<T>(engine: &Engine<'_>, call: impl Fn(&Engine<'_>) -> T) -> (T, Vec<String>) {
    let mut added: Vec<String> = Vec::new();
    loop {
        let answer = call(engine);
        let missing = engine.take_missing();
        if missing.is_empty() {
            return (answer, added);
        }
        // Every round adds files the engine lacked, so this ends.
        for name in missing {
            assert!(!added.contains(&name), "{name} asked for again after it was added");
            engine.add_file(&name, fs::read(twin_dir().join(&name)).unwrap()).unwrap();
            added.push(name);
        }
    }
}

fn queries(file: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join(file);
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    json["queries"].as_array().unwrap().iter().map(|q| q["q"].as_str().unwrap().to_string()).collect()
}

#[test]
fn every_dev_and_natural_query_answers_alike_fetching_a_part_of_the_files() {
    let engine = twin();
    let files = engine.index().shards().len();
    let options = SearchOptions { limit: 20, ..SearchOptions::default() };
    for q in queries("dev.json").into_iter().chain(queries("natural.json")) {
        let fresh = twin(); // what one query fetches on its own
        let (results, added) = complete(&fresh, |e| e.search(&q, &options));
        assert_eq!(results, embedded().search(&q, &options), "{q}");
        // A hanzi query reads its keys' shards and its page's chunks, not the whole index.
        if !q.chars().any(|c| c.is_ascii_alphabetic()) {
            assert!(added.len() < files, "{q}: fetched {} of {files} files", added.len());
        }
        // And on an engine that has fetched for earlier queries.
        assert_eq!(complete(&engine, |e| e.search(&q, &options)).0, results, "{q} (warm)");
    }
}

#[test]
fn clauses_and_documents_read_alike() {
    let engine = twin();
    for record in embedded().clauses().into_iter().step_by(7) {
        let (own, _) = complete(&engine, |e| e.clause(&record.doc, &record.clause));
        assert_eq!(own.as_ref(), Some(&record));
    }
    for doc in embedded().docs(policy_search::facets::Day(20261123)) {
        assert_eq!(complete(&engine, |e| e.document_clauses(&doc.doc)).0, embedded().document_clauses(&doc.doc));
    }
    assert_eq!(
        engine.docs(policy_search::facets::Day(20261123)),
        embedded().docs(policy_search::facets::Day(20261123))
    );
}

#[test]
fn a_file_of_another_build_or_name_is_refused() {
    let engine = twin();
    let _ = engine.search("创业", &SearchOptions::default());
    let name = engine.take_missing().remove(0);
    let bytes = fs::read(twin_dir().join(&name)).unwrap();
    assert!(engine.add_file("shards/k-0000000000000000.bin", bytes.clone()).is_err());
    let mut broken = bytes.clone();
    *broken.last_mut().unwrap() ^= 1;
    assert!(engine.add_file(&name, broken).is_err());
    assert!(engine.add_file(&name, bytes[..bytes.len() / 2].to_vec()).is_err());
    engine.add_file(&name, bytes).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Random substrings of random clauses, one to six characters, with punctuation and all.
    #[test]
    fn random_substrings_answer_alike(clause in 0usize..10_000, start in 0usize..10_000, len in 1usize..7) {
        let clauses = embedded().clauses();
        let text: Vec<char> = clauses[clause % clauses.len()].text.chars().collect();
        let start = start % text.len();
        let q: String = text[start..(start + len).min(text.len())].iter().collect();
        let options = SearchOptions { limit: 50, ..SearchOptions::default() };
        let engine = twin();
        prop_assert_eq!(complete(&engine, |e| e.search(&q, &options)).0, embedded().search(&q, &options), "{}", q);
    }
}

#[test]
fn a_file_added_since_a_call_noted_it_is_not_asked_for_again() {
    let engine = twin();
    let _ = engine.search("创业", &SearchOptions::default());
    let names = engine.take_missing();
    assert!(!names.is_empty());
    // A call notes the files again (a completion whose caller never asks), then another call's
    // round adds them before anyone asks.
    let _ = engine.search("创业", &SearchOptions::default());
    for name in &names {
        engine.add_file(name, fs::read(twin_dir().join(name)).unwrap()).unwrap();
    }
    let again = engine.take_missing();
    assert!(again.iter().all(|n| !names.contains(n)), "{again:?}");
}
