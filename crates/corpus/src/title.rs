//! Title rules: what a document's title looks like and what it says. A line is title-like when
//! it has no sentence punctuation and ends in a document type (`…实施意见`, `…条例`) or names a
//! law (`…刑法`); a portal's category tag (`【高新区】`) is not part of it; a title may state its
//! period (`(2016~2018年)`). The header stage finds the title with these rules and the
//! segmenter joins a title broken over several lines with them, both on one input: the line's
//! [`probe`] (folded, without spaces), so a Traditional title reads as its Simplified form.

use std::sync::OnceLock;

use policy_search_normalize::{
    doctype::{self, strip_trailing_parenthetical, DOC_TYPES},
    fold, FoldTable,
};

use crate::manifest;

/// The document types a title ends in, folded once as the probe is (批復 is 批复; 规划 folds to
/// 规㓰, 划's class): the list is crates/normalize's ([`doctype::DOC_TYPES`]), which the
/// engine's `type` facet reads too.
fn doc_types() -> &'static [String] {
    static CELL: OnceLock<Vec<String>> = OnceLock::new();
    CELL.get_or_init(|| DOC_TYPES.iter().map(|w| fold(w, FoldTable::full())).collect())
}

/// True when `core` names a law ([`doctype::is_law_title`]).
fn is_law_title(core: &str) -> bool {
    doctype::is_law_title(core, |w| fold(w, FoldTable::full()))
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
