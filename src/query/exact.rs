//! The exact tier: every term occurs in the clause's folded text as a substring (Latin and
//! number tokens whole), no excluded term does. A term's keys select candidates from the
//! postings, rarest first; each candidate is then verified — against the offsets of its keys
//! where the postings carry them (a sharded index, whose text is fetched only for the clauses
//! shown), otherwise against its text — so hits equal a brute-force scan either way.

use policy_search_index::{keys, postings::Occurrences};
use policy_search_sort as sort;

use crate::{query::Query, rank, reader::Reader};

/// A term's matches: the clauses holding it, ascending, each with the character offsets of its
/// occurrences.
pub type Matches = Vec<(u32, Vec<usize>)>;

/// Clauses containing `term` (folded), each with the character offsets of its occurrences,
/// in clause order.
pub fn matches(r: &Reader<'_>, term: &[char]) -> Matches {
    if r.index().positional() {
        if let Some(keys) = keys::term_keys_at(term) {
            return matches_by_offsets(r, &keys);
        }
    }
    holding_keys(r, term)
        .into_iter()
        .filter_map(|c| {
            let starts = keys::occurrences(r.folded(c), term);
            (!starts.is_empty()).then_some((c, starts))
        })
        .collect()
}

/// True when some clause contains `term` (folded): [`matches()`] stopping at the
/// first clause found.
pub fn occurs(r: &Reader<'_>, term: &[char]) -> bool {
    if r.index().positional() && keys::term_keys_at(term).is_some() {
        return !matches(r, term).is_empty();
    }
    holding_keys(r, term).into_iter().any(|c| !keys::occurrences(r.folded(c), term).is_empty())
}

/// [`matches`] from positional postings: the clauses holding every key (rarest
/// list first), and in each the starts `s` where every key sits at `s + its offset`.
fn matches_by_offsets(r: &Reader<'_>, keys: &[(String, usize)]) -> Matches {
    let mut lists: Vec<(usize, Vec<Occurrences>)> =
        keys.iter().map(|(key, offset)| (*offset, r.index().occurrences(key))).collect();
    sort::sort_by_key(&mut lists, |(_, list)| list.len());
    let Some(((first_offset, rarest), others)) = lists.split_first() else { return Vec::new() };
    let mut out = Vec::new();
    let mut held = Vec::with_capacity(others.len());
    'clause: for (clause, at) in rarest {
        held.clear();
        for (offset, list) in others {
            let Ok(i) = list.binary_search_by_key(clause, |o| o.0) else { continue 'clause };
            held.push((*offset, &list[i].1));
        }
        let starts: Vec<usize> = at
            .iter()
            .filter_map(|&p| (p as usize).checked_sub(*first_offset))
            .filter(|&s| held.iter().all(|(offset, at)| at.binary_search(&((s + offset) as u32)).is_ok()))
            .collect();
        if !starts.is_empty() {
            out.push((*clause, starts));
        }
    }
    out
}

/// The clauses that hold every key of `term`, ascending: a superset of its matches.
fn holding_keys(r: &Reader<'_>, term: &[char]) -> Vec<u32> {
    let keys = keys::term_keys(&term.iter().collect::<String>());
    if keys.is_empty() {
        return (0..r.index().clause_count()).collect(); // punctuation only: scan every clause
    }
    if !keys.iter().all(|k| r.index().has_key(k)) {
        return Vec::new(); // a key no clause holds: no postings to read
    }
    let mut lists: Vec<Vec<u32>> = keys.iter().map(|k| r.index().postings(k)).collect();
    sort::sort_by_key(&mut lists, Vec::len);
    let mut lists = lists.into_iter();
    let first = lists.next().unwrap_or_default();
    lists.fold(first, |acc, list| intersect(&acc, &list))
}

/// The clauses holding an excluded term of `query`, ascending.
pub(crate) fn excluded(r: &Reader<'_>, query: &Query) -> Vec<u32> {
    let mut out: Vec<u32> = query.exclude.iter().flat_map(|t| matches(r, &t.chars)).map(|m| m.0).collect();
    sort::sort_u32(&mut out);
    out.dedup();
    out
}

