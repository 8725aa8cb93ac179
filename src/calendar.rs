//! `BusinessCalendar`: a calendar compiled once (zone + schedule) and the open-time
//! index that makes long additions cost a few look-ups.
//!
//! The open set is defined by wall-clock membership (SEMANTICS.md): an instant is open iff
//! its local wall time lies in a span of the schedule of some local date. Within a run of
//! constant UTC offset, wall time is `t + offset`, so the open instants of that run are the
//! wall spans shifted by `-offset` and clipped to the run. That one computation handles DST
//! gaps, folds and skipped days exactly.
//!
//! For speed, open time is summed per UTC day and kept in lazily computed chunks of
//! [`CHUNK_DAYS`] days with prefix sums: `add`, `elapsed`, `next_open` jump over whole
//! chunks and binary-search inside one.

use crate::civil::{Date, MAX_DAY, MIN_DAY};
use crate::error::Result;
use crate::instant::{Instant, DAY_MS};
use crate::schedule::{DaySource, Hours, Schedule};
use crate::zone::{Segment, Zone, MAX_OFFSET_MS};
use serde_json::Value;
use std::sync::{Arc, Mutex};

/// Days per chunk of the open-time index. The fuzz build uses small chunks so that
/// chunk boundaries are crossed often (and each input stays cheap).
#[cfg(not(fuzzing))]
pub(crate) const CHUNK_DAYS: i64 = 1024;
/// Days per chunk of the open-time index (fuzz build).
#[cfg(fuzzing)]
pub(crate) const CHUNK_DAYS: i64 = 16;
/// Chunks kept at most (about 40 KB each for office hours) before the cache is cleared.
const MAX_CACHED_CHUNKS: usize = 512;

/// An open interval `[start, end)` of real time, in epoch milliseconds.
pub(crate) type Span = (i64, i64);

/// A business calendar: an IANA zone, weekly hours, exceptions, rules and presets,
/// compiled for fast queries. Cheap to share (`Send + Sync`).
///
/// # Example: a ticket opened Friday 16:30 in Helsinki, 4 business hours
///
/// ```
/// use slaclock::{BusinessCalendar, Instant};
/// let cal = BusinessCalendar::from_json(r#"{
///   "timeZone": "Europe/Helsinki",
///   "weekly": { "mon": [["08:00","16:00"]], "tue": [["08:00","16:00"]], "wed": [["08:00","16:00"]],
///               "thu": [["08:00","16:00"]], "fri": [["08:00","17:00"]] } }"#).unwrap();
/// let due = cal.add(Instant::parse("2026-12-04T16:30:00+02:00").unwrap(), 4 * 3_600_000).unwrap();
/// assert_eq!(cal.format(due), "2026-12-07T11:30:00+02:00");
/// ```
#[derive(Debug)]
pub struct BusinessCalendar {
    pub(crate) zone: Zone,
    pub(crate) schedule: Schedule,
    /// The input, kept for `diff` and for round-tripping.
    spec: Value,
    /// Last date that can be open (`None`: unbounded).
    last_open_day: Option<Date>,
    /// Every wall-clock instant is open (24x7, nothing closes): no close ever comes.
    always_open: bool,
    /// No weekly hours: open only on dated exceptions and rules, so most days are closed.
    sparse: bool,
    chunks: Mutex<ChunkStore>,
}

impl Clone for BusinessCalendar {
    fn clone(&self) -> Self {
        BusinessCalendar {
            zone: self.zone,
            schedule: self.schedule.clone(),
            spec: self.spec.clone(),
            last_open_day: self.last_open_day,
            always_open: self.always_open,
            sparse: self.sparse,
            chunks: Mutex::new(ChunkStore::default()),
        }
    }
}

