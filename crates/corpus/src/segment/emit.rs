//! Clauses from the tree: every node that holds text is a clause, with its id (the numbering
//! path: `1.2.3`, `art12`, `1.b2`, `att1.3`, `preamble`, `closing`; a `0` per level a document
//! that starts mid-way never shows; `~2` for a number repeated in one place), its breadcrumb
//! (the headings above it) and the length of its heading.

use std::collections::{BTreeSet, HashSet};

use super::{
    marker::Kind,
    tree::{Node, NodeKind},
    Draft, Heading,
};

pub(super) fn emit(nodes: &[Node], used_ranks: &BTreeSet<u8>) -> Vec<Draft> {
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

pub(super) fn node_id(nodes: &[Node], i: usize, used_ranks: &BTreeSet<u8>) -> String {
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
