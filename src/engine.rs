//! The engine: opens the embedded index and answers queries, tier by tier (see
//! [`crate::query`]): documents named by 文号 or title, then exact hits, then relaxed hits;
//! and when the query as typed finds little, a homophone correction of it.
//!
//! Clause text is folded on first use and cached, so verification costs one fold per clause
//! per page load.

use std::cell::OnceCell;

use policy_search_index::{facets::Day, keys, vocab::Word, ClauseView, DocView, FormatError, Index, Lexicon};
use policy_search_normalize::fold_char;

use crate::{
    facets::{self, Counts, Filters, Scope, Sort},
    query::{
        self,
        correction::{Candidate, Correction},
        pinyin::Reading,
        relaxed::{Piece, RelaxedHit},
        titles::DocMatch,
        Query, QueryError,
    },
    rank,
    results::{
        ClauseRecord, Document, Hit, HitKind, LexiconStats, MatchKind, Parsed, PathItem, SearchResults, SectionSize,
        Snippet, Stats, SynonymUsed, Via,
    },
};

/// The index built from the corpus by `build.rs` (feature `embedded`; the browser's natural
/// module is built without it and is handed the exact module's bytes).
#[cfg(feature = "embedded")]
pub static EMBEDDED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// Whether this build has the tiers beyond the exact one (feature `natural`): documents by 文号
/// or title, relaxed hits, corrections, pinyin and completions. The browser's first module is built without them, so
/// that the bytes before a hanzi query's first result hold only what that result needs; the
/// calls below are behind this constant, so the compiler leaves their code out.
pub const NATURAL: bool = cfg!(feature = "natural");

/// Whether this build reads shard files: its embedded index is sharded, or it opens indexes of
/// other modules (the natural module is handed the exact one's) or of files (native builds).
/// The browser's exact module over an index small enough to embed leaves that code out, so
/// that the bytes before a first result do not grow for a feature the seeds do not use.
pub const SHARDS: bool = cfg!(any(policy_search_sharded, feature = "natural", not(target_arch = "wasm32")));

/// The name of the lexicon file built with the embedded index (`lexicon-<checksum>.bin`).
pub static LEXICON_FILE: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.name"));

/// The lexicon built with it. Native builds embed it; the browser fetches it lazily (its file
/// name is [`Engine::lexicon_file`]) so that it is not on the path of a first result.
#[cfg(not(target_arch = "wasm32"))]
pub static EMBEDDED_LEXICON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// The shard files of a sharded embedded index, as `(name, bytes)` (none for an embedded
/// one). Native builds embed them; the browser fetches each when a query first needs it.
#[cfg(all(feature = "embedded", not(target_arch = "wasm32")))]
pub static EMBEDDED_SHARDS: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/shards.rs"));

/// Clauses longer than this many characters get a snippet window.
const SNIPPET_CHARS: usize = 120;
/// A correction is taken when the query as typed has no exact hit and the correction has one,
/// or its best clause holds at least [`CORRECTION_SHARE`] of it and this much more than the
/// query as typed.
const CORRECTION_GAIN: f32 = 0.2;
/// See [`CORRECTION_GAIN`]: a correction found only by the relaxed tier must be nearly whole.
const CORRECTION_SHARE: f32 = 0.9;
/// Candidates whose relaxed tier is computed when none has an exact hit.
const CORRECTIONS_RANKED: usize = 4;

/// Paging and behaviour for [`Engine::search`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchOptions {
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Try a homophone correction when the query as typed finds little (the "search as typed"
    /// link turns this off).
    pub correct: bool,
    /// Also read a query with Latin letters as pinyin and add the hits of its readings after
    /// the hits of the query as typed.
    pub pinyin: bool,
    /// Only the hit of this clause (by number), wherever it ranks: a clause opened from a link
    /// shows the query's highlights without the text of every other hit.
    pub within: Option<u32>,
    /// Only hits that pass these filters (see [`crate::facets`]); the facets' counts are
    /// returned either way.
    pub filters: Filters,
    /// The order of hits.
    pub sort: Sort,
    /// The day validity is judged on: today in China when `None` ([`crate::facets::today`]).
    pub today: Option<Day>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            correct: true,
            pinyin: true,
            within: None,
            filters: Filters::default(),
            sort: Sort::Relevance,
            today: None,
        }
    }
}

/// A search engine over one index.
pub struct Engine<'a> {
    index: Index<'a, SHARDS>,
    lexicon: Option<Lexicon<'a>>,
    folded: Vec<OnceCell<Box<[char]>>>,
    context: Vec<OnceCell<Box<[char]>>>,
    syllables: OnceCell<Vec<Vec<usize>>>,
    syllable_names: OnceCell<Vec<String>>,
    titles: OnceCell<Vec<Vec<char>>>,
}

/// Where a hit of the ranked list comes from: the query's answer (0) or a pinyin reading's
/// (1…), and which of its lists.
#[derive(Clone, Copy)]
enum Slot {
    Document(usize, usize),
    Exact(usize, usize),
    Relaxed(usize, usize),
}

