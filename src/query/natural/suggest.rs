//! Autocomplete: up to a handful of the corpus's own phrases that complete what is typed so
//! far — hanzi or Traditional (`知识` → 知识产权, 知识产权保护), pinyin or initials (`zhis`,
//! `zscq` → 知识产权) — most widely held first.
//!
//! Hanzi complete through the vocabulary FST (every word below the typed prefix that the
//! build marked worth suggesting: segmenter words and closed n-grams, see
//! [`policy_search_index::vocab::Word::suggest`]); pinyin through the pinyin section, walked
//! as [`super::pinyin`] walks it with the last syllable allowed to be cut short and any
//! syllables after it. Earlier terms of the box are kept as typed.

use policy_search_sort as sort;
use serde::Serialize;

use policy_search_index::{lexicon::Cursor, vocab::Word};
use policy_search_normalize::is_han;

use crate::{
    query::{
        self, exact,
        pinyin::{self, Mode, Stream},
        Query,
    },
    reader::Reader,
};

/// Completions returned when the caller does not say.
pub const DEFAULT_LIMIT: usize = 8;
/// Most completions returned.
pub const MAX_LIMIT: usize = 32;
/// Vocabulary words looked at per request, so that a one-character prefix stays fast.
const MAX_VISITED: usize = 4096;

/// One completion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The whole box text to search: earlier terms as typed, then the completion written as
    /// the corpus writes it.
    pub text: String,
    /// Clauses (and titles) holding the completion.
    pub clauses: u32,
}

/// Up to `limit` completions of `raw` (none without a lexicon, for empty input, or for
/// input that is not a query).
pub fn suggest(r: &Reader<'_>, raw: &str, limit: usize) -> Vec<Suggestion> {
    let limit = limit.min(MAX_LIMIT);
    let Ok(query) = query::parse(raw, |c| r.fold_char(c)) else { return Vec::new() };
    if !crate::embedded::NATURAL || r.lexicon().is_none() || limit == 0 || !query.exclude.is_empty() {
        return Vec::new();
    }
    let Some(last) = query.sequence.last() else { return Vec::new() };
    let typed_before =
        |n: usize| query.sequence[..n].iter().map(|t| t.typed.as_str()).chain([""]).collect::<Vec<_>>().join(" ");
    let mut found: Vec<(Vec<char>, u32, usize)> = Vec::new(); // (word, clauses, terms it completes)
    if last.chars.iter().all(|&c| is_han(c)) {
        for (word, clauses) in completions(r, &last.chars) {
            found.push((word, clauses, 1));
        }
    } else {
        // The whole box as one pinyin input first (spaced pinyin), else its last term.
        let whole = pinyin_completions(r, &query);
        if whole.is_empty() {
            let alone = Query { include: vec![last.clone()], exclude: Vec::new(), sequence: vec![last.clone()] };
            found.extend(pinyin_completions(r, &alone).into_iter().map(|(w, c)| (w, c, 1)));
        } else {
            found.extend(whole.into_iter().map(|(w, c)| (w, c, query.sequence.len())));
        }
    }
    sort::sort_by(&mut found, |a, b| b.1.cmp(&a.1).then(a.0.len().cmp(&b.0.len())).then(a.0.cmp(&b.0)));
    found.dedup_by(|a, b| a.0 == b.0);
    found
        .into_iter()
        .filter(|(word, _, _)| *word != last.chars)
        .take(limit)
        .map(|(word, clauses, terms)| Suggestion {
            text: typed_before(query.sequence.len() - terms) + &exact::written(r, &word),
            clauses,
        })
        .collect()
}

/// Vocabulary words worth suggesting that start with `prefix` (folded), with their clause
/// counts.
fn completions(r: &Reader<'_>, prefix: &[char]) -> Vec<(Vec<char>, u32)> {
    let Some(lexicon) = r.lexicon() else { return Vec::new() };
    let alphabet = r.index().alphabet();
    let Some(key) = alphabet.encode_chars(prefix.iter().copied()) else { return Vec::new() };
    // A sharded vocabulary is read only in the ranges below the prefix.
    let Some(node) = lexicon.vocab().step(&key) else { return Vec::new() };
    let mut found = Vec::new();
    let mut visited = 0;
    let mut stack: Vec<(Cursor<'_, '_>, Vec<u8>)> = vec![(node, key)];
    while let Some((node, key)) = stack.pop() {
        visited += 1;
        if visited > MAX_VISITED {
            break;
        }
        if let Some(value) = node.value() {
            let word = Word::unpack(value);
            if word.suggest && word.in_corpus {
                if let Some(text) = alphabet.decode(&key) {
                    found.push((text.chars().collect(), word.clauses));
                }
            }
        }
        for (b, next) in node.children() {
            let mut spelled = key.clone();
            spelled.push(b);
            stack.push((next, spelled));
        }
    }
    found
}

/// Words whose reading starts with the whole of `query` read as pinyin.
fn pinyin_completions(r: &Reader<'_>, query: &Query) -> Vec<(Vec<char>, u32)> {
    let Some(stream): Option<Stream> = pinyin::pinyin_stream(r, query) else { return Vec::new() };
    let ways = pinyin::Ways::new(r.syllable_names(), &stream, Mode { fuzzy: false, complete: true });
    pinyin::pinyin_walk(r, &stream, &ways, 0)
        .into_iter()
        .map(|e| (e.word, e.clauses.min(u64::from(u32::MAX)) as u32))
        .collect()
}

#[cfg(all(test, feature = "natural", not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::testing::{reader, without_lexicon};

    fn texts(r: &Reader<'_>, raw: &str) -> Vec<String> {
        suggest(r, raw, DEFAULT_LIMIT).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn a_hanzi_prefix_is_completed_with_the_corpus_s_phrases() {
        let r = reader();
        let found = suggest(&r, "众创", DEFAULT_LIMIT);
        assert_eq!(found[0].text, "众创空间");
        // Four clauses of the Simplified document, one of the Traditional one, and a title.
        assert_eq!(found[0].clauses, 6);
        assert_eq!(texts(&r, "孵化"), ["孵化器"]);
        assert!(!texts(&r, "众创空间").contains(&"众创空间".to_string()), "not what is typed already");
    }

    #[test]
    fn a_traditional_prefix_is_completed_as_the_corpus_writes_it() {
        let r = reader();
        assert_eq!(texts(&r, "眾創"), ["众创空间"]);
    }

    #[test]
    fn a_pinyin_prefix_is_completed_whole_cut_short_or_as_initials() {
        let r = reader();
        for typed in ["zhongchuang", "zhongch", "zckj"] {
            assert!(texts(&r, typed).contains(&"众创空间".to_string()), "{typed}: {:?}", texts(&r, typed));
        }
        assert_eq!(texts(&r, "fuh"), ["孵化器"]);
        assert_eq!(texts(&r, "zhis"), ["知识产权"]);
    }

    #[test]
    fn earlier_terms_stay_as_typed() {
        let r = reader();
        assert!(texts(&r, "双创 zhongchuang").contains(&"双创 众创空间".to_string()));
        assert!(texts(&r, "补贴 孵化").contains(&"补贴 孵化器".to_string()));
    }

    #[test]
    fn nothing_is_offered_without_the_lexicon_with_an_exclusion_or_for_no_room() {
        assert_eq!(texts(&without_lexicon(), "众创"), Vec::<String>::new());
        let r = reader();
        assert_eq!(texts(&r, "孵化 -众创"), Vec::<String>::new());
        assert_eq!(suggest(&r, "众创", 0), []);
        assert_eq!(texts(&r, ""), Vec::<String>::new());
    }
}
