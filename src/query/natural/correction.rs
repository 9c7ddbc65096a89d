//! Homophone correction: an IME slip picks a character of the same sound (众创空见 for
//! 众创空间, 人行 for 人形). Every window of two to four Han characters of a term is read in
//! toneless pinyin (the index's readings section) and looked up in the vocabulary for corpus
//! words that sound the same at every position; each such word, put in place of the window,
//! is a candidate query. The engine takes the candidate that finds most (see
//! [`Engine::search`](crate::Engine::search)) and says so ("您是不是要找").

use policy_search_sort as sort;
use serde::Serialize;

use policy_search_index::{lexicon::Cursor, Lexicon};
use policy_search_normalize::is_han;

use crate::{query::Query, reader::Reader};

/// Window lengths tried, in characters.
const WINDOW: std::ops::RangeInclusive<usize> = 2..=4;
/// Most candidates considered per query, so that the work stays bounded.
pub const MAX_CANDIDATES: usize = 24;

/// A correction the engine applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// The query as typed.
    pub original: String,
    /// The query searched instead.
    pub query: String,
    /// What was replaced (folded), and by what.
    pub from: String,
    /// The replacement.
    pub to: String,
}

/// A candidate: the query with one window of one term replaced.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub term: usize,
    pub start: usize,
    pub from: Vec<char>,
    pub to: Vec<char>,
}

impl Candidate {
    /// The term this replacement applies to, with the replacement made.
    pub fn corrected_term(&self, query: &Query) -> Vec<char> {
        let mut t = query.include[self.term].chars.clone();
        t.splice(self.start..self.start + self.from.len(), self.to.iter().copied());
        t
    }

    /// The query with this replacement applied.
    pub fn apply(&self, query: &Query) -> Query {
        let mut q = query.clone();
        let corrected = self.corrected_term(query);
        for t in q.sequence.iter_mut().filter(|t| t.chars == query.include[self.term].chars) {
            t.chars.clone_from(&corrected);
        }
        q.include[self.term].chars = corrected;
        q
    }
}

/// The characters that can be read as `c` is usually read (itself included), as the
/// spellings in alphabet codes that vocabulary keys use. Only the typed character's most
/// common reading counts — a slip is made by sound, and a rare heteronym (款 as `xin`)
/// would only invent homophones — while a candidate character may have it as any reading.
fn homophones(r: &Reader<'_>, lexicon: &Lexicon<'_>, c: char, by_syllable: &[Vec<usize>]) -> Sound {
    let alphabet = r.index().alphabet();
    // A character of the corpus has its readings there; a common one it lacks, in `typed`.
    let (mut codes, usual) = match alphabet.code(c) {
        Some(code) => (vec![code], lexicon.readings().of_code(code).first().copied()),
        None => (Vec::new(), lexicon.typed_reading(c)),
    };
    if let Some(s) = usual {
        codes.extend(by_syllable.get(s as usize).into_iter().flatten());
    }
    sort::sort(&mut codes);
    codes.dedup();
    let mut sound = Sound::default();
    for code in codes {
        if let Some(spelling) = alphabet.encode_code(code) {
            sound.spellings.push(spelling);
        }
    }
    sound
}

/// Corrections to try for `query`: vocabulary words that read like a window of a term.
/// Only windows that touch one of the `suspects` (the pieces the query's best clause does
/// not hold: where a slip would be) are read, or every window when there are none.
pub(crate) fn candidates(r: &Reader<'_>, query: &Query, suspects: &[&str]) -> Vec<Candidate> {
    let (Some(lexicon), Some(by_syllable)) = (r.lexicon(), r.syllable_index()) else { return Vec::new() };
    let mut out = Vec::new();
    for (t, term) in query.include.iter().enumerate() {
        if term.phrase {
            continue;
        }
        let chars = &term.chars;
        let mut suspect = vec![suspects.is_empty(); chars.len()];
        for s in suspects {
            let s: Vec<char> = s.chars().collect();
            for at in policy_search_index::keys::occurrences(chars, &s) {
                suspect[at..at + s.len()].iter_mut().for_each(|x| *x = true);
            }
        }
        // Each character's homophones, once per term.
        let sounds: Vec<Sound> = chars
            .iter()
            .map(|&c| if is_han(c) { homophones(r, lexicon, c, by_syllable) } else { Sound::default() })
            .collect();
        for len in WINDOW.rev() {
            for start in 0..chars.len().saturating_sub(len - 1) {
                let window = &chars[start..start + len];
                if !suspect[start..start + len].contains(&true) {
                    continue;
                }
                let sets = &sounds[start..start + len];
                if sets.iter().any(|s| s.spellings.is_empty()) {
                    continue;
                }
                let mut found = Vec::new();
                walk(&lexicon.vocab(), sets, &mut Vec::new(), &mut found);
                for (key, value) in found {
                    let word = policy_search_index::vocab::Word::unpack(value);
                    let Some(to) = r.index().alphabet().decode(&key) else { continue };
                    let to: Vec<char> = to.chars().collect();
                    if word.in_corpus && !word.stop && to != window {
                        out.push(Candidate { term: t, start, from: window.to_vec(), to });
                        if out.len() >= MAX_CANDIDATES {
                            return out;
                        }
                    }
                }
            }
        }
    }
    out
}

