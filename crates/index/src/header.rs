//! The header of both blobs: magic, format version, section table and checksum.
//!
//! ```text
//! 0   magic                      "PSIX" (core index), "PSLX" (lexicon), or a shard file's
//! 4   u32 LE  version            FORMAT_VERSION
//! 8   u32 LE  section count      the layout's section count
//! 12  (u32 LE offset, u32 LE length) per section, offsets from the start of the blob
//! ..  u64 LE  checksum           FNV-1a 64 of every byte after the header
//! ```
//!
//! The **core** blob is everything a search needs and is embedded in the engine; the
//! **lexicon** blob (vocabulary, synonyms, readings, pinyin) serves the relaxed tier, corrections,
//! pinyin queries and autocomplete
//! and is fetched lazily by the browser. Its first section holds the core's checksum, so a
//! lexicon is never attached to an index of another build. A sharded build adds two more kinds
//! of file, term shards and text chunks, each also naming its core in its first section; a
//! sharded lexicon three more, vocabulary, pinyin and typed shards, each naming the index core
//! its lexicon was built with.

use crate::FormatError;

/// Bumped whenever any section's layout changes.
pub const FORMAT_VERSION: u32 = 12;

/// A blob's magic and its section names in on-disk order.
pub struct Layout<const N: usize> {
    /// Magic bytes at the start.
    pub magic: &'static [u8; 4],
    /// Section names in their on-disk order.
    pub sections: [&'static str; N],
}

/// The core index. In a sharded build its `terms`, `postings` and `texts` are empty and
/// `shards` names the files that hold them (see [`crate::shards`]).
pub const CORE: Layout<11> = Layout {
    magic: b"PSIX",
    sections: [
        "fold", "alphabet", "terms", "postings", "headings", "clauses", "texts", "docs", "facets", "shards", "examples",
    ],
};
/// A term shard of a sharded build: the keys of one key range with their positional postings.
pub const TERM_SHARD: Layout<3> = Layout { magic: b"PSKS", sections: ["core", "terms", "postings"] };
/// A text chunk of a sharded build: the strings of a run of consecutive clauses.
pub const TEXT_CHUNK: Layout<2> = Layout { magic: b"PSTC", sections: ["core", "texts"] };
/// The lexicon (its core, when sharded: then `vocab`, `synonyms`, `typed`, `pinyin` and
/// `general` are empty and `shards` names the files that hold them, see [`crate::lexicon`]).
/// `general` is the general thesaurus's words in the `vocab` format, whose records are in
/// `synonyms` too.
pub const LEXICON: Layout<8> = Layout {
    magic: b"PSLX",
    sections: ["core", "vocab", "synonyms", "readings", "typed", "pinyin", "shards", "general"],
};
/// A vocabulary shard of a sharded lexicon: a key range of the vocabulary with the synonym
/// records its words use.
pub const VOCAB_SHARD: Layout<3> = Layout { magic: b"PSLV", sections: ["core", "vocab", "synonyms"] };
/// A pinyin shard of a sharded lexicon: a key range of the pinyin section.
pub const PINYIN_SHARD: Layout<2> = Layout { magic: b"PSLP", sections: ["core", "pinyin"] };
/// A general shard of a sharded lexicon: a key range of the general thesaurus's words, laid
/// out as a vocabulary shard.
pub const GENERAL_SHARD: Layout<3> = Layout { magic: b"PSLG", sections: ["core", "general", "synonyms"] };
/// A typed shard of a sharded lexicon: a range of the typed section's characters.
pub const TYPED_SHARD: Layout<2> = Layout { magic: b"PSLY", sections: ["core", "typed"] };

/// FNV-1a, 64 bit: small, dependency-free, and enough to catch truncation and corruption.
pub fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl<const N: usize> Layout<N> {
    /// Size of the header in bytes.
    pub const fn header_len(&self) -> usize {
        12 + N * 8 + 8
    }

    /// Writes the header and the sections into one blob.
    #[cfg(feature = "write")]
    pub fn write(&self, sections: &[Vec<u8>; N]) -> Vec<u8> {
        let body: Vec<u8> = sections.concat();
        let mut out = Vec::with_capacity(self.header_len() + body.len());
        out.extend_from_slice(self.magic);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(N as u32).to_le_bytes());
        let mut offset = self.header_len() as u32;
        for s in sections {
            out.extend_from_slice(&offset.to_le_bytes());
            out.extend_from_slice(&(s.len() as u32).to_le_bytes());
            offset += s.len() as u32;
        }
        out.extend_from_slice(&checksum(&body).to_le_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// The checksum a blob of this layout carries (not verified).
    pub fn stored_checksum(&self, bytes: &[u8]) -> Option<u64> {
        let at = self.header_len() - 8;
        Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
    }

    /// Checks the header and checksum; returns each section's byte slice.
    pub fn read<'a>(&self, bytes: &'a [u8]) -> Result<[&'a [u8]; N], FormatError> {
        if bytes.len() >= self.header_len()
            && self.stored_checksum(bytes) != Some(checksum(&bytes[self.header_len()..]))
        {
            return Err(if &bytes[..4] == self.magic { FormatError::Checksum } else { FormatError::NotAnIndex });
        }
        self.sections(bytes)
    }

    /// Each section's byte slice, checking the header but not the checksum: for a file
    /// [`Layout::read`] has checked once already (a loaded shard is opened on every lookup).
    pub fn sections<'a>(&self, bytes: &'a [u8]) -> Result<[&'a [u8]; N], FormatError> {
        if bytes.len() < self.header_len() || &bytes[..4] != self.magic {
            return Err(FormatError::NotAnIndex);
        }
        let u32_at = |at: usize| crate::bytes::u32_le(bytes, at).unwrap_or(0);
        let version = u32_at(4);
        if version != FORMAT_VERSION {
            return Err(FormatError::Version(version));
        }
        if u32_at(8) as usize != N {
            return Err(FormatError::Corrupt("section count"));
        }
        let mut out = [&bytes[..0]; N];
        for (i, slot) in out.iter_mut().enumerate() {
            let (offset, len) = (u32_at(12 + i * 8) as usize, u32_at(16 + i * 8) as usize);
            *slot = bytes.get(offset..offset + len).ok_or(FormatError::Corrupt(self.sections[i]))?;
        }
        Ok(out)
    }
}
