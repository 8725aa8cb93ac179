//! Instants: points on the UTC time line with millisecond precision.

use crate::civil::{parse_date_at, parse_time_of_day_at, CivilDateTime};
use crate::error::{Error, ErrorCode, Result};
use std::fmt;

/// Milliseconds in one (civil) day.
pub const DAY_MS: i64 = 86_400_000;
/// Milliseconds in one hour.
pub const HOUR_MS: i64 = 3_600_000;

/// A point on the UTC time line, in milliseconds since 1970-01-01T00:00:00Z, within
/// 0001-01-01T00:00:00Z ..= 9999-12-31T23:59:59.999Z.
///
/// # Example: parsing needs an offset
///
/// ```
/// use slaclock::Instant;
/// let t = Instant::parse("2026-12-23T10:00:00+02:00").unwrap();
/// assert_eq!(t.epoch_milliseconds(), 1_798_012_800_000);
/// assert_eq!(Instant::parse("2026-12-23T10:00:00").unwrap_err().code().as_str(), "NAIVE_TIMESTAMP");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(i64);

impl Instant {
    /// The earliest supported instant, `0001-01-01T00:00:00Z`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Instant::MIN.to_string(), "0001-01-01T00:00:00Z");
    /// ```
    pub const MIN: Instant = Instant(-62_135_596_800_000);
    /// The latest supported instant, `9999-12-31T23:59:59.999Z`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Instant::MAX.to_string(), "9999-12-31T23:59:59.999Z");
    /// ```
    pub const MAX: Instant = Instant(253_402_300_799_999);

    /// The instant `ms` milliseconds after the Unix epoch; `OUT_OF_RANGE` outside years
    /// 0001..=9999.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Instant;
    /// assert_eq!(Instant::from_epoch_milliseconds(0).unwrap().to_string(), "1970-01-01T00:00:00Z");
    /// assert!(Instant::from_epoch_milliseconds(i64::MAX).is_err());
    /// ```
    pub fn from_epoch_milliseconds(ms: i64) -> Result<Instant> {
        if ms < Self::MIN.0 || ms > Self::MAX.0 {
            return Err(Error::out_of_range(
                "",
                format!("instant `{ms}` ms is outside years 0001 to 9999"),
            ));
        }
        Ok(Instant(ms))
    }

    /// Like [`Instant::from_epoch_milliseconds`] for a JS number: it must be finite and
    /// whole.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Instant;
    /// assert_eq!(Instant::from_epoch_f64(1.5e12).unwrap().epoch_milliseconds(), 1_500_000_000_000);
    /// assert_eq!(Instant::from_epoch_f64(f64::NAN).unwrap_err().code().as_str(), "INVALID_INSTANT");
    /// ```
    #[inline]
    pub fn from_epoch_f64(ms: f64) -> Result<Instant> {
        Self::from_epoch_f64_opt(ms).ok_or_else(|| Self::bad_epoch_f64(ms))
    }

    /// [`Instant::from_epoch_f64`] without the error (the batch loops' fast path).
    #[inline]
    pub(crate) fn from_epoch_f64_opt(ms: f64) -> Option<Instant> {
        // NaN and the infinities fail these comparisons (the fraction of an infinity is NaN).
        (ms.fract() == 0.0 && ms >= Self::MIN.0 as f64 && ms <= Self::MAX.0 as f64).then_some(Instant(ms as i64))
    }

    #[cold]
    #[inline(never)]
    fn bad_epoch_f64(ms: f64) -> Error {
        if !ms.is_finite() || ms.fract() != 0.0 {
            return Error::new(
                ErrorCode::InvalidInstant,
                "",
                format!("invalid instant `{}`: expected a whole number of epoch milliseconds", crate::json::fmt_number(ms)),
            );
        }
        Error::out_of_range("", format!("instant `{}` ms is outside years 0001 to 9999", crate::json::fmt_number(ms)))
    }

    /// Milliseconds since the Unix epoch.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Instant;
    /// assert_eq!(Instant::parse("1970-01-01T00:00:01Z").unwrap().epoch_milliseconds(), 1000);
    /// ```
    #[inline]
    pub fn epoch_milliseconds(self) -> i64 {
        self.0
    }

