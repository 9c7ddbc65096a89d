//! Over-long clauses are cut into consecutive clauses at sentence ends, so that no clause makes
//! the browser rank, snippet or show an unbounded text (a 20 MB page without newlines is one
//! paragraph).
//!
//! A piece ends after `。！？；!?` (with the closing quotes or brackets that follow it) or at a
//! paragraph break, as late as the limit allows. A sentence longer than the limit is cut at the
//! limit, moved back so that a run of ASCII letters and digits, a 文号, the heading and the
//! responsibility tag stay whole when they can. A paragraph break between two pieces is dropped
//! (the pieces are the paragraphs); otherwise the pieces' texts concatenated are the original.
//!
//! Pieces keep the clause's path and label (a piece of `（四）` is cited as `（四）`); the first
//! keeps the id and heading, the others get `<id>-2`, `<id>-3`, …. Segmentation's ids are made
//! of letters, digits, dots and `~` (its `3.4~2` is a second `3.4` in the source), never `-`, so
//! these cannot collide; a dot would read as a deeper numbering level, and `-` needs no escaping
//! in a deep link. Every piece carries the clause's responsible units; the tag's span is on the
//! piece that holds it.

use std::ops::Range;

use policy_search_normalize::{docnumber::find_doc_number, fold, FoldTable};

use crate::Clause;

/// The most characters a clause's text may have; a longer clause is split (see [`split_long`]).
pub const MAX_CLAUSE_CHARS: usize = 2_000;

/// A clause that was split, for the build report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// The original clause's id, which its first piece keeps.
    pub clause: String,
    /// Characters in the original text.
    pub chars: usize,
    /// How many clauses it became.
    pub pieces: usize,
}

/// Sentence ends a piece may finish on.
const SENTENCE_END: [char; 6] = ['。', '！', '？', '；', '!', '?'];
/// Closing quotes and brackets that belong to the sentence they follow (`……。”`).
const CLOSERS: [char; 10] = ['”', '’', '」', '』', '）', ')', '】', '〕', ']', '》'];
/// How far back a cut looks for the start of an ASCII token before giving up on keeping it whole.
const LONGEST_TOKEN: usize = 64;
/// More characters than any page's 文号 has (an issuer code of at most
/// [`MAX_CODE_CHARS`](policy_search_normalize::docnumber::MAX_CODE_CHARS), `〔2019〕`, 4 digits, `号`).
const DOC_NUMBER_REACH: usize = 24;

/// Splits every clause longer than `limit` characters into consecutive clauses; returns the
/// clauses in order and one [`Split`] per clause that was split.
pub fn split_long(clauses: Vec<Clause>, limit: usize) -> (Vec<Clause>, Vec<Split>) {
    let mut out = Vec::with_capacity(clauses.len());
    let mut splits = Vec::new();
    for c in clauses {
        // Bytes bound characters from above: most clauses are never decoded here.
        if c.text.len() <= limit || c.text.chars().count() <= limit {
            out.push(c);
            continue;
        }
        let chars: Vec<char> = c.text.chars().collect();
        let heading_len = c.heading.as_ref().map_or(0, |h| h.chars().count());
        let keep: Vec<Range<usize>> = [Some(0..heading_len), c.units_span.clone()].into_iter().flatten().collect();
        let ranges = piece_ranges(&chars, &keep, limit);
        splits.push(Split { clause: c.clause.clone(), chars: chars.len(), pieces: ranges.len() });
        for (i, r) in ranges.into_iter().enumerate() {
            let units_span = c
                .units_span
                .as_ref()
                .filter(|u| r.start <= u.start && u.end <= r.end)
                .map(|u| u.start - r.start..u.end - r.start);
            out.push(Clause {
                clause: if i == 0 { c.clause.clone() } else { format!("{}-{}", c.clause, i + 1) },
                label: c.label.clone(),
                path: c.path.clone(),
                heading: c.heading.clone().filter(|_| i == 0 && heading_len <= r.len()),
                text: chars[r].iter().collect(),
                units: c.units.clone(),
                units_span,
            });
        }
    }
    (out, splits)
}

