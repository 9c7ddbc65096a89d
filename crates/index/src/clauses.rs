//! The clauses section: the clause store, in document order.
//!
//! `total_chars: u32 LE` (for BM25's average length), then a table of records:
//! `doc | heading + 1 | heading_len | units_start + 1 | units_end | char_len` (varints, `0` =
//! none), then `id | label | units count | units… | text` (strings). `text` is the display
//! text in the original script; its folded form is computed on demand, never stored.

use std::ops::Range;

use crate::bytes::{Reader, Table};

/// One clause as read from the index; every string is borrowed from the index bytes.
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

/// The numeric head of a record: what ranking needs, read without touching (or validating)
/// its strings, so scoring a candidate costs a few varints rather than a pass over its text.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// Writes one clause record.
#[cfg(feature = "write")]
pub fn record(c: &ClauseView<'_>) -> Vec<u8> {
    use crate::bytes::{put_str, put_strs, put_varint};
    let mut out = Vec::new();
    put_varint(&mut out, u64::from(c.doc));
    put_varint(&mut out, c.heading_node.map_or(0, |h| u64::from(h) + 1));
    put_varint(&mut out, u64::from(c.heading_len));
    let (start, end) = c.units_span.clone().map_or((0, 0), |s| (u64::from(s.start) + 1, u64::from(s.end)));
    put_varint(&mut out, start);
    put_varint(&mut out, end);
    put_varint(&mut out, u64::from(c.char_len));
    put_str(&mut out, c.id);
    put_str(&mut out, c.label);
    put_strs(&mut out, &c.units);
    put_str(&mut out, c.text);
    out
}

/// Reads record `i`.
pub fn read<'a>(table: &Table<'a>, i: u32) -> Option<ClauseView<'a>> {
    let mut r = Reader::new(table.get(i as usize)?);
    let ClauseNumbers { doc, heading_node, heading_len, units_span, char_len } = read_numbers(&mut r)?;
    let id = r.str()?;
    let label = r.str()?;
    let units = r.strs()?;
    let text = r.str()?;
    Some(ClauseView { doc, heading_node, heading_len, units_span, char_len, id, label, units, text })
}
