//! The on-disk index of policy-search: one versioned, checksummed blob that `build.rs` writes
//! and the engine opens in place (no copying, no parsing beyond shape checks).
//!
//! Two blobs: the **core** index ([`Index`]), embedded in the engine, holds everything a search
//! needs; the **lexicon** ([`Lexicon`]) holds the language data of the relaxed tier and of
//! corrections (past a size, a lexicon core and shard files fetched as queries need them) and
//! is fetched lazily by the browser (nothing of it is on the path of an exact
//! query's first result). One module per section, each holding its writer (feature `write`,
//! build time only) next to its reader, so a layout is defined in exactly one place:
//!
//! | section | module | holds |
//! |---|---|---|
//! | header | [`header`] | magic, version, section table, checksum |
//! | fold | [`fold`] | the fold entries whose targets occur in the corpus, packed |
//! | alphabet | [`alphabet`] | the characters of the keys; keys are spelled in their codes |
//! | terms | [`terms`] | `fst::Map` key → ordinal of its posting list |
//! | postings | [`postings`] | delta-varint clause lists (positional in term shards), sampled |
//! | headings | [`headings`] | breadcrumb headings, stored once |
//! | clauses | [`clauses`] | clause numbers: what ranking and breadcrumbs need |
//! | texts | [`texts`] | clause strings (all of an embedded index; none of a sharded core) |
//! | docs | [`docs`] | document metadata |
//! | facets | [`facets`] | issuers, units and dates as codes: filters and their counts |
//! | shards | [`shards`] | a sharded index's directory of term shards and text chunks |
//! | examples | — | example queries for a search that finds nothing (`write::examples`), then the manifest's popular searches |
//! | *lexicon:* core | [`header::LEXICON`] | the checksum of the core it belongs to |
//! | vocab | [`vocab`] | `fst::Map` word → [`vocab::Word`] flags: corpus words, thesaurus, stop list |
//! | synonyms | [`synonyms`] | the words each thesaurus entry also finds |
//! | readings | [`readings`] | toneless pinyin of every alphabet character |
//! | typed | [`typed`] | the common reading of common characters the corpus lacks |
//! | pinyin | [`pinyin`] | `fst::Map` reading ‖ word → clauses: pinyin queries and completions |
//! | shards | [`lexicon`] | a sharded lexicon's directory of vocabulary, pinyin and typed shards |
//!
//! The byte layout is documented in `docs/index-format.md`. [`keys`] defines what is keyed and
//! what counts as a match; the engine and the writer both use it.

pub mod alphabet;
pub mod bytes;
pub mod clauses;
pub mod docs;
pub mod facets;
pub mod fold;
pub mod header;
pub mod headings;
pub mod keys;
pub mod lexicon;
pub mod pinyin;
pub mod postings;
pub mod readings;
pub mod shards;
pub mod synonyms;
pub mod terms;
pub mod texts;
pub mod typed;
pub mod vocab;
#[cfg(feature = "write")]
pub mod write;

use policy_search_sort as sort;
use std::{
    cell::{OnceCell, RefCell},
    fmt,
};

use alphabet::Alphabet;
use bytes::Table;
use policy_search_normalize::FoldTable;
use postings::{Occurrences, Postings};
use shards::Shards;
use texts::Texts;

pub use clauses::ClauseView;
pub use docs::{DocView, Links};
pub use headings::Heading;
pub use lexicon::Lexicon;

/// Why an index could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The bytes do not start with the magic.
    NotAnIndex,
    /// Written by another format version.
    Version(u32),
    /// The checksum does not match: truncated or corrupted.
    Checksum,
    /// A section is malformed.
    Corrupt(&'static str),
    /// A lexicon or shard file built with another index.
    OtherBuild,
    /// A file name that is not one of this index's shard files.
    UnknownFile,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::NotAnIndex => write!(f, "not a policy-search index"),
            FormatError::Version(v) => write!(f, "index format version {v}, expected {}", header::FORMAT_VERSION),
            FormatError::Checksum => write!(f, "index checksum mismatch (truncated or corrupted)"),
            FormatError::Corrupt(s) => write!(f, "index section {s} is malformed"),
            FormatError::OtherBuild => write!(f, "the file belongs to another build of the index"),
            FormatError::UnknownFile => write!(f, "not a shard file of this index"),
        }
    }
}

