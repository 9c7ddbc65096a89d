//! Lookups that are not searches: every clause (the CLI's `clauses --json`), one clause or
//! one document's clauses by id (deep links, the document view), documents' metadata, example
//! queries and the index's sizes.

use policy_search_index::{facets::Day, ClauseView, DocView};

use crate::{
    engine::{hits::record, Engine},
    results::{ClauseRecord, Document, LexiconStats, SectionSize, Stats},
};

impl Engine<'_> {
    /// Every clause, in document order.
    pub fn clauses(&self) -> Vec<ClauseRecord> {
        (0..self.reader.index().clause_count())
            .filter_map(|i| self.reader.index().clause(i).map(|v| record(&self.reader, i, &v)))
            .collect()
    }

    /// One clause by document id and clause id.
    pub fn clause(&self, doc: &str, clause: &str) -> Option<ClauseRecord> {
        self.views_of(doc).find(|(_, v)| v.id == clause).map(|(i, v)| record(&self.reader, i, &v))
    }

    /// The number of a clause by document id and clause id.
    pub fn clause_number(&self, doc: &str, clause: &str) -> Option<u32> {
        self.numbers_of(doc).find(|&i| self.reader.index().clause(i).is_some_and(|v| v.id == clause))
    }

    /// The clauses of one document, in document order (empty for an unknown id).
    pub fn document_clauses(&self, doc: &str) -> Vec<ClauseRecord> {
        self.views_of(doc).map(|(i, v)| record(&self.reader, i, &v)).collect()
    }

    /// The clauses of document `doc`, selected by their numeric head so that other documents'
    /// strings are never read.
    fn views_of(&self, doc: &str) -> impl Iterator<Item = (u32, ClauseView<'_>)> + '_ {
        self.numbers_of(doc).filter_map(|i| self.reader.index().clause(i).map(|v| (i, v)))
    }

    /// The clause numbers of document `doc`, by their numeric records (no strings read).
    fn numbers_of(&self, doc: &str) -> impl Iterator<Item = u32> + '_ {
        let d =
            (0..self.reader.index().doc_count()).find(|&i| self.reader.index().doc(i).is_some_and(|v| v.doc == doc));
        self.reader.clauses_of(d.unwrap_or(u32::MAX))
    }

    /// Up to `n` example queries that find something in this corpus (short clause headings,
    /// every document represented; chosen at build time), for the hints of a search that found
    /// nothing.
    pub fn examples(&self, n: usize) -> Vec<String> {
        self.reader.index().examples().iter().take(n).map(|s| s.to_string()).collect()
    }

    /// The portal's popular searches (热门搜索: its manifest's `popular`), in its order.
    pub fn popular(&self) -> Vec<String> {
        self.reader.index().popular().iter().map(|s| s.to_string()).collect()
    }

    /// Every document's metadata, its validity judged on `today`.
    pub fn docs(&self, today: Day) -> Vec<Document> {
        (0..self.reader.index().doc_count())
            .filter_map(|i| self.reader.index().doc(i).map(|d| document(&self.reader, i, &d, today)))
            .collect()
    }

    /// Sizes and counts of the index.
    pub fn stats(&self) -> Stats {
        let sections: Vec<SectionSize> =
            self.reader.index().section_sizes().map(|(name, bytes)| SectionSize { name, bytes }).collect();
        Stats {
            total_bytes: sections.iter().map(|s| s.bytes).sum::<usize>()
                + policy_search_index::header::CORE.header_len(),
            sections,
            text_bytes: self.text_bytes(),
            keys: self.reader.index().key_count(),
            clauses: self.reader.index().clause_count(),
            docs: self.reader.index().doc_count(),
            headings: self.reader.index().heading_count(),
            fold_entries: self.reader.index().fold.len(),
            lexicon: self.reader.lexicon().map(|l| LexiconStats {
                total_bytes: l.section_sizes().map(|s| s.1).sum::<usize>()
                    + policy_search_index::header::LEXICON.header_len(),
                sections: l.section_sizes().map(|(name, bytes)| SectionSize { name, bytes }).collect(),
                words: l.word_count(),
            }),
        }
    }

    /// Bytes of clause text: summed over the clauses of an embedded index; the text chunks'
    /// sizes for a sharded one (which does not fetch them to count).
    fn text_bytes(&self) -> usize {
        let shards = self.reader.index().shards();
        if shards.is_sharded() {
            return (shards.term_shards()..shards.len()).filter_map(|f| shards.file(f)).map(|f| f.bytes as usize).sum();
        }
        (0..self.reader.index().clause_count())
            .filter_map(|i| self.reader.index().clause(i))
            .map(|c| c.text.len())
            .sum()
    }
}

/// The record of document `i` (`d`), its validity judged on `today`.
fn document(reader: &crate::Reader<'_>, i: u32, d: &DocView<'_>, today: Day) -> Document {
    let own = |s: Option<&str>| s.map(str::to_string);
    let facets = reader.index().facets();
    let fact = |pick: fn(&policy_search_index::facets::DocFacts) -> Option<u32>| facets.doc(i).and_then(pick);
    let ids = |list: &[u32]| list.iter().filter_map(|&n| Some(reader.index().doc(n)?.doc.to_string())).collect();
    Document {
        doc: d.doc.into(),
        title: d.title.into(),
        issuer: d.issuer.iter().map(|s| s.to_string()).collect(),
        number: own(d.number),
        published: own(d.published),
        effective: own(d.effective),
        expires: own(d.expires),
        period: own(d.period),
        status: reader.status_of(i, today),
        source: own(d.source),
        kind: own(fact(|f| f.kind).and_then(|c| facets.kind(c))),
        code: own(fact(|f| f.code).and_then(|c| facets.code(c))),
        written: own(d.written),
        topic: own(fact(|f| f.topic).and_then(|c| facets.topic(c))),
        amends: ids(&d.links.amends),
        amended_by: ids(&d.links.amended_by),
        interprets: ids(&d.links.interprets),
        interpreted_by: ids(&d.links.interpreted_by),
    }
}
