//! Compiles the corpus folder (`seeds/`, or `$POLICY_SEARCH_CORPUS`) into the index blob
//! `$OUT_DIR/index.bin`, which `src/engine.rs` embeds with `include_bytes!`.
//!
//! A bad corpus file fails the build with a message naming the file and the problem.

use std::{env, fs, path::PathBuf, process};

use policy_search_corpus::{load_dir, units::unit_table};
use policy_search_index::{
    facets::{FacetsInput, Validity},
    write::{ClauseInput, CorpusWord, Lexicon, ShardSizes, Sharding},
    DocView,
};
use policy_search_lexicon::{readings, stopwords, vocabulary::Source, Thesaurus, Vocabulary, STOPWORDS, SYNONYMS};
use policy_search_normalize::{fold, FoldTable};

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
    let report = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus-report.txt");
    fs::write(&report, corpus.removed_report()).unwrap_or_else(|e| fail(format!("{}: {e}", report.display())));
    println!("cargo:warning={}", corpus.summary(&report));
    for line in corpus.warnings() {
        println!("cargo:warning=policy-search corpus: {line}");
    }

    let dates: Vec<[Option<String>; 3]> = corpus
        .documents
        .iter()
        .map(|d| [d.meta.published, d.meta.effective, d.meta.expires].map(|x| x.map(|x| x.to_string())))
        .collect();
    let docs: Vec<DocView> = corpus
        .documents
        .iter()
        .zip(&dates)
        .map(|(d, [published, effective, expires])| DocView {
            doc: &d.meta.doc,
            title: &d.meta.title,
            issuer: d.meta.issuer.iter().map(String::as_str).collect(),
            number: d.meta.number.as_deref(),
            // The writer reads it from `number`, folded with the table the index ships.
            number_parts: None,
            published: published.as_deref(),
            effective: effective.as_deref(),
            expires: expires.as_deref(),
            period: d.meta.period.as_deref(),
            source: d.meta.source.as_deref(),
        })
        .collect();
    let clauses: Vec<ClauseInput> = corpus
        .documents
        .iter()
        .enumerate()
        .flat_map(|(n, d)| {
            d.clauses.iter().map(move |c| ClauseInput {
                doc: n as u32,
                id: c.clause.clone(),
                label: c.label.clone(),
                path: c.path.iter().map(|h| (h.label.clone(), h.title.clone())).collect(),
                heading_len: c.heading.as_ref().map_or(0, |h| h.chars().count() as u32),
                text: c.text.clone(),
                units: c.units.clone(),
                units_span: c.units_span.as_ref().map(|s| s.start as u32..s.end as u32),
            })
        })
        .collect();

    // Language data: the thesaurus (the project's, then the portal's from its manifest), the
    // stop list, and the vocabulary of the corpus itself (clause text and titles).
    let full = FoldTable::full();
    let fold = |s: &str| fold(s, full);
    let mut thesaurus = Thesaurus::parse(SYNONYMS, "crates/lexicon/data/synonyms.txt").unwrap_or_else(|e| fail(e));
    let manifest = corpus_dir.join("manifest.toml");
    thesaurus.extend(
        Thesaurus::parse_lines(&corpus.synonyms, &format!("{} (synonyms)", manifest.display()))
            .unwrap_or_else(|e| fail(e)),
    );
    let texts: Vec<String> = clauses.iter().map(|c| fold(&c.text)).chain(docs.iter().map(|d| fold(d.title))).collect();
    let phrases = readings::Phrases::bundled(fold);
    let lexicon = Lexicon {
        words: Vocabulary::build(&texts)
            .words
            .into_iter()
            .map(|(w, e)| {
                let info = CorpusWord {
                    segmenter: e.source == Source::Segmenter,
                    suggest: e.suggest,
                    clauses: e.texts as u32,
                };
                (w, info)
            })
            .collect(),
        stopwords: stopwords::parse(STOPWORDS, fold).into_iter().collect(),
        synonyms: thesaurus.expansions(fold),
        readings: &readings::of_char,
        word_readings: &|w: &str| phrases.read(w),
        common: readings::common_chars(),
    };

    // Past a size the index is sharded (docs/index-format.md, `shards`): the core is embedded,
    // the shard files are served beside the wasm. POLICY_SEARCH_SHARDS=always|never overrides;
    // POLICY_SEARCH_SHARD_SIZES=<term shard bytes>,<text chunk bytes> sets the file sizes.
    let sizes = match env::var("POLICY_SEARCH_SHARD_SIZES") {
        Err(_) => ShardSizes::default(),
        Ok(s) => match s.split_once(',').map(|(a, b)| (a.trim().parse::<usize>(), b.trim().parse::<usize>())) {
            Some((Ok(term_shard), Ok(text_chunk))) if term_shard > 0 && text_chunk > 0 => {
                ShardSizes { term_shard, text_chunk }
            }
            _ => fail(format!("POLICY_SEARCH_SHARD_SIZES={s:?}: expected two byte counts, such as 49152,32768")),
        },
    };
    let sharding = match env::var("POLICY_SEARCH_SHARDS").as_deref() {
        Ok("always") => Sharding::Always(sizes),
        Ok("never") => Sharding::Never,
        Ok("auto") | Err(_) => Sharding::Auto(sizes),
        Ok(other) => fail(format!("POLICY_SEARCH_SHARDS={other:?}: expected auto, always or never")),
    };
    // Facets: responsible units named once each (crates/corpus/src/units.rs), the validity a
    // manifest states.
    let units = unit_table(&corpus.documents);
    for doc in &units.unplaced {
        println!("cargo:warning=policy-search corpus: {doc}: no city in its issuers or title, so its units (市…, 各…) are listed as its own");
    }
    let facets = FacetsInput {
        units: units.units,
        clause_units: units.clause_units,
        stated: corpus
            .documents
            .iter()
            .map(|d| d.meta.status.as_deref().map(|s| Validity::from_name(s).expect("the manifest checks it")))
            .collect(),
    };
    let write = |sharding| policy_search_index::write::write(&docs, &clauses, &facets, full, &lexicon, sharding);
    let blobs = write(sharding);
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let save = |dir: &PathBuf, blobs: &policy_search_index::write::Blobs| {
        let shards = dir.join("shards");
        if shards.exists() {
            fs::remove_dir_all(&shards).unwrap_or_else(|e| fail(format!("{}: {e}", shards.display())));
        }
        let mut files = vec![("index.bin".to_string(), &blobs.core), ("lexicon.bin".to_string(), &blobs.lexicon)];
        files.extend(blobs.files.iter().map(|(name, bytes)| (name.clone(), bytes)));
        for (name, bytes) in files {
            let out = dir.join(name);
            let parent = out.parent().expect("a file in a folder");
            fs::create_dir_all(parent).unwrap_or_else(|e| fail(format!("{}: {e}", parent.display())));
            fs::write(&out, bytes).unwrap_or_else(|e| fail(format!("{}: {e}", out.display())));
        }
        // The files as a Rust list `&[(name, bytes)]`, for native builds (the CLI, benches,
        // tests) to embed with include!; the wasm does not.
        let list: String = blobs
            .files
            .iter()
            .map(|(name, _)| {
                format!("({name:?}, include_bytes!({:?}) as &[u8]),\n", dir.join(name).display().to_string())
            })
            .collect();
        let out = dir.join("shards.rs");
        fs::write(&out, format!("&[\n{list}]\n")).unwrap_or_else(|e| fail(format!("{}: {e}", out.display())));
    };
    save(&out_dir, &blobs);
    // The engine's code for reading shard files is left out of a browser module whose embedded
    // index has none (src/engine.rs, `SHARDS`).
    println!("cargo::rustc-check-cfg=cfg(policy_search_sharded)");
    if !blobs.files.is_empty() {
        println!("cargo:rustc-cfg=policy_search_sharded");
        let bytes: usize = blobs.files.iter().map(|f| f.1.len()).sum();
        let (n, core) = (blobs.files.len(), blobs.core.len());
        println!("cargo:warning=policy-search index: sharded: core {core} bytes, {n} shard files, {bytes} bytes");
    }
    // An embedded build also writes its sharded twin, for the tests that prove both answer alike.
    let twin = out_dir.join("twin");
    if blobs.files.is_empty() {
        // Small files, so that a query of the seeds reads some of many, as one of a portal's does.
        save(&twin, &write(Sharding::Always(ShardSizes { term_shard: 8 << 10, text_chunk: 8 << 10 })));
    }
    println!("cargo:rustc-env=POLICY_SEARCH_TWIN={}", twin.display());
    // The lexicon is served under a name made of its own checksum, so that a cache never hands
    // out a stale one; the engine embeds the name, scripts/build-web copies the file under it.
    let sum = policy_search_index::header::LEXICON.stored_checksum(&blobs.lexicon).expect("a written header is whole");
    let name = format!("lexicon-{sum:016x}.bin");
    let out = out_dir.join("lexicon.name");
    fs::write(&out, name).unwrap_or_else(|e| fail(format!("{}: {e}", out.display())));
    // For scripts/build-web (which copies it beside the wasm) and the wasm tests.
    println!("cargo:rustc-env=POLICY_SEARCH_LEXICON={}", out_dir.join("lexicon.bin").display());
}
