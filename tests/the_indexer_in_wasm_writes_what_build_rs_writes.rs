//! The indexer compiled to wasm, run in Node over the seeds read from disk, writes what
//! build.rs wrote natively for them: one code path for a native build and for an index made
//! where no Rust toolchain is (issue 21).
//!
//! Every section is the same byte for byte except the FSTs, which are the same maps (the same
//! keys with the same values) but may be laid out differently: the `fst` crate's builder
//! shares equal nodes through a cache whose slot is its FNV hash `as usize`, so on a 32-bit
//! target (wasm32) the hash is cut to 32 bits, other nodes meet in the cache, and a few are
//! written twice instead of shared (`fst` 0.4.7, `raw/registry.rs`). The lexicon's and the
//! shard files' first section is their core's checksum, which follows. So the test holds the
//! FSTs as maps, and the two indexes to the same answers for every public query.
#![cfg(target_arch = "wasm32")]

use std::path::Path;

use fst::Streamer;
use policy_search::{Engine, SearchOptions};
use policy_search_corpus::load_files;
use policy_search_index::header::{self, Layout};
use policy_search_indexer::{Indexer, Sharding};
use wasm_bindgen_test::wasm_bindgen_test;

#[path = "../crates/indexer-wasm/tests/support/node_fs.rs"]
mod node_fs;
use node_fs::{folder, read};

/// Each section of `ours` equals the same section of `theirs`, or both are FSTs of the same
/// keys and values; a `core` section (the checksum of the blob's core) may differ only when
/// the cores do (`cores_equal`).
fn assert_equivalent<const N: usize>(layout: &Layout<N>, ours: &[u8], theirs: &[u8], cores_equal: bool) {
    let (a, b) = (layout.read(ours).expect("a blob of ours"), layout.read(theirs).expect("a blob of build.rs"));
    for (i, name) in layout.sections.iter().enumerate() {
        if a[i] == b[i] || (i == 0 && name == &"core" && !cores_equal) {
            continue;
        }
        let map = |bytes: &[u8]| {
            let map =
                fst::Map::new(bytes.to_vec()).unwrap_or_else(|e| panic!("section {name} differs and is no FST: {e}"));
            let (mut out, mut stream) = (Vec::new(), map.stream());
            while let Some((key, value)) = stream.next() {
                out.push((key.to_vec(), value));
            }
            out
        };
        assert!(map(a[i]) == map(b[i]), "section {name}: the FSTs hold different keys or values");
    }
}

/// The public query files' queries.
fn queries() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["tests/dev.json", "tests/natural.json"]
        .iter()
        .flat_map(|f| {
            let text = String::from_utf8(read(&root.join(f))).expect("UTF-8");
            let json = js_sys::JSON::parse(&text).expect("JSON");
            let list: js_sys::Array = js_sys::Reflect::get(&json, &"queries".into()).expect("queries").into();
            list.iter()
                .map(|q| js_sys::Reflect::get(&q, &"q".into()).ok().and_then(|q| q.as_string()).expect("a query"))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[wasm_bindgen_test]
fn the_seeds_indexed_in_wasm_are_what_build_rs_wrote_and_answer_alike() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let corpus = load_files(&seeds, folder(&seeds)).expect("the seeds load");
    let ours = Indexer::new(&corpus).expect("the seeds compile").write(Sharding::Never);
    // build.rs writes the seeds whole here, whatever the build's own sharding.
    let whole = Path::new(env!("POLICY_SEARCH_WHOLE"));
    let (core, lexicon) = (read(&whole.join("index.bin")), read(&whole.join("lexicon.bin")));
    assert_equivalent(&header::CORE, &ours.core, &core, ours.core == core);
    assert_equivalent(&header::LEXICON, &ours.lexicon, &lexicon, ours.core == core);

    let open = |core: &'static [u8], lexicon: &'static [u8]| {
        let mut engine = Engine::open(core).expect("an index");
        engine.attach_lexicon(lexicon).expect("its lexicon");
        engine
    };
    let leak = |v: Vec<u8>| -> &'static [u8] { Vec::leak(v) };
    let (mine, built) = (open(leak(ours.core), leak(ours.lexicon)), open(leak(core), leak(lexicon)));
    let queries = queries();
    assert!(queries.len() >= 60, "the public queries: {}", queries.len());
    let options = SearchOptions {
        today: Some(policy_search_index::facets::Day::parse("2026-01-01").expect("a day")),
        ..SearchOptions::default()
    };
    for q in &queries {
        assert_eq!(mine.search(q, &options), built.search(q, &options), "{q}");
    }
}
