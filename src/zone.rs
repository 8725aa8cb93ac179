//! Time zone resolution: offsets of an IANA zone (chrono-tz tables), the constant-offset
//! segments of a range of instants, and local date-time <-> instant conversion with
//! explicit DST gaps and folds.

use crate::civil::CivilDateTime;
use crate::error::{Error, ErrorCode, Result};
use crate::instant::{Instant, HOUR_MS};
use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::Tz;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// An IANA time zone.
///
/// # Example
///
/// ```
/// use slaclock::{Instant, Zone};
/// let z = Zone::parse("Europe/Helsinki").unwrap();
/// let t = Instant::parse("2026-07-01T09:00:00Z").unwrap();
/// assert_eq!(z.offset_seconds(t), 3 * 3600);
/// assert_eq!(z.format(t), "2026-07-01T12:00:00+03:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Zone {
    tz: Tz,
}

/// How a local date-time that does not exist (gap) or exists twice (fold) maps to an
/// instant; the meanings are Temporal's.
///
/// # Example
///
/// ```
/// use slaclock::Disambiguation;
/// assert_eq!(Disambiguation::parse("compatible").unwrap(), Disambiguation::Compatible);
/// assert_eq!(Disambiguation::default(), Disambiguation::Compatible);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Disambiguation {
    /// Gap: moved forward by the gap length (as `Later`); fold: the earlier instant.
    #[default]
    Compatible,
    /// The earlier of the two candidate instants.
    Earlier,
    /// The later of the two candidate instants.
    Later,
    /// An error (`NONEXISTENT_LOCAL_TIME` / `AMBIGUOUS_LOCAL_TIME`).
    Reject,
}

impl Disambiguation {
    /// Parses `compatible`, `earlier`, `later` or `reject`.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Disambiguation;
    /// assert_eq!(Disambiguation::parse("soon").unwrap_err().message(),
    ///     "disambiguation must be one of `compatible`, `earlier`, `later`, `reject`, not `soon`");
    /// ```
    pub fn parse(s: &str) -> Result<Disambiguation> {
        match s {
            "compatible" => Ok(Disambiguation::Compatible),
            "earlier" => Ok(Disambiguation::Earlier),
            "later" => Ok(Disambiguation::Later),
            "reject" => Ok(Disambiguation::Reject),
            _ => Err(Error::new(
                ErrorCode::InvalidOption,
                "disambiguation",
                format!(
                    "disambiguation must be one of `compatible`, `earlier`, `later`, `reject`, not `{s}`"
                ),
            )),
        }
    }
}

/// How a local date-time relates to the zone's time line.
///
/// # Example: the New York spring-forward gap on 2024-03-10
///
/// ```
/// use slaclock::{CivilDateTime, LocalResolution, Zone};
/// let z = Zone::parse("America/New_York").unwrap();
/// let r = z.resolve_local(CivilDateTime::parse("2024-03-10T02:30").unwrap()).unwrap();
/// match r {
///     LocalResolution::Gap { before, after } => {
///         assert_eq!(z.format(before), "2024-03-10T01:30:00-05:00");
///         assert_eq!(z.format(after), "2024-03-10T03:30:00-04:00");
///     }
///     _ => panic!("expected a gap"),
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalResolution {
    /// The local time occurs exactly once.
    Unique(Instant),
    /// The local time does not exist. `before` reads it with the offset after the
    /// transition (an instant before it), `after` with the offset before the transition
    /// (an instant after it, moved forward by the gap).
    Gap {
        /// The earlier candidate (Temporal `earlier`).
        before: Instant,
        /// The later candidate (Temporal `later` and `compatible`).
        after: Instant,
    },
    /// The local time occurs twice.
    Fold {
        /// The first occurrence (Temporal `earlier` and `compatible`).
        before: Instant,
        /// The second occurrence (Temporal `later`).
        after: Instant,
    },
}

/// A run of instants `[start, end)` in which the zone's offset is constant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    pub start: i64,
    pub end: i64,
    /// Offset in milliseconds east of UTC.
    pub offset_ms: i64,
}

/// Samples are this far apart when looking for transitions; two transitions closer than
/// this that restore the same offset would be missed (no zone in the database has one
/// since 1900).
const SAMPLE_MS: i64 = 6 * HOUR_MS;

/// Bound on |UTC offset| over the whole database (local mean times reach about 15:57).
pub(crate) const MAX_OFFSET_MS: i64 = 26 * HOUR_MS;