/// The character ranges of the pieces of `chars`, each at most `limit` long; a boundary is
/// never put strictly inside a `keep` range that starts after the piece does.
fn piece_ranges(chars: &[char], keep: &[Range<usize>], limit: usize) -> Vec<Range<usize>> {
    let inside = |b: usize| keep.iter().any(|k| k.start < b && b < k.end);
    let mut ends = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let end = if c == '\n' {
            i
        } else if SENTENCE_END.contains(&c) {
            i + 1 + chars[i + 1..].iter().take(3).take_while(|c| CLOSERS.contains(c)).count()
        } else {
            continue;
        };
        if end < chars.len() && ends.last() < Some(&end) && !inside(end) {
            ends.push(end);
        }
    }

    let mut pieces = Vec::new();
    let (mut start, mut next) = (0, 0);
    while start < chars.len() {
        if chars.len() - start <= limit {
            pieces.push(start..chars.len());
            break;
        }
        let last = start + limit;
        while next < ends.len() && ends[next] <= start {
            next += 1;
        }
        let mut end = None;
        while next < ends.len() && ends[next] <= last {
            end = Some(ends[next]);
            next += 1;
        }
        let end = end.unwrap_or_else(|| hard_cut(chars, start, last, keep));
        pieces.push(start..end);
        start = if chars.get(end) == Some(&'\n') { end + 1 } else { end };
    }
    pieces
}

/// Where to cut a sentence longer than the limit: at `last`, or a little before it so that an
/// ASCII token, a 文号 or a `keep` range is not cut in two (unless it starts the piece).
fn hard_cut(chars: &[char], start: usize, last: usize, keep: &[Range<usize>]) -> usize {
    let word = |c: char| c.is_ascii_alphanumeric();
    let mut cut = last;
    if word(chars[cut - 1]) && word(chars[cut]) {
        let run = chars[start..cut].iter().rev().take(LONGEST_TOKEN).take_while(|&&c| word(c)).count();
        if run < LONGEST_TOKEN && cut - run > start {
            cut -= run;
        }
    }
    for r in doc_numbers_near(chars, cut).iter().chain(keep) {
        if r.start < cut && cut < r.end && r.start > start {
            cut = r.start;
        }
    }
    cut
}

