//! Business-time arithmetic: `is_open`, `next_open`, `next_close`, `open_intervals`,
//! `add`, `subtract`, `elapsed` (SEMANTICS.md "Business-time arithmetic").

use crate::calendar::{BusinessCalendar, Span, CHUNK_DAYS};
use crate::civil::{MAX_DAY, MIN_DAY};
use crate::error::{Error, ErrorCode, Result};
use crate::instant::{Instant, DAY_MS};

const FIRST_DAY: i64 = MIN_DAY as i64;
const LAST_DAY: i64 = MAX_DAY as i64;
/// Days walked one by one before the chunk index is used.
const DIRECT_DAYS: i64 = 3;
/// `open_intervals` refuses to return more intervals than this.
pub const MAX_INTERVALS: usize = 200_000;

fn day_of(ms: i64) -> i64 {
    ms.div_euclid(DAY_MS)
}

fn past_horizon() -> Error {
    Error::out_of_range("", "the result is past year 9999 (the horizon)")
}

fn before_horizon() -> Error {
    Error::out_of_range("", "the result is before year 0001 (the horizon)")
}

fn instant(ms: i64) -> Result<Instant> {
    Instant::from_epoch_milliseconds(ms).map_err(|_| past_horizon())
}

/// Walks spans forward consuming `rem`; returns the instant where it runs out.
fn walk_forward(spans: &[Span], rem: &mut i64) -> Option<i64> {
    for &(a, b) in spans {
        let len = b - a;
        if *rem <= len {
            return Some(a + *rem);
        }
        *rem -= len;
    }
    None
}

/// Walks spans backward consuming `rem`; returns the instant where it runs out.
fn walk_backward(spans: &[Span], rem: &mut i64) -> Option<i64> {
    for &(a, b) in spans.iter().rev() {
        let len = b - a;
        if *rem <= len {
            return Some(b - *rem);
        }
        *rem -= len;
    }
    None
}

fn total(spans: &[Span]) -> i64 {
    spans.iter().map(|(a, b)| b - a).sum()
}