/// The spellings (in alphabet codes) one position of a word may take.
#[derive(Default)]
struct Sound {
    spellings: Vec<Vec<u8>>,
}

/// Every vocabulary key (with its value) whose `i`-th character is one of the spellings of
/// `sets[i]`, found by walking the vocabulary from `node` along each spelling: only prefixes
/// that exist are followed, so the work is the number of such prefixes, not the vocabulary's
/// size (and a sharded vocabulary is read only in the ranges of those prefixes).
fn walk(node: &Cursor<'_, '_>, sets: &[Sound], key: &mut Vec<u8>, found: &mut Vec<(Vec<u8>, u64)>) {
    let Some((sound, rest)) = sets.split_first() else {
        if let Some(value) = node.value() {
            found.push((key.clone(), value));
        }
        return;
    };
    for spelling in &sound.spellings {
        if let Some(next) = node.step(spelling) {
            key.extend_from_slice(spelling);
            walk(&next, rest, key, found);
            key.truncate(key.len() - spelling.len());
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::{
        query::exact,
        testing::{query, reader, without_lexicon},
    };

    /// Each candidate for `raw` as (what it replaces, by what).
    fn replacements(r: &Reader<'_>, raw: &str, suspects: &[&str]) -> Vec<(String, String)> {
        candidates(r, &query(r, raw), suspects)
            .into_iter()
            .map(|c| (c.from.iter().collect(), c.to.iter().collect()))
            .collect()
    }

    #[test]
    fn a_homophone_slip_gets_the_corpus_word_as_a_candidate() {
        let r = reader();
        let typed = query(&r, "众创空见");
        assert!(exact::exact(&r, &typed, 10).0.is_empty());
        let found = candidates(&r, &typed, &[]);
        let whole = found.iter().find(|c| c.from == typed.include[0].chars).expect("a candidate for the whole term");
        assert_eq!(whole.to.iter().collect::<String>(), "众创空间");
        // The corrected query finds what the slip missed.
        assert!(!exact::exact(&r, &whole.apply(&typed), 10).0.is_empty());
    }

    #[test]
    fn every_candidate_puts_a_corpus_word_in_place_of_the_slip() {
        let r = reader();
        for (slip, word) in [("人才公域", "公寓"), ("知识产全", "知识产权"), ("孵化气", "孵化器")] {
            let found = replacements(&r, slip, &[]);
            assert!(found.iter().any(|(_, to)| to == word), "{slip}: {found:?}");
            for (from, to) in found {
                assert_ne!(from, to);
                assert_eq!(from.chars().count(), to.chars().count(), "one character for one");
                assert!(exact::occurs(&r, &to.chars().collect::<Vec<_>>()), "{to}");
            }
        }
    }

    #[test]
    fn a_query_that_sounds_like_no_corpus_word_gets_no_candidate() {
        let r = reader();
        assert_eq!(replacements(&r, "天气预报", &[]), []);
        assert_eq!(replacements(&r, "众创空间", &[]), [], "already the corpus's word");
    }

    #[test]
    fn only_the_windows_around_a_suspect_piece_are_read() {
        let r = reader();
        let everywhere = replacements(&r, "孵化气 众创空见", &[]);
        assert!(everywhere.iter().any(|(from, _)| from == "孵化气"));
        let around = replacements(&r, "孵化气 众创空见", &["空见"]);
        assert!(!around.is_empty());
        assert!(around.iter().all(|(from, _)| from.contains('见')), "{around:?}");
    }

    #[test]
    fn without_the_lexicon_there_is_no_candidate() {
        let r = without_lexicon();
        assert!(candidates(&r, &query(&r, "众创空见"), &[]).is_empty());
    }
}
