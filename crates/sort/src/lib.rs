//! One sort for everything that runs at query time.
//!
//! The standard library's sorts are generic over the element type *and* the comparison: every
//! `sort_unstable_by` with a closure of its own is another copy of quicksort, partitioning and
//! small-sort code in the wasm (2–3.5 KB each; the engine had 24 of them, a fifth of the natural
//! module's code). Here the sort itself — a stable merge sort of *positions*, comparing through
//! one `dyn` call — exists once; each element type adds only the small step that moves elements
//! into the order found (`permute`).
//!
//! Build-time code (corpus, lexicon, indexer) keeps the standard sorts: its size costs no one.

#![forbid(unsafe_code)]

use std::cmp::Ordering;

/// Sorts `v` by `compare`, stably (equal elements keep their order).
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = positions(v.len(), &mut |a, b| compare(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` by the key `key` gives each element, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` ascending, stably.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts clause numbers ascending. Lists of `u32` are the long ones (postings, hits): a radix
/// sort (four passes of one byte, `O(n)`) is fast on them and smaller than the standard
/// library's quicksort, which the wasm then does not carry at all.
pub fn sort_u32(v: &mut [u32]) {
    if v.len() < 2 * RUN {
        let mut order: Vec<usize> = (0..v.len()).collect();
        insertion(&mut order, &mut |a, b| v[a].cmp(&v[b]));
        let sorted: Vec<u32> = order.into_iter().map(|i| v[i]).collect();
        v.copy_from_slice(&sorted);
        return;
    }
    let mut spare = vec![0u32; v.len()];
    let (mut from, mut to): (&mut [u32], &mut [u32]) = (v, &mut spare);
    for shift in [0, 8, 16, 24] {
        let mut starts = [0usize; 256];
        for &x in from.iter() {
            starts[(x >> shift) as usize & 0xff] += 1;
        }
        let mut at = 0;
        for slot in starts.iter_mut() {
            (*slot, at) = (at, at + *slot);
        }
        for &x in from.iter() {
            let digit = (x >> shift) as usize & 0xff;
            to[starts[digit]] = x;
            starts[digit] += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    // Four passes: the sorted list is back in `v`.
}

/// Puts the `top` smallest elements of `v` by `compare` first, in order; the rest follow in no
/// particular order. For a page of hits out of many thousands it costs `n log top`, not `n log n`.
pub fn sort_top_by<T>(v: &mut [T], top: usize, mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 || top == 0 {
        return;
    }
    let order = top_positions(v.len(), top, &mut |a, b| compare(&v[a], &v[b]));
    permute(v, order);
}

/// The positions `0..n` in ascending order by `compare`: a bottom-up merge sort (runs of
/// [`RUN`] by insertion first), stable, `O(n log n)` comparisons. Not generic: the one copy.
#[inline(never)]
fn positions(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    for run in order.chunks_mut(RUN) {
        insertion(run, compare);
    }
    let mut spare = vec![0; n];
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            merge(&order[start..mid], &order[mid..end], &mut spare[start..end], compare);
        }
        std::mem::swap(&mut order, &mut spare);
        width *= 2;
    }
    order
}

/// Runs this short are sorted by insertion before merging.
const RUN: usize = 16;

/// Sorts `run` by insertion, stably.
fn insertion(run: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    for i in 1..run.len() {
        let mut j = i;
        while j > 0 && compare(run[j - 1], run[j]) == Ordering::Greater {
            run.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Merges the sorted `left` and `right` into `out` (their total length); on a tie `left` first.
fn merge(left: &[usize], right: &[usize], out: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        let take_left = j == right.len() || (i < left.len() && compare(left[i], right[j]) != Ordering::Greater);
        if take_left {
            *slot = left[i];
            i += 1;
        } else {
            *slot = right[j];
            j += 1;
        }
    }
}

/// The positions of the `top` smallest of `0..n` by `compare`, in order, then the others in
/// ascending position. A max-heap of the best `top` seen so far, then [`positions`] over it.
#[inline(never)]
fn top_positions(n: usize, top: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    if top >= n / 2 {
        return positions(n, compare);
    }
    // heap[0] is the worst of the best `top` so far; of two equal, the later position is the
    // worse, so that the result is a stable sort's first `top`.
    fn worse(a: usize, b: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> bool {
        compare(a, b).then(a.cmp(&b)) == Ordering::Greater
    }
    let mut heap: Vec<usize> = Vec::with_capacity(top);
    for p in 0..n {
        if heap.len() < top {
            heap.push(p);
            let mut i = heap.len() - 1;
            while i > 0 && worse(heap[i], heap[(i - 1) / 2], compare) {
                heap.swap(i, (i - 1) / 2);
                i = (i - 1) / 2;
            }
        } else if worse(heap[0], p, compare) {
            heap[0] = p;
            let mut i = 0;
            loop {
                let (l, r) = (2 * i + 1, 2 * i + 2);
                let mut largest = i;
                if l < top && worse(heap[l], heap[largest], compare) {
                    largest = l;
                }
                if r < top && worse(heap[r], heap[largest], compare) {
                    largest = r;
                }
                if largest == i {
                    break;
                }
                heap.swap(i, largest);
                i = largest;
            }
        }
    }
    let best = positions(heap.len(), &mut |a, b| compare(heap[a], heap[b]).then(heap[a].cmp(&heap[b])));
    let mut chosen = vec![false; n];
    let mut order: Vec<usize> = best.into_iter().map(|i| heap[i]).collect();
    for &p in &order {
        chosen[p] = true;
    }
    order.extend((0..n).filter(|&p| !chosen[p]));
    order
}

/// Rearranges `v` so that `v[i]` becomes the element at `order[i]` before; `order` must be a
/// permutation of `0..v.len()`. Follows each cycle once, swapping; consumes `order` as its marks.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != usize::MAX {
            let from = order[at];
            order[at] = usize::MAX;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic sequence of pseudo-random numbers (xorshift).
    fn numbers(len: usize, seed: u64, range: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        for len in [0, 1, 2, 3, 15, 16, 17, 31, 33, 100, 1000, 4097] {
            for range in [2, 10, 1_000_000] {
                // (key, original position): stability shows in the positions.
                let v: Vec<(u64, usize)> = numbers(len, len as u64 + range, range).into_iter().zip(0..).collect();
                let mut ours = v.clone();
                sort_by_key(&mut ours, |e| e.0);
                let mut std = v.clone();
                std.sort_by_key(|e| e.0);
                assert_eq!(ours, std, "len {len}, range {range}");
            }
        }
    }

    #[test]
    fn puts_the_top_first_as_a_stable_sort_would() {
        for len in [1, 5, 40, 1000] {
            for top in [1, 3, 10, 19, 20, 21, 999, 5000] {
                let v: Vec<(u64, usize)> = numbers(len, 7 + len as u64, 50).into_iter().zip(0..).collect();
                let mut ours = v.clone();
                sort_top_by(&mut ours, top, |a, b| a.0.cmp(&b.0));
                let mut std = v.clone();
                std.sort_by_key(|e| e.0);
                let k = top.min(len);
                assert_eq!(ours[..k], std[..k], "len {len}, top {top}");
                let mut rest = ours.clone();
                rest.sort();
                let mut all = v.clone();
                all.sort();
                assert_eq!(rest, all, "the same elements, len {len}, top {top}");
            }
        }
    }

    #[test]
    fn sorts_clause_numbers_as_the_standard_sort_does() {
        for len in [0, 1, 2, 31, 32, 33, 1000, 70_000] {
            for range in [3, 1_000, u32::MAX as u64] {
                let v: Vec<u32> = numbers(len, 11 + len as u64, range).into_iter().map(|x| x as u32).collect();
                let mut ours = v.clone();
                sort_u32(&mut ours);
                let mut std = v;
                std.sort_unstable();
                assert_eq!(ours, std, "len {len}, range {range}");
            }
        }
    }

    #[test]
    fn sorts_owned_values_in_place() {
        let mut words: Vec<String> = ["政策", "创业", "补贴", "创业", "a"].map(String::from).to_vec();
        sort(&mut words);
        // By code point, as `str` orders.
        assert_eq!(words, ["a", "创业", "创业", "政策", "补贴"].map(String::from));
    }
}
