//! Clause segmentation: cleaned lines → paragraphs → a tree of numbered nodes → clauses.
//!
//! Nesting follows the rank of each numbering kind (`PART`/`第一章` › `一、` › `（一）` › `1.` ›
//! `（1）`), so a document that starts mid-way (a `2.` before any `一、`) still nests the rest
//! correctly. A numbered paragraph is either a *heading* (just a title: `（一）指导思想。`) whose
//! clause text is the paragraphs that follow it, or a clause with an *inline body*
//! (`1.政府+市场。坚持…`) whose lead phrase is its heading. Un-numbered paragraphs before the
//! first number are the preamble; after the last clause, 施行/解释 provisions are the closing.
//! `——` bullets are clauses of their own; an attachment's table rows are clauses under it.

pub mod marker;

use std::collections::{BTreeSet, HashSet};

use marker::Kind;

use crate::{clean::whitespace::tighten_spaces, title, units::find_units};

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

/// Paragraph text ends with one of these when it is complete.
const TERMINAL: &[char] = &['。', '！', '？', '；', '：', ':', ';', '!', '?', '…', ')', '）', '〕', ']', '”'];
fn has_punctuation(text: &str) -> bool {
    text.contains(['。', '，', '、', '；', '：', ',', ':', ';'])
}

/// A paragraph ready for segmentation.
#[derive(Clone, Debug)]
struct Para {
    text: String,
    /// Space-separated cells of the source line, for table rows.
    cells: Vec<String>,
}

