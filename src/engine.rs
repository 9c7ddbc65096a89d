//! The engine: opens the embedded index and answers queries.
//!
//! Matching is exact: a term's keys (bigrams, lone characters, tokens) select candidate
//! clauses from the postings, and each candidate is verified against its folded text, which is
//! computed on first use and cached. Hits therefore equal a brute-force scan, by construction.

use std::cell::OnceCell;

use policy_search_index::{keys, ClauseView, DocView, FormatError, Index};
use policy_search_normalize::fold_char;

use crate::{
    query::{self, Query, QueryError, Term},
    rank,
    results::{ClauseRecord, Document, Hit, PathItem, SearchResults, SectionSize, Snippet, Stats},
};

/// The index built from the corpus by `build.rs`.
pub static EMBEDDED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// Clauses longer than this many characters get a snippet window.
const SNIPPET_CHARS: usize = 120;

/// Paging for [`Engine::search`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchOptions {
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { limit: 10, offset: 0 }
    }
}

/// A search engine over one index.
pub struct Engine<'a> {
    index: Index<'a>,
    folded: Vec<OnceCell<Box<[char]>>>,
}

impl Engine<'static> {
    /// Opens the index embedded in this build.
    pub fn embedded() -> Result<Engine<'static>, FormatError> {
        Engine::open(EMBEDDED_INDEX)
    }
}

impl<'a> Engine<'a> {
    /// Opens an index blob.
    pub fn open(bytes: &'a [u8]) -> Result<Engine<'a>, FormatError> {
        let index = Index::open(bytes)?;
        let folded = (0..index.clause_count()).map(|_| OnceCell::new()).collect();
        Ok(Engine { index, folded })
    }

    /// The underlying index.
    pub fn index(&self) -> &Index<'a> {
        &self.index
    }

    /// Folds text exactly as the index was folded.
    pub fn fold(&self, text: &str) -> String {
        text.chars().map(|c| fold_char(c, &self.index.fold)).collect()
    }

    /// Folded text of clause `i` (empty if `i` is out of range).
    pub fn folded(&self, i: u32) -> &[char] {
        let Some(cell) = self.folded.get(i as usize) else { return &[] };
        cell.get_or_init(|| {
            let text = self.index.clause(i).map_or("", |c| c.text);
            text.chars().map(|c| fold_char(c, &self.index.fold)).collect()
        })
    }

    /// Folds every clause ahead of use; afterwards no query pays for folding.
    pub fn prepare(&self) {
        for i in 0..self.index.clause_count() {
            self.folded(i);
        }
    }

    /// Clauses containing `term` (folded), each with the character offsets of its occurrences.
    pub fn matches(&self, term: &[char]) -> Vec<(u32, Vec<usize>)> {
        let term_text: String = term.iter().collect();
        let keys = keys::term_keys(&term_text);
        let candidates: Vec<u32> = if keys.is_empty() {
            (0..self.index.clause_count()).collect() // punctuation only: scan every clause
        } else {
            let mut lists: Vec<Vec<u32>> = keys.iter().map(|k| self.index.postings(k)).collect();
            lists.sort_by_key(Vec::len);
            let mut lists = lists.into_iter();
            let first = lists.next().unwrap_or_default();
            lists.fold(first, |acc, list| intersect(&acc, &list))
        };
        candidates
            .into_iter()
            .filter_map(|c| {
                let starts = keys::occurrences(self.folded(c), term);
                (!starts.is_empty()).then_some((c, starts))
            })
            .collect()
    }

    /// Runs a query. Empty or whitespace-only queries return no hits.
    pub fn search(&self, raw: &str, options: &SearchOptions) -> Result<SearchResults, QueryError> {
        let query = query::parse(raw, |c| fold_char(c, &self.index.fold))?;
        let mut results = SearchResults { query: raw.to_string(), total: 0, offset: options.offset, hits: Vec::new() };
        if query.include.is_empty() {
            return Ok(results);
        }
        let ranked = self.rank(&query);
        results.total = ranked.len();
        results.hits = ranked
            .iter()
            .skip(options.offset)
            .take(options.limit)
            .filter_map(|&(clause, score)| self.hit(clause, score, &query.include))
            .collect();
        Ok(results)
    }

    /// Matching clause numbers with their scores, best first.
    fn rank(&self, query: &Query) -> Vec<(u32, f32)> {
        let per_term: Vec<Vec<(u32, Vec<usize>)>> = query.include.iter().map(|t| self.matches(&t.chars)).collect();
        let n = self.index.clause_count();
        let idfs: Vec<f32> = per_term.iter().map(|m| rank::idf(n, m.len())).collect();
        let Some(shortest) = per_term.iter().min_by_key(|m| m.len()) else { return Vec::new() };
        let mut ranked: Vec<(u32, f32)> = shortest
            .iter()
            .filter_map(|&(clause, _)| {
                let mut terms = Vec::with_capacity(per_term.len());
                for (i, matches) in per_term.iter().enumerate() {
                    let at = matches.binary_search_by_key(&clause, |m| m.0).ok()?;
                    terms.push(rank::TermMatch { starts: &matches[at].1, len: query.include[i].chars.len(), idf: idfs[i] });
                }
                let folded = self.folded(clause);
                if query.exclude.iter().any(|t| !keys::occurrences(folded, &t.chars).is_empty()) {
                    return None;
                }
                let view = self.index.clause_numbers(clause)?;
                let facts = rank::ClauseFacts { len: view.char_len, heading_len: view.heading_len, units: view.units_span };
                Some((clause, rank::score(&terms, &facts, self.index.average_chars())))
            })
            .collect();
        // Deterministic: score, then document and clause order (clause numbers follow both).
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }

