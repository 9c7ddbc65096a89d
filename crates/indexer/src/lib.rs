//! Compiles a corpus into the index files: the clauses and documents the corpus pipeline read
//! ([`policy_search_corpus::Corpus`]) become the index writer's inputs, the language data
//! (the project's thesaurus and the manifest's rules, the stop list, the corpus's own
//! vocabulary and its pinyin readings) becomes the lexicon, and
//! [`policy_search_index::write::write`] turns both into the core index, its shard files
//! and the lexicon ([`Blobs`]). `build.rs` runs it over the corpus folder and saves the
//! files; tests run it over a few documents made in memory. It reads no file and no
//! environment variable, and prints nothing: the caller loads the corpus and decides what to
//! do with the bytes and the [`Indexer::warnings`].
//!
//! ```no_run
//! use policy_search_indexer::{ShardSizes, Sharding};
//!
//! fn index(corpus: &policy_search_corpus::Corpus) -> Result<Vec<u8>, String> {
//!     let blobs = policy_search_indexer::compile(corpus, Sharding::Auto(ShardSizes::default()))?;
//!     Ok(blobs.core)
//! }
//! ```

use std::collections::{BTreeMap, BTreeSet};

pub use policy_search_index::write::{Blobs, ShardSizes, Sharding};

use policy_search_corpus::{title::probe as title_probe, units::unit_table, Corpus, Document};
use policy_search_index::{
    alphabet,
    facets::{FacetsInput, Validity},
    write::{self, ClauseInput, CorpusWord, Lexicon},
    DocView, Links,
};
use policy_search_lexicon::{
    general, keywords, readings, stopwords,
    vocabulary::{self, Source},
    Thesaurus, Vocabulary, GENERAL_SYNONYMS, STOPWORDS, SYNONYMS,
};
use policy_search_normalize::{docnumber, doctype, fold, FoldTable};

/// Compiles `corpus` into the index files, sharded as `sharding` says.
///
/// An error is a message naming what is wrong (a thesaurus rule of the manifest, with the
/// manifest's path in the corpus folder).
pub fn compile(corpus: &Corpus, sharding: Sharding) -> Result<Blobs, String> {
    Ok(Indexer::new(corpus)?.write(sharding))
}

/// A corpus made ready to write: the writer's inputs and the language data, computed once,
/// so that the same index can be written more than one way (an embedded build also writes its
/// sharded twin).
pub struct Indexer<'c> {
    corpus: &'c Corpus,
    /// Each document's publication, effective, expiry and writing dates, as the index stores them.
    dates: Vec<[Option<String>; 4]>,
    clauses: Vec<ClauseInput>,
    facets: FacetsInput,
    words: BTreeMap<String, CorpusWord>,
    stopwords: BTreeSet<String>,
    synonyms: BTreeMap<String, BTreeSet<String>>,
    general: BTreeMap<String, BTreeSet<String>>,
    phrases: readings::Phrases,
    warnings: Vec<String>,
}

