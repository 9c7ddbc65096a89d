//! The pinyin lattice: the query as units (letters and hanzi, with the user's own term
//! boundaries), and every word of the lexicon's pinyin section the letters can spell from each
//! position — each syllable typed whole, as its initial, or (fuzzy pass) with an accent's
//! confusions. [`super`] finds the cheapest paths through it.

use policy_search_sort as sort;

use policy_search_index::{lexicon::Cursor, pinyin::SEPARATOR};
use policy_search_normalize::{is_han, toneless};

use crate::{query::Query, reader::Reader};

/// Cost of one word in a reading: fewer, longer words read better.
const WORD: f32 = 1.0;
/// Extra cost of a syllable typed as its initial only (it could be many syllables).
const INITIAL: f32 = 0.4;
/// Extra cost of a syllable typed with an accent's confusion (the fuzzy pass only).
const FUZZY: f32 = 1.5;
/// Longest run of letters read, so that the work per query stays bounded.
pub const MAX_LETTERS: usize = 64;
/// Words collected per walk (one start position), so that initials-only input stays bounded.
const MAX_EDGES: usize = 256;

/// One unit of a query as the reader sees it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Unit {
    /// A Latin letter, lower case, tone marks removed, `ü` as `v`.
    Letter(u8),
    /// A hanzi, with its syllable numbers (every reading).
    Han(char, Vec<u32>),
}

/// The query as units, and where the user's own term boundaries are.
#[derive(Clone, Debug, Default)]
pub(crate) struct Stream {
    pub units: Vec<Unit>,
    /// `starts[i]`: a term of the query begins at unit `i` (a syllable cannot span it).
    pub starts: Vec<bool>,
    /// The term each unit belongs to.
    pub term_of: Vec<usize>,
    /// Each unit's letter (0 for a hanzi), so that a run of letters is a slice.
    pub(crate) letters: Vec<u8>,
    /// Where the run of letters from each unit ends (the next term boundary or hanzi): the
    /// walk asks at every node, so it is computed once.
    pub(crate) run_end: Vec<usize>,
}

impl Stream {
    /// True when a syllable may cover units `from..to`.
    fn open(&self, from: usize, to: usize) -> bool {
        (from + 1..to).all(|i| !self.starts[i])
    }

    /// Adds a unit; `starts` says whether a term begins with it.
    fn push(&mut self, unit: Unit, starts: bool, term: usize) {
        self.letters.push(if let Unit::Letter(b) = unit { b } else { 0 });
        self.units.push(unit);
        self.starts.push(starts);
        self.term_of.push(term);
    }

    /// Computes where each run of letters ends, once every unit is pushed.
    fn finish(&mut self) {
        let n = self.units.len();
        self.run_end = vec![0; n];
        for i in (0..n).rev() {
            self.run_end[i] = match self.units[i] {
                Unit::Han(..) => i,
                Unit::Letter(_) if i + 1 < n && !self.starts[i + 1] && self.run_end[i + 1] > i + 1 => {
                    self.run_end[i + 1]
                }
                Unit::Letter(_) => i + 1,
            };
        }
    }

    /// The letters from unit `at` up to the next term boundary or hanzi.
    pub(super) fn run(&self, at: usize) -> &[u8] {
        &self.letters[at..self.run_end[at]]
    }
}

/// How one syllable of a word was typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Typed {
    Whole,
    Initial,
    Fuzzy,
    /// The start of the syllable, at the end of the input (completions only).
    Prefix,
    Han,
}

impl Typed {
    pub(super) fn cost(self) -> f32 {
        match self {
            Typed::Whole | Typed::Han => 0.0,
            Typed::Initial | Typed::Prefix => INITIAL,
            Typed::Fuzzy => FUZZY,
        }
    }
}

/// A word of the lattice: units `start..end` read as `word`.
#[derive(Clone, Debug)]
pub(crate) struct Edge {
    pub start: usize,
    pub end: usize,
    pub word: Vec<char>,
    pub clauses: u64,
    pub cost: f32,
}

/// The walk's settings.
#[derive(Clone, Copy)]
pub(crate) struct Mode {
    /// Allow the accents' confusions.
    pub fuzzy: bool,
    /// Words may continue past the end of the input (completions).
    pub complete: bool,
}

/// The spelling an accent confuses a syllable with: zh/ch/sh as z/c/s, l as n, h as f (as an
/// initial), ang/eng/ing as an/en/in.
fn accent(s: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = match s {
        [b'z' | b'c' | b's', b'h', rest @ ..] => [&s[..1], rest].concat(),
        [b'l', rest @ ..] => [b"n".as_slice(), rest].concat(),
        [b'h', rest @ ..] => [b"f".as_slice(), rest].concat(),
        _ => s.to_vec(),
    };
    if out.len() > 2 && out.ends_with(b"ng") && matches!(out[out.len() - 3], b'a' | b'e' | b'i') {
        out.pop();
    }
    out
}

