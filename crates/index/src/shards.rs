//! The shards section: the directory of a sharded index — which files beside the wasm hold
//! the keys and the clause text, so that a query fetches only what it reads.
//!
//! ```text
//! build: u64 LE           what the shard files name their build by: the checksum of the
//!                         core's fold, alphabet, headings, clauses and docs sections
//! term shard count: varint
//!   per shard: first key (str of alphabet codes) | checksum: u64 LE | bytes: varint
//! text chunk count: varint
//!   per chunk: first clause: varint | checksum: u64 LE | bytes: varint
//! ```
//!
//! Shards hold consecutive key ranges in encoded-key order (shard *i* holds the keys from its
//! first key up to the next shard's), each a [`crate::header::TERM_SHARD`] file with its own
//! terms FST and positional postings; chunks hold consecutive clauses, each a
//! [`crate::header::TEXT_CHUNK`] file with one texts section. A file is served as
//! `shards/k-<checksum>.bin` (term shard) or `shards/t-<checksum>.bin` (text chunk), its
//! checksum in 16 lower-case hex digits: content-named, so any static host or CDN may cache it
//! forever. An empty section means an embedded index: everything is in the core.

use std::ops::Range;

use crate::bytes::Reader;

/// One file of the directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct File {
    /// The checksum its header carries, which also names it.
    pub checksum: u64,
    /// Its size in bytes.
    pub bytes: u32,
}

/// The directory, parsed (a few entries per 100 KB of index).
#[derive(Clone, Debug, Default)]
pub struct Shards<'a> {
    /// The build the files belong to (their first section).
    build: [u8; 8],
    /// First key of each term shard, ascending.
    first_keys: Vec<&'a [u8]>,
    /// First clause of each text chunk, ascending, from 0.
    first_clauses: Vec<u32>,
    /// Term shards, then text chunks.
    files: Vec<File>,
}

impl<'a> Shards<'a> {
    /// Parses the section; `None` when it is malformed.
    pub fn new(bytes: &'a [u8]) -> Option<Shards<'a>> {
        let mut out = Shards::default();
        if bytes.is_empty() {
            return Some(out);
        }
        let mut r = Reader::new(bytes);
        out.build = r.take(8)?.try_into().ok()?;
        let file = |r: &mut Reader<'a>| -> Option<File> {
            let checksum = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
            Some(File { checksum, bytes: r.u32()? })
        };
        for _ in 0..r.u32()? {
            let len = r.u32()? as usize;
            out.first_keys.push(r.take(len)?);
            out.files.push(file(&mut r)?);
        }
        for _ in 0..r.u32()? {
            out.first_clauses.push(r.u32()?);
            out.files.push(file(&mut r)?);
        }
        let sorted = out.first_keys.windows(2).all(|w| w[0] < w[1])
            && out.first_clauses.windows(2).all(|w| w[0] < w[1])
            && out.first_clauses.first().is_none_or(|&c| c == 0);
        (sorted && r.is_empty()).then_some(out)
    }

    /// What a shard file of this build holds in its first section.
    pub fn build(&self) -> [u8; 8] {
        self.build
    }

    /// Whether the index is sharded.
    pub fn is_sharded(&self) -> bool {
        !self.files.is_empty()
    }

    /// Number of files (term shards, then text chunks).
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are none (an embedded index).
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Number of term shards; files from this number on are text chunks.
    pub fn term_shards(&self) -> usize {
        self.first_keys.len()
    }

    /// File `f`.
    pub fn file(&self, f: usize) -> Option<File> {
        self.files.get(f).copied()
    }

    /// The name file `f` is served under, relative to the wasm module's folder.
    pub fn name(&self, f: usize) -> Option<String> {
        let file = self.file(f)?;
        let kind = if f < self.term_shards() { 'k' } else { 't' };
        Some(format!("shards/{kind}-{:016x}.bin", file.checksum))
    }

