//! Civil (time-zone-free) dates, wall-clock times and weekdays.
//!
//! Dates are counted in days since 1970-01-01 (proleptic Gregorian), which makes the
//! arithmetic the engine needs (next day, weekday, days between) plain integer math.

use crate::error::{Error, ErrorCode, Result};
use crate::instant::DAY_MS;
use std::fmt;

/// A calendar date without a time zone (Temporal's `PlainDate`).
///
/// # Example
///
/// ```
/// use slaclock::{Date, Weekday};
/// let d = Date::parse("2026-12-25").unwrap();
/// assert_eq!(d.weekday(), Weekday::Fri);
/// assert_eq!(d.add_days(7).to_string(), "2027-01-01");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

/// The earliest supported date (0001-01-01) in days since 1970-01-01.
pub(crate) const MIN_DAY: i32 = -719_162;
/// The latest supported date (9999-12-31) in days since 1970-01-01.
pub(crate) const MAX_DAY: i32 = 2_932_896;

impl Date {
    /// The date for a year, month (1-12) and day (1-31); `None` when it does not exist or
    /// is outside years 1..=9999.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2026, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day < 1 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date(days_from_civil(year, month, day)))
    }

    /// The date `days` days after 1970-01-01 (negative: before).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Date;
    /// assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
    /// ```
    pub fn from_days(days: i32) -> Date {
        Date(days)
    }

    /// Days since 1970-01-01.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Date;
    /// assert_eq!(Date::parse("1970-01-02").unwrap().days(), 1);
    /// ```
    pub fn days(self) -> i32 {
        self.0
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Date;
    /// assert_eq!(Date::parse("2026-02-30").unwrap_err().message(),
    ///     "invalid date `2026-02-30`: expected an existing date as YYYY-MM-DD");
    /// ```
    pub fn parse(s: &str) -> Result<Date> {
        let b = s.as_bytes();
        match parse_date_at(b, 0) {
            Some(d) if b.len() == 10 => Ok(d),
            _ => Err(Error::new(
                ErrorCode::InvalidDate,
                "",
                format!("invalid date `{s}`: expected an existing date as YYYY-MM-DD"),
            )),
        }
    }

    /// The (year, month, day) of the date.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Date;
    /// assert_eq!(Date::parse("2026-05-14").unwrap().ymd(), (2026, 5, 14));
    /// ```
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// The year.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Date::parse("2026-05-14").unwrap().year(), 2026);
    /// ```
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// The weekday.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Date, Weekday};
    /// assert_eq!(Date::parse("1970-01-01").unwrap().weekday(), Weekday::Thu);
    /// ```
    pub fn weekday(self) -> Weekday {
        Weekday::from_index((self.0 as i64 + 3).rem_euclid(7) as usize)
    }

    /// The date `n` days later (earlier when negative). Saturates at the supported range.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Date;
    /// assert_eq!(Date::parse("2024-02-28").unwrap().add_days(1).to_string(), "2024-02-29");
    /// ```
    pub fn add_days(self, n: i32) -> Date {
        Date(self.0.saturating_add(n))
    }

    /// Local midnight of this date in "local epoch" milliseconds (wall time as if UTC).
    pub(crate) fn local_epoch_ms(self) -> i64 {
        self.0 as i64 * DAY_MS
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// A day of the week; `Mon` is day 1 as in ISO 8601 and Temporal's `dayOfWeek`.
///
/// # Example
///
/// ```
/// use slaclock::Weekday;
/// assert_eq!(Weekday::parse("tue"), Some(Weekday::Tue));
/// assert_eq!(Weekday::Sun.number(), 7);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// All weekdays, Monday first.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Weekday::ALL[0], slaclock::Weekday::Mon);
    /// ```
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// The weekday with index 0 (Monday) to 6 (Sunday).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Weekday::from_index(6), slaclock::Weekday::Sun);
    /// ```
    pub fn from_index(i: usize) -> Weekday {
        Weekday::ALL[i % 7]
    }

    /// 0 for Monday .. 6 for Sunday.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Weekday::Wed.index(), 2);
    /// ```
    pub fn index(self) -> usize {
        self as usize
    }

    /// ISO number: 1 for Monday .. 7 for Sunday.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Weekday::Mon.number(), 1);
    /// ```
    pub fn number(self) -> u32 {
        self as u32 + 1
    }

    /// The three-letter key used in calendar JSON: `mon` .. `sun`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Weekday::Thu.key(), "thu");
    /// ```
    pub fn key(self) -> &'static str {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][self.index()]
    }

    /// Parses `mon` .. `sun` (also full English names, any case).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Weekday;
    /// assert_eq!(Weekday::parse("Friday"), Some(Weekday::Fri));
    /// assert_eq!(Weekday::parse("fr"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Weekday> {
        let l = s.to_ascii_lowercase();
        const FULL: [&str; 7] =
            ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        Weekday::ALL.iter().copied().find(|w| l == w.key() || l == FULL[w.index()])
    }
}

