//! Title rules: what a document's title looks like and what it says. A line is title-like when
//! it has no sentence punctuation and ends in a document type (`…实施意见`, `…条例`) or names a
//! law (`…刑法`); a portal's category tag (`【高新区】`) is not part of it; a title may state its
//! period (`(2016~2018年)`). The header stage finds the title with these rules, and the
//! segmenter joins a title broken over several lines with them.

use policy_search_normalize::{fold, FoldTable};

use crate::manifest;

/// Document-type words that end a title: policy documents (意见, 方案…) and regulations (条例,
/// 规定, 办法, 决定, 解释…), in both scripts. Laws (`…法`, `…法典`) are [`is_law_title`]'s.
pub const DOC_TYPES: &[&str] = &[
    "意见",
    "意見",
    "方案",
    "通知",
    "办法",
    "辦法",
    "规定",
    "規定",
    "规划",
    "規劃",
    "决定",
    "決定",
    "细则",
    "細則",
    "措施",
    "纲要",
    "綱要",
    "条例",
    "條例",
    "计划",
    "計劃",
    "批复",
    "公告",
    "通告",
    "解释",
    "解釋",
    "决议",
    "決議",
    "修正案",
    "规则",
    "規則",
    "准则",
    "準則",
    "章程",
    "法典",
];

/// Words ending in 法 that name no law (方法 a method, 依法 by law…).
const NOT_LAWS: &[&str] =
    &["方法", "做法", "依法", "合法", "非法", "违法", "違法", "执法", "執法", "说法", "說法", "看法", "想法"];

/// True when `core` names a law: `中华人民共和国刑法`, `…立法法`. A law's title is its subject
/// and 法, a document type of one character, so a word ending in 法 (方法, 依法) is not enough.
fn is_law_title(core: &str) -> bool {
    core.ends_with('法') && core.chars().count() >= 3 && !NOT_LAWS.iter().any(|w| core.ends_with(w))
}

/// True when `text` reads as a title: no sentence punctuation, ends with a document type
/// (`…实施意见`, `中华人民共和国民法典`, `…刑法`, `宪法修正案（2018年）`).
pub fn is_title_like(text: &str) -> bool {
    let core = strip_trailing_parenthetical(text);
    !text.contains(['。', '，', '；', ',', ';', ':', '：'])
        && (is_law_title(core) || DOC_TYPES.iter().any(|t| core.ends_with(t)))
}

fn strip_trailing_parenthetical(text: &str) -> &str {
    if text.ends_with([')', '）']) {
        if let Some(open) = text.rfind(['(', '（']) {
            return &text[..open];
        }
    }
    text
}

/// A header line as a title would read, folded: no category tag, no spaces (`compact` has none).
pub fn candidate(compact: &str) -> String {
    fold(&strip_category_tag(compact), FoldTable::full())
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
