//! Compiles the corpus folder (`seeds/`, or `$POLICY_SEARCH_CORPUS`) into the index blob
//! `$OUT_DIR/index.bin`, which `src/embedded.rs` embeds with `include_bytes!`, and the files
//! beside it. The compiling is `policy-search-indexer`'s; this script reads the environment,
//! loads the folder, saves the files and says what the build should know.
//!
//! A bad corpus file fails the build with a message naming the file and the problem.

use std::{env, fs, path::PathBuf, process};

use policy_search_corpus::load_dir;
use policy_search_indexer::{Blobs, Indexer, ShardSizes, Sharding};

/// Index bytes up to which build.rs also writes the twin (the seeds' are ≈ 200 KB; the scale
/// benchmark's 10× and 100× corpora skip it).
const TWIN_UP_TO: usize = 1 << 20;

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let corpus_dir = env::var_os("POLICY_SEARCH_CORPUS").map(PathBuf::from).unwrap_or_else(|| root.join("seeds"));
    println!("cargo:rerun-if-changed={}", corpus_dir.display());
    println!("cargo:rerun-if-env-changed=POLICY_SEARCH_CORPUS");
    println!("cargo:rerun-if-env-changed=POLICY_SEARCH_SHARDS");
    println!("cargo:rerun-if-env-changed=POLICY_SEARCH_SHARD_SIZES");

    let fail = |message: String| -> ! {
        eprintln!("error: policy-search corpus: {message}");
        process::exit(1);
    };
    let corpus = load_dir(&corpus_dir).unwrap_or_else(|e| fail(e.to_string()));
    // Every removed line and skipped file, beside the index; one line of figures in the output.
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let report = out_dir.join("corpus-report.txt");
    fs::write(&report, corpus.removed_report()).unwrap_or_else(|e| fail(format!("{}: {e}", report.display())));
    println!("cargo:warning={}", corpus.summary(&report));
    for line in corpus.warnings() {
        println!("cargo:warning=policy-search corpus: {line}");
    }

    // Past a size the index is sharded (docs/index-format.md, `shards`): the core is embedded,
    // the shard files are served beside the wasm. POLICY_SEARCH_SHARDS=always|never overrides;
    // POLICY_SEARCH_SHARD_SIZES=<term shard bytes>,<text chunk bytes>[,<lexicon shard bytes>]
    // sets the file sizes (a lexicon shard as a term shard when not given). The lexicon is
    // sharded by the same rule as the index (docs/index-format.md, "The lexicon").
    let sizes = match env::var("POLICY_SEARCH_SHARD_SIZES") {
        Err(_) => ShardSizes::default(),
        Ok(s) => {
            let numbers: Vec<Option<usize>> =
                s.split(',').map(|n| n.trim().parse::<usize>().ok().filter(|&n| n > 0)).collect();
            match numbers[..] {
                [Some(term_shard), Some(text_chunk)] => {
                    ShardSizes::Fixed { term_shard, text_chunk, lexicon_shard: term_shard }
                }
                [Some(term_shard), Some(text_chunk), Some(lexicon_shard)] => {
                    ShardSizes::Fixed { term_shard, text_chunk, lexicon_shard }
                }
                _ => fail(format!(
                    "POLICY_SEARCH_SHARD_SIZES={s:?}: expected two or three byte counts, such as 49152,32768 or 49152,32768,16384"
                )),
            }
        }
    };
    let sharding = match env::var("POLICY_SEARCH_SHARDS").as_deref() {
        Ok("always") => Sharding::Always(sizes),
        Ok("never") => Sharding::Never,
        Ok("auto") | Err(_) => Sharding::Auto(sizes),
        Ok(other) => fail(format!("POLICY_SEARCH_SHARDS={other:?}: expected auto, always or never")),
    };
    let indexer = Indexer::new(&corpus).unwrap_or_else(|e| fail(e));
    for line in indexer.warnings() {
        println!("cargo:warning=policy-search corpus: {line}");
    }
    let blobs = indexer.write(sharding);
    let save = |dir: &PathBuf, blobs: &Blobs| {
        let shards = dir.join("shards");
        if shards.exists() {
            fs::remove_dir_all(&shards).unwrap_or_else(|e| fail(format!("{}: {e}", shards.display())));
        }
        let shard_files = || blobs.files.iter().chain(&blobs.lexicon_files);
        for (name, bytes) in blobs.named() {
            let out = dir.join(name);
            let parent = out.parent().expect("a file in a folder");
            fs::create_dir_all(parent).unwrap_or_else(|e| fail(format!("{}: {e}", parent.display())));
            fs::write(&out, bytes).unwrap_or_else(|e| fail(format!("{}: {e}", out.display())));
        }
        // The files (the index's, then the lexicon's) as a Rust list `&[(name, bytes)]`, for
        // native builds (the CLI, benches, tests) to embed with include!; the wasm does not.
        let list: String = shard_files()
            .map(|(name, _)| {
                format!("({name:?}, include_bytes!({:?}) as &[u8]),\n", dir.join(name).display().to_string())
            })
            .collect();
        let out = dir.join("shards.rs");
        fs::write(&out, format!("&[\n{list}]\n")).unwrap_or_else(|e| fail(format!("{}: {e}", out.display())));
    };
    save(&out_dir, &blobs);
    // The engine's code for reading shard files is left out of an exact-only wasm build whose
    // embedded index has none (src/embedded.rs, `SHARDS`).
    println!("cargo::rustc-check-cfg=cfg(policy_search_sharded)");
    if !blobs.files.is_empty() {
        println!("cargo:rustc-cfg=policy_search_sharded");
        let bytes: usize = blobs.files.iter().map(|f| f.1.len()).sum();
        let (n, core) = (blobs.files.len(), blobs.core.len());
        println!("cargo:warning=policy-search index: sharded: core {core} bytes, {n} shard files, {bytes} bytes");
    }
    if !blobs.lexicon_files.is_empty() {
        let bytes: usize = blobs.lexicon_files.iter().map(|f| f.1.len()).sum();
        let (n, core) = (blobs.lexicon_files.len(), blobs.lexicon.len());
        println!("cargo:warning=policy-search lexicon: sharded: core {core} bytes, {n} shard files, {bytes} bytes");
        let general: Vec<usize> =
            blobs.lexicon_files.iter().filter(|f| f.0.starts_with("shards/g-")).map(|f| f.1.len()).collect();
        let (g, words) = (general.iter().sum::<usize>(), blobs.report.general_kept);
        println!(
            "cargo:warning=policy-search general thesaurus: {words} words, in {} of those files, {g} bytes",
            general.len()
        );
    }
    // A small corpus (the seeds) is also written the other way round — its twin, index and
    // lexicon whole if both are sharded, both sharded if they are whole (and, for a corpus whose
    // index is sharded and lexicon not, or the reverse, both twins) — for the tests that prove
    // both answer alike: POLICY_SEARCH_SHARDED and POLICY_SEARCH_WHOLE name the folder of each.
    let small = blobs.core.len() + blobs.files.iter().map(|f| f.1.len()).sum::<usize>() <= TWIN_UP_TO;
    let twin = |name: &str, sharding: Sharding| {
        let dir = out_dir.join(name);
        if small {
            save(&dir, &indexer.write(sharding));
        }
        dir
    };
    let sharded = if blobs.files.is_empty() || blobs.lexicon_files.is_empty() {
        // Small files, so that a query of the seeds reads some of many, as one of a portal's does.
        let sizes = ShardSizes::Fixed { term_shard: 8 << 10, text_chunk: 8 << 10, lexicon_shard: 8 << 10 };
        twin("twin", Sharding::Always(sizes))
    } else {
        out_dir.clone()
    };
    let whole = if blobs.files.is_empty() && blobs.lexicon_files.is_empty() {
        out_dir.clone()
    } else {
        twin("whole", Sharding::Never)
    };
    println!("cargo:rustc-env=POLICY_SEARCH_SHARDED={}", sharded.display());
    println!("cargo:rustc-env=POLICY_SEARCH_WHOLE={}", whole.display());
    // The lexicon is served under a name made of its own checksum, so that a cache never hands
    // out a stale one; the engine embeds the name, scripts/build-web copies the file under it.
    let out = out_dir.join("lexicon.name");
    fs::write(&out, blobs.lexicon_name()).unwrap_or_else(|e| fail(format!("{}: {e}", out.display())));
    // For scripts/build-web (which copies it beside the wasm) and the wasm tests.
    println!("cargo:rustc-env=POLICY_SEARCH_LEXICON={}", out_dir.join("lexicon.bin").display());
}
