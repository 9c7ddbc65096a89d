//! The shards section: the directory of a sharded index — which files beside the wasm hold
//! the keys and the clause text, so that a query fetches only what it reads.
//!
//! ```text
//! build: u64 LE           what the shard files name their build by: the checksum of the
//!                         core's fold, alphabet, headings, clauses and docs sections
//! term shard count: varint
//!   per shard: first key (str of alphabet codes) | tag: 5 bytes LE | bytes: varint
//! text chunk count: varint
//!   per chunk: first clause: varint | tag: 5 bytes LE | bytes: varint
//! ```
//!
//! Shards hold consecutive key ranges in encoded-key order (shard *i* holds the keys from its
//! first key up to the next shard's), each a [`crate::header::TERM_SHARD`] file with its own
//! terms FST and positional postings; chunks hold consecutive clauses, each a
//! [`crate::header::TEXT_CHUNK`] file with one texts section. A file is served as
//! `shards/k-<tag>.bin` (term shard) or `shards/t-<tag>.bin` (text chunk), its tag — the low 40
//! bits of the checksum its header carries ([`File::tag`]) — in 10 lower-case hex digits:
//! content-named, so any static host or CDN may cache it forever, and checked against the
//! file's checksum when it is added. 40 bits rather than the checksum's 64 save 3 bytes a file
//! in the core every visitor fetches (414 bytes at 1×); two files of one kind whose tags
//! collide would share a name, which the writer refuses. An empty section means an embedded
//! index: everything is in the core.

use std::ops::Range;

use crate::bytes::Reader;

/// One file of the directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct File {
    /// The checksum its header carries (as the writer knows it; a directory read back holds
    /// its [`File::tag`] only).
    pub checksum: u64,
    /// Its size in bytes.
    pub bytes: u32,
}

/// Bytes of a checksum a directory keeps: its tag, which names the file.
const TAG_BYTES: usize = 5;

/// The low 40 bits of `checksum`.
fn tag(checksum: u64) -> u64 {
    checksum & ((1 << (8 * TAG_BYTES)) - 1)
}

impl File {
    /// The low 40 bits of its checksum: what names it and what a directory stores.
    pub fn tag(&self) -> u64 {
        tag(self.checksum)
    }

    /// Whether a file whose header carries `checksum` is this one.
    pub fn is(&self, checksum: Option<u64>) -> bool {
        checksum.is_some_and(|c| tag(c) == self.tag())
    }

    /// Its name in a directory, relative to the wasm module's folder: `shards/<kind>-<tag>.bin`.
    pub fn name(&self, kind: char) -> String {
        format!("shards/{kind}-{:010x}.bin", self.tag())
    }

    /// Reads an entry: the tag, then the size.
    pub(crate) fn read(r: &mut Reader<'_>) -> Option<File> {
        let tag = r.take(TAG_BYTES)?.iter().rev().fold(0u64, |n, &b| n << 8 | u64::from(b));
        Some(File { checksum: tag, bytes: r.u32()? })
    }

    /// Writes an entry.
    #[cfg(feature = "write")]
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        out.extend(&self.tag().to_le_bytes()[..TAG_BYTES]);
        crate::bytes::put_varint(out, u64::from(self.bytes));
    }
}

/// The tag a file name gives (`shards/k-0123456789.bin` → 0x0123456789), if it is one.
pub(crate) fn tag_of(name: &str) -> Option<u64> {
    let hex = name.strip_prefix("shards/")?.get(2..)?.strip_suffix(".bin")?;
    (hex.len() == 2 * TAG_BYTES).then(|| u64::from_str_radix(hex, 16).ok()).flatten()
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
        for _ in 0..r.u32()? {
            let len = r.u32()? as usize;
            out.first_keys.push(r.take(len)?);
            out.files.push(File::read(&mut r)?);
        }
        for _ in 0..r.u32()? {
            out.first_clauses.push(r.u32()?);
            out.files.push(File::read(&mut r)?);
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
        let kind = if f < self.term_shards() { 'k' } else { 't' };
        Some(self.file(f)?.name(kind))
    }

    /// The file served under `name`, if it is one of this index's.
    pub fn by_name(&self, name: &str) -> Option<usize> {
        let tag = tag_of(name)?;
        (0..self.len()).find(|&f| self.files[f].tag() == tag && self.name(f).as_deref() == Some(name))
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
    put_varint(&mut out, term_shards.len() as u64);
    for (key, f) in term_shards {
        put_varint(&mut out, key.len() as u64);
        out.extend(key);
        f.write(&mut out);
    }
    put_varint(&mut out, text_chunks.len() as u64);
    for (first, f) in text_chunks {
        put_varint(&mut out, u64::from(*first));
        f.write(&mut out);
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
        assert_eq!(s.name(5).as_deref(), Some("shards/t-0000000006.bin"));
        assert_eq!(s.by_name("shards/t-0000000006.bin"), Some(5));
        assert_eq!(s.by_name("shards/k-0000000006.bin"), None);
        assert_eq!(s.by_name("shards/t-0000000000000006.bin"), None, "a checksum's 16 digits are no tag");
        let long = File { checksum: 0xabcd_0123_4567_89ef, bytes: 1 };
        assert_eq!(long.name('k'), "shards/k-23456789ef.bin", "the low 40 bits");
        assert!(long.is(Some(0xffff_ff23_4567_89ef)) && !long.is(Some(0xabcd_0123_4567_89ee)) && !long.is(None));
        assert!(Shards::new(&bytes[..bytes.len() - 1]).is_none());
        assert!(!Shards::new(&[]).unwrap().is_sharded());
    }
}
