//! Homophone correction: an IME slip picks a character of the same sound (众创空见 for
//! 众创空间, 人行 for 人形). Every window of two to four Han characters of a term is read in
//! toneless pinyin (the index's readings section) and looked up in the vocabulary for corpus
//! words that sound the same at every position; each such word, put in place of the window,
//! is a candidate query. The engine takes the candidate that finds most (see
//! [`Engine::search`](crate::Engine::search)) and says so ("您是不是要找").

use fst::{Automaton, IntoStreamer, Streamer};
use serde::Serialize;

use policy_search_index::Lexicon;
use policy_search_normalize::is_han;

use crate::{engine::Engine, query::Query};

/// Window lengths tried, in characters.
const WINDOW: std::ops::RangeInclusive<usize> = 2..=4;
/// Most candidates considered per query, so that the work stays bounded.
pub const MAX_CANDIDATES: usize = 48;

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
    /// The query with this replacement applied.
    pub fn apply(&self, query: &Query) -> Query {
        let mut q = query.clone();
        let t = &mut q.include[self.term].chars;
        t.splice(self.start..self.start + self.from.len(), self.to.iter().copied());
        q
    }
}

impl Engine<'_> {
    /// The alphabet codes of every character sharing a reading with `c` (itself included), as
    /// the byte spellings vocabulary keys use.
    fn homophones(&self, lexicon: &Lexicon<'_>, c: char, by_syllable: &[Vec<usize>]) -> Vec<Vec<u8>> {
        let alphabet = self.index().alphabet();
        let Some(code) = alphabet.code(c) else { return Vec::new() };
        let mut codes: Vec<usize> = vec![code];
        for s in lexicon.readings().of_code(code) {
            codes.extend(by_syllable.get(s as usize).into_iter().flatten());
        }
        codes.sort_unstable();
        codes.dedup();
        codes.into_iter().filter_map(|code| alphabet.encode_code(code)).collect()
    }

    /// Corrections to try for `query`: vocabulary words that read like a window of a term.
    pub(crate) fn candidates(&self, query: &Query) -> Vec<Candidate> {
        let (Some(lexicon), Some(by_syllable)) = (self.lexicon(), self.syllable_index()) else { return Vec::new() };
        let mut out = Vec::new();
        for (t, term) in query.include.iter().enumerate() {
            if term.phrase {
                continue;
            }
            let chars = &term.chars;
            for len in WINDOW.rev() {
                for start in 0..chars.len().saturating_sub(len - 1) {
                    let window = &chars[start..start + len];
                    if !window.iter().all(|&c| is_han(c)) {
                        continue;
                    }
                    let sets: Vec<Vec<Vec<u8>>> = window.iter().map(|&c| self.homophones(lexicon, c, by_syllable)).collect();
                    if sets.iter().any(Vec::is_empty) {
                        continue;
                    }
                    let mut stream = lexicon.vocab().search(Sounds { sets: &sets }).into_stream();
                    while let Some((key, value)) = stream.next() {
                        let word = policy_search_index::vocab::Word::unpack(value);
                        let Some(to) = self.index().alphabet().decode(key) else { continue };
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
}

/// An automaton over vocabulary keys (alphabet codes) accepting words whose `i`-th character
/// is one of the spellings in `sets[i]`.
struct Sounds<'s> {
    sets: &'s [Vec<Vec<u8>>],
}

/// Position in the word, and the bytes read of the current character (codes are at most three
/// bytes). `None` is the dead state.
type SoundsState = Option<(usize, [u8; 3], u8)>;

impl Automaton for Sounds<'_> {
    type State = SoundsState;

    fn start(&self) -> SoundsState {
        Some((0, [0; 3], 0))
    }

    fn is_match(&self, state: &SoundsState) -> bool {
        matches!(state, Some((pos, _, 0)) if *pos == self.sets.len())
    }

    fn can_match(&self, state: &SoundsState) -> bool {
        state.is_some()
    }

    fn accept(&self, state: &SoundsState, byte: u8) -> SoundsState {
        let (pos, mut partial, len) = (*state)?;
        let set = self.sets.get(pos)?;
        partial[len as usize] = byte;
        let read = &partial[..=len as usize];
        if set.iter().any(|s| s.as_slice() == read) {
            Some((pos + 1, [0; 3], 0))
        } else if set.iter().any(|s| s.starts_with(read)) {
            Some((pos, partial, len + 1))
        } else {
            None
        }
    }
}
