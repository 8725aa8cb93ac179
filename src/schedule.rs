//! The schedule of a local date: one-off exceptions, then recurring rules (and presets),
//! then the weekly hours — in that precedence, closed beating special hours.

use crate::civil::{format_wall_time, Date};
use crate::error::{Error, ErrorCode, Result};
use crate::instant::DAY_MS;
use crate::rules::{RecurringRule, RuleSource};
use std::sync::{Arc, Mutex};

/// The open hours of one local date: wall-clock spans `[start, end)` in milliseconds from
/// that date's midnight, sorted and disjoint. An overnight span ends after 24:00 (up to
/// 48:00) and belongs to the date it starts on.
///
/// # Example
///
/// ```
/// use slaclock::Hours;
/// let h = Hours::parse_spans(&[("08:00", "12:00"), ("13:00", "16:00")]).unwrap();
/// assert_eq!(h.total_ms(), 7 * 3_600_000);
/// let night = Hours::parse_spans(&[("22:00", "06:00")]).unwrap();
/// assert_eq!(night.spans()[0], (22 * 3_600_000, 30 * 3_600_000));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hours {
    spans: Vec<(i64, i64)>,
}

impl Hours {
    /// Parses and validates `(start, end)` wall-time pairs (for examples and tests; calendar
    /// JSON goes through the same checks with paths).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Hours;
    /// let e = Hours::parse_spans(&[("09:00", "09:00")]).unwrap_err();
    /// assert_eq!(e.code().as_str(), "EMPTY_INTERVAL");
    /// ```
    pub fn parse_spans(pairs: &[(&str, &str)]) -> Result<Hours> {
        let mut raw = Vec::new();
        for (i, (a, b)) in pairs.iter().enumerate() {
            let path = format!("[{i}]");
            let s = crate::civil::parse_wall_time(a).map_err(|e| e.with_prefix(&format!("{path}.start")))?;
            let e = crate::civil::parse_wall_time(b).map_err(|e| e.with_prefix(&format!("{path}.end")))?;
            raw.push((span_of(s, e, &path)?, path));
        }
        hours_from_raw(raw)
    }

    /// The spans.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(slaclock::Hours::default().spans().is_empty());
    /// ```
    pub fn spans(&self) -> &[(i64, i64)] {
        &self.spans
    }

    /// Total wall-clock length in milliseconds.
    ///
    /// # Example
    ///
    /// ```
    /// let h = slaclock::Hours::parse_spans(&[("00:00", "24:00")]).unwrap();
    /// assert_eq!(h.total_ms(), 86_400_000);
    /// ```
    pub fn total_ms(&self) -> i64 {
        self.spans.iter().map(|(a, b)| b - a).sum()
    }

    /// The spans as `[["08:00","12:00"], ...]` strings (an overnight end as e.g. `06:00`).
    ///
    /// # Example
    ///
    /// ```
    /// let h = slaclock::Hours::parse_spans(&[("22:00", "06:00")]).unwrap();
    /// assert_eq!(h.to_strings(), vec![("22:00".to_string(), "06:00".to_string())]);
    /// ```
    pub fn to_strings(&self) -> Vec<(String, String)> {
        self.spans
            .iter()
            .map(|&(a, b)| {
                let end = if b > DAY_MS { b - DAY_MS } else { b };
                (format_wall_time(a), format_wall_time(end))
            })
            .collect()
    }
}

/// Turns a parsed start/end into a span; an end not after the start runs overnight.
pub(crate) fn span_of(start: i64, end: i64, path: &str) -> Result<(i64, i64)> {
    if start == DAY_MS {
        return Err(Error::new(
            ErrorCode::InvalidWallTime,
            format!("{path}.start"),
            "invalid start `24:00`: 24:00 is allowed only as an end",
        ));
    }
    if start == end {
        return Err(Error::new(
            ErrorCode::EmptyInterval,
            path.to_string(),
            format!(
                "interval `{}`-`{}` is empty: write `00:00`-`24:00` for a whole day",
                format_wall_time(start),
                format_wall_time(end)
            ),
        ));
    }
    if end < start {
        Ok((start, end + DAY_MS))
    } else {
        Ok((start, end))
    }
}

