//! Report options: the dimensions, the periods and the options object.

use super::instant_from_value;
use crate::civil::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{check_keys, integer, object, optional, string};
use crate::zone::Zone;
use crate::Instant;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A dimension of a report row.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_value(slaclock::GroupBy::ServiceLevel).unwrap(), "serviceLevel");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum GroupBy {
    /// The ticket's service.
    Service,
    /// The service level.
    ServiceLevel,
    /// The service level version index (implies the service level).
    Version,
    /// The ticket's priority (after priority changes).
    Priority,
    /// The target name (`response`, `resolution`, ...).
    Target,
    /// The period of `createdAt`.
    Period,
}

impl GroupBy {
    fn parse(s: &str, path: &str) -> Result<GroupBy> {
        Ok(match s {
            "service" => GroupBy::Service,
            "serviceLevel" => GroupBy::ServiceLevel,
            "version" => GroupBy::Version,
            "priority" => GroupBy::Priority,
            "target" => GroupBy::Target,
            "period" => GroupBy::Period,
            _ => {
                return Err(Error::new(
                    ErrorCode::InvalidOption,
                    path,
                    format!("groupBy must be one of `service`, `serviceLevel`, `version`, `priority`, `target`, `period`, not `{s}`"),
                ))
            }
        })
    }
}

/// The length of a report period.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_value(slaclock::Period::Month).unwrap(), "month");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Period {
    /// `2026-12-07`.
    Day,
    /// ISO week, Monday first: `2026-W50`.
    Week,
    /// `2026-12`.
    #[default]
    Month,
}

impl Period {
    /// A number per period (its first day: the day, the ISO week's Monday, the month's
    /// first day): equal for two days exactly when their labels are equal.
    pub(crate) fn key(self, d: Date) -> i64 {
        let (y, m, _) = d.ymd();
        i64::from(match self {
            Period::Day => d.days(),
            Period::Week => d.days() - d.weekday().index() as i32,
            Period::Month => y * 12 + m as i32,
        })
    }

    /// The label of the period holding `d`.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Date, Period};
    /// let d = Date::parse("2027-01-01").unwrap();
    /// assert_eq!(Period::Week.label(d), "2026-W53");
    /// assert_eq!(Period::Month.label(d), "2027-01");
    /// ```
    pub fn label(self, d: Date) -> String {
        let (y, m, _) = d.ymd();
        match self {
            Period::Day => d.to_string(),
            Period::Month => format!("{y:04}-{m:02}"),
            Period::Week => {
                // ISO week: the week's Thursday decides the year.
                let thursday = d.add_days(3 - d.weekday().index() as i32);
                let ty = thursday.year();
                let jan1 = Date::new(ty, 1, 1).unwrap_or(thursday);
                let week = (thursday.days() - jan1.days()) / 7 + 1;
                format!("{ty:04}-W{week:02}")
            }
        }
    }
}

/// Options of a report: `{ now, from, to, groupBy, period, timeZone, versionIndex, worst }`.
///
/// # Example
///
/// ```
/// use slaclock::{GroupBy, ReportOptions};
/// let o = ReportOptions::from_value(&serde_json::json!({ "now": "2026-12-31T00:00:00Z",
///     "groupBy": ["priority", "target"], "period": "week", "timeZone": "Europe/Helsinki" })).unwrap();
/// assert_eq!(o.group_by, vec![GroupBy::Priority, GroupBy::Target]);
/// ```
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// When the clocks are read.
    pub now: Instant,
    /// Tickets created at or after this instant (inclusive).
    pub from: Option<Instant>,
    /// Tickets created before this instant (exclusive).
    pub to: Option<Instant>,
    /// Row dimensions, in the order given.
    pub group_by: Vec<GroupBy>,
    /// Period length for [`GroupBy::Period`].
    pub period: Period,
    /// Zone of the periods (default UTC).
    pub zone: Zone,
    /// Measure every ticket against this version instead of the one in force.
    pub version_index: Option<usize>,
    /// How many worst breaches each row lists (default 5).
    pub worst: usize,
}

