//! The pinyin tier: a query typed in pinyin — joined (`shuangchuang`), spaced, with tone marks,
//! `v` or `ü`, initials (`zxqy`), syllables and initials mixed (`zhongxqy`), mixed with hanzi
//! (`数字jingji`) — is **read as hanzi** and the hanzi are searched through the other tiers.
//!
//! Reading walks the lexicon's pinyin section (the corpus's words keyed by how they are read as
//! words, 会计 `kuai ji`, see [`policy_search_index::pinyin`]). From every position of the
//! query the walk follows the words whose syllables the letters spell, each syllable typed
//! whole, as its initial (`z` or `zh` for `zhong`) or — in the fuzzy pass, for the accents of
//! the south — with z/zh, c/ch, s/sh, n/l, f/h, an/ang, en/eng, in/ing confused; a hanzi in the
//! query must be the word's character there. Every split is tried, so `xian` is 西安 and 先…
//! alike. The words found form a lattice over the query, and the cheapest paths through it are
//! its readings: fewer words, whole syllables and adjacent words the corpus writes together
//! cost less. Of the cheapest few, those the corpus holds exactly come first.
//!
//! Pinyin only ever adds: the engine searches the query as typed first, and a Latin query that
//! occurs literally (IPO, G60) keeps those hits first.

mod lattice;

use policy_search_sort as sort;
use serde::Serialize;

use lattice::pinyin_edges;
pub use lattice::MAX_LETTERS;
pub(crate) use lattice::{pinyin_stream, pinyin_walk, Edge, Mode, Stream, Unit, Ways};

use crate::{
    query::{exact, Query, Term},
    reader::Reader,
};

/// Cost of a hanzi of the query that is in no word: kept as typed.
const LONE_HAN: f32 = 1.5;
/// Bonus for two adjacent words whose junction the corpus writes (a bigram it holds).
const JOINED: f32 = 0.3;
/// Bonus per bit of a word's clause count (its log₂): of two readings otherwise equal, the one
/// of more widely held words wins.
const FREQUENT: f32 = 0.035;
/// Partial readings kept per lattice position.
const BEAM: usize = 16;
/// Whole readings ranked, of which those with exact hits are preferred.
const READINGS: usize = 12;
/// A reading may have at most this many times the fewest syllables the letters can be read
/// as: `xian` may be 西安 as well as 先, but `zengzhang` is not eight initials.
const PLAUSIBLE: usize = 2;
/// Partial readings kept per step of the character walk.
const CHAR_BEAM: usize = 64;
/// Whole character readings verified against the corpus.
const CHAR_VERIFIED: usize = 16;
/// Readings the engine searches (the first, and alternatives after it).
pub const SEARCHED: usize = 3;

/// What the engine read a pinyin query as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// The query as typed.
    pub from: String,
    /// The hanzi it was read as (the folded form; terms separated by spaces).
    pub to: String,
}

/// A reading under construction, or done.
#[derive(Clone, Debug)]
struct Path {
    cost: f32,
    edges: Vec<Edge>,
}

