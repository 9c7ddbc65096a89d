//! Documents by what people copy: a 文号 (国发〔2017〕37号, 国发[2017]37号, 2017年37号,
//! 37号文) or a title, whole or shortened (嘉兴科技企业孵化之城三年行动方案).
//!
//! A 文号 is read as (issuer code, year, serial) on both sides, so any of the written forms
//! finds the document that carries it. A title matches when the query's relaxed pieces
//! make up at least [`TITLE_SHARE`] of its weight within the document's title and issuers.

use policy_search_index::keys;
use policy_search_normalize::is_han;

use crate::{query::relaxed::Piece, reader::Reader};

/// Share of the query's weight a title (with its issuers) must hold to be a document hit.
pub const TITLE_SHARE: f32 = 0.75;
/// Fewest characters of the query a title must hold literally, so that one common word (创新) does not
/// put every document on top.
pub const TITLE_MIN_CHARS: usize = 4;

/// A synonym found in a title counts this share of its piece's weight (and none of its length).
pub const SYNONYM_TITLE: f32 = 0.5;

/// A 文号 as its parts: issuer code (`杭政`), year, serial.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocNumber {
    /// The issuer code before the year, if written.
    pub code: Option<String>,
    /// The year, if written.
    pub year: Option<u32>,
    /// The serial number.
    pub serial: u32,
}

/// Reads the 文号 in folded `text`, in any of the forms people write: `码〔年〕号号`, `码年号号`,
/// `年年号号`, `号号文`, `码号号`. Brackets are already folded to `〔〕`.
pub fn read_number(text: &str) -> Option<DocNumber> {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let hao = chars.iter().position(|&c| c == '号')?;
    let digits_before = |end: usize| chars[..end].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let n = digits_before(hao);
    if n == 0 || n > 6 {
        return None;
    }
    let serial: u32 = chars[hao - n..hao].iter().collect::<String>().parse().ok()?;
    let mut rest = hao - n;
    let mut year = None;
    if rest > 0 && matches!(chars[rest - 1], '〕' | '年') {
        let y = digits_before(rest - 1);
        if y == 4 {
            year = chars[rest - 1 - y..rest - 1].iter().collect::<String>().parse().ok();
            rest = rest - 1 - y;
            if rest > 0 && chars[rest - 1] == '〔' {
                rest -= 1;
            }
        }
    }
    let code: String =
        chars[..rest].iter().rev().take_while(|&&c| is_han(c)).collect::<Vec<_>>().into_iter().rev().collect();
    let code = (!code.is_empty()).then_some(code);
    // `37号文` says nothing more than its serial; anything else after 号 is not a 文号.
    let tail: String = chars[hao + 1..].iter().collect();
    if !(tail.is_empty() || tail == "文") {
        return None;
    }
    if code.is_none() && year.is_none() && tail.is_empty() {
        return None; // a bare `5号` is too little to name a document
    }
    Some(DocNumber { code, year, serial })
}

impl DocNumber {
    /// True when `self` (what was typed) names `doc` (a document's 文号): the serial agrees
    /// and so do the year and issuer code where typed.
    pub fn names(&self, doc: &DocNumber) -> bool {
        self.serial == doc.serial
            && self.year.is_none_or(|y| Some(y) == doc.year)
            && self.code.as_ref().is_none_or(|c| doc.code.as_ref().is_some_and(|d| d.ends_with(c.as_str())))
    }
}

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
        if let (Some(typed), Some(number)) = (&typed, doc.number.map(|n| r.fold(n))) {
            if read_number(&number).is_some_and(|n| typed.names(&n)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn n(code: Option<&str>, year: Option<u32>, serial: u32) -> Option<DocNumber> {
        Some(DocNumber { code: code.map(str::to_string), year, serial })
    }

    #[test]
    fn reads_every_written_form() {
        assert_eq!(read_number("国发〔2017〕37号"), n(Some("国发"), Some(2017), 37));
        assert_eq!(read_number("国发2017年37号"), n(Some("国发"), Some(2017), 37));
        assert_eq!(read_number("2017年37号"), n(None, Some(2017), 37));
        assert_eq!(read_number("37号文"), n(None, None, 37));
        assert_eq!(read_number("平政发 〔2018〕 67号"), n(Some("平政发"), Some(2018), 67));
        assert_eq!(read_number("5号"), None);
        assert_eq!(read_number("第3号楼"), None);
    }

    #[test]
    fn a_typed_number_names_the_document_it_agrees_with() {
        let doc = read_number("杭政〔2019〕55号").unwrap();
        for typed in ["杭政〔2019〕55号", "2019年55号", "55号文", "杭政55号"] {
            assert!(read_number(typed).unwrap().names(&doc), "{typed}");
        }
        for typed in ["杭政〔2018〕55号", "56号文", "国发〔2019〕55号"] {
            assert!(!read_number(typed).unwrap().names(&doc), "{typed}");
        }
    }

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
