//! POSIX TZ strings (the TZif footer, RFC 8536 §3.3): parsing and evaluating rules such
//! as `EST5EDT,M3.2.0,M11.1.0`, with the proleptic Gregorian arithmetic they need. Only
//! `std`, like src/tzif.rs (build.rs and tests/tzif.rs compile both with `#[path]`).
//! Nothing here panics, whatever the bytes.

use crate::tzif::{ParseError, SECS_PER_DAY};

// -------------------------------------------------------------------------------------
// POSIX TZ strings
// -------------------------------------------------------------------------------------

/// A POSIX TZ string such as `EST5EDT,M3.2.0,M11.1.0` (with RFC 8536's extensions:
/// transition times from -167 to 167 hours). Offsets are stored east of UTC (the
/// string's sign is the opposite).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PosixTz {
    /// Standard time's offset, seconds east of UTC.
    pub(crate) std: i32,
    /// Daylight saving time, if any.
    pub(crate) dst: Option<PosixDst>,
}

/// The daylight saving part of a TZ string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PosixDst {
    /// DST's offset, seconds east of UTC (may be below `std`: negative DST).
    pub(crate) offset: i32,
    /// When DST starts: a date and a local time (in standard time).
    pub(crate) start: (RuleDay, i32),
    /// When DST ends: a date and a local time (in DST).
    pub(crate) end: (RuleDay, i32),
}

/// The date part of a TZ rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuleDay {
    /// `Jn`: day 1..=365, February 29 never counted.
    Julian1(u16),
    /// `n`: day 0..=365, February 29 counted in leap years.
    Julian0(u16),
    /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (1..=5, 5 = last) of month `m`.
    MonthWeekDay(u8, u8, u8),
}

impl PosixTz {
    /// Parses a TZ string (the whole of `s`).
    pub(crate) fn parse(s: &[u8]) -> Result<PosixTz, ParseError> {
        let mut p = Posix { s, i: 0 };
        p.name()?;
        let std = -p.hms(24)?;
        if p.done() {
            return Ok(PosixTz { std, dst: None });
        }
        p.name()?;
        let offset = if matches!(p.peek(), Some(b'+' | b'-' | b'0'..=b'9')) { -p.hms(24)? } else { std + 3600 };
        let (start, end) = if p.done() {
            // POSIX leaves the default rule to the implementation; this is the US rule
            // (glibc's `posixrules` default). zic always writes a rule.
            ((RuleDay::MonthWeekDay(3, 2, 0), 7200), (RuleDay::MonthWeekDay(11, 1, 0), 7200))
        } else {
            p.expect(b',')?;
            let start = p.rule()?;
            p.expect(b',')?;
            let end = p.rule()?;
            (start, end)
        };
        if !p.done() {
            return Err("TZ string: unexpected characters");
        }
        Ok(PosixTz { std, dst: Some(PosixDst { offset, start, end }) })
    }

    /// The offset (seconds east of UTC) at `t` (seconds since the epoch).
    pub(crate) fn offset_at(&self, t: i64) -> i32 {
        let Some(dst) = &self.dst else { return self.std };
        let y = year_of_days(t.saturating_add(i64::from(self.std)).div_euclid(SECS_PER_DAY));
        // The latest event at or before `t`; at equal instants a start wins over an end
        // (a rule that ends DST when it starts again is DST all year).
        let mut best: Option<(i64, bool)> = None;
        for yy in y - 2..=y + 1 {
            for (at, is_start) in dst.events(yy, self.std) {
                if at <= t && best.map_or(true, |b| (at, is_start) > b) {
                    best = Some((at, is_start));
                }
            }
        }
        match best {
            Some((_, true)) => dst.offset,
            _ => self.std,
        }
    }

    /// The first rule event after `t` (seconds), or `None` without DST.
    pub(crate) fn next_transition(&self, t: i64) -> Option<i64> {
        let dst = self.dst.as_ref()?;
        let y = year_of_days(t.saturating_add(i64::from(self.std)).div_euclid(SECS_PER_DAY));
        let mut best: Option<i64> = None;
        for yy in y - 1..=y + 2 {
            for (at, _) in dst.events(yy, self.std) {
                if at > t && best.map_or(true, |b| at < b) {
                    best = Some(at);
                }
            }
        }
        best
    }
}

impl PosixDst {
    /// The two events of year `y`, in UTC seconds: `(instant, is_start)`.
    pub(crate) fn events(&self, y: i64, std: i32) -> [(i64, bool); 2] {
        let start = self.start.0.day(y) * SECS_PER_DAY + i64::from(self.start.1) - i64::from(std);
        let end = self.end.0.day(y) * SECS_PER_DAY + i64::from(self.end.1) - i64::from(self.offset);
        [(start, true), (end, false)]
    }
}