/// Everything one query finds, before paging.
struct Answer {
    query: Query,
    pieces: Vec<Piece>,
    documents: Vec<(u32, DocMatch, f32)>,
    exact: Vec<(u32, f32)>,
    relaxed: Vec<RelaxedHit>,
}

impl Answer {
    /// Share of the query's weight held by the best relaxed hit (1 for an exact hit).
    fn best_share(&self) -> f32 {
        if !self.exact.is_empty() || !self.documents.is_empty() {
            return 1.0;
        }
        self.relaxed.iter().map(|h| h.share).fold(0.0, f32::max)
    }
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
        let index = Index::open(bytes)?;
        let folded = (0..index.clause_count()).map(|_| OnceCell::new()).collect();
        let context = (0..index.clause_count()).map(|_| OnceCell::new()).collect();
        Ok(Engine {
            index,
            lexicon: None,
            folded,
            context,
            syllables: OnceCell::new(),
            syllable_names: OnceCell::new(),
            titles: OnceCell::new(),
        })
    }

    /// Attaches the lexicon built with this index, which turns on the relaxed tier's
    /// vocabulary, synonyms and stop words, and homophone corrections. Until then, searches
    /// are exact, plus documents by 文号 and title.
    pub fn attach_lexicon(&mut self, bytes: &'a [u8]) -> Result<(), FormatError> {
        self.lexicon = Some(Lexicon::open(bytes, &self.index)?);
        Ok(())
    }

    /// The lexicon, once attached.
    pub fn lexicon(&self) -> Option<&Lexicon<'a>> {
        self.lexicon.as_ref()
    }

    /// The file name the lexicon built with this index is served under, beside the wasm
    /// module: it is made of the lexicon's own checksum, so a cache never serves a stale one
    /// (and [`Engine::attach_lexicon`] refuses one of another build).
    pub fn lexicon_file(&self) -> &'static str {
        LEXICON_FILE
    }

    /// The vocabulary entry of a folded word (none without a lexicon).
    pub(crate) fn word(&self, word: &str) -> Option<Word> {
        self.lexicon.as_ref()?.word(self.index.alphabet(), word)
    }

    /// [`Engine::word`] for a slice of characters, without making a string.
    pub(crate) fn word_of(&self, word: &[char]) -> Option<Word> {
        self.lexicon.as_ref()?.word_key(&self.index.alphabet().encode_chars(word.iter().copied())?)
    }

    /// Each document's title and issuers, folded, for title matching (folded once).
    pub(crate) fn folded_titles(&self) -> &[Vec<char>] {
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

    /// The underlying index.
    pub fn index(&self) -> &Index<'a, SHARDS> {
        &self.index
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
    pub(crate) fn folded_context(&self, i: u32) -> &[char] {
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

    /// Adds a shard file of a sharded index (see [`Index::add_file`]).
    pub fn add_file(&self, name: &str, bytes: Vec<u8>) -> Result<(), FormatError> {
        self.index.add_file(name, bytes)
    }

    /// The shard files the calls since the last one needed and did not have: when not empty,
    /// the last answers were incomplete; add these and ask again (see [`Index::take_missing`]).
    pub fn take_missing(&self) -> Vec<String> {
        self.index.take_missing()
    }

    /// What ranking needs to know of clause `i`.
    pub(crate) fn facts(&self, i: u32) -> Option<rank::ClauseFacts> {
        let view = self.index.clause_numbers(i)?;
        Some(rank::ClauseFacts { len: view.char_len, heading_len: view.heading_len, units: view.units_span })
    }

    /// For each syllable number, the alphabet codes reading it; built on first use (for
    /// corrections).
    pub(crate) fn syllable_index(&self) -> Option<&[Vec<usize>]> {
        let lexicon = self.lexicon.as_ref()?;
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
    pub(crate) fn syllable_names(&self) -> &[String] {
        self.syllable_names.get_or_init(|| {
            let Some(lexicon) = self.lexicon.as_ref() else { return Vec::new() };
            let readings = lexicon.readings();
            (0..readings.syllable_count() as u32)
                .map(|i| readings.syllable(i).unwrap_or_default().to_string())
                .collect()
        })
    }

    /// `word` (folded) as the corpus writes it: as it folds where a clause writes it so (the
    /// Simplified form), otherwise as the first clause holding it does — the fold's class
    /// representatives are not always the characters people read.
    pub(crate) fn written(&self, word: &[char]) -> String {
        let folded: String = word.iter().collect();
        let mut first = None;
        for (clause, starts) in self.matches(word) {
            let Some(view) = self.index.clause(clause) else { continue };
            let Some(&at) = starts.first() else { continue };
            let written: String = view.text.chars().skip(at).take(word.len()).collect();
            if written == folded {
                return written;
            }
            first.get_or_insert(written);
        }
        first.unwrap_or(folded)
    }

    /// Runs a query, with the counts of its hits per facet value. An empty or whitespace-only
    /// query lists every clause that passes the filters (browsing), and nothing when there
    /// are none.
    pub fn search(&self, raw: &str, options: &SearchOptions) -> Result<SearchResults, QueryError> {
        let query = query::parse(raw, |c| self.fold_char(c))?;
        let today = options.today.unwrap_or_else(facets::today);
        let scope = Scope::new(self, &options.filters, today);
        let mut results = SearchResults {
            query: raw.to_string(),
            total: 0,
            partial: 0,
            documents: 0,
            corrected: None,
            pinyin: None,
            pinyin_hits: 0,
            parsed: Parsed::default(),
            offset: options.offset,
            hits: Vec::new(),
            facets: Vec::new(),
        };
        if query.include.is_empty() {
            return Ok(self.browse(results, &scope, options, today));
        }
        // Hits the page could need: each list's first `top` are ranked, the rest are only
        // counted. Twice the page's end, since a clause listed by an earlier answer is skipped
        // in a later one (at most one skip per hit before the end).
        let mut top = options.offset.saturating_add(options.limit).saturating_mul(2);
        // Newest first reorders every hit, so every hit is ranked first.
        if options.sort == Sort::Newest {
            top = usize::MAX;
        }
        let mut answer = self.answer(query, top);
        // A correction can only help a query that finds no exact hit, no document and no
        // clause holding all of it.
        if NATURAL && options.correct && answer.best_share() < 1.0 - f32::EPSILON {
            if let Some((candidate, better)) = self.correct(&answer, top) {
                results.corrected = Some(self.correction(raw, &candidate, &better));
                answer = better;
            }
        }
        // Pinyin: the readings of a query with Latin letters, after what it finds as typed.
        let mut answers = vec![answer];
        let mut reading_of: Vec<Option<Reading>> = vec![None];
        if NATURAL && options.pinyin {
            let readings = self.pinyin_readings(&answers[0].query);
            for (n, (reading, found)) in readings.into_iter().enumerate() {
                // The first reading through every tier; alternatives only when the corpus
                // holds them as read, and only their exact hits.
                let answer = match n {
                    0 => self.answer(reading, top),
                    _ if found => self.exact_answer(reading, top),
                    _ => continue,
                };
                if n > 0 && answer.exact.is_empty() {
                    continue;
                }
                let to = answer.query.include.iter().map(|t| t.chars.iter().collect::<String>()).collect::<Vec<_>>();
                reading_of.push(Some(Reading { from: raw.trim().to_string(), to: to.join(" ") }));
                answers.push(answer);
            }
        }
        // Counts of every hit, before the filters narrow them; then the filters (which list
        // the hits again only when they remove some).
        let mut ranked = ranked(&answers);
        let mut counts = Counts::new(&self.index, &scope);
        for slot in &ranked {
            if let Some(clause) = slot.clause(&answers) {
                counts.add(&self.index, clause);
            }
        }
        results.facets = counts.facets(&self.index);
        if scope.is_active() {
            for a in &mut answers {
                a.exact.retain(|e| scope.keeps_clause(&self.index, e.0));
                a.relaxed.retain(|r| scope.keeps_clause(&self.index, r.clause));
                a.documents.retain(|d| scope.keeps_doc(self, d.0));
                rank::sort_top(&mut a.exact, top, |&e| e);
                rank::sort_top(&mut a.relaxed, top, |r| (r.clause, r.score));
            }
            ranked = self::ranked(&answers);
        }
        if options.sort == Sort::Newest {
            self.newest_first(&mut ranked, &answers);
        }
        let answer = &answers[0];
        results.total = answer.exact.len();
        results.partial = answer.relaxed.len();
        results.documents = answer.documents.len();
        results.pinyin_hits = ranked.iter().filter(|s| s.answer() > 0).count();
        results.pinyin = (results.pinyin_hits > 0).then(|| reading_of[1].clone()).flatten();
        results.parsed = parsed(answer);
        // The terms each answer's exact hits are highlighted with.
        let terms: Vec<Vec<Vec<char>>> =
            answers.iter().map(|a| a.query.include.iter().map(|t| t.chars.clone()).collect()).collect();
        let end = options.offset.saturating_add(options.limit).min(ranked.len());
        let page: Vec<Slot> = match options.within {
            None => ranked.get(options.offset..end).unwrap_or_default().to_vec(),
            Some(c) => ranked.iter().copied().filter(|s| s.clause(&answers) == Some(c)).take(1).collect(),
        };
        for slot in page {
            let a = &answers[slot.answer()];
            let hit = match slot {
                Slot::Document(_, i) => {
                    let (d, how, share) = a.documents[i];
                    self.doc_hit(d, how, share, &a.pieces, today)
                }
                Slot::Exact(n, i) => {
                    let (clause, score) = a.exact[i];
                    self.hit(clause, score, &terms[n], today).map(|mut h| {
                        h.match_kind = MatchKind::Exact;
                        h
                    })
                }
                Slot::Relaxed(_, i) => self.relaxed_hit(&a.relaxed[i], &a.pieces, today),
            };
            results.hits.extend(hit.map(|mut h| {
                if let Some(reading) = &reading_of[slot.answer()] {
                    h.via.push(Via::Pinyin);
                    h.reading = Some(reading.clone());
                }
                h
            }));
        }
        Ok(results)
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
        let mut counts = Counts::new(&self.index, scope);
        let mut kept: Vec<u32> = (0..self.index.clause_count()).filter(|&i| counts.add(&self.index, i)).collect();
        results.facets = counts.facets(&self.index);
        if !scope.is_active() {
            return results;
        }
        if options.sort == Sort::Newest {
            let mut keys: Vec<[u32; 2]> =
                kept.iter().map(|&i| [facets::newest_key(self.published_of(self.doc_of(i))), i]).collect();
            kept = facets::order(&mut keys).map(|i| i as u32).collect();
        }
        results.total = kept.len();
        let page: Vec<u32> = match options.within {
            None => kept.into_iter().skip(options.offset).take(options.limit).collect(),
            Some(c) => kept.into_iter().filter(|&i| i == c).collect(),
        };
        results.hits = page.into_iter().filter_map(|i| self.hit(i, 0.0, &[], today)).collect();
        results
    }

    /// Orders the ranked list newest document first within each group (documents, exact
    /// hits, related hits), keeping the relevance order among hits of the same day.
    fn newest_first(&self, ranked: &mut [Slot], answers: &[Answer]) {
        // Key: the group above the day (days take 27 bits), then the relevance position.
        let mut keys: Vec<[u32; 2]> = ranked
            .iter()
            .enumerate()
            .map(|(at, slot)| {
                let (group, doc) = match *slot {
                    Slot::Document(a, i) => (0, answers[a].documents[i].0),
                    Slot::Exact(a, i) => (1, self.doc_of(answers[a].exact[i].0)),
                    Slot::Relaxed(a, i) => (2, self.doc_of(answers[a].relaxed[i].clause)),
                };
                [group << 27 | facets::newest_key(self.published_of(doc)), at as u32]
            })
            .collect();
        let before = ranked.to_vec();
        for (slot, at) in ranked.iter_mut().zip(facets::order(&mut keys)) {
            *slot = before[at];
        }
    }

    /// The document number of clause `i`.
    fn doc_of(&self, i: u32) -> u32 {
        self.index.clause_numbers(i).map_or(u32::MAX, |n| n.doc)
    }

    /// The day document `d` was published (0 when it states none: such documents sort last).
    fn published_of(&self, d: u32) -> u32 {
        self.index.facets().doc(d).and_then(|f| f.published).map_or(0, |p| p.0)
    }

    /// The clause numbers of document number `d`.
    pub(crate) fn clauses_of(&self, d: u32) -> impl Iterator<Item = u32> + '_ {
        (0..self.index.clause_count()).filter(move |&i| self.doc_of(i) == d)
    }

    /// The validity code of document number `d` on `today`.
    fn status_of(&self, d: u32, today: Day) -> String {
        let validity = self.index.facets().doc(d).map_or(facets::Validity::Unknown, |f| f.validity(today));
        validity.code().to_string()
    }

    /// The exact tier alone for one parsed query.
    fn exact_answer(&self, query: Query, top: usize) -> Answer {
        let (exact, _) = self.exact(&query, top);
        Answer { query, pieces: Vec::new(), documents: Vec::new(), exact, relaxed: Vec::new() }
    }

    /// Every tier for one parsed query.
    fn answer(&self, query: Query, top: usize) -> Answer {
        let (exact, per_term) = self.exact(&query, top);
        let pieces = if NATURAL { self.pieces(&query, per_term) } else { Vec::new() };
        // One piece without synonyms holds nothing the exact tier has not found already.
        let weighed = pieces.iter().filter(|p| p.weight > 0.0).count();
        let relaxed = if NATURAL && (weighed > 1 || pieces.iter().any(|p| !p.synonyms.is_empty())) {
            let mut skip: Vec<u32> = exact.iter().map(|e| e.0).chain(self.excluded(&query)).collect();
            skip.sort_unstable();
            self.relaxed(&pieces, &skip, top)
        } else {
            Vec::new()
        };
        let folded: String =
            query.include.iter().map(|t| t.chars.iter().collect::<String>()).collect::<Vec<_>>().join(" ");
        let documents = if NATURAL { self.documents(&folded, &pieces) } else { Vec::new() };
        Answer { query, pieces, documents, exact, relaxed }
    }

    /// The best homophone correction of a query that found no exact hit, with its answer, if
    /// it finds clearly more than the query as typed.
    fn correct(&self, original: &Answer, top: usize) -> Option<(Candidate, Answer)> {
        // The pieces the best clause lacks are where a slip would be.
        let best = original.relaxed.iter().max_by(|a, b| a.share.total_cmp(&b.share));
        let suspects: Vec<&str> = match best {
            Some(hit) => original
                .pieces
                .iter()
                .enumerate()
                .filter(|(i, p)| !p.stop && !hit.held.iter().any(|h| h.piece == *i && !h.in_heading))
                .map(|(_, p)| p.text.as_str())
                .collect(),
            None => Vec::new(),
        };
        let candidates = self.candidates(&original.query, &suspects);
        // Cheap first: a candidate whose corrected term occurs as typed.
        let exact = candidates.iter().filter_map(|c| {
            let n = self.matches(&c.corrected_term(&original.query)).len();
            (n > 0).then_some((c, n))
        });
        // Longer replacements first, then more clauses, then candidate order.
        if let Some((c, _)) = exact.max_by_key(|(c, n)| (c.to.len(), *n)) {
            let answer = self.answer(c.apply(&original.query), top);
            if !answer.exact.is_empty() {
                return Some((c.clone(), answer));
            }
        }
        let floor = original.best_share() + CORRECTION_GAIN;
        candidates
            .into_iter()
            .take(CORRECTIONS_RANKED)
            .map(|c| {
                let answer = self.answer(c.apply(&original.query), top);
                (c, answer)
            })
            .filter(|(_, a)| a.best_share() >= floor.max(CORRECTION_SHARE))
            .max_by(|a, b| a.1.best_share().total_cmp(&b.1.best_share()))
    }

    /// How a correction is shown: the query as typed with the replaced characters spelled as
    /// the corpus spells them (the fold's class representatives are not for reading), naming
    /// only the characters that changed (见 → 间, not 众创空见 → 众创空间).
    fn correction(&self, raw: &str, candidate: &Candidate, answer: &Answer) -> Correction {
        let (from, to) = (&candidate.from, &candidate.to);
        // The replacement as a clause holding it writes it, where it is written as it folds
        // (Simplified); otherwise the folded form itself.
        let spelled: Vec<char> = answer
            .exact
            .iter()
            .map(|e| e.0)
            .chain(answer.relaxed.iter().map(|r| r.clause))
            .find_map(|c| {
                let at = *keys::occurrences(self.folded(c), to).first()?;
                let written: Vec<char> = self.index.clause(c)?.text.chars().skip(at).take(to.len()).collect();
                (written == *to).then_some(written)
            })
            .unwrap_or_else(|| to.clone());
        let typed: Vec<char> = raw.chars().collect();
        let folded: Vec<char> = typed.iter().map(|&c| self.fold_char(c)).collect();
        let at = keys::occurrences(&folded, from).first().copied();
        let mut query = typed.clone();
        if let Some(at) = at {
            query.splice(at..at + from.len(), spelled.iter().copied());
        }
        let head = from.iter().zip(to).take_while(|(a, b)| a == b).count();
        let tail = from[head..].iter().rev().zip(to[head..].iter().rev()).take_while(|(a, b)| a == b).count();
        // What changed, as typed (or folded, if the typed text no longer shows it).
        let changed =
            at.and_then(|at| typed.get(at + head..at + from.len() - tail)).unwrap_or(&from[head..from.len() - tail]);
        Correction {
            original: raw.to_string(),
            query: query.into_iter().collect(),
            from: changed.iter().collect(),
            to: spelled[head..spelled.len() - tail].iter().collect(),
        }
    }

    fn doc_hit(&self, d: u32, how: DocMatch, share: f32, pieces: &[Piece], today: Day) -> Option<Hit> {
        let doc = self.index.doc(d)?;
        let title: Vec<char> = doc.title.chars().map(|c| self.fold_char(c)).collect();
        let matched: Vec<String> = pieces
            .iter()
            .filter(|p| !p.stop && !keys::occurrences(&title, &p.text.chars().collect::<Vec<_>>()).is_empty())
            .map(|p| p.text.clone())
            .collect();
        let terms: Vec<Vec<char>> = matched.iter().map(|m| m.chars().collect()).collect();
        let highlights = highlights(&title, &terms);
        let len = doc.title.chars().count();
        Some(Hit {
            kind: HitKind::Document,
            match_kind: MatchKind::Partial,
            via: vec![match how {
                DocMatch::Number => Via::Number,
                DocMatch::Title => Via::Title,
            }],
            matched,
            synonyms: Vec::new(),
            reading: None,
            doc: doc.doc.to_string(),
            clause: String::new(),
            title: doc.title.to_string(),
            number: doc.number.map(str::to_string),
            published: doc.published.map(str::to_string),
            status: self.status_of(d, today),
            label: String::new(),
            path: Vec::new(),
            heading: None,
            text: doc.title.to_string(),
            snippet: snippet(doc.title, len, &highlights),
            highlights,
            score: share,
        })
    }

    fn relaxed_hit(&self, r: &RelaxedHit, pieces: &[Piece], today: Day) -> Option<Hit> {
        let terms: Vec<Vec<char>> = r
            .held
            .iter()
            .filter(|h| !h.in_heading)
            .map(|h| h.synonym.as_ref().unwrap_or(&pieces[h.piece].text).chars().collect())
            .collect();
        let mut hit = self.hit(r.clause, r.score, &terms, today)?;
        hit.match_kind = MatchKind::Partial;
        hit.matched = r.held.iter().map(|h| pieces[h.piece].text.clone()).collect();
        hit.synonyms = r
            .held
            .iter()
            .filter_map(|h| {
                h.synonym.as_ref().map(|s| SynonymUsed { from: pieces[h.piece].text.clone(), to: s.clone() })
            })
            .collect();
        hit.via = vec![Via::Relaxed];
        if !hit.synonyms.is_empty() {
            hit.via.push(Via::Synonym);
        }
        Some(hit)
    }

    fn hit(&self, clause: u32, score: f32, terms: &[Vec<char>], today: Day) -> Option<Hit> {
        let view = self.index.clause(clause)?;
        let doc = self.index.doc(view.doc)?;
        let highlights = highlights(self.folded(clause), terms);
        let snippet = snippet(view.text, view.char_len as usize, &highlights);
        let record = self.record(clause, &view);
        Some(Hit {
            kind: HitKind::Clause,
            match_kind: MatchKind::Exact,
            via: Vec::new(),
            matched: Vec::new(),
            synonyms: Vec::new(),
            reading: None,
            doc: record.doc,
            clause: record.clause,
            title: doc.title.to_string(),
            number: doc.number.map(str::to_string),
            published: doc.published.map(str::to_string),
            status: self.status_of(view.doc, today),
            label: record.label,
            path: record.path,
            heading: record.heading,
            text: record.text,
            highlights,
            snippet,
            score,
        })
    }

    fn record(&self, i: u32, view: &ClauseView<'_>) -> ClauseRecord {
        let doc = self.index.doc(view.doc).map_or("", |d| d.doc);
        ClauseRecord {
            doc: doc.to_string(),
            clause: view.id.to_string(),
            label: view.label.to_string(),
            path: self
                .index
                .path(view.heading_node)
                .into_iter()
                .map(|h| PathItem { label: h.label.into(), title: h.title.into() })
                .collect(),
            heading: (view.heading_len > 0).then(|| view.text.chars().take(view.heading_len as usize).collect()),
            text: view.text.to_string(),
            units: view.units.iter().map(|u| u.to_string()).collect(),
            unit_values: self
                .index
                .facets()
                .clause_units(i)
                .iter()
                .filter_map(|&u| self.index.facets().unit_names(u).first().map(|n| n.to_string()))
                .collect(),
        }
    }

    /// Every clause, in document order.
    pub fn clauses(&self) -> Vec<ClauseRecord> {
        (0..self.index.clause_count()).filter_map(|i| self.index.clause(i).map(|v| self.record(i, &v))).collect()
    }

    /// One clause by document id and clause id.
    pub fn clause(&self, doc: &str, clause: &str) -> Option<ClauseRecord> {
        self.views_of(doc).find(|(_, v)| v.id == clause).map(|(i, v)| self.record(i, &v))
    }

    /// The number of a clause by document id and clause id.
    pub fn clause_number(&self, doc: &str, clause: &str) -> Option<u32> {
        self.numbers_of(doc).find(|&i| self.index.clause(i).is_some_and(|v| v.id == clause))
    }

    /// The clauses of one document, in document order (empty for an unknown id).
    pub fn document_clauses(&self, doc: &str) -> Vec<ClauseRecord> {
        self.views_of(doc).map(|(i, v)| self.record(i, &v)).collect()
    }

    /// The clauses of document `doc`, selected by their numeric head so that other documents'
    /// strings are never read.
    fn views_of(&self, doc: &str) -> impl Iterator<Item = (u32, ClauseView<'_>)> + '_ {
        self.numbers_of(doc).filter_map(|i| self.index.clause(i).map(|v| (i, v)))
    }

    /// The clause numbers of document `doc`, by their numeric records (no strings read).
    fn numbers_of(&self, doc: &str) -> impl Iterator<Item = u32> + '_ {
        let d = (0..self.index.doc_count()).find(|&i| self.index.doc(i).is_some_and(|v| v.doc == doc));
        self.clauses_of(d.unwrap_or(u32::MAX))
    }

    /// Up to `n` example queries that find something in this corpus (short clause headings,
    /// every document represented; chosen at build time), for the hints of a search that found
    /// nothing.
    pub fn examples(&self, n: usize) -> Vec<String> {
        self.index.examples().iter().take(n).map(|s| s.to_string()).collect()
    }

    /// Every document's metadata, its validity judged on `today`.
    pub fn docs(&self, today: Day) -> Vec<Document> {
        (0..self.index.doc_count())
            .filter_map(|i| self.index.doc(i).map(|d| document(&d, self.status_of(i, today))))
            .collect()
    }

    /// Sizes and counts of the index.
    pub fn stats(&self) -> Stats {
        let sections: Vec<SectionSize> =
            self.index.section_sizes().map(|(name, bytes)| SectionSize { name, bytes }).collect();
        Stats {
            total_bytes: sections.iter().map(|s| s.bytes).sum::<usize>()
                + policy_search_index::header::CORE.header_len(),
            sections,
            text_bytes: self.text_bytes(),
            keys: self.index.key_count(),
            clauses: self.index.clause_count(),
            docs: self.index.doc_count(),
            headings: self.index.heading_count(),
            fold_entries: self.index.fold.len(),
            lexicon: self.lexicon.as_ref().map(|l| LexiconStats {
                total_bytes: l.section_sizes().map(|s| s.1).sum::<usize>()
                    + policy_search_index::header::LEXICON.header_len(),
                sections: l.section_sizes().map(|(name, bytes)| SectionSize { name, bytes }).collect(),
                words: l.word_count(),
            }),
        }
    }
}

impl Engine<'_> {
    /// Bytes of clause text: summed over the clauses of an embedded index; the text chunks'
    /// sizes for a sharded one (which does not fetch them to count).
    fn text_bytes(&self) -> usize {
        let shards = self.index.shards();
        if shards.is_sharded() {
            return (shards.term_shards()..shards.len()).filter_map(|f| shards.file(f)).map(|f| f.bytes as usize).sum();
        }
        (0..self.index.clause_count()).filter_map(|i| self.index.clause(i)).map(|c| c.text.len()).sum()
    }
}

