//! The indexer's JavaScript entry point, in Node: the seeds' files handed over as
//! `{ name, bytes }` come back as the files the Rust API writes for them (the code path
//! `build.rs` takes), with the report and summary; bad input is an error naming the file.
#![cfg(target_arch = "wasm32")]

use std::path::Path;

use js_sys::{Array, Object, Reflect, Uint8Array};
use policy_search_corpus::{load_files, CorpusFile};
use policy_search_indexer::{Indexer, ShardSizes, Sharding};
use policy_search_indexer_wasm::index;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

#[path = "support/node_fs.rs"]
mod node_fs;

fn seeds() -> Vec<CorpusFile> {
    node_fs::folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds"))
}

/// `files` as JavaScript hands them over.
fn js_files(files: &[CorpusFile]) -> Array {
    files
        .iter()
        .map(|f| {
            let o = Object::new();
            Reflect::set(&o, &"name".into(), &f.name.as_str().into()).unwrap();
            Reflect::set(&o, &"bytes".into(), &Uint8Array::from(f.bytes.as_slice())).unwrap();
            JsValue::from(o)
        })
        .collect()
}

fn options(folder: &str, shards: &str) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"folder".into(), &folder.into()).unwrap();
    Reflect::set(&o, &"shards".into(), &shards.into()).unwrap();
    o.into()
}

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn the_seeds_come_back_as_the_files_the_rust_api_writes() {
    let files = seeds();
    for (shards, sharding) in [("auto", Sharding::Auto(ShardSizes::default())), ("never", Sharding::Never)] {
        let out: JsValue = index(&js_files(&files), options("seeds", shards)).map_err(JsValue::from).unwrap().into();
        let corpus = load_files(Path::new("seeds"), files.clone()).unwrap();
        let blobs = Indexer::new(&corpus).unwrap().write(sharding);
        let returned: Vec<(String, Vec<u8>)> = Array::from(&get(&out, "files"))
            .iter()
            .map(|f| {
                (get(&f, "name").as_string().unwrap(), get(&f, "bytes").dyn_into::<Uint8Array>().unwrap().to_vec())
            })
            .collect();
        let expected: Vec<(String, Vec<u8>)> =
            blobs.named().into_iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect();
        assert_eq!(returned.len(), expected.len(), "{shards}");
        assert!(returned == expected, "{shards}: the files differ");
        assert_eq!(shards == "auto", returned.iter().any(|(n, _)| n.starts_with("shards/")), "{shards}");
        assert_eq!(get(&out, "lexiconName").as_string().unwrap(), blobs.lexicon_name());
        assert_eq!(get(&out, "report").as_string().unwrap(), corpus.removed_report());
        let summary = get(&out, "summary").as_string().unwrap();
        let documents = format!("{} documents", corpus.documents.len());
        assert!(summary.contains(&documents) && summary.contains("seeds/corpus-report.txt"), "{summary}");
    }
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_naming_the_file_and_the_problem() {
    let file = |name: &str, bytes: &[u8]| CorpusFile { name: name.to_string(), bytes: bytes.to_vec() };
    let message = |files: &[CorpusFile], opts: JsValue| -> String {
        let err = JsValue::from(index(&js_files(files), opts).expect_err("an error"));
        get(&err, "message").as_string().unwrap()
    };
    let undecodable = message(&[file("a.txt", &[0xff, 0xfe, 0x00, 0xd8, 0x41])], options("site", "auto"));
    assert!(undecodable.contains("site/a.txt"), "{undecodable}");
    let pdf = message(&[file("notes.pdf", b"%PDF")], options("site", "auto"));
    assert!(pdf.contains("site/notes.pdf"), "{pdf}");
    let shards = message(&seeds(), options("seeds", "sometimes"));
    assert!(shards.contains("sometimes"), "{shards}");
    let not_files = JsValue::from(index(&Array::of1(&"a.txt".into()), JsValue::UNDEFINED).expect_err("an error"));
    assert!(get(&not_files, "message").as_string().unwrap().contains("{ name, bytes }"));
}
