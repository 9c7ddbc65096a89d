//! The engine: one [`Reader`] and the orchestration of a search over it. The tiers (in
//! [`crate::query`]) and the rooms below are free functions over the reader; `Engine::search`
//! runs them as named stages: parse → (browse) → answer (or a field's documents) → correction →
//! pinyin readings →
//! facet counts → filters → order → page → hits.
//!
//! - `options`: what a caller may ask of a search;
//! - `answer`: everything one query finds before paging, corrections, the ranked list;
//! - `hits`: hit records, highlights and what was parsed;
//! - `snippet`: highlight ranges and the snippet window;
//! - `lookups`: clauses and documents by id, statistics;
//! - [`crate::embedded`]: what this build carries and which modules it compiles.

mod answer;
mod hits;
mod lookups;
mod options;
mod snippet;

use policy_search_index::{facets::Day, FormatError, Index, Lexicon};

#[cfg(feature = "embedded")]
use crate::embedded::EMBEDDED_INDEX;
#[cfg(all(feature = "embedded", not(target_arch = "wasm32")))]
use crate::embedded::{EMBEDDED_LEXICON, EMBEDDED_SHARDS};
pub use options::SearchOptions;

use crate::{
    embedded::{NATURAL, SHARDS},
    facets::{self, Counts, Scope, Sort},
    query::{self, fields::Field, natural::pinyin::Reading, QueryError},
    rank,
    reader::Reader,
    results::{MatchKind, SearchResults, Via},
};
use answer::{Answer, Slot};

/// A search engine over one index.
pub struct Engine<'a> {
    reader: Reader<'a>,
}

#[cfg(feature = "embedded")]
impl Engine<'static> {
    /// Opens the index embedded in this build (natively with its lexicon; in the browser the
    /// lexicon is attached when it arrives).
    pub fn embedded() -> Result<Engine<'static>, FormatError> {
        #[allow(unused_mut)]
        let mut engine = Engine::open(EMBEDDED_INDEX)?;
        #[cfg(not(target_arch = "wasm32"))]
        {
            engine.attach_lexicon(EMBEDDED_LEXICON)?;
            for (name, bytes) in EMBEDDED_SHARDS {
                engine.add_file(name, bytes.to_vec())?;
            }
        }
        Ok(engine)
    }
}

impl<'a> Engine<'a> {
    /// Opens an index blob.
    pub fn open(bytes: &'a [u8]) -> Result<Engine<'a>, FormatError> {
        Ok(Engine { reader: Reader::open(bytes)? })
    }

    /// Attaches the lexicon built with this index, which turns on the relaxed tier's
    /// vocabulary, synonyms and stop words, and homophone corrections. Until then, searches
    /// are exact, plus documents by 文号 and title.
    pub fn attach_lexicon(&mut self, bytes: &'a [u8]) -> Result<(), FormatError> {
        self.reader.attach_lexicon(bytes)
    }

    /// The read side every tier works over.
    pub fn reader(&self) -> &Reader<'a> {
        &self.reader
    }

