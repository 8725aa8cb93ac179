//! Business durations: milliseconds, `{days, hours, minutes, seconds, milliseconds}`,
//! ISO 8601 (`PT4H30M`), and the two calendar-relative day units `businessDays` and
//! `endOfBusinessDay`. A day of business time is 24 business hours (ServiceNow's meaning).

use crate::error::{join, Error, ErrorCode, Result};
use crate::json::{check_keys, integer, object, type_name};
use serde_json::Value;

/// The largest duration accepted: 10,000 years of milliseconds.
///
/// # Example
///
/// ```
/// assert!(slaclock::BusinessDuration::from_value(&serde_json::json!(slaclock::MAX_DURATION_MS + 1)).is_err());
/// ```
pub const MAX_DURATION_MS: i64 = 10_000 * 366 * 86_400_000;

/// A duration of business (or calendar) time.
///
/// # Example: every input form
///
/// ```
/// use slaclock::BusinessDuration;
/// use serde_json::json;
/// assert_eq!(BusinessDuration::from_value(&json!(5000)).unwrap(), BusinessDuration::Millis(5000));
/// assert_eq!(BusinessDuration::from_value(&json!("PT4H30M")).unwrap(), BusinessDuration::Millis(16_200_000));
/// assert_eq!(BusinessDuration::from_value(&json!({"hours": 1, "minutes": 30})).unwrap(), BusinessDuration::Millis(5_400_000));
/// assert_eq!(BusinessDuration::from_value(&json!({"businessDays": 2})).unwrap(), BusinessDuration::BusinessDays(2));
/// assert_eq!(BusinessDuration::from_value(&json!({"endOfBusinessDay": 0})).unwrap(), BusinessDuration::EndOfBusinessDay(0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BusinessDuration {
    /// A fixed amount of (business) time in milliseconds; may be negative.
    Millis(i64),
    /// That wall time on the n-th open day after the (next open) start, clamped into that
    /// day's hours. `n >= 1`.
    BusinessDays(u32),
    /// The last close of the n-th open day after the start day (`0`: of the start day).
    EndOfBusinessDay(u32),
}

impl BusinessDuration {
    /// Reads a duration from JSON: a number of milliseconds, an ISO 8601 string, or an
    /// object.
    ///
    /// # Example: a month has no fixed length
    ///
    /// ```
    /// use slaclock::BusinessDuration;
    /// let e = BusinessDuration::from_value(&serde_json::json!("P1M")).unwrap_err();
    /// assert_eq!(e.code().as_str(), "INVALID_DURATION");
    /// ```
    pub fn from_value(v: &Value) -> Result<BusinessDuration> {
        BusinessDuration::from_value_at(v, "")
    }

    /// Like [`BusinessDuration::from_value`], with errors pointing below `path`.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::BusinessDuration;
    /// let e = BusinessDuration::from_value_at(&serde_json::json!({"hours": "1"}), "targets.P1.response.duration").unwrap_err();
    /// assert_eq!(e.path(), "targets.P1.response.duration.hours");
    /// ```
    pub fn from_value_at(v: &Value, path: &str) -> Result<BusinessDuration> {
        match v {
            Value::Number(n) => {
                let f = n.as_f64().unwrap_or(f64::NAN);
                millis_from_f64(f, path, || n.to_string()).map(BusinessDuration::Millis)
            }
            Value::String(s) => parse_iso_duration(s).map(BusinessDuration::Millis).map_err(|e| e.with_prefix(path)),
            Value::Object(o) => {
                if let Some(n) = o.get("businessDays") {
                    check_keys(o, path, &["businessDays"])?;
                    let n = integer(n, &join(path, "businessDays"), 1, 1_000_000)?;
                    return Ok(BusinessDuration::BusinessDays(n as u32));
                }
                if let Some(n) = o.get("endOfBusinessDay") {
                    check_keys(o, path, &["endOfBusinessDay"])?;
                    let n = integer(n, &join(path, "endOfBusinessDay"), 0, 1_000_000)?;
                    return Ok(BusinessDuration::EndOfBusinessDay(n as u32));
                }
                let obj = object(v, path)?;
                check_keys(
                    obj,
                    path,
                    &["days", "hours", "minutes", "seconds", "milliseconds", "businessDays", "endOfBusinessDay"],
                )?;
                if obj.is_empty() {
                    return Err(Error::new(
                        ErrorCode::InvalidDuration,
                        path,
                        "empty duration object: give `days`, `hours`, `minutes`, `seconds` or `milliseconds`",
                    ));
                }
                let mut total = 0f64;
                let (mut pos, mut neg) = (false, false);
                for (key, unit) in [("days", 86_400_000f64), ("hours", 3_600_000.0), ("minutes", 60_000.0), ("seconds", 1000.0), ("milliseconds", 1.0)] {
                    if let Some(x) = obj.get(key) {
                        let p = join(path, key);
                        let f = x.as_f64().ok_or_else(|| {
                            Error::new(ErrorCode::InvalidType, p.clone(), format!("expected a number, not {}", type_name(x)))
                        })?;
                        if !f.is_finite() {
                            return Err(Error::new(ErrorCode::InvalidDuration, p, format!("`{x}` is not a finite number")));
                        }
                        pos |= f > 0.0;
                        neg |= f < 0.0;
                        total += f * unit;
                    }
                }
                if pos && neg {
                    return Err(Error::new(ErrorCode::InvalidDuration, path, "duration fields must not mix signs"));
                }
                millis_from_f64(total.round(), path, || crate::json::fmt_number(total)).map(BusinessDuration::Millis)
            }
            other => Err(Error::new(
                ErrorCode::InvalidType,
                path,
                format!("expected a duration (milliseconds, ISO 8601 string or object), not {}", type_name(other)),
            )),
        }
    }

