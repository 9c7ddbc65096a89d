//! The read side of an engine: the index, the lexicon once attached, and the caches derived
//! from them (folded clause text, folded headings, title strings, syllable tables). Every tier
//! in [`crate::query`] is a set of free functions over a `&Reader`, as tantivy's collectors
//! read a `SegmentReader` and never the `Searcher`: a tier sees what it may read and nothing
//! of how a search is put together ([`crate::Engine`] does that).
//!
//! Caches fill on first use (`OnceCell`), so a reader is shared by reference and needs no
//! `&mut` to answer; only attaching the lexicon does.

use std::cell::OnceCell;

use policy_search_index::{facets, facets::Day, vocab::Word, FormatError, Index, Lexicon};
use policy_search_normalize::fold_char;

use crate::{
    embedded::{NATURAL, SHARDS},
    rank,
};

/// An index and lexicon opened for reading, with per-clause caches.
pub struct Reader<'a> {
    index: Index<'a, SHARDS>,
    lexicon: Option<Lexicon<'a>>,
    /// Each clause's text, folded (on first use).
    folded: Vec<OnceCell<Box<[char]>>>,
    /// The headings above each clause and its document's title, folded (on first use).
    context: Vec<OnceCell<Box<[char]>>>,
    syllables: OnceCell<Vec<Vec<usize>>>,
    syllable_names: OnceCell<Vec<String>>,
    titles: OnceCell<Vec<Vec<char>>>,
    question_frames: OnceCell<Vec<crate::query::natural::question::Frame>>,
    plain_titles: OnceCell<Vec<Vec<char>>>,
}

impl<'a> Reader<'a> {
    /// Opens an index blob, with no lexicon yet.
    pub fn open(bytes: &'a [u8]) -> Result<Reader<'a>, FormatError> {
        let index = Index::open(bytes)?;
        let folded = (0..index.clause_count()).map(|_| OnceCell::new()).collect();
        let context = (0..index.clause_count()).map(|_| OnceCell::new()).collect();
        Ok(Reader {
            index,
            lexicon: None,
            folded,
            context,
            syllables: OnceCell::new(),
            syllable_names: OnceCell::new(),
            titles: OnceCell::new(),
            question_frames: OnceCell::new(),
            plain_titles: OnceCell::new(),
        })
    }

    /// Attaches the lexicon built with this index (refused when it belongs to another build).
    pub fn attach_lexicon(&mut self, bytes: &'a [u8]) -> Result<(), FormatError> {
        self.lexicon = Some(Lexicon::open(bytes, &self.index)?);
        Ok(())
    }

    /// The lexicon, once attached. Never in the browser's exact module ([`NATURAL`] off): it
    /// attaches none, and saying so here lets the compiler leave every lexicon read out of it.
    pub fn lexicon(&self) -> Option<&Lexicon<'a>> {
        if NATURAL {
            self.lexicon.as_ref()
        } else {
            None
        }
    }

