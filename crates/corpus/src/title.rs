//! Title rules: what a document's title looks like and what it says. A line is title-like when
//! it has no sentence punctuation and ends in a document type (`…实施意见`, `…条例`) or names a
//! law (`…刑法`); a portal's category tag (`【高新区】`) is not part of it; a title may state its
//! period (`(2016~2018年)`). The header stage finds the title with these rules and the
//! segmenter joins a title broken over several lines with them, both on one input: the line's
//! [`probe`] (folded, without spaces), so a Traditional title reads as its Simplified form.

use std::sync::OnceLock;

use policy_search_normalize::{fold, FoldTable};

use crate::manifest;

/// Document-type words that end a title, in Simplified: policy documents (意见, 方案…) and
/// regulations (条例, 规定, 办法, 决定, 解释…). Laws (`…法`, `…法典`) are `is_law_title`'s. The
/// rules compare them folded, as the probe is (批復 is 批复; 规划 folds to 规㓰, 划's class).
pub const DOC_TYPES: &[&str] = &[
    "意见",
    "方案",
    "通知",
    "办法",
    "规定",
    "规划",
    "决定",
    "细则",
    "措施",
    "纲要",
    "条例",
    "计划",
    "批复",
    "公告",
    "通告",
    "解释",
    "决议",
    "修正案",
    "规则",
    "准则",
    "章程",
    "法典",
];

/// Words ending in 法 that name no law (方法 a method, 依法 by law…), in Simplified.
const NOT_LAWS: &[&str] = &["方法", "做法", "依法", "合法", "非法", "违法", "执法", "说法", "看法", "想法"];

/// `words` folded, once: what a probe holds where a title has them.
fn folded(words: &'static [&'static str], cell: &'static OnceLock<Vec<String>>) -> &'static [String] {
    cell.get_or_init(|| words.iter().map(|w| fold(w, FoldTable::full())).collect())
}

fn doc_types() -> &'static [String] {
    static CELL: OnceLock<Vec<String>> = OnceLock::new();
    folded(DOC_TYPES, &CELL)
}

fn not_laws() -> &'static [String] {
    static CELL: OnceLock<Vec<String>> = OnceLock::new();
    folded(NOT_LAWS, &CELL)
}

/// True when `core` names a law: `中华人民共和国刑法`, `…立法法`. A law's title is its subject
/// and 法, a document type of one character, so a word ending in 法 (方法, 依法) is not enough.
fn is_law_title(core: &str) -> bool {
    core.ends_with('法') && core.chars().count() >= 3 && !not_laws().iter().any(|w| core.ends_with(w.as_str()))
}

/// `text` as the title rules read it: without spaces, folded (Simplified, half width), so that
/// one rule serves both scripts wherever a title is looked for.
pub fn probe(text: &str) -> String {
    fold(&text.replace(' ', ""), FoldTable::full())
}

/// True when `probe` (a [`probe`]) reads as a title: no sentence punctuation, ends with a
/// document type (`…实施意见`, `中华人民共和国民法典`, `…刑法`, `宪法修正案(2018年)`).
pub fn is_title_like(probe: &str) -> bool {
    let core = strip_trailing_parenthetical(probe);
    !probe.contains(['。', ',', ';', ':'])
        && (is_law_title(core) || doc_types().iter().any(|t| core.ends_with(t.as_str())))
}

/// `…修正案(2018年)` → `…修正案` (a probe's brackets are half width).
fn strip_trailing_parenthetical(text: &str) -> &str {
    if text.ends_with(')') {
        if let Some(open) = text.rfind('(') {
            return &text[..open];
        }
    }
    text
}

/// A header line as a title would read: its [`probe`] without a category tag.
pub fn candidate(compact: &str) -> String {
    probe(&strip_category_tag(compact))
}

/// `【高新区】杭州…` → `杭州…`: a portal's category tag is not part of the title.
pub fn strip_category_tag(title: &str) -> String {
    if title.starts_with(['【', '〔', '[']) {
        if let Some(end) = title.find(['】', '〕', ']']) {
            let close = title[end..].chars().next().map_or(0, char::len_utf8);
            return title[end + close..].to_string();
        }
    }
    title.to_string()
}

/// `…三年行动方案(2016~2018年)` → `2016~2018`.
pub fn period_in(title: &str) -> Option<String> {
    let open = title.rfind(['(', '（'])?;
    let inner = title[open..].trim_start_matches(['(', '（']).trim_end_matches([')', '）']);
    manifest::parse_period(inner).map(|(a, b)| format!("{a}~{b}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_types_are_read_in_either_script() {
        for title in [
            "國務院關於同意設立某某新區的批復",
            "杭州市人民政府關於推動創新的實施意見",
            "某某條例（2018年）",
            "杭州市高新技术产业发展规划",
            "某市科技發展計劃",
        ] {
            assert!(is_title_like(&probe(title)), "{title}");
        }
        assert!(!is_title_like(&probe("嚴格執法")), "執法 is not a law");
        assert_eq!(probe("，；：（ ）"), ",;:()", "a probe's punctuation is half width");
    }
}
