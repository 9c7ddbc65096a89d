//! 公文种类: the kind of document a title ends in (`…实施意见` is an 意见, `…的通知` a 通知, `…刑法`
//! a 法), in one place for the build (the corpus's title rules, which find a title by its kind)
//! and the query (the `type` facet). Titles are compared folded, by the caller's fold: the build
//! folds with the full table, the engine with the index's own (in which 规划 is 规㓰).

/// Document-type words that end a title, in Simplified: policy documents (意见, 方案…) and
/// regulations (条例, 规定, 办法, 决定, 解释…), and a policy's interpretation (政策解读). Laws (`…法`, `…法典`) are [`is_law_title`]'s.
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
    "解读",
    "决议",
    "修正案",
    "规则",
    "准则",
    "章程",
    "法典",
];

/// The kind of a law's title (`…刑法`, `…立法法`).
pub const LAW: &str = "法";

/// Every kind [`kind_of`] gives, in the order of its codes: [`DOC_TYPES`], then [`LAW`].
pub fn kinds() -> impl Iterator<Item = &'static str> {
    DOC_TYPES.iter().copied().chain([LAW])
}

/// Words ending in 法 that name no law (方法 a method, 依法 by law…), in Simplified.
pub const NOT_LAWS: &[&str] = &["方法", "做法", "依法", "合法", "非法", "违法", "执法", "说法", "看法", "想法"];

/// True when folded `core` names a law: `中华人民共和国刑法`, `…立法法`. A law's title is its subject
/// and 法, a document type of one character, so a word ending in 法 (方法, 依法) is not enough.
/// `fold` folds a word as `core` was folded.
pub fn is_law_title(core: &str, fold: impl Fn(&str) -> String) -> bool {
    core.ends_with('法') && core.chars().count() >= 3 && !NOT_LAWS.iter().any(|w| core.ends_with(fold(w).as_str()))
}

/// `…修正案(2018年)` → `…修正案` (a folded title's brackets are half width).
pub fn strip_trailing_parenthetical(text: &str) -> &str {
    // `get`, not indexing: the browser's exact module has no string-slicing panic (and its
    // formatting code) to carry.
    let open = text.strip_suffix(')').and_then(|t| t.rfind('('));
    open.and_then(|open| text.get(..open)).unwrap_or(text)
}

/// The kind of folded `title` (one of [`kinds`]), or `None` when it ends in none: the type word
/// it ends in, before a trailing `(…)`, else [`LAW`] for a law's title. `fold` folds a word as
/// `title` was folded.
pub fn kind_of(title: &str, fold: impl Fn(&str) -> String) -> Option<&'static str> {
    let core = strip_trailing_parenthetical(title.trim());
    DOC_TYPES
        .iter()
        .copied()
        .find(|t| core.ends_with(fold(t).as_str()))
        .or_else(|| is_law_title(core, &fold).then_some(LAW))
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        crate::fold(s, crate::FoldTable::full())
    }

    #[test]
    fn a_title_s_kind_is_the_type_word_it_ends_in_or_law() {
        for (title, kind) in [
            ("杭州市人民政府关于推动创新创业高质量发展打造全国双创示范城的实施意见", Some("意见")),
            ("关于印发某市促进人才集聚若干政策的通知", Some("通知")),
            ("杭州市十四五高新技术产业发展规划", Some("规划")),
            ("中华人民共和国宪法修正案(2018年)", Some("修正案")),
            ("中华人民共和国刑事诉讼法", Some(LAW)),
            ("中华人民共和国民法典", Some("法典")),
            ("關於加強管理的若干規定", Some("规定")),
            ("科学的工作方法", None),
            ("政策问答", None),
        ] {
            assert_eq!(kind_of(&fold(title), fold), kind, "{title}");
        }
        assert_eq!(kinds().count(), DOC_TYPES.len() + 1);
    }
}
