//! One small stable sort for the whole crate.
//!
//! The standard library's sorts are fast but large: every element type and comparator
//! instantiates its own copy of driftsort/ipnsort, and the crate's dozen sort call sites
//! cost about 18 KB of the wasm module, more than the engine's whole arithmetic. Here the
//! algorithm (a bottom-up merge sort of `u32` indices) is compiled once behind a
//! `&mut dyn FnMut`, and each element type adds only a comparator and a permutation pass.
//!
//! The sorts in the crate run on short lists (a day's spans, a calendar's exceptions, a
//! group's durations), where this costs a few extra comparisons and an index vector.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (equal elements keep their order).
///
/// ```ignore
/// let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
/// slaclock::sort::sort_by(&mut v, |a, b| a.0.cmp(&b.0));
/// assert_eq!(v, [(0, 'd'), (1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub(crate) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 || v.windows(2).all(|w| cmp(&w[0], &w[1]) != Ordering::Greater) {
        return;
    }
    let perm = {
        let s = &*v;
        sorted_indices(s.len(), &mut |a, b| cmp(&s[a], &s[b]) == Ordering::Greater)
    };
    permute(v, perm);
}

/// Sorts `v` by the key `key` gives, stably.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` in the order a stable sort puts them: `greater(a, b)` says whether
/// the element at index `a` goes after the one at `b`. Bottom-up merge sort, `O(n log n)`.
fn sorted_indices(n: usize, greater: &mut dyn FnMut(usize, usize) -> bool) -> Vec<u32> {
    let mut a: Vec<u32> = (0..n as u32).collect();
    let mut b: Vec<u32> = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut b[lo..hi] {
                // Take from the right run only when its head is strictly smaller: stable.
                if j < hi && (i >= mid || greater(a[i] as usize, a[j] as usize)) {
                    *slot = a[j];
                    j += 1;
                } else {
                    *slot = a[i];
                    i += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Reorders `v` so that position `i` holds the element that was at `perm[i]`, in place
/// by following the permutation's cycles.
fn permute<T>(v: &mut [T], mut perm: Vec<u32>) {
    for start in 0..v.len() {
        let mut j = start;
        loop {
            let k = perm[j] as usize;
            perm[j] = j as u32; // done
            if k == start || k == j {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_sorted() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut w = vec![5u64, 3, 9, 1, 1, 0];
        sort(&mut w);
        assert_eq!(w, [0, 1, 1, 3, 5, 9]);
        let mut e: Vec<u8> = vec![];
        sort(&mut e);
        assert!(e.is_empty());
    }

    /// Against the standard library's stable sort on 3,000 pseudo-random lists with many
    /// equal keys (the second field tells equal keys apart, so stability is checked).
    #[test]
    fn matches_std_stable_sort() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..3000 {
            let len = (next() % 300) as usize;
            let v: Vec<(u8, u16)> = (0..len).map(|i| ((next() % 8) as u8, i as u16)).collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut reference = v;
            reference.sort_by_key(|p| p.0);
            assert_eq!(ours, reference);
        }
    }
}