/// Rule `paragraphs`: joins what scraping broke apart — a prose line cut mid-sentence
/// (`…知识产权保` / `护，…`), a title split over several lines, a `PART 01` banner and its
/// label — and splits inline enumerations (`…兑现：(1)研发资助：…。(2)投资资助：…`).
fn paragraphs(lines: &[Line]) -> Vec<Para> {
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
fn join_title_blocks(paras: Vec<Para>) -> Vec<Para> {
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
fn split_inline_enumeration(para: Para) -> Vec<Para> {
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

/// `附件`, `附件：`, `附件1`, `附件 2：名称`, `附件一`, `附表`, `附录`, `附：`: an attachment's label.
pub fn is_attachment(text: &str) -> bool {
    attachment_rest(text).is_some_and(|rest| attachment_title(rest).chars().count() <= 40 && !rest.contains('。'))
}

/// What follows an attachment's label word.
fn attachment_rest(text: &str) -> Option<&str> {
    ["附件", "附表", "附录", "附：", "附:"].iter().find_map(|p| text.strip_prefix(p))
}

/// What follows `附件`, its number and colon gone: `2：名称` → `名称`, `一` → ``.
fn attachment_title(rest: &str) -> &str {
    rest.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十 :：".contains(c))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NodeKind {
    Preamble,
    Closing,
    Marker(Kind),
    Bullet,
    Attachment,
    Row,
}

#[derive(Debug)]
struct Node {
    kind: NodeKind,
    number: u32,
    label: String,
    parent: Option<usize>,
    /// Title of a heading-only node.
    title: Option<String>,
    /// Lead phrase of an inline-body node.
    lead: Option<String>,
    parts: Vec<String>,
    heading_only: bool,
    /// An attachment's table header, read into its rows' text (`领域：…`).
    table_header: Option<String>,
    /// Ended by a responsibility tag: nothing more flows into it.
    closed: bool,
    children: u32,
}

impl Node {
    fn new(kind: NodeKind, number: u32, label: String, parent: Option<usize>) -> Node {
        Node {
            kind,
            number,
            label,
            parent,
            title: None,
            lead: None,
            parts: Vec::new(),
            heading_only: false,
            table_header: None,
            closed: false,
            children: 0,
        }
    }

    /// How the node reads in a breadcrumb.
    fn display_title(&self) -> String {
        if let Some(t) = self.title.as_ref().or(self.lead.as_ref()) {
            return t.clone();
        }
        let first = self.parts.first().map(String::as_str).unwrap_or("");
        let phrase: String = first.chars().take_while(|c| !"，。；：,;:".contains(*c)).collect();
        if phrase.chars().count() > 20 {
            phrase.chars().take(20).chain(['…']).collect()
        } else {
            phrase
        }
    }
}

/// Segments the body lines of one document into clauses.
pub fn segment(lines: &[Line]) -> Vec<Draft> {
    let paras = paragraphs(lines);
    let used_ranks: BTreeSet<u8> = paras.iter().filter_map(|p| marker::parse(&p.text)).map(|m| m.kind.rank()).collect();
    let last_marker = paras.iter().rposition(|p| marker::parse(&p.text).is_some() || marker::bullet(&p.text).is_some());

    let mut nodes = vec![Node::new(NodeKind::Preamble, 0, String::new(), None)];
    const PREAMBLE: usize = 0;
    let mut closing: Option<usize> = None;
    let mut stack: Vec<usize> = Vec::new();
    let mut current = PREAMBLE;
    let mut attachment: Option<(usize, Option<Vec<String>>)> = None;
    let mut attachments = 0;

    for (index, para) in paras.iter().enumerate() {
        let text = para.text.as_str();
        if is_attachment(text) {
            attachments += 1;
            let mut node = Node::new(NodeKind::Attachment, attachments, "附件".into(), None);
            let title = attachment_title(attachment_rest(text).unwrap_or(text));
            node.title = (!title.is_empty()).then(|| title.to_string());
            nodes.push(node);
            stack.clear();
            current = nodes.len() - 1;
            attachment = Some((current, None));
            continue;
        }
        if let Some((att, header)) = attachment.as_mut() {
            let is_cells = para.cells.len() >= 3 && !text.contains('。');
            match header {
                None if is_cells => {
                    *header = Some(para.cells.clone());
                    nodes[*att].table_header = Some(text.to_string());
                    continue;
                }
                Some(h) if is_cells && para.cells[0].parse::<u32>().is_ok() && para.cells.len() >= h.len() => {
                    let mut row =
                        Node::new(NodeKind::Row, para.cells[0].parse().unwrap_or(0), String::new(), Some(*att));
                    row.parts.push(row_text(h, &para.cells));
                    nodes[*att].children += 1;
                    nodes.push(row);
                    continue;
                }
                _ if nodes[*att].title.is_none() && !has_punctuation(text) => {
                    nodes[*att].title = Some(text.to_string());
                    continue;
                }
                _ => {}
            }
        }
        if let Some(m) = marker::parse(text) {
            while stack
                .last()
                .is_some_and(|&top| matches!(nodes[top].kind, NodeKind::Marker(k) if k.rank() >= m.kind.rank()))
            {
                stack.pop();
            }
            let parent = stack.last().copied();
            let mut node = Node::new(NodeKind::Marker(m.kind), m.number, m.kind.label(m.number), parent);
            fill(&mut node, &text[m.rest..]);
            if m.kind == Kind::Article {
                // An article's text is its body, never a heading or a lead phrase: a one-sentence
                // article (`第二条 民法调整…关系。`) is not a title.
                node.heading_only = false;
                node.title = None;
                node.lead = None;
            }
            if let Some(p) = parent {
                nodes[p].children += 1;
            }
            nodes.push(node);
            current = nodes.len() - 1;
            stack.push(current);
            continue;
        }
        if let Some(at) = marker::bullet(text) {
            let parent = stack.last().copied();
            let number = nodes.iter().filter(|n| n.kind == NodeKind::Bullet && n.parent == parent).count() as u32 + 1;
            let mut node = Node::new(NodeKind::Bullet, number, "——".into(), parent);
            fill(&mut node, &text[at..]);
            node.heading_only = false;
            if let Some(p) = parent {
                nodes[p].children += 1;
            }
            nodes.push(node);
            current = nodes.len() - 1;
            continue;
        }
        // A plain paragraph: where does it belong?
        let after_last_marker = last_marker.is_none_or(|last| index > last);
        let target = if current == PREAMBLE && nodes.len() == 1 {
            PREAMBLE
        } else if after_last_marker && !in_article(&nodes, current) && (is_closing(text) || nodes[current].closed) {
            // Only after the last number, and never inside an article: `本法施行前…` after
            // `第二百六十六条 本法自…施行。` is that article's second paragraph.
            *closing.get_or_insert_with(|| {
                nodes.push(Node::new(NodeKind::Closing, 0, String::new(), None));
                nodes.len() - 1
            })
        } else if nodes[current].closed {
            nodes[current].parent.unwrap_or(current)
        } else {
            current
        };
        nodes[target].parts.push(text.to_string());
        nodes[target].closed = find_units(text).is_some();
        current = target;
    }
    emit(&nodes, &used_ranks)
}

/// True when `node` is an article or stands in one.
fn in_article(nodes: &[Node], node: usize) -> bool {
    let mut at = Some(node);
    while let Some(n) = at {
        if nodes[n].kind == NodeKind::Marker(Kind::Article) {
            return true;
        }
        at = nodes[n].parent;
    }
    false
}

/// Splits a numbered paragraph's text into heading and body.
fn fill(node: &mut Node, rest: &str) {
    let sentence_end = rest.find('。');
    let heading_only = rest.chars().count() <= 60
        && sentence_end.is_none_or(|e| e + '。'.len_utf8() == rest.len())
        && !rest.contains([':', '：'])
        && find_units(rest).is_none();
    node.heading_only = heading_only;
    if heading_only {
        let title = rest.trim_end_matches('。');
        node.title = (!title.is_empty()).then(|| title.to_string());
    } else if let Some(cut) = rest.find(['。', '：', ':']) {
        let lead = &rest[..cut];
        let after = rest[cut..].chars().skip(1).count();
        if lead.chars().count() <= 30 && after > 0 && !lead.is_empty() {
            node.lead = Some(lead.to_string());
        }
    }
    if !rest.is_empty() {
        node.parts.push(rest.to_string());
    }
    node.closed = find_units(rest).is_some();
}

/// `领域：云计算和大数据；项目名称：…`, the row's serial number left to the clause id.
fn row_text(header: &[String], cells: &[String]) -> String {
    let n = header.len();
    let mut cells: Vec<String> = cells.to_vec();
    if cells.len() > n {
        let tail = cells.split_off(n - 1).join(" ");
        cells.push(tail);
    }
    header.iter().zip(&cells).skip(1).map(|(h, c)| format!("{h}：{c}")).collect::<Vec<_>>().join("；")
}

/// Closing provisions: when it takes effect, who interprets it, what it replaces.
fn is_closing(text: &str) -> bool {
    let folded = policy_search_normalize::fold(text, policy_search_normalize::FoldTable::full());
    let about_itself = folded.starts_with('本') || folded.starts_with('自') || folded.starts_with("此前");
    about_itself && ["施行", "解释", "执行", "有效期", "废止"].iter().any(|k| folded.contains(k))
}

fn emit(nodes: &[Node], used_ranks: &BTreeSet<u8>) -> Vec<Draft> {
    let mut seen = HashSet::new();
    let mut drafts = Vec::new();
    let several_attachments = nodes.iter().filter(|n| n.kind == NodeKind::Attachment).count() > 1;
    for (i, node) in nodes.iter().enumerate() {
        let mut parts = node.parts.clone();
        if node.kind == NodeKind::Attachment && !parts.is_empty() {
            // An attachment's own paragraphs are cited under its title, which leads them; a table
            // header no row took is one of them.
            let header = node.table_header.iter().filter(|_| node.children == 0);
            parts = node.title.iter().chain(header).chain(&node.parts).cloned().collect();
        }
        let emits = match node.kind {
            NodeKind::Marker(_) => !parts.is_empty() && (!node.heading_only || parts.len() > 1 || node.children == 0),
            _ => !parts.is_empty(),
        };
        if !emits {
            continue;
        }
        let mut id = node_id(nodes, i, used_ranks);
        if !seen.insert(id.clone()) {
            let mut n = 2;
            while !seen.insert(format!("{id}~{n}")) {
                n += 1;
            }
            id = format!("{id}~{n}");
        }
        let heading = node.title.as_ref().or(node.lead.as_ref());
        let heading_len = heading.map_or(0, |h| h.chars().count());
        let mut path = Vec::new();
        let mut up = node.parent;
        while let Some(p) = up {
            let label = if nodes[p].kind == NodeKind::Attachment && several_attachments {
                format!("附件{}", nodes[p].number)
            } else {
                nodes[p].label.clone()
            };
            path.push(Heading { label, title: nodes[p].display_title() });
            up = nodes[p].parent;
        }
        path.reverse();
        drafts.push(Draft { id, label: node.label.clone(), path, heading_len, text: parts.join("\n") });
    }
    drafts
}

fn node_id(nodes: &[Node], i: usize, used_ranks: &BTreeSet<u8>) -> String {
    let node = &nodes[i];
    match node.kind {
        NodeKind::Preamble => return "preamble".into(),
        NodeKind::Closing => return "closing".into(),
        NodeKind::Attachment => return format!("att{}", node.number),
        NodeKind::Row => return format!("{}.{}", node_id(nodes, node.parent.unwrap_or(0), used_ranks), node.number),
        NodeKind::Bullet => {
            return match node.parent {
                Some(p) => format!("{}.b{}", node_id(nodes, p, used_ranks), node.number),
                None => format!("b{}", node.number),
            }
        }
        NodeKind::Marker(_) => {}
    }
    let mut numbers = Vec::new();
    let mut root_rank = 0;
    let mut at = Some(i);
    while let Some(n) = at {
        if let NodeKind::Marker(k) = nodes[n].kind {
            // Articles are numbered through the whole document (第一千二百六十条 of a code), so
            // an article is cited by its own number, whatever 编/章/节 it stands in: `art1260`.
            if k == Kind::Article {
                numbers.push(format!("art{}", nodes[n].number));
                break;
            }
            numbers.push(nodes[n].number.to_string());
            root_rank = k.rank();
        }
        at = nodes[n].parent;
    }
    // A document that starts mid-way: one `0` per numbering level it never shows.
    if !numbers.last().is_some_and(|n| n.starts_with("art")) {
        numbers.extend(used_ranks.range(..root_rank).map(|_| "0".to_string()));
    }
    numbers.reverse();
    numbers.join(".")
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