impl BusinessCalendar {
    /// Builds a calendar from its JSON text (see the README for the format).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::BusinessCalendar;
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]]}}"#).unwrap();
    /// assert_eq!(cal.time_zone(), "UTC");
    /// let e = BusinessCalendar::from_json("{").unwrap_err();
    /// assert_eq!(e.code().as_str(), "INVALID_TYPE");
    /// ```
    pub fn from_json(text: &str) -> Result<BusinessCalendar> {
        let v: Value = serde_json::from_str(text).map_err(|e| {
            crate::Error::new(crate::ErrorCode::InvalidType, "", format!("calendar is not valid JSON: {e}"))
        })?;
        BusinessCalendar::from_value(&v)
    }

    /// Builds a calendar from a parsed JSON value.
    ///
    /// # Example: a calendar that is never open is rejected
    ///
    /// ```
    /// use slaclock::BusinessCalendar;
    /// let v = serde_json::json!({ "timeZone": "UTC", "weekly": {} });
    /// assert_eq!(BusinessCalendar::from_value(&v).unwrap_err().code().as_str(), "NO_OPEN_TIME");
    /// ```
    pub fn from_value(v: &Value) -> Result<BusinessCalendar> {
        let (zone, schedule) = crate::spec::parse_calendar(v)?;
        let last_open_day = schedule.last_possible_open_day().flatten();
        // Weekly spans are disjoint (overnight spills included), so a week whose spans add
        // up to 7 x 24 hours covers every wall-clock instant.
        let always_open = !schedule.has_exceptions_or_rules()
            && schedule.weekly.iter().map(|h| h.total_ms()).sum::<i64>() == 7 * DAY_MS;
        let sparse = schedule.weekly.iter().all(|h| h.spans().is_empty());
        Ok(BusinessCalendar {
            zone,
            schedule,
            spec: v.clone(),
            last_open_day,
            always_open,
            sparse,
            chunks: Mutex::new(ChunkStore::default()),
        })
    }

    /// The calendar's IANA time zone id.
    ///
    /// # Example
    ///
    /// ```
    /// let cal = slaclock::BusinessCalendar::from_json(r#"{"timeZone":"Asia/Kathmandu","weekly":{"sun":[["10:00","17:00"]]}}"#).unwrap();
    /// assert_eq!(cal.time_zone(), "Asia/Kathmandu");
    /// ```
    pub fn time_zone(&self) -> &'static str {
        self.zone.name()
    }

    /// The calendar's zone.
    ///
    /// # Example
    ///
    /// ```
    /// let cal = slaclock::BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"sun":[["10:00","17:00"]]}}"#).unwrap();
    /// assert_eq!(cal.zone().name(), "UTC");
    /// ```
    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// The JSON the calendar was built from.
    ///
    /// # Example
    ///
    /// ```
    /// let cal = slaclock::BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"sun":[["10:00","17:00"]]}}"#).unwrap();
    /// assert_eq!(cal.spec()["timeZone"], "UTC");
    /// ```
    pub fn spec(&self) -> &Value {
        &self.spec
    }

    /// An instant in ISO 8601 with the calendar's offset at that instant.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Instant};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"Europe/Helsinki","weekly":{"mon":[["08:00","16:00"]]}}"#).unwrap();
    /// assert_eq!(cal.format(Instant::parse("2026-12-23T08:00:00Z").unwrap()), "2026-12-23T10:00:00+02:00");
    /// ```
    pub fn format(&self, t: Instant) -> String {
        self.zone.format(t)
    }

    /// The wall-clock hours that apply to a local date, and what decided them.
    ///
    /// # Example: Christmas Eve with short hours
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Date};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"thu":[["08:00","16:00"]]},
    ///   "exceptions":[{"date":"2026-12-24","hours":[["08:00","12:00"]],"name":"Christmas Eve"}]}"#).unwrap();
    /// assert_eq!(cal.hours_on(Date::parse("2026-12-24").unwrap()).total_ms(), 4 * 3_600_000);
    /// ```
    pub fn hours_on(&self, d: Date) -> &Hours {
        self.schedule.day(d).0
    }

    /// What decided a local date's hours (weekly, an exception, a rule or preset).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Date, DaySource};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"thu":[["08:00","16:00"]]}}"#).unwrap();
    /// assert_eq!(cal.day_source(Date::parse("2026-12-24").unwrap()), DaySource::Weekly);
    /// ```
    pub fn day_source(&self, d: Date) -> DaySource<'_> {
        self.schedule.day(d).1
    }

    pub(crate) fn is_always_open(&self) -> bool {
        self.always_open
    }

    /// Pushes the open intervals of real time within `[from, to)` onto `out`, sorted and
    /// merged. `from`/`to` are clamped to the supported range.
    pub(crate) fn open_spans(&self, from: i64, to: i64, out: &mut Vec<Span>) {
        let from = from.max(Instant::MIN.epoch_milliseconds());
        let to = to.min(Instant::MAX.epoch_milliseconds() + 1);
        if from >= to {
            return;
        }
        let base = out.len();
        if !self.any_hours_between(from - MAX_OFFSET_MS, to + MAX_OFFSET_MS) {
            return;
        }
        let mut segs: Vec<Segment> = Vec::with_capacity(2);
        self.zone.segments(from, to, &mut segs);
        for seg in &segs {
            let (ws, we) = (seg.start + seg.offset_ms, seg.end + seg.offset_ms);
            let first = ws.div_euclid(DAY_MS) - 1;
            let last = (we - 1).div_euclid(DAY_MS);
            for d in first..=last {
                // Local dates just past 9999-12-31 (zones ahead of UTC) keep the weekly
                // hours, so the horizon is the instant range, not a closed local date.
                let day_start = d * DAY_MS;
                for &(a, b) in self.schedule.day(Date::from_days(d as i32)).0.spans() {
                    let s = (day_start + a).max(ws);
                    let e = (day_start + b).min(we);
                    if s < e {
                        out.push((s - seg.offset_ms, e - seg.offset_ms));
                    }
                }
            }
        }
        normalize(out, base);
    }

    /// Whether any local date whose spans could reach wall times in `[lo, hi)` has hours.
    /// Cheap (schedule look-ups only); lets sparse calendars skip the zone work.
    fn any_hours_between(&self, lo: i64, hi: i64) -> bool {
        if !self.sparse {
            return true;
        }
        let first = (lo.div_euclid(DAY_MS) - 1).max(MIN_DAY as i64);
        let last = (hi.div_euclid(DAY_MS)).min(MAX_DAY as i64);
        (first..=last).any(|d| !self.schedule.day(Date::from_days(d as i32)).0.spans().is_empty())
    }

    /// Open real-time spans of the intervals that *belong to* local date `d` (an overnight
    /// interval belongs to the date it starts on), sorted and merged.
    pub(crate) fn spans_of_date(&self, d: Date, out: &mut Vec<Span>) {
        let base = out.len();
        let hours = self.schedule.day(d).0;
        if hours.spans().is_empty() {
            return;
        }
        let day_start = d.local_epoch_ms();
        let lo = day_start + hours.spans()[0].0 - MAX_OFFSET_MS;
        let hi = day_start + hours.spans()[hours.spans().len() - 1].1 + MAX_OFFSET_MS;
        let mut segs: Vec<Segment> = Vec::with_capacity(3);
        self.zone.segments(lo, hi, &mut segs);
        for &(a, b) in hours.spans() {
            let (wa, wb) = (day_start + a, day_start + b);
            for seg in &segs {
                let s = (wa - seg.offset_ms).max(seg.start);
                let e = (wb - seg.offset_ms).min(seg.end);
                if s < e {
                    out.push((s, e));
                }
            }
        }
        normalize(out, base);
    }

    /// Whether UTC day `day` can contain open time at all (past the last open date: no).
    #[inline]
    pub(crate) fn day_may_be_open(&self, day: i64) -> bool {
        match self.last_open_day {
            None => true,
            Some(last) => day <= last.days() as i64 + 2,
        }
    }

    /// The index chunk holding UTC day `day`, computed on first use.
    #[inline]
    pub(crate) fn chunk_of_day(&self, day: i64) -> Arc<Chunk> {
        self.chunk(day.div_euclid(CHUNK_DAYS))
    }

    /// Chunk `c` (UTC days `c*CHUNK_DAYS ..`), computed on first use and cached.
    #[inline]
    pub(crate) fn chunk(&self, c: i64) -> Arc<Chunk> {
        let slot = (c - FIRST_CHUNK) as usize;
        if let Ok(store) = self.chunks.lock() {
            if let Some(Some(ch)) = store.slots.get(slot) {
                return ch.clone();
            }
        }
        self.new_chunk(c, slot)
    }

    /// Computes chunk `c` and caches it in `slot` (the cache is cleared when full).
    #[cold]
    #[inline(never)]
    fn new_chunk(&self, c: i64, slot: usize) -> Arc<Chunk> {
        let ch = Arc::new(self.compute_chunk(c));
        if let Ok(mut store) = self.chunks.lock() {
            if store.slots.is_empty() {
                store.slots = vec![None; (LAST_CHUNK - FIRST_CHUNK + 1) as usize];
            }
            if store.filled >= MAX_CACHED_CHUNKS {
                store.slots.iter_mut().for_each(|s| *s = None);
                store.filled = 0;
            }
            let store = &mut *store;
            if let Some(s) = store.slots.get_mut(slot) {
                if s.is_none() {
                    store.filled += 1;
                }
                *s = Some(ch.clone());
            }
        }
        ch
    }

    fn compute_chunk(&self, c: i64) -> Chunk {
        let n = CHUNK_DAYS as usize;
        let first = c * CHUNK_DAYS;
        let mut end_day = first + CHUNK_DAYS;
        if let Some(last) = self.last_open_day {
            end_day = end_day.min(last.days() as i64 + 3).max(first);
        }
        let mut buf = Vec::new();
        if self.sparse {
            // Few days have hours: visit only the UTC days near a date with hours.
            let mut marked = vec![false; n];
            let until = Date::from_days((end_day + 2).min(MAX_DAY as i64) as i32);
            let mut d = Date::from_days((first - 3).max(MIN_DAY as i64) as i32);
            while let Some(hit) = self.schedule.next_date_with_hours(d, until) {
                let h = hit.days() as i64;
                for day in (h - 2).max(first)..=(h + 2).min(end_day - 1) {
                    marked[(day - first) as usize] = true;
                }
                d = hit.add_days(1);
            }
            for (i, m) in marked.iter().enumerate() {
                if *m {
                    let day = first + i as i64;
                    self.open_spans(day * DAY_MS, (day + 1) * DAY_MS, &mut buf);
                }
            }
        } else {
            self.open_spans(first * DAY_MS, end_day * DAY_MS, &mut buf);
        }
        // Split at UTC midnights and bucket by day.
        let mut spans: Vec<Span> = Vec::with_capacity(buf.len() + buf.len() / 4);
        let mut starts = vec![0u32; n + 1];
        let mut prefix = vec![0i64; n + 1];
        let mut k = 0usize; // day whose spans are being pushed
        for &(a, b) in &buf {
            let mut s = a;
            while s < b {
                let day = ((s.div_euclid(DAY_MS)) - first) as usize;
                let e = b.min((first + day as i64 + 1) * DAY_MS);
                while k < day {
                    k += 1;
                    starts[k] = spans.len() as u32;
                }
                spans.push((s, e));
                s = e;
            }
        }
        while k < n {
            k += 1;
            starts[k] = spans.len() as u32;
        }
        for d in 0..n {
            let total: i64 = spans[starts[d] as usize..starts[d + 1] as usize].iter().map(|(a, b)| b - a).sum();
            prefix[d + 1] = prefix[d] + total;
        }
        Chunk { first_day: first, prefix, starts, spans }
    }
}

