//! Responsible units a clause names in its closing tag: `（责任单位：市科技局、市财政局）`,
//! `〔责任单位：各县（市、区）政府〕`, `（市科技局牵头负责）`, `（市科技局、市科协等按职责分工负责）`;
//! and the corpus's table of units ([`unit_table`]), each named once however its clauses
//! write it.

use std::{collections::HashMap, ops::Range};

use crate::Document;

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

/// Bodies a sentence puts in charge: `由市发改委具体牵头推进`, `由市發改委負責牽頭組織實施`,
/// `由市科技局负责` — `由`, a body's name (3–15 characters, no punctuation, ending as a body's
/// name does), optionally `具体`/`统一`, then `牵头` or `负责`. Names in the clause's own script.
pub fn find_leads(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = fold(text, FoldTable::full()).chars().collect();
    let mut out = Vec::new();
    for at in (0..folded.len()).filter(|&i| folded[i] == '由') {
        let rest: String = folded[at + 1..folded.len().min(at + 24)].iter().collect();
        let Some(end) = ["牵头", "负责"].iter().filter_map(|w| rest.find(w)).min() else { continue };
        let mut name = &rest[..end];
        for filler in ["具体", "统一"] {
            name = name.strip_suffix(filler).unwrap_or(name);
        }
        let n = name.chars().count();
        let body = ALIAS_SUFFIXES.iter().any(|s| name.ends_with(s));
        if (3..=15).contains(&n) && body && name.chars().all(policy_search_normalize::is_han) {
            let written: String = chars[at + 1..at + 1 + n].iter().collect();
            if !out.contains(&written) {
                out.push(written);
            }
        }
    }
    out
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

/// The corpus's responsible units, each once: what the unit filter lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitTable {
    /// Per unit, its names: the one to show first (the most used), then the others the corpus
    /// gives it.
    pub units: Vec<Vec<String>>,
    /// Per clause of the corpus, in document and clause order, the units it names (codes
    /// into `units`, each once).
    pub clause_units: Vec<Vec<u32>>,
    /// Documents whose relative unit names (`市科技局`: *which* city's?) could not be tied to
    /// a place, because neither an issuer nor the title names a city: their units stay their
    /// own, apart from any other document's.
    pub unplaced: Vec<String>,
}