/// The best readings of a pinyin query, best first: each the query's terms rewritten in
/// hanzi, and whether the corpus holds every term of it. Readings the corpus holds exactly come first. Words are tried before single
/// characters (创新 for `chuangxing` with the accent, rather than the bigram 创型), and
/// each as typed before with the accents' confusions; a later pass runs only when the
/// passes before it found nothing the corpus holds. Empty when the query is no pinyin.
pub(crate) fn pinyin_readings(r: &Reader<'_>, query: &Query) -> Vec<(Query, bool)> {
    let Some(stream) = pinyin_stream(r, query) else { return Vec::new() };
    // One syllable typed whole is first of all a character (`ren` is 人 before 任何 as
    // r-en… or anything read with it as an initial).
    let modes = [false, true].map(|fuzzy| Mode { fuzzy, complete: false });
    let ways_of = [std::cell::OnceCell::new(), std::cell::OnceCell::new()];
    let ways = |m: usize| ways_of[m].get_or_init(|| Ways::new(r.syllable_names(), &stream, modes[m]));
    let all_letters = stream.units.iter().all(|u| matches!(u, Unit::Letter(_)));
    if all_letters && r.syllable_names().iter().any(|s| s.as_bytes() == stream.letters) {
        let chars: Vec<(Query, bool)> = char_readings(r, &stream, ways(0))
            .iter()
            .map(|p| (rewrite(query, &stream, p), true))
            .take(SEARCHED)
            .collect();
        if !chars.is_empty() {
            return chars;
        }
    }
    let mut unfound: Vec<(Query, bool)> = Vec::new();
    let fewest_of = [std::cell::OnceCell::new(), std::cell::OnceCell::new()];
    let plausible = |p: &Path, m: usize| {
        let fewest = *fewest_of[m].get_or_init(|| fewest_syllables(&stream, ways(m)));
        fewest.is_some_and(|f| p.edges.iter().map(|e| e.word.len()).sum::<usize>() <= PLAUSIBLE * f)
    };
    for m in 0..modes.len() {
        let edges = pinyin_edges(r, &stream, ways(m));
        let mut ranked: Vec<(bool, Query)> = Vec::new();
        for path in paths(r, &stream, &edges).into_iter().filter(|p| plausible(p, m)).take(READINGS) {
            let q = rewrite(query, &stream, &path);
            if !ranked.iter().any(|(_, other)| *other == q) {
                let found = q.include.iter().all(|t| exact::occurs(r, &t.chars));
                ranked.push((found, q));
            }
        }
        if ranked.iter().any(|(found, _)| *found) {
            // Among readings the corpus holds (and among the rest), cheapest first; of those it
            // holds, first the ones whose terms it writes as one phrase: pinyin typed word by
            // word (`baomi zizhi`) spells a phrase (保密资质), not words that merely meet in a
            // clause (保密 … 自治区).
            let (found, rest): (Vec<_>, Vec<_>) = ranked.into_iter().partition(|(found, _)| *found);
            let (phrases, loose): (Vec<_>, Vec<_>) = found.into_iter().partition(|(_, q)| written_together(r, q));
            return phrases.into_iter().chain(loose).chain(rest).map(|(found, q)| (q, found)).take(SEARCHED).collect();
        }
        if unfound.is_empty() {
            unfound = ranked.into_iter().map(|(_, q)| (q, false)).take(SEARCHED).collect();
        }
    }
    for m in 0..modes.len() {
        let by_char: Vec<(Query, bool)> = char_readings(r, &stream, ways(m))
            .iter()
            .filter(|p| plausible(p, m))
            .map(|p| (rewrite(query, &stream, p), true))
            .take(SEARCHED)
            .collect();
        if !by_char.is_empty() {
            return by_char;
        }
    }
    unfound
}

/// Whether a reading of several terms occurs as one phrase, its terms joined.
fn written_together(r: &Reader<'_>, q: &Query) -> bool {
    q.include.len() > 1 && exact::occurs(r, &q.include.iter().flat_map(|t| t.chars.iter().copied()).collect::<Vec<_>>())
}

/// The fewest syllables the input can be read as (every letter typed as some syllable,
/// whole or as its initial), or `None` when it cannot be read at all.
fn fewest_syllables(stream: &Stream, ways: &Ways) -> Option<usize> {
    let n = stream.units.len();
    let mut fewest: Vec<Option<usize>> = vec![None; n + 1];
    fewest[0] = Some(0);
    for at in 0..n {
        let Some(here) = fewest[at] else { continue };
        for way in ways.at(at) {
            let slot = &mut fewest[at + way.units];
            *slot = Some(slot.map_or(here + 1, |f| f.min(here + 1)));
        }
    }
    fewest[n]
}

