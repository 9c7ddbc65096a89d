//! Documents by what people copy: a 文号 (国发〔2017〕37号, 国发[2017]37号, 2017年37号,
//! 37号文) or a title, whole or shortened (嘉兴科技企业孵化之城三年行动方案).
//!
//! A 文号 is read as (issuer code, year, serial) on both sides, so any of the written forms
//! finds the document that carries it. A title matches when the query's relaxed pieces
//! make up at least [`TITLE_SHARE`] of its weight within the document's title and issuers.

use policy_search_index::keys;
pub use policy_search_normalize::docnumber::{read_number, DocNumber};

use crate::{query::relaxed::Piece, reader::Reader};

/// Share of the query's weight a title (with its issuers) must hold to be a document hit.
pub const TITLE_SHARE: f32 = 0.75;
/// Fewest characters of the query a title must hold literally, so that one common word (创新) does not
/// put every document on top.
pub const TITLE_MIN_CHARS: usize = 4;

/// A synonym found in a title counts this share of its piece's weight (and none of its length).
pub const SYNONYM_TITLE: f32 = 0.5;

/// Why a document is a hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocMatch {
    /// Its 文号 was typed.
    Number,
    /// Its title holds the query.
    Title,
}

/// Documents the query names, best first: by 文号, then by title share.
pub(crate) fn documents(r: &Reader<'_>, raw_folded: &str, pieces: &[Piece]) -> Vec<(u32, DocMatch, f32)> {
    let typed = read_number(raw_folded);
    let total: f32 = pieces.iter().map(|p| p.weight).sum();
    let mut out = Vec::new();
    for d in 0..r.index().doc_count() {
        let Some(doc) = r.index().doc(d) else { continue };
        if let (Some(typed), Some(number)) = (&typed, &doc.number_parts) {
            if typed.names(number) {
                out.push((d, DocMatch::Number, 1.0));
                continue;
            }
        }
        if total <= 0.0 {
            continue;
        }
        let text = &r.folded_titles()[d as usize];
        let mut held = 0.0;
        let mut chars = 0;
        for p in pieces.iter().filter(|p| !p.stop && p.weight > 0.0) {
            let holds = |f: &str| !keys::occurrences(text, &f.chars().collect::<Vec<_>>()).is_empty();
            if holds(&p.text) {
                held += p.weight;
                chars += p.text.chars().count();
            } else if p.synonyms.iter().any(|s| holds(s)) {
                // A synonym in a title is weaker evidence than the word itself.
                held += p.weight * SYNONYM_TITLE;
            }
        }
        let share = held / total;
        if share >= TITLE_SHARE && chars >= TITLE_MIN_CHARS {
            out.push((d, DocMatch::Title, share));
        }
    }
    out.sort_unstable_by(|a, b| (a.1 as u8).cmp(&(b.1 as u8)).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
    out
}