fn document(d: &DocView<'_>, status: String) -> Document {
    let own = |s: Option<&str>| s.map(str::to_string);
    Document {
        doc: d.doc.into(),
        title: d.title.into(),
        issuer: d.issuer.iter().map(|s| s.to_string()).collect(),
        number: own(d.number),
        published: own(d.published),
        effective: own(d.effective),
        expires: own(d.expires),
        period: own(d.period),
        status,
        source: own(d.source),
    }
}

impl Slot {
    /// The clause it lists (none for a document).
    fn clause(self, answers: &[Answer]) -> Option<u32> {
        match self {
            Slot::Document(..) => None,
            Slot::Exact(a, i) => Some(answers[a].exact[i].0),
            Slot::Relaxed(a, i) => Some(answers[a].relaxed[i].clause),
        }
    }

    fn answer(self) -> usize {
        match self {
            Slot::Document(a, _) | Slot::Exact(a, _) | Slot::Relaxed(a, _) => a,
        }
    }
}

/// Exact hits of the first pinyin reading listed before those of the alternatives, which
/// then get [`ALTERNATIVE_LEAD`] each, so that the first page shows every reading (`gaoxiao`:
/// 高校 and 高效) before the rest of each follows.
const FIRST_READING_LEAD: usize = 4;
/// See [`FIRST_READING_LEAD`].
const ALTERNATIVE_LEAD: usize = 3;

