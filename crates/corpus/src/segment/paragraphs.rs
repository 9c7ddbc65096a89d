//! Paragraphs from lines: joins what scraping broke apart (a prose line cut mid-sentence, a
//! title split over several lines, a `PART 01` banner and its label) and splits an inline
//! enumeration (`…兑现：(1)研发资助：…。(2)投资资助：…`) into one paragraph an item. A
//! paragraph keeps its source line's cells for a table row.

use super::{
    attachment::is_attachment,
    marker::{self, Kind},
    Line,
};
use crate::{clean::whitespace::tighten_spaces, title};

/// Paragraph text ends with one of these when it is complete.
const TERMINAL: &[char] = &['。', '！', '？', '；', '：', ':', ';', '!', '?', '…', ')', '）', '〕', ']', '”'];

/// Sentence or list punctuation: a short paragraph without any is a title or a label.
pub(super) fn has_punctuation(text: &str) -> bool {
    text.contains(['。', '，', '、', '；', '：', ',', ':', ';'])
}

/// A paragraph ready for segmentation.
#[derive(Clone, Debug)]
pub(super) struct Para {
    pub(super) text: String,
    /// Space-separated cells of the source line, for table rows.
    pub(super) cells: Vec<String>,
}

/// Rule `paragraphs`: joins what scraping broke apart — a prose line cut mid-sentence
/// (`…知识产权保` / `护，…`), a title split over several lines, a `PART 01` banner and its
/// label — and splits inline enumerations (`…兑现：(1)研发资助：…。(2)投资资助：…`).
pub(super) fn paragraphs(lines: &[Line]) -> Vec<Para> {
    let mut paras: Vec<Para> = Vec::new();
    for line in lines.iter().filter(|l| !l.text.is_empty()) {
        let text = tighten_spaces(&line.text);
        if let Some(prev) = paras.last_mut() {
            let prev_marker = marker::parse(&prev.text);
            let is_banner = prev_marker.as_ref().is_some_and(|m| m.kind == Kind::Part && m.rest == prev.text.len());
            if is_banner && text.chars().count() <= 12 && !has_punctuation(&text) {
                prev.text = format!("{} {text}", prev.text);
                continue;
            }
            let broken = prev_marker.is_none()
                && marker::bullet(&prev.text).is_none()
                && prev.text.contains(['，', ','])
                && !prev.text.ends_with(TERMINAL)
                && marker::parse(&text).is_none()
                && marker::bullet(&text).is_none();
            if broken {
                prev.text.push_str(&text);
                prev.cells.clear();
                continue;
            }
        }
        let cells = line.text.split(' ').map(str::to_string).collect();
        paras.push(Para { text, cells });
    }
    join_title_blocks(paras).into_iter().flat_map(split_inline_enumeration).collect()
}

/// Merges runs of short unpunctuated lines that together end in a document type.
pub(super) fn join_title_blocks(paras: Vec<Para>) -> Vec<Para> {
    let short = |p: &Para| {
        p.text.chars().count() <= 30
            && !has_punctuation(&p.text)
            && marker::parse(&p.text).is_none()
            && !is_attachment(&p.text)
    };
    let mut out: Vec<Para> = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        let mut j = i;
        while j < paras.len() && short(&paras[j]) {
            j += 1;
        }
        if j - i >= 2 && title::is_title_like(&title::probe(&paras[j - 1].text)) {
            let text = paras[i..j].iter().map(|p| p.text.as_str()).collect();
            out.push(Para { text, cells: Vec::new() });
            i = j;
        } else {
            out.push(paras[i].clone());
            i += 1;
        }
    }
    out
}

/// Splits `…：(1)甲…。(2)乙…` into the lead paragraph and one paragraph per item.
pub(super) fn split_inline_enumeration(para: Para) -> Vec<Para> {
    let chars: Vec<char> = para.text.chars().collect();
    let mut cuts = Vec::new();
    let mut expected = 1;
    for i in 1..chars.len() {
        if !matches!(chars[i - 1], '：' | ':' | '。' | '；' | ';') {
            continue;
        }
        let tail: String = chars[i..].iter().take(6).collect();
        if marker::parse(&tail).is_some_and(|m| m.kind == Kind::ParenNum && m.number == expected) {
            cuts.push(i);
            expected += 1;
        }
    }
    if cuts.len() < 2 {
        return vec![para];
    }
    let mut out = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().chain([chars.len()]) {
        out.push(Para { text: chars[from..cut].iter().collect(), cells: Vec::new() });
        from = cut;
    }
    out
}
