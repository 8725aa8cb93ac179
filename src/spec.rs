//! Calendar JSON -> validated parts (zone, weekly hours, exceptions, rules), every error
//! with the path of the bad value. The format is documented in the README.

use crate::civil::{format_wall_time, parse_wall_time, Date, Weekday};
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::instant::DAY_MS;
use crate::json::{boolean, check_keys, integer, items, object, optional, required, string, wrong_type};
use crate::presets;
use crate::rules::{Observed, RecurringRule, RuleDate, RuleSource};
use crate::schedule::{hours_from_raw, span_of, DayEffect, Exception, Hours, RuleEntry, Schedule};
use crate::zone::Zone;
use serde_json::{Map, Value};

const CALENDAR_KEYS: &[&str] = &["timeZone", "weekly", "exceptions", "rules", "presets", "id", "name", "description"];
const EXCEPTION_KEYS: &[&str] = &["date", "from", "to", "closed", "hours", "name"];
const RULE_KEYS: &[&str] = &[
    "name", "month", "day", "weekday", "nth", "onOrAfter", "onOrBefore", "easterOffset", "observed",
    "firstYear", "lastYear", "closed", "hours",
];

/// Parses a calendar JSON object into its zone and schedule.
pub(crate) fn parse_calendar(v: &Value) -> Result<(Zone, Schedule)> {
    let obj = object(v, "")?;
    check_keys(obj, "", CALENDAR_KEYS)?;
    let tz_v = required(obj, "", "timeZone")?;
    let zone = Zone::parse(string(tz_v, "timeZone")?).map_err(|e| e.with_prefix("timeZone"))?;
    let weekly = match optional(obj, "weekly") {
        Some(w) => parse_weekly(w)?,
        None => Default::default(),
    };
    let mut exceptions = Vec::new();
    if let Some(ex) = optional(obj, "exceptions") {
        for (i, e, p) in items(ex, "exceptions")? {
            exceptions.push(parse_exception(e, i, &p)?);
        }
    }
    let mut rules = Vec::new();
    if let Some(rs) = optional(obj, "rules") {
        for (i, r, p) in items(rs, "rules")? {
            rules.push(RuleEntry { rule: parse_rule(r, &p)?, source: RuleSource::Rule(i), path: p });
        }
    }
    if let Some(ps) = optional(obj, "presets") {
        let mut seen: Vec<&str> = Vec::new();
        for (_, p, path) in items(ps, "presets")? {
            let id = string(p, &path)?;
            let preset = presets::find(id).ok_or_else(|| {
                Error::new(
                    ErrorCode::UnknownPreset,
                    path.clone(),
                    format!(
                        "unknown preset `{id}`: expected one of {}",
                        presets::all().iter().map(|p| format!("`{}`", p.id)).collect::<Vec<_>>().join(", ")
                    ),
                )
            })?;
            if seen.contains(&preset.id) {
                continue;
            }
            seen.push(preset.id);
            for rule in (preset.rules)() {
                rules.push(RuleEntry { rule, source: RuleSource::Preset(preset.id), path: path.clone() });
            }
        }
    }
    let schedule = Schedule::new(weekly, exceptions, rules)?;
    if schedule.last_possible_open_day().is_none() {
        return Err(Error::new(
            ErrorCode::NoOpenTime,
            "weekly",
            "the calendar is never open: give `weekly` hours for at least one day, or exceptions with `hours`",
        ));
    }
    Ok((zone, schedule))
}

fn parse_weekly(v: &Value) -> Result<[Hours; 7]> {
    let obj = object(v, "weekly")?;
    let keys: Vec<&str> = Weekday::ALL.iter().map(|w| w.key()).collect();
    check_keys(obj, "weekly", &keys)?;
    let mut days: [Hours; 7] = Default::default();
    for w in Weekday::ALL {
        if let Some(h) = optional(obj, w.key()) {
            days[w.index()] = parse_hours(h, &join("weekly", w.key()))?;
        }
    }
    // An overnight spill must not overlap the next day's first interval.
    for w in Weekday::ALL {
        let next = Weekday::from_index(w.index() + 1);
        let Some(&(_, end)) = days[w.index()].spans().last() else { continue };
        if end <= DAY_MS {
            continue;
        }
        if let Some(&(ns, _)) = days[next.index()].spans().first() {
            if ns < end - DAY_MS {
                let pos = spans_index_of(obj.get(next.key()), ns).unwrap_or(0);
                return Err(Error::new(
                    ErrorCode::OverlappingIntervals,
                    index(&join("weekly", next.key()), pos),
                    format!(
                        "interval starting `{}` overlaps the overnight interval of `{}` that ends `{}`",
                        format_wall_time(ns),
                        w.key(),
                        format_wall_time(end - DAY_MS)
                    ),
                ));
            }
        }
    }
    Ok(days)
}

