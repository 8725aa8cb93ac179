//! Business-time arithmetic: `is_open`, `next_open`, `next_close`, `open_intervals`,
//! `add`, `subtract`, `elapsed` (SEMANTICS.md "Business-time arithmetic"), on the
//! chunked open-time index of [`BusinessCalendar`].

use crate::calendar::{BusinessCalendar, Chunk, Span, CHUNK_DAYS, FIRST_CHUNK, LAST_CHUNK};
use crate::error::{Error, ErrorCode, Result};
use crate::instant::{Instant, DAY_MS};
use std::sync::Arc;

/// `open_intervals` refuses to return more intervals than this.
pub const MAX_INTERVALS: usize = 200_000;
const N: usize = CHUNK_DAYS as usize;

#[inline]
fn day_of(ms: i64) -> i64 {
    ms.div_euclid(DAY_MS)
}

fn past_horizon() -> Error {
    Error::out_of_range("", "the result is past year 9999 (the horizon)")
}

fn before_horizon() -> Error {
    Error::out_of_range("", "the result is before year 0001 (the horizon)")
}

#[inline]
fn instant(ms: i64) -> Result<Instant> {
    Instant::from_epoch_milliseconds(ms).map_err(|_| past_horizon())
}

/// Walks spans forward from `from`, consuming `rem`; the instant where it runs out.
#[inline]
fn walk_forward(spans: &[Span], from: i64, rem: &mut i64) -> Option<i64> {
    for &(a, b) in spans {
        if b <= from {
            continue;
        }
        let a = a.max(from);
        let len = b - a;
        if *rem <= len {
            return Some(a + *rem);
        }
        *rem -= len;
    }
    None
}

/// Walks spans backward from `to`, consuming `rem`; the instant where it runs out.
#[inline]
fn walk_backward(spans: &[Span], to: i64, rem: &mut i64) -> Option<i64> {
    for &(a, b) in spans.iter().rev() {
        if a >= to {
            continue;
        }
        let b = b.min(to);
        let len = b - a;
        if *rem <= len {
            return Some(b - *rem);
        }
        *rem -= len;
    }
    None
}

/// Open ms of `spans` before `t`.
#[inline]
fn open_before(spans: &[Span], t: i64) -> i64 {
    spans.iter().take_while(|s| s.0 < t).map(|&(a, b)| b.min(t) - a).sum()
}

impl BusinessCalendar {
    /// The chunk of `t` and the index of `t`'s day in it.
    #[inline]
    fn locate(&self, t: i64) -> (Arc<Chunk>, usize) {
        let day = day_of(t);
        let ch = self.chunk_of_day(day);
        let i = (day - ch.first_day) as usize;
        (ch, i)
    }

    /// Open ms from the chunk's start to `t`.
    #[inline]
    fn cumulative(ch: &Chunk, i: usize, t: i64) -> i64 {
        ch.prefix[i] + open_before(ch.day(i), t)
    }

    /// Whether the chunk can have open time at all (false past the last open date).
    #[inline]
    fn chunk_may_be_open(&self, c: i64) -> bool {
        c <= LAST_CHUNK && self.day_may_be_open(c * CHUNK_DAYS)
    }

