//! Ranking: BM25 over clauses, then whole-phrase and proximity bonuses, heading matches above
//! body matches, and responsibility tags (`责任单位：…`) weighed below substantive text.
//!
//! Every weight is a named constant here; ties are broken by document then clause order, so
//! the same query always ranks the same way.

use policy_search_sort as sort;

/// BM25 term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25 length normalisation.
pub const B: f32 = 0.75;
/// Weight of an occurrence inside the clause's responsibility tag (an ordinary one is 1).
pub const UNITS_WEIGHT: f32 = 0.2;
/// Bonus, in units of the term's idf, when the term occurs in the clause's heading.
pub const HEADING_BONUS: f32 = 0.8;
/// Bonus, in units of the summed idf, when all terms occur adjacent and in query order.
pub const PHRASE_BONUS: f32 = 1.0;
/// Bonus, in units of the summed idf, scaled by how close the terms occur.
pub const PROXIMITY_BONUS: f32 = 0.5;

/// One term's matches in one clause.
pub struct TermMatch<'a> {
    /// Character offsets of its occurrences.
    pub starts: &'a [usize],
    /// Its length in characters.
    pub len: usize,
    /// Its inverse document frequency.
    pub idf: f32,
}

/// What ranking needs to know about a clause.
pub struct ClauseFacts {
    /// Length in characters.
    pub len: u32,
    /// Length of its heading in characters (a prefix of the text).
    pub heading_len: u32,
    /// Its responsibility tag.
    pub units: Option<std::ops::Range<u32>>,
}

/// Puts the best `top` scored clauses first, best first; the rest follow in no order (a page
/// needs its hits, not a sorted list of every clause a common term is in). Ties go to document
/// then clause order (clause numbers follow both), so the same query always ranks the same way.
pub fn sort_top<T>(ranked: &mut [T], top: usize, key: impl Fn(&T) -> (u32, f32)) {
    sort::sort_top_by(ranked, top, |a, b| {
        let (a, b) = (key(a), key(b));
        b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
    });
}

/// BM25's idf for a term found in `df` of `n` clauses.
///
/// The logarithm is `libm`'s on every target, not the platform's (glibc natively, another
/// port in wasm, which differ in the last bit): a score is then the same bits in the CLI, the
/// browser and the npm package, and so are their rankings and JSON.
pub fn idf(n: u32, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    libm::logf(1.0 + (n - df + 0.5) / (df + 0.5))
}

/// `factor` to the power `times`, by plain multiplication (the same bits on every target).
pub fn power(factor: f32, times: usize) -> f32 {
    (0..times).fold(1.0, |x, _| x * factor)
}

/// Scores one clause for the query's terms (in query order).
pub fn score(terms: &[TermMatch<'_>], clause: &ClauseFacts, average_len: f32) -> f32 {
    let norm = K1 * (1.0 - B + B * clause.len as f32 / average_len.max(1.0));
    let mut score = 0.0;
    for t in terms {
        let in_units =
            |s: usize| clause.units.as_ref().is_some_and(|u| (u.start as usize..u.end as usize).contains(&s));
        let tf: f32 = t.starts.iter().map(|&s| if in_units(s) { UNITS_WEIGHT } else { 1.0 }).sum();
        score += t.idf * tf * (K1 + 1.0) / (tf + norm);
        if t.starts.iter().any(|&s| s + t.len <= clause.heading_len as usize) {
            score += HEADING_BONUS * t.idf;
        }
    }
    if terms.len() > 1 {
        let total_idf: f32 = terms.iter().map(|t| t.idf).sum();
        if in_order_adjacent(terms) {
            score += PHRASE_BONUS * total_idf;
        }
        if let Some(gap) = smallest_gap(terms) {
            score += PROXIMITY_BONUS * total_idf / (1.0 + gap as f32 / 8.0);
        }
    }
    score
}

/// True when some occurrence of each term directly follows one of the term before it.
fn in_order_adjacent(terms: &[TermMatch<'_>]) -> bool {
    terms[0].starts.iter().any(|&start| {
        let mut end = start + terms[0].len;
        terms[1..].iter().all(|t| {
            let found = t.starts.binary_search(&end).is_ok();
            end += t.len;
            found
        })
    })
}

/// The fewest characters between terms in any window holding one occurrence of each.
fn smallest_gap(terms: &[TermMatch<'_>]) -> Option<usize> {
    let mut events: Vec<(usize, usize)> =
        terms.iter().enumerate().flat_map(|(i, t)| t.starts.iter().map(move |&s| (s, i))).collect();
    sort::sort(&mut events);
    let mut last = vec![None::<usize>; terms.len()];
    let mut best = None;
    for &(start, term) in &events {
        last[term] = Some(start);
        if last.iter().all(Option::is_some) {
            let lo = last.iter().flatten().min().copied().unwrap_or(start);
            let covered: usize = terms.iter().map(|t| t.len).sum();
            let window = start + terms[term].len - lo;
            let gap = window.saturating_sub(covered);
            best = Some(best.map_or(gap, |b: usize| b.min(gap)));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(len: u32) -> ClauseFacts {
        ClauseFacts { len, heading_len: 0, units: None }
    }

    #[test]
    fn more_occurrences_and_shorter_clauses_score_higher() {
        let t = |s: &'static [usize]| [TermMatch { starts: s, len: 2, idf: 1.0 }];
        assert!(score(&t(&[0, 10]), &facts(100), 100.0) > score(&t(&[0]), &facts(100), 100.0));
        assert!(score(&t(&[0]), &facts(50), 100.0) > score(&t(&[0]), &facts(200), 100.0));
    }

    #[test]
    fn headings_rank_above_bodies_and_units_below() {
        let t = [TermMatch { starts: &[0], len: 2, idf: 1.0 }];
        let heading = ClauseFacts { len: 100, heading_len: 6, units: None };
        let units = ClauseFacts { len: 100, heading_len: 0, units: Some(0..10) };
        assert!(score(&t, &heading, 100.0) > score(&t, &facts(100), 100.0));
        assert!(score(&t, &units, 100.0) < score(&t, &facts(100), 100.0));
    }

    #[test]
    fn adjacent_then_near_terms_rank_first() {
        let two = |a: &'static [usize], b: &'static [usize]| {
            [TermMatch { starts: a, len: 2, idf: 1.0 }, TermMatch { starts: b, len: 2, idf: 1.0 }]
        };
        let adjacent = score(&two(&[10], &[12]), &facts(100), 100.0);
        let near = score(&two(&[10], &[16]), &facts(100), 100.0);
        let far = score(&two(&[10], &[80]), &facts(100), 100.0);
        let reversed = score(&two(&[12], &[10]), &facts(100), 100.0);
        assert!(adjacent > near && near > far && adjacent > reversed, "{adjacent} {near} {far} {reversed}");
    }
}