/// Open time of [`CHUNK_DAYS`] UTC days: the spans of each day (split at UTC midnight)
/// and prefix sums of their lengths.
#[derive(Debug)]
pub(crate) struct Chunk {
    /// The first UTC day (days since 1970-01-01).
    pub first_day: i64,
    /// `prefix[i]` = open ms in the chunk's days `0..i`; `CHUNK_DAYS + 1` entries.
    pub prefix: Vec<i64>,
    /// `spans[starts[i]..starts[i + 1]]` are day `i`'s spans.
    starts: Vec<u32>,
    spans: Vec<Span>,
}

impl Chunk {
    /// The spans of day index `i` (0-based in the chunk).
    #[inline]
    pub fn day(&self, i: usize) -> &[Span] {
        &self.spans[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// Open ms of the whole chunk.
    #[inline]
    pub fn total(&self) -> i64 {
        self.prefix[CHUNK_DAYS as usize]
    }
}

/// The chunk cache: one slot per chunk of the supported range.
#[derive(Debug, Default)]
pub(crate) struct ChunkStore {
    slots: Vec<Option<Arc<Chunk>>>,
    filled: usize,
}

pub(crate) const FIRST_CHUNK: i64 = (MIN_DAY as i64).div_euclid(CHUNK_DAYS);
pub(crate) const LAST_CHUNK: i64 = (MAX_DAY as i64).div_euclid(CHUNK_DAYS);

/// Sorts `out[base..]` by start and merges overlapping or touching spans.
fn normalize(out: &mut Vec<Span>, base: usize) {
    let tail = &mut out[base..];
    if tail.windows(2).any(|w| w[1].0 < w[0].0) {
        crate::sort::sort(tail);
    }
    let mut w = base;
    for r in base..out.len() {
        let cur = out[r];
        if w > base && cur.0 <= out[w - 1].1 {
            if cur.1 > out[w - 1].1 {
                out[w - 1].1 = cur.1;
            }
        } else {
            out[w] = cur;
            w += 1;
        }
    }
    out.truncate(w);
}
