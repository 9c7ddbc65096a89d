//! The postings section: for each key, in ordinal order, the ascending clause numbers that
//! contain it — and, in a sharded build, where in each clause.
//!
//! ```text
//! count: u32 LE                       number of lists
//! flags: u32 LE                       bit 0: the lists carry positions
//! samples: u32 LE × ceil(count / 32)  byte offset (from the start of the lists) of list 32·j
//! lists: per list, varint byte length, then per clause:
//!     clause number, delta-encoded varint (first absolute)
//!     with positions only: count varint, then the character offsets, delta-encoded varints
//! ```
//!
//! List `i` is found from sample `i / 32` by skipping at most 31 length-prefixed lists, in
//! place: no offsets table is built at start-up.
//!
//! Why two shapes: an embedded index verifies candidates against clause text it holds anyway,
//! so positions would only add bytes (about 25 KB brotli on the seeds). A sharded index keeps
//! clause text in chunks that are fetched only for the clauses shown, so its postings carry the
//! offsets of every occurrence and a match is decided from them alone.

use crate::bytes::{u32_le, Reader};

/// Lists between two samples.
pub const SAMPLE_EVERY: usize = 32;

/// One clause of a positional list: its number and the character offsets of the key in its
/// folded text, ascending.
pub type Occurrences = (u32, Vec<u32>);

/// A postings section, borrowed.
#[derive(Clone, Copy, Debug)]
pub struct Postings<'a> {
    count: usize,
    positional: bool,
    samples: &'a [u8],
    lists: &'a [u8],
}

impl<'a> Postings<'a> {
    /// Checks the shape of the section.
    pub fn new(bytes: &'a [u8]) -> Option<Postings<'a>> {
        let postings = Postings::unchecked(bytes)?;
        let in_bounds = (0..postings.samples.len() / 4)
            .all(|j| u32_le(postings.samples, j * 4).is_some_and(|o| o as usize <= postings.lists.len()));
        in_bounds.then_some(postings)
    }

    /// Reads the head of a section [`Postings::new`] has checked once already (a loaded shard
    /// is opened on every lookup; its samples are checked when it is added).
    pub fn unchecked(bytes: &'a [u8]) -> Option<Postings<'a>> {
        let count = u32_le(bytes, 0)? as usize;
        let positional = u32_le(bytes, 4)? & 1 == 1;
        let samples_len = count.div_ceil(SAMPLE_EVERY).checked_mul(4)?;
        let samples = bytes.get(8..8 + samples_len)?;
        let lists = bytes.get(8 + samples_len..)?;
        Some(Postings { count, positional, samples, lists })
    }

    /// Number of lists.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Whether the lists carry positions.
    pub fn positional(&self) -> bool {
        self.positional
    }

    /// The encoded list `ordinal` (empty if out of range or malformed).
    fn raw(&self, ordinal: usize) -> &'a [u8] {
        if ordinal >= self.count {
            return &[];
        }
        let Some(start) = u32_le(self.samples, ordinal / SAMPLE_EVERY * 4) else { return &[] };
        let mut r = Reader::new(self.lists.get(start as usize..).unwrap_or_default());
        for _ in 0..ordinal % SAMPLE_EVERY {
            let Some(len) = r.u32() else { return &[] };
            if r.skip(len as usize).is_none() {
                return &[];
            }
        }
        r.u32().and_then(|len| r.take(len as usize)).unwrap_or_default()
    }

    /// The clause numbers of list `ordinal`, ascending (empty if out of range or malformed).
    pub fn list(&self, ordinal: usize) -> Vec<u32> {
        let mut out = Vec::new();
        self.decode(ordinal, |clause, _| out.push(clause));
        out
    }

    /// The clauses of list `ordinal` with the offsets of the key in each (empty offsets in a
    /// section without positions).
    pub fn occurrences(&self, ordinal: usize) -> Vec<Occurrences> {
        let mut out = Vec::new();
        self.decode(ordinal, |clause, at| out.push((clause, at.to_vec())));
        out
    }

    /// Calls `each(clause, offsets)` for every clause of list `ordinal`, in order.
    fn decode(&self, ordinal: usize, mut each: impl FnMut(u32, &[u32])) {
        let mut r = Reader::new(self.raw(ordinal));
        let (mut clause, mut first, mut at) = (0u32, true, Vec::new());
        while !r.is_empty() {
            let Some(delta) = r.u32() else { return };
            clause = if first { delta } else { clause.saturating_add(delta) };
            first = false;
            at.clear();
            if self.positional {
                let Some(n) = r.u32() else { return };
                let mut p = 0u32;
                for j in 0..n {
                    let Some(d) = r.u32() else { return };
                    p = if j == 0 { d } else { p.saturating_add(d) };
                    at.push(p);
                }
            }
            each(clause, &at);
        }
    }
}

/// Writes the section from the lists in ordinal order; with `positional`, each clause's
/// offsets are stored after it (otherwise they are ignored).
#[cfg(feature = "write")]
pub fn write(lists: &[Vec<Occurrences>], positional: bool) -> Vec<u8> {
    use crate::bytes::put_varint;
    let mut body = Vec::new();
    let mut samples = Vec::new();
    for (i, list) in lists.iter().enumerate() {
        if i % SAMPLE_EVERY == 0 {
            samples.extend((body.len() as u32).to_le_bytes());
        }
        let mut encoded = Vec::new();
        let mut previous = 0;
        for (j, (c, at)) in list.iter().enumerate() {
            put_varint(&mut encoded, u64::from(if j == 0 { *c } else { c - previous }));
            previous = *c;
            if positional {
                put_varint(&mut encoded, at.len() as u64);
                let mut p = 0;
                for (k, &a) in at.iter().enumerate() {
                    put_varint(&mut encoded, u64::from(if k == 0 { a } else { a - p }));
                    p = a;
                }
            }
        }
        put_varint(&mut body, encoded.len() as u64);
        body.extend(encoded);
    }
    let mut out = (lists.len() as u32).to_le_bytes().to_vec();
    out.extend(u32::from(positional).to_le_bytes());
    out.extend(samples);
    out.extend(body);
    out
}

#[cfg(all(test, feature = "write"))]
mod tests {
    use super::*;

    #[test]
    fn every_list_reads_back_across_sample_boundaries() {
        let lists: Vec<Vec<Occurrences>> = (0..100u32)
            .map(|i| (0..i % 7).map(|j| (j * 300 + i, (0..=j).map(|k| k * 5 + i).collect())).collect())
            .collect();
        for positional in [false, true] {
            let bytes = write(&lists, positional);
            let postings = Postings::new(&bytes).unwrap();
            assert_eq!(postings.len(), 100);
            assert_eq!(postings.positional(), positional);
            for (i, list) in lists.iter().enumerate() {
                let clauses: Vec<u32> = list.iter().map(|o| o.0).collect();
                assert_eq!(postings.list(i), clauses, "list {i}");
                if positional {
                    assert_eq!(&postings.occurrences(i), list, "list {i}");
                }
            }
            assert!(postings.list(100).is_empty());
            assert!(Postings::new(&bytes[..6]).is_none());
        }
    }
}