/// The exact tier: matching clause numbers with their scores, the best `top` first (the
/// rest in no order: only a page is shown), and each included term's matches (which the
/// relaxed tier reuses for pieces that are whole terms).
pub(crate) fn exact(r: &Reader<'_>, query: &Query, top: usize) -> (Vec<(u32, f32)>, Vec<Matches>) {
    let per_term: Vec<Matches> = query.include.iter().map(|t| matches(r, &t.chars)).collect();
    let n = r.index().clause_count();
    let idfs: Vec<f32> = per_term.iter().map(|m| rank::idf(n, m.len())).collect();
    let Some(shortest) = per_term.iter().min_by_key(|m| m.len()) else { return (Vec::new(), per_term) };
    let excluded = excluded(r, query);
    let mut ranked: Vec<(u32, f32)> = shortest
        .iter()
        .filter_map(|&(clause, _)| {
            let mut terms = Vec::with_capacity(per_term.len());
            for (i, matches) in per_term.iter().enumerate() {
                let at = matches.binary_search_by_key(&clause, |m| m.0).ok()?;
                terms.push(rank::TermMatch { starts: &matches[at].1, len: query.include[i].chars.len(), idf: idfs[i] });
            }
            if excluded.binary_search(&clause).is_ok() {
                return None;
            }
            Some((clause, rank::score(&terms, &r.facts(clause)?, r.index().average_chars())))
        })
        .collect();
    rank::sort_top(&mut ranked, top, |&hit| hit);
    (ranked, per_term)
}

/// `word` (folded) as the corpus writes it: as it folds where a clause writes it so (the
/// Simplified form), otherwise as the first clause holding it does — the fold's class
/// representatives are not always the characters people read.
pub(crate) fn written(r: &Reader<'_>, word: &[char]) -> String {
    let folded: String = word.iter().collect();
    let mut first = None;
    for (clause, starts) in matches(r, word) {
        let Some(view) = r.index().clause(clause) else { continue };
        let Some(&at) = starts.first() else { continue };
        let written: String = view.text.chars().skip(at).take(word.len()).collect();
        if written == folded {
            return written;
        }
        first.get_or_insert(written);
    }
    first.unwrap_or(folded)
}

