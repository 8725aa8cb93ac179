//! A mergeable quantile sketch: exact while small, then logarithmic buckets whose
//! relative error is below 1 % (the DDSketch construction).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Values are kept exactly up to this many; past it they go into buckets.
const EXACT_MAX: usize = 2048;
/// Relative accuracy of the buckets: a quantile is within 0.5 % of a true sample.
const ALPHA: f64 = 0.005;

/// Durations in milliseconds (non-negative) with count, sum, max and quantiles.
///
/// # Example: exact while small
///
/// ```
/// use slaclock::DurationSketch;
/// let mut s = DurationSketch::default();
/// for v in [10, 20, 30, 40, 50, 60, 70, 80, 90, 100] { s.add(v); }
/// assert_eq!(s.quantile(0.5), Some(50));
/// assert_eq!(s.quantile(0.9), Some(90));
/// assert_eq!(s.max(), Some(100));
/// assert_eq!(s.mean(), Some(55.0));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DurationSketch {
    count: u64,
    sum: i64,
    max: Option<i64>,
    /// Exact values while `count <= EXACT_MAX`.
    exact: Vec<i64>,
    /// Bucket index -> count, once past `EXACT_MAX` (index 0 holds zeros).
    buckets: BTreeMap<i32, u64>,
}

fn gamma() -> f64 {
    (1.0 + ALPHA) / (1.0 - ALPHA)
}

fn bucket_of(v: i64) -> i32 {
    if v <= 0 {
        0
    } else {
        ((v as f64).ln() / gamma().ln()).ceil() as i32 + 1
    }
}

fn bucket_value(i: i32) -> i64 {
    if i == 0 {
        0
    } else {
        let g = gamma();
        (2.0 * g.powi(i - 1) / (g + 1.0)).round() as i64
    }
}

impl DurationSketch {
    /// Adds one value (negative values count as 0).
    ///
    /// # Example
    ///
    /// ```
    /// let mut s = slaclock::DurationSketch::default();
    /// s.add(5);
    /// assert_eq!(s.count(), 1);
    /// ```
    pub fn add(&mut self, v: i64) {
        let v = v.max(0);
        self.count += 1;
        self.sum = self.sum.saturating_add(v);
        self.max = Some(self.max.map_or(v, |m| m.max(v)));
        if self.buckets.is_empty() && self.exact.len() < EXACT_MAX {
            self.exact.push(v);
        } else {
            self.spill();
            *self.buckets.entry(bucket_of(v)).or_insert(0) += 1;
        }
    }

    fn spill(&mut self) {
        for v in std::mem::take(&mut self.exact) {
            *self.buckets.entry(bucket_of(v)).or_insert(0) += 1;
        }
    }

    /// Merges another sketch into this one (the order of merges does not matter).
    ///
    /// # Example
    ///
    /// ```
    /// let (mut a, mut b) = (slaclock::DurationSketch::default(), slaclock::DurationSketch::default());
    /// a.add(1); b.add(3);
    /// a.merge(&b);
    /// assert_eq!((a.count(), a.max()), (2, Some(3)));
    /// ```
    pub fn merge(&mut self, other: &DurationSketch) {
        self.count += other.count;
        self.sum = self.sum.saturating_add(other.sum);
        self.max = match (self.max, other.max) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        if self.buckets.is_empty() && other.buckets.is_empty() && self.exact.len() + other.exact.len() <= EXACT_MAX {
            self.exact.extend_from_slice(&other.exact);
            return;
        }
        self.spill();
        for &v in &other.exact {
            *self.buckets.entry(bucket_of(v)).or_insert(0) += 1;
        }
        for (&i, &n) in &other.buckets {
            *self.buckets.entry(i).or_insert(0) += n;
        }
    }

    /// Number of values.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::DurationSketch::default().count(), 0);
    /// ```
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Arithmetic mean, `None` when empty.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::DurationSketch::default().mean(), None);
    /// ```
    pub fn mean(&self) -> Option<f64> {
        (self.count > 0).then(|| self.sum as f64 / self.count as f64)
    }

    /// Largest value, `None` when empty.
    ///
    /// # Example
    ///
    /// ```
    /// let mut s = slaclock::DurationSketch::default();
    /// s.add(7);
    /// assert_eq!(s.max(), Some(7));
    /// ```
    pub fn max(&self) -> Option<i64> {
        self.max
    }

    /// The `q`-quantile by nearest rank (the value at rank `ceil(q * n)`): exact while at
    /// most 2,048 values were added, else within 1 % relative error.
    ///
    /// # Example
    ///
    /// ```
    /// let mut s = slaclock::DurationSketch::default();
    /// for v in 1..=10_000 { s.add(v * 1000); }
    /// let p90 = s.quantile(0.9).unwrap() as f64;
    /// assert!((p90 - 9_000_000.0).abs() / 9_000_000.0 < 0.01);
    /// ```
    pub fn quantile(&self, q: f64) -> Option<i64> {
        if self.count == 0 {
            return None;
        }
        let rank = ((q * self.count as f64).ceil() as u64).clamp(1, self.count);
        if self.buckets.is_empty() {
            let mut v = self.exact.clone();
            crate::sort::sort(&mut v);
            return Some(v[rank as usize - 1]);
        }
        let mut seen = 0;
        for (&i, &n) in &self.buckets {
            seen += n;
            if seen >= rank {
                return Some(bucket_value(i).min(self.max.unwrap_or(i64::MAX)));
            }
        }
        self.max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_quantiles_within_one_percent_over_wide_range() {
        let mut s = DurationSketch::default();
        let mut all = Vec::new();
        let mut x = 7u64;
        for _ in 0..50_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = (x % 10_000_000_000) as i64 + 1;
            s.add(v);
            all.push(v);
        }
        crate::sort::sort(&mut all);
        for q in [0.5, 0.9, 0.99] {
            let rank = ((q * all.len() as f64).ceil() as usize).max(1);
            let truth = all[rank - 1] as f64;
            let got = s.quantile(q).unwrap() as f64;
            assert!((got - truth).abs() / truth < 0.01, "q={q} got={got} truth={truth}");
        }
    }

    #[test]
    fn merge_of_halves_equals_whole_when_exact() {
        let (mut a, mut b, mut whole) = (DurationSketch::default(), DurationSketch::default(), DurationSketch::default());
        for v in 0..1000 {
            if v % 2 == 0 { a.add(v) } else { b.add(v) }
            whole.add(v);
        }
        a.merge(&b);
        for q in [0.1, 0.5, 0.9, 1.0] {
            assert_eq!(a.quantile(q), whole.quantile(q));
        }
    }
}