impl BusinessCalendar {
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
        let ms = t.epoch_milliseconds();
        let mut buf = Vec::with_capacity(2);
        self.open_spans(ms, ms + 1, &mut buf);
        !buf.is_empty()
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
        let ms = t.epoch_milliseconds();
        let day = day_of(ms);
        let mut buf = Vec::with_capacity(4);
        self.open_spans(ms, (day + 1) * DAY_MS, &mut buf);
        if let Some(&(a, _)) = buf.first() {
            return Instant::from_epoch_milliseconds(a).ok();
        }
        let d = self.first_open_day_from(day + 1)?;
        buf.clear();
        self.utc_day_spans(d, &mut buf);
        buf.first().and_then(|&(a, _)| Instant::from_epoch_milliseconds(a).ok())
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
        let mut d = day_of(start);
        let mut buf = Vec::with_capacity(4);
        self.utc_day_spans(d, &mut buf);
        let mut end = buf.iter().find(|&&(a, b)| a <= start && start < b)?.1;
        while end == (d + 1) * DAY_MS {
            d += 1;
            if d > LAST_DAY {
                return None;
            }
            let c = d.div_euclid(CHUNK_DAYS);
            let i = (d - c * CHUNK_DAYS) as usize;
            let p = self.chunk(c);
            let n = CHUNK_DAYS as usize - i;
            if p[CHUNK_DAYS as usize] - p[i] == n as i64 * DAY_MS {
                d = (c + 1) * CHUNK_DAYS - 1;
                end = (d + 1) * DAY_MS;
                continue;
            }
            buf.clear();
            self.utc_day_spans(d, &mut buf);
            match buf.first() {
                Some(&(a, b)) if a == d * DAY_MS => end = b,
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
        let mut w = from;
        const WINDOW: i64 = 32 * DAY_MS;
        while w < to {
            if !self.day_may_be_open(day_of(w)) {
                break;
            }
            let we = (w + WINDOW).min(to);
            let base = out.len();
            self.open_spans(w, we, &mut out);
            if base > 0 && out.len() > base && out[base - 1].1 == out[base].0 {
                out[base - 1].1 = out[base].1;
                out.remove(base);
            }
            if out.len() > MAX_INTERVALS {
                return Err(Error::new(
                    ErrorCode::TooLarge,
                    "",
                    format!("more than {MAX_INTERVALS} open intervals between the two instants: ask for a shorter range"),
                ));
            }
            w = we;
        }
        out.into_iter().map(|(a, b)| Ok((instant(a)?, instant(b)?))).collect()
    }

    /// The first UTC day `>= d0` with open time, via the chunk index.
    fn first_open_day_from(&self, d0: i64) -> Option<i64> {
        let mut d = d0;
        while d <= LAST_DAY && self.day_may_be_open(d) {
            let c = d.div_euclid(CHUNK_DAYS);
            let i = (d - c * CHUNK_DAYS) as usize;
            let p = self.chunk(c);
            if p[CHUNK_DAYS as usize] > p[i] {
                let k = i + 1 + p[i + 1..].partition_point(|&x| x <= p[i]);
                return Some(c * CHUNK_DAYS + k as i64 - 1);
            }
            d = (c + 1) * CHUNK_DAYS;
        }
        None
    }

    /// Open milliseconds in whole UTC days `[d1, d2)`.
    fn days_total(&self, d1: i64, d2: i64) -> i64 {
        let mut sum = 0;
        let mut d = d1;
        while d < d2 && self.day_may_be_open(d) {
            let c = d.div_euclid(CHUNK_DAYS);
            let i = (d - c * CHUNK_DAYS) as usize;
            let j = ((d2 - c * CHUNK_DAYS).min(CHUNK_DAYS)) as usize;
            let p = self.chunk(c);
            sum += p[j] - p[i];
            d = c * CHUNK_DAYS + j as i64;
        }
        sum
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
        let day = day_of(s);
        let mut buf = Vec::with_capacity(4);
        self.open_spans(s, (day + 1) * DAY_MS, &mut buf);
        if let Some(t) = walk_forward(&buf, &mut rem) {
            return instant(t);
        }
        let mut d = day + 1;
        for _ in 0..DIRECT_DAYS {
            if d > LAST_DAY {
                return Err(past_horizon());
            }
            buf.clear();
            self.utc_day_spans(d, &mut buf);
            if let Some(t) = walk_forward(&buf, &mut rem) {
                return instant(t);
            }
            d += 1;
        }
        loop {
            if d > LAST_DAY || !self.day_may_be_open(d) {
                return Err(past_horizon());
            }
            let c = d.div_euclid(CHUNK_DAYS);
            let i = (d - c * CHUNK_DAYS) as usize;
            let p = self.chunk(c);
            let avail = p[CHUNK_DAYS as usize] - p[i];
            if rem > avail {
                rem -= avail;
                d = (c + 1) * CHUNK_DAYS;
                continue;
            }
            let target = p[i] + rem;
            let k = i + 1 + p[i + 1..].partition_point(|&x| x < target);
            let dd = c * CHUNK_DAYS + k as i64 - 1;
            rem -= p[k - 1] - p[i];
            buf.clear();
            self.utc_day_spans(dd, &mut buf);
            return walk_forward(&buf, &mut rem).map_or_else(|| Err(past_horizon()), instant);
        }
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
        let day = day_of(e);
        let mut buf = Vec::with_capacity(4);
        self.open_spans(day * DAY_MS, e, &mut buf);
        let back = |t: i64| Instant::from_epoch_milliseconds(t).map_err(|_| before_horizon());
        if let Some(t) = walk_backward(&buf, &mut rem) {
            return back(t);
        }
        let mut d = day - 1;
        for _ in 0..DIRECT_DAYS {
            if d < FIRST_DAY {
                return Err(before_horizon());
            }
            buf.clear();
            self.utc_day_spans(d, &mut buf);
            if let Some(t) = walk_backward(&buf, &mut rem) {
                return back(t);
            }
            d -= 1;
        }
        loop {
            if d < FIRST_DAY {
                return Err(before_horizon());
            }
            let c = d.div_euclid(CHUNK_DAYS);
            let i = (d - c * CHUNK_DAYS) as usize;
            let p = self.chunk(c);
            let avail = p[i + 1] - p[0];
            if rem > avail {
                rem -= avail;
                d = c * CHUNK_DAYS - 1;
                continue;
            }
            let target = p[i + 1] - rem;
            let k = p[..=i].partition_point(|&x| x <= target) - 1;
            let dd = c * CHUNK_DAYS + k as i64;
            rem -= p[i + 1] - p[k + 1];
            buf.clear();
            self.utc_day_spans(dd, &mut buf);
            return walk_backward(&buf, &mut rem).map_or_else(|| Err(before_horizon()), back);
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
        let (da, db) = (day_of(a), day_of(b));
        let mut buf = Vec::with_capacity(8);
        if db - da <= DIRECT_DAYS {
            self.open_spans(a, b, &mut buf);
            return total(&buf);
        }
        self.open_spans(a, (da + 1) * DAY_MS, &mut buf);
        let head = total(&buf);
        buf.clear();
        self.open_spans(db * DAY_MS, b, &mut buf);
        head + total(&buf) + self.days_total(da + 1, db)
    }
}
