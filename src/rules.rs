//! Recurring rules ("exceptional dates"): fixed month/day, n-th or last weekday of a
//! month, weekday on or after / on or before a date, offsets from Western Easter, with
//! optional observed shifting and first/last year.

use crate::civil::{days_in_month, Date, Weekday};
use crate::schedule::DayEffect;

/// Which date of a year a recurring rule picks (before observed shifting).
///
/// # Example
///
/// ```
/// use slaclock::{RuleDate, Weekday};
/// let memorial = RuleDate::NthWeekday { month: 5, weekday: Weekday::Mon, nth: -1 };
/// assert_eq!(memorial.in_year(2026).unwrap().to_string(), "2026-05-25");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleDate {
    /// The same month and day every year (`12-25`). February 29 occurs in leap years only.
    Fixed {
        /// 1-12.
        month: u32,
        /// 1-31, valid for the month.
        day: u32,
    },
    /// The n-th weekday of a month; negative counts from the end (`-1` = last).
    NthWeekday {
        /// 1-12.
        month: u32,
        /// The weekday.
        weekday: Weekday,
        /// 1..=5 or -5..=-1. A fifth weekday that a month does not have gives no date.
        nth: i32,
    },
    /// The first `weekday` on or after month/day (Finnish Midsummer Eve: Friday on or
    /// after June 19).
    WeekdayOnOrAfter {
        /// 1-12.
        month: u32,
        /// 1-31.
        day: u32,
        /// The weekday.
        weekday: Weekday,
    },
    /// The last `weekday` on or before month/day.
    WeekdayOnOrBefore {
        /// 1-12.
        month: u32,
        /// 1-31.
        day: u32,
        /// The weekday.
        weekday: Weekday,
    },
    /// Western (Gregorian) Easter Sunday plus `offset` days (Good Friday = -2).
    Easter {
        /// Days from Easter Sunday.
        offset: i32,
    },
}

impl RuleDate {
    /// The date the rule picks in `year`, if any.
    ///
    /// # Example: Finnish Midsummer Eve 2026
    ///
    /// ```
    /// use slaclock::{RuleDate, Weekday};
    /// let eve = RuleDate::WeekdayOnOrAfter { month: 6, day: 19, weekday: Weekday::Fri };
    /// assert_eq!(eve.in_year(2026).unwrap().to_string(), "2026-06-19");
    /// assert_eq!(eve.in_year(2027).unwrap().to_string(), "2027-06-25");
    /// ```
    pub fn in_year(&self, year: i32) -> Option<Date> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        match *self {
            RuleDate::Fixed { month, day } => Date::new(year, month, day),
            RuleDate::NthWeekday { month, weekday, nth } => {
                let len = days_in_month(year, month);
                if nth > 0 {
                    let first = Date::new(year, month, 1)?;
                    let delta = (weekday.index() as i32 - first.weekday().index() as i32).rem_euclid(7);
                    let day = 1 + delta + (nth - 1) * 7;
                    if day as u32 > len {
                        return None;
                    }
                    Some(first.add_days(day - 1))
                } else {
                    let last = Date::new(year, month, len)?;
                    let delta = (last.weekday().index() as i32 - weekday.index() as i32).rem_euclid(7);
                    let day = len as i32 - delta - (-nth - 1) * 7;
                    if day < 1 {
                        return None;
                    }
                    Some(last.add_days(day - len as i32))
                }
            }
            RuleDate::WeekdayOnOrAfter { month, day, weekday } => {
                let d = Date::new(year, month, day)?;
                let delta = (weekday.index() as i32 - d.weekday().index() as i32).rem_euclid(7);
                Some(d.add_days(delta))
            }
            RuleDate::WeekdayOnOrBefore { month, day, weekday } => {
                let d = Date::new(year, month, day)?;
                let delta = (d.weekday().index() as i32 - weekday.index() as i32).rem_euclid(7);
                Some(d.add_days(-delta))
            }
            RuleDate::Easter { offset } => Some(easter_sunday(year)?.add_days(offset)),
        }
    }

    /// How many days the picked date can lie outside its nominal year (Easter offsets).
    pub(crate) fn spill_years(&self) -> i32 {
        match *self {
            RuleDate::Easter { offset } => (offset.abs() + 120) / 365 + 1,
            _ => 1,
        }
    }
}

