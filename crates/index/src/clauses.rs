//! The clauses section: the clause store, in document order.
//!
//! `total_chars: u32 LE` (for BM25's average length), then a table of records:
//! `doc | heading + 1 | heading_len | units_start + 1 | units_end | char_len` (varints, `0` =
//! none): what ranking and breadcrumbs need, always in the core. The clause's strings are in
//! [`crate::texts`]; [`ClauseView`] joins the two.

use std::ops::Range;

use crate::{
    bytes::{Reader, Table},
    texts::ClauseStrings,
};

/// One clause as read from the index: its numbers and its strings (borrowed from the index
/// or from the text chunk holding them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClauseView<'a> {
    /// Document number.
    pub doc: u32,
    /// Innermost heading above it.
    pub heading_node: Option<u32>,
    /// Characters of `text` that are its heading or lead phrase.
    pub heading_len: u32,
    /// Characters of `text` that are its responsibility tag.
    pub units_span: Option<Range<u32>>,
    /// Length of `text` in characters.
    pub char_len: u32,
    /// Stable id within the document.
    pub id: &'a str,
    /// Own numbering label.
    pub label: &'a str,
    /// Responsible units.
    pub units: Vec<&'a str>,
    /// Display text.
    pub text: &'a str,
}

impl<'a> ClauseView<'a> {
    /// A clause from its numbers and its strings.
    pub fn join(n: ClauseNumbers, s: ClauseStrings<'a>) -> ClauseView<'a> {
        ClauseView {
            doc: n.doc,
            heading_node: n.heading_node,
            heading_len: n.heading_len,
            units_span: n.units_span,
            char_len: n.char_len,
            id: s.id,
            label: s.label,
            units: s.units,
            text: s.text,
        }
    }
}

/// The numeric record of a clause: what ranking and breadcrumbs need, in the core of every
/// index, so scoring a candidate costs a few varints and no text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClauseNumbers {
    /// Document number.
    pub doc: u32,
    /// Innermost heading above it.
    pub heading_node: Option<u32>,
    /// Characters of the text that are its heading or lead phrase.
    pub heading_len: u32,
    /// Characters of the text that are its responsibility tag.
    pub units_span: Option<Range<u32>>,
    /// Length of the text in characters.
    pub char_len: u32,
}

fn read_numbers(r: &mut Reader<'_>) -> Option<ClauseNumbers> {
    let doc = r.u32()?;
    let heading_node = r.u32()?.checked_sub(1);
    let heading_len = r.u32()?;
    let (start, end) = (r.u32()?, r.u32()?);
    let char_len = r.u32()?;
    Some(ClauseNumbers { doc, heading_node, heading_len, units_span: start.checked_sub(1).map(|s| s..end), char_len })
}

/// Reads the numeric head of record `i`.
pub fn numbers(table: &Table<'_>, i: u32) -> Option<ClauseNumbers> {
    read_numbers(&mut Reader::new(table.get(i as usize)?))
}

/// Writes the numeric record of one clause.
#[cfg(feature = "write")]
pub fn record(c: &ClauseNumbers) -> Vec<u8> {
    use crate::bytes::put_varint;
    let mut out = Vec::new();
    put_varint(&mut out, u64::from(c.doc));
    put_varint(&mut out, c.heading_node.map_or(0, |h| u64::from(h) + 1));
    put_varint(&mut out, u64::from(c.heading_len));
    let (start, end) = c.units_span.clone().map_or((0, 0), |s| (u64::from(s.start) + 1, u64::from(s.end)));
    put_varint(&mut out, start);
    put_varint(&mut out, end);
    put_varint(&mut out, u64::from(c.char_len));
    out
}