/// The two-letter initials, which an initials-only query may type whole.
fn double_initial(s: &[u8]) -> bool {
    matches!(s, [b'z' | b'c' | b's', b'h', ..])
}

/// One way a syllable can be typed from a unit of the query.
#[derive(Clone, Copy, Debug)]
pub(super) struct Way {
    /// The syllable's number.
    pub id: u32,
    /// The units it covers.
    pub units: usize,
    pub how: Typed,
}

/// For each unit of a stream, every way a syllable can be typed from it, by syllable number.
/// Every walk, the fewest-syllables count and the character walk ask the same question at
/// the same units, so it is answered once per stream and mode.
pub(crate) struct Ways {
    mode: Mode,
    at: Vec<Vec<Way>>,
}

impl Ways {
    /// The ways of `stream` in `mode`, for the syllables `syllables` (numbered by position).
    pub(crate) fn new(syllables: &[String], stream: &Stream, mode: Mode) -> Self {
        let at = (0..stream.units.len())
            .map(|at| match &stream.units[at] {
                Unit::Han(_, readings) => {
                    let mut ids = readings.clone();
                    sort::sort(&mut ids);
                    ids.dedup();
                    ids.into_iter().map(|id| Way { id, units: 1, how: Typed::Han }).collect()
                }
                Unit::Letter(first) => {
                    let run = stream.run(at);
                    let mut here = Vec::new();
                    for (id, s) in (0u32..).zip(syllables).filter(|(_, s)| may_start(mode, s.as_bytes(), *first)) {
                        for (units, how) in typed_as(stream, mode, s.as_bytes(), at, run) {
                            here.push(Way { id, units, how });
                        }
                    }
                    here
                }
            })
            .collect();
        Ways { mode, at }
    }

    /// The ways from unit `at`, ascending by syllable number.
    pub(super) fn at(&self, at: usize) -> &[Way] {
        &self.at[at]
    }
}

/// The ways syllable `s` can be typed from the letter at unit `at` of `stream`, where `run`
/// is the letters from `at` up to the next term boundary: (units consumed, how).
fn typed_as(stream: &Stream, mode: Mode, s: &[u8], at: usize, run: &[u8]) -> Vec<(usize, Typed)> {
    let mut out = Vec::new();
    let Some(&first) = run.first() else { return out };
    if run.starts_with(s) {
        out.push((s.len(), Typed::Whole));
    }
    if s.len() > 1 && first == s[0] {
        out.push((1, Typed::Initial));
    }
    if double_initial(s) && s.len() > 2 && run.starts_with(&s[..2]) {
        out.push((2, Typed::Initial));
    }
    let at_end = at + run.len() == stream.units.len();
    if mode.complete && at_end && run.len() > 2 && run.len() < s.len() && s.starts_with(run) {
        out.push((run.len(), Typed::Prefix));
    }
    if mode.fuzzy {
        let target = accent(s);
        for n in 1..=run.len().min(6) {
            if run[..n] != *s && accent(&run[..n]) == target && !out.iter().any(|o| o.0 == n) {
                out.push((n, Typed::Fuzzy));
            }
        }
    }
    out.retain(|&(n, _)| stream.open(at, at + n));
    out
}

/// True when syllable `s` can start at a letter `first` at all (a cheap filter first).
fn may_start(mode: Mode, s: &[u8], first: u8) -> bool {
    let Some(&s0) = s.first() else { return false };
    s0 == first || (mode.fuzzy && matches!((s0, first), (b'n', b'l') | (b'l', b'n') | (b'f', b'h') | (b'h', b'f')))
}

struct Walk<'w> {
    alphabet: &'w policy_search_index::alphabet::Alphabet,
    stream: &'w Stream,
    ways: &'w Ways,
    start: usize,
    edges: Vec<Edge>,
    /// Hanzi of the query a word must have: (syllable index in the word, character).
    han: Vec<(usize, char)>,
}

