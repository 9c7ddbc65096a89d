//! Build time: turns documents and clauses into the index blob.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use policy_search_normalize::{docnumber::read_number, fold, FoldTable};

use crate::{
    alphabet,
    bytes::put_table,
    clauses::{self, ClauseNumbers},
    docs, facets, header, headings, keys,
    lexicon::Kind,
    pinyin,
    postings::{self, Occurrences},
    readings,
    shards::{self, File},
    synonyms, terms,
    texts::{self, ClauseStrings, Keywords},
    typed, vocab, DocView,
};

/// Whether to split the index into a core and shard files (see [`crate::shards`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sharding {
    /// Shard into files of about these sizes when the embedded core would be larger than
    /// [`SHARD_ABOVE`].
    Auto(ShardSizes),
    /// Always embed everything.
    Never,
    /// Always shard, into files of about these sizes (tests of the sharded path on a small
    /// corpus use small files, so that a query reads some of many).
    Always(ShardSizes),
}

/// Target raw sizes of the shard files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ShardSizes {
    /// Sizes that grow with the index ([`ShardSizes::fitted`]).
    #[default]
    Fitted,
    /// These sizes, in raw bytes (tests of the sharded path use small files, so that a query
    /// reads some of many).
    Fixed {
        /// Bytes of one term shard.
        term_shard: usize,
        /// Bytes of one text chunk.
        text_chunk: usize,
        /// Bytes of one lexicon shard (vocabulary, pinyin or typed).
        lexicon_shard: usize,
    },
}

impl ShardSizes {
    /// `(term shard, text chunk)` bytes for an index of `terms` bytes of keys and postings and
    /// `texts` bytes of clause strings. A query fetches about one file per key and one per
    /// clause on its page, and the core lists every file (≈ 16 bytes each), so the bytes before
    /// a first result are least when a file grows as the square root of the whole: for the
    /// seeds 2 KiB term shards and 1 KiB chunks (measured, a hanzi query's first result p50:
    /// 4 KiB files 110.3 KB, 2 KiB 99.9 KB, 2 KiB and 1 KiB chunks 97.2 KB), about 20 KiB term
    /// shards and 12 KiB chunks at 100× the seeds.
    pub fn fitted(self, terms: usize, texts: usize) -> (usize, usize) {
        match self {
            ShardSizes::Fixed { term_shard, text_chunk, .. } => (term_shard, text_chunk),
            ShardSizes::Fitted => {
                let root = |bytes: usize, times: usize| ((bytes * times) as f64).sqrt() as usize;
                (
                    root(terms, 36).clamp(MIN_SHARD_BYTES, TERM_SHARD_BYTES),
                    root(texts, 16).clamp(MIN_CHUNK_BYTES, TEXT_CHUNK_BYTES),
                )
            }
        }
    }
}

impl ShardSizes {
    /// Bytes of one lexicon shard for a lexicon of `bytes` (its vocabulary, pinyin and typed
    /// sections): as for term shards, the square root of 64 × the whole, from 4 KiB (the
    /// seeds') to 32 KiB. A query reads a few files of each kind it needs (a pinyin query one
    /// or two per letter, a related query one per piece) and the lexicon core lists every file.
    pub fn lexicon(self, bytes: usize) -> usize {
        match self {
            ShardSizes::Fixed { lexicon_shard, .. } => lexicon_shard,
            ShardSizes::Fitted => (((bytes * 64) as f64).sqrt() as usize).clamp(MIN_SHARD_BYTES, TERM_SHARD_BYTES),
        }
    }
}