    /// The fixed length in milliseconds, if the duration is not a day unit.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::BusinessDuration;
    /// assert_eq!(BusinessDuration::Millis(60_000).as_millis(), Some(60_000));
    /// assert_eq!(BusinessDuration::BusinessDays(1).as_millis(), None);
    /// ```
    pub fn as_millis(self) -> Option<i64> {
        match self {
            BusinessDuration::Millis(ms) => Some(ms),
            _ => None,
        }
    }
}

fn millis_from_f64(f: f64, path: &str, shown: impl Fn() -> String) -> Result<i64> {
    if !f.is_finite() || f.fract() != 0.0 {
        return Err(Error::new(
            ErrorCode::InvalidDuration,
            path,
            format!("duration `{}` is not a whole number of milliseconds", shown()),
        ));
    }
    if f.abs() > MAX_DURATION_MS as f64 {
        return Err(Error::new(ErrorCode::OutOfRange, path, format!("duration `{}` ms is longer than 10,000 years", shown())));
    }
    Ok(f as i64)
}

/// Parses an ISO 8601 duration (`PT4H30M`, `P2DT1H`, `P1W`, `-PT15M`, `PT0.5S`) into
/// milliseconds; a day is 24 hours and a week 7 days. Years and months are rejected (they
/// have no fixed length).
///
/// # Example
///
/// ```
/// use slaclock::parse_iso_duration;
/// assert_eq!(parse_iso_duration("PT4H30M").unwrap(), 16_200_000);
/// assert_eq!(parse_iso_duration("P1D").unwrap(), 86_400_000);
/// assert_eq!(parse_iso_duration("-PT1.5H").unwrap(), -5_400_000);
/// assert_eq!(parse_iso_duration("4h").unwrap_err().message(),
///     "invalid duration `4h`: expected ISO 8601 such as `PT4H30M`");
/// ```
pub fn parse_iso_duration(s: &str) -> Result<i64> {
    let bad = || {
        Error::new(ErrorCode::InvalidDuration, "", format!("invalid duration `{s}`: expected ISO 8601 such as `PT4H30M`"))
    };
    let up = s.to_ascii_uppercase();
    let mut rest = up.as_str();
    let mut negative = false;
    if let Some(r) = rest.strip_prefix('-') {
        negative = true;
        rest = r;
    } else if let Some(r) = rest.strip_prefix('+') {
        rest = r;
    }
    rest = rest.strip_prefix('P').ok_or_else(bad)?;
    if rest.is_empty() || rest == "T" {
        return Err(bad());
    }
    // Exact integer arithmetic (no binary floating point): whole units in ms, and a
    // decimal fraction, which ISO 8601 allows only on the last (smallest) component,
    // multiplied out digit by digit and rounded half away from zero to whole ms at the
    // end: `PT0.1S` is exactly 100 ms, and every digit counts.
    let too_long = || Error::out_of_range("", format!("duration `{s}` ms is longer than 10,000 years"));
    let mut in_time = false;
    let mut total: i128 = 0;
    let mut num = String::new();
    let mut any = false;
    let mut last_rank = 0;
    let mut fraction_seen = false;
    for c in rest.chars() {
        match c {
            '0'..='9' | '.' | ',' => num.push(if c == ',' { '.' } else { c }),
            'T' if !in_time && num.is_empty() => in_time = true,
            _ => {
                if num.is_empty() || fraction_seen {
                    return Err(bad());
                }
                let (unit, rank): (u64, u8) = match (c, in_time) {
                    ('Y', false) | ('M', false) => {
                        return Err(Error::new(
                            ErrorCode::InvalidDuration,
                            "",
                            format!("duration `{s}` has years or months, which have no fixed length: use days, hours or minutes"),
                        ))
                    }
                    ('W', false) => (7 * 86_400_000, 1),
                    ('D', false) => (86_400_000, 2),
                    ('H', true) => (3_600_000, 3),
                    ('M', true) => (60_000, 4),
                    ('S', true) => (1000, 5),
                    _ => return Err(bad()),
                };
                if rank <= last_rank {
                    return Err(bad());
                }
                last_rank = rank;
                let (int, frac) = num.split_once('.').unwrap_or((&num, ""));
                if int.is_empty() || frac.contains('.') || (num.contains('.') && frac.is_empty()) {
                    return Err(bad());
                }
                let int = int.trim_start_matches('0');
                if int.len() > 15 {
                    return Err(too_long());
                }
                let whole = int.bytes().fold(0i128, |a, b| a * 10 + i128::from(b - b'0'));
                total = total.checked_add(whole * i128::from(unit)).ok_or_else(too_long)?;
                if !frac.is_empty() {
                    fraction_seen = true;
                    // 0.d1d2..dn * unit, from the last digit: the carry out of the first
                    // digit is the whole ms, the first product digit decides the rounding.
                    let (mut carry, mut first) = (0u64, 0u64);
                    for b in frac.bytes().rev() {
                        let v = u64::from(b - b'0') * unit + carry;
                        first = v % 10;
                        carry = v / 10;
                    }
                    total += i128::from(carry) + i128::from(first >= 5);
                }
                num.clear();
                any = true;
            }
        }
    }
    if !num.is_empty() || !any {
        return Err(bad());
    }
    if total > i128::from(MAX_DURATION_MS) {
        return Err(too_long());
    }
    Ok(if negative { -(total as i64) } else { total as i64 })
}