/// The ranked list over several answers (the query as typed, then its pinyin readings): the
/// query's documents and exact hits; the readings' documents and exact hits, every reading
/// represented near the top; then every answer's relaxed hits — a reading the corpus holds
/// exactly outranks a loose match of the letters as typed. Each document or clause once.
fn ranked(answers: &[Answer]) -> Vec<Slot> {
    let mut out = Vec::new();
    // Whether a document or clause is listed already (indexed by number; grown as needed).
    let (mut docs, mut clauses) = (Seen::default(), Seen::default());
    let mut exact = |out: &mut Vec<Slot>, a: usize, range: std::ops::Range<usize>| {
        for i in range {
            if answers[a].exact.get(i).is_some_and(|e| clauses.insert(e.0)) {
                out.push(Slot::Exact(a, i));
            }
        }
    };
    for (a, answer) in answers.iter().enumerate() {
        for (i, d) in answer.documents.iter().enumerate() {
            if docs.insert(d.0) {
                out.push(Slot::Document(a, i));
            }
        }
        if a == 0 {
            exact(&mut out, 0, 0..answer.exact.len());
        }
    }
    let lead = |a: usize| if a == 1 { FIRST_READING_LEAD } else { ALTERNATIVE_LEAD };
    for a in 1..answers.len() {
        exact(&mut out, a, 0..lead(a));
    }
    for (a, answer) in answers.iter().enumerate().skip(1) {
        exact(&mut out, a, lead(a)..answer.exact.len());
    }
    for (a, answer) in answers.iter().enumerate() {
        for (i, r) in answer.relaxed.iter().enumerate() {
            if clauses.insert(r.clause) {
                out.push(Slot::Relaxed(a, i));
            }
        }
    }
    out
}