/// Moving a holiday that falls on a weekend to a weekday.
///
/// # Example
///
/// ```
/// use slaclock::{Date, Observed};
/// let sat = Date::parse("2026-07-04").unwrap();
/// assert_eq!(Observed::NearestWeekday.shift(sat).to_string(), "2026-07-03");
/// assert_eq!(Observed::NextWeekday.shift(sat).to_string(), "2026-07-06");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Observed {
    /// No shifting.
    #[default]
    None,
    /// Saturday -> Friday, Sunday -> Monday (US federal holidays).
    NearestWeekday,
    /// Saturday and Sunday -> the following Monday.
    NextWeekday,
    /// Sunday -> Monday only.
    SundayToMonday,
}

impl Observed {
    /// The JSON spelling.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Observed::NearestWeekday.key(), "nearestWeekday");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            Observed::None => "none",
            Observed::NearestWeekday => "nearestWeekday",
            Observed::NextWeekday => "nextWeekday",
            Observed::SundayToMonday => "sundayToMonday",
        }
    }

    /// Parses the JSON spelling.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::Observed::parse("sundayToMonday"), Some(slaclock::Observed::SundayToMonday));
    /// ```
    pub fn parse(s: &str) -> Option<Observed> {
        [Observed::None, Observed::NearestWeekday, Observed::NextWeekday, Observed::SundayToMonday]
            .into_iter()
            .find(|o| o.key() == s)
    }

    /// The observed date of a holiday that falls on `d`.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Date, Observed};
    /// let sun = Date::parse("2027-12-26").unwrap();
    /// assert_eq!(Observed::SundayToMonday.shift(sun).to_string(), "2027-12-27");
    /// ```
    pub fn shift(self, d: Date) -> Date {
        match (self, d.weekday()) {
            (Observed::NearestWeekday, Weekday::Sat) => d.add_days(-1),
            (Observed::NearestWeekday, Weekday::Sun) => d.add_days(1),
            (Observed::NextWeekday, Weekday::Sat) => d.add_days(2),
            (Observed::NextWeekday, Weekday::Sun) => d.add_days(1),
            (Observed::SundayToMonday, Weekday::Sun) => d.add_days(1),
            _ => d,
        }
    }
}

/// Where a rule came from, for `special_days` and error paths.
///
/// # Example
///
/// ```
/// let s = slaclock::RuleSource::Preset("FI");
/// assert_ne!(s, slaclock::RuleSource::Rule(0));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleSource {
    /// `rules[i]` of the calendar.
    Rule(usize),
    /// A rule of a preset (`presets[i]` = `id`).
    Preset(&'static str),
}

/// A recurring rule: a date picked every year, its effect, and the years it applies to.
///
/// # Example: US Independence Day, observed on the nearest weekday
///
/// ```
/// use slaclock::{Date, Observed, RecurringRule, RuleDate};
/// let r = RecurringRule::closed("Independence Day", RuleDate::Fixed { month: 7, day: 4 })
///     .observed(Observed::NearestWeekday);
/// assert_eq!(r.observed_in(2026).unwrap().to_string(), "2026-07-03");
/// assert!(r.matches(Date::parse("2026-07-03").unwrap()));
/// assert!(!r.matches(Date::parse("2026-07-04").unwrap()));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RecurringRule {
    /// The holiday's name.
    pub name: String,
    /// Which date.
    pub date: RuleDate,
    /// Weekend shifting.
    pub observed: Observed,
    /// First year the rule applies (inclusive), by the holiday's nominal year.
    pub first_year: Option<i32>,
    /// Last year the rule applies (inclusive), by the holiday's nominal year.
    pub last_year: Option<i32>,
    /// Closed or special hours.
    pub effect: DayEffect,
}

impl RecurringRule {
    /// A rule that closes the service on its date.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{RecurringRule, RuleDate};
    /// let r = RecurringRule::closed("Good Friday", RuleDate::Easter { offset: -2 });
    /// assert_eq!(r.observed_in(2026).unwrap().to_string(), "2026-04-03");
    /// ```
    pub fn closed(name: &str, date: RuleDate) -> RecurringRule {
        RecurringRule {
            name: name.to_string(),
            date,
            observed: Observed::None,
            first_year: None,
            last_year: None,
            effect: DayEffect::Closed,
        }
    }

