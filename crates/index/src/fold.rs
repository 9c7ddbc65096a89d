//! The fold section: the fold table the query side folds with ([`FoldTable`]: the entries whose
//! targets occur in the folded corpus), packed.
//!
//! ```text
//! count                      varint
//! count source distances     varint: the first source's code point, then each one's distance
//!                            from the previous, less 1 (sources strictly ascend)
//! count targets              varint: zigzag of target − source
//! ```
//!
//! Sources cluster in the CJK block and a Traditional character's Simplified form is usually
//! near it, so the seeds' 1 488 entries take 5.6 KB instead of 11.9 as `u32` pairs (2.9 KB
//! brotli instead of 4.1). The table is unpacked once, when the index opens.

use policy_search_normalize::FoldTable;

use crate::bytes::Reader;

/// Packs `table`.
#[cfg(feature = "write")]
pub fn write(table: &FoldTable) -> Vec<u8> {
    use crate::bytes::{put_ascending, put_varint};
    let mut out = Vec::new();
    put_varint(&mut out, table.len() as u64);
    put_ascending(&mut out, table.entries().map(|(from, _)| from));
    for (from, to) in table.entries() {
        let distance = i64::from(to) - i64::from(from);
        put_varint(&mut out, ((distance << 1) ^ (distance >> 63)) as u64);
    }
    out
}

/// Unpacks a section; `None` unless it is whole and its entries make a table
/// ([`FoldTable::from_bytes`]: sources ascending, every code point a non-ASCII character).
pub fn read(bytes: &[u8]) -> Option<FoldTable> {
    let mut r = Reader::new(bytes);
    let count = usize::try_from(r.varint()?).ok()?;
    // Each entry takes at least two bytes: a count larger than that is corrupt, not a reason
    // to reserve gigabytes.
    let mut sources: Vec<u32> = Vec::with_capacity(count.min(bytes.len() / 2));
    for _ in 0..count {
        sources.push(r.ascending(sources.last().copied())?);
    }
    let mut entries = Vec::with_capacity(sources.len() * policy_search_normalize::ENTRY_BYTES);
    for from in sources {
        let zigzag = r.varint()?;
        let distance = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
        let to = u32::try_from(i64::from(from).checked_add(distance)?).ok()?;
        entries.extend_from_slice(&from.to_le_bytes());
        entries.extend_from_slice(&to.to_le_bytes());
    }
    (r.is_empty()).then_some(())?;
    FoldTable::from_bytes(entries).ok()
}

#[cfg(all(test, feature = "write"))]
mod tests {
    use super::*;

    #[test]
    fn a_table_round_trips_and_a_cut_section_is_refused() {
        let table = FoldTable::from_pairs([('們', '们'), ('０', '0'), ('國', '国'), ('（', '(')]);
        let bytes = write(&table);
        assert!(bytes.len() < table.as_bytes().len(), "{} bytes", bytes.len());
        assert_eq!(read(&bytes), Some(table));
        assert_eq!(read(&bytes[..bytes.len() - 1]), None);
        assert_eq!(read(&[bytes.as_slice(), &[0]].concat()), None, "a byte too many");
        assert_eq!(read(&[0xFF, 0xFF, 0xFF, 0xFF, 0x0F]), None, "a count with no entries");
    }
}
