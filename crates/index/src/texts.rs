//! The texts section: the strings of a run of consecutive clauses — what is shown and cited,
//! never what is searched (the `clauses` section holds what ranking needs).
//!
//! `first: u32 LE` (the number of the first clause held), then a table of records
//! `id | label | units count | units… | text` (strings), then the clause's keywords: a varint
//! count, then per keyword its character start and length in `text` (varints). `text` is the
//! display text in the original script; its folded form is computed on demand, never stored.
//! The keywords are the words most particular to the clause (chosen by the build:
//! `policy_search_lexicon::keywords`), what related searches are made of; spans of the text
//! rather than strings, so they cost a few bytes a clause (version 12). An embedded index
//! holds every clause's strings in its own texts section (`first` = 0); a sharded one holds
//! none and keeps them in text chunks ([`crate::shards`]), each one such section.

use crate::bytes::{u32_le, Reader, Table};

/// The strings of one clause, borrowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClauseStrings<'a> {
    /// Stable id within the document.
    pub id: &'a str,
    /// Own numbering label.
    pub label: &'a str,
    /// Responsible units.
    pub units: Vec<&'a str>,
    /// Display text.
    pub text: &'a str,
    /// Its keywords, as spans of `text`.
    pub keywords: Keywords<'a>,
}

/// A clause's keywords as character spans `[start, len]` of its text, read when iterated (the
/// browser's exact module, which makes no related search, never decodes them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Keywords<'a> {
    bytes: &'a [u8],
}

impl<'a> Keywords<'a> {
    /// Encodes `spans` (`[start, len]` in characters).
    #[cfg(feature = "write")]
    pub fn encode(spans: &[[u32; 2]]) -> Vec<u8> {
        let mut out = Vec::new();
        crate::bytes::put_varint(&mut out, spans.len() as u64);
        spans.iter().flatten().for_each(|&n| crate::bytes::put_varint(&mut out, u64::from(n)));
        out
    }

    /// Keywords encoded by [`Keywords::encode`].
    pub fn new(bytes: &'a [u8]) -> Keywords<'a> {
        Keywords { bytes }
    }

    /// The spans `[start, len]`, in characters of the text; a corrupt list ends early.
    pub fn spans(&self) -> impl Iterator<Item = [u32; 2]> + 'a {
        let mut r = Reader::new(self.bytes);
        let n = r.u32().unwrap_or(0);
        (0..n).map_while(move |_| Some([r.u32()?, r.u32()?]))
    }
}

/// A texts section, borrowed.
#[derive(Clone, Copy, Debug)]
pub struct Texts<'a> {
    first: u32,
    table: Table<'a>,
}

impl<'a> Texts<'a> {
    /// Checks the shape of the section.
    pub fn new(bytes: &'a [u8]) -> Option<Texts<'a>> {
        Some(Texts { first: u32_le(bytes, 0)?, table: Table::new(bytes.get(4..)?)? })
    }

    /// The clause numbers held.
    pub fn range(&self) -> std::ops::Range<u32> {
        self.first..self.first + self.table.len() as u32
    }

    /// The strings of clause `clause`, if this section holds it.
    pub fn get(&self, clause: u32) -> Option<ClauseStrings<'a>> {
        let mut r = Reader::new(self.table.get(clause.checked_sub(self.first)? as usize)?);
        let (id, label, units, text) = (r.str()?, r.str()?, r.strs()?, r.str()?);
        Some(ClauseStrings { id, label, units, text, keywords: Keywords::new(r.rest()) })
    }
}

/// Writes a section holding `records` for the clauses from `first` on.
#[cfg(feature = "write")]
pub fn write(first: u32, records: &[ClauseStrings<'_>]) -> Vec<u8> {
    use crate::bytes::{put_str, put_strs, put_table};
    let encoded: Vec<Vec<u8>> = records
        .iter()
        .map(|c| {
            let mut out = Vec::new();
            put_str(&mut out, c.id);
            put_str(&mut out, c.label);
            put_strs(&mut out, &c.units);
            put_str(&mut out, c.text);
            out.extend_from_slice(c.keywords.bytes);
            out
        })
        .collect();
    let mut out = first.to_le_bytes().to_vec();
    out.extend(put_table(&encoded));
    out
}