    /// The same rule with weekend shifting.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Observed, RecurringRule, RuleDate};
    /// let r = RecurringRule::closed("x", RuleDate::Fixed { month: 1, day: 1 }).observed(Observed::NearestWeekday);
    /// assert_eq!(r.observed, Observed::NearestWeekday);
    /// ```
    pub fn observed(mut self, o: Observed) -> RecurringRule {
        self.observed = o;
        self
    }

    /// The same rule limited to nominal years `first..=last` (either bound optional).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{RecurringRule, RuleDate};
    /// let r = RecurringRule::closed("Juneteenth", RuleDate::Fixed { month: 6, day: 19 }).years(Some(2021), None);
    /// assert!(r.observed_in(2020).is_none());
    /// assert!(r.observed_in(2021).is_some());
    /// ```
    pub fn years(mut self, first: Option<i32>, last: Option<i32>) -> RecurringRule {
        self.first_year = first;
        self.last_year = last;
        self
    }

    /// The date the rule takes effect for nominal year `year`, after shifting; `None` when
    /// the rule does not apply that year.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Observed, RecurringRule, RuleDate};
    /// // New Year's Day 2022 was a Saturday: observed Friday 2021-12-31.
    /// let r = RecurringRule::closed("New Year's Day", RuleDate::Fixed { month: 1, day: 1 })
    ///     .observed(Observed::NearestWeekday);
    /// assert_eq!(r.observed_in(2022).unwrap().to_string(), "2021-12-31");
    /// ```
    pub fn observed_in(&self, year: i32) -> Option<Date> {
        if self.first_year.is_some_and(|f| year < f) || self.last_year.is_some_and(|l| year > l) {
            return None;
        }
        self.date.in_year(year).map(|d| self.observed.shift(d))
    }

    /// Whether the rule takes effect on `d`.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Date, RecurringRule, RuleDate};
    /// let r = RecurringRule::closed("Whit Monday", RuleDate::Easter { offset: 50 });
    /// assert!(r.matches(Date::parse("2026-05-25").unwrap()));
    /// ```
    pub fn matches(&self, d: Date) -> bool {
        let y = d.year();
        let k = self.date.spill_years();
        (y - k..=y + k).any(|ny| self.observed_in(ny) == Some(d))
    }
}

/// Western Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).
///
/// # Example
///
/// ```
/// assert_eq!(slaclock::easter_sunday(2026).unwrap().to_string(), "2026-04-05");
/// assert_eq!(slaclock::easter_sunday(2038).unwrap().to_string(), "2038-04-25");
/// ```
pub fn easter_sunday(year: i32) -> Option<Date> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_sunday_published_dates_1970_to_2100_sample() {
        // Published Western Easter dates.
        let known = [
            (1970, "1970-03-29"),
            (1981, "1981-04-19"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2100, "2100-03-28"),
        ];
        for (y, d) in known {
            assert_eq!(easter_sunday(y).unwrap().to_string(), d, "{y}");
        }
    }

    #[test]
    fn thanksgiving_fourth_thursday_november_2026() {
        let r = RuleDate::NthWeekday { month: 11, weekday: Weekday::Thu, nth: 4 };
        assert_eq!(r.in_year(2026).unwrap().to_string(), "2026-11-26");
    }

    #[test]
    fn fifth_monday_missing_gives_none() {
        let r = RuleDate::NthWeekday { month: 2, weekday: Weekday::Mon, nth: 5 };
        assert_eq!(r.in_year(2026), None);
        let r = RuleDate::NthWeekday { month: 3, weekday: Weekday::Mon, nth: 5 };
        assert_eq!(r.in_year(2026).unwrap().to_string(), "2026-03-30");
        let r = RuleDate::NthWeekday { month: 3, weekday: Weekday::Tue, nth: -5 };
        assert_eq!(r.in_year(2026).unwrap().to_string(), "2026-03-03");
    }

    #[test]
    fn observed_new_year_2022_crosses_into_2021() {
        let r = RecurringRule::closed("New Year", RuleDate::Fixed { month: 1, day: 1 })
            .observed(Observed::NearestWeekday);
        assert!(r.matches(Date::parse("2021-12-31").unwrap()));
        assert!(!r.matches(Date::parse("2022-01-01").unwrap()));
    }

    #[test]
    fn easter_offset_far_from_easter_matches_across_year() {
        let r = RecurringRule::closed("far", RuleDate::Easter { offset: 300 });
        let d = r.observed_in(2026).unwrap();
        assert_eq!(d.year(), 2027);
        assert!(r.matches(d));
    }
}