/// A set of small numbers, as flags: the ranked list's "listed already".
#[derive(Default)]
struct Seen(Vec<bool>);

impl Seen {
    /// Adds `n`; true when it was not there yet.
    fn insert(&mut self, n: u32) -> bool {
        let n = n as usize;
        if n >= self.0.len() {
            self.0.resize(n + 1, false);
        }
        !std::mem::replace(&mut self.0[n], true)
    }
}

/// What the engine parsed, for the element to show.
fn parsed(answer: &Answer) -> Parsed {
    let text = |t: &query::Term| t.chars.iter().collect::<String>();
    Parsed {
        terms: answer.query.include.iter().map(text).collect(),
        typed: answer.query.include.iter().map(|t| t.typed.clone()).collect(),
        phrases: answer.query.include.iter().filter(|t| t.phrase).map(text).collect(),
        exclude: answer.query.exclude.iter().map(text).collect(),
        pieces: answer.pieces.clone(),
    }
}

/// Every occurrence of `terms` in `folded`, merged into sorted, disjoint `[start, end)` ranges.
fn highlights(folded: &[char], terms: &[Vec<char>]) -> Vec<[u32; 2]> {
    let mut ranges: Vec<[u32; 2]> = terms
        .iter()
        .flat_map(|t| keys::occurrences(folded, t).into_iter().map(move |s| [s as u32, (s + t.len()) as u32]))
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<[u32; 2]> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r[0] <= last[1] => last[1] = last[1].max(r[1]),
            _ => merged.push(r),
        }
    }
    merged
}