impl Zone {
    /// The zone with IANA id `name` (`Europe/Helsinki`, `UTC`, ...).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Zone;
    /// assert_eq!(Zone::parse("Mars/Olympus").unwrap_err().message(),
    ///     "unknown time zone `Mars/Olympus`: expected an IANA id such as `Europe/Helsinki`");
    /// ```
    pub fn parse(name: &str) -> Result<Zone> {
        name.parse::<Tz>().map(|tz| Zone { tz }).map_err(|_| {
            Error::new(
                ErrorCode::InvalidTimeZone,
                "",
                format!("unknown time zone `{name}`: expected an IANA id such as `Europe/Helsinki`"),
            )
        })
    }

    /// The IANA id.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Zone::parse("Asia/Kathmandu").unwrap().name(), "Asia/Kathmandu");
    /// ```
    pub fn name(&self) -> &'static str {
        self.tz.name()
    }

    /// Every IANA id the engine knows, sorted.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(slaclock::Zone::all_names().contains(&"Pacific/Apia"));
    /// ```
    pub fn all_names() -> Vec<&'static str> {
        let mut v: Vec<&'static str> = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()).collect();
        v.sort_unstable();
        v
    }

    /// The version of the tz database compiled in (`2025b`).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Zone::tzdb_version().len(), 5);
    /// ```
    pub fn tzdb_version() -> &'static str {
        chrono_tz::IANA_TZDB_VERSION
    }

    /// The UTC offset in seconds at an instant.
    ///
    /// # Example: Kathmandu is 5:45 ahead
    ///
    /// ```
    /// use slaclock::{Instant, Zone};
    /// let z = Zone::parse("Asia/Kathmandu").unwrap();
    /// assert_eq!(z.offset_seconds(Instant::parse("2026-01-01T00:00:00Z").unwrap()), 20_700);
    /// ```
    pub fn offset_seconds(&self, t: Instant) -> i32 {
        (self.offset_ms(t.epoch_milliseconds()) / 1000) as i32
    }

    pub(crate) fn offset_ms(&self, ms: i64) -> i64 {
        match DateTime::from_timestamp_millis(ms) {
            Some(dt) => {
                self.tz.offset_from_utc_datetime(&dt.naive_utc()).fix().local_minus_utc() as i64 * 1000
            }
            None => 0,
        }
    }

    /// The instant in ISO 8601 with this zone's offset at that instant.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Instant, Zone};
    /// let z = Zone::parse("Australia/Lord_Howe").unwrap();
    /// assert_eq!(z.format(Instant::parse("2026-01-01T00:00:00Z").unwrap()), "2026-01-01T11:00:00+11:00");
    /// ```
    pub fn format(&self, t: Instant) -> String {
        t.format_with_offset(self.offset_seconds(t))
    }

    /// The local wall-clock date-time of an instant.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Instant, Zone};
    /// let z = Zone::parse("America/Sao_Paulo").unwrap();
    /// let l = z.to_local(Instant::parse("2026-06-01T12:00:00Z").unwrap());
    /// assert_eq!(l.to_string(), "2026-06-01T09:00:00");
    /// ```
    pub fn to_local(&self, t: Instant) -> CivilDateTime {
        let ms = t.epoch_milliseconds();
        CivilDateTime::from_local_epoch_ms(ms + self.offset_ms(ms))
    }

    /// How a local date-time maps to the time line: unique, in a gap or in a fold.
    ///
    /// # Example: the Helsinki fall-back fold on 2026-10-25
    ///
    /// ```
    /// use slaclock::{CivilDateTime, LocalResolution, Zone};
    /// let z = Zone::parse("Europe/Helsinki").unwrap();
    /// let r = z.resolve_local(CivilDateTime::parse("2026-10-25T03:30").unwrap()).unwrap();
    /// let LocalResolution::Fold { before, after } = r else { panic!() };
    /// assert_eq!(z.format(before), "2026-10-25T03:30:00+03:00");
    /// assert_eq!(z.format(after), "2026-10-25T03:30:00+02:00");
    /// ```
    pub fn resolve_local(&self, local: CivilDateTime) -> Result<LocalResolution> {
        let u = local.local_epoch_ms();
        let mut segs = Vec::new();
        self.segments(u - MAX_OFFSET_MS, u + MAX_OFFSET_MS, &mut segs);
        let mut hits = [0i64; 2];
        let mut n = 0;
        for s in &segs {
            let t = u - s.offset_ms;
            if t >= s.start && t < s.end && n < 2 {
                hits[n] = t;
                n += 1;
            }
        }
        let inst = |ms: i64| {
            Instant::from_epoch_milliseconds(ms).map_err(|_| {
                Error::out_of_range("", format!("local date-time `{local}` is outside years 0001 to 9999"))
            })
        };
        match n {
            1 => Ok(LocalResolution::Unique(inst(hits[0])?)),
            2 => Ok(LocalResolution::Fold { before: inst(hits[0].min(hits[1]))?, after: inst(hits[0].max(hits[1]))? }),
            _ => {
                // In a gap: find the transition whose wall-clock jump covers `u`.
                for w in segs.windows(2) {
                    let (a, b) = (w[0], w[1]);
                    if a.end + a.offset_ms <= u && u < b.start + b.offset_ms {
                        return Ok(LocalResolution::Gap {
                            before: inst(u - b.offset_ms)?,
                            after: inst(u - a.offset_ms)?,
                        });
                    }
                }
                Err(Error::out_of_range("", format!("local date-time `{local}` cannot be resolved in `{}`", self.name())))
            }
        }
    }

    /// The instant of a local date-time, resolving gaps and folds as asked.
    ///
    /// # Example: Helsinki spring-forward gap, 2026-03-29 03:30 does not exist
    ///
    /// ```
    /// use slaclock::{CivilDateTime, Disambiguation, Zone};
    /// let z = Zone::parse("Europe/Helsinki").unwrap();
    /// let l = CivilDateTime::parse("2026-03-29T03:30").unwrap();
    /// assert_eq!(z.format(z.from_local(l, Disambiguation::Compatible).unwrap()), "2026-03-29T04:30:00+03:00");
    /// assert_eq!(z.format(z.from_local(l, Disambiguation::Earlier).unwrap()), "2026-03-29T02:30:00+02:00");
    /// assert_eq!(z.from_local(l, Disambiguation::Reject).unwrap_err().code().as_str(), "NONEXISTENT_LOCAL_TIME");
    /// ```
    pub fn from_local(&self, local: CivilDateTime, disambiguation: Disambiguation) -> Result<Instant> {
        match self.resolve_local(local)? {
            LocalResolution::Unique(t) => Ok(t),
            LocalResolution::Gap { before, after } => match disambiguation {
                Disambiguation::Compatible | Disambiguation::Later => Ok(after),
                Disambiguation::Earlier => Ok(before),
                Disambiguation::Reject => Err(Error::new(
                    ErrorCode::NonexistentLocalTime,
                    "",
                    format!("local date-time `{local}` does not exist in `{}` (DST gap)", self.name()),
                )),
            },
            LocalResolution::Fold { before, after } => match disambiguation {
                Disambiguation::Compatible | Disambiguation::Earlier => Ok(before),
                Disambiguation::Later => Ok(after),
                Disambiguation::Reject => Err(Error::new(
                    ErrorCode::AmbiguousLocalTime,
                    "",
                    format!("local date-time `{local}` occurs twice in `{}` (DST fold)", self.name()),
                )),
            },
        }
    }

    /// Pushes the constant-offset segments covering `[from, to)` onto `out`, in order.
    pub(crate) fn segments(&self, from: i64, to: i64, out: &mut Vec<Segment>) {
        if from >= to {
            return;
        }
        let mut start = from;
        let mut block = from.div_euclid(BLOCK_MS);
        let mut table = transitions(self.tz, block);
        let mut off = table.offset_at(from);
        loop {
            for &(at, next_off) in table.after(start) {
                if at >= to {
                    break;
                }
                if next_off != off {
                    out.push(Segment { start, end: at, offset_ms: off });
                    start = at;
                    off = next_off;
                }
            }
            block += 1;
            if block * BLOCK_MS >= to {
                break;
            }
            table = transitions(self.tz, block);
        }
        out.push(Segment { start, end: to, offset_ms: off });
    }
}