#[cfg(test)]
mod tests {
    use super::parse_iso_duration as p;

    #[test]
    fn iso_fractions_are_exact_decimals() {
        assert_eq!(p("PT0.1S").unwrap(), 100);
        assert_eq!(p("PT1.5H").unwrap(), 5_400_000);
        assert_eq!(p("PT0,5H").unwrap(), 1_800_000);
        assert_eq!(p("P1W2DT3H4M5.006S").unwrap(), ((9 * 24 + 3) * 60 + 4) * 60_000 + 5006);
        // Half a millisecond rounds away from zero, on both signs.
        assert_eq!(p("PT0.0005S").unwrap(), 1);
        assert_eq!(p("-PT0.0005S").unwrap(), -1);
        assert_eq!(p("PT0.0004999S").unwrap(), 0);
        // 1/3 of an hour in 20 digits: 1,200,000 ms after rounding.
        assert_eq!(p("PT0.33333333333333333333H").unwrap(), 1_200_000);
        // Every digit counts: 0.500000000000000004 ms rounds up, 0.49999999999998 ms down.
        assert_eq!(p("PT0.0000083333333333333334M").unwrap(), 1);
        assert_eq!(p("PT0.00000833333333333333M").unwrap(), 0);
        assert_eq!(p("PT0.0005000000000000000000000000000000000001S").unwrap(), 1);
        assert_eq!(p("PT0.0004999999999999999999999999999999999999S").unwrap(), 0);
    }

    #[test]
    fn iso_malformed_numbers_and_overflow() {
        // A fraction only on the last component, as ISO 8601 (and Temporal) require.
        for bad in ["PT.5H", "PT1.H", "PT1..5H", "PT1.2.3H", "P", "PT", "PT5", "P1H", "PT1D", "PT1.5H30M", "P1.5DT1H"] {
            assert_eq!(p(bad).unwrap_err().code().as_str(), "INVALID_DURATION", "{bad}");
        }
        assert_eq!(p("PT99999999999999999999H").unwrap_err().code().as_str(), "OUT_OF_RANGE");
        assert_eq!(p("P3660001D").unwrap_err().code().as_str(), "OUT_OF_RANGE");
        assert_eq!(p("P3660000D").unwrap(), super::MAX_DURATION_MS);
    }
}
