//! The two calendar-relative day units, `businessDays` and `endOfBusinessDay`
//! (SEMANTICS.md "Durations"), and durations applied to a calendar.

use crate::calendar::{BusinessCalendar, Span};
use crate::civil::{CivilDateTime, Date, MAX_DAY};
use crate::duration::BusinessDuration;
use crate::error::{Error, ErrorCode, Result};
use crate::instant::Instant;
use crate::zone::Disambiguation;

fn past_horizon() -> Error {
    Error::out_of_range("", "the result is past year 9999 (the horizon)")
}

impl BusinessCalendar {
    /// The open real-time intervals that belong to local date `d` (an overnight interval
    /// belongs to the date it starts on); empty when the date is closed.
    ///
    /// # Example: a 3-hour night window on New York's spring-forward day
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Date};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"America/New_York","weekly":{"sun":[["00:00","04:00"]]}}"#).unwrap();
    /// let iv = cal.day_intervals(Date::parse("2024-03-10").unwrap());
    /// assert_eq!(iv.len(), 1);
    /// assert_eq!(iv[0].1.epoch_milliseconds() - iv[0].0.epoch_milliseconds(), 3 * 3_600_000);
    /// ```
    pub fn day_intervals(&self, d: Date) -> Vec<(Instant, Instant)> {
        let mut buf = Vec::new();
        self.spans_of_date(d, &mut buf);
        buf.into_iter()
            .filter_map(|(a, b)| Some((Instant::from_epoch_milliseconds(a).ok()?, Instant::from_epoch_milliseconds(b).ok()?)))
            .collect()
    }

    /// The n-th date after `d0` (n >= 1) that has open time, with its spans.
    fn nth_open_day_after(&self, d0: Date, n: u32, buf: &mut Vec<Span>) -> Result<Date> {
        let mut d = d0;
        let mut count = 0;
        loop {
            if d.days() >= MAX_DAY || !self.day_may_be_open(d.days() as i64 + 1) {
                return Err(past_horizon());
            }
            d = d.add_days(1);
            buf.clear();
            self.spans_of_date(d, buf);
            if !buf.is_empty() {
                count += 1;
                if count >= n {
                    return Ok(d);
                }
            }
        }
    }

    /// `n` business days after `start` (n >= 1): a start outside hours first moves to
    /// `next_open(start)`; the result is that local wall time on the n-th open day after
    /// its date, clamped into that day's hours (before the first opening -> the first
    /// opening; in a break -> the next opening; after the last close -> the last close).
    ///
    /// # Example: Friday 10:00 plus one business day is Monday 10:00
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Instant};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]],"fri":[["09:00","17:00"]]}}"#).unwrap();
    /// let t = cal.business_days(Instant::parse("2026-12-04T10:00:00Z").unwrap(), 1).unwrap();
    /// assert_eq!(t.to_string(), "2026-12-07T10:00:00Z");
    /// ```
    pub fn business_days(&self, start: Instant, n: u32) -> Result<Instant> {
        if n == 0 {
            return Err(Error::new(ErrorCode::InvalidDuration, "businessDays", "`businessDays` must be at least 1, not `0`"));
        }
        let s = self.next_open(start).ok_or_else(past_horizon)?;
        let local = self.zone.to_local(s);
        let mut buf = Vec::new();
        let day = self.nth_open_day_after(local.date, n, &mut buf)?;
        let x = self
            .zone
            .from_local(CivilDateTime { date: day, ms_of_day: local.ms_of_day }, Disambiguation::Compatible)?
            .epoch_milliseconds();
        let t = if x < buf[0].0 {
            buf[0].0
        } else if let Some(&(a, _)) = buf.iter().find(|&&(_, b)| x < b) {
            x.max(a)
        } else {
            buf[buf.len() - 1].1
        };
        Instant::from_epoch_milliseconds(t).map_err(|_| past_horizon())
    }

    /// The last close of the n-th open day after the start's local date; `n = 0` is the
    /// last close of the start's date, or of the next open day if the start is at or after
    /// it (or the date is closed).
    ///
    /// # Example: next-business-day targets
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, Instant};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]],"fri":[["09:00","17:00"]]}}"#).unwrap();
    /// let fri = Instant::parse("2026-12-04T16:00:00Z").unwrap();
    /// assert_eq!(cal.end_of_business_day(fri, 1).unwrap().to_string(), "2026-12-07T17:00:00Z");
    /// assert_eq!(cal.end_of_business_day(fri, 0).unwrap().to_string(), "2026-12-04T17:00:00Z");
    /// ```
    pub fn end_of_business_day(&self, start: Instant, n: u32) -> Result<Instant> {
        let d0 = self.zone.to_local(start).date;
        let mut buf = Vec::new();
        if n == 0 {
            self.spans_of_date(d0, &mut buf);
            let open_after_start = matches!(buf.last(), Some(&(_, end)) if start.epoch_milliseconds() < end);
            if !open_after_start {
                self.nth_open_day_after(d0, 1, &mut buf)?;
            }
        } else {
            self.nth_open_day_after(d0, n, &mut buf)?;
        }
        let end = buf.last().map(|s| s.1).ok_or_else(past_horizon)?;
        Instant::from_epoch_milliseconds(end).map_err(|_| past_horizon())
    }

    /// Adds a [`BusinessDuration`] of business time.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, BusinessDuration, Instant};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]]}}"#).unwrap();
    /// let t = cal.add_duration(Instant::parse("2026-12-07T09:00:00Z").unwrap(), BusinessDuration::Millis(3_600_000)).unwrap();
    /// assert_eq!(t.to_string(), "2026-12-07T10:00:00Z");
    /// ```
    pub fn add_duration(&self, start: Instant, d: BusinessDuration) -> Result<Instant> {
        match d {
            BusinessDuration::Millis(ms) => self.add(start, ms),
            BusinessDuration::BusinessDays(n) => self.business_days(start, n),
            BusinessDuration::EndOfBusinessDay(n) => self.end_of_business_day(start, n),
        }
    }

    /// Subtracts a fixed [`BusinessDuration`]; the day units only count forward
    /// (`INVALID_DURATION`).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{BusinessCalendar, BusinessDuration, Instant};
    /// let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]]}}"#).unwrap();
    /// let e = cal.subtract_duration(Instant::parse("2026-12-07T09:00:00Z").unwrap(), BusinessDuration::BusinessDays(1)).unwrap_err();
    /// assert_eq!(e.code().as_str(), "INVALID_DURATION");
    /// ```
    pub fn subtract_duration(&self, end: Instant, d: BusinessDuration) -> Result<Instant> {
        match d {
            BusinessDuration::Millis(ms) => self.subtract(end, ms),
            _ => Err(Error::new(
                ErrorCode::InvalidDuration,
                "",
                "`businessDays` and `endOfBusinessDay` count forward only: subtract a fixed duration",
            )),
        }
    }
}
