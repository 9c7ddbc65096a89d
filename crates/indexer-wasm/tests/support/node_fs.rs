//! Test support, in Node: a corpus folder read from disk through `node:fs`, as a page or a
//! script hands its files to the indexer (shared by this crate's test and the root crate's
//! `the_indexer_in_wasm_writes_what_build_rs_writes`).

use std::path::Path;

use policy_search_corpus::CorpusFile;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "node:fs")]
extern "C" {
    #[wasm_bindgen(js_name = readFileSync)]
    fn read_file(path: &str) -> Vec<u8>;
    #[wasm_bindgen(js_name = readdirSync)]
    fn read_dir(path: &str) -> js_sys::Array;
}

/// The bytes of the file at `path`.
pub fn read(path: &Path) -> Vec<u8> {
    read_file(path.to_str().expect("a UTF-8 path"))
}

/// Every file of folder `dir`.
pub fn folder(dir: &Path) -> Vec<CorpusFile> {
    let names = read_dir(dir.to_str().expect("a UTF-8 path"));
    names.iter().filter_map(|n| n.as_string()).map(|name| CorpusFile { bytes: read(&dir.join(&name)), name }).collect()
}