    /// Whether the service is open at `t`.
    ///
    /// # Example: 17:00 is the closing time, so it is not open
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Instant};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]]}}"#).unwrap();
    /// assert!(cal.is_open(Instant::parse("2026-12-07T16:59:59.999Z").unwrap()));
    /// assert!(!cal.is_open(Instant::parse("2026-12-07T17:00:00Z").unwrap()));
    /// ```
    pub fn is_open(&self, t: Instant) -> bool {
        let t = t.epoch_milliseconds();
        let (ch, i) = self.locate(t);
        ch.day(i).iter().any(|&(a, b)| a <= t && t < b)
    }

    /// `t` if open, else the start of the next open interval; `None` if there is none
    /// before the horizon (year 9999).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Instant};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]]}}"#).unwrap();
    /// let t = cal.next_open(Instant::parse("2026-12-05T12:00:00Z").unwrap()).unwrap();
    /// assert_eq!(t.to_string(), "2026-12-07T09:00:00Z");
    /// ```
    pub fn next_open(&self, t: Instant) -> Option<Instant> {
        let t = t.epoch_milliseconds();
        let (mut ch, i) = self.locate(t);
        if let Some(&(a, _)) = ch.day(i).iter().find(|s| s.1 > t) {
            return Instant::from_epoch_milliseconds(a.max(t)).ok();
        }
        let mut j = i + 1;
        loop {
            if ch.prefix[N] > ch.prefix[j] {
                let k = j + ch.prefix[j + 1..].partition_point(|&x| x <= ch.prefix[j]);
                return ch.day(k).first().and_then(|&(a, _)| Instant::from_epoch_milliseconds(a).ok());
            }
            let c = ch.first_day.div_euclid(CHUNK_DAYS) + 1;
            if !self.chunk_may_be_open(c) {
                return None;
            }
            ch = self.chunk(c);
            j = 0;
        }
    }

    /// The end of the open interval containing `t`, else of the next one; `None` if the
    /// service never closes (or never opens) before the horizon. Intervals that touch
    /// across midnight count as one.
    ///
    /// # Example: a night shift 22:00-06:00 ends in the morning
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Instant};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"mon":[["22:00","24:00"]],"tue":[["00:00","06:00"]]}}"#).unwrap();
    /// let t = cal.next_close(Instant::parse("2026-12-07T23:00:00Z").unwrap()).unwrap();
    /// assert_eq!(t.to_string(), "2026-12-08T06:00:00Z");
    /// ```
    pub fn next_close(&self, t: Instant) -> Option<Instant> {
        if self.is_always_open() {
            return None;
        }
        let start = self.next_open(t)?.epoch_milliseconds();
        let (mut ch, mut i) = self.locate(start);
        let mut end = ch.day(i).iter().find(|&&(a, b)| a <= start && start < b)?.1;
        loop {
            let day_end = (ch.first_day + i as i64 + 1) * DAY_MS;
            if end != day_end {
                break;
            }
            // The run reaches midnight: does the next day start open?
            i += 1;
            if i == N {
                let c = ch.first_day.div_euclid(CHUNK_DAYS) + 1;
                if c > LAST_CHUNK {
                    return None;
                }
                ch = self.chunk(c);
                i = 0;
            }
            let rest_full = ch.prefix[N] - ch.prefix[i] == (N - i) as i64 * DAY_MS;
            if rest_full {
                i = N - 1;
                end = (ch.first_day + N as i64) * DAY_MS;
                continue;
            }
            match ch.day(i).first() {
                Some(&(a, b)) if a == (ch.first_day + i as i64) * DAY_MS => end = b,
                _ => break,
            }
        }
        Instant::from_epoch_milliseconds(end).ok()
    }

    /// The open intervals clipped to `[from, to)`, adjacent ones merged.
    /// `TOO_LARGE` when there would be more than 200,000 of them.
    ///
    /// # Example: a lunch break splits the day
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Instant};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"tue":[["08:00","12:00"],["13:00","16:00"]]}}"#).unwrap();
    /// let iv = cal.open_intervals(Instant::parse("2026-12-08T10:00:00Z").unwrap(),
    ///                             Instant::parse("2026-12-09T00:00:00Z").unwrap()).unwrap();
    /// let s: Vec<String> = iv.iter().map(|(a, b)| format!("{a}/{b}")).collect();
    /// assert_eq!(s, ["2026-12-08T10:00:00Z/2026-12-08T12:00:00Z", "2026-12-08T13:00:00Z/2026-12-08T16:00:00Z"]);
    /// ```
    pub fn open_intervals(&self, from: Instant, to: Instant) -> Result<Vec<(Instant, Instant)>> {
        let (from, to) = (from.epoch_milliseconds(), to.epoch_milliseconds());
        let mut out: Vec<Span> = Vec::new();
        if from >= to {
            return Ok(Vec::new());
        }
        let (mut ch, mut i) = self.locate(from);
        loop {
            let day_start = (ch.first_day + i as i64) * DAY_MS;
            if day_start >= to {
                break;
            }
            for &(a, b) in ch.day(i) {
                let (a, b) = (a.max(from), b.min(to));
                if a >= b {
                    continue;
                }
                match out.last_mut() {
                    Some(last) if last.1 == a => last.1 = b,
                    _ => out.push((a, b)),
                }
            }
            if out.len() > MAX_INTERVALS {
                return Err(Error::new(
                    ErrorCode::TooLarge,
                    "",
                    format!("more than {MAX_INTERVALS} open intervals between the two instants: ask for a shorter range"),
                ));
            }
            i += 1;
            if i == N {
                let c = ch.first_day.div_euclid(CHUNK_DAYS) + 1;
                if !self.chunk_may_be_open(c) {
                    break;
                }
                ch = self.chunk(c);
                i = 0;
            }
        }
        out.into_iter().map(|(a, b)| Ok((instant(a)?, instant(b)?))).collect()
    }

    /// Adds `ms` milliseconds of business time (negative: subtracts). The result is the
    /// earliest instant `t >= start` with `elapsed(start, t) == ms`: a start outside hours
    /// first waits for the opening, and landing exactly on a closing time returns that
    /// closing time. `OUT_OF_RANGE` past year 9999.
    ///
    /// # Example: landing on the close returns the close
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Instant};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]]}}"#).unwrap();
    /// let due = cal.add(Instant::parse("2026-12-07T09:00:00Z").unwrap(), 8 * 3_600_000).unwrap();
    /// assert_eq!(due.to_string(), "2026-12-07T17:00:00Z");
    /// ```
    pub fn add(&self, start: Instant, ms: i64) -> Result<Instant> {
        if ms < 0 {
            return self.subtract(start, ms.checked_neg().ok_or_else(before_horizon)?);
        }
        if ms == 0 {
            return Ok(start);
        }
        let s = start.epoch_milliseconds();
        let mut rem = ms;
        let (mut ch, i) = self.locate(s);
        if let Some(t) = walk_forward(ch.day(i), s, &mut rem) {
            return instant(t);
        }
        let mut j = i + 1;
        loop {
            if let Some(t) = Self::add_in_chunk(&ch, j, &mut rem) {
                return t;
            }
            let c = ch.first_day.div_euclid(CHUNK_DAYS) + 1;
            if !self.chunk_may_be_open(c) {
                return Err(past_horizon());
            }
            ch = self.chunk(c);
            j = 0;
        }
    }

    /// The instant `rem` ms of open time into days `j..` of chunk `ch`, or `None` (with
    /// `rem` reduced by that open time) when the chunk has less.
    #[inline]
    fn add_in_chunk(ch: &Chunk, j: usize, rem: &mut i64) -> Option<Result<Instant>> {
        let avail = ch.prefix[N] - ch.prefix[j];
        if *rem <= avail {
            let target = ch.prefix[j] + *rem;
            let k = j + 1 + ch.prefix[j + 1..].partition_point(|&x| x < target);
            *rem -= ch.prefix[k - 1] - ch.prefix[j];
            return Some(walk_forward(ch.day(k - 1), i64::MIN, rem).map_or_else(|| Err(past_horizon()), instant));
        }
        *rem -= avail;
        None
    }

    /// The chunk of UTC day `day` through a one-chunk cache kept by a batch loop (`last`):
    /// consecutive items in one chunk skip the calendar's chunk store.
    #[inline]
    #[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
    fn cached_chunk<'c>(&self, day: i64, last: &'c mut Option<Arc<Chunk>>) -> &'c Chunk {
        let first = day.div_euclid(CHUNK_DAYS) * CHUNK_DAYS;
        if last.as_ref().is_some_and(|ch| ch.first_day != first) {
            *last = None;
        }
        last.get_or_insert_with(|| self.chunk_of_day(day))
    }

    /// [`BusinessCalendar::add`] for batch loops, with their one-chunk cache: the same answers.
    #[inline]
    #[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
    pub(crate) fn add_cached(&self, start: Instant, ms: i64, last: &mut Option<Arc<Chunk>>) -> Result<Instant> {
        if ms <= 0 {
            return self.add(start, ms);
        }
        let s = start.epoch_milliseconds();
        let day = day_of(s);
        let ch = self.cached_chunk(day, last);
        let i = (day - ch.first_day) as usize;
        let mut rem = ms;
        if let Some(t) = walk_forward(ch.day(i), s, &mut rem) {
            return instant(t);
        }
        match Self::add_in_chunk(ch, i + 1, &mut rem) {
            Some(t) => t,
            None => self.add(start, ms), // runs into the next chunk
        }
    }

    /// [`BusinessCalendar::elapsed`] for batch loops, with their one-chunk cache: the same answers.
    #[inline]
    #[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
    pub(crate) fn elapsed_cached(&self, a: Instant, b: Instant, last: &mut Option<Arc<Chunk>>) -> i64 {
        let (lo, hi, sign) = if b < a { (b, a, -1) } else { (a, b, 1) };
        let (x, y) = (lo.epoch_milliseconds(), hi.epoch_milliseconds());
        let (dx, dy) = (day_of(x), day_of(y));
        if dx.div_euclid(CHUNK_DAYS) != dy.div_euclid(CHUNK_DAYS) {
            return self.elapsed(a, b);
        }
        let ch = self.cached_chunk(dx, last);
        sign * (Self::cumulative(ch, (dy - ch.first_day) as usize, y) - Self::cumulative(ch, (dx - ch.first_day) as usize, x))
    }

    /// Subtracts `ms` milliseconds of business time: the latest instant `t <= end` with
    /// `elapsed(t, end) == ms`; landing exactly on an opening returns that opening.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Instant};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]],"fri":[["09:00","17:00"]]}}"#).unwrap();
    /// let t = cal.subtract(Instant::parse("2026-12-07T10:00:00Z").unwrap(), 2 * 3_600_000).unwrap();
    /// assert_eq!(t.to_string(), "2026-12-04T16:00:00Z");
    /// ```
    pub fn subtract(&self, end: Instant, ms: i64) -> Result<Instant> {
        if ms < 0 {
            return self.add(end, ms.checked_neg().ok_or_else(past_horizon)?);
        }
        if ms == 0 {
            return Ok(end);
        }
        let e = end.epoch_milliseconds();
        let mut rem = ms;
        let back = |t: i64| Instant::from_epoch_milliseconds(t).map_err(|_| before_horizon());
        let (mut ch, i) = self.locate(e);
        if let Some(t) = walk_backward(ch.day(i), e, &mut rem) {
            return back(t);
        }
        let mut j = i; // days 0..j of the chunk are before
        loop {
            let avail = ch.prefix[j] - ch.prefix[0];
            if rem <= avail {
                let target = ch.prefix[j] - rem;
                let k = ch.prefix[..j].partition_point(|&x| x <= target) - 1;
                rem -= ch.prefix[j] - ch.prefix[k + 1];
                return walk_backward(ch.day(k), i64::MAX, &mut rem).map_or_else(|| Err(before_horizon()), back);
            }
            rem -= avail;
            let c = ch.first_day.div_euclid(CHUNK_DAYS) - 1;
            if c < FIRST_CHUNK {
                return Err(before_horizon());
            }
            ch = self.chunk(c);
            j = N;
        }
    }

    /// Open milliseconds in `[a, b)`; negative (`-elapsed(b, a)`) when `b < a`.
    ///
    /// # Example: ServiceNow's worked example, Friday 21:00 to Monday 09:30
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Instant};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","17:00"]],"fri":[["08:00","17:00"]]}}"#).unwrap();
    /// let ms = cal.elapsed(Instant::parse("2026-12-04T21:00:00Z").unwrap(), Instant::parse("2026-12-07T09:30:00Z").unwrap());
    /// assert_eq!(ms, 90 * 60_000);
    /// ```
    pub fn elapsed(&self, a: Instant, b: Instant) -> i64 {
        if b < a {
            return -self.elapsed(b, a);
        }
        let (a, b) = (a.epoch_milliseconds(), b.epoch_milliseconds());
        let (ca, ia) = self.locate(a);
        let cum_a = Self::cumulative(&ca, ia, a);
        let (c_a, c_b) = (day_of(a).div_euclid(CHUNK_DAYS), day_of(b).div_euclid(CHUNK_DAYS));
        if c_a == c_b {
            return Self::cumulative(&ca, (day_of(b) - ca.first_day) as usize, b) - cum_a;
        }
        let mut sum = ca.total() - cum_a;
        for c in c_a + 1..c_b {
            if !self.chunk_may_be_open(c) {
                return sum;
            }
            sum += self.chunk(c).total();
        }
        if !self.chunk_may_be_open(c_b) {
            return sum;
        }
        let (cb, ib) = self.locate(b);
        sum + Self::cumulative(&cb, ib, b)
    }
}