impl std::error::Error for FormatError {}

/// True for a key that is one Han character.
fn lone_han(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(policy_search_normalize::is_han) && chars.next().is_none()
}

/// An opened index, borrowing its bytes. A sharded index also owns the shard files added
/// to it ([`Index::add_file`]); a lookup that needs a file not added yet answers as if the
/// file held nothing and notes it ([`Index::take_missing`]), so a caller fetches what is
/// missing and asks again.
///
/// `SHARDS` says whether this build reads sharded indexes at all: `Index<'_, false>` refuses
/// them at [`Index::open`], and the compiler leaves their code out (the browser's first module
/// over an index small enough to embed).
#[derive(Clone)]
pub struct Index<'a, const SHARDS: bool = true> {
    /// The fold table the query side must use.
    pub fold: FoldTable,
    alphabet: Alphabet,
    terms: fst::Map<&'a [u8]>,
    postings: Postings<'a>,
    headings: Table<'a>,
    clauses: clauses::Clauses<'a>,
    texts: Texts<'a>,
    docs: Table<'a>,
    facets: facets::Facets<'a>,
    shards: Shards<'a>,
    /// The shard files added so far, by file number.
    files: Vec<OnceCell<Box<[u8]>>>,
    /// Files a lookup needed and did not have (a handful: a Vec, not a set, to keep the
    /// wasm small).
    missing: RefCell<Vec<usize>>,
    checksum: u64,
    examples: Vec<&'a str>,
    popular: Vec<&'a str>,
    sizes: [usize; 11],
    bytes: &'a [u8],
}

/// The keys and postings of a term range: the core's own, or a loaded term shard's.
struct TermSource<'s> {
    terms: fst::Map<&'s [u8]>,
    postings: Postings<'s>,
}

impl TermSource<'_> {
    /// The terms FST's node after `code`, with the output so far.
    fn node_of(&self, code: &[u8]) -> Option<(fst::raw::Node<'_>, fst::raw::Output)> {
        let fst = self.terms.as_fst();
        let (mut node, mut out) = (fst.root(), fst::raw::Output::zero());
        for b in code {
            let t = node.transition(node.find_input(*b)?);
            out = out.cat(t.out);
            node = fst.node(t.addr);
        }
        Some((node, out))
    }
}