impl<'s, 'a> Walk<'_> {
    /// Follows the reading from `node` (at a syllable boundary of the key), the input at unit
    /// `at`, `syllable` syllables into the word.
    fn walk(&mut self, node: &Cursor<'s, 'a>, at: usize, syllable: usize, cost: f32) {
        if self.edges.len() >= MAX_EDGES {
            return;
        }
        let done = at == self.stream.units.len();
        if syllable > 0 {
            if done && self.ways.mode.complete {
                // Any further syllables: the completions of what is typed.
                return self.rest(node, at, cost);
            }
            if !self.ways.mode.complete {
                if let Some(words) = node.step(&[SEPARATOR]) {
                    self.words(&words, Vec::new(), at, cost);
                }
            }
        }
        if done {
            return;
        }
        let han = match &self.stream.units[at] {
            Unit::Han(c, _) => Some(*c),
            Unit::Letter(_) => None,
        };
        // Each syllable that may be typed here, stepped into once: a sharded pinyin section is
        // read in their ranges only, and a node's other children are never visited.
        for ways in self.ways.at(at).chunk_by(|a, b| a.id == b.id) {
            let Some(child) = node.step(&(ways[0].id as u16).to_be_bytes()) else { continue };
            for way in ways {
                if let Some(c) = han {
                    self.han.push((syllable, c));
                }
                self.walk(&child, at + way.units, syllable + 1, cost + way.how.cost());
                if han.is_some() {
                    self.han.pop();
                }
            }
        }
    }

    /// Completions: every key below `node`, whatever its remaining syllables.
    fn rest(&mut self, node: &Cursor<'s, 'a>, at: usize, cost: f32) {
        for (b, child) in node.children() {
            if self.edges.len() >= MAX_EDGES {
                return;
            }
            if b == SEPARATOR {
                self.words(&child, Vec::new(), at, cost);
            } else {
                for (_, lo) in child.children() {
                    self.rest(&lo, at, cost + INITIAL);
                }
            }
        }
    }

    /// Every word below `node` (past the separator), spelled `prefix` so far.
    fn words(&mut self, node: &Cursor<'s, 'a>, mut prefix: Vec<u8>, at: usize, cost: f32) {
        if let Some(clauses) = node.value() {
            if let Some(word) = self.alphabet.decode(&prefix) {
                let word: Vec<char> = word.chars().collect();
                if self.han.iter().all(|&(i, c)| word.get(i) == Some(&c)) {
                    self.edges.push(Edge { start: self.start, end: at, word, clauses, cost: WORD + cost });
                }
            }
        }
        for (b, child) in node.children() {
            prefix.push(b);
            self.words(&child, prefix.clone(), at, cost);
            prefix.pop();
        }
    }
}

/// The query as the pinyin reader's units, or `None` when it has no Latin letter (then it
/// is no pinyin) or has a term that cannot be pinyin (digits, punctuation: 5G, G60).
pub(crate) fn pinyin_stream(r: &Reader<'_>, query: &Query) -> Option<Stream> {
    let lexicon = r.lexicon()?;
    let mut stream = Stream::default();
    for (n, term) in query.sequence.iter().enumerate() {
        for (i, &c) in term.chars.iter().enumerate() {
            let unit = match toneless(c).unwrap_or(c) {
                l @ 'a'..='z' => Unit::Letter(l as u8),
                h if is_han(h) => {
                    let code = r.index().alphabet().code(h)?;
                    Unit::Han(h, lexicon.readings().of_code(code))
                }
                _ => return None,
            };
            stream.push(unit, i == 0, n);
        }
    }
    let letters = stream.units.iter().filter(|u| matches!(u, Unit::Letter(_))).count();
    stream.finish();
    (letters > 0 && letters <= MAX_LETTERS).then_some(stream)
}

/// The words the input can be read as from unit `start` on, in the mode of `ways`.
pub(crate) fn pinyin_walk(r: &Reader<'_>, stream: &Stream, ways: &Ways, start: usize) -> Vec<Edge> {
    let Some(lexicon) = r.lexicon() else { return Vec::new() };
    let mut walk = Walk { alphabet: r.index().alphabet(), stream, ways, start, edges: Vec::new(), han: Vec::new() };
    walk.walk(&lexicon.pinyin(), start, 0, 0.0);
    walk.edges
}

/// The lattice: every word the input can be read as, from every position, each word and
/// span once (the cheapest way it was typed).
pub(super) fn pinyin_edges(r: &Reader<'_>, stream: &Stream, ways: &Ways) -> Vec<Edge> {
    let mut all: Vec<Edge> = (0..stream.units.len()).flat_map(|start| pinyin_walk(r, stream, ways, start)).collect();
    sort::sort_by(&mut all, |a, b| {
        (a.start, a.end, &a.word).cmp(&(b.start, b.end, &b.word)).then(a.cost.total_cmp(&b.cost))
    });
    all.dedup_by(|later, kept| (later.start, later.end, &later.word) == (kept.start, kept.end, &kept.word));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_confuse_what_the_south_confuses() {
        assert_eq!(accent(b"zhong"), b"zong", "ong has no -on to be confused with");
        assert_eq!(accent(b"zhang"), accent(b"zan"));
        assert_eq!(accent(b"lan"), accent(b"nang"));
        assert_eq!(accent(b"hu"), accent(b"fu"));
        assert_eq!(accent(b"xin"), accent(b"xing"));
        assert_ne!(accent(b"shang"), accent(b"xiang"));
    }
}
