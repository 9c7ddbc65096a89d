//! The vocab section: the words a query is weighed and corrected against — the corpus's words
//! (jieba-rs plus recurring n-grams), the thesaurus's words and the stop list — as an
//! `fst::Map` from the word, spelled in alphabet codes, to [`Word`] flags.
//!
//! The vocabulary never decides what matches (the terms section does); it only cuts a query
//! into pieces, marks pieces that carry no topic, and is where homophone corrections are
//! looked for.

/// What the index knows of one vocabulary word, packed into the FST value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// The word occurs in the corpus (not only in the thesaurus or stop list).
    pub in_corpus: bool,
    /// The segmenter cut it from the corpus (not only a recurring n-gram): a real word, whose
    /// edges are word boundaries.
    pub segmenter: bool,
    /// A question word or filler.
    pub stop: bool,
    /// Offered as a completion: a segmenter word, or an n-gram no longer n-gram of the corpus
    /// holds as often (知识产权保护 rather than its fragment 识产权保).
    pub suggest: bool,
    /// Clauses (and titles) holding the word, up to [`MAX_CLAUSES`]: how completions rank.
    pub clauses: u32,
    /// Record number in the synonyms section, if the word has synonyms.
    pub synonyms: Option<u32>,
}

/// Largest clause count a [`Word`] stores; more are stored as this (ranking needs no more).
pub const MAX_CLAUSES: u32 = 0xFFF;

impl Word {
    /// Packs as `synonyms + 1` above twelve bits of clause count above four flag bits. Small
    /// values keep the FST small: its outputs are stored on its transitions.
    pub fn pack(self) -> u64 {
        (u64::from(self.synonyms.map_or(0, |s| s + 1)) << 16)
            | u64::from(self.clauses.min(MAX_CLAUSES)) << 4
            | u64::from(self.suggest) << 3
            | u64::from(self.segmenter) << 2
            | u64::from(self.stop) << 1
            | u64::from(self.in_corpus)
    }

    /// The inverse of [`Word::pack`].
    pub fn unpack(v: u64) -> Word {
        Word {
            in_corpus: v & 1 == 1,
            stop: v & 2 == 2,
            segmenter: v & 4 == 4,
            suggest: v & 8 == 8,
            clauses: (v >> 4) as u32 & MAX_CLAUSES,
            synonyms: (v >> 16).checked_sub(1).map(|s| s as u32),
        }
    }
}

/// Builds the FST from `(encoded word, word)` pairs sorted by bytes and unique.
#[cfg(feature = "write")]
pub fn write(words: impl IntoIterator<Item = (Vec<u8>, Word)>) -> Vec<u8> {
    let mut builder = fst::MapBuilder::memory();
    for (key, word) in words {
        builder.insert(key, word.pack()).expect("words are inserted sorted and unique");
    }
    builder.into_inner().expect("an in-memory FST always finishes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_round_trip() {
        for w in [
            Word::default(),
            Word { in_corpus: true, stop: true, segmenter: true, suggest: true, clauses: 4095, synonyms: Some(0) },
            Word { clauses: 7, suggest: true, ..Word::default() },
            Word { synonyms: Some(70_000), ..Word::default() },
        ] {
            assert_eq!(Word::unpack(w.pack()), w);
        }
    }
}