/// The 文号 within reach of position `at`, as character ranges of `chars`.
fn doc_numbers_near(chars: &[char], at: usize) -> Vec<Range<usize>> {
    let from = at.saturating_sub(DOC_NUMBER_REACH);
    let to = (at + DOC_NUMBER_REACH).min(chars.len());
    let probe: Vec<char> = fold(&chars[from..to].iter().collect::<String>(), FoldTable::full()).chars().collect();
    let mut found = Vec::new();
    let mut offset = 0;
    while let Some(r) = find_doc_number(&probe[offset..].iter().collect::<String>()) {
        found.push(from + offset + r.start..from + offset + r.end);
        offset += r.end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(id: &str, text: &str) -> Clause {
        Clause {
            clause: id.into(),
            label: "（四）".into(),
            path: vec![crate::Heading { label: "一、".into(), title: "总则".into() }],
            heading: None,
            text: text.into(),
            units: vec![],
            units_span: None,
        }
    }

    fn pieces(text: &str, limit: usize) -> Vec<String> {
        split_long(vec![clause("3.4", text)], limit).0.into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn a_20_000_character_paragraph_becomes_pieces_at_sentence_ends() {
        let sentence = "各地要加大对创新创业的支持力度，落实各项补贴政策。"; // 25 characters
        let text = sentence.repeat(800);
        assert_eq!(text.chars().count(), 20_000);
        let (clauses, splits) = split_long(vec![clause("3.4", &text)], MAX_CLAUSE_CHARS);
        assert!(clauses.len() >= 10, "{}", clauses.len());
        assert!(clauses.iter().all(|c| c.text.chars().count() <= MAX_CLAUSE_CHARS && c.text.ends_with('。')));
        assert_eq!(clauses.iter().map(|c| c.text.as_str()).collect::<String>(), text);
        let ids: Vec<&str> = clauses.iter().map(|c| c.clause.as_str()).collect();
        assert_eq!(ids[..3], ["3.4", "3.4-2", "3.4-3"]);
        assert!(clauses.iter().all(|c| c.label == "（四）" && c.path == clauses[0].path));
        assert_eq!(splits, [Split { clause: "3.4".into(), chars: 20_000, pieces: clauses.len() }]);
    }

    #[test]
    fn piece_ids_do_not_collide_with_the_ids_segmentation_gives_a_repeated_number() {
        let clauses = vec![clause("1", &"甲。".repeat(6)), clause("1~2", "乙。")];
        let ids: Vec<String> = split_long(clauses, 5).0.into_iter().map(|c| c.clause).collect();
        assert_eq!(ids, ["1", "1-2", "1-3", "1~2"]);
    }

    #[test]
    fn a_clause_within_the_limit_is_untouched() {
        let text = "测".repeat(MAX_CLAUSE_CHARS - 1);
        let (clauses, splits) = split_long(vec![clause("3.4", &text)], MAX_CLAUSE_CHARS);
        assert_eq!(clauses, [clause("3.4", &text)]);
        assert!(splits.is_empty());
        assert_eq!(split_long(vec![clause("1", &"测".repeat(MAX_CLAUSE_CHARS))], MAX_CLAUSE_CHARS).0.len(), 1);
    }

    #[test]
    fn a_sentence_longer_than_the_limit_is_cut_at_the_limit_but_not_inside_a_token() {
        // No sentence end at all: cut at the limit, every character kept.
        let text = "测".repeat(25);
        assert_eq!(pieces(&text, 10), ["测".repeat(10), "测".repeat(10), "测".repeat(5)]);
        // `G60` would straddle the cut at 10: it moves to the next piece whole.
        assert_eq!(pieces("测测测测测测测测G60测测测", 10), ["测测测测测测测测", "G60测测测"]);
        // So does a 文号.
        let p = pieces("测测测测，杭政〔2019〕55号测测测测", 12);
        assert_eq!(p, ["测测测测，", "杭政〔2019〕55号测", "测测测"]);
        // A token as long as the piece is cut: there is nothing better.
        assert_eq!(pieces(&"a".repeat(12), 10), ["a".repeat(10), "aa".into()]);
    }

    #[test]
    fn pieces_end_after_closing_quotes_and_at_paragraph_breaks_which_are_dropped() {
        assert_eq!(pieces("甲甲甲。”乙乙乙乙乙", 6), ["甲甲甲。”", "乙乙乙乙乙"]);
        assert_eq!(pieces("甲甲甲\n乙乙乙乙乙", 6), ["甲甲甲", "乙乙乙乙乙"]);
        assert_eq!(pieces("甲甲甲。\n乙乙乙乙乙", 6), ["甲甲甲。", "乙乙乙乙乙"]);
    }

    #[test]
    fn the_heading_stays_on_the_first_piece_and_the_units_tag_on_the_piece_that_holds_it() {
        let text = format!("{}（责任单位：市科技局；市财政局）", "甲。".repeat(6));
        let mut c = clause("2", &text);
        c.heading = Some("甲".into());
        c.units = vec!["市科技局".into(), "市财政局".into()];
        let tag = 12..text.chars().count();
        c.units_span = Some(tag.clone());
        let (clauses, _) = split_long(vec![c], 20);
        assert_eq!(clauses.len(), 2);
        assert_eq!(clauses[0].heading.as_deref(), Some("甲"));
        assert_eq!(clauses[1].heading, None);
        assert!(clauses.iter().all(|c| c.units.len() == 2));
        assert_eq!(clauses[0].units_span, None);
        let held = clauses[1].units_span.clone().unwrap();
        let piece: Vec<char> = clauses[1].text.chars().collect();
        assert_eq!(piece[held].iter().collect::<String>(), "（责任单位：市科技局；市财政局）", "not split at its ；");
    }
}
