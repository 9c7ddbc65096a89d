//! The synonyms section: a table whose record *i* lists the words (folded, `str…` with a
//! varint count) that a vocabulary word with `synonyms == Some(i)` also finds. Words that
//! share one expansion share one record.

use crate::bytes::{Reader, Table};

/// The words of record `i` (empty when out of range or malformed).
pub fn read<'a>(table: &Table<'a>, i: u32) -> Vec<&'a str> {
    table.get(i as usize).and_then(|r| Reader::new(r).strs()).unwrap_or_default()
}

/// One record.
#[cfg(feature = "write")]
pub fn record(words: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    crate::bytes::put_strs(&mut out, words);
    out
}
