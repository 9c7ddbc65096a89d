//! The indexer for JavaScript: a page or a Node script hands it every file of a corpus folder
//! and gets back the files `build.rs` writes for that folder (`index.bin`, `lexicon.bin`,
//! `shards/…`), with the same report and the same errors naming file and problem. The same
//! maps and answers, not always the same bytes: on wasm32 the `fst` crate lays out some FST
//! nodes differently (see `tests/the_indexer_in_wasm_writes_what_build_rs_writes.rs`), and
//! the checksums that name files follow. It takes the code path `build.rs` takes — [`policy_search_corpus::load_files`],
//! then [`policy_search_indexer::Indexer`] — so nothing here decides anything about the index:
//! it only turns JavaScript values into Rust ones and back.
//!
//! ```js
//! import { index } from "./policy_search_indexer_wasm.js";
//! const out = index([{ name: "a.txt", bytes }, { name: "manifest.toml", bytes: manifest }],
//!                   { folder: "site", shards: "auto" });
//! for (const { name, bytes } of out.files) save(name, bytes);  // index.bin, lexicon.bin, shards/…
//! ```

use std::path::Path;

use js_sys::{Array, Object, Reflect, Uint8Array};
use policy_search_corpus::{load_files, CorpusFile};
use policy_search_indexer::{Indexer, ShardSizes, Sharding};
use wasm_bindgen::prelude::*;

/// The name the removed-lines report is saved under beside the index, as `build.rs` does.
pub const REPORT: &str = "corpus-report.txt";

/// Indexes the files of one folder.
///
/// - `files`: every file of the folder, `manifest.toml` included, as `{ name, bytes }` objects
///   (`name` without the folder, `bytes` a `Uint8Array`), in any order;
/// - `options`: `{ folder, shards }`, both optional: `folder` names the files in messages
///   (default `corpus`), `shards` is `"auto"` (the default: past 64 KiB the index and the
///   lexicon are sharded), `"always"` or `"never"`.
///
/// Returns `{ files, lexiconName, report, summary, warnings }`: `files` the index files as
/// `{ name, bytes }` (`index.bin`, `lexicon.bin`, then `shards/…`), `lexiconName` the name
/// the lexicon is served under, `report` every removed line (`corpus-report.txt`), `summary`
/// one line of figures, `warnings` what the build says about single files. A bad corpus is an
/// error whose message names the file and the problem.
#[wasm_bindgen]
pub fn index(files: &Array, options: JsValue) -> Result<Object, JsError> {
    let folder = text_option(&options, "folder")?.unwrap_or_else(|| "corpus".to_string());
    let sharding = match text_option(&options, "shards")?.as_deref() {
        None | Some("auto") => Sharding::Auto(ShardSizes::default()),
        Some("always") => Sharding::Always(ShardSizes::default()),
        Some("never") => Sharding::Never,
        Some(other) => return Err(JsError::new(&format!("shards: {other:?}: expected auto, always or never"))),
    };
    let files = files.iter().map(|file| corpus_file(&file)).collect::<Result<Vec<_>, _>>()?;
    let dir = Path::new(&folder);
    let corpus = load_files(dir, files).map_err(|e| JsError::new(&e.to_string()))?;
    let indexer = Indexer::new(&corpus).map_err(|e| JsError::new(&e))?;
    let blobs = indexer.write(sharding);

    let out = Array::new();
    for (name, bytes) in blobs.named() {
        out.push(&named(name, bytes)?);
    }
    let warnings: Array = corpus.warnings().iter().chain(indexer.warnings()).map(|w| JsValue::from_str(w)).collect();
    let result = Object::new();
    set(&result, "files", &out)?;
    set(&result, "lexiconName", &blobs.lexicon_name().into())?;
    set(&result, "report", &corpus.removed_report().into())?;
    set(&result, "summary", &corpus.summary(&dir.join(REPORT)).into())?;
    set(&result, "warnings", &warnings)?;
    Ok(result)
}

/// One `{ name, bytes }` of the input.
fn corpus_file(file: &JsValue) -> Result<CorpusFile, JsError> {
    let name = Reflect::get(file, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .ok_or_else(|| JsError::new("files: each file is { name, bytes } with a string name"))?;
    let bytes = Reflect::get(file, &"bytes".into())
        .ok()
        .and_then(|b| b.dyn_into::<Uint8Array>().ok())
        .ok_or_else(|| JsError::new(&format!("{name}: bytes is not a Uint8Array")))?;
    Ok(CorpusFile { name, bytes: bytes.to_vec() })
}

/// A string option, when given.
fn text_option(options: &JsValue, key: &str) -> Result<Option<String>, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let value = Reflect::get(options, &key.into()).map_err(|_| JsError::new("options: not an object"))?;
    match value.as_string() {
        Some(s) => Ok(Some(s)),
        None if value.is_undefined() => Ok(None),
        None => Err(JsError::new(&format!("options.{key}: not a string"))),
    }
}

/// `{ name, bytes }` of one output file.
fn named(name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
    let file = Object::new();
    set(&file, "name", &name.into())?;
    set(&file, "bytes", &Uint8Array::from(bytes).into())?;
    Ok(file.into())
}

fn set(object: &Object, key: &str, value: &JsValue) -> Result<(), JsError> {
    Reflect::set(object, &key.into(), value).map(drop).map_err(|_| JsError::new("could not build the result"))
}