/// Builds the unit table. Two names are one unit when they fold to the same text
/// (`市發改委`, `市发改委`) for documents of the same city, or when the corpus says so by
/// writing one after the other in brackets (`市科技局（市知识产权局）`: the bureau that is also
/// the IP office). A name relative to its document's city (starting with `市`, `县`, `区` or
/// `各`) is that city's: `市科技局` in a Hangzhou document is shown as `杭州市科技局`, and is
/// not the `市科技局` of Pingliang.
pub fn unit_table(docs: &[Document]) -> UnitTable {
    let full = FoldTable::full();
    // Keys: (place or, for an unplaced document, its id; folded name). Written forms per key.
    let mut keys: Vec<(String, String)> = Vec::new();
    let mut key_of: HashMap<(String, String), usize> = HashMap::new();
    let mut written: Vec<Vec<(String, usize)>> = Vec::new();
    let mut parent: Vec<usize> = Vec::new();
    let mut clause_keys: Vec<Vec<usize>> = Vec::new();
    let mut unplaced = Vec::new();
    for d in docs {
        let city = city_of(d);
        if city.is_none() && d.clauses.iter().flat_map(|c| &c.units).any(|n| is_relative(n)) {
            unplaced.push(d.meta.doc.clone());
        }
        for c in &d.clauses {
            let mut here = Vec::new();
            for name in &c.units {
                let names = split_alias(name);
                let ids: Vec<usize> = names
                    .iter()
                    .map(|n| {
                        let shown = match (&city, is_relative(n)) {
                            (Some(city), true) => placed(city, n),
                            _ => n.clone(),
                        };
                        let scope = match (&city, is_relative(n)) {
                            (Some(city), true) => fold(city, full),
                            (None, true) => d.meta.doc.clone(),
                            (_, false) => String::new(),
                        };
                        let key = (scope, fold(&shown, full));
                        let id = *key_of.entry(key.clone()).or_insert_with(|| {
                            keys.push(key);
                            written.push(Vec::new());
                            parent.push(parent.len());
                            parent.len() - 1
                        });
                        match written[id].iter_mut().find(|(w, _)| *w == shown) {
                            Some((_, n)) => *n += 1,
                            None => written[id].push((shown, 1)),
                        }
                        id
                    })
                    .collect();
                for &alias in &ids[1..] {
                    let (a, b) = (root(&mut parent, ids[0]), root(&mut parent, alias));
                    parent[b] = a;
                }
                here.push(ids[0]);
            }
            clause_keys.push(here);
        }
    }
    // One unit per root; its names by use, most used first (ties: first seen).
    let mut code_of_root: HashMap<usize, u32> = HashMap::new();
    let mut units: Vec<Vec<(String, usize)>> = Vec::new();
    let mut code_of_key = vec![0u32; keys.len()];
    for id in 0..keys.len() {
        let r = root(&mut parent, id);
        let code = *code_of_root.entry(r).or_insert_with(|| {
            units.push(Vec::new());
            units.len() as u32 - 1
        });
        code_of_key[id] = code;
        for (w, n) in &written[id] {
            match units[code as usize].iter_mut().find(|(x, _)| x == w) {
                Some((_, m)) => *m += n,
                None => units[code as usize].push((w.clone(), *n)),
            }
        }
    }
    let units = units
        .into_iter()
        .map(|mut names| {
            names.sort_by_key(|n| std::cmp::Reverse(n.1));
            names.into_iter().map(|(w, _)| w).collect()
        })
        .collect();
    let clause_units = clause_keys
        .into_iter()
        .map(|ids| {
            let mut codes: Vec<u32> = Vec::new();
            for id in ids {
                if !codes.contains(&code_of_key[id]) {
                    codes.push(code_of_key[id]);
                }
            }
            codes
        })
        .collect();
    UnitTable { units, clause_units, unplaced }
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Whether a unit name is relative to its document's place: `市科技局`, `县政府`,
/// `各县(市、区)政府`.
fn is_relative(name: &str) -> bool {
    name.starts_with(['市', '县', '縣', '区', '區', '各'])
}

/// `市科技局` of `杭州市` → `杭州市科技局`; `各县区政府` → `杭州市各县区政府`.
fn placed(city: &str, name: &str) -> String {
    match name.strip_prefix('市') {
        Some(rest) => format!("{city}{rest}"),
        None => format!("{city}{name}"),
    }
}

/// `A（B）` where B names a body of its own (`市科技局（市知识产权局）`) → `[A, B]`; any other
/// name (`各县（市、区）政府`) → `[name]`.
fn split_alias(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    if let (Some(open), true) =
        (chars.iter().position(|c| OPEN.contains(c)), chars.last().is_some_and(|c| CLOSE.contains(c)))
    {
        let (a, b): (String, String) =
            (chars[..open].iter().collect(), chars[open + 1..chars.len() - 1].iter().collect());
        let own_body = !b.contains(['、', '，', ',', '(', '（'])
            && b.chars().count() >= 3
            && ALIAS_SUFFIXES.iter().any(|s| fold(&b, FoldTable::full()).ends_with(s));
        if own_body && a.chars().count() >= 2 {
            return vec![a.trim().to_string(), b.trim().to_string()];
        }
    }
    vec![name.to_string()]
}

/// What a bracketed second name ends with when it is a body of its own.
const ALIAS_SUFFIXES: &[&str] =
    &["局", "办", "委", "部", "厅", "院", "中心", "会", "区", "所", "署", "室", "处", "站", "组"];

/// The city a document's relative unit names belong to: from the first issuer that names a
/// city (`杭州市滨江区人民政府` → `杭州市`), else from the start of the title
/// (`平凉市人民政府关于…`).
fn city_of(d: &Document) -> Option<String> {
    let city = |s: &str| {
        let at = s.chars().take(8).position(|c| c == '市')?;
        let place: String = s.chars().take(at + 1).collect();
        (at >= 2 && place.chars().all(policy_search_normalize::is_han)).then_some(place)
    };
    d.meta.issuer.iter().find_map(|i| city(i)).or_else(|| city(&d.meta.title))
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
    fn reads_the_bodies_a_sentence_puts_in_charge() {
        assert_eq!(find_leads("统筹协调,由市發改委具體牽頭推進各項工作。"), ["市發改委"]);
        assert_eq!(find_leads("本意见自2019年起施行,由市发改委负责牵头组织实施。"), ["市发改委"]);
        assert_eq!(find_leads("由市科技局、市财政局负责"), Vec::<String>::new(), "a list is the tag's job");
        assert_eq!(find_leads("由此带来的负责人"), Vec::<String>::new());
        assert_eq!(find_leads("经费由企业自行负责"), Vec::<String>::new());
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
