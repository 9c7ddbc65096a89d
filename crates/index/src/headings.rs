//! The headings section: every heading that stands above some clause, stored once.
//!
//! A table (see [`crate::bytes::put_table`]) of records `parent + 1 (varint, 0 = none) |
//! label (str) | title (str)`. A clause names its innermost heading; the breadcrumb is the
//! chain of parents. Invariant: a parent is always stored before its children.

use crate::bytes::{Reader, Table};

/// One heading as read from the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heading<'a> {
    /// Numbering as cited, e.g. `（四）`.
    pub label: &'a str,
    /// Title or lead phrase.
    pub title: &'a str,
}

/// Writes one heading record.
#[cfg(feature = "write")]
pub fn record(parent: Option<u32>, label: &str, title: &str) -> Vec<u8> {
    let mut out = Vec::new();
    crate::bytes::put_varint(&mut out, parent.map_or(0, |p| u64::from(p) + 1));
    crate::bytes::put_str(&mut out, label);
    crate::bytes::put_str(&mut out, title);
    out
}

/// The chain of headings ending at `innermost`, outermost first.
pub fn path<'a>(table: &Table<'a>, innermost: Option<u32>) -> Vec<Heading<'a>> {
    let mut out = Vec::new();
    let mut next = innermost;
    while let Some(i) = next {
        let Some(mut r) = table.get(i as usize).map(Reader::new) else { break };
        let parent = r.u32().unwrap_or(0);
        out.push(Heading { label: r.str().unwrap_or(""), title: r.str().unwrap_or("") });
        // Parents come first, so a parent index is always smaller: no cycles.
        next = parent.checked_sub(1).filter(|&p| p < i);
    }
    out.reverse();
    out
}