/// Sorts spans and rejects overlaps (touching spans are merged).
pub(crate) fn hours_from_raw(mut raw: Vec<((i64, i64), String)>) -> Result<Hours> {
    crate::sort::sort_by_key(&mut raw, |((a, b), _)| (*a, *b));
    let mut spans: Vec<(i64, i64)> = Vec::with_capacity(raw.len());
    let mut prev_path: Option<&str> = None;
    for ((a, b), path) in &raw {
        if let Some(last) = spans.last_mut() {
            if *a < last.1 {
                return Err(Error::new(
                    ErrorCode::OverlappingIntervals,
                    path.clone(),
                    format!(
                        "interval starting `{}` overlaps the interval at `{}` ending `{}`",
                        format_wall_time(*a),
                        prev_path.unwrap_or(""),
                        format_wall_time(last.1 % DAY_MS)
                    ),
                ));
            }
            if *a == last.1 {
                last.1 = *b;
                prev_path = Some(path);
                continue;
            }
        }
        spans.push((*a, *b));
        prev_path = Some(path);
    }
    Ok(Hours { spans })
}

/// What a rule or exception does to a date.
///
/// # Example
///
/// ```
/// use slaclock::{DayEffect, Hours};
/// let short = DayEffect::Hours(Hours::parse_spans(&[("08:00", "12:00")]).unwrap());
/// assert!(!short.is_closed());
/// assert!(DayEffect::Closed.is_closed());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayEffect {
    /// Closed all day.
    Closed,
    /// Special hours that replace the weekly hours.
    Hours(Hours),
}

impl DayEffect {
    /// Whether the effect closes the day.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(slaclock::DayEffect::Closed.is_closed());
    /// ```
    pub fn is_closed(&self) -> bool {
        matches!(self, DayEffect::Closed)
    }
}

/// A one-off exception ("exceptional day") for a date range, inclusive.
///
/// # Example
///
/// ```
/// use slaclock::{Date, DayEffect, Exception};
/// let e = Exception { from: Date::parse("2026-12-28").unwrap(), to: Date::parse("2026-12-30").unwrap(),
///                     name: Some("Year-end shutdown".into()), effect: DayEffect::Closed, index: 1 };
/// assert!(e.effect.is_closed());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception {
    /// First date.
    pub from: Date,
    /// Last date (inclusive).
    pub to: Date,
    /// Name, if given.
    pub name: Option<String>,
    /// Closed or special hours.
    pub effect: DayEffect,
    /// `exceptions[i]` index in the input.
    pub index: usize,
}

/// A recurring rule with its origin.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RuleEntry {
    pub rule: RecurringRule,
    pub source: RuleSource,
    pub path: String,
}

/// Which part of the calendar decided a date's hours.
///
/// # Example
///
/// ```
/// use slaclock::{BusinessCalendar, Date, DaySource};
/// let cal = BusinessCalendar::from_json(r#"{"timeZone":"Europe/Helsinki","weekly":{"mon":[["08:00","16:00"]]},"presets":["FI"]}"#).unwrap();
/// let d = Date::parse("2026-12-25").unwrap();
/// assert!(matches!(cal.day_source(d), DaySource::Rule { .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DaySource<'a> {
    /// The weekly hours.
    Weekly,
    /// A one-off exception (`exceptions[index]`).
    Exception {
        /// Index in `exceptions`.
        index: usize,
        /// Its name.
        name: Option<&'a str>,
    },
    /// A recurring rule or a preset's rule.
    Rule {
        /// The holiday's name.
        name: &'a str,
        /// `Some(id)` when it comes from a preset.
        preset: Option<&'static str>,
        /// Path of the rule in the input (`rules[2]` or `presets[0]`).
        path: &'a str,
    },
}

/// Years whose rule occurrences are precomputed into a sorted table.
const TABLE_FIRST_YEAR: i32 = 1900;
const TABLE_LAST_YEAR: i32 = 2200;

/// The compiled schedule: weekly hours, exceptions and rules with fast per-date lookup.
#[derive(Debug)]
pub(crate) struct Schedule {
    pub weekly: [Hours; 7],
    exceptions: Vec<Exception>,
    /// `max(to)` over `exceptions[..=i]`, for the backward scan of the lookup.
    max_to: Vec<Date>,
    pub rules: Vec<RuleEntry>,
    /// (day number, rule index) for every occurrence in the table years, sorted.
    rule_table: Vec<(i32, u32)>,
    table_from: i32,
    table_to: i32,
    year_cache: Mutex<Option<(i32, Arc<Vec<(i32, u32)>>)>>,
}

impl Clone for Schedule {
    fn clone(&self) -> Self {
        Schedule {
            weekly: self.weekly.clone(),
            exceptions: self.exceptions.clone(),
            max_to: self.max_to.clone(),
            rules: self.rules.clone(),
            rule_table: self.rule_table.clone(),
            table_from: self.table_from,
            table_to: self.table_to,
            year_cache: Mutex::new(None),
        }
    }
}

static CLOSED: Hours = Hours { spans: Vec::new() };

