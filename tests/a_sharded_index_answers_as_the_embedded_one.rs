//! A sharded index (core plus shard files fetched on demand), with a sharded lexicon (lexicon
//! core plus vocabulary, pinyin and typed shards), answers every query exactly as the embedded
//! index with the whole lexicon of the same corpus: build.rs writes the seeds' index and
//! lexicon both ways (the folders `POLICY_SEARCH_SHARDED` and `POLICY_SEARCH_WHOLE`). The
//! sharded one is opened with no shard file of either; each call's missing files are added, as
//! the browser fetches them, and the call repeated until complete.

use std::{fs, path::PathBuf};

use policy_search::{Engine, SearchOptions};
use proptest::prelude::*;

fn twin_dir() -> PathBuf {
    PathBuf::from(env!("POLICY_SEARCH_SHARDED"))
}

fn leak(path: PathBuf) -> &'static [u8] {
    Box::leak(fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).into_boxed_slice())
}

/// The sharded index with its lexicon core and no shard file of either yet.
fn twin() -> Engine<'static> {
    let mut engine = Engine::open(leak(twin_dir().join("index.bin"))).unwrap();
    engine.attach_lexicon(leak(twin_dir().join("lexicon.bin"))).unwrap();
    assert!(engine.index().positional(), "the twin is sharded");
    assert!(engine.lexicon().unwrap().is_sharded(), "its lexicon too");
    engine
}

/// Whether a file name is one of the lexicon's (rather than the index's).
fn lexicon_file(engine: &Engine<'_>, name: &str) -> bool {
    engine.lexicon().unwrap().directory().by_name(name).is_some()
}

/// The same corpus embedded whole.
fn embedded() -> &'static Engine<'static> {
    thread_local! {
        static ENGINE: &'static Engine<'static> = {
            let whole = PathBuf::from(env!("POLICY_SEARCH_WHOLE"));
            let mut engine = Engine::open(leak(whole.join("index.bin"))).unwrap();
            engine.attach_lexicon(leak(whole.join("lexicon.bin"))).unwrap();
            assert!(!engine.index().positional(), "embedded whole");
            assert!(!engine.lexicon().unwrap().is_sharded(), "with the whole lexicon");
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
    let lexicon_files = engine.lexicon().unwrap().directory().len();
    let options = SearchOptions { limit: 20, ..SearchOptions::default() };
    for q in queries("dev.json").into_iter().chain(queries("natural.json")) {
        let fresh = twin(); // what one query fetches on its own
        let (results, added) = complete(&fresh, |e| e.search(&q, &options));
        assert_eq!(results, embedded().search(&q, &options), "{q}");
        let (of_lexicon, of_index): (Vec<&String>, Vec<&String>) = added.iter().partition(|n| lexicon_file(&fresh, n));
        // A hanzi query reads its keys' shards and its page's chunks, not the whole index.
        if !q.chars().any(|c| c.is_ascii_alphabetic()) {
            assert!(of_index.len() < files, "{q}: fetched {} of {files} files", of_index.len());
        }
        // Any query reads the lexicon shards of its pieces, letters or homophones, not all (a
        // related query of the seeds, most of the vocabulary shards: see the figures below).
        assert!(of_lexicon.len() < lexicon_files, "{q}: fetched {} of {lexicon_files} lexicon files", of_lexicon.len());
        // And on an engine that has fetched for earlier queries.
        assert_eq!(complete(&engine, |e| e.search(&q, &options)).0, results, "{q} (warm)");
    }
}

/// Every prefix of every query that completions are asked for as it is typed: each of its
/// first characters, and the whole.
fn prefixes(q: &str) -> Vec<String> {
    let chars: Vec<char> = q.chars().collect();
    (1..=chars.len()).map(|n| chars[..n].iter().collect()).collect()
}

#[test]
fn every_prefix_of_every_query_completes_alike_fetching_a_part_of_the_lexicon() {
    let engine = twin();
    let lexicon_files = engine.lexicon().unwrap().directory().len();
    let mut offered = 0;
    for q in queries("dev.json").into_iter().chain(queries("natural.json")) {
        for prefix in prefixes(&q) {
            let fresh = twin();
            let (own, added) = complete(&fresh, |e| e.suggest(&prefix, 8));
            assert_eq!(own, embedded().suggest(&prefix, 8), "{prefix}");
            let added: Vec<&String> = added.iter().filter(|n| lexicon_file(&fresh, n)).collect();
            assert!(added.len() < lexicon_files / 2, "{prefix}: fetched {} of {lexicon_files} files", added.len());
            assert_eq!(complete(&engine, |e| e.suggest(&prefix, 8)).0, own, "{prefix} (warm)");
            offered += own.len();
        }
    }
    assert!(offered > 100, "the prefixes are completed ({offered} completions)");
}

#[test]
fn a_lexicon_file_of_another_build_or_name_or_truncated_is_refused() {
    let engine = twin();
    let _ = engine.search("创业补贴", &SearchOptions::default());
    let name = engine.take_missing().into_iter().find(|n| lexicon_file(&engine, n)).expect("a vocabulary shard");
    let bytes = fs::read(twin_dir().join(&name)).unwrap();
    let other = |n: &str| n.replacen("shards/v-", "shards/p-", 1);
    assert!(engine.add_file(&other(&name), bytes.clone()).is_err(), "under another kind's name");
    assert!(engine.add_file("shards/v-0000000000.bin", bytes.clone()).is_err(), "under a name not listed");
    let mut broken = bytes.clone();
    *broken.last_mut().unwrap() ^= 1;
    assert!(engine.add_file(&name, broken).is_err(), "corrupted");
    assert!(engine.add_file(&name, bytes[..bytes.len() / 2].to_vec()).is_err(), "truncated");
    // The same file of the whole build's index (another core checksum in its first section):
    // rewritten with its own checksum, so only the build differs.
    let mut foreign = bytes.clone();
    let header = policy_search_index::header::VOCAB_SHARD.header_len();
    foreign[header] ^= 1;
    let sum = policy_search_index::header::checksum(&foreign[header..]);
    foreign[header - 8..header].copy_from_slice(&sum.to_le_bytes());
    assert_eq!(
        engine.lexicon().unwrap().add_file(&name, foreign),
        Err(policy_search_index::FormatError::OtherBuild),
        "of another build"
    );
    engine.add_file(&name, bytes).unwrap();
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
    assert!(engine.add_file("shards/k-0000000000.bin", bytes.clone()).is_err());
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

/// The brotli size of `bytes` (quality 11, as a static host would precompress).
fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).unwrap();
    out.len()
}

/// One engine call, its answer dropped (only the files it fetches count).
type Call<'c> = dyn Fn(&Engine<'_>) + 'c;