/// Start of the window of `SNIPPET_CHARS` that holds the most whole highlights (the earliest
/// of equals), among windows that begin a little before a highlight. Highlights are sorted and
/// disjoint, so both their starts and ends ascend, as do the candidate windows: two cursors
/// count in one pass (a clause with a hundred thousand matches costs a hundred thousand steps).
fn best_window(len: usize, highlights: &[[u32; 2]]) -> usize {
    let lead = SNIPPET_CHARS / 4;
    let (mut first, mut past) = (0, 0); // highlights[first..past] lie inside the current window
    let mut best: Option<(usize, usize)> = None; // (count, start)
    for h in highlights {
        let start = (h[0] as usize).saturating_sub(lead).min(len - SNIPPET_CHARS);
        while first < highlights.len() && (highlights[first][0] as usize) < start {
            first += 1;
        }
        past = past.max(first);
        while past < highlights.len() && (highlights[past][1] as usize) <= start + SNIPPET_CHARS {
            past += 1;
        }
        if best.is_none_or(|(count, _)| past - first > count) {
            best = Some((past - first, start));
        }
    }
    best.map_or(0, |(_, start)| start)
}

/// The window of `SNIPPET_CHARS` characters that holds the most highlights.
fn snippet(text: &str, len: usize, highlights: &[[u32; 2]]) -> Snippet {
    if len <= SNIPPET_CHARS + SNIPPET_CHARS / 3 {
        return Snippet { text: text.to_string(), start: 0, end: len as u32, highlights: highlights.to_vec() };
    }
    let mut start = best_window(len, highlights);
    let mut end = start + SNIPPET_CHARS;
    // Never cut a match in two: widen the window over a highlight that straddles an edge.
    for h in highlights {
        let (s, e) = (h[0] as usize, h[1] as usize);
        if s < start && e > start {
            start = s;
        }
        if s < end && e > end {
            end = e;
        }
    }
    let prefix = usize::from(start > 0);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(text.chars().skip(start).take(end - start));
    if end < len {
        out.push('…');
    }
    let shifted = highlights
        .iter()
        .filter(|h| (h[1] as usize) > start && (h[0] as usize) < end)
        .map(|h| {
            let s = (h[0] as usize).max(start) - start + prefix;
            let e = (h[1] as usize).min(end) - start + prefix;
            [s as u32, e as u32]
        })
        .collect();
    Snippet { text: out, start: start as u32, end: end as u32, highlights: shifted }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `best_window` computes in one pass.
    fn best_window_by_definition(len: usize, highlights: &[[u32; 2]]) -> usize {
        let lead = SNIPPET_CHARS / 4;
        let window_at = |h: &[u32; 2]| (h[0] as usize).saturating_sub(lead).min(len - SNIPPET_CHARS);
        let covered = |start: usize| {
            highlights.iter().filter(|h| h[0] as usize >= start && (h[1] as usize) <= start + SNIPPET_CHARS).count()
        };
        highlights.iter().map(window_at).max_by_key(|&s| (covered(s), std::cmp::Reverse(s))).unwrap_or(0)
    }

    #[test]
    fn the_snippet_window_is_found_in_one_pass_as_defined() {
        let mut x = 0x2545_f491_u64;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for _ in 0..2_000 {
            let len = 200 + next(800) as usize;
            let mut highlights = Vec::new();
            let mut at = next(50) as u32;
            let longest = if next(10) == 0 { 200 } else { 6 }; // sometimes longer than a window
            while (at as usize) < len - 10 && highlights.len() < 40 {
                let end = (at + 1 + next(longest) as u32).min(len as u32);
                highlights.push([at, end]);
                at = end + next(60) as u32;
            }
            assert_eq!(
                best_window(len, &highlights),
                best_window_by_definition(len, &highlights),
                "{len} {highlights:?}"
            );
        }
    }
}
