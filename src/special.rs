//! `special_days`: every date in a range whose hours an exception, rule or preset changes.

use crate::calendar::BusinessCalendar;
use crate::civil::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::schedule::{DaySource, Hours};

/// Longest range `special_days` accepts, in days (about 274 years).
///
/// # Example
///
/// ```
/// assert_eq!(slaclock::MAX_SPECIAL_DAYS_RANGE, 100_000);
/// ```
pub const MAX_SPECIAL_DAYS_RANGE: i32 = 100_000;

/// A date whose hours differ from the weekly hours because of an exception, rule or preset.
///
/// # Example
///
/// ```
/// use slaclock::{BusinessCalendar, Date};
/// let cal = BusinessCalendar::from_json(r#"{"timeZone":"Europe/Helsinki","weekly":{"mon":[["08:00","16:00"]]},"presets":["FI"]}"#).unwrap();
/// let days = cal.special_days(Date::parse("2026-12-01").unwrap(), Date::parse("2026-12-31").unwrap()).unwrap();
/// let names: Vec<String> = days.iter().map(|d| format!("{} {}", d.date, d.name.clone().unwrap_or_default())).collect();
/// assert_eq!(names[0], "2026-12-06 Independence Day");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecialDay {
    /// The local date.
    pub date: Date,
    /// The holiday's or exception's name.
    pub name: Option<String>,
    /// `None` when closed, else the special hours.
    pub hours: Option<Hours>,
    /// `"exception"`, `"rule"` or `"preset"`.
    pub source: &'static str,
    /// The preset id when `source == "preset"`.
    pub preset: Option<&'static str>,
    /// Path of the deciding item in the input: `exceptions[1]`, `rules[0]`, `presets[0]`.
    pub path: String,
}

impl BusinessCalendar {
    /// Every date in `from..=to` whose hours an exception, rule or preset decides, in date
    /// order. `TOO_LARGE` for ranges over 100,000 days.
    ///
    /// # Example: a short day and a shutdown
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Date};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","16:00"]]},
    ///   "exceptions":[{"date":"2026-12-23","hours":[["08:00","12:00"]],"name":"Short day"},
    ///                 {"from":"2026-12-28","to":"2026-12-29","closed":true,"name":"Shutdown"}]}"#).unwrap();
    /// let days = cal.special_days(Date::parse("2026-12-01").unwrap(), Date::parse("2026-12-31").unwrap()).unwrap();
    /// assert_eq!(days.len(), 3);
    /// assert_eq!(days[0].hours.as_ref().unwrap().total_ms(), 4 * 3_600_000);
    /// assert!(days[2].hours.is_none());
    /// assert_eq!(days[2].path, "exceptions[1]");
    /// ```
    pub fn special_days(&self, from: Date, to: Date) -> Result<Vec<SpecialDay>> {
        if to < from {
            return Err(Error::new(ErrorCode::InvalidDate, "toDate", format!("`{to}` is before `{from}`")));
        }
        if to.days() - from.days() > MAX_SPECIAL_DAYS_RANGE {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "toDate",
                format!("range `{from}`..`{to}` is longer than {MAX_SPECIAL_DAYS_RANGE} days"),
            ));
        }
        let mut out = Vec::new();
        let mut d = from;
        loop {
            let (hours, src) = self.schedule.day(d);
            let hours = if hours.spans().is_empty() { None } else { Some(hours.clone()) };
            match src {
                DaySource::Weekly => {}
                DaySource::Exception { index, name } => out.push(SpecialDay {
                    date: d,
                    name: name.map(str::to_string),
                    hours,
                    source: "exception",
                    preset: None,
                    path: format!("exceptions[{index}]"),
                }),
                DaySource::Rule { name, preset, path } => out.push(SpecialDay {
                    date: d,
                    name: Some(name.to_string()).filter(|n| !n.is_empty()),
                    hours,
                    source: if preset.is_some() { "preset" } else { "rule" },
                    preset,
                    path: path.to_string(),
                }),
            }
            if d >= to {
                break;
            }
            d = d.add_days(1);
        }
        Ok(out)
    }
}