/// Embedded index bytes above which [`Sharding::Auto`] shards. Below it, one embedded index is
/// smaller than a core and the shards a query needs (a few documents); above it, not: the
/// seeds' 160 KB index cost a hanzi query's first result 146 KB brotli embedded, 107 KB sharded.
pub const SHARD_ABOVE: usize = 64 << 10;
/// Smallest term shard a fitted index is cut into: below it, a request's own overhead and
/// brotli's worse ratio on small files cost more than the bytes saved.
pub const MIN_SHARD_BYTES: usize = 2 << 10;
/// Smallest text chunk: a page's hits each need their clause's chunk, so chunks pay for
/// being smaller down to about a dozen clauses.
pub const MIN_CHUNK_BYTES: usize = 1 << 10;
/// Largest fitted term shard: a query's keys cost little to fetch, a page needs few requests.
pub const TERM_SHARD_BYTES: usize = 32 << 10;
/// Largest fitted text chunk (about 4 000 characters): a page of ten hits from ten chunks costs
/// about 35 KB brotli at 100× the seeds.
pub const TEXT_CHUNK_BYTES: usize = 12 << 10;

/// A clause to index. `doc` is the document's position in the docs slice.
pub struct ClauseInput {
    /// Document number.
    pub doc: u32,
    /// Stable id within the document.
    pub id: String,
    /// Own numbering label.
    pub label: String,
    /// Headings above it as `(label, title)`, outermost first.
    pub path: Vec<(String, String)>,
    /// Characters of `text` that are its heading.
    pub heading_len: u32,
    /// Display text.
    pub text: String,
    /// Responsible units.
    pub units: Vec<String>,
    /// Character range of the responsibility tag.
    pub units_span: Option<std::ops::Range<u32>>,
    /// Its keywords, as `[start, len]` character spans of `text` (see [`texts`]).
    pub keywords: Vec<[u32; 2]>,
}

/// What the vocabulary knows of one corpus word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CorpusWord {
    /// The segmenter found it (rather than it only recurring as an n-gram).
    pub segmenter: bool,
    /// Worth offering as a completion (see [`vocab::Word::suggest`]).
    pub suggest: bool,
    /// Clauses and titles holding it.
    pub clauses: u32,
}

/// The language data to store beside the text (from `policy-search-lexicon`, at build time).
pub struct Lexicon<'l> {
    /// Corpus words (folded).
    pub words: BTreeMap<String, CorpusWord>,
    /// Stop words (folded).
    pub stopwords: BTreeSet<String>,
    /// For a word (folded), the words it also finds. Only targets that occur in the corpus
    /// are stored, and an entry none of whose targets occur is dropped.
    pub synonyms: BTreeMap<String, BTreeSet<String>>,
    /// The general thesaurus: for a word (folded, spelled with the corpus's characters), the
    /// corpus's words for it. Stored apart from the vocabulary (see [`crate::lexicon`]).
    pub general: BTreeMap<String, BTreeSet<String>>,
    /// The toneless readings of a character.
    pub readings: &'l dyn Fn(char) -> Vec<String>,
    /// The toneless readings of a word, read as a word (会计 `kuai ji`), one syllable per
    /// character.
    pub word_readings: &'l dyn Fn(&str) -> Vec<Vec<String>>,
    /// Characters people commonly type; those the corpus lacks get their usual reading stored.
    pub common: Vec<char>,
}

/// What [`write()`] left out of the lexicon because the corpus does not need it.
#[derive(Debug, Default)]
pub struct Report {
    /// Thesaurus words dropped because none of their synonyms occur in the corpus.
    pub synonyms_dropped: usize,
    /// Thesaurus entries kept.
    pub synonyms_kept: usize,
    /// General thesaurus words stored (see [`Lexicon::general`]).
    pub general_kept: usize,
}

/// What [`write()`] makes.
pub struct Blobs {
    /// The core index, embedded in the engine.
    pub core: Vec<u8>,
    /// The shard files of a sharded index, each with the name it is served under beside the
    /// wasm module (`shards/…`); empty for an embedded one.
    pub files: Vec<(String, Vec<u8>)>,
    /// The lexicon (the lexicon core, when sharded), which names the core by its checksum.
    pub lexicon: Vec<u8>,
    /// The shard files of a sharded lexicon, named as [`Blobs::files`] (`shards/…`); empty for
    /// a whole one.
    pub lexicon_files: Vec<(String, Vec<u8>)>,
    /// What was left out of the lexicon.
    pub report: Report,
}