impl<'c> Indexer<'c> {
    /// Prepares `corpus`: its clauses, facets, vocabulary, thesaurus and readings.
    pub fn new(corpus: &'c Corpus) -> Result<Indexer<'c>, String> {
        let dates: Vec<[Option<String>; 4]> = corpus
            .documents
            .iter()
            .map(|d| {
                [d.meta.published, d.meta.effective, d.meta.expires, d.meta.written].map(|x| x.map(|x| x.to_string()))
            })
            .collect();
        let mut clauses: Vec<ClauseInput> = corpus
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
                    // Chosen below, once the vocabulary is known.
                    keywords: Vec::new(),
                })
            })
            .collect();

        // Language data: the thesaurus (the project's, then the portal's from its manifest), the
        // stop list, and the vocabulary of the corpus itself (clause text and titles).
        let full = FoldTable::full();
        let fold = |s: &str| fold(s, full);
        let mut thesaurus = Thesaurus::parse(SYNONYMS, "crates/lexicon/data/synonyms.txt")?;
        let manifest = corpus.dir.join("manifest.toml");
        thesaurus.extend(Thesaurus::parse_lines(&corpus.synonyms, &format!("{} (synonyms)", manifest.display()))?);
        let texts: Vec<String> =
            clauses.iter().map(|c| fold(&c.text)).chain(corpus.documents.iter().map(|d| fold(&d.meta.title))).collect();
        let jieba = vocabulary::segmenter();
        let vocabulary = Vocabulary::build(&jieba, &texts);
        let stop: BTreeSet<String> = stopwords::parse(STOPWORDS, fold).into_iter().collect();
        // Each clause's keywords, for related searches (the folded text has the display
        // text's characters one for one, so its spans are the display text's).
        let chosen = keywords::keywords(&jieba, &texts[..clauses.len()], texts.len(), &vocabulary.words, &stop);
        clauses.iter_mut().zip(chosen).for_each(|(c, k)| c.keywords = k);
        let words: BTreeMap<String, CorpusWord> = vocabulary
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
            .collect();

        // The general thesaurus, for the words the corpus lacks or writes rarely. Only words
        // spelled with the corpus's characters: another character would widen the alphabet,
        // and with it the index core every visitor fetches.
        let written: BTreeSet<char> = texts.iter().flat_map(|t| t.chars()).collect();
        if written.len() > alphabet::MAX_CHARS {
            return Err(too_many_characters(corpus, fold));
        }
        let held = |w: &str| match words.get(w) {
            Some(info) => Some(info.clauses),
            None => w.chars().all(|c| written.contains(&c)).then_some(0),
        };
        let groups = general::groups(GENERAL_SYNONYMS, "crates/lexicon/data/cilin/synonyms.txt")?;
        let general = general::expansions(&groups, fold, held);

        // Facets: responsible units named once each (crates/corpus/src/units.rs), the validity a
        // manifest states.
        let units = unit_table(&corpus.documents);
        let warnings = units
            .unplaced
            .iter()
            .map(|doc| format!("{doc}: no city in its issuers or title, so its units (市…, 各…) are listed as its own"))
            .collect();
        let stated = corpus
            .documents
            .iter()
            .map(|d| {
                let status = d.meta.status.as_deref();
                status.map(|s| Validity::from_name(s).ok_or_else(|| format!("{}: no such status {s:?}", d.meta.doc)))
            })
            .map(Option::transpose)
            .collect::<Result<_, _>>()?;
        // 公文种类 by the corpus's title rule, 机关代字 by the 文号 grammar, both read folded.
        let kinds = corpus
            .documents
            .iter()
            .map(|d| doctype::kind_of(&fold(&title_probe(&d.meta.title)), fold).map(str::to_string))
            .collect();
        let codes =
            corpus.documents.iter().map(|d| docnumber::read_number(&fold(d.meta.number.as_deref()?))?.code).collect();
        let topics = corpus.documents.iter().map(|d| d.meta.topic.clone()).collect();
        let facets = FacetsInput { units: units.units, clause_units: units.clause_units, stated, kinds, codes, topics };
        Ok(Indexer {
            corpus,
            dates,
            clauses,
            facets,
            words,
            stopwords: stop,
            synonyms: thesaurus.expansions(fold),
            general,
            phrases: readings::Phrases::bundled(fold),
            warnings,
        })
    }

    /// What the build should say about the corpus without failing, one line each (documents
    /// whose units cannot be placed in a city); the corpus's own are
    /// [`Corpus::warnings`].
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Writes the core index (with its shard files, if `sharding` says so) and the lexicon.
    pub fn write(&self, sharding: Sharding) -> Blobs {
        let mut links = links(&self.corpus.documents);
        let docs: Vec<DocView> = self
            .corpus
            .documents
            .iter()
            .zip(&self.dates)
            .zip(links.iter_mut().map(std::mem::take))
            .map(|((d, [published, effective, expires, written]), links)| DocView {
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
                written: written.as_deref(),
                links,
            })
            .collect();
        let lexicon = Lexicon {
            words: self.words.clone(),
            stopwords: self.stopwords.clone(),
            synonyms: self.synonyms.clone(),
            general: self.general.clone(),
            readings: &readings::of_char,
            word_readings: &|w: &str| self.phrases.read(w),
            common: readings::common_chars(),
        };
        write::write(&docs, &self.clauses, &self.facets, FoldTable::full(), &lexicon, &self.corpus.popular, sharding)
    }
}

/// Every document's links, both ways, from the manifest's `amends`, `superseded_by` and
/// `interprets` (the corpus checked that each names a document of the folder).
fn links(documents: &[Document]) -> Vec<Links> {
    let number: BTreeMap<&str, u32> = documents.iter().zip(0..).map(|(d, i)| (d.meta.doc.as_str(), i)).collect();
    let mut links = vec![Links::default(); documents.len()];
    for (d, from) in documents.iter().zip(0..) {
        let to = |stem: &Option<String>| stem.as_deref().and_then(|s| number.get(s).copied());
        // (newer, older): the newer wording amends the older.
        let amending =
            [to(&d.meta.amends).map(|older| (from, older)), to(&d.meta.superseded_by).map(|newer| (newer, from))];
        for (newer, older) in amending.into_iter().flatten() {
            links[newer as usize].amends.push(older);
            links[older as usize].amended_by.push(newer);
        }
        if let Some(policy) = to(&d.meta.interprets) {
            links[from as usize].interprets.push(policy);
            links[policy as usize].interpreted_by.push(from);
        }
    }
    for l in &mut links {
        for list in [&mut l.amends, &mut l.amended_by, &mut l.interprets, &mut l.interpreted_by] {
            list.sort_unstable();
            list.dedup();
        }
    }
    links
}

/// The error for a corpus that writes more distinct characters than an index can spell
/// ([`alphabet::MAX_CHARS`]): it names the document with which the count passes the limit.
fn too_many_characters(corpus: &Corpus, fold: impl Fn(&str) -> String) -> String {
    let mut seen = BTreeSet::new();
    let crossing = corpus.documents.iter().find(|d| {
        seen.extend(fold(&d.meta.title).chars());
        d.clauses.iter().for_each(|c| seen.extend(fold(&c.text).chars()));
        seen.len() > alphabet::MAX_CHARS
    });
    let limit = alphabet::MAX_CHARS;
    match crossing {
        Some(d) => format!(
            "{}: with this document the corpus writes more than {limit} distinct characters, the most an index spells; index fewer documents at once",
            d.file.display()
        ),
        None => format!("the corpus writes more than {limit} distinct characters, the most an index spells"),
    }
}
