//! The postings section: for each key, in ordinal order, the ascending clause numbers that
//! contain it.
//!
//! ```text
//! count: u32 LE                       number of lists
//! samples: u32 LE × ceil(count / 32)  byte offset (from the start of the lists) of list 32·j
//! lists: per list, varint byte length, then delta-encoded varint clause numbers
//! ```
//!
//! List `i` is found from sample `i / 32` by skipping at most 31 length-prefixed lists, in
//! place: no offsets table is built at start-up. Postings hold no positions: the engine
//! verifies candidates against the clause text (folded on first use), which keeps this section
//! small and makes every match exact.

use crate::bytes::{u32_le, Reader};

/// Lists between two samples.
pub const SAMPLE_EVERY: usize = 32;

/// A postings section, borrowed.
#[derive(Clone, Copy, Debug)]
pub struct Postings<'a> {
    count: usize,
    samples: &'a [u8],
    lists: &'a [u8],
}

impl<'a> Postings<'a> {
    /// Checks the shape of the section.
    pub fn new(bytes: &'a [u8]) -> Option<Postings<'a>> {
        let count = u32_le(bytes, 0)? as usize;
        let samples_len = count.div_ceil(SAMPLE_EVERY).checked_mul(4)?;
        let samples = bytes.get(4..4 + samples_len)?;
        let lists = bytes.get(4 + samples_len..)?;
        let postings = Postings { count, samples, lists };
        let in_bounds = (0..samples_len / 4).all(|j| u32_le(samples, j * 4).is_some_and(|o| o as usize <= lists.len()));
        in_bounds.then_some(postings)
    }

    /// Number of lists.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The clause numbers of list `ordinal`, ascending (empty if out of range or malformed).
    pub fn list(&self, ordinal: usize) -> Vec<u32> {
        if ordinal >= self.count {
            return Vec::new();
        }
        let Some(start) = u32_le(self.samples, ordinal / SAMPLE_EVERY * 4) else { return Vec::new() };
        let mut r = Reader::new(self.lists.get(start as usize..).unwrap_or_default());
        for _ in 0..ordinal % SAMPLE_EVERY {
            let Some(len) = r.u32() else { return Vec::new() };
            if r.skip(len as usize).is_none() {
                return Vec::new();
            }
        }
        let Some(len) = r.u32() else { return Vec::new() };
        r.take(len as usize).map(decode).unwrap_or_default()
    }
}

fn decode(list: &[u8]) -> Vec<u32> {
    let mut r = Reader::new(list);
    let mut out = Vec::new();
    let mut current = 0u32;
    while !r.is_empty() {
        let Some(delta) = r.u32() else { break };
        current = if out.is_empty() { delta } else { current.saturating_add(delta) };
        out.push(current);
    }
    out
}

/// Writes the section from the lists in ordinal order.
#[cfg(feature = "write")]
pub fn write(lists: &[Vec<u32>]) -> Vec<u8> {
    use crate::bytes::put_varint;
    let mut body = Vec::new();
    let mut samples = Vec::new();
    for (i, list) in lists.iter().enumerate() {
        if i % SAMPLE_EVERY == 0 {
            samples.extend((body.len() as u32).to_le_bytes());
        }
        let mut encoded = Vec::new();
        let mut previous = 0;
        for (j, &c) in list.iter().enumerate() {
            put_varint(&mut encoded, u64::from(if j == 0 { c } else { c - previous }));
            previous = c;
        }
        put_varint(&mut body, encoded.len() as u64);
        body.extend(encoded);
    }
    let mut out = (lists.len() as u32).to_le_bytes().to_vec();
    out.extend(samples);
    out.extend(body);
    out
}

#[cfg(all(test, feature = "write"))]
mod tests {
    use super::*;

    #[test]
    fn every_list_reads_back_across_sample_boundaries() {
        let lists: Vec<Vec<u32>> = (0..100u32).map(|i| (0..i % 7).map(|j| j * 300 + i).collect()).collect();
        let bytes = write(&lists);
        let postings = Postings::new(&bytes).unwrap();
        assert_eq!(postings.len(), 100);
        for (i, list) in lists.iter().enumerate() {
            assert_eq!(&postings.list(i), list, "list {i}");
        }
        assert!(postings.list(100).is_empty());
        assert!(Postings::new(&bytes[..6]).is_none());
    }
}
