//! The 文号 grammar, in one place for the build and the query: an issuer code, a year and a
//! serial, written `码〔年〕号号` (`杭政〔2019〕55号`). Three readers share it, each as strict as
//! its input allows: [`repair_brackets`] puts back the `〕` a scrape lost in a raw line
//! (`国发〔201832号`); [`find_doc_number`] finds a page's own 文号, whole and bracketed, in a
//! folded line; [`read_number`] reads what a person types in any written form (`国发2017年37号`,
//! `37号文`) as a [`DocNumber`], which the index also stores for each document.

use std::ops::Range;

use crate::is_han;

/// The brackets a 文号's year is written in, opening then closing; all fold to `〔〕`.
pub const YEAR_BRACKETS: [(char, char); 4] = [('〔', '〕'), ('[', ']'), ('［', '］'), ('【', '】')];
/// Digits of a year.
const YEAR_DIGITS: usize = 4;
/// Most Han characters read as the issuer code before a page's bracketed year, so that the code
/// does not run back into the sentence that cites it.
pub const MAX_CODE_CHARS: usize = 10;
/// Most digits of a serial in a page's 文号.
const MAX_PAGE_SERIAL_DIGITS: usize = 4;
/// Most digits of a serial in a typed 文号; more than a page's, since what is typed only ever
/// names a document whose own 文号 agrees.
const MAX_TYPED_SERIAL_DIGITS: usize = 6;

/// A 文号 as its parts: issuer code (`杭政`), year, serial. `S` is `String` for a 文号 read from
/// a query, `&str` for one borrowed from the index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocNumber<S = String> {
    /// The issuer code before the year, if written.
    pub code: Option<S>,
    /// The year, if written.
    pub year: Option<u32>,
    /// The serial number.
    pub serial: u32,
}

impl<S: AsRef<str>> DocNumber<S> {
    /// True when `self` (what was typed) names `doc` (a document's 文号): the serial agrees
    /// and so do the year and issuer code where typed.
    pub fn names<T: AsRef<str>>(&self, doc: &DocNumber<T>) -> bool {
        self.serial == doc.serial
            && self.year.is_none_or(|y| Some(y) == doc.year)
            && self.code.as_ref().is_none_or(|c| doc.code.as_ref().is_some_and(|d| d.as_ref().ends_with(c.as_ref())))
    }
}

