//! The corpus vocabulary: the words a query is weighed and corrected against.
//!
//! Words come from a real segmenter (jieba-rs, with its HMM for words its dictionary lacks)
//! run over every clause's folded text, plus the n-grams that recur across clauses (so
//! 众创空间 or 孵化机构 are one piece even where jieba cuts them in two). The vocabulary only
//! *weighs* a query and proposes corrections; what is indexed stays n-grams of the text, so a
//! segmentation can never hide a clause.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jieba_rs::Jieba;
use policy_search_normalize::is_han;

/// Longest word kept, in characters.
pub const MAX_WORD_CHARS: usize = 8;
/// N-grams of these lengths become words when enough clauses hold them.
pub const NGRAM_CHARS: std::ops::RangeInclusive<usize> = 2..=6;
/// Clauses an n-gram must occur in to count as a word.
pub const NGRAM_MIN_CLAUSES: usize = 3;

/// Words of the corpus (folded, Han only, 2 to [`MAX_WORD_CHARS`] characters).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocabulary {
    /// Each word with how it was found.
    pub words: BTreeMap<String, Source>,
}

/// How a word entered the vocabulary (a segmenter word wins over an n-gram).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A recurring n-gram.
    Ngram,
    /// A word jieba-rs cut from the corpus.
    Segmenter,
}

impl Vocabulary {
    /// Builds the vocabulary of `clauses` (folded text, one string per clause).
    pub fn build(clauses: &[String]) -> Vocabulary {
        let jieba = Jieba::new();
        let mut words = BTreeMap::new();
        let mut ngram_clauses: HashMap<String, usize> = HashMap::new();
        for text in clauses {
            for word in jieba.cut(text, true) {
                let word = word.word;
                let n = word.chars().count();
                if (2..=MAX_WORD_CHARS).contains(&n) && word.chars().all(is_han) {
                    words.insert(word.to_string(), Source::Segmenter);
                }
            }
            let mut seen = BTreeSet::new();
            let chars: Vec<char> = text.chars().collect();
            for run in chars.split(|c| !is_han(*c)) {
                for n in NGRAM_CHARS {
                    for gram in run.windows(n) {
                        seen.insert(gram.iter().collect::<String>());
                    }
                }
            }
            for gram in seen {
                *ngram_clauses.entry(gram).or_default() += 1;
            }
        }
        for (gram, count) in ngram_clauses {
            if count >= NGRAM_MIN_CLAUSES {
                words.entry(gram).or_insert(Source::Ngram);
            }
        }
        Vocabulary { words }
    }
}
