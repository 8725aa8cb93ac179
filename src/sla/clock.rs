//! The SLA clock of one target of one ticket (SEMANTICS.md "SLA clock").
//!
//! The ticket's events (up to `now`) turn into the target's timeline: running spans,
//! paused spans and the stop. Counted time is piecewise: a running span `[a, b)` counts
//! `elapsed(a, b)` of business time (or `b - a` on the calendar clock). The instant an
//! amount is reached inside a span is `add(a, rest)`; it is a *pass* only when it lies
//! strictly before the span's end (reaching the target exactly at a pause or stop is not a
//! pass), or strictly before `now` in the span that is still running.

use super::catalog::{Clock, StopOn, Target};
use super::ticket::{EventKind, TicketEvent};
use crate::calendar::BusinessCalendar;
use crate::duration::BusinessDuration;
use crate::error::{Error, Result};
use crate::instant::Instant;

/// Counts time on one clock: business time of a calendar, or real time.
#[derive(Clone, Copy)]
pub(crate) struct TargetClock<'a> {
    pub cal: &'a BusinessCalendar,
    pub clock: Clock,
}

impl TargetClock<'_> {
    /// Clock time in `[a, b)`, `a <= b`.
    pub fn measure(&self, a: Instant, b: Instant) -> i64 {
        match self.clock {
            Clock::Business => self.cal.elapsed(a, b),
            Clock::Calendar => b.epoch_milliseconds() - a.epoch_milliseconds(),
        }
    }

    /// The earliest instant `t >= a` with `measure(a, t) == ms` (`ms >= 0`).
    pub fn advance(&self, a: Instant, ms: i64) -> Result<Instant> {
        match self.clock {
            Clock::Business => self.cal.add(a, ms),
            Clock::Calendar => a
                .epoch_milliseconds()
                .checked_add(ms)
                .and_then(|t| Instant::from_epoch_milliseconds(t).ok())
                .ok_or_else(|| Error::out_of_range("", "the result is past year 9999 (the horizon)")),
        }
    }

    /// The target's amount of clock time: a fixed duration as is; a day unit turned into
    /// clock time once, from creation to the unit's instant.
    pub fn amount(&self, d: BusinessDuration, created: Instant) -> Result<i64> {
        match d {
            BusinessDuration::Millis(ms) => Ok(ms),
            unit => {
                let end = self.cal.add_duration(created, unit)?;
                Ok(self.measure(created, end))
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    Running,
    Paused,
    Stopped,
}

/// A target's history up to `now`.
#[derive(Debug, Clone)]
pub(crate) struct Timeline {
    /// Closed running spans, in order.
    pub runs: Vec<(Instant, Instant)>,
    /// Start of the span still running at `now`.
    pub open_run: Option<Instant>,
    /// Closed paused spans.
    pub pauses: Vec<(Instant, Instant)>,
    /// Start of the pause still on at `now`.
    pub open_pause: Option<Instant>,
    pub stopped_at: Option<Instant>,
    pub state: State,
}

fn pauses_target(t: &Target, reason: Option<&str>) -> bool {
    match &t.pause_reasons {
        None => true,
        Some(list) => reason.is_some_and(|r| list.iter().any(|x| x == r)),
    }
}

/// Applies the events (all at or before `now`, in time order) to one target.
pub(crate) fn timeline(t: &Target, created: Instant, events: &[TicketEvent]) -> Timeline {
    let mut tl = Timeline {
        runs: Vec::new(),
        open_run: Some(created),
        pauses: Vec::new(),
        open_pause: None,
        stopped_at: None,
        state: State::Running,
    };
    let stop = |tl: &mut Timeline, at: Instant| {
        if let Some(a) = tl.open_run.take() {
            tl.runs.push((a, at));
        }
        if let Some(p) = tl.open_pause.take() {
            tl.pauses.push((p, at));
        }
        tl.state = State::Stopped;
        tl.stopped_at = Some(at);
    };
    for e in events {
        let at = e.at;
        match &e.kind {
            EventKind::Pause { reason } => {
                if tl.state == State::Running && pauses_target(t, reason.as_deref()) {
                    if let Some(a) = tl.open_run.take() {
                        tl.runs.push((a, at));
                    }
                    tl.open_pause = Some(at);
                    tl.state = State::Paused;
                }
            }
            EventKind::Resume => {
                if tl.state == State::Paused {
                    if let Some(p) = tl.open_pause.take() {
                        tl.pauses.push((p, at));
                    }
                    tl.open_run = Some(at);
                    tl.state = State::Running;
                }
            }
            EventKind::Respond => {
                if t.stop_on == StopOn::Respond && tl.state != State::Stopped {
                    stop(&mut tl, at);
                }
            }
            EventKind::Resolve => {
                if tl.state != State::Stopped {
                    stop(&mut tl, at);
                }
            }
            EventKind::Reopen => {
                if t.stop_on == StopOn::Resolve && tl.state == State::Stopped {
                    tl.open_run = Some(at);
                    tl.stopped_at = None;
                    tl.state = State::Running;
                }
            }
            EventKind::PriorityChange { .. } => {}
        }
    }
    tl
}

/// Where counted time reaches an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Reached while the clock ran on past it (strictly before the span's end or `now`).
    Passed(Instant),
    /// Will be reached at this instant (at or after `now`) if the running clock is not
    /// paused again.
    Ahead(Instant),
    /// Not reached, and the clock is paused or stopped; `counted` is the time counted.
    NotReached { counted: i64 },
}

impl Timeline {
    /// Where counted time reaches `amount` (`>= 0`).
    pub fn reach(&self, clock: TargetClock<'_>, amount: i64, now: Instant) -> Result<Reach> {
        let mut counted = 0i64;
        for &(a, b) in &self.runs {
            let m = clock.measure(a, b);
            if counted + m >= amount {
                let x = clock.advance(a, amount - counted)?;
                if x < b {
                    return Ok(Reach::Passed(x));
                }
            }
            counted += m;
        }
        if let Some(a) = self.open_run {
            let x = clock.advance(a, (amount - counted).max(0))?;
            return Ok(if x < now { Reach::Passed(x) } else { Reach::Ahead(x) });
        }
        Ok(Reach::NotReached { counted })
    }

    /// Clock time counted while running, up to `now`.
    pub fn elapsed(&self, clock: TargetClock<'_>, now: Instant) -> i64 {
        let closed: i64 = self.runs.iter().map(|&(a, b)| clock.measure(a, b)).sum();
        closed + self.open_run.filter(|&a| a < now).map_or(0, |a| clock.measure(a, now))
    }

    /// Real milliseconds while running, up to `now`.
    pub fn actual_elapsed(&self, now: Instant) -> i64 {
        let real = |a: Instant, b: Instant| b.epoch_milliseconds() - a.epoch_milliseconds();
        let closed: i64 = self.runs.iter().map(|&(a, b)| real(a, b)).sum();
        closed + self.open_run.filter(|&a| a < now).map_or(0, |a| real(a, now))
    }

    /// Clock time that passed while paused, up to `now`.
    pub fn paused(&self, clock: TargetClock<'_>, now: Instant) -> i64 {
        let closed: i64 = self.pauses.iter().map(|&(a, b)| clock.measure(a, b)).sum();
        closed + self.open_pause.filter(|&a| a < now).map_or(0, |a| clock.measure(a, now))
    }
}