#[test]
fn a_pinyin_query_a_related_query_and_a_completion_fetch_a_part_of_the_lexicon() {
    let whole = fs::read(PathBuf::from(env!("POLICY_SEARCH_WHOLE")).join("lexicon.bin")).unwrap();
    let core = fs::read(twin_dir().join("lexicon.bin")).unwrap();
    let all: Vec<String> = {
        let engine = twin();
        let d = engine.lexicon().unwrap().directory();
        (0..d.len()).filter_map(|f| d.name(f)).collect()
    };
    let size = |names: &[String]| -> (usize, usize) {
        let files: Vec<Vec<u8>> = names.iter().map(|n| fs::read(twin_dir().join(n)).unwrap()).collect();
        (files.iter().map(Vec::len).sum(), files.iter().map(|f| brotli(f)).sum())
    };
    let (all_raw, all_brotli) = size(&all);
    println!(
        "lexicon: whole {} B raw, {} B brotli; sharded: core {} B raw, {} B brotli + {} files, {all_raw} B raw, {all_brotli} B brotli",
        whole.len(),
        brotli(&whole),
        core.len(),
        brotli(&core),
        all.len(),
    );
    let options = SearchOptions::default();
    let calls: [(&str, &Call<'_>); 3] = [
        ("search zxqy", &|e| drop(e.search("zxqy", &options))),
        ("search 创业补贴", &|e| drop(e.search("创业补贴", &options))),
        ("suggest 知识", &|e| drop(e.suggest("知识", 8))),
    ];
    for (what, call) in calls {
        let engine = twin();
        let (_, added) = complete(&engine, |e| call(e));
        let lexicon: Vec<String> = added.into_iter().filter(|n| lexicon_file(&engine, n)).collect();
        let (raw, brotli_bytes) = size(&lexicon);
        let (raw, brotli_bytes) = (raw + core.len(), brotli_bytes + brotli(&core));
        println!(
            "{what}: lexicon core + {} of {} files: {raw} B raw, {brotli_bytes} B brotli (whole: {} B raw, {} B brotli)",
            lexicon.len(),
            all.len(),
            whole.len(),
            brotli(&whole)
        );
        assert!(brotli_bytes < brotli(&whole), "{what}: {brotli_bytes} B brotli, no less than the whole lexicon");
    }
}