/// Transitions are found and cached per block of about ten years.
const BLOCK_MS: i64 = 3653 * 86_400_000;
/// Cached blocks at most (a block is a few dozen bytes).
const MAX_BLOCKS: usize = 65_536;

/// The offset at a block's start and the transitions inside it.
#[derive(Debug)]
struct Block {
    start_offset: i64,
    /// (instant of the transition, offset from then on), ascending.
    changes: Vec<(i64, i64)>,
}

impl Block {
    fn offset_at(&self, t: i64) -> i64 {
        let i = self.changes.partition_point(|&(at, _)| at <= t);
        if i == 0 {
            self.start_offset
        } else {
            self.changes[i - 1].1
        }
    }

    fn after(&self, t: i64) -> &[(i64, i64)] {
        let i = self.changes.partition_point(|&(at, _)| at <= t);
        &self.changes[i..]
    }
}

type BlockCache = HashMap<(Tz, i64), Arc<Block>>;

fn cache() -> &'static Mutex<BlockCache> {
    static CACHE: OnceLock<Mutex<BlockCache>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The transitions of `tz` in block `b`: offsets sampled every 6 hours, each change
/// located to the millisecond by bisection (chrono-tz does not expose its table).
fn transitions(tz: Tz, b: i64) -> Arc<Block> {
    if let Ok(map) = cache().lock() {
        if let Some(block) = map.get(&(tz, b)) {
            return block.clone();
        }
    }
    let zone = Zone { tz };
    let (from, to) = (b * BLOCK_MS, (b + 1) * BLOCK_MS);
    let mut changes = Vec::new();
    let start_offset = zone.offset_ms(from);
    let mut off = start_offset;
    let mut probe = from;
    while probe < to {
        let next = (probe + SAMPLE_MS).min(to);
        let next_off = zone.offset_ms(next);
        if next_off != off {
            let (mut lo, mut hi) = (probe, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if zone.offset_ms(mid) == off {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            if hi < to {
                changes.push((hi, next_off));
            }
            off = next_off;
        }
        probe = next;
    }
    // A change exactly at `to` belongs to the next block.
    if let Some(&(at, _)) = changes.last() {
        debug_assert!(at < to);
    }
    let block = Arc::new(Block { start_offset, changes });
    if let Ok(mut map) = cache().lock() {
        if map.len() >= MAX_BLOCKS {
            map.clear();
        }
        map.insert((tz, b), block.clone());
    }
    block
}

#[cfg(test)]
mod tests {
    use super::*;

    fn z(n: &str) -> Zone {
        Zone::parse(n).unwrap()
    }

    #[test]
    fn new_york_2024_03_10_gap_compatible_moves_forward() {
        let t = z("America/New_York")
            .from_local(CivilDateTime::parse("2024-03-10T02:30").unwrap(), Disambiguation::Compatible)
            .unwrap();
        assert_eq!(t.to_string(), "2024-03-10T07:30:00Z");
    }

    #[test]
    fn new_york_2024_11_03_fold_earlier_and_later() {
        let zone = z("America/New_York");
        let l = CivilDateTime::parse("2024-11-03T01:30").unwrap();
        assert_eq!(zone.from_local(l, Disambiguation::Compatible).unwrap().to_string(), "2024-11-03T05:30:00Z");
        assert_eq!(zone.from_local(l, Disambiguation::Later).unwrap().to_string(), "2024-11-03T06:30:00Z");
        assert_eq!(zone.from_local(l, Disambiguation::Reject).unwrap_err().code(), ErrorCode::AmbiguousLocalTime);
    }

    #[test]
    fn apia_2011_12_30_skipped_day() {
        let zone = z("Pacific/Apia");
        let l = CivilDateTime::parse("2011-12-30T12:00").unwrap();
        let t = zone.from_local(l, Disambiguation::Compatible).unwrap();
        assert_eq!(zone.format(t), "2011-12-31T12:00:00+14:00");
        let before = zone.from_local(l, Disambiguation::Earlier).unwrap();
        assert_eq!(zone.format(before), "2011-12-29T12:00:00-10:00");
    }

    #[test]
    fn lord_howe_half_hour_dst_2026_04_05_fold() {
        // Lord Howe falls back from +11 to +10:30 at 02:00 local on 2026-04-05.
        let zone = z("Australia/Lord_Howe");
        let r = zone.resolve_local(CivilDateTime::parse("2026-04-05T01:45").unwrap()).unwrap();
        let LocalResolution::Fold { before, after } = r else { panic!("{r:?}") };
        assert_eq!(after.epoch_milliseconds() - before.epoch_milliseconds(), 30 * 60_000);
    }

    #[test]
    fn sao_paulo_2018_11_04_midnight_gap() {
        let zone = z("America/Sao_Paulo");
        let t = zone.from_local(CivilDateTime::parse("2018-11-04T00:00").unwrap(), Disambiguation::Compatible).unwrap();
        assert_eq!(zone.format(t), "2018-11-04T01:00:00-02:00");
    }

    #[test]
    fn helsinki_segments_2026_split_at_transitions() {
        let zone = z("Europe/Helsinki");
        let from = Instant::parse("2026-03-28T00:00:00Z").unwrap().epoch_milliseconds();
        let to = Instant::parse("2026-03-30T00:00:00Z").unwrap().epoch_milliseconds();
        let mut segs = Vec::new();
        zone.segments(from, to, &mut segs);
        assert_eq!(segs.len(), 2);
        assert_eq!(Instant::from_epoch_milliseconds(segs[0].end).unwrap().to_string(), "2026-03-29T01:00:00Z");
        assert_eq!(segs[0].offset_ms, 2 * HOUR_MS);
        assert_eq!(segs[1].offset_ms, 3 * HOUR_MS);
    }
}