    /// Parses an ISO 8601 / RFC 3339 timestamp **with** an offset or `Z`:
    /// `2026-12-23T10:00:00+02:00`, `2026-12-23T08:00Z`, `2026-12-23 10:00:00.250+0200`.
    /// An RFC 9557 suffix such as `[Europe/Helsinki]` is allowed and ignored (the offset
    /// decides). Fractions finer than a millisecond are truncated.
    ///
    /// # Example: a date-time without offset is rejected, never guessed
    ///
    /// ```
    /// use slaclock::Instant;
    /// let e = Instant::parse("2026-03-29T03:30").unwrap_err();
    /// assert_eq!(e.code().as_str(), "NAIVE_TIMESTAMP");
    /// assert_eq!(e.message(), "timestamp `2026-03-29T03:30` has no offset: add `Z` or an offset such as `+02:00`");
    /// ```
    pub fn parse(s: &str) -> Result<Instant> {
        let bad = || {
            Error::new(
                ErrorCode::InvalidInstant,
                "",
                format!("invalid timestamp `{s}`: expected ISO 8601 such as `2026-12-23T10:00:00+02:00`"),
            )
        };
        let b = s.as_bytes();
        let date = parse_date_at(b, 0).ok_or_else(bad)?;
        let mut i = 10;
        if i == b.len() {
            return Err(naive(s));
        }
        if !matches!(b[i], b'T' | b't' | b' ') {
            return Err(bad());
        }
        i += 1;
        let (tod, next) = parse_time_of_day_at(b, i).ok_or_else(bad)?;
        i = next;
        if i == b.len() || b[i] == b'[' {
            return Err(naive(s));
        }
        let offset_ms: i64 = match b[i] {
            b'Z' | b'z' => {
                i += 1;
                0
            }
            b'+' | b'-' => {
                let sign = if b[i] == b'-' { -1 } else { 1 };
                i += 1;
                let hh = two(b, i).ok_or_else(bad)?;
                i += 2;
                let mut mm = 0;
                if i < b.len() && b[i] == b':' {
                    mm = two(b, i + 1).ok_or_else(bad)?;
                    i += 3;
                } else if i + 1 < b.len() && b[i].is_ascii_digit() {
                    mm = two(b, i).ok_or_else(bad)?;
                    i += 2;
                }
                if hh > 23 || mm > 59 {
                    return Err(bad());
                }
                sign * (hh * 3_600_000 + mm * 60_000)
            }
            _ => return Err(bad()),
        };
        if i < b.len() {
            // RFC 9557 annotations: `[Europe/Helsinki]`, `[u-ca=iso8601]`.
            if b[i] != b'[' || b[b.len() - 1] != b']' {
                return Err(bad());
            }
        }
        let wall = CivilDateTime { date, ms_of_day: tod }.local_epoch_ms();
        Instant::from_epoch_milliseconds(wall - offset_ms).map_err(|_| {
            Error::out_of_range("", format!("timestamp `{s}` is outside years 0001 to 9999"))
        })
    }

    /// Formats the instant in ISO 8601 with the given offset (seconds east of UTC):
    /// `2026-12-23T10:00:00+02:00`; `Z` for offset 0. Milliseconds appear when not zero.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Instant;
    /// let t = Instant::parse("2026-12-23T08:00:00.5Z").unwrap();
    /// assert_eq!(t.format_with_offset(7200), "2026-12-23T10:00:00.500+02:00");
    /// ```
    pub fn format_with_offset(self, offset_seconds: i32) -> String {
        let wall = self.0 + offset_seconds as i64 * 1000;
        let civil = CivilDateTime::from_local_epoch_ms(wall);
        let mut out = String::with_capacity(32);
        civil.write_iso(&mut out);
        if offset_seconds == 0 {
            out.push('Z');
        } else {
            out.push(if offset_seconds < 0 { '-' } else { '+' });
            let a = offset_seconds.unsigned_abs();
            push_two(&mut out, a / 3600);
            out.push(':');
            push_two(&mut out, a / 60 % 60);
            if a % 60 != 0 {
                out.push(':');
                push_two(&mut out, a % 60);
            }
        }
        out
    }
}

fn push_two(out: &mut String, v: u32) {
    out.push((b'0' + (v / 10 % 10) as u8) as char);
    out.push((b'0' + (v % 10) as u8) as char);
}

fn naive(s: &str) -> Error {
    Error::new(
        ErrorCode::NaiveTimestamp,
        "",
        format!("timestamp `{s}` has no offset: add `Z` or an offset such as `+02:00`"),
    )
}

fn two(b: &[u8], i: usize) -> Option<i64> {
    if i + 1 < b.len() && b[i].is_ascii_digit() && b[i + 1].is_ascii_digit() {
        Some(((b[i] - b'0') * 10 + (b[i + 1] - b'0')) as i64)
    } else {
        None
    }
}

impl fmt::Display for Instant {
    /// UTC, `Z` suffix.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_with_offset(0))
    }
}