#[cfg(test)]
mod cached_tests {
    use crate::{BusinessCalendar, Instant};

    /// The batch loops' cached `add` and `elapsed` give exactly the answers of the plain
    /// ones, on a DST zone with exceptions, over many chunks (10 years of starts), with
    /// items that stay in one chunk, jump between chunks and run across chunk ends.
    #[test]
    fn cached_add_and_elapsed_equal_the_plain_ones() {
        let cal = BusinessCalendar::from_json(
            r#"{"timeZone":"America/New_York","presets":["US"],
                "weekly":{"mon":[["09:00","17:00"]],"tue":[["09:00","12:00"],["13:00","17:00"]],
                          "wed":[["00:00","24:00"]],"thu":[["09:00","17:00"]],"fri":[["09:00","15:30"]]},
                "exceptions":[{"date":"2027-03-10","closed":true},{"from":"2028-07-01","to":"2028-07-20","closed":true}]}"#,
        )
        .unwrap();
        let base = Instant::parse("2024-01-01T00:00:00Z").unwrap().epoch_milliseconds();
        let mut x: u64 = 0x1234_5678_9abc_def1;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let (mut last_add, mut last_el) = (None, None);
        for i in 0..30_000 {
            // Runs of nearby starts, then a jump anywhere in ten years.
            let spread = if i % 50 < 40 { 40 * 86_400_000 } else { 3650 * 86_400_000 };
            let s = Instant::from_epoch_milliseconds(base + (next() % spread) as i64 + (i / 50) as i64 * 86_400_000).unwrap();
            let d = match next() % 4 {
                0 => (next() % 3_600_000) as i64,
                1 => (next() % (200 * 3_600_000)) as i64,
                2 => (next() % (3000 * 3_600_000)) as i64, // across chunk ends
                _ => -((next() % (50 * 3_600_000)) as i64),
            };
            assert_eq!(cal.add_cached(s, d, &mut last_add).ok(), cal.add(s, d).ok(), "add({s}, {d})");
            let e = Instant::from_epoch_milliseconds(s.epoch_milliseconds() + (next() % (120 * 86_400_000)) as i64 - 30 * 86_400_000).unwrap();
            assert_eq!(cal.elapsed_cached(s, e, &mut last_el), cal.elapsed(s, e), "elapsed({s}, {e})");
        }
    }
}