impl Schedule {
    pub fn new(weekly: [Hours; 7], mut exceptions: Vec<Exception>, rules: Vec<RuleEntry>) -> Result<Schedule> {
        crate::sort::sort_by_key(&mut exceptions, |e| (e.from, e.index));
        let mut max_to = Vec::with_capacity(exceptions.len());
        let mut m = Date::from_days(i32::MIN);
        for e in &exceptions {
            m = m.max(e.to);
            max_to.push(m);
        }
        // Two special-hours exceptions that overlap must agree.
        for (i, a) in exceptions.iter().enumerate() {
            let DayEffect::Hours(ha) = &a.effect else { continue };
            for b in &exceptions[i + 1..] {
                if b.from > a.to {
                    break;
                }
                if let DayEffect::Hours(hb) = &b.effect {
                    if ha != hb {
                        let (first, second) = if a.index < b.index { (a, b) } else { (b, a) };
                        return Err(Error::new(
                            ErrorCode::ConflictingRules,
                            format!("exceptions[{}]", second.index),
                            format!(
                                "special hours on `{}` conflict with `exceptions[{}]`",
                                a.from.max(b.from),
                                first.index
                            ),
                        ));
                    }
                }
            }
        }
        let table_from = Date::new(TABLE_FIRST_YEAR, 1, 1).map(|d| d.days()).unwrap_or(0);
        let table_to = Date::new(TABLE_LAST_YEAR, 12, 31).map(|d| d.days()).unwrap_or(0);
        let mut rule_table = Vec::new();
        for (ri, r) in rules.iter().enumerate() {
            for y in TABLE_FIRST_YEAR - 2..=TABLE_LAST_YEAR + 2 {
                if let Some(d) = r.rule.observed_in(y) {
                    if d.days() >= table_from && d.days() <= table_to {
                        rule_table.push((d.days(), ri as u32));
                    }
                }
            }
        }
        crate::sort::sort(&mut rule_table);
        rule_table.dedup();
        // Two special-hours rules that disagree on one date are a configuration error;
        // the date reported is the first clash from 1970 on (else the first at all).
        let clash = |w: &[(i32, u32)]| {
            let (a, b) = (&rules[w[0].1 as usize], &rules[w[1].1 as usize]);
            w[0].0 == w[1].0
                && matches!((&a.rule.effect, &b.rule.effect), (DayEffect::Hours(ha), DayEffect::Hours(hb)) if ha != hb)
        };
        let first_clash = rule_table
            .windows(2)
            .filter(|w| clash(w))
            .find(|w| w[0].0 >= 0)
            .or_else(|| rule_table.windows(2).find(|w| clash(w)));
        if let Some(w) = first_clash {
            let (a, b) = (&rules[w[0].1 as usize], &rules[w[1].1 as usize]);
            let name = |r: &RuleEntry| if r.rule.name.is_empty() { r.path.clone() } else { r.rule.name.clone() };
            return Err(Error::new(
                ErrorCode::ConflictingRules,
                b.path.clone(),
                format!(
                    "special hours of `{}` on `{}` conflict with `{}` at `{}`",
                    name(b),
                    Date::from_days(w[0].0),
                    name(a),
                    a.path
                ),
            ));
        }
        Ok(Schedule { weekly, exceptions, max_to, rules, rule_table, table_from, table_to, year_cache: Mutex::new(None) })
    }

    /// The exception that decides `d`, if any (closed beats special hours).
    fn exception_for(&self, d: Date) -> Option<&Exception> {
        let mut i = self.exceptions.partition_point(|e| e.from <= d);
        let mut found: Option<&Exception> = None;
        while i > 0 {
            i -= 1;
            if self.max_to[i] < d {
                break;
            }
            let e = &self.exceptions[i];
            if e.to >= d {
                if e.effect.is_closed() {
                    return Some(e);
                }
                found = found.or(Some(e));
            }
        }
        found
    }

    /// The rule that decides `d`, if any (closed beats special hours).
    fn rule_for(&self, d: Date) -> Option<&RuleEntry> {
        if d.days() >= self.table_from && d.days() <= self.table_to {
            return self.pick(&self.rule_table, d);
        }
        // Outside the table years: this year's occurrences, computed once and cached.
        self.pick(&self.year_table(d.year()), d)
    }

    /// Among the occurrences on `d` in a sorted (day, rule) table, the deciding rule.
    fn pick(&self, table: &[(i32, u32)], d: Date) -> Option<&RuleEntry> {
        let start = table.partition_point(|&(day, _)| day < d.days());
        let mut found: Option<&RuleEntry> = None;
        for &(day, ri) in &table[start..] {
            if day != d.days() {
                break;
            }
            let r = &self.rules[ri as usize];
            if r.rule.effect.is_closed() {
                return Some(r);
            }
            found = found.or(Some(r));
        }
        found
    }