impl ReportOptions {
    /// Options measured `now` with no grouping (one row, the totals).
    ///
    /// # Example
    ///
    /// ```
    /// let o = slaclock::ReportOptions::new(slaclock::Instant::parse("2026-12-31T00:00:00Z").unwrap());
    /// assert!(o.group_by.is_empty());
    /// ```
    pub fn new(now: Instant) -> ReportOptions {
        ReportOptions {
            now,
            from: None,
            to: None,
            group_by: Vec::new(),
            period: Period::Month,
            zone: Zone::parse("UTC").expect("UTC exists"),
            version_index: None,
            worst: 5,
        }
    }

    /// Reads the options object; errors point at the bad key.
    ///
    /// # Example
    ///
    /// ```
    /// let e = slaclock::ReportOptions::from_value(&serde_json::json!({ "now": "2026-12-31T00:00:00Z", "period": "year" })).unwrap_err();
    /// assert_eq!((e.code().as_str(), e.path()), ("INVALID_OPTION", "period"));
    /// ```
    pub fn from_value(v: &Value) -> Result<ReportOptions> {
        let obj = object(v, "")?;
        check_keys(obj, "", &["now", "from", "to", "groupBy", "period", "timeZone", "versionIndex", "worst"])?;
        let instant = |k: &str| -> Result<Option<Instant>> {
            optional(obj, k)
                .map(|x| instant_from_value(x).map_err(|e| e.with_prefix(k)))
                .transpose()
        };
        let now = instant("now")?.ok_or_else(|| Error::new(ErrorCode::MissingField, "now", "missing field `now`"))?;
        let mut o = ReportOptions::new(now);
        o.from = instant("from")?;
        o.to = instant("to")?;
        if let Some(g) = optional(obj, "groupBy") {
            let arr = g.as_array().ok_or_else(|| crate::json::wrong_type("groupBy", "an array", g))?;
            for (i, x) in arr.iter().enumerate() {
                let p = format!("groupBy[{i}]");
                let dim = GroupBy::parse(string(x, &p)?, &p)?;
                if !o.group_by.contains(&dim) {
                    o.group_by.push(dim);
                }
            }
        }
        if let Some(p) = optional(obj, "period") {
            o.period = match string(p, "period")? {
                "day" => Period::Day,
                "week" => Period::Week,
                "month" => Period::Month,
                other => {
                    return Err(Error::new(
                        ErrorCode::InvalidOption,
                        "period",
                        format!("period must be one of `day`, `week`, `month`, not `{other}`"),
                    ))
                }
            };
        }
        if let Some(z) = optional(obj, "timeZone") {
            o.zone = Zone::parse(string(z, "timeZone")?).map_err(|e| e.with_prefix("timeZone"))?;
        }
        if let Some(vi) = optional(obj, "versionIndex") {
            o.version_index = Some(integer(vi, "versionIndex", 0, 1_000_000)? as usize);
        }
        if let Some(w) = optional(obj, "worst") {
            o.worst = integer(w, "worst", 0, 1000)? as usize;
        }
        if let (Some(f), Some(t)) = (o.from, o.to) {
            if t < f {
                return Err(Error::new(ErrorCode::InvalidOption, "to", format!("`to` `{t}` is before `from` `{f}`")));
            }
        }
        Ok(o)
    }

    pub(crate) fn includes(&self, created: Instant) -> bool {
        self.from.map_or(true, |f| created >= f) && self.to.map_or(true, |t| created < t)
    }

    pub(crate) fn in_window(&self, t: Instant) -> bool {
        t <= self.now && self.includes(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::civil::Date;

    #[test]
    fn iso_week_labels_2026_2027() {
        let l = |s: &str| Period::Week.label(Date::parse(s).unwrap());
        assert_eq!(l("2026-12-28"), "2026-W53");
        assert_eq!(l("2027-01-03"), "2026-W53");
        assert_eq!(l("2027-01-04"), "2027-W01");
        assert_eq!(l("2026-01-01"), "2026-W01");
        assert_eq!(l("2025-12-29"), "2026-W01");
    }
}
