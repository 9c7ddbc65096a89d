//! What a hit shows of its clause: every occurrence of the query's terms as highlight ranges,
//! and, for a long clause, the window of text that holds the most of them.

use policy_search_index::keys;
use policy_search_sort as sort;

use crate::results::Snippet;

/// Clauses longer than this many characters get a snippet window.
const SNIPPET_CHARS: usize = 120;

/// Every occurrence of `terms` in `folded`, merged into sorted, disjoint `[start, end)` ranges.
pub(crate) fn highlights(folded: &[char], terms: &[Vec<char>]) -> Vec<[u32; 2]> {
    let mut ranges: Vec<[u32; 2]> = terms
        .iter()
        .flat_map(|t| keys::occurrences(folded, t).into_iter().map(move |s| [s as u32, (s + t.len()) as u32]))
        .collect();
    sort::sort(&mut ranges);
    let mut merged: Vec<[u32; 2]> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r[0] <= last[1] => last[1] = last[1].max(r[1]),
            _ => merged.push(r),
        }
    }
    merged
}

/// Start of the window of `SNIPPET_CHARS` that holds the most whole highlights (the earliest
/// of equals), among windows that begin a little before a highlight. Highlights are sorted and
/// disjoint, so both their starts and ends ascend, as do the candidate windows: two cursors
/// count in one pass (a clause with a hundred thousand matches costs a hundred thousand steps).
fn best_window(len: usize, highlights: &[[u32; 2]]) -> usize {
    let lead = SNIPPET_CHARS / 4;
    let (mut first, mut past) = (0, 0); // highlights[first..past] lie inside the current window
    let mut best: Option<(usize, usize)> = None; // (count, start)
    for h in highlights {
        let start = (h[0] as usize).saturating_sub(lead).min(len - SNIPPET_CHARS);
        while first < highlights.len() && (highlights[first][0] as usize) < start {
            first += 1;
        }
        past = past.max(first);
        while past < highlights.len() && (highlights[past][1] as usize) <= start + SNIPPET_CHARS {
            past += 1;
        }
        if best.is_none_or(|(count, _)| past - first > count) {
            best = Some((past - first, start));
        }
    }
    best.map_or(0, |(_, start)| start)
}

/// The window of `SNIPPET_CHARS` characters that holds the most highlights.
pub(crate) fn snippet(text: &str, len: usize, highlights: &[[u32; 2]]) -> Snippet {
    if len <= SNIPPET_CHARS + SNIPPET_CHARS / 3 {
        return Snippet { text: text.to_string(), start: 0, end: len as u32, highlights: highlights.to_vec() };
    }
    let mut start = best_window(len, highlights);
    let mut end = start + SNIPPET_CHARS;
    // Never cut a match in two: widen the window over a highlight that straddles an edge.
    for h in highlights {
        let (s, e) = (h[0] as usize, h[1] as usize);
        if s < start && e > start {
            start = s;
        }
        if s < end && e > end {
            end = e;
        }
    }
    let prefix = usize::from(start > 0);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(text.chars().skip(start).take(end - start));
    if end < len {
        out.push('…');
    }
    let shifted = highlights
        .iter()
        .filter(|h| (h[1] as usize) > start && (h[0] as usize) < end)
        .map(|h| {
            let s = (h[0] as usize).max(start) - start + prefix;
            let e = (h[1] as usize).min(end) - start + prefix;
            [s as u32, e as u32]
        })
        .collect();
    Snippet { text: out, start: start as u32, end: end as u32, highlights: shifted }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `best_window` computes in one pass.
    fn best_window_by_definition(len: usize, highlights: &[[u32; 2]]) -> usize {
        let lead = SNIPPET_CHARS / 4;
        let window_at = |h: &[u32; 2]| (h[0] as usize).saturating_sub(lead).min(len - SNIPPET_CHARS);
        let covered = |start: usize| {
            highlights.iter().filter(|h| h[0] as usize >= start && (h[1] as usize) <= start + SNIPPET_CHARS).count()
        };
        highlights.iter().map(window_at).max_by_key(|&s| (covered(s), std::cmp::Reverse(s))).unwrap_or(0)
    }

    #[test]
    fn the_snippet_window_is_found_in_one_pass_as_defined() {
        let mut x = 0x2545_f491_u64;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for _ in 0..2_000 {
            let len = 200 + next(800) as usize;
            let mut highlights = Vec::new();
            let mut at = next(50) as u32;
            let longest = if next(10) == 0 { 200 } else { 6 }; // sometimes longer than a window
            while (at as usize) < len - 10 && highlights.len() < 40 {
                let end = (at + 1 + next(longest) as u32).min(len as u32);
                highlights.push([at, end]);
                at = end + next(60) as u32;
            }
            assert_eq!(
                best_window(len, &highlights),
                best_window_by_definition(len, &highlights),
                "{len} {highlights:?}"
            );
        }
    }
}