/// The clause numbers in both ascending lists.
pub(crate) fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::testing::{names, query, reader, sharded};

    /// The clauses `raw` finds, best first.
    fn found(r: &Reader<'_>, raw: &str) -> Vec<String> {
        names(r, exact(r, &query(r, raw), 100).0.into_iter().map(|(clause, _)| clause))
    }

    /// The same, in clause order.
    fn found_sorted(r: &Reader<'_>, raw: &str) -> Vec<String> {
        let mut hits: Vec<u32> = exact(r, &query(r, raw), 100).0.into_iter().map(|(clause, _)| clause).collect();
        sort::sort_u32(&mut hits);
        names(r, hits)
    }

    #[test]
    fn a_term_is_found_inside_words_in_either_script() {
        for r in [reader(), sharded()] {
            let makerspace =
                ["makerspace preamble", "makerspace 1.1", "makerspace 1.2", "makerspace 1.3", "incubator 1.2"];
            // Inside 众创空间, in Simplified text and in the Traditional 眾創空間.
            assert_eq!(found_sorted(&r, "创空"), makerspace);
            // Typed in Traditional, it is the same query.
            assert_eq!(found_sorted(&r, "眾創空間"), makerspace);
            assert_eq!(found_sorted(&r, "獎勵"), found_sorted(&r, "奖励"));
            assert!(found_sorted(&r, "奖励").contains(&"incubator 1.1".to_string()), "the Traditional 獎勵");
            assert_eq!(found_sorted(&r, "众创空间认定奖励"), Vec::<String>::new(), "not as one substring");
        }
    }

    #[test]
    fn latin_and_number_tokens_match_whole() {
        for r in [reader(), sharded()] {
            assert_eq!(found(&r, "5g"), ["makerspace 2.1"], "not inside 15G");
            assert_eq!(found(&r, "15G"), ["makerspace 2.2"]);
            assert_eq!(found(&r, "2万元"), ["makerspace 1.2"]);
            assert_eq!(found(&r, "0万元"), Vec::<String>::new(), "not inside 50万元 or 100萬元");
        }
    }

    #[test]
    fn an_excluded_term_removes_the_clauses_holding_it() {
        for r in [reader(), sharded()] {
            assert_eq!(found_sorted(&r, "补贴").len(), 4);
            assert_eq!(found(&r, "补贴 -众创空间"), ["talent 1.2"]);
            assert_eq!(found(&r, "补贴 -众创空间 -购房"), Vec::<String>::new());
        }
    }

    #[test]
    fn a_quoted_phrase_holds_its_words_together() {
        for r in [reader(), sharded()] {
            assert_eq!(found_sorted(&r, "\"创业补贴\""), ["makerspace 1.2", "incubator 1.2"]);
            assert_eq!(found_sorted(&r, "“创业 补贴”"), Vec::<String>::new(), "its space is part of it");
            // Apart, as two terms, they are also in 1.3 (创业团队 … 补贴).
            assert_eq!(found_sorted(&r, "创业 补贴"), ["makerspace 1.2", "makerspace 1.3", "incubator 1.2"]);
        }
    }

    #[test]
    fn offsets_point_at_every_occurrence_in_the_display_text() {
        for r in [reader(), sharded()] {
            for term in ["众创空间", "5g", "獎勵", "补贴", "。"] {
                let term: Vec<char> = term.chars().map(|c| r.fold_char(c)).collect();
                let found = matches(&r, &term);
                assert!(!found.is_empty());
                for i in 0..r.index().clause_count() {
                    let text: Vec<char> = r.index().clause(i).unwrap().text.chars().map(|c| r.fold_char(c)).collect();
                    let expected: Vec<usize> = (0..text.len())
                        .filter(|&s| text[s..].starts_with(&term))
                        // A Latin token is found whole only.
                        .filter(|&s| !term[0].is_ascii_alphanumeric() || s == 0 || !text[s - 1].is_ascii_alphanumeric())
                        .collect();
                    let starts = found.iter().find(|m| m.0 == i).map_or(&[][..], |m| &m.1[..]);
                    assert_eq!(starts, expected, "{term:?} in {:?}", names(&r, [i]));
                }
            }
            // 眾創空間 opens the Traditional clause and stands again after 孵化器內設立.
            let held = matches(&r, &['众', '创', '空', '间']);
            let (clause, starts) = held.last().unwrap();
            assert_eq!((names(&r, [*clause]), &starts[..]), (vec!["incubator 1.2".to_string()], &[0, 11][..]));
        }
    }

    #[test]
    fn terms_together_in_a_heading_rank_first_and_terms_apart_last() {
        for r in [reader(), sharded()] {
            // makerspace 1.2's heading is 创业补贴; incubator 1.2 has 創業補貼 in its body;
            // makerspace 1.3 has them apart, and is shorter than incubator 1.2.
            let hits = found(&r, "创业 补贴");
            assert_eq!(hits, ["makerspace 1.2", "incubator 1.2", "makerspace 1.3"]);
            let chars = |name: &str| {
                let i = (0..r.index().clause_count()).find(|&i| names(&r, [i]) == [name]).unwrap();
                r.index().clause(i).unwrap().char_len
            };
            assert!(chars("makerspace 1.3") < chars("incubator 1.2"));
        }
    }

    #[test]
    fn a_term_in_the_heading_ranks_above_the_same_term_in_the_body() {
        let r = reader();
        let hits = exact(&r, &query(&r, "购房"), 10).0;
        assert_eq!(names(&r, hits.iter().map(|h| h.0)), ["talent 1.2", "talent 1.1"]);
        // Each holds 购房 once, 1.2 in its heading (购房补贴), 1.1 in its body; 1.2 is the
        // longer, so length alone would rank it second.
        assert!(matches(&r, &['购', '房']).iter().all(|(_, starts)| starts.len() == 1));
        let chars = |i: u32| r.index().clause(i).unwrap().char_len;
        assert!(chars(hits[0].0) > chars(hits[1].0));
    }
}
