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
    /// Each word with how it was found and how often.
    pub words: BTreeMap<String, Entry>,
}

/// One word of the vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// How it was found.
    pub source: Source,
    /// Texts (clauses and titles) holding it.
    pub texts: usize,
    /// Worth offering as a completion: a segmenter word, or a *closed* n-gram — one that no
    /// n-gram a character longer occurs in as often, so that 知识产权保护 is offered and its
    /// fragments 识产权保 and 知识产权保 are not — that the segmenter cuts into words with no
    /// loose character at either end (not 政策支, 创业的).
    pub suggest: bool,
}

/// How a word entered the vocabulary (a segmenter word wins over an n-gram).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A recurring n-gram.
    Ngram,
    /// A word jieba-rs cut from the corpus.
    Segmenter,
}

/// jieba's dictionary (`data/jieba/dict.txt`), which the vocabulary's segmenter loads.
pub const JIEBA_DICT: &str = include_str!("../data/jieba/dict.txt");

/// The segmenter, over jieba's own dictionary (read from this crate's data rather than
/// jieba-rs's zstd-compressed copy, so that the indexer compiles to wasm). Loading it takes a
/// moment: the build loads it once, for the vocabulary and the keywords.
pub fn segmenter() -> Jieba {
    Jieba::with_dict(&mut JIEBA_DICT.as_bytes()).expect("jieba's dictionary is well formed")
}

impl Vocabulary {
    /// Builds the vocabulary of `texts` (folded, one string per clause or title), cut by
    /// `jieba` ([`segmenter`]).
    pub fn build(jieba: &Jieba, texts: &[String]) -> Vocabulary {
        let mut segmented = BTreeSet::new();
        // Texts holding each Han n-gram of up to one character more than an n-gram word, so
        // that closedness can be judged.
        let mut ngram_texts: HashMap<String, usize> = HashMap::new();
        for text in texts {
            for word in jieba.cut(text, true) {
                let word = word.word;
                let n = word.chars().count();
                if (2..=MAX_WORD_CHARS).contains(&n) && word.chars().all(is_han) {
                    segmented.insert(word.to_string());
                }
            }
            let mut seen = BTreeSet::new();
            let chars: Vec<char> = text.chars().collect();
            for run in chars.split(|c| !is_han(*c)) {
                for n in *NGRAM_CHARS.start()..=*NGRAM_CHARS.end() + 1 {
                    for gram in run.windows(n) {
                        seen.insert(gram.iter().collect::<String>());
                    }
                }
            }
            for gram in seen {
                *ngram_texts.entry(gram).or_default() += 1;
            }
        }
        let count =
            |w: &str| ngram_texts.get(w).copied().unwrap_or_else(|| texts.iter().filter(|t| t.contains(w)).count());
        let mut words = BTreeMap::new();
        for w in segmented {
            let texts = count(&w);
            words.insert(w, Entry { source: Source::Segmenter, texts, suggest: true });
        }
        // An n-gram one character longer holds its shorter n-gram as prefix or suffix: where it
        // is as frequent, the shorter one only ever occurs inside it.
        let mut open: BTreeSet<&str> = BTreeSet::new();
        for (longer, &m) in &ngram_texts {
            let chars: Vec<(usize, char)> = longer.char_indices().collect();
            if chars.len() < 3 {
                continue;
            }
            let (second, last) = (chars[1].0, chars[chars.len() - 1].0);
            for part in [&longer[..last], &longer[second..]] {
                if ngram_texts.get(part) == Some(&m) {
                    open.insert(part);
                }
            }
        }
        for (gram, &n) in &ngram_texts {
            if n < NGRAM_MIN_CLAUSES || !NGRAM_CHARS.contains(&gram.chars().count()) || words.contains_key(gram) {
                continue;
            }
            let suggest = !open.contains(gram.as_str()) && whole_words(jieba, gram);
            words.insert(gram.clone(), Entry { source: Source::Ngram, texts: n, suggest });
        }
        Vocabulary { words }
    }
}

/// True when jieba cuts `gram` into words whose first and last have two characters or more.
fn whole_words(jieba: &Jieba, gram: &str) -> bool {
    let words = jieba.cut(gram, true);
    let long = |w: Option<&jieba_rs::Token<'_>>| w.is_some_and(|w| w.word.chars().count() >= 2);
    long(words.first()) && long(words.last())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_texts_and_offers_closed_ngrams_only() {
        let texts: Vec<String> = [
            "加强知识产权保护工作",
            "知识产权保护体系",
            "完善知识产权保护",
            "知识产权运用",
            "政策支持",
            "政策支撑",
            "政策支出",
        ]
        .map(String::from)
        .to_vec();
        let v = Vocabulary::build(&segmenter(), &texts);
        let get = |w: &str| v.words.get(w).copied();
        assert_eq!(get("知识产权").map(|e| e.texts), Some(4));
        let fragment = get("识产权保").expect("a recurring n-gram");
        assert_eq!((fragment.texts, fragment.suggest), (3, false));
        assert!(get("知识产权保护").is_some_and(|e| e.suggest && e.texts == 3));
        assert!(get("政策支").is_some_and(|e| !e.suggest), "closed, but it ends on a loose character");
    }
}
