//! Documents by what people copy: a 文号 (国发〔2017〕37号, `国发[2017]37号`, 2017年37号,
//! 37号文) or a title, whole or shortened (嘉兴科技企业孵化之城三年行动方案).
//!
//! A 文号 is read as (issuer code, year, serial) on both sides, so any of the written forms
//! finds the document that carries it; a code and a year without a serial (`杭政办函〔2019〕`)
//! list every document of that series. A title matches when the query's relaxed pieces
//! make up at least [`TITLE_SHARE`] of its weight within the document's title and issuers.

use policy_search_index::keys;
pub use policy_search_normalize::docnumber::{read_number, read_series, DocNumber};
use policy_search_sort as sort;

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
    let series = read_series(raw_folded);
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
        if let (Some((code, year)), Some(number)) = (&series, &doc.number_parts) {
            if number.year == Some(*year) && number.code.is_some_and(|c| c.ends_with(code.as_str())) {
                // The series in order of serial (the score sorts descending).
                out.push((d, DocMatch::Number, 1.0 / (1.0 + number.serial as f32)));
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
    sort::sort_by(&mut out, |a, b| (a.1 as u8).cmp(&(b.1 as u8)).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    /// What [`documents`] names over the test corpus.
    #[cfg(not(target_arch = "wasm32"))]
    mod named {
        use super::super::*;
        use crate::{
            query::relaxed,
            testing::{query, reader},
        };

        /// The documents `raw` names, best first, as the engine asks (the folded terms and
        /// their relaxed pieces).
        fn named(raw: &str) -> Vec<(String, DocMatch)> {
            let r = reader();
            let q = query(&r, raw);
            let terms: Vec<String> = q.include.iter().map(|t| t.chars.iter().collect()).collect();
            let pieces = relaxed::pieces(&r, &q, Vec::new());
            documents(&r, &terms.join(" "), &pieces)
                .into_iter()
                .map(|(d, how, _)| (r.index().doc(d).unwrap().doc.to_string(), how))
                .collect()
        }

        #[test]
        fn a_typed_number_in_another_written_form_names_its_document() {
            // makerspace is 杭政办〔2020〕12号.
            for typed in ["杭政办〔2020〕12号", "杭政办[2020]12号", "杭政办2020年12号", "2020年12号", "12号文"]
            {
                assert_eq!(named(typed), [("makerspace".to_string(), DocMatch::Number)], "{typed}");
            }
            assert_eq!(named("8号文"), [("talent".to_string(), DocMatch::Number)]);
        }

        #[test]
        fn a_number_that_disagrees_names_nothing() {
            for typed in ["杭政办〔2019〕12号", "13号文", "国发〔2020〕12号"] {
                assert_eq!(named(typed), [], "{typed}");
            }
        }

        #[test]
        fn a_title_query_names_its_document() {
            assert_eq!(named("支持众创空间发展若干意见"), [("makerspace".to_string(), DocMatch::Title)]);
            assert_eq!(named("人才引进若干措施"), [("talent".to_string(), DocMatch::Title)]);
            // Typed in Simplified, the Traditional 嘉興市關於促進科技企業孵化器發展的實施辦法.
            assert_eq!(named("科技企业孵化器发展实施办法"), [("incubator".to_string(), DocMatch::Title)]);
        }

        #[test]
        fn a_word_or_two_of_a_title_names_no_document() {
            assert_eq!(named("人才"), []);
            assert_eq!(named("补贴"), [], "in no title");
        }
    }
}