/// Readings character by character, for input that no word of the vocabulary reads (a
/// phrase the corpus writes once, 创业陪跑 for `cypp`): each character one whose readings
/// (every heteronym) the letters type, each two adjacent characters a bigram the corpus
/// holds. Only readings the corpus holds exactly are returned, the most held first.
fn char_readings(r: &Reader<'_>, stream: &Stream, ways: &Ways) -> Vec<Path> {
    let n = stream.units.len();
    let (Some(by_syllable), alphabet) = (r.syllable_index(), r.index().alphabet()) else { return Vec::new() };
    // For each position, the characters that can be typed there: (code, units, cost), by code.
    let mut starting: Vec<Vec<(usize, usize, f32)>> = Vec::with_capacity(n);
    for at in 0..n {
        let mut here = Vec::new();
        match &stream.units[at] {
            Unit::Han(c, _) => here.extend(alphabet.code(*c).map(|code| (code, 1, 0.0))),
            Unit::Letter(_) => {
                for way in ways.at(at) {
                    let codes = by_syllable.get(way.id as usize).map_or(&[][..], Vec::as_slice);
                    here.extend(codes.iter().map(|&code| (code, way.units, way.how.cost())));
                }
            }
        }
        sort::sort_by(&mut here, |a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(a.2.total_cmp(&b.2)));
        here.dedup_by(|later, kept| (later.0, later.1) == (kept.0, kept.1));
        starting.push(here);
    }
    let mut live: Vec<(Vec<usize>, usize, f32)> =
        starting.first().into_iter().flatten().map(|&(code, k, cost)| (vec![code], k, cost)).collect();
    let mut done: Vec<(Vec<usize>, f32)> = Vec::new();
    // Paths of the beam share their last characters: each one's followers are walked once.
    let mut followers: Vec<(usize, Vec<usize>)> = Vec::new();
    while !live.is_empty() {
        let mut next = Vec::new();
        for (codes, at, cost) in live {
            if at == n {
                // One character only for one syllable typed whole (`xian`: 现, 县, 先), and
                // not for a lone letter (`a` is more likely a slip than 阿).
                if codes.len() > 1 || (cost == 0.0 && n > 1) {
                    done.push((codes, cost));
                }
                continue;
            }
            let last = *codes.last().expect("a partial reading has a character");
            let known = followers.binary_search_by_key(&last, |e| e.0);
            let at_known = known.unwrap_or_else(|i| {
                followers.insert(i, (last, r.index().followers(last)));
                i
            });
            for &f in &followers[at_known].1 {
                let from = starting[at].partition_point(|e| e.0 < f);
                for &(code, k, c) in starting[at][from..].iter().take_while(|e| e.0 == f) {
                    let mut more = codes.clone();
                    more.push(code);
                    next.push((more, at + k, cost + c));
                }
            }
        }
        sort::sort_by(&mut next, |a, b| a.2.total_cmp(&b.2).then_with(|| a.0.cmp(&b.0)));
        next.truncate(CHAR_BEAM);
        live = next;
    }
    sort::sort_by(&mut done, |a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    let mut found: Vec<(usize, Path)> = Vec::new();
    for (codes, cost) in done.into_iter().take(CHAR_VERIFIED) {
        let word: Vec<char> = codes.iter().filter_map(|&c| alphabet.char_of(c)).collect();
        if !exact::occurs(r, &word) {
            continue;
        }
        let held = r.index().postings(&word[..word.len().min(2)].iter().collect::<String>()).len();
        // Single-character edges, so that the query's terms are rewritten as for words.
        let mut edges = Vec::new();
        let mut at = 0;
        for (i, &c) in word.iter().enumerate() {
            let end = if i + 1 == word.len() { n } else { char_end(&starting, at, codes[i + 1], codes[i]) };
            edges.push(Edge { start: at, end, word: vec![c], clauses: 0, cost: 0.0 });
            at = end;
        }
        found.push((held, Path { cost, edges }));
    }
    sort::sort_by(&mut found, |a, b| b.0.cmp(&a.0).then(a.1.cost.total_cmp(&b.1.cost)));
    found.into_iter().map(|(_, p)| p).collect()
}

/// Where the character `code` typed at `at` ends, given the character `next` follows it:
/// the first length after which `next` can start.
fn char_end(starting: &[Vec<(usize, usize, f32)>], at: usize, next: usize, code: usize) -> usize {
    let from = starting[at].partition_point(|e| e.0 < code);
    starting[at][from..]
        .iter()
        .take_while(|e| e.0 == code)
        .map(|e| at + e.1)
        .find(|&end| starting.get(end).is_some_and(|s| s.iter().any(|e| e.0 == next)))
        .unwrap_or(at + 1)
}

/// The cheapest whole paths through the lattice, cheapest first.
fn paths(r: &Reader<'_>, stream: &Stream, edges: &[Edge]) -> Vec<Path> {
    let n = stream.units.len();
    let mut at: Vec<Vec<Path>> = vec![Vec::new(); n + 1];
    at[0].push(Path { cost: 0.0, edges: Vec::new() });
    for i in 0..n {
        let mut here = std::mem::take(&mut at[i]);
        sort::sort_by(&mut here, |a, b| a.cost.total_cmp(&b.cost).then_with(|| words_of(a).cmp(&words_of(b))));
        here.truncate(BEAM);
        let lone = match &stream.units[i] {
            Unit::Han(c, _) => Some(Edge { start: i, end: i + 1, word: vec![*c], clauses: 0, cost: LONE_HAN }),
            Unit::Letter(_) => None,
        };
        for edge in edges.iter().filter(|e| e.start == i).chain(lone.as_ref()) {
            for path in &here {
                let mut cost = path.cost + edge.cost - FREQUENT * (u64::BITS - edge.clauses.leading_zeros()) as f32;
                if let Some(prev) = path.edges.last() {
                    if joined(r, prev, edge) {
                        cost -= JOINED;
                    }
                }
                let mut edges = path.edges.clone();
                edges.push(edge.clone());
                at[edge.end].push(Path { cost, edges });
            }
        }
        at[i] = here;
    }
    let mut done = std::mem::take(&mut at[n]);
    sort::sort_by(&mut done, |a, b| a.cost.total_cmp(&b.cost).then_with(|| words_of(a).cmp(&words_of(b))));
    done
}

/// True when the corpus writes the last character of `a` next to the first of `b`.
fn joined(r: &Reader<'_>, a: &Edge, b: &Edge) -> bool {
    match (a.word.last(), b.word.first()) {
        (Some(&x), Some(&y)) => r.index().has_key(&[x, y].iter().collect::<String>()),
        _ => false,
    }
}

/// The words of a path, for breaking ties between equally cheap paths the same way every time.
fn words_of(path: &Path) -> Vec<&[char]> {
    path.edges.iter().map(|e| e.word.as_slice()).collect()
}

/// The query with its pinyin replaced by the words of `path`: terms that a word spans are
/// joined into one (`shuang chuang` → 双创), the others stay apart (`chuangye butie` → 创业 补贴).
fn rewrite(query: &Query, stream: &Stream, path: &Path) -> Query {
    let mut terms: Vec<Term> = Vec::new();
    let mut last_term = usize::MAX;
    for edge in &path.edges {
        let (first, last) = (stream.term_of[edge.start], stream.term_of[edge.end - 1]);
        let typed = || query.sequence[first..=last].iter().map(|t| t.typed.as_str()).collect::<Vec<_>>().join(" ");
        match terms.last_mut() {
            Some(t) if first == last_term => {
                t.chars.extend(&edge.word);
                if last != first {
                    let more = query.sequence[first + 1..=last].iter().map(|t| t.typed.as_str());
                    t.typed = std::iter::once(t.typed.as_str()).chain(more).collect::<Vec<_>>().join(" ");
                }
            }
            _ => terms.push(Term { chars: edge.word.clone(), typed: typed(), phrase: false }),
        }
        last_term = last;
    }
    let mut include: Vec<Term> = Vec::new();
    for t in &terms {
        if !include.iter().any(|i| i.chars == t.chars) {
            include.push(t.clone());
        }
    }
    Query { include, exclude: query.exclude.clone(), sequence: terms }
}

#[cfg(test)]
mod tests {
    /// Readings over the test corpus.
    #[cfg(not(target_arch = "wasm32"))]
    mod read {
        use super::super::*;
        use crate::testing::{query, reader};

        /// Each reading of `raw` as its terms, and whether the corpus holds them all.
        fn readings(raw: &str) -> Vec<(Vec<String>, bool)> {
            let r = reader();
            pinyin_readings(&r, &query(&r, raw))
                .into_iter()
                .map(|(q, found)| (q.include.iter().map(|t| t.chars.iter().collect()).collect(), found))
                .collect()
        }

        fn first(raw: &str) -> (Vec<String>, bool) {
            readings(raw).into_iter().next().unwrap_or_else(|| panic!("{raw}: no reading"))
        }

        #[test]
        fn full_pinyin_reads_as_the_corpus_s_word() {
            assert_eq!(first("zhongchuangkongjian"), (vec!["众创空间".to_string()], true));
            assert_eq!(first("rencaigongyu"), (vec!["人才公寓".to_string()], true));
            assert_eq!(first("ZhiShiChanQuan"), (vec!["知识产权".to_string()], true));
        }

        #[test]
        fn initials_read_as_the_corpus_s_word() {
            assert_eq!(first("zckj"), (vec!["众创空间".to_string()], true));
            assert_eq!(first("zscq"), (vec!["知识产权".to_string()], true));
            assert_eq!(first("fhq"), (vec!["孵化器".to_string()], true));
        }

        #[test]
        fn an_accent_s_confusion_still_reads() {
            // z for zh, as the south types 众 (zhong).
            assert_eq!(first("zongchuangkongjian"), (vec!["众创空间".to_string()], true));
        }

        #[test]
        fn typed_spaces_stay_between_terms() {
            assert_eq!(first("chuangye butie"), (vec!["创业".to_string(), "补贴".to_string()], true));
        }

        #[test]
        fn hanzi_and_tokens_with_digits_are_not_read() {
            assert_eq!(readings("众创空间"), []);
            assert_eq!(readings("5g"), []);
        }
    }
}