    /// The underlying index.
    pub fn index(&self) -> &Index<'a, SHARDS> {
        &self.index
    }

    /// The vocabulary entry of a folded word (none without a lexicon).
    pub fn word(&self, word: &str) -> Option<Word> {
        self.lexicon()?.word(self.index.alphabet(), word)
    }

    /// The words a folded vocabulary word also finds, from the thesaurus (none without a
    /// lexicon, or for a word without synonyms).
    pub fn synonyms(&self, word: &str) -> Vec<String> {
        let (Some(lexicon), Some(key)) = (self.lexicon(), self.index.alphabet().encode(word)) else {
            return Vec::new();
        };
        lexicon.synonyms_of(&key).into_iter().map(str::to_string).collect()
    }

    /// The corpus's words for a folded word in the general thesaurus (none without a lexicon,
    /// or for a word it does not list).
    pub fn general(&self, word: &[char]) -> Vec<String> {
        let (Some(lexicon), Some(key)) = (self.lexicon(), self.index.alphabet().encode_chars(word.iter().copied()))
        else {
            return Vec::new();
        };
        lexicon.general_of(&key).into_iter().map(str::to_string).collect()
    }

    /// [`Reader::word`] for a slice of characters, without making a string.
    pub fn word_of(&self, word: &[char]) -> Option<Word> {
        self.lexicon()?.word_key(&self.index.alphabet().encode_chars(word.iter().copied())?)
    }

    /// Each document's title and issuers, folded, for title matching (folded once).
    pub fn folded_titles(&self) -> &[Vec<char>] {
        self.titles.get_or_init(|| {
            (0..self.index.doc_count())
                .map(|d| {
                    self.index.doc(d).map_or_else(Vec::new, |doc| {
                        self.fold(&[doc.title, &doc.issuer.join(" ")].join(" ")).chars().collect()
                    })
                })
                .collect()
        })
    }

    /// The question frames, read once ([`crate::query::natural::question::frames_list`]).
    pub fn question_frames(&self) -> &[crate::query::natural::question::Frame] {
        self.question_frames.get_or_init(crate::query::natural::question::frames_list)
    }

    /// Each document's title as a query names it (folded, without brackets or
    /// 中华人民共和国: [`crate::query::natural::reference::titles`]), read once.
    pub fn plain_titles(&self) -> &[Vec<char>] {
        self.plain_titles.get_or_init(|| crate::query::natural::reference::titles(self))
    }

    /// Folds one character exactly as the index was folded.
    pub fn fold_char(&self, c: char) -> char {
        fold_char(c, &self.index.fold)
    }

    /// Folds text exactly as the index was folded.
    pub fn fold(&self, text: &str) -> String {
        text.chars().map(|c| self.fold_char(c)).collect()
    }

    /// Folded text of clause `i` (empty if `i` is out of range, or if its text chunk has not
    /// been added yet: then it is noted as missing, and nothing is cached).
    pub fn folded(&self, i: u32) -> &[char] {
        let Some(cell) = self.folded.get(i as usize) else { return &[] };
        if let Some(folded) = cell.get() {
            return folded;
        }
        let Some(view) = self.index.clause(i) else { return &[] };
        cell.get_or_init(|| view.text.chars().map(|c| self.fold_char(c)).collect())
    }

    /// The headings above clause `i` and its document's title, folded, one per line: the
    /// context the relaxed tier credits (folded on first use, cached).
    pub fn folded_context(&self, i: u32) -> &[char] {
        let Some(cell) = self.context.get(i as usize) else { return &[] };
        cell.get_or_init(|| {
            let Some(view) = self.index.clause_numbers(i) else { return Box::default() };
            let title = self.index.doc(view.doc).map_or("", |d| d.title);
            let path = self.index.path(view.heading_node);
            path.iter()
                .map(|h| h.title)
                .chain([title])
                .flat_map(|t| t.chars().chain(['\n']))
                .map(|c| self.fold_char(c))
                .collect()
        })
    }

    /// Folds every clause at hand ahead of use (all of an embedded index; a sharded one's
    /// added chunks), so that no query pays for folding them.
    pub fn prepare(&self) {
        for i in (0..self.index.clause_count()).filter(|&i| self.index.has_text(i)) {
            self.folded(i);
        }
    }

    /// What ranking needs to know of clause `i`.
    pub fn facts(&self, i: u32) -> Option<rank::ClauseFacts> {
        let view = self.index.clause_numbers(i)?;
        Some(rank::ClauseFacts { len: view.char_len, heading_len: view.heading_len, units: view.units_span })
    }

    /// For each syllable number, the alphabet codes reading it; built on first use (for
    /// corrections).
    pub fn syllable_index(&self) -> Option<&[Vec<usize>]> {
        let lexicon = self.lexicon()?;
        Some(self.syllables.get_or_init(|| {
            let mut map: Vec<Vec<usize>> = vec![Vec::new(); lexicon.readings().syllable_count()];
            for code in 0..self.index.alphabet().len() {
                for s in lexicon.readings().of_code(code) {
                    if let Some(codes) = map.get_mut(s as usize) {
                        codes.push(code);
                    }
                }
            }
            map
        }))
    }

    /// Every syllable of the readings section, by number (read once).
    pub fn syllable_names(&self) -> &[String] {
        self.syllable_names.get_or_init(|| {
            let Some(lexicon) = self.lexicon() else { return Vec::new() };
            let readings = lexicon.readings();
            (0..readings.syllable_count() as u32)
                .map(|i| readings.syllable(i).unwrap_or_default().to_string())
                .collect()
        })
    }

    /// The document number of clause `i` (`u32::MAX` when out of range).
    pub fn doc_of(&self, i: u32) -> u32 {
        self.index.clause_numbers(i).map_or(u32::MAX, |n| n.doc)
    }

    /// The day document `d` was published (0 when it states none: such documents sort last).
    pub fn published_of(&self, d: u32) -> u32 {
        self.index.facets().doc(d).and_then(|f| f.published).map_or(0, |p| p.0)
    }

    /// The clause numbers of document number `d`.
    pub fn clauses_of(&self, d: u32) -> impl Iterator<Item = u32> + '_ {
        (0..self.index.clause_count()).filter(move |&i| self.doc_of(i) == d)
    }

    /// The validity code of document number `d` on `today`.
    pub fn status_of(&self, d: u32, today: Day) -> String {
        let validity = self.index.facets().doc(d).map_or(facets::Validity::Unknown, |f| f.validity(today));
        validity.code().to_string()
    }
}