/// A wall-clock date and time without zone: local date plus milliseconds since its
/// midnight (Temporal's `PlainDateTime`, millisecond precision).
///
/// # Example
///
/// ```
/// use slaclock::CivilDateTime;
/// let t = CivilDateTime::parse("2026-03-29T03:30").unwrap();
/// assert_eq!(t.to_string(), "2026-03-29T03:30:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDateTime {
    /// The local date.
    pub date: Date,
    /// Milliseconds since local midnight, `0..86_400_000`.
    pub ms_of_day: i64,
}

impl CivilDateTime {
    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]]` (no offset: it is a wall time, not an instant).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::CivilDateTime;
    /// assert!(CivilDateTime::parse("2026-03-29T03:30:00.250").is_ok());
    /// assert_eq!(CivilDateTime::parse("2026-03-29T03:30Z").unwrap_err().code().as_str(), "INVALID_WALL_TIME");
    /// ```
    pub fn parse(s: &str) -> Result<CivilDateTime> {
        let b = s.as_bytes();
        let bad = || {
            Error::new(
                ErrorCode::InvalidWallTime,
                "",
                format!("invalid local date-time `{s}`: expected YYYY-MM-DDTHH:MM[:SS] without offset"),
            )
        };
        let date = parse_date_at(b, 0).ok_or_else(bad)?;
        if b.len() == 10 {
            return Ok(CivilDateTime { date, ms_of_day: 0 });
        }
        if b.len() < 11 || !matches!(b[10], b'T' | b't' | b' ') {
            return Err(bad());
        }
        let (ms_of_day, next) = parse_time_of_day_at(b, 11).ok_or_else(bad)?;
        if next != b.len() {
            return Err(bad());
        }
        Ok(CivilDateTime { date, ms_of_day })
    }

    /// Wall time as milliseconds since 1970-01-01T00:00 *local* (a "local epoch").
    pub(crate) fn local_epoch_ms(self) -> i64 {
        self.date.local_epoch_ms() + self.ms_of_day
    }

    /// The inverse of `local_epoch_ms`.
    pub(crate) fn from_local_epoch_ms(ms: i64) -> CivilDateTime {
        let days = ms.div_euclid(DAY_MS);
        CivilDateTime { date: Date(days as i32), ms_of_day: ms.rem_euclid(DAY_MS) }
    }
}

impl CivilDateTime {
    /// Appends `YYYY-MM-DDTHH:MM:SS[.mmm]` to `out` without the formatting machinery
    /// (instants are formatted for every result, so this is a hot path).
    pub(crate) fn write_iso(&self, out: &mut String) {
        let (y, m, d) = self.date.ymd();
        let ms = self.ms_of_day;
        let mut b = [0u8; 23];
        let y = y.clamp(0, 9999) as u32;
        b[0] = b'0' + (y / 1000) as u8;
        b[1] = b'0' + (y / 100 % 10) as u8;
        b[2] = b'0' + (y / 10 % 10) as u8;
        b[3] = b'0' + (y % 10) as u8;
        b[4] = b'-';
        two_digits(&mut b[5..7], m);
        b[7] = b'-';
        two_digits(&mut b[8..10], d);
        b[10] = b'T';
        two_digits(&mut b[11..13], (ms / 3_600_000) as u32);
        b[13] = b':';
        two_digits(&mut b[14..16], (ms / 60_000 % 60) as u32);
        b[16] = b':';
        two_digits(&mut b[17..19], (ms / 1000 % 60) as u32);
        let milli = (ms % 1000) as u32;
        let n = if milli == 0 {
            19
        } else {
            b[19] = b'.';
            b[20] = b'0' + (milli / 100) as u8;
            b[21] = b'0' + (milli / 10 % 10) as u8;
            b[22] = b'0' + (milli % 10) as u8;
            23
        };
        // Only ASCII digits and separators were written.
        out.push_str(std::str::from_utf8(&b[..n]).unwrap_or(""));
    }
}

fn two_digits(b: &mut [u8], v: u32) {
    b[0] = b'0' + (v / 10 % 10) as u8;
    b[1] = b'0' + (v % 10) as u8;
}

impl fmt::Display for CivilDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(23);
        self.write_iso(&mut s);
        f.write_str(&s)
    }
}

/// `HH:MM:SS` or `HH:MM:SS.mmm` for milliseconds since midnight (24:00:00 for a day end).
pub(crate) fn format_time_of_day(ms: i64) -> String {
    let (h, m, s, milli) = (ms / 3_600_000, (ms / 60_000) % 60, (ms / 1000) % 60, ms % 1000);
    if milli == 0 {
        format!("{h:02}:{m:02}:{s:02}")
    } else {
        format!("{h:02}:{m:02}:{s:02}.{milli:03}")
    }
}

/// `HH:MM` when seconds are zero, else like [`format_time_of_day`]: the form calendar JSON
/// uses for hours.
pub(crate) fn format_wall_time(ms: i64) -> String {
    if ms % 60_000 == 0 {
        format!("{:02}:{:02}", ms / 3_600_000, (ms / 60_000) % 60)
    } else {
        format_time_of_day(ms)
    }
}