impl<'a, const SHARDS: bool> Index<'a, SHARDS> {
    /// Opens an index: checks magic, version, checksum and each section's shape.
    pub fn open(bytes: &'a [u8]) -> Result<Index<'a, SHARDS>, FormatError> {
        let sections = header::CORE.read(bytes)?;
        let sizes = sections.map(<[u8]>::len);
        let [fold, alphabet, terms, postings, headings, clauses, texts, docs, facets, shards, examples] = sections;
        let fold = fold::read(fold).ok_or(FormatError::Corrupt("fold"))?;
        let alphabet = Alphabet::new(alphabet).ok_or(FormatError::Corrupt("alphabet"))?;
        let terms = fst::Map::new(terms).map_err(|_| FormatError::Corrupt("terms"))?;
        let postings = Postings::new(postings).ok_or(FormatError::Corrupt("postings"))?;
        if postings.len() != terms.len() {
            return Err(FormatError::Corrupt("postings"));
        }
        if !SHARDS && !shards.is_empty() {
            return Err(FormatError::Corrupt("shards (this build reads no sharded index)"));
        }
        let shards =
            if SHARDS { Shards::new(shards).ok_or(FormatError::Corrupt("shards"))? } else { Shards::default() };
        let table = |b: &'a [u8], name| Table::new(b).ok_or(FormatError::Corrupt(name));
        let clauses = clauses::Clauses::new(clauses).ok_or(FormatError::Corrupt("clauses"))?;
        let mut lists = bytes::Reader::new(examples);
        let (examples, popular) = lists.strs().zip(lists.strs()).ok_or(FormatError::Corrupt("examples"))?;
        let docs = table(docs, "docs")?;
        let facets =
            facets::Facets::new(facets, docs.len() as u32, clauses.len()).ok_or(FormatError::Corrupt("facets"))?;
        Ok(Index {
            fold,
            alphabet,
            terms,
            postings,
            headings: table(headings, "headings")?,
            clauses,
            texts: Texts::new(texts).ok_or(FormatError::Corrupt("texts"))?,
            docs,
            facets,
            examples,
            popular,
            files: vec![OnceCell::new(); shards.len()],
            shards,
            missing: RefCell::default(),
            checksum: header::CORE.stored_checksum(bytes).ok_or(FormatError::NotAnIndex)?,
            sizes,
            bytes,
        })
    }

    /// Example queries that find something in this corpus (chosen by `write::examples` at build
    /// time), best first.
    pub fn examples(&self) -> &[&'a str] {
        &self.examples
    }

    /// The portal's popular searches (its manifest's `popular`), in its order.
    pub fn popular(&self) -> &[&'a str] {
        &self.popular
    }

    /// The shard directory (empty for an embedded index).
    pub fn shards(&self) -> &Shards<'a> {
        &self.shards
    }

    /// Whether postings carry positions (a sharded index), so that a match is decided from
    /// them without clause text.
    pub fn positional(&self) -> bool {
        SHARDS && self.shards.is_sharded()
    }

    /// Adds the shard file served as `name` (see [`shards`]): checks that it is one of this
    /// index's, whole, and built with it. Adding a file twice is harmless.
    pub fn add_file(&self, name: &str, bytes: Vec<u8>) -> Result<(), FormatError> {
        if !SHARDS {
            return Err(FormatError::UnknownFile);
        }
        let f = self.shards.by_name(name).ok_or(FormatError::UnknownFile)?;
        let (own, sum) = if f < self.shards.term_shards() {
            let [core, terms, postings] = header::TERM_SHARD.read(&bytes)?;
            let terms = fst::Map::new(terms).map_err(|_| FormatError::Corrupt("terms"))?;
            let postings = Postings::new(postings).ok_or(FormatError::Corrupt("postings"))?;
            if terms.len() != postings.len() {
                return Err(FormatError::Corrupt("postings"));
            }
            (core, header::TERM_SHARD.stored_checksum(&bytes))
        } else {
            let [core, texts] = header::TEXT_CHUNK.read(&bytes)?;
            Texts::new(texts).ok_or(FormatError::Corrupt("texts"))?;
            (core, header::TEXT_CHUNK.stored_checksum(&bytes))
        };
        if own != self.shards.build() {
            return Err(FormatError::OtherBuild);
        }
        if !self.shards.file(f).is_some_and(|x| x.is(sum)) {
            return Err(FormatError::Checksum);
        }
        let _ = self.files[f].set(bytes.into_boxed_slice());
        Ok(())
    }

    /// The names of the files lookups needed since the last call and did not have, in file
    /// order; clears the list.
    pub fn take_missing(&self) -> Vec<String> {
        if !SHARDS {
            return Vec::new();
        }
        let mut missing = std::mem::take(&mut *self.missing.borrow_mut());
        sort::sort(&mut missing);
        // A file noted by a call whose caller never asked (a completion) may have been added since.
        missing.retain(|&f| !self.loaded(f));
        missing.into_iter().filter_map(|f| self.shards.name(f)).collect()
    }

    /// Whether file `f` has been added.
    fn loaded(&self, f: usize) -> bool {
        self.files.get(f).is_some_and(|cell| cell.get().is_some())
    }

