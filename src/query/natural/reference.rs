//! References to a document's articles, as people cite them: a document's name — its title,
//! or the title without `中华人民共和国`, or its end (`刑事司法协助法` for
//! `国际刑事司法协助法`), with or without `《》` — then an article in any written form
//! (`第五十一条`, `第51条`, `51条`, `第五十一条第二款`). The article opens first.
//!
//! A name must be most of a title (see [`NAME_SHARE`]), so `国籍法` does not name a long
//! interpretation that quotes it; among the titles it names, one it equals (prefix aside) comes
//! before one it ends, and a shorter title before a longer one (the law in force before its
//! historical `（1982年12月4日版）`). In a policy numbered `一、` › `（一）` rather than in
//! articles, `第N条` is its Nth part (see [`article`]).

use policy_search_normalize::{
    is_han,
    numerals::{leading_number, to_chinese},
};
use policy_search_sort as sort;

use crate::reader::Reader;

/// The prefix a national law's title carries and a citation usually leaves out.
const STATE: &str = "中华人民共和国";
/// Share of a title (prefix and brackets aside) a name must cover.
pub const NAME_SHARE: f32 = 0.6;
/// Fewest characters of a name.
const MIN_NAME: usize = 2;

/// A reference read from a query: a document's name and an article number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The name as typed, folded, without brackets, spaces or the state prefix.
    pub name: Vec<char>,
    /// The article's number.
    pub article: u32,
}

/// The first `name + article` reference in the folded query text, if any.
pub fn parse(folded: &str) -> Option<Reference> {
    let chars: Vec<char> =
        folded.chars().filter(|c| !c.is_whitespace() && !matches!(c, '《' | '》' | '<' | '>')).collect();
    for start in 0..chars.len() {
        let Some((article, _)) = article_at(&chars, start) else { continue };
        let name = plain(&chars[..start]);
        if name.len() >= MIN_NAME {
            return Some(Reference { name, article });
        }
    }
    None
}

/// An article number written at `at`: `第N条`, `N条` (N in either numeral), with a
/// `第M款`/`第M项` after it read past. Returns the number and where the reference ends.
fn article_at(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let mut i = at;
    if chars.get(i) == Some(&'第') {
        i += 1;
    }
    let (n, len) = leading_number(&chars[i..])?;
    i += len;
    if chars.get(i) != Some(&'条') {
        return None;
    }
    // A number right before is part of another number (`1951条` read from `51条`), and a
    // `第` right before belongs to this reference (read from there).
    if at > 0 && chars[at] != '第' && (chars[at - 1] == '第' || leading_number(&chars[at - 1..]).is_some()) {
        return None;
    }
    i += 1;
    for unit in ['款', '项'] {
        let j = i + usize::from(chars.get(i) == Some(&'第'));
        if let Some((_, len)) = leading_number(&chars[j.min(chars.len())..]) {
            if chars.get(j + len) == Some(&unit) {
                i = j + len + 1;
            }
        }
    }
    Some((n, i))
}

/// A name or title for comparing: brackets and spaces dropped, the state prefix removed.
fn plain(chars: &[char]) -> Vec<char> {
    let kept: Vec<char> = chars.iter().copied().filter(|c| !c.is_whitespace() && !matches!(c, '《' | '》')).collect();
    let state: Vec<char> = STATE.chars().collect();
    match kept.strip_prefix(state.as_slice()) {
        Some(rest) => rest.to_vec(),
        None => kept,
    }
}

/// A title without a trailing parenthesis (a version's `（1982年12月4日版）`).
fn without_note(title: &[char]) -> &[char] {
    match (title.last(), title.iter().rposition(|&c| c == '（' || c == '(')) {
        (Some('）' | ')'), Some(open)) if open > 0 => &title[..open],
        _ => title,
    }
}

/// The documents `name` names, best first (see the module's rules).
pub fn documents(r: &Reader<'_>, name: &[char]) -> Vec<u32> {
    named_in(r.plain_titles(), name)
}

/// Each document's title, folded and plain (without brackets or 中华人民共和国; read once per reader:
/// [`Reader::plain_titles`]).
pub fn titles(r: &Reader<'_>) -> Vec<Vec<char>> {
    let title = |d| r.index().doc(d).map(|doc| plain(&r.fold(doc.title).chars().collect::<Vec<_>>()));
    (0..r.index().doc_count()).map(|d| title(d).unwrap_or_default()).collect()
}

