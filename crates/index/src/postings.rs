//! The postings section: for each key, the ascending clause numbers that contain it, as
//! delta-encoded varints. The terms FST points at each list by (offset, length).
//!
//! Postings hold no positions: the engine verifies candidates against the clause text (folded
//! on first use), which keeps this section small and makes every match exact.

use crate::bytes::Reader;

/// Appends a posting list; returns its (offset, length) in the section.
#[cfg(feature = "write")]
pub fn write(section: &mut Vec<u8>, clauses: &[u32]) -> (u64, u64) {
    let start = section.len();
    let mut previous = 0;
    for (i, &c) in clauses.iter().enumerate() {
        crate::bytes::put_varint(section, u64::from(if i == 0 { c } else { c - previous }));
        previous = c;
    }
    (start as u64, (section.len() - start) as u64)
}

/// Decodes one posting list. Stops early on malformed bytes.
pub fn read(list: &[u8]) -> Vec<u32> {
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

/// Packs a list's place in the postings section into the FST's `u64` value.
pub fn pack(offset: u64, len: u64) -> u64 {
    offset << 24 | len
}

/// Unpacks [`pack`].
pub fn unpack(value: u64) -> (usize, usize) {
    ((value >> 24) as usize, (value & 0xff_ffff) as usize)
}