/// Reads the 文号 in folded `text`, in any of the forms people write: `码〔年〕号号`, `码年号号`,
/// `年年号号`, `号号文`, `码号号`. Brackets are already folded to `〔〕`.
pub fn read_number(text: &str) -> Option<DocNumber> {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let hao = chars.iter().position(|&c| c == '号')?;
    let digits_before = |end: usize| chars[..end].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let n = digits_before(hao);
    if n == 0 || n > MAX_TYPED_SERIAL_DIGITS {
        return None;
    }
    let serial: u32 = chars[hao - n..hao].iter().collect::<String>().parse().ok()?;
    let mut rest = hao - n;
    let mut year = None;
    if rest > 0 && matches!(chars[rest - 1], '〕' | '年') {
        let y = digits_before(rest - 1);
        if y == YEAR_DIGITS {
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

/// Reads a 文号 series typed without its serial — an issuer code and a bracketed year,
/// `杭政办函〔2019〕` — from folded `text` (nothing else in it but spaces and an optional `号`):
/// `(code, year)`, which lists the documents of that code and year.
pub fn read_series(text: &str) -> Option<(String, u32)> {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let chars = chars.strip_suffix(&['号']).unwrap_or(&chars);
    let (&close, rest) = chars.split_last()?;
    let open = rest.len().checked_sub(YEAR_DIGITS + 1)?;
    let (code, year) = rest.split_at(open);
    let digits = year.get(1..)?;
    if close != '〕' || year.first() != Some(&'〔') || !digits.iter().all(char::is_ascii_digit) {
        return None;
    }
    if code.is_empty() || code.len() > MAX_CODE_CHARS || !code.iter().all(|&c| is_han(c)) {
        return None;
    }
    Some((code.iter().collect(), digits.iter().collect::<String>().parse().ok()?))
}

/// Character range of a page's 文号 (`杭政〔2019〕55号`) in a folded, compact line: an issuer
/// code of Han characters, the year in brackets, a serial of up to four digits, `号`. A dropped
/// bracket is not guessed here ([`repair_brackets`] puts it back before).
pub fn find_doc_number(probe: &str) -> Option<Range<usize>> {
    let chars: Vec<char> = probe.chars().collect();
    for open in 0..chars.len() {
        if chars[open] != '〔' {
            continue;
        }
        let year = chars.get(open + 1..open + 1 + YEAR_DIGITS)?;
        let close = open + 1 + YEAR_DIGITS;
        if !year.iter().all(char::is_ascii_digit) || chars.get(close) != Some(&'〕') {
            continue;
        }
        let digits = chars[close + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=MAX_PAGE_SERIAL_DIGITS).contains(&digits) || chars.get(close + 1 + digits) != Some(&'号') {
            continue;
        }
        let mut start = open;
        while start > 0 && open - start < MAX_CODE_CHARS && is_han(chars[start - 1]) && chars[start - 1] != '号' {
            start -= 1;
        }
        if start < open {
            return Some(start..close + 2 + digits);
        }
    }
    None
}

/// `line` (raw, before folding) with the closing bracket put back in every 文号 a scrape lost it
/// from: `国发〔201832号` → `国发〔2018〕32号`, so that a citation typed correctly finds the
/// clause that cites it. Only an opening bracket followed by a year of 19xx or 20xx, more
/// digits and `号` (`號`) is repaired; a bracket that is closed is left alone.
pub fn repair_brackets(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 3);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let Some(&(_, close)) = YEAR_BRACKETS.iter().find(|(open, _)| *open == c) else { continue };
        let digits = chars[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
        let year_like = matches!(chars.get(i + 1..i + 3), Some(['1', '9'] | ['2', '0']));
        if digits > YEAR_DIGITS && year_like && matches!(chars.get(i + 1 + digits), Some('号' | '號')) {
            let year_end = i + 1 + YEAR_DIGITS;
            out.extend(&chars[i + 1..year_end]);
            out.push(close);
            out.extend(&chars[year_end..i + 1 + digits]);
            // The digits are pushed here; the rest of the line may hold another 文号.
            return out + &repair_brackets(&chars[i + 1 + digits..].iter().collect::<String>());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fold_char, FoldTable, BRACKETS};

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
        let stored = DocNumber { code: Some("杭政"), year: Some(2019), serial: 55 };
        assert!(read_number("杭政55号").unwrap().names(&stored), "a number borrowed from the index");
    }

    #[test]
    fn finds_a_pages_doc_number() {
        let got = |p: &str| find_doc_number(p).map(|r| p.chars().skip(r.start).take(r.len()).collect::<String>());
        assert_eq!(got("杭政〔2019〕55号").as_deref(), Some("杭政〔2019〕55号"));
        assert_eq!(got("文号平政发〔2018〕67号发布日期2018/8/2").as_deref(), Some("平政发〔2018〕67号"));
        assert_eq!(got("(国发〔201832号)"), None, "a dropped bracket is not guessed");
    }

    #[test]
    fn puts_back_a_lost_closing_bracket() {
        assert_eq!(
            repair_brackets("《国务院关于推动创新创业高质量发展打造“双创”升级版的意见》(国发〔201832号)"),
            "《国务院关于推动创新创业高质量发展打造“双创”升级版的意见》(国发〔2018〕32号)"
        );
        assert_eq!(repair_brackets("浙政发〔20199号、甘政发[201821号"), "浙政发〔2019〕9号、甘政发[2018]21号");
        assert_eq!(repair_brackets("國發〔201832號"), "國發〔2018〕32號");
    }

    #[test]
    fn leaves_whole_numbers_and_other_brackets_alone() {
        for line in ["国发〔2018〕32号", "〔2018〕", "【12345号】", "〔201832〕", "[1]2018年"] {
            assert_eq!(repair_brackets(line), line);
        }
    }

    #[test]
    fn every_year_bracket_folds_to_the_pair_the_readers_look_for() {
        let fold = |c: char| fold_char(c, &FoldTable::from_pairs(BRACKETS));
        for (open, close) in YEAR_BRACKETS {
            assert_eq!((fold(open), fold(close)), ('〔', '〕'), "{open}{close}");
        }
    }

    #[test]
    fn a_code_and_a_bracketed_year_read_as_a_series() {
        assert_eq!(read_series("杭政办函〔2019〕"), Some(("杭政办函".into(), 2019)));
        assert_eq!(read_series(" 国发〔2018〕号"), Some(("国发".into(), 2018)));
        for not in [
            "〔2019〕",
            "杭政办函2019",
            "杭政〔2019〕55号",
            "杭政〔19〕",
            "abc〔2019〕",
            "关于加强国有资产管理工作的通知〔2019〕",
        ] {
            assert_eq!(read_series(not), None, "{not}");
        }
    }
}