/// Parses a calendar wall time `HH:MM`, `HH:MM:SS` or `HH:MM:SS.mmm` from `00:00` to
/// `24:00` into milliseconds since midnight.
///
/// # Example
///
/// ```
/// use slaclock::parse_wall_time;
/// assert_eq!(parse_wall_time("08:30").unwrap(), 30_600_000);
/// assert_eq!(parse_wall_time("24:00").unwrap(), 86_400_000);
/// assert_eq!(parse_wall_time("8:30").unwrap_err().code().as_str(), "INVALID_WALL_TIME");
/// ```
pub fn parse_wall_time(s: &str) -> Result<i64> {
    let b = s.as_bytes();
    let bad = || {
        Error::new(
            ErrorCode::InvalidWallTime,
            "",
            format!("invalid wall time `{s}`: expected HH:MM or HH:MM:SS from 00:00 to 24:00"),
        )
    };
    if b.len() >= 2 && b[0] == b'2' && b[1] == b'4' {
        return match s {
            "24:00" | "24:00:00" | "24:00:00.000" => Ok(DAY_MS),
            _ => Err(bad()),
        };
    }
    match parse_time_of_day_at(b, 0) {
        Some((ms, next)) if next == b.len() => Ok(ms),
        _ => Err(bad()),
    }
}

fn digits(b: &[u8], i: usize, n: usize) -> Option<u32> {
    if i + n > b.len() {
        return None;
    }
    let mut v = 0u32;
    for &c in &b[i..i + n] {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u32;
    }
    Some(v)
}

/// `YYYY-MM-DD` at `b[i..i+10]`.
pub(crate) fn parse_date_at(b: &[u8], i: usize) -> Option<Date> {
    let y = digits(b, i, 4)?;
    if b.get(i + 4) != Some(&b'-') {
        return None;
    }
    let m = digits(b, i + 5, 2)?;
    if b.get(i + 7) != Some(&b'-') {
        return None;
    }
    let d = digits(b, i + 8, 2)?;
    Date::new(y as i32, m, d)
}

/// `HH:MM[:SS[.fff…]]` with hours 00-23 at `b[i..]`; returns (ms of day, index after).
/// Fraction digits past milliseconds are accepted and truncated.
pub(crate) fn parse_time_of_day_at(b: &[u8], i: usize) -> Option<(i64, usize)> {
    let h = digits(b, i, 2)?;
    if b.get(i + 2) != Some(&b':') {
        return None;
    }
    let m = digits(b, i + 3, 2)?;
    let mut j = i + 5;
    let mut s = 0;
    let mut milli = 0;
    if b.get(j) == Some(&b':') {
        s = digits(b, j + 1, 2)?;
        j += 3;
        if matches!(b.get(j), Some(b'.') | Some(b',')) {
            j += 1;
            let start = j;
            while j < b.len() && b[j].is_ascii_digit() {
                if j - start < 3 {
                    milli = milli * 10 + (b[j] - b'0') as u32;
                }
                j += 1;
            }
            let n = j - start;
            if n == 0 || n > 9 {
                return None;
            }
            for _ in n..3 {
                milli *= 10;
            }
        }
    }
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    Some((h as i64 * 3_600_000 + m as i64 * 60_000 + s as i64 * 1000 + milli as i64, j))
}

pub(crate) fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) as i32
}

/// The inverse of [`days_from_civil`].
pub(crate) fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400) as i32 + (m <= 2) as i32;
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_every_day_1900_to_2100() {
        let mut prev = days_from_civil(1899, 12, 31);
        for y in 1900..=2100 {
            for m in 1..=12 {
                for d in 1..=days_in_month(y, m) {
                    let z = days_from_civil(y, m, d);
                    assert_eq!(z, prev + 1);
                    assert_eq!(civil_from_days(z), (y, m, d));
                    prev = z;
                }
            }
        }
    }

    #[test]
    fn range_ends_are_year_1_and_9999() {
        assert_eq!(Date::new(1, 1, 1).unwrap().days(), MIN_DAY);
        assert_eq!(Date::new(9999, 12, 31).unwrap().days(), MAX_DAY);
    }

    #[test]
    fn wall_time_forms() {
        assert_eq!(parse_wall_time("00:00").unwrap(), 0);
        assert_eq!(parse_wall_time("23:59:59").unwrap(), 86_399_000);
        assert_eq!(parse_wall_time("12:00:00.250").unwrap(), 43_200_250);
        for bad in ["24:01", "12:60", "1200", "12:00:", "", "ab:cd", "24:00:01", "-1:00"] {
            assert_eq!(parse_wall_time(bad).unwrap_err().code(), ErrorCode::InvalidWallTime, "{bad}");
        }
    }

    #[test]
    fn weekday_2026_12_25_is_friday() {
        assert_eq!(Date::new(2026, 12, 25).unwrap().weekday(), Weekday::Fri);
        assert_eq!(Date::new(2000, 1, 1).unwrap().weekday(), Weekday::Sat);
    }
}