/// The input index of the interval that starts at `start` (for error paths after sorting).
fn spans_index_of(v: Option<&Value>, start: i64) -> Option<usize> {
    let arr = v?.as_array()?;
    arr.iter().position(|iv| {
        let s = match iv {
            Value::Array(a) => a.first().and_then(|x| x.as_str()),
            Value::Object(o) => o.get("start").and_then(|x| x.as_str()),
            _ => None,
        };
        s.and_then(|s| parse_wall_time(s).ok()) == Some(start)
    })
}

/// `[["08:00","12:00"], {"start":"13:00","end":"16:00"}]`.
pub(crate) fn parse_hours(v: &Value, path: &str) -> Result<Hours> {
    let mut raw = Vec::new();
    for (_, iv, p) in items(v, path)? {
        let (s, e) = match iv {
            Value::Array(a) if a.len() == 2 => (&a[0], &a[1]),
            Value::Array(a) => {
                return Err(Error::new(
                    ErrorCode::InvalidType,
                    p,
                    format!("expected a [start, end] pair, not an array of {} items", a.len()),
                ))
            }
            Value::Object(o) => {
                check_keys(o, &p, &["start", "end"])?;
                (required(o, &p, "start")?, required(o, &p, "end")?)
            }
            other => return Err(wrong_type(&p, "a [start, end] pair", other)),
        };
        let sp = join(&p, "start");
        let ep = join(&p, "end");
        let start = parse_wall_time(string(s, &sp)?).map_err(|e| e.with_prefix(&sp))?;
        let end = parse_wall_time(string(e, &ep)?).map_err(|e| e.with_prefix(&ep))?;
        raw.push((span_of(start, end, &p)?, p));
    }
    hours_from_raw(raw)
}

fn parse_date(v: &Value, path: &str) -> Result<Date> {
    Date::parse(string(v, path)?).map_err(|e| e.with_prefix(path))
}

/// `closed` / `hours` of an exception or rule; closed when neither is given.
fn parse_effect(obj: &Map<String, Value>, path: &str) -> Result<DayEffect> {
    let closed = optional(obj, "closed").map(|c| boolean(c, &join(path, "closed"))).transpose()?;
    let hours = optional(obj, "hours").map(|h| parse_hours(h, &join(path, "hours"))).transpose()?;
    match (closed, hours) {
        (Some(true), Some(_)) => Err(Error::new(
            ErrorCode::InvalidRule,
            join(path, "hours"),
            "`closed: true` and `hours` exclude each other: give one of them",
        )),
        (Some(false), None) => Err(Error::new(
            ErrorCode::InvalidRule,
            join(path, "closed"),
            "`closed: false` needs `hours` (the special hours of the day)",
        )),
        (_, Some(h)) if h.spans().is_empty() => Ok(DayEffect::Closed),
        (_, Some(h)) => Ok(DayEffect::Hours(h)),
        (_, None) => Ok(DayEffect::Closed),
    }
}

fn name_of(obj: &Map<String, Value>, path: &str) -> Result<Option<String>> {
    optional(obj, "name").map(|n| string(n, &join(path, "name")).map(str::to_string)).transpose()
}

fn parse_exception(v: &Value, i: usize, path: &str) -> Result<Exception> {
    let obj = object(v, path)?;
    check_keys(obj, path, EXCEPTION_KEYS)?;
    let (from, to) = match (optional(obj, "date"), optional(obj, "from"), optional(obj, "to")) {
        (Some(d), None, None) => {
            let d = parse_date(d, &join(path, "date"))?;
            (d, d)
        }
        (None, Some(f), Some(t)) => {
            let f = parse_date(f, &join(path, "from"))?;
            let t_path = join(path, "to");
            let t = parse_date(t, &t_path)?;
            if t < f {
                return Err(Error::new(
                    ErrorCode::InvalidDate,
                    t_path,
                    format!("`to` date `{t}` is before `from` date `{f}`"),
                ));
            }
            (f, t)
        }
        (None, Some(_), None) => return Err(Error::new(ErrorCode::MissingField, join(path, "to"), "missing field `to` (a range needs `from` and `to`)")),
        (None, None, Some(_)) => return Err(Error::new(ErrorCode::MissingField, join(path, "from"), "missing field `from` (a range needs `from` and `to`)")),
        (None, None, None) => return Err(Error::new(ErrorCode::MissingField, join(path, "date"), "missing field `date` (or `from` and `to` for a range)")),
        _ => return Err(Error::new(ErrorCode::InvalidRule, join(path, "date"), "give either `date` or `from` and `to`, not both")),
    };
    Ok(Exception { from, to, name: name_of(obj, path)?, effect: parse_effect(obj, path)?, index: i })
}

fn month_of(obj: &Map<String, Value>, path: &str) -> Result<Option<u32>> {
    optional(obj, "month").map(|m| integer(m, &join(path, "month"), 1, 12).map(|m| m as u32)).transpose()
}