    /// The file served under `name`, if it is one of this index's.
    pub fn by_name(&self, name: &str) -> Option<usize> {
        let hex = name.strip_prefix("shards/")?.get(2..)?.strip_suffix(".bin")?;
        let checksum = u64::from_str_radix(hex, 16).ok()?;
        (0..self.len()).find(|&f| self.files[f].checksum == checksum && self.name(f).as_deref() == Some(name))
    }

    /// The term shards that may hold keys beginning with `prefix` (a whole key: one shard).
    pub fn holding(&self, prefix: &[u8]) -> Range<usize> {
        holding(&self.first_keys, prefix)
    }

    /// The file holding the strings of clause `clause`.
    pub fn chunk_of(&self, clause: u32) -> Option<usize> {
        let i = self.first_clauses.partition_point(|&c| c <= clause).checked_sub(1)?;
        Some(self.term_shards() + i)
    }
}

/// Of consecutive key ranges starting at `first_keys` (ascending), those that may hold keys
/// beginning with `prefix`: the range the prefix falls in, and every later one whose first key
/// begins with it (a whole key: one range). Empty only when there are no ranges.
pub fn holding(first_keys: &[&[u8]], prefix: &[u8]) -> Range<usize> {
    let start = first_keys.partition_point(|k| *k <= prefix).saturating_sub(1);
    let end = first_keys.partition_point(|k| *k <= prefix || k.starts_with(prefix));
    start..end.max(start + usize::from(!first_keys.is_empty()))
}

/// Of consecutive key ranges starting at `first_keys` (ascending), the one that would hold
/// `key`; `None` when the key sorts before them all (no range holds it).
pub fn range_of(first_keys: &[&[u8]], key: &[u8]) -> Option<usize> {
    first_keys.partition_point(|k| *k <= key).checked_sub(1)
}

/// Writes the directory.
#[cfg(feature = "write")]
pub fn write(build: &[u8], term_shards: &[(Vec<u8>, File)], text_chunks: &[(u32, File)]) -> Vec<u8> {
    use crate::bytes::put_varint;
    let mut out = build.to_vec();
    let file = |out: &mut Vec<u8>, f: &File| {
        out.extend(f.checksum.to_le_bytes());
        put_varint(out, u64::from(f.bytes));
    };
    put_varint(&mut out, term_shards.len() as u64);
    for (key, f) in term_shards {
        put_varint(&mut out, key.len() as u64);
        out.extend(key);
        file(&mut out, f);
    }
    put_varint(&mut out, text_chunks.len() as u64);
    for (first, f) in text_chunks {
        put_varint(&mut out, u64::from(*first));
        file(&mut out, f);
    }
    out
}

#[cfg(all(test, feature = "write"))]
mod tests {
    use super::*;

    #[test]
    fn keys_and_clauses_find_their_files() {
        let f = |n| File { checksum: n, bytes: 10 };
        let bytes = write(
            &[9; 8],
            &[(b"a".to_vec(), f(1)), (b"ab".to_vec(), f(2)), (b"ac".to_vec(), f(3)), (b"b".to_vec(), f(4))],
            &[(0, f(5)), (40, f(6))],
        );
        let s = Shards::new(&bytes).unwrap();
        assert_eq!((s.len(), s.term_shards(), s.build()), (6, 4, [9; 8]));
        assert_eq!(s.holding(b"ab"), 1..2);
        assert_eq!(s.holding(b"abz"), 1..2);
        assert_eq!(s.holding(b"a"), 0..3, "keys beginning with a: shards 0, 1, 2");
        assert_eq!(s.holding(b"ad"), 2..3);
        assert_eq!(s.holding(b"c"), 3..4);
        assert_eq!((s.chunk_of(0), s.chunk_of(39), s.chunk_of(40)), (Some(4), Some(4), Some(5)));
        assert_eq!(s.name(5).as_deref(), Some("shards/t-0000000000000006.bin"));
        assert_eq!(s.by_name("shards/t-0000000000000006.bin"), Some(5));
        assert_eq!(s.by_name("shards/k-0000000000000006.bin"), None);
        assert!(Shards::new(&bytes[..bytes.len() - 1]).is_none());
        assert!(!Shards::new(&[]).unwrap().is_sharded());
    }
}