impl Blobs {
    /// Every file of the build, named as its folder holds them: `index.bin` (the core),
    /// `lexicon.bin`, then the index's and the lexicon's shard files (`shards/…`). `build.rs`
    /// saves these; the indexer compiled to wasm hands the same list back.
    pub fn named(&self) -> Vec<(&str, &[u8])> {
        let whole = [("index.bin", &self.core), ("lexicon.bin", &self.lexicon)];
        let shards = self.files.iter().chain(&self.lexicon_files).map(|(name, bytes)| (name.as_str(), bytes));
        whole.into_iter().chain(shards).map(|(name, bytes)| (name, bytes.as_slice())).collect()
    }

    /// The name the lexicon is served under, made of its own checksum (`lexicon-<16 hex>.bin`)
    /// so that no cache hands out a stale one.
    pub fn lexicon_name(&self) -> String {
        let sum = header::LEXICON.stored_checksum(&self.lexicon).unwrap_or_default();
        format!("lexicon-{sum:016x}.bin")
    }
}

/// Writes the core index (with its shard files, if `sharding` says so) and the lexicon.
/// `full` is the build-time fold table; only the part of it whose targets occur in the folded
/// clause text is stored.
pub fn write(
    docs: &[DocView<'_>],
    clauses: &[ClauseInput],
    facets: &facets::FacetsInput,
    full: &FoldTable,
    lexicon: &Lexicon<'_>,
    popular: &[String],
    sharding: Sharding,
) -> Blobs {
    let folded: Vec<String> = clauses.iter().map(|c| fold(&c.text, full)).collect();

    let corpus_chars: BTreeSet<char> = folded.iter().flat_map(|t| t.chars()).collect();
    // The question frames' characters too: a Traditional question folds onto them.
    let frame_chars: BTreeSet<char> = policy_search_normalize::frame_chars().collect();
    let shipped = full.restrict_to(|c| corpus_chars.contains(&c) || frame_chars.contains(&c));
    let fold_section = crate::fold::write(&shipped);

    let mut lists: BTreeMap<String, Vec<Occurrences>> = BTreeMap::new();
    for (i, text) in folded.iter().enumerate() {
        for (key, at) in keys::keys_at(&text.chars().collect::<Vec<_>>()) {
            let list = lists.entry(key).or_default();
            match list.last_mut() {
                Some(last) if last.0 == i as u32 => last.1.push(at as u32),
                _ => list.push((i as u32, vec![at as u32])),
            }
        }
    }
    // Synonyms: keep the targets the corpus holds (a query finds nothing through the others).
    let all_text = folded.join("\n");
    let mut report = Report::default();
    let mut expansions: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in &lexicon.synonyms {
        // A vocabulary word is in the corpus; only another target needs the text searched.
        let held = |t: &&str| lexicon.words.contains_key(*t) || all_text.contains(t);
        let kept: Vec<&str> = to.iter().map(String::as_str).filter(held).collect();
        if kept.is_empty() {
            report.synonyms_dropped += 1;
        } else {
            expansions.insert(from, kept);
        }
    }
    report.synonyms_kept = expansions.len();
    let mut words: BTreeMap<&str, vocab::Word> = BTreeMap::new();
    for (w, info) in &lexicon.words {
        let entry = words.entry(w).or_default();
        entry.in_corpus = true;
        entry.segmenter = info.segmenter;
        entry.suggest = info.suggest;
        entry.clauses = info.clauses;
    }
    for w in &lexicon.stopwords {
        words.entry(w).or_default().stop = true;
    }
    let mut records: Vec<Vec<u8>> = Vec::new();
    let mut record_ids: HashMap<Vec<&str>, u32> = HashMap::new();
    for (from, to) in &expansions {
        let id = *record_ids.entry(to.clone()).or_insert_with(|| {
            records.push(synonyms::record(to));
            records.len() as u32 - 1
        });
        words.entry(from).or_default().synonyms = Some(id);
    }

    // The general thesaurus's records join the same table; its words are a section of their own.
    let vocab_records = records.len();
    let mut general: Vec<(&str, vocab::Word)> = Vec::new();
    for (from, to) in &lexicon.general {
        let to: Vec<&str> = to.iter().map(String::as_str).collect();
        let id = *record_ids.entry(to.clone()).or_insert_with(|| {
            records.push(synonyms::record(&to));
            records.len() as u32 - 1
        });
        general.push((from, vocab::Word { synonyms: Some(id), ..vocab::Word::default() }));
    }

    let alphabet_section = alphabet::write(lists.keys().map(String::as_str).chain(words.keys().copied()));
    let alphabet = alphabet::Alphabet::new(&alphabet_section).expect("the writer's alphabet is well formed");
    // The FST needs its keys sorted by their encoded bytes; ordinals follow that order.
    let mut encoded: Vec<(Vec<u8>, Vec<Occurrences>)> = lists
        .into_iter()
        .map(|(key, list)| (alphabet.encode(&key).expect("every key character is in the alphabet"), list))
        .collect();
    encoded.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut encoded_words: Vec<(Vec<u8>, vocab::Word)> = words
        .iter()
        .map(|(w, info)| (alphabet.encode(w).expect("vocabulary characters are in the alphabet"), *info))
        .collect();
    encoded_words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // A general word spelled with a character outside the alphabet could never be typed into a
    // key: the caller keeps only words the corpus's characters spell.
    let mut encoded_general: Vec<(Vec<u8>, vocab::Word)> =
        general.iter().filter_map(|(w, info)| Some((alphabet.encode(w)?, *info))).collect();
    encoded_general.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    report.general_kept = encoded_general.len();
    // Syllables are numbered in alphabetical order, so that the syllables a letter may begin
    // are one key range of the pinyin section (one run of its shards).
    let per_code_names: Vec<Vec<String>> = alphabet.chars().map(|c| (lexicon.readings)(c)).collect();
    // Common characters outside the alphabet: their usual reading only (what a slip sounds like).
    let mut typed_names: Vec<(char, String)> = Vec::new();
    for &c in &lexicon.common {
        if alphabet.code(c).is_some() {
            continue;
        }
        if let Some(first) = (lexicon.readings)(c).into_iter().next() {
            typed_names.push((c, first));
        }
    }
    typed_names.sort_unstable();
    typed_names.dedup_by_key(|e| e.0);
    // The words people would type in pinyin or complete: those worth suggesting.
    let mut word_names: Vec<(Vec<String>, Vec<u8>, u64)> = Vec::new();
    for (w, info) in lexicon.words.iter().filter(|(_, info)| info.suggest) {
        let code = alphabet.encode(w).expect("vocabulary characters are in the alphabet");
        for reading in (lexicon.word_readings)(w) {
            word_names.push((reading, code.clone(), u64::from(info.clauses)));
        }
    }
    let syllables: Vec<String> = per_code_names
        .iter()
        .flatten()
        .chain(typed_names.iter().map(|(_, s)| s))
        .chain(word_names.iter().flat_map(|(r, _, _)| r))
        .cloned()
        .collect::<BTreeSet<String>>()
        .into_iter()
        .collect();
    assert!(syllables.len() as u32 <= pinyin::MAX_SYLLABLE, "far fewer syllables than that exist");
    let number = |s: &String| syllables.binary_search(s).expect("every syllable is in the table") as u32;
    let per_code: Vec<Vec<u32>> = per_code_names.iter().map(|list| list.iter().map(number).collect()).collect();
    let typed_entries: Vec<(char, u32)> = typed_names.iter().map(|(c, s)| (*c, number(s))).collect();
    let pinyin_entries = pinyin::merge(
        word_names
            .iter()
            .map(|(reading, code, clauses)| {
                (pinyin::key(&reading.iter().map(number).collect::<Vec<_>>(), code), *clauses)
            })
            .collect(),
    );
    let readings_section = readings::write(&syllables, &per_code);

    // Headings are interned by their whole chain, so siblings share one record per ancestor.
    let mut heading_ids: HashMap<Vec<(String, String)>, u32> = HashMap::new();
    let mut heading_records = Vec::new();
    let mut numbers = Vec::new();
    let mut strings = Vec::new();
    let keywords: Vec<Vec<u8>> = clauses.iter().map(|c| Keywords::encode(&c.keywords)).collect();
    for (c, keywords) in clauses.iter().zip(&keywords) {
        let mut parent = None;
        for depth in 1..=c.path.len() {
            let chain = c.path[..depth].to_vec();
            let id = *heading_ids.entry(chain).or_insert_with(|| {
                let (label, title) = &c.path[depth - 1];
                heading_records.push(headings::record(parent, label, title));
                heading_records.len() as u32 - 1
            });
            parent = Some(id);
        }
        numbers.push(ClauseNumbers {
            doc: c.doc,
            heading_node: parent,
            heading_len: c.heading_len,
            units_span: c.units_span.clone(),
            char_len: c.text.chars().count() as u32,
        });
        strings.push(ClauseStrings {
            id: &c.id,
            label: &c.label,
            units: c.units.iter().map(String::as_str).collect(),
            text: &c.text,
            keywords: Keywords::new(keywords),
        });
    }
    assert!(numbers.windows(2).all(|w| w[0].doc <= w[1].doc), "clauses come in document order");
    let clauses_section = clauses::write(&numbers, docs.len() as u32);
    // Each 文号 read as the query reads one: folded with the table the index ships.
    let docs_section = put_table(
        &docs
            .iter()
            .map(|d| docs::record(d, d.number.and_then(|n| read_number(&fold(n, &shipped))).as_ref()))
            .collect::<Vec<_>>(),
    );
    assert_eq!(facets.clause_units.len(), clauses.len(), "one unit list per clause");
    let facets_section = facets::write(docs, facets);
    let headings_section = put_table(&heading_records);
    let examples_section = {
        let mut out = Vec::new();
        crate::bytes::put_strs(
            &mut out,
            &examples(clauses, docs.len(), MAX_EXAMPLES).iter().map(String::as_str).collect::<Vec<_>>(),
        );
        crate::bytes::put_strs(&mut out, &popular.iter().map(|p| p.trim()).collect::<Vec<_>>());
        out
    };

    let embedded = header::CORE.write(&[
        fold_section.clone(),
        alphabet_section.clone(),
        terms::write(encoded.iter().map(|(key, _)| key.clone())),
        postings::write(&encoded.iter().map(|(_, list)| list.clone()).collect::<Vec<_>>(), false),
        headings_section.clone(),
        clauses_section.clone(),
        texts::write(0, &strings),
        docs_section.clone(),
        facets_section.clone(),
        Vec::new(),
        examples_section.clone(),
    ]);
    let sizes = match sharding {
        Sharding::Auto(sizes) => (embedded.len() > SHARD_ABOVE).then_some(sizes),
        Sharding::Never => None,
        Sharding::Always(sizes) => Some(sizes),
    };
    let (core, files) = if let Some(sizes) = sizes {
        // Shard files name their build by the checksum of the sections they do not hold (the
        // core's own checksum covers the directory, which names them: it cannot be in them).
        let held =
            [&fold_section, &alphabet_section, &headings_section, &clauses_section, &docs_section, &facets_section];
        let build = header::checksum(&held.map(|s| s.as_slice()).concat()).to_le_bytes().to_vec();
        let term_bytes = |(key, list): &(Vec<u8>, Vec<(u32, Vec<u32>)>)| {
            key.len() + list.iter().map(|(_, at)| 2 + at.len() * 2).sum::<usize>()
        };
        let text_bytes = |s: &ClauseStrings| s.text.len() + s.id.len() + 8;
        let (term_shard, text_chunk) =
            sizes.fitted(encoded.iter().map(term_bytes).sum(), strings.iter().map(text_bytes).sum());
        let mut files = Vec::new();
        let mut term_shards = Vec::new();
        for group in groups(&encoded, term_shard, term_bytes) {
            let bytes = header::TERM_SHARD.write(&[
                build.clone(),
                terms::write(group.iter().map(|(key, _)| key.clone())),
                postings::write(&group.iter().map(|(_, list)| list.clone()).collect::<Vec<_>>(), true),
            ]);
            term_shards.push((group[0].0.clone(), file(&header::TERM_SHARD.stored_checksum(&bytes), &bytes)));
            files.push(bytes);
        }
        let mut text_chunks = Vec::new();
        let mut first = 0;
        for group in groups(&strings, text_chunk, text_bytes) {
            let bytes = header::TEXT_CHUNK.write(&[build.clone(), texts::write(first, group)]);
            text_chunks.push((first, file(&header::TEXT_CHUNK.stored_checksum(&bytes), &bytes)));
            first += group.len() as u32;
            files.push(bytes);
        }
        let directory = shards::write(&build, &term_shards, &text_chunks);
        let core = header::CORE.write(&[
            fold_section,
            alphabet_section,
            terms::write(std::iter::empty()),
            postings::write(&[], true),
            headings_section,
            clauses_section,
            texts::write(0, &[]),
            docs_section,
            facets_section,
            directory.clone(),
            examples_section,
        ]);
        let names = shards::Shards::new(&directory).expect("the written directory reads back");
        let files = files.into_iter().enumerate().map(|(f, bytes)| (names.name(f).expect("one name per file"), bytes));
        (core, distinct(files.collect()))
    } else {
        (embedded, Vec::new())
    };
    let core_checksum = header::CORE.stored_checksum(&core).expect("a written header is whole");
    let parts = LexiconParts {
        build: core_checksum.to_le_bytes().to_vec(),
        words: encoded_words,
        general: encoded_general,
        vocab_records,
        records,
        readings: readings_section,
        typed: typed_entries,
        pinyin: pinyin_entries,
    };
    let whole = parts.whole();
    let lexicon_sizes = match sharding {
        Sharding::Auto(sizes) => (whole.len() > SHARD_ABOVE).then_some(sizes),
        Sharding::Never => None,
        Sharding::Always(sizes) => Some(sizes),
    };
    let (lexicon, lexicon_files) = match lexicon_sizes {
        // Fitted to the lexicon without the general thesaurus, which only the relaxed tier's
        // pieces read: its size should not make every vocabulary shard a query fetches larger.
        Some(sizes) => {
            let without = LexiconParts {
                general: Vec::new(),
                records: parts.records[..parts.vocab_records].to_vec(),
                ..parts.clone()
            };
            parts.sharded(sizes.lexicon(without.whole().len()))
        }
        None => (whole, Vec::new()),
    };
    Blobs { core, files, lexicon, lexicon_files, report }
}

/// The lexicon's content, before it is written whole or sharded.
#[derive(Clone)]
struct LexiconParts {
    /// The index core's checksum, which the lexicon and each of its shard files hold first.
    build: Vec<u8>,
    /// Vocabulary words in alphabet codes, sorted, with their synonyms record in `records`.
    words: Vec<(Vec<u8>, vocab::Word)>,
    /// The general thesaurus's words in alphabet codes, sorted, with their record in `records`.
    general: Vec<(Vec<u8>, vocab::Word)>,
    /// The synonyms records (of vocabulary and general words).
    records: Vec<Vec<u8>>,
    /// How many of `records`, from the first, the vocabulary's words use.
    vocab_records: usize,
    readings: Vec<u8>,
    /// Typed entries sorted by character.
    typed: Vec<(char, u32)>,
    /// Pinyin keys, sorted and unique, with their clause counts.
    pinyin: Vec<(Vec<u8>, u64)>,
}

impl LexiconParts {
    /// One blob holding every section.
    fn whole(&self) -> Vec<u8> {
        header::LEXICON.write(&[
            self.build.clone(),
            vocab::write(self.words.iter().cloned()),
            put_table(&self.records),
            self.readings.clone(),
            typed::write(&self.typed),
            pinyin::write(self.pinyin.clone()),
            Vec::new(),
            vocab::write(self.general.iter().cloned()),
        ])
    }

    /// A lexicon core (the build, the readings and the directory) and its shard files of
    /// about `target` bytes each, named as they are served.
    fn sharded(self, target: usize) -> (Vec<u8>, Vec<(String, Vec<u8>)>) {
        let mut files: Vec<Vec<u8>> = Vec::new();
        let mut kinds: [Vec<(Vec<u8>, File)>; 4] = Default::default();
        let record_bytes = |w: &vocab::Word| w.synonyms.map_or(0, |r| self.records[r as usize].len());
        // Vocabulary and general shards: a key range of words with the records they use.
        let words_files = |words: &[(Vec<u8>, vocab::Word)], layout: &header::Layout<3>| {
            let mut out = Vec::new();
            for group in groups(words, target, |(key, w)| key.len() + 3 + record_bytes(w)) {
                // Each file numbers the records its words use, from 0.
                let mut records: Vec<Vec<u8>> = Vec::new();
                let mut local: HashMap<u32, u32> = HashMap::new();
                let words = group.iter().map(|(key, w)| {
                    let synonyms = w.synonyms.map(|r| {
                        *local.entry(r).or_insert_with(|| {
                            records.push(self.records[r as usize].clone());
                            records.len() as u32 - 1
                        })
                    });
                    (key.clone(), vocab::Word { synonyms, ..*w })
                });
                let section = vocab::write(words.collect::<Vec<_>>());
                let bytes = layout.write(&[self.build.clone(), section, put_table(&records)]);
                out.push(((group[0].0.clone(), file(&layout.stored_checksum(&bytes), &bytes)), bytes));
            }
            out
        };
        // Files are numbered kind after kind, in directory order.
        let general = words_files(&self.general, &header::GENERAL_SHARD);
        for (entry, bytes) in words_files(&self.words, &header::VOCAB_SHARD) {
            kinds[Kind::Vocab as usize].push(entry);
            files.push(bytes);
        }
        for group in groups(&self.pinyin, target, |(key, _)| key.len() + 2) {
            let bytes = header::PINYIN_SHARD.write(&[self.build.clone(), pinyin::write(group.to_vec())]);
            kinds[Kind::Pinyin as usize]
                .push((group[0].0.clone(), file(&header::PINYIN_SHARD.stored_checksum(&bytes), &bytes)));
            files.push(bytes);
        }
        for group in groups(&self.typed, target, |_| 6) {
            let bytes = header::TYPED_SHARD.write(&[self.build.clone(), typed::write(group)]);
            let key = crate::lexicon::typed_key(group[0].0).to_vec();
            kinds[Kind::Typed as usize].push((key, file(&header::TYPED_SHARD.stored_checksum(&bytes), &bytes)));
            files.push(bytes);
        }
        for (entry, bytes) in general {
            kinds[Kind::General as usize].push(entry);
            files.push(bytes);
        }
        let directory = crate::lexicon::write_directory(&kinds);
        let core = header::LEXICON.write(&[
            self.build,
            vocab::write(std::iter::empty()),
            put_table(&[]),
            self.readings,
            Vec::new(),
            pinyin::write(Vec::new()),
            directory.clone(),
            vocab::write(std::iter::empty()),
        ]);
        let names = crate::lexicon::Directory::new(&directory).expect("the written directory reads back");
        let files = files.into_iter().enumerate().map(|(f, bytes)| (names.name(f).expect("one name per file"), bytes));
        (core, distinct(files.collect()))
    }
}

/// `files`, whose names (40-bit tags of their checksums, `shards::File::tag`) must differ: two
/// files of one kind with one tag, a chance of one in 2^40 a pair, would be served as one.
fn distinct(files: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    let mut names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    names.sort_unstable();
    if let Some(pair) = names.windows(2).find(|w| w[0] == w[1]) {
        panic!("two shard files share the name {}: change any byte of the corpus to rename them", pair[0]);
    }
    files
}

/// Example queries stored in the core.
pub const MAX_EXAMPLES: usize = 20;

/// Up to `n` example queries that find something in the corpus, for the hints of a search that
/// finds nothing: short clause headings (lead phrases such as 研发资助, 3–8 Han characters),
/// taken round-robin across documents so that every document is represented. Chosen at build
/// time, so that no page load scans every clause (or fetches every text chunk) for them.
pub fn examples(clauses: &[ClauseInput], docs: usize, n: usize) -> Vec<String> {
    let mut per_doc: Vec<Vec<String>> = vec![Vec::new(); docs];
    for c in clauses {
        let heading: String = c.text.chars().take(c.heading_len as usize).collect();
        let heading = heading.trim_end_matches(['。', '，', ',', '：', ':']).to_string();
        let len = heading.chars().count();
        if (3..=8).contains(&len) && heading.chars().all(policy_search_normalize::is_han) {
            if let Some(list) = per_doc.get_mut(c.doc as usize) {
                list.push(heading);
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    for round in 0..per_doc.iter().map(Vec::len).max().unwrap_or(0) {
        for h in per_doc.iter().filter_map(|list| list.get(round)) {
            if out.len() < n && !out.contains(h) {
                out.push(h.clone());
            }
        }
    }
    out
}

/// `items` cut into consecutive runs of about `target` bytes by `size` (each run at least one).
fn groups<T>(items: &[T], target: usize, size: impl Fn(&T) -> usize) -> Vec<&[T]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        if bytes > 0 && bytes + size(item) > target {
            out.push(&items[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += size(item);
    }
    if start < items.len() {
        out.push(&items[start..]);
    }
    out
}

/// A directory entry for a written file.
fn file(checksum: &Option<u64>, bytes: &[u8]) -> File {
    File { checksum: checksum.expect("a written header is whole"), bytes: bytes.len() as u32 }
}

#[cfg(test)]
mod tests {
    use policy_search_normalize::docnumber::DocNumber;

    use super::*;
    use crate::Index;

    #[test]
    fn each_doc_number_is_stored_as_the_query_reads_it() {
        let full = FoldTable::from_pairs([('國', '国'), ('發', '发'), ('號', '号'), ('粵', '粤')]);
        let docs = [
            DocView { doc: "a", title: "甲", number: Some("國發〔2018〕32號"), ..DocView::default() },
            // 粤 occurs in no clause, so the index ships no entry for 粵: a query keeps it as typed.
            DocView { doc: "b", title: "乙", number: Some("粵府〔2020〕1号"), ..DocView::default() },
            DocView { doc: "c", title: "丙", number: Some("无文号"), ..DocView::default() },
            DocView { doc: "d", title: "丁", ..DocView::default() },
        ];
        let clauses: Vec<ClauseInput> = (0..docs.len() as u32)
            .map(|doc| ClauseInput {
                doc,
                id: "1".into(),
                label: String::new(),
                path: Vec::new(),
                heading_len: 0,
                text: "按国发〔2018〕32号执行。".into(),
                units: Vec::new(),
                units_span: None,
                keywords: vec![[1, 2]],
            })
            .collect();
        let facets = facets::FacetsInput {
            units: Vec::new(),
            clause_units: vec![Vec::new(); clauses.len()],
            stated: vec![None; docs.len()],
            kinds: vec![None; docs.len()],
            codes: vec![None; docs.len()],
            topics: vec![None; docs.len()],
        };
        let lexicon = Lexicon {
            words: BTreeMap::new(),
            stopwords: BTreeSet::new(),
            synonyms: BTreeMap::new(),
            general: BTreeMap::new(),
            readings: &|_| Vec::new(),
            word_readings: &|_| Vec::new(),
            common: Vec::new(),
        };
        let blobs = write(&docs, &clauses, &facets, &full, &lexicon, &[], Sharding::Never);
        let index = Index::<false>::open(&blobs.core).unwrap();
        let parts: Vec<_> = (0..4).map(|d| index.doc(d).unwrap().number_parts).collect();
        let n = |code, year, serial| Some(DocNumber { code: Some(code), year: Some(year), serial });
        assert_eq!(parts, [n("国发", 2018, 32), n("粵府", 2020, 1), None, None]);
    }
}