    /// The lexicon, once attached.
    pub fn lexicon(&self) -> Option<&Lexicon<'a>> {
        self.reader.lexicon()
    }

    /// The file name the lexicon built with this index is served under, beside the wasm
    /// module: it is made of the lexicon's own checksum, so a cache never serves a stale one
    /// (and [`Engine::attach_lexicon`] refuses one of another build).
    #[cfg(feature = "embedded")]
    pub fn lexicon_file(&self) -> &'static str {
        crate::embedded::LEXICON_FILE
    }

    /// The underlying index.
    pub fn index(&self) -> &Index<'a, SHARDS> {
        self.reader.index()
    }

    /// Folds one character exactly as the index was folded.
    pub fn fold_char(&self, c: char) -> char {
        self.reader.fold_char(c)
    }

    /// Folds text exactly as the index was folded.
    pub fn fold(&self, text: &str) -> String {
        self.reader.fold(text)
    }

    /// Folded text of clause `i` (see [`Reader::folded`]).
    pub fn folded(&self, i: u32) -> &[char] {
        self.reader.folded(i)
    }

    /// Folds every clause at hand ahead of use, so that no query pays for folding them.
    pub fn prepare(&self) {
        self.reader.prepare()
    }

    /// Adds a shard file of a sharded index (see [`Index::add_file`]) or of a sharded lexicon
    /// (see [`Lexicon::add_file`]): each directory knows its own names, so one caller's loop
    /// fetches both.
    pub fn add_file(&self, name: &str, bytes: Vec<u8>) -> Result<(), FormatError> {
        let index = self.reader.index();
        match self.reader.lexicon() {
            Some(lexicon) if index.shards().by_name(name).is_none() && lexicon.directory().by_name(name).is_some() => {
                lexicon.add_file(name, bytes)
            }
            _ => index.add_file(name, bytes),
        }
    }

    /// The shard files (of the index, then of the lexicon) the calls since the last one needed
    /// and did not have: when not empty, the last answers were incomplete; add these and ask
    /// again (see [`Index::take_missing`], [`Lexicon::take_missing`]).
    pub fn take_missing(&self) -> Vec<String> {
        let mut missing = self.reader.index().take_missing();
        missing.extend(self.reader.lexicon().map(Lexicon::take_missing).unwrap_or_default());
        missing
    }

    /// Clauses containing `term` (folded), with the offsets of its occurrences
    /// ([`query::exact::matches`]).
    pub fn matches(&self, term: &[char]) -> query::exact::Matches {
        query::exact::matches(&self.reader, term)
    }

    /// True when some clause contains `term` (folded) ([`query::exact::occurs`]).
    pub fn occurs(&self, term: &[char]) -> bool {
        query::exact::occurs(&self.reader, term)
    }

    /// The query's terms cut into weighed pieces, as the relaxed tier weighs them
    /// ([`query::natural::relaxed::pieces`]; `per_term`: the exact tier's matches of each
    /// included term, or nothing).
    pub fn pieces(&self, query: &query::Query, per_term: Vec<query::exact::Matches>) -> Vec<query::relaxed::Piece> {
        query::natural::relaxed::pieces(&self.reader, query, per_term)
    }

    /// Completions of what is typed so far ([`query::natural::suggest::suggest`]).
    pub fn suggest(&self, raw: &str, limit: usize) -> Vec<query::natural::suggest::Suggestion> {
        query::natural::suggest::suggest(&self.reader, raw, limit)
    }

    /// Runs a query, with the counts of its hits per facet value. An empty or whitespace-only
    /// query lists every clause that passes the filters (browsing), and nothing when there
    /// are none.
    pub fn search(&self, raw: &str, options: &SearchOptions) -> Result<SearchResults, QueryError> {
        let r = &self.reader;
        let query = query::parse(raw, |c| r.fold_char(c))?;
        let today = options.today.unwrap_or_else(facets::today);
        let scope = Scope::new(r, &options.filters, today);
        let mut results = SearchResults::empty(raw, options.offset);
        if query.include.is_empty() {
            return Ok(self.browse(results, &scope, options, today));
        }
        let top = options.ranked_depth();
        let (mut answers, readings) = if options.field.documents() {
            // A title or 文号 search is literal: no correction, no pinyin reading (and none in
            // the exact module, which leaves it to the natural one: see `fields`).
            (vec![answer::field_answer(r, query, options.field)], vec![None])
        } else {
            let mut answer = answer::answer(r, query, top);
            // Before the correction is weighed: a named document must not stop one here.
            if options.field == Field::Body {
                answer.documents.clear();
            }
            if let Some((correction, better)) = self.corrected(raw, &answer, options, top) {
                results.corrected = Some(correction);
                answer = better;
            }
            self.with_readings(raw, answer, options, top)
        };
        // 正文: no document hit, from the query, its correction or its pinyin readings.
        if options.field == Field::Body {
            answers.iter_mut().for_each(|a| a.documents.clear());
        }
        let mut ranked = answer::ranked(&answers);
        results.facets = self.count(&scope, &ranked, &answers, options.field);
        if scope.is_active() {
            self.filter(&scope, &mut answers, top);
            ranked = answer::ranked(&answers);
        }
        if options.sort == Sort::Newest {
            self.newest_first(&mut ranked, &answers);
        }
        self.summarise(&mut results, &answers, &ranked, &readings);
        let page = page(&ranked, &answers, options);
        results.hits = self.hits(&page, &answers, &readings, today);
        if NATURAL && options.offset == 0 {
            // Built on what was searched: the correction, or the hanzi a pinyin query read as.
            let searched = match (&results.corrected, &results.pinyin) {
                (Some(c), _) => c.query.as_str(),
                (None, Some(reading)) => reading.to.as_str(),
                (None, None) => raw,
            };
            let clauses: Vec<u32> = page.iter().filter_map(|s| s.clause(&answers)).collect();
            results.related = query::natural::related::related(r, searched, &clauses);
        }
        Ok(results)
    }

    /// A correction can only help a query that finds no exact hit and no document: then its
    /// best homophone correction, if it finds clearly more (or, when clauses hold all of it,
    /// if a homophone is written beside the other words far more often).
    fn corrected(
        &self,
        raw: &str,
        answer: &Answer,
        options: &SearchOptions,
        top: usize,
    ) -> Option<(query::natural::correction::Correction, Answer)> {
        let found = !answer.exact.is_empty() || !answer.documents.is_empty() || !answer.references.is_empty();
        if !NATURAL || !options.correct || found {
            return None;
        }
        let (candidate, better) = answer::correct(&self.reader, answer, top)?;
        Some((answer::correction(&self.reader, raw, &candidate, &better), better))
    }

    /// The answer, then those of its pinyin readings (a query with Latin letters), each with
    /// the reading it was found through (none for the query as typed).
    fn with_readings(
        &self,
        raw: &str,
        answer: Answer,
        options: &SearchOptions,
        top: usize,
    ) -> (Vec<Answer>, Vec<Option<Reading>>) {
        let mut answers = vec![answer];
        let mut reading_of: Vec<Option<Reading>> = vec![None];
        if !NATURAL || !options.pinyin {
            return (answers, reading_of);
        }
        let r = &self.reader;
        let readings = query::natural::pinyin::pinyin_readings(r, &answers[0].query);
        for (n, (reading, found)) in readings.into_iter().enumerate() {
            // The first reading through every tier; alternatives only when the corpus holds
            // them as read, and only their exact hits.
            let answer = match n {
                0 => answer::answer(r, reading, top),
                _ if found => answer::exact_answer(r, reading, top),
                _ => continue,
            };
            if n > 0 && answer.exact.is_empty() {
                continue;
            }
            reading_of.push(Some(Reading { from: raw.trim().to_string(), to: answer.terms_text() }));
            answers.push(answer);
        }
        (answers, reading_of)
    }

    /// The counts of every hit per facet value, before the filters narrow them.
    fn count(&self, scope: &Scope<'_>, ranked: &[Slot], answers: &[Answer], field: Field) -> Vec<facets::Facet> {
        let index = self.reader.index();
        let mut counts = Counts::new(index, scope);
        for slot in ranked {
            match (*slot, slot.clause(answers)) {
                (_, Some(clause)) => {
                    counts.add(index, clause);
                }
                // Documents are counted where they are all a search lists (a title or 文号
                // search); elsewhere they head the clause hits the counts are of.
                (Slot::Document(a, i), None) if NATURAL && field.documents() => {
                    counts.add_doc(&self.reader, answers[a].documents[i].0);
                }
                _ => {}
            }
        }
        counts.facets(index)
    }

    /// Keeps the hits that pass the filters, the best `top` of each list ranked again.
    fn filter(&self, scope: &Scope<'_>, answers: &mut [Answer], top: usize) {
        let index = self.reader.index();
        for a in answers {
            a.exact.retain(|e| scope.keeps_clause(index, e.0));
            a.relaxed.retain(|h| scope.keeps_clause(index, h.clause));
            a.documents.retain(|d| scope.keeps_doc(&self.reader, d.0));
            a.references.retain(|&c| scope.keeps_clause(index, c));
            rank::sort_top(&mut a.exact, top, |&e| e);
            rank::sort_top(&mut a.relaxed, top, |h| (h.clause, h.score));
        }
    }

    /// The counts and what was parsed, from the query's own answer.
    fn summarise(
        &self,
        results: &mut SearchResults,
        answers: &[Answer],
        ranked: &[Slot],
        readings: &[Option<Reading>],
    ) {
        let answer = &answers[0];
        results.total = answer.exact.len();
        results.partial = answer.relaxed.len();
        results.documents = answer.documents.len();
        results.pinyin_hits = ranked.iter().filter(|s| s.answer() > 0).count();
        results.pinyin = (results.pinyin_hits > 0).then(|| readings[1].clone()).flatten();
        results.parsed = hits::parsed(answer);
    }

    /// The hit records of a page, each exact hit highlighted with its own answer's terms.
    fn hits(
        &self,
        page: &[Slot],
        answers: &[Answer],
        readings: &[Option<Reading>],
        today: Day,
    ) -> Vec<crate::results::Hit> {
        let r = &self.reader;
        let terms: Vec<Vec<Vec<char>>> =
            answers.iter().map(|a| a.query.include.iter().map(|t| t.chars.clone()).collect()).collect();
        let mut out = Vec::with_capacity(page.len());
        for &slot in page {
            let a = &answers[slot.answer()];
            let hit = match slot {
                Slot::Reference(_, i) => hits::reference_hit(r, a.references[i], today),
                Slot::Document(n, i) => {
                    let (d, how, share) = a.documents[i];
                    // The words its title is highlighted with: the weighed pieces, or the terms
                    // of a literal (title or 文号) search, which weighs none.
                    let words: Vec<Vec<char>> = if a.pieces.is_empty() {
                        terms[n].clone()
                    } else {
                        a.pieces.iter().filter(|p| !p.stop).map(|p| p.text.chars().collect()).collect()
                    };
                    hits::doc_hit(r, d, how, share, &words, today)
                }
                Slot::Exact(n, i) => {
                    let (clause, score) = a.exact[i];
                    hits::hit(r, clause, score, &terms[n], today).map(|mut h| {
                        h.match_kind = MatchKind::Exact;
                        h
                    })
                }
                Slot::Relaxed(_, i) => hits::relaxed_hit(r, &a.relaxed[i], &a.pieces, today),
            };
            out.extend(hit.map(|mut h| {
                if let Some(reading) = &readings[slot.answer()] {
                    h.via.push(Via::Pinyin);
                    h.reading = Some(reading.clone());
                }
                h
            }));
        }
        out
    }

    /// An empty query: every clause counted; with a filter, those that pass it listed in
    /// document order (or newest first).
    fn browse(
        &self,
        mut results: SearchResults,
        scope: &Scope<'_>,
        options: &SearchOptions,
        today: Day,
    ) -> SearchResults {
        let r = &self.reader;
        let mut counts = Counts::new(r.index(), scope);
        let mut kept: Vec<u32> = (0..r.index().clause_count()).filter(|&i| counts.add(r.index(), i)).collect();
        results.facets = counts.facets(r.index());
        if !scope.is_active() {
            return results;
        }
        if options.sort == Sort::Newest {
            let mut keys: Vec<[u32; 2]> =
                kept.iter().map(|&i| [facets::newest_key(r.published_of(r.doc_of(i))), i]).collect();
            kept = facets::order(&mut keys).map(|i| i as u32).collect();
        }
        results.total = kept.len();
        let page: Vec<u32> = match options.within {
            None => kept.into_iter().skip(options.offset).take(options.limit).collect(),
            Some(c) => kept.into_iter().filter(|&i| i == c).collect(),
        };
        results.hits = page.into_iter().filter_map(|i| hits::hit(r, i, 0.0, &[], today)).collect();
        results
    }

    /// Orders the ranked list newest document first within each group (cited articles,
    /// documents, exact hits, related hits), keeping the relevance order among hits of the same day.
    fn newest_first(&self, ranked: &mut [Slot], answers: &[Answer]) {
        let r = &self.reader;
        // Key: the group above the day (days take 27 bits), then the relevance position.
        let mut keys: Vec<[u32; 2]> = ranked
            .iter()
            .enumerate()
            .map(|(at, slot)| {
                let (group, doc) = match *slot {
                    Slot::Reference(a, i) => (0, r.doc_of(answers[a].references[i])),
                    Slot::Document(a, i) => (1, answers[a].documents[i].0),
                    Slot::Exact(a, i) => (2, r.doc_of(answers[a].exact[i].0)),
                    Slot::Relaxed(a, i) => (3, r.doc_of(answers[a].relaxed[i].clause)),
                };
                [group << 27 | facets::newest_key(r.published_of(doc)), at as u32]
            })
            .collect();
        let before = ranked.to_vec();
        for (slot, at) in ranked.iter_mut().zip(facets::order(&mut keys)) {
            *slot = before[at];
        }
    }
}

/// The page of the ranked list the options ask for: `offset..offset + limit`, or the one hit
/// of clause `within`.
fn page(ranked: &[Slot], answers: &[Answer], options: &SearchOptions) -> Vec<Slot> {
    let end = options.offset.saturating_add(options.limit).min(ranked.len());
    match options.within {
        None => ranked.get(options.offset..end).unwrap_or_default().to_vec(),
        Some(c) => ranked.iter().copied().filter(|s| s.clause(answers) == Some(c)).take(1).collect(),
    }
}
