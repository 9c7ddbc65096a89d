//! The clauses section: each clause's numbers — what ranking and breadcrumbs need, in the core
//! of every index (a sharded one included), so scoring a candidate reads no text.
//!
//! ```text
//! total_chars: u32 LE                    sum of clause lengths (BM25's average length)
//! count: u32 LE                          clauses
//! docs: varint, then per document its first clause, delta varints (documents hold
//!       consecutive clauses, in order)
//! per clause: heading + 1 (0 = none), zigzag varint of the change from the clause before
//!             heading_len varint | units_start + 1 varint (0 = none) [| units_end varint]
//!             char_len varint
//! ```
//!
//! No per-record offsets and no document number per clause: at 100× the seeds that halved the
//! section (the offsets alone were 4 of ~12 bytes a clause). The records are decoded once, on
//! first use, into a table of fixed-size entries (a few ms at 30 000 clauses).

use std::ops::Range;

use std::cell::OnceCell;

use crate::{
    bytes::{u32_le, Reader},
    texts::{ClauseStrings, Keywords},
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
    /// Its keywords, as spans of `text`.
    pub keywords: Keywords<'a>,
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
            keywords: s.keywords,
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

/// The clauses section, borrowed; its records decoded on first use.
#[derive(Clone, Debug)]
pub struct Clauses<'a> {
    total_chars: u32,
    count: u32,
    body: &'a [u8],
    decoded: OnceCell<Vec<ClauseNumbers>>,
}

impl<'a> Clauses<'a> {
    /// Reads the head of the section.
    pub fn new(bytes: &'a [u8]) -> Option<Clauses<'a>> {
        let (total_chars, count) = (u32_le(bytes, 0)?, u32_le(bytes, 4)?);
        Some(Clauses { total_chars, count, body: bytes.get(8..)?, decoded: OnceCell::new() })
    }

    /// Number of clauses.
    pub fn len(&self) -> u32 {
        self.count
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Sum of clause lengths in characters.
    pub fn total_chars(&self) -> u32 {
        self.total_chars
    }

    /// The numbers of clause `i`.
    pub fn get(&self, i: u32) -> Option<ClauseNumbers> {
        self.decoded.get_or_init(|| decode(self.body, self.count).unwrap_or_default()).get(i as usize).cloned()
    }
}

/// Every record, or `None` for a malformed section.
fn decode(body: &[u8], count: u32) -> Option<Vec<ClauseNumbers>> {
    let mut r = Reader::new(body);
    let docs = r.u32()?;
    let mut starts = Vec::with_capacity(docs as usize);
    let mut at = 0u32;
    for _ in 0..docs {
        at = at.checked_add(r.u32()?)?;
        starts.push(at);
    }
    let mut out = Vec::with_capacity(count.min(1 << 20) as usize);
    let (mut heading, mut doc) = (0i64, 0usize);
    for i in 0..count {
        while doc + 1 < starts.len() && starts[doc + 1] <= i {
            doc += 1;
        }
        let change = r.varint()?;
        heading += ((change >> 1) as i64) ^ -((change & 1) as i64);
        let heading_len = r.u32()?;
        let units_span = match r.u32()? {
            0 => None,
            start => Some(start - 1..r.u32()?),
        };
        out.push(ClauseNumbers {
            doc: doc as u32,
            heading_node: u32::try_from(heading).ok()?.checked_sub(1),
            heading_len,
            units_span,
            char_len: r.u32()?,
        });
    }
    Some(out)
}

/// Writes the section. `clauses` must be in document order.
#[cfg(feature = "write")]
pub fn write(clauses: &[ClauseNumbers], docs: u32) -> Vec<u8> {
    use crate::bytes::put_varint;
    let total: u32 = clauses.iter().map(|c| c.char_len).sum();
    let mut out = total.to_le_bytes().to_vec();
    out.extend((clauses.len() as u32).to_le_bytes());
    put_varint(&mut out, u64::from(docs));
    let mut previous = 0;
    for d in 0..docs {
        let first = clauses.partition_point(|c| c.doc < d) as u32;
        put_varint(&mut out, u64::from(first - previous));
        previous = first;
    }
    let mut heading = 0i64;
    for c in clauses {
        let next = c.heading_node.map_or(0, |h| i64::from(h) + 1);
        let change = next - heading;
        put_varint(&mut out, ((change << 1) ^ (change >> 63)) as u64);
        heading = next;
        put_varint(&mut out, u64::from(c.heading_len));
        match &c.units_span {
            None => put_varint(&mut out, 0),
            Some(s) => {
                put_varint(&mut out, u64::from(s.start) + 1);
                put_varint(&mut out, u64::from(s.end));
            }
        }
        put_varint(&mut out, u64::from(c.char_len));
    }
    out
}

#[cfg(all(test, feature = "write"))]
mod tests {
    use super::*;

    #[test]
    fn every_record_reads_back() {
        let c = |doc, heading_node, units_span, char_len| ClauseNumbers {
            doc,
            heading_node,
            heading_len: char_len / 3,
            units_span,
            char_len,
        };
        let clauses = vec![
            c(0, None, None, 10),
            c(0, Some(4), Some(2..9), 300),
            c(2, Some(1), None, 7),
            c(2, Some(70_000), None, 1),
            c(3, None, None, 0),
        ];
        let bytes = write(&clauses, 4);
        let section = Clauses::new(&bytes).unwrap();
        assert_eq!((section.len(), section.total_chars()), (5, 318));
        for (i, want) in clauses.iter().enumerate() {
            assert_eq!(section.get(i as u32).as_ref(), Some(want), "{i}");
        }
        assert_eq!(section.get(5), None);
    }
}