    /// File `f`'s bytes, or `None` (noting it as missing) when it has not been added.
    fn file(&self, f: usize) -> Option<&[u8]> {
        let bytes = self.files.get(f)?.get();
        let mut missing = self.missing.borrow_mut();
        if bytes.is_none() && !missing.contains(&f) {
            missing.push(f);
        }
        bytes.map(|b| &b[..])
    }

    /// The key ranges that may hold keys beginning with `code` (all of them in the core of an
    /// embedded index), skipping shards not added yet.
    fn sources(&self, code: &[u8]) -> Vec<TermSource<'_>> {
        if !self.positional() {
            return vec![TermSource { terms: self.terms.clone(), postings: self.postings }];
        }
        self.shards
            .holding(code)
            .filter_map(|f| {
                let [_, terms, postings] = header::TERM_SHARD.sections(self.file(f)?).ok()?;
                Some(TermSource { terms: fst::Map::new(terms).ok()?, postings: Postings::unchecked(postings)? })
            })
            .collect()
    }

    /// True when some clause contains `key` (a key of [`keys::term_keys`]), without reading its
    /// postings.
    pub fn has_key(&self, key: &str) -> bool {
        let Some(code) = self.alphabet.encode(key) else { return false };
        let lone = lone_han(key);
        self.sources(&code).iter().any(|s| if lone { s.node_of(&code).is_some() } else { s.terms.contains_key(&code) })
    }

    /// Clause numbers containing `key` (a key of [`keys::term_keys`]), ascending; empty when
    /// no clause does. A lone Han character's list is the union of the lists of the keys it
    /// begins (see [`keys`]).
    pub fn postings(&self, key: &str) -> Vec<u32> {
        let mut all: Vec<u32> = self.lists(key, |p, o| p.list(o)).into_iter().flatten().collect();
        sort::sort_u32(&mut all);
        all.dedup();
        all
    }

    /// [`Index::postings`] with the character offsets of the key in each clause (a sharded
    /// index's postings carry them; an embedded one's do not, and gives empty offsets).
    pub fn occurrences(&self, key: &str) -> Vec<Occurrences> {
        let lists = self.lists(key, |p, o| p.occurrences(o));
        if lists.len() == 1 {
            return lists.into_iter().next().unwrap_or_default();
        }
        // A lone character: merge the lists of the keys it begins (each offset is in one).
        let mut all: Vec<Occurrences> = lists.into_iter().flatten().collect();
        sort::sort_by_key(&mut all, |o| o.0);
        let mut out: Vec<Occurrences> = Vec::new();
        for (clause, at) in all {
            match out.last_mut() {
                Some(last) if last.0 == clause => last.1.extend(at),
                _ => out.push((clause, at)),
            }
        }
        for o in &mut out {
            sort::sort_u32(&mut o.1);
        }
        out
    }

    /// The lists of `key`, read with `read`: one list, or for a lone Han character one per
    /// key it begins.
    fn lists<T>(&self, key: &str, read: impl Fn(&Postings<'_>, usize) -> T) -> Vec<T> {
        let Some(code) = self.alphabet.encode(key) else { return Vec::new() };
        let mut out = Vec::new();
        for source in self.sources(&code) {
            if !lone_han(key) {
                out.extend(source.terms.get(&code).map(|ordinal| read(&source.postings, ordinal as usize)));
                continue;
            }
            let Some((node, output)) = source.node_of(&code) else { continue };
            let fst = source.terms.as_fst();
            let mut stack = vec![(node, output)];
            while let Some((node, output)) = stack.pop() {
                if node.is_final() {
                    out.push(read(&source.postings, output.cat(node.final_output()).value() as usize));
                }
                for t in node.transitions() {
                    stack.push((fst.node(t.addr), output.cat(t.out)));
                }
            }
        }
        out
    }

    /// The characters (alphabet codes) that follow the character with code `code` somewhere in
    /// the corpus: the second characters of its bigram keys, ascending.
    pub fn followers(&self, code: usize) -> Vec<usize> {
        let Some(prefix) = self.alphabet.encode_code(code) else { return Vec::new() };
        let mut out = Vec::new();
        for source in self.sources(&prefix) {
            let Some((node, _)) = source.node_of(&prefix) else { continue };
            let fst = source.terms.as_fst();
            // A code is at most three bytes: walk that deep, keep what spells one whole code.
            let mut stack = vec![(node, [0u8; 3], 0)];
            while let Some((node, rest, len)) = stack.pop() {
                if node.is_final() && len > 0 {
                    out.extend(self.alphabet.single(&rest[..len]));
                }
                if len < 3 {
                    for t in node.transitions() {
                        let mut next = rest;
                        next[len] = t.inp;
                        stack.push((fst.node(t.addr), next, len + 1));
                    }
                }
            }
        }
        sort::sort(&mut out);
        out.dedup();
        out
    }

    /// The alphabet keys and vocabulary words are spelled in.
    pub fn alphabet(&self) -> &Alphabet {
        &self.alphabet
    }

    /// The whole blob this index was opened from.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The checksum of this index, which names its lexicon.
    pub fn checksum(&self) -> u64 {
        self.checksum
    }

    /// Number of clauses.
    pub fn clause_count(&self) -> u32 {
        self.clauses.len()
    }

    /// The numeric fields of clause `i` (no strings are read).
    pub fn clause_numbers(&self, i: u32) -> Option<clauses::ClauseNumbers> {
        self.clauses.get(i)
    }

    /// Clause number `i`: its numbers and its strings. `None` when there is no such clause,
    /// or when its text chunk has not been added yet (then it is noted as missing).
    pub fn clause(&self, i: u32) -> Option<ClauseView<'_>> {
        let numbers = self.clause_numbers(i)?;
        let strings = if !SHARDS || self.texts.range().contains(&i) {
            self.texts.get(i)?
        } else {
            let [_, texts] = header::TEXT_CHUNK.sections(self.file(self.shards.chunk_of(i)?)?).ok()?;
            Texts::new(texts)?.get(i)?
        };
        Some(ClauseView::join(numbers, strings))
    }

    /// Whether clause `i`'s strings are at hand (embedded, or its chunk added), without noting
    /// anything as missing.
    pub fn has_text(&self, i: u32) -> bool {
        self.texts.range().contains(&i) || SHARDS && self.shards.chunk_of(i).is_some_and(|f| self.loaded(f))
    }

    /// The breadcrumb above heading `node` (a clause's innermost heading), outermost first.
    pub fn path(&self, node: Option<u32>) -> Vec<Heading<'a>> {
        headings::path(&self.headings, node)
    }

    /// Average clause length in characters.
    pub fn average_chars(&self) -> f32 {
        self.clauses.total_chars() as f32 / self.clause_count().max(1) as f32
    }

    /// Number of documents.
    pub fn doc_count(&self) -> u32 {
        self.docs.len() as u32
    }

    /// Document number `i`.
    pub fn doc(&self, i: u32) -> Option<DocView<'a>> {
        docs::read(&self.docs, i)
    }

    /// The facets section: what filters and their counts read.
    pub fn facets(&self) -> &facets::Facets<'a> {
        &self.facets
    }

    /// Number of keys: the terms FST's, or a sharded index's in the term shards added so far
    /// (every one natively, where the build embeds them).
    pub fn key_count(&self) -> usize {
        if !self.positional() {
            return self.terms.len();
        }
        // A sharded index's keys are in its term shards: those added so far (all of them
        // natively, where the build embeds them).
        (0..self.shards.term_shards())
            .filter_map(|f| {
                let bytes = self.files.get(f)?.get()?;
                let [_, terms, _] = header::TERM_SHARD.sections(bytes).ok()?;
                Some(fst::Map::new(terms).ok()?.len())
            })
            .sum()
    }

    /// Number of headings.
    pub fn heading_count(&self) -> usize {
        self.headings.len()
    }

    /// Bytes per section, in on-disk order, named as in [`header::CORE`].
    pub fn section_sizes(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        header::CORE.sections.iter().copied().zip(self.sizes)
    }
}