/// [`documents`] among `titles` (as [`titles`] gives them).
fn named_in(titles: &[Vec<char>], name: &[char]) -> Vec<u32> {
    let mut found: Vec<(u8, usize, u32)> = Vec::new();
    for (d, title) in titles.iter().enumerate() {
        let d = d as u32;
        let short = without_note(title);
        let rank = if short == name {
            0
        } else if short.ends_with(name) && name.len() as f32 >= NAME_SHARE * short.len() as f32 {
            1
        } else {
            continue;
        };
        found.push((rank, title.len(), d));
    }
    sort::sort(&mut found);
    found.into_iter().map(|(.., d)| d).collect()
}

/// Clause `第N条` of document `d`. A document whose clauses carry no such label (a policy
/// numbered `一、` › `（一）`) reads N as its Nth part: a clause labelled N at its top level, else
/// the first clause under the top-level heading numbered N. Reads the clauses' labels, so a
/// sharded index notes the text chunks it lacks (and answers `None` until they are added).
pub fn article(r: &Reader<'_>, d: u32, n: u32) -> Option<u32> {
    let cited = ["第", &to_chinese(n), "条"].concat();
    let numbered = |label: &str| {
        let label: Vec<char> = label.chars().filter(|c| !matches!(c, '（' | '）' | '(' | ')')).collect();
        leading_number(&label).is_some_and(|(m, len)| m == n && len + 1 >= label.len())
    };
    let (mut top, mut under, mut has_articles) = (None, None, false);
    for i in r.clauses_of(d) {
        let Some(view) = r.index().clause(i) else { continue };
        if view.label == cited {
            return Some(i);
        }
        has_articles |= view.label.ends_with('条');
        let path = r.index().path(view.heading_node);
        match path.first() {
            None if top.is_none() && numbered(view.label) => top = Some(i),
            Some(h) if under.is_none() && numbered(h.label) => under = Some(i),
            _ => {}
        }
    }
    top.or(under).filter(|_| !has_articles)
}

/// The clauses a query's reference opens: its article in each document the name names (the
/// best document first), at most [`MAX_DOCUMENTS`].
pub fn references(r: &Reader<'_>, folded: &str) -> Vec<u32> {
    let Some(reference) = parse(folded) else { return Vec::new() };
    documents(r, &reference.name)
        .into_iter()
        .take(MAX_DOCUMENTS)
        .filter_map(|d| article(r, d, reference.article))
        .collect()
}

/// The documents a query that is a document's name alone names (`宪法`, `《刑法》`,
/// `刑事司法协助法`), best first, by the rules of [`documents`]; none for a query citing an
/// article (see [`references`]).
pub fn named(r: &Reader<'_>, folded: &str) -> Vec<u32> {
    let chars: Vec<char> = folded.chars().collect();
    let name = plain(&chars);
    if parse(folded).is_some() || name.len() < MIN_NAME || !name.iter().all(|&c| is_han(c)) {
        return Vec::new();
    }
    documents(r, &name).into_iter().take(MAX_DOCUMENTS).collect()
}

/// The documents a query names at its start when it goes on to ask something of them
/// (`保守国家秘密法什么时候开始施行`: 保守国家秘密法), by the rules of [`documents`] for its
/// longest such start, with that start (the name, as typed but for brackets and spaces) and
/// the rest of the query; none for a query citing an article or a name alone.
pub fn scoped(r: &Reader<'_>, folded: &str) -> Option<(Vec<u32>, String, String)> {
    if parse(folded).is_some() {
        return None;
    }
    let chars: Vec<char> =
        folded.chars().filter(|c| !c.is_whitespace() && !matches!(c, '《' | '》' | '<' | '>')).collect();
    let titles = r.plain_titles();
    // A name ends where a title does (法, 条例, 办法 …): only such starts are compared.
    let ends: Vec<char> = titles.iter().filter_map(|t| without_note(t).last().copied()).collect();
    (MIN_NAME + 1..chars.len()).rev().filter(|&end| ends.contains(&chars[end - 1])).find_map(|end| {
        let name = plain(&chars[..end]);
        let docs: Vec<u32> = named_in(titles, &name).into_iter().take(MAX_DOCUMENTS).collect();
        (!docs.is_empty()).then(|| (docs, chars[..end].iter().collect(), chars[end..].iter().collect()))
    })
}

