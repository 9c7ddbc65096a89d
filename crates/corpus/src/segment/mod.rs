//! Clause segmentation: cleaned lines → paragraphs → a tree of numbered nodes → clauses.
//!
//! Nesting follows the rank of each numbering kind (`PART`/`第一章` › `一、` › `（一）` › `1.` ›
//! `（1）`), so a document that starts mid-way (a `2.` before any `一、`) still nests the rest
//! correctly. A numbered paragraph is either a *heading* (just a title: `（一）指导思想。`) whose
//! clause text is the paragraphs that follow it, or a clause with an *inline body*
//! (`1.政府+市场。坚持…`) whose lead phrase is its heading. Un-numbered paragraphs before the
//! first number are the preamble; after the last clause, 施行/解释 provisions are the closing.
//! `——` bullets are clauses of their own; an attachment's table rows are clauses under it.
//!
//! One room a step: `paragraphs.rs` (lines → paragraphs), `tree.rs` (paragraphs → nested
//! nodes), `emit.rs` (nodes → clauses with ids and breadcrumbs), with `marker.rs` (numbering)
//! and `attachment.rs` (附件 labels and table rows) beside them.

mod attachment;
mod emit;
pub mod marker;
mod paragraphs;
mod tree;

use std::collections::BTreeSet;

pub use attachment::is_attachment;

/// A cleaned line: spaces unified, glosses gone; chrome, spam and metadata lines removed.
#[derive(Clone, Debug)]
pub struct Line {
    /// 1-based line number in the source file.
    pub no: usize,
    /// The text (may be empty: blank lines separate nothing but are kept for numbering).
    pub text: String,
}

/// A heading above a clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// Its numbering as cited: `一、`, `（四）`, `1.`, `PART 02`, `附件`.
    pub label: String,
    /// Its title or lead phrase.
    pub title: String,
}

/// A clause as segmentation produces it.
#[derive(Clone, Debug)]
pub struct Draft {
    /// Stable id from the numbering path: `1.2.3`, `preamble`, `closing`, `1.b2`, `att1.3`.
    pub id: String,
    /// Its own label (`（四）`), empty for un-numbered clauses.
    pub label: String,
    /// The headings above it, outermost first.
    pub path: Vec<Heading>,
    /// Length in characters of its heading, which is always a prefix of `text`.
    pub heading_len: usize,
    /// Display text: paragraphs joined by `\n`.
    pub text: String,
}

/// Segments the body lines of one document into clauses.
pub fn segment(lines: &[Line]) -> Vec<Draft> {
    let paras = paragraphs::paragraphs(lines);
    let used_ranks: BTreeSet<u8> = paras.iter().filter_map(|p| marker::parse(&p.text)).map(|m| m.kind.rank()).collect();
    emit::emit(&tree::build(&paras), &used_ranks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line { no: i + 1, text: crate::clean::whitespace::unify_spaces(t) })
            .collect()
    }

    fn ids(text: &str) -> Vec<(String, String)> {
        segment(&lines(text)).into_iter().map(|d| (d.id, d.text)).collect()
    }

    #[test]
    fn headings_take_the_paragraphs_that_follow() {
        let got = ids("为了……,制定本方案。\n一、总体要求\n(一)指导思想。\n以……为指导。\n(二)基本原则。\n1.政府+市场。坚持……。\n2.创新+创业。完善……。");
        assert_eq!(got[0], ("preamble".into(), "为了……,制定本方案。".into()));
        assert_eq!(got[1], ("1.1".into(), "指导思想。\n以……为指导。".into()));
        assert_eq!(got[2].0, "1.2.1");
        assert_eq!(got.len(), 4, "一、 and （二） are pure headings");
        let d = &segment(&lines("一、总体要求\n(一)指导思想。\n以……为指导。"))[0];
        assert_eq!(d.path, vec![Heading { label: "一、".into(), title: "总体要求".into() }]);
        assert_eq!(d.heading_len, "指导思想".chars().count());
    }

    #[test]
    fn a_document_that_starts_midway_keeps_unique_ids() {
        let got = ids(
            "2.强化……。内容。\n(六)构建体系,完善链条\n1.进一步健全。内容。\n五、保障措施\n(一)加强组织协调\n建立……。",
        );
        let list: Vec<&str> = got.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(list, ["0.0.2", "0.6.1", "5.1"]);
    }

    #[test]
    fn repairs_broken_numbering_and_lines() {
        let got = ids("四、机制\n(十二)加强组织领导。把……。\n十三)加强统计监测。探索……。\n二、加快转化\n重点突破……,强化知识产权保\n\n护,促进……。");
        assert_eq!(got[1].0, "4.13");
        assert_eq!(got[2], ("2".into(), "加快转化\n重点突破……,强化知识产权保护,促进……。".into()));
    }

    #[test]
    fn bullets_parts_and_closing() {
        let got = ids("一、总体要求\n——聚焦实体经济。以……。\n——坚持改革先行。面向……。\n二、附则\n1. 本意见……。\n本意见自2024年11月25日施行。");
        let list: Vec<&str> = got.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(list, ["1.b1", "1.b2", "2.1", "closing"]);
        let got = ids("PART 01\n目标任务\n聚焦……。\nPART 02\n政策措施\n(一)强化创新驱动\n1. 鼓励企业。每年……。");
        let list: Vec<&str> = got.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(list, ["1", "2.1.1"]);
    }

    #[test]
    fn units_end_a_clause() {
        let got = ids("一、任务\n(七)落实……。(市国土资源局牵头负责)\n各县(区)要细化政策措施,确保落实。");
        assert_eq!(got.last().unwrap().0, "closing");
    }

    #[test]
    fn inline_enumerations_become_clauses() {
        let got = ids("4. 可按以下方式兑现:(1)研发资助:对项目予以支持。(2)投资资助:给予贴息。");
        let list: Vec<&str> = got.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(list, ["4", "4.1", "4.2"]);
        assert_eq!(
            segment(&lines("4. 可按以下方式兑现:(1)研发资助:对项目予以支持。(2)投资资助:给予贴息。"))[1].heading_len,
            4
        );
    }

    #[test]
    fn attachment_tables_become_rows() {
        let got = segment(&lines(
            "一、任务\n(一)甲。乙。\n附件\n重大项目清单\n序号 领域 项目名称\n1 云计算 杭钢项目\n2 大数据 浙江项目",
        ));
        let last = got.last().unwrap();
        assert_eq!(last.id, "att1.2");
        assert_eq!(last.text, "领域：大数据；项目名称：浙江项目");
        assert_eq!(last.path, vec![Heading { label: "附件".into(), title: "重大项目清单".into() }]);
    }
}
