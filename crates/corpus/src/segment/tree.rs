//! The tree of numbered nodes: each marker closes every open marker of equal or greater rank
//! and opens under the one left, so a document that starts mid-way still nests; a numbered
//! paragraph is a heading (its title alone) or a clause with an inline body (its lead phrase);
//! an article holds its paragraphs (款); plain paragraphs continue the last node, except the
//! 施行/解释 provisions after the last number, which are the closing.

use super::{
    attachment::{attachment_rest, attachment_title, is_attachment, row_text},
    marker::{self, Kind},
    paragraphs::{has_punctuation, Para},
};
use crate::units::find_units;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NodeKind {
    Preamble,
    Closing,
    Marker(Kind),
    Bullet,
    Attachment,
    Row,
}

#[derive(Debug)]
pub(super) struct Node {
    pub(super) kind: NodeKind,
    pub(super) number: u32,
    pub(super) label: String,
    pub(super) parent: Option<usize>,
    /// Title of a heading-only node.
    pub(super) title: Option<String>,
    /// Lead phrase of an inline-body node.
    pub(super) lead: Option<String>,
    pub(super) parts: Vec<String>,
    pub(super) heading_only: bool,
    /// An attachment's table header, read into its rows' text (`领域：…`).
    pub(super) table_header: Option<String>,
    /// Ended by a responsibility tag: nothing more flows into it.
    pub(super) closed: bool,
    pub(super) children: u32,
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
    pub(super) fn display_title(&self) -> String {
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

/// The tree of `paras`: a node per numbered paragraph, bullet, attachment and table row, under
/// the open node of lower rank; each plain paragraph added to the node it continues (the
/// preamble, the closing, or the last node).
pub(super) fn build(paras: &[Para]) -> Vec<Node> {
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
    nodes
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

/// Closing provisions: when it takes effect, who interprets it, what it replaces.
fn is_closing(text: &str) -> bool {
    let folded = policy_search_normalize::fold(text, policy_search_normalize::FoldTable::full());
    let about_itself = folded.starts_with('本') || folded.starts_with('自') || folded.starts_with("此前");
    about_itself && ["施行", "解释", "执行", "有效期", "废止"].iter().any(|k| folded.contains(k))
}