impl RuleDay {
    /// The local date in year `y`, in days since 1970-01-01.
    fn day(self, y: i64) -> i64 {
        let jan1 = days_from_civil(y, 1, 1);
        match self {
            RuleDay::Julian1(n) => {
                let n = i64::from(n);
                jan1 + n - 1 + i64::from(is_leap(y) && n >= 60)
            }
            RuleDay::Julian0(n) => jan1 + i64::from(n),
            RuleDay::MonthWeekDay(m, w, d) => {
                let first = days_from_civil(y, i64::from(m), 1);
                // 1970-01-01 was a Thursday (4).
                let first_wd = (first + 4).rem_euclid(7);
                let mut day = first + (i64::from(d) - first_wd).rem_euclid(7) + 7 * (i64::from(w) - 1);
                let len = days_in_month(y, i64::from(m));
                while day >= first + len {
                    day -= 7;
                }
                day
            }
        }
    }
}

/// A cursor over a TZ string.
struct Posix<'a> {
    s: &'a [u8],
    i: usize,
}

impl Posix<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn done(&self) -> bool {
        self.i >= self.s.len()
    }
    fn expect(&mut self, c: u8) -> Result<(), ParseError> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err("TZ string: unexpected character")
        }
    }

    /// A zone abbreviation: 3+ letters, or `<...>` with 3+ letters, digits, `+`, `-`.
    fn name(&mut self) -> Result<(), ParseError> {
        let quoted = self.peek() == Some(b'<');
        if quoted {
            self.i += 1;
        }
        let start = self.i;
        while let Some(c) = self.peek() {
            let ok = c.is_ascii_alphabetic() || (quoted && (c.is_ascii_digit() || c == b'+' || c == b'-'));
            if !ok {
                break;
            }
            self.i += 1;
        }
        if self.i - start < 3 {
            return Err("TZ string: abbreviation shorter than 3 characters");
        }
        if quoted {
            self.expect(b'>')?;
        }
        Ok(())
    }

    /// An unsigned number of at most `max_digits` digits.
    fn num(&mut self, max_digits: usize) -> Result<i64, ParseError> {
        let start = self.i;
        let mut v: i64 = 0;
        while let Some(c @ b'0'..=b'9') = self.peek() {
            if self.i - start >= max_digits {
                return Err("TZ string: number too long");
            }
            v = v * 10 + i64::from(c - b'0');
            self.i += 1;
        }
        if self.i == start {
            return Err("TZ string: expected a number");
        }
        Ok(v)
    }

    /// `[+-]hh[:mm[:ss]]` in seconds, hours at most `max_hours`.
    fn hms(&mut self, max_hours: i64) -> Result<i32, ParseError> {
        let sign = match self.peek() {
            Some(b'-') => {
                self.i += 1;
                -1
            }
            Some(b'+') => {
                self.i += 1;
                1
            }
            _ => 1,
        };
        let h = self.num(3)?;
        let mut secs = h * 3600;
        if h > max_hours {
            return Err("TZ string: hours out of range");
        }
        for scale in [60, 1] {
            if self.peek() != Some(b':') {
                break;
            }
            self.i += 1;
            let v = self.num(2)?;
            if v > 59 {
                return Err("TZ string: minutes or seconds out of range");
            }
            secs += v * scale;
        }
        i32::try_from(sign * secs).map_err(|_| "TZ string: out of range")
    }

    /// `date[/time]`.
    fn rule(&mut self) -> Result<(RuleDay, i32), ParseError> {
        let day = match self.peek() {
            Some(b'J') => {
                self.i += 1;
                let n = self.num(3)?;
                if !(1..=365).contains(&n) {
                    return Err("TZ string: Julian day out of range");
                }
                RuleDay::Julian1(n as u16)
            }
            Some(b'M') => {
                self.i += 1;
                let m = self.num(2)?;
                self.expect(b'.')?;
                let w = self.num(1)?;
                self.expect(b'.')?;
                let d = self.num(1)?;
                if !(1..=12).contains(&m) || !(1..=5).contains(&w) || d > 6 {
                    return Err("TZ string: month rule out of range");
                }
                RuleDay::MonthWeekDay(m as u8, w as u8, d as u8)
            }
            _ => {
                let n = self.num(3)?;
                if n > 365 {
                    return Err("TZ string: day out of range");
                }
                RuleDay::Julian0(n as u16)
            }
        };
        let time = if self.peek() == Some(b'/') {
            self.i += 1;
            self.hms(167)?
        } else {
            7200
        };
        Ok((day, time))
    }
}

// -------------------------------------------------------------------------------------
// Proleptic Gregorian calendar arithmetic (days since 1970-01-01)
// -------------------------------------------------------------------------------------

pub(crate) fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

pub(crate) fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a date (H. Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The year of a day counted from 1970-01-01.
pub(crate) fn year_of_days(z: i64) -> i64 {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let y = yoe + era * 400;
    if mp >= 10 {
        y + 1
    } else {
        y
    }
}