    fn hit(&self, clause: u32, score: f32, terms: &[Term]) -> Option<Hit> {
        let view = self.index.clause(clause)?;
        let doc = self.index.doc(view.doc)?;
        let folded = self.folded(clause);
        let mut ranges: Vec<[u32; 2]> = terms
            .iter()
            .flat_map(|t| keys::occurrences(folded, &t.chars).into_iter().map(move |s| [s as u32, (s + t.chars.len()) as u32]))
            .collect();
        ranges.sort_unstable();
        let mut highlights: Vec<[u32; 2]> = Vec::new();
        for r in ranges {
            match highlights.last_mut() {
                Some(last) if r[0] <= last[1] => last[1] = last[1].max(r[1]),
                _ => highlights.push(r),
            }
        }
        let snippet = snippet(view.text, view.char_len as usize, &highlights);
        let record = self.record(&view);
        Some(Hit {
            doc: record.doc,
            clause: record.clause,
            title: doc.title.to_string(),
            number: doc.number.map(str::to_string),
            published: doc.published.map(str::to_string),
            status: doc.status.to_string(),
            label: record.label,
            path: record.path,
            heading: record.heading,
            text: record.text,
            highlights,
            snippet,
            score,
        })
    }

    fn record(&self, view: &ClauseView<'a>) -> ClauseRecord {
        let doc = self.index.doc(view.doc).map_or("", |d| d.doc);
        ClauseRecord {
            doc: doc.to_string(),
            clause: view.id.to_string(),
            label: view.label.to_string(),
            path: self.index.path(view).into_iter().map(|h| PathItem { label: h.label.into(), title: h.title.into() }).collect(),
            heading: (view.heading_len > 0).then(|| view.text.chars().take(view.heading_len as usize).collect()),
            text: view.text.to_string(),
            units: view.units.iter().map(|u| u.to_string()).collect(),
        }
    }

    /// Every clause, in document order.
    pub fn clauses(&self) -> Vec<ClauseRecord> {
        (0..self.index.clause_count()).filter_map(|i| self.index.clause(i)).map(|v| self.record(&v)).collect()
    }

    /// One clause by document id and clause id.
    pub fn clause(&self, doc: &str, clause: &str) -> Option<ClauseRecord> {
        self.views_of(doc).find(|v| v.id == clause).map(|v| self.record(&v))
    }

    /// The clauses of one document, in document order (empty for an unknown id).
    pub fn document_clauses(&self, doc: &str) -> Vec<ClauseRecord> {
        self.views_of(doc).map(|v| self.record(&v)).collect()
    }

    /// The clauses of document `doc`, selected by their numeric head so that other documents'
    /// strings are never read.
    fn views_of(&self, doc: &str) -> impl Iterator<Item = ClauseView<'a>> + '_ {
        let d = (0..self.index.doc_count()).find(|&i| self.index.doc(i).is_some_and(|v| v.doc == doc));
        (0..self.index.clause_count())
            .filter(move |&i| d.is_some() && self.index.clause_numbers(i).map(|n| n.doc) == d)
            .filter_map(|i| self.index.clause(i))
    }

    /// Every document's metadata.
    pub fn docs(&self) -> Vec<Document> {
        (0..self.index.doc_count()).filter_map(|i| self.index.doc(i)).map(|d| document(&d)).collect()
    }

    /// Sizes and counts of the index.
    pub fn stats(&self) -> Stats {
        let sections: Vec<SectionSize> =
            self.index.section_sizes().map(|(name, bytes)| SectionSize { name, bytes }).collect();
        Stats {
            total_bytes: sections.iter().map(|s| s.bytes).sum::<usize>() + policy_search_index::header::HEADER_LEN,
            sections,
            text_bytes: (0..self.index.clause_count()).filter_map(|i| self.index.clause(i)).map(|c| c.text.len()).sum(),
            keys: self.index.key_count(),
            clauses: self.index.clause_count(),
            docs: self.index.doc_count(),
            headings: self.index.heading_count(),
            fold_entries: self.index.fold.len(),
        }
    }
}

fn document(d: &DocView<'_>) -> Document {
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
        status: d.status.into(),
        source: own(d.source),
    }
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The window of `SNIPPET_CHARS` characters that holds the most highlights.
fn snippet(text: &str, len: usize, highlights: &[[u32; 2]]) -> Snippet {
    if len <= SNIPPET_CHARS + SNIPPET_CHARS / 3 {
        return Snippet { text: text.to_string(), start: 0, end: len as u32, highlights: highlights.to_vec() };
    }
    let lead = SNIPPET_CHARS / 4;
    let window_at = |h: &[u32; 2]| (h[0] as usize).saturating_sub(lead).min(len - SNIPPET_CHARS);
    let covered = |start: usize| highlights.iter().filter(|h| h[0] as usize >= start && (h[1] as usize) <= start + SNIPPET_CHARS).count();
    let mut start = highlights.iter().map(window_at).max_by_key(|&s| (covered(s), std::cmp::Reverse(s))).unwrap_or(0);
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
