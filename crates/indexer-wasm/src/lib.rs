//! The indexer and the CLI for JavaScript. A page or a Node script hands [`index`] every file of a corpus folder
//! and gets back the files `build.rs` writes for that folder (`index.bin`, `lexicon.bin`,
//! `shards/…`), with the same report and the same errors naming file and problem. The same
//! maps and answers, not always the same bytes: on wasm32 the `fst` crate lays out some FST
//! nodes differently (see `tests/the_indexer_in_wasm_writes_what_build_rs_writes.rs`), and
//! the checksums that name files follow. It takes the code path `build.rs` takes — [`policy_search_corpus::load_files`],
//! then [`policy_search_indexer::Indexer`] — so nothing here decides anything about the index:
//! it only turns JavaScript values into Rust ones and back.
//!
//! [`Searcher`] then runs the `policy-search` command's searches over those files, as the
//! native CLI does over the index embedded at build time (`policy_search_cli::run`: the same
//! text, the same JSON).
//!
//! ```js
//! import { index } from "./policy_search_indexer_wasm.js";
//! const out = index([{ name: "a.txt", bytes }, { name: "manifest.toml", bytes: manifest }],
//!                   { folder: "site", shards: "auto" });
//! for (const { name, bytes } of out.files) save(name, bytes);  // index.bin, lexicon.bin, shards/…
//! ```

use std::path::{Path, PathBuf};

use js_sys::{Array, Object, Reflect, Uint8Array};
use policy_search::Engine;
use policy_search_corpus::{load_files, CorpusFile};
use policy_search_indexer::{Indexer, ShardSizes, Sharding};
use wasm_bindgen::prelude::*;

/// The name the removed-lines report is saved under beside the index, as `build.rs` does.
pub const REPORT: &str = "corpus-report.txt";

/// Indexes the files of one folder.
///
/// - `files`: every file of the folder, `manifest.toml` included, as `{ name, bytes }` objects
///   (`name` without the folder, `bytes` a `Uint8Array`), in any order;
/// - `options`: `{ folder, shards, report }`, all optional: `folder` names the files in
///   messages (default `corpus`), `shards` is `"auto"` (the default: past 64 KiB the index and
///   the lexicon are sharded), `"always"` or `"never"`, `report` the path the summary names for
///   the report (default `corpus-report.txt` in `folder`).
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
    let report = text_option(&options, "report")?.map_or_else(|| dir.join(REPORT), PathBuf::from);
    set(&result, "summary", &corpus.summary(&report).into())?;
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

/// The `policy-search` command over an index given as files: the core (`index.bin`, or a
/// deployed exact module's `policy-search-index` section) and the lexicon, then each shard
/// file the commands ask for.
///
/// ```js
/// const searcher = new Searcher(core, lexicon);
/// for (;;) {
///   const { out, missing } = searcher.run(["search", "--json", "--", "创业补贴"]);
///   if (!missing.length) { process.stdout.write(out); break; }
///   for (const name of missing) searcher.addFile(name, read(name));  // shards/…, relative to pkg/
/// }
/// ```
#[wasm_bindgen]
pub struct Searcher {
    engine: Engine<'static>,
}

#[wasm_bindgen]
impl Searcher {
    /// Opens `index` with its `lexicon`. Throws when either is not a whole file of this format,
    /// or the lexicon is another build's.
    #[wasm_bindgen(constructor)]
    pub fn new(index: Vec<u8>, lexicon: Vec<u8>) -> Result<Searcher, JsError> {
        // Leaked, as the browser's engine leaks its index: one searcher lives as long as its
        // process or page.
        let index: &'static [u8] = Box::leak(index.into_boxed_slice());
        let lexicon: &'static [u8] = Box::leak(lexicon.into_boxed_slice());
        let mut engine = Engine::open(index).map_err(|e| JsError::new(&format!("index: {e}")))?;
        engine.attach_lexicon(lexicon).map_err(|e| JsError::new(&format!("lexicon: {e}")))?;
        Ok(Searcher { engine })
    }

    /// Runs one command (the arguments after `policy-search`, as the native CLI takes them).
    /// Returns `{ out, missing }`: `out` what the command prints, complete when `missing` (the
    /// shard files it lacked, names relative to `pkg/`) is empty; otherwise add those files and
    /// run it again. Throws the command's error message (bad arguments, a query refused).
    pub fn run(&self, args: Vec<String>) -> Result<Object, JsError> {
        let mut out = Vec::new();
        let result = policy_search_cli::run(&self.engine, &args, &mut out);
        let missing: Array = self.engine.take_missing().into_iter().map(JsValue::from).collect();
        // An error from an incomplete index is asked again once the files are in.
        if let Err(message) = result {
            if missing.length() == 0 {
                return Err(JsError::new(&message));
            }
        }
        let result = Object::new();
        set(&result, "out", &String::from_utf8_lossy(&out).as_ref().into())?;
        set(&result, "missing", &missing)?;
        Ok(result)
    }

    /// Adds a shard file the last run lacked. Throws for a name that is not this index's or its
    /// lexicon's, or bytes that are not that file whole.
    #[wasm_bindgen(js_name = addFile)]
    pub fn add_file(&self, name: &str, bytes: Vec<u8>) -> Result<(), JsError> {
        self.engine.add_file(name, bytes).map_err(|e| JsError::new(&format!("{name}: {e}")))
    }
}