    /// Rule occurrences falling in `year`, sorted (a one-entry cache: scans go year by year).
    fn year_table(&self, year: i32) -> Arc<Vec<(i32, u32)>> {
        if let Ok(guard) = self.year_cache.lock() {
            if let Some((y, t)) = guard.as_ref() {
                if *y == year {
                    return t.clone();
                }
            }
        }
        let mut t = Vec::new();
        for (ri, r) in self.rules.iter().enumerate() {
            let k = r.rule.date.spill_years();
            for ny in year - k..=year + k {
                if let Some(d) = r.rule.observed_in(ny) {
                    if d.year() == year {
                        t.push((d.days(), ri as u32));
                    }
                }
            }
        }
        crate::sort::sort(&mut t);
        t.dedup();
        let t = Arc::new(t);
        if let Ok(mut guard) = self.year_cache.lock() {
            *guard = Some((year, t.clone()));
        }
        t
    }

    /// The wall-clock spans of a local date and what decided them.
    pub fn day(&self, d: Date) -> (&Hours, DaySource<'_>) {
        if !self.exceptions.is_empty() {
            if let Some(e) = self.exception_for(d) {
                let src = DaySource::Exception { index: e.index, name: e.name.as_deref() };
                return match &e.effect {
                    DayEffect::Closed => (&CLOSED, src),
                    DayEffect::Hours(h) => (h, src),
                };
            }
        }
        if !self.rules.is_empty() {
            if let Some(r) = self.rule_for(d) {
                let preset = match r.source {
                    RuleSource::Preset(id) => Some(id),
                    RuleSource::Rule(_) => None,
                };
                let src = DaySource::Rule { name: &r.rule.name, preset, path: &r.path };
                return match &r.rule.effect {
                    DayEffect::Closed => (&CLOSED, src),
                    DayEffect::Hours(h) => (h, src),
                };
            }
        }
        (&self.weekly[d.weekday().index()], DaySource::Weekly)
    }

    /// The first date `>= from` and `<= until` that an exception or rule gives special
    /// hours (a superset of the open dates of a calendar without weekly hours).
    pub fn next_date_with_hours(&self, from: Date, until: Date) -> Option<Date> {
        let mut best: Option<Date> = None;
        for e in &self.exceptions {
            if matches!(&e.effect, DayEffect::Hours(h) if !h.spans.is_empty()) && e.to >= from && e.from <= until {
                let c = e.from.max(from);
                best = Some(best.map_or(c, |b| b.min(c)));
            }
        }
        if self.rules.iter().any(|r| !r.rule.effect.is_closed()) {
            let last_year = until.year().min(best.map_or(i32::MAX, |b| b.year()));
            for y in from.year()..=last_year {
                let table = if from.days() >= self.table_from && Date::new(y, 12, 31).is_some_and(|d| d.days() <= self.table_to) {
                    None
                } else {
                    Some(self.year_table(y))
                };
                let entries: &[(i32, u32)] = match &table {
                    Some(t) => t,
                    None => {
                        let lo = self.rule_table.partition_point(|&(d, _)| d < from.days());
                        &self.rule_table[lo..]
                    }
                };
                let hit = entries.iter().find(|&&(d, ri)| d >= from.days() && !self.rules[ri as usize].rule.effect.is_closed());
                if let Some(&(d, _)) = hit {
                    let c = Date::from_days(d);
                    if c <= until {
                        best = Some(best.map_or(c, |b| b.min(c)));
                    }
                    break;
                }
            }
        }
        best.filter(|b| *b <= until)
    }

    /// Whether some date can be open at all, and the last date that can be (None: no end).
    pub fn last_possible_open_day(&self) -> Option<Option<Date>> {
        let weekly_open = self.weekly.iter().any(|h| !h.spans.is_empty());
        if weekly_open {
            return Some(None);
        }
        let mut last: Option<Date> = None;
        let mut any = false;
        for e in &self.exceptions {
            if let DayEffect::Hours(h) = &e.effect {
                if !h.spans.is_empty() {
                    any = true;
                    last = Some(last.map_or(e.to, |l| l.max(e.to)));
                }
            }
        }
        for r in &self.rules {
            if let DayEffect::Hours(h) = &r.rule.effect {
                if !h.spans.is_empty() {
                    any = true;
                    match r.rule.last_year {
                        None => return Some(None),
                        Some(y) => {
                            let end = Date::new((y + 1).min(9999), 12, 31).unwrap_or(Date::from_days(crate::civil::MAX_DAY));
                            last = Some(last.map_or(end, |l| l.max(end)));
                        }
                    }
                }
            }
        }
        if any {
            Some(last)
        } else {
            None
        }
    }

    pub fn has_exceptions_or_rules(&self) -> bool {
        !self.exceptions.is_empty() || !self.rules.is_empty()
    }
}