/// Documents a name may open an article in (a law and its versions).
pub const MAX_DOCUMENTS: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    fn read(q: &str) -> Option<(String, u32)> {
        parse(q).map(|r| (r.name.into_iter().collect(), r.article))
    }

    #[test]
    fn reads_a_name_and_an_article_in_every_written_form() {
        for q in [
            "国际刑事司法协助法第二十二条",
            "中华人民共和国国际刑事司法协助法第22条",
            "《国际刑事司法协助法》第二十二条",
            "《中华人民共和国国际刑事司法协助法》 第二十二条第二款",
            "国际刑事司法协助法22条",
            "国际刑事司法协助法 第二十二条",
        ] {
            assert_eq!(read(q), Some(("国际刑事司法协助法".into(), 22)), "{q}");
        }
    }

    #[test]
    fn an_article_without_a_name_or_a_number_without_条_is_no_reference() {
        for q in ["第二十二条", "保守国家秘密法", "国家秘密法第二十二", "2019年22号", "法第3条"]
        {
            assert_eq!(read(q), None, "{q}");
        }
    }

    /// What `references` opens over the test corpus, as `(doc, clause)` ids.
    #[cfg(not(target_arch = "wasm32"))]
    fn opened(r: &Reader<'_>, q: &str) -> Vec<(String, String)> {
        references(r, &r.fold(q))
            .into_iter()
            .map(|c| {
                let view = r.index().clause(c).expect("a clause");
                (r.index().doc(view.doc).expect("its document").doc.to_string(), view.id.to_string())
            })
            .collect()
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn a_query_naming_a_document_and_asking_of_it_is_scoped_to_that_document() {
        let r = crate::testing::reader();
        let (docs, name, rest) = scoped(&r, &r.fold("《测绘成果保护法》泄露了怎么处分")).expect("a name at the start");
        let ids: Vec<&str> = docs.iter().map(|&d| r.index().doc(d).unwrap().doc).collect();
        assert_eq!((ids, name.as_str(), rest.as_str()), (vec!["survey"], "测绘成果保护法", "泄露了怎么处分"));
        assert_eq!(scoped(&r, &r.fold("测绘成果保护法")), None, "a name alone is `named`");
        assert_eq!(scoped(&r, &r.fold("测绘成果保护法第三条")), None, "an article is a reference");
        assert_eq!(scoped(&r, &r.fold("测绘成果泄露")), None, "no title ends there");
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn a_cited_article_opens_in_the_document_the_name_names() {
        let r = crate::testing::reader();
        let second = vec![("survey".to_string(), "art2".to_string())];
        for q in [
            "测绘成果保护法第二条",
            "中华人民共和国测绘成果保护法第2条",
            "《測繪成果保護法》 2条",
            "成果保护法第二条第一款",
        ] {
            assert_eq!(opened(&r, q), second, "{q}");
        }
        assert_eq!(opened(&r, "测绘成果保护法第九条"), [], "no such article");
        assert_eq!(opened(&r, "保护法第二条"), [], "too little of the title");
        // A policy's second part: the first clause under 二、研发资助.
        assert_eq!(opened(&r, "人才引进若干措施第二条"), [("talent".to_string(), "2.1".to_string())]);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn a_documents_name_alone_names_it() {
        let r = crate::testing::reader();
        let doc = |d: u32| r.index().doc(d).unwrap().doc.to_string();
        for q in ["测绘成果保护法", "《测绘成果保护法》", "中华人民共和国测绘成果保护法", "成果保护法"]
        {
            assert_eq!(named(&r, &r.fold(q)).into_iter().map(doc).collect::<Vec<_>>(), ["survey"], "{q}");
        }
        for q in ["保护法", "测绘成果保护法第二条", "测绘 成果"] {
            assert_eq!(named(&r, &r.fold(q)), Vec::<u32>::new(), "{q}");
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn a_sharded_index_reads_the_labels_once_their_chunks_are_added() {
        let r = crate::testing::sharded();
        assert_eq!(opened(&r, "测绘成果保护法第三条"), [("survey".to_string(), "art3".to_string())]);
    }

    #[test]
    fn a_trailing_version_note_is_set_aside() {
        let t: Vec<char> = "宪法（1982年12月4日版）".chars().collect();
        assert_eq!(without_note(&t).iter().collect::<String>(), "宪法");
    }
}
