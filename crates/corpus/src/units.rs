//! Responsible units a clause names in its closing tag: `（责任单位：市科技局、市财政局）`,
//! `〔责任单位：各县（市、区）政府〕`, `（市科技局牵头负责）`, `（市科技局、市科协等按职责分工负责）`.

use std::ops::Range;

use policy_search_normalize::{fold, FoldTable};

/// The units a clause names, and where their tag sits in the clause text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Units {
    /// Unit names in the clause's own script, in the order given.
    pub names: Vec<String>,
    /// Character range of the whole bracketed tag in the clause text.
    pub span: Range<usize>,
}

const OPEN: [char; 4] = ['(', '（', '〔', '['];
const CLOSE: [char; 4] = [')', '）', '〕', ']'];

/// Finds the responsibility tag that ends `text` (possibly followed by `。`).
pub fn find_units(text: &str) -> Option<Units> {
    let chars: Vec<char> = text.chars().collect();
    let mut end = chars.len();
    while end > 0 && matches!(chars[end - 1], '。' | '.' | ' ' | '\n') {
        end -= 1;
    }
    if end == 0 || !CLOSE.contains(&chars[end - 1]) {
        return None;
    }
    let mut depth = 0usize;
    let mut start = None;
    for i in (0..end).rev() {
        if CLOSE.contains(&chars[i]) {
            depth += 1;
        } else if OPEN.contains(&chars[i]) {
            depth -= 1;
            if depth == 0 {
                start = Some(i);
                break;
            }
        }
    }
    let start = start?;
    let inner: String = chars[start + 1..end - 1].iter().collect();
    let names = unit_list(&inner)?;
    Some(Units { names, span: start..end })
}

/// The list inside a tag, or `None` when the bracket is not a responsibility tag.
fn unit_list(inner: &str) -> Option<Vec<String>> {
    let folded = fold(inner, FoldTable::full());
    let chars: Vec<char> = inner.chars().collect();
    let cut = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    let list = if let Some(rest) = folded.strip_prefix("责任单位") {
        rest.chars().next().filter(|c| matches!(c, ':' | '：'))?;
        cut("责任单位:".chars().count(), chars.len())
    } else {
        let suffix = ["按职责分工负责", "分工负责", "牵头负责", "负责"].iter().find(|s| folded.ends_with(**s))?;
        let mut to = chars.len() - suffix.chars().count();
        for filler in ["等单位", "等部门", "等"] {
            if fold(&cut(0, to), FoldTable::full()).ends_with(filler) {
                to -= filler.chars().count();
                break;
            }
        }
        cut(0, to)
    };
    let names = split_top_level(&list);
    (!names.is_empty() && names.iter().all(|n| n.chars().count() <= 30)).then_some(names)
}

/// Splits on `、，,；;` outside brackets: `各县(市、区)政府` stays whole.
fn split_top_level(list: &str) -> Vec<String> {
    let mut names = Vec::new();
    let (mut depth, mut current) = (0i32, String::new());
    for c in list.chars() {
        match c {
            _ if OPEN.contains(&c) => depth += 1,
            _ if CLOSE.contains(&c) => depth -= 1,
            '、' | '，' | ',' | '；' | ';' if depth == 0 => {
                names.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    names.push(current);
    names.into_iter().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Option<Vec<String>> {
        find_units(text).map(|u| u.names)
    }

    #[test]
    fn reads_each_form() {
        assert_eq!(names("…手機客戶端。(責任單位:市科技局、市發改委)").unwrap(), ["市科技局", "市發改委"]);
        assert_eq!(
            names("…。〔責任單位:市科技局,各縣(市、區)政府、嘉興港區〕").unwrap(),
            ["市科技局", "各縣(市、區)政府", "嘉興港區"]
        );
        assert_eq!(names("…服务体系。(市科技局牵头负责)").unwrap(), ["市科技局"]);
        assert_eq!(
            names("…范围。(市科技局、市财政局、市科协等按职责分工负责)").unwrap(),
            ["市科技局", "市财政局", "市科协"]
        );
        assert_eq!(
            names("…(人行平凉市中心支行、市银监局等单位按职责分工负责)").unwrap(),
            ["人行平凉市中心支行", "市银监局"]
        );
        assert_eq!(names("…(各县区人民政府负责)").unwrap(), ["各县区人民政府"]);
    }

    #[test]
    fn reports_the_tag_span() {
        let text = "加强培训。(责任单位:市科技局)";
        let u = find_units(text).unwrap();
        let tag: String = text.chars().skip(u.span.start).take(u.span.len()).collect();
        assert_eq!(tag, "(责任单位:市科技局)");
    }

    #[test]
    fn ignores_other_brackets() {
        assert_eq!(names("人工智能(AI)"), None);
        assert_eq!(names("创业创新园区(基地)。"), None);
        assert_eq!(names("按“从优、从高、不重复”原则进行资助(奖励)。"), None);
        assert_eq!(names("没有括号"), None);
    }
}