fn invalid_rule(path: String, msg: &str) -> Error {
    Error::new(ErrorCode::InvalidRule, path, msg.to_string())
}

/// One recurring rule object.
pub(crate) fn parse_rule(v: &Value, path: &str) -> Result<RecurringRule> {
    let obj = object(v, path)?;
    check_keys(obj, path, RULE_KEYS)?;
    let name = name_of(obj, path)?.unwrap_or_default();
    let month = month_of(obj, path)?;
    let day = optional(obj, "day").map(|d| integer(d, &join(path, "day"), 1, 31).map(|d| d as u32)).transpose()?;
    let weekday = optional(obj, "weekday")
        .map(|w| {
            let p = join(path, "weekday");
            let s = string(w, &p)?;
            Weekday::parse(s).ok_or_else(|| {
                Error::new(ErrorCode::InvalidRule, p, format!("weekday must be one of `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`, not `{s}`"))
            })
        })
        .transpose()?;
    let nth = optional(obj, "nth").map(|n| integer(n, &join(path, "nth"), -5, 5)).transpose()?;
    let flag = |k: &str| optional(obj, k).map(|b| boolean(b, &join(path, k))).transpose();
    let on_or_after = flag("onOrAfter")?.unwrap_or(false);
    let on_or_before = flag("onOrBefore")?.unwrap_or(false);
    let easter = optional(obj, "easterOffset").map(|e| integer(e, &join(path, "easterOffset"), -365, 365)).transpose()?;
    let date = if let Some(offset) = easter {
        if month.is_some() || day.is_some() || weekday.is_some() || nth.is_some() {
            return Err(invalid_rule(join(path, "easterOffset"), "an `easterOffset` rule takes no `month`, `day`, `weekday` or `nth`"));
        }
        RuleDate::Easter { offset: offset as i32 }
    } else {
        let month = month.ok_or_else(|| {
            Error::new(ErrorCode::MissingField, join(path, "month"), "missing field `month` (or `easterOffset`)")
        })?;
        if let Some(day) = day {
            if day > crate::civil::days_in_month(2000, month) {
                return Err(Error::new(
                    ErrorCode::InvalidRule,
                    join(path, "day"),
                    format!("day `{day}` does not exist in month `{month}`"),
                ));
            }
        }
        match (day, weekday, nth) {
            (Some(day), None, None) => {
                if on_or_after || on_or_before {
                    return Err(invalid_rule(join(path, "weekday"), "`onOrAfter`/`onOrBefore` need a `weekday`"));
                }
                RuleDate::Fixed { month, day }
            }
            (None, Some(weekday), Some(nth)) => {
                if nth == 0 {
                    return Err(invalid_rule(join(path, "nth"), "`nth` must be 1 to 5 or -1 (last) to -5, not `0`"));
                }
                RuleDate::NthWeekday { month, weekday, nth: nth as i32 }
            }
            (Some(day), Some(weekday), None) => match (on_or_after, on_or_before) {
                (true, false) => RuleDate::WeekdayOnOrAfter { month, day, weekday },
                (false, true) => RuleDate::WeekdayOnOrBefore { month, day, weekday },
                (true, true) => return Err(invalid_rule(join(path, "onOrBefore"), "give one of `onOrAfter` and `onOrBefore`, not both")),
                (false, false) => return Err(invalid_rule(join(path, "weekday"), "a rule with `day` and `weekday` needs `onOrAfter: true` or `onOrBefore: true`")),
            },
            (None, Some(_), None) => return Err(Error::new(ErrorCode::MissingField, join(path, "nth"), "missing field `nth` (which weekday of the month: 1 to 5, -1 for the last)")),
            (None, None, _) => return Err(Error::new(ErrorCode::MissingField, join(path, "day"), "missing field `day` (or `weekday` and `nth`)")),
            (_, _, Some(_)) => return Err(invalid_rule(join(path, "nth"), "`nth` goes with `weekday` and without `day`")),
        }
    };
    let observed = match optional(obj, "observed") {
        None => Observed::None,
        Some(o) => {
            let p = join(path, "observed");
            let s = string(o, &p)?;
            Observed::parse(s).ok_or_else(|| {
                Error::new(ErrorCode::InvalidRule, p, format!("observed must be one of `none`, `nearestWeekday`, `nextWeekday`, `sundayToMonday`, not `{s}`"))
            })?
        }
    };
    let year = |k: &str| optional(obj, k).map(|y| integer(y, &join(path, k), 1, 9999).map(|y| y as i32)).transpose();
    let first_year = year("firstYear")?;
    let last_year = year("lastYear")?;
    if let (Some(f), Some(l)) = (first_year, last_year) {
        if l < f {
            return Err(invalid_rule(join(path, "lastYear"), &format!("`lastYear` `{l}` is before `firstYear` `{f}`")));
        }
    }
    let effect = parse_effect(obj, path)?;
    Ok(RecurringRule { name, date, observed, first_year, last_year, effect })
}
