//! The pinyin section (lexicon): the corpus's words by how they are read, for pinyin queries
//! and for autocomplete.
//!
//! An `fst::Map` whose keys are a word's reading followed by the word itself:
//!
//! ```text
//! key    syllable number (u16, big-endian) per character | SEPARATOR | word in alphabet codes
//! value  number of clauses (and titles) holding the word
//! ```
//!
//! Syllable numbers index the readings section's syllable table and are below 0xFF00, so the
//! separator byte 0xFF can never be the first byte of a syllable: after any whole number of
//! syllables, a transition on [`SEPARATOR`] leads to the words read that way. Keys sorted by
//! reading put every word sharing a first syllable (or first two) under one node, which is what
//! a query walks: `zxqy`, `zhongxqy` and `zhongxiaoqiye` all follow the same path. A word with
//! several readings (朝阳 `zhao yang` / `chao yang`) has one key per reading.

/// Ends the reading part of a key; the word follows.
pub const SEPARATOR: u8 = 0xFF;

/// Highest syllable number a key can spell (its high byte must stay below [`SEPARATOR`]).
pub const MAX_SYLLABLE: u32 = 0xFEFF;

/// The key of `word` (in alphabet codes) read as `syllables`.
pub fn key(syllables: &[u32], word: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(syllables.len() * 2 + 1 + word.len());
    for &s in syllables {
        debug_assert!(s <= MAX_SYLLABLE, "syllable numbers stay below the separator");
        out.extend_from_slice(&(s as u16).to_be_bytes());
    }
    out.push(SEPARATOR);
    out.extend_from_slice(word);
    out
}

/// `(key, clauses)` pairs sorted, repeats merged (keeping the larger count): what
/// [`write()`] builds from, and what a sharded lexicon cuts into key ranges.
#[cfg(feature = "write")]
pub fn merge(mut entries: Vec<(Vec<u8>, u64)>) -> Vec<(Vec<u8>, u64)> {
    entries.sort_unstable();
    entries.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = kept.1.max(later.1);
        }
        same
    });
    entries
}

/// Builds the FST from `(key, clauses)` pairs; sorts and merges repeats (keeping the larger
/// count).
#[cfg(feature = "write")]
pub fn write(entries: Vec<(Vec<u8>, u64)>) -> Vec<u8> {
    let entries = merge(entries);
    let mut builder = fst::MapBuilder::memory();
    for (key, clauses) in entries {
        builder.insert(key, clauses).expect("keys are inserted sorted and unique");
    }
    builder.into_inner().expect("an in-memory FST always finishes")
}

#[cfg(all(test, feature = "write"))]
mod tests {
    use super::*;

    #[test]
    fn a_reading_leads_to_its_words() {
        let bytes = write(vec![(key(&[3, 1], b"ab"), 5), (key(&[3], b"c"), 1), (key(&[3, 1], b"ab"), 2)]);
        let map = fst::Map::new(bytes).unwrap();
        assert_eq!(map.len(), 2);
        assert_eq!(map.get(key(&[3, 1], b"ab")), Some(5));
        // The separator follows whole syllables only.
        let fst = map.as_fst();
        let mut node = fst.root();
        for b in [0u8, 3] {
            node = fst.node(node.transition_addr(node.find_input(b).unwrap()));
        }
        assert!(node.find_input(SEPARATOR).is_some());
    }
}
