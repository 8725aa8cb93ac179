//! Evaluating a ticket against the catalog at `now`: the version in force, the calendar,
//! the targets of the ticket's current priority, and each target's clock.

use super::catalog::SlaCatalog;
use super::catalog::{Service, ServiceLevel, Target, Version};
use super::clock::{timeline, Reach, State, TargetClock, Timeline};
use super::ticket::{ticket_id, EventKind, Ticket, TicketEvent};
use crate::calendar::BusinessCalendar;
use crate::error::{Error, ErrorCode, Result};
use crate::instant::Instant;
use crate::report::{Measured, MeasuredHead};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// Options of [`SlaCatalog::evaluate`]: measure against another version or another
/// catalog (what-if). The default measures against the version in force at the ticket's
/// creation in this catalog.
///
/// # Example: what if the ticket had been measured against version 0?
///
/// ```
/// use slaclock::EvaluateOptions;
/// let opts = EvaluateOptions { version_index: Some(0), ..Default::default() };
/// assert!(opts.catalog.is_none());
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct EvaluateOptions<'a> {
    /// The index of the version to use in the service's service level, instead of the one
    /// in force at creation. `INVALID_OPTION` when out of range.
    pub version_index: Option<usize>,
    /// Another catalog to measure against (its service, service level, versions and
    /// calendars).
    pub catalog: Option<&'a SlaCatalog>,
}

/// The status of a target at `now`.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_value(slaclock::TargetStatus::AtRisk).unwrap(), "atRisk");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TargetStatus {
    /// Running, no warning threshold reached.
    OnTrack,
    /// Running, a warning threshold reached (at or before `now`).
    AtRisk,
    /// Paused and not passed.
    Paused,
    /// Not stopped and passed (`now > breachedAt`); a passed target stays breached while
    /// paused.
    Breached,
    /// Stopped before it passed.
    Met,
    /// Stopped after it passed.
    Missed,
}

/// One warning threshold of a target.
///
/// # Example
///
/// ```
/// let w = slaclock::WarningEvaluation { threshold: 0.75, at: None, reached: false };
/// assert_eq!(serde_json::to_value(&w).unwrap(), serde_json::json!({ "threshold": 0.75, "at": null, "reached": false }));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WarningEvaluation {
    /// The fraction of the target (0.75).
    pub threshold: f64,
    /// When counted time reaches that fraction (a future instant assumes no further
    /// pauses); `null` when not reached and the clock is not running.
    pub at: Option<String>,
    /// `at <= now`.
    pub reached: bool,
}

/// The clock of one target of a ticket at `now`. Instants are ISO 8601 in the calendar's
/// offset; absent ones are `null`.
///
/// # Example: the JSON shape
///
/// ```
/// use slaclock::{EvaluateOptions, Instant, SlaCatalog};
/// use serde_json::json;
/// let catalog = SlaCatalog::from_value(&json!({
///     "calendars": [{ "id": "24x7", "timeZone": "UTC", "weekly": { "mon": [["00:00","24:00"]] } }],
///     "serviceLevels": [{ "id": "basic", "versions": [{ "effectiveFrom": "2026-01-01T00:00:00Z",
///         "calendar": "24x7", "targets": { "P1": { "resolution": { "duration": "PT2H", "clock": "calendar" } } } }] }],
///     "services": [{ "id": "web", "serviceLevel": "basic" }] })).unwrap();
/// let t = json!({ "id": "T-1", "service": "web", "priority": "P1", "createdAt": "2026-12-07T09:00:00Z" });
/// let e = catalog.evaluate(&t, Instant::parse("2026-12-07T09:30:00Z").unwrap(), &EvaluateOptions::default()).unwrap();
/// assert_eq!(serde_json::to_value(&e.targets[0]).unwrap(), json!({
///     "name": "resolution", "status": "onTrack", "paused": false,
///     "due": "2026-12-07T11:00:00Z", "breachedAt": null, "stoppedAt": null,
///     "elapsedMs": 1_800_000, "pausedMs": 0, "remainingMs": 5_400_000, "percentUsed": 25.0,
///     "actualElapsedMs": 1_800_000, "warnings": [] }));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetEvaluation {
    /// The target's name (`response`, `resolution`, or a custom name).
    pub name: String,
    /// `onTrack`, `atRisk`, `paused`, `breached`, `met` or `missed`.
    pub status: TargetStatus,
    /// Whether the target's clock is paused at `now`.
    pub paused: bool,
    /// When the target is (or was, or would have been) reached: `breachedAt` once passed;
    /// while running, the instant without further pauses; while paused and not passed,
    /// `null`; when stopped and not passed, the instant had the clock run on from the stop.
    pub due: Option<String>,
    /// The instant the target passed (counted time reached it while the clock ran on).
    pub breached_at: Option<String>,
    /// When the target's clock stopped (`respond` or `resolve`); `null` while not stopped.
    pub stopped_at: Option<String>,
    /// Clock time counted while running.
    pub elapsed_ms: i64,
    /// Clock time that passed while paused.
    pub paused_ms: i64,
    /// Target minus elapsed: 0 or negative once passed.
    pub remaining_ms: i64,
    /// Elapsed as a percentage of the target.
    pub percent_used: f64,
    /// Real time while running.
    pub actual_elapsed_ms: i64,
    /// One per warning threshold, ascending.
    pub warnings: Vec<WarningEvaluation>,
    /// `due` as an instant (for reports, which need no text).
    #[serde(skip)]
    pub(crate) due_at: Option<Instant>,
}

/// A ticket measured at `now`:
/// `{ ticketId, service, serviceLevel, versionIndex, effectiveFrom, calendar, priority, targets }`.
///
/// # Example: ServiceNow's worked example
///
/// ```
/// use slaclock::{EvaluateOptions, Instant, SlaCatalog};
/// use serde_json::json;
/// let h = json!([["08:00","17:00"]]);
/// let catalog = SlaCatalog::from_value(&json!({
///     "calendars": [{ "id": "8-17", "timeZone": "UTC",
///         "weekly": { "mon": h, "tue": h, "wed": h, "thu": h, "fri": h } }],
///     "serviceLevels": [{ "id": "std", "versions": [{ "effectiveFrom": "2026-01-01T00:00:00Z", "calendar": "8-17",
///         "targets": { "P2": { "resolution": { "duration": { "hours": 8 } } } } }] }],
///     "services": [{ "id": "it", "serviceLevel": "std" }] })).unwrap();
/// let ticket = json!({ "id": "INC1", "service": "it", "priority": "P2", "createdAt": "2026-12-04T21:00:00Z" });
/// let e = catalog.evaluate(&ticket, Instant::parse("2026-12-07T09:30:00Z").unwrap(), &EvaluateOptions::default()).unwrap();
/// assert_eq!((e.ticket_id.as_str(), e.version_index, e.calendar.as_str()), ("INC1", 0, "8-17"));
/// assert_eq!(e.targets[0].elapsed_ms, 90 * 60_000);
/// assert_eq!(e.targets[0].actual_elapsed_ms, (60 * 60 + 30) * 60_000);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TicketEvaluation {
    /// The ticket's id.
    pub ticket_id: String,
    /// The service's id.
    pub service: String,
    /// The service level's id.
    pub service_level: String,
    /// The index of the version measured against.
    pub version_index: usize,
    /// That version's `effectiveFrom`, in the calendar's offset.
    pub effective_from: String,
    /// The id of the calendar used (the service's, else the version's).
    pub calendar: String,
    /// The ticket's priority at `now` (after priority changes).
    pub priority: String,
    /// The targets of that priority in that version (`response` first, then
    /// `resolution`, then the others by name); empty when the priority has none.
    pub targets: Vec<TargetEvaluation>,
}

/// A ticket of [`SlaCatalog::evaluate_many`] that could not be evaluated:
/// `{ ticketId, error: { code, path, message } }`.
///
/// # Example
///
/// ```
/// use slaclock::{Error, ErrorCode, TicketError};
/// let e = TicketError { ticket_id: Some("T-9".into()),
///                       error: Error::new(ErrorCode::InvalidTicket, "events[3].at", "out of order") };
/// assert_eq!(serde_json::to_value(&e).unwrap(), serde_json::json!({ "ticketId": "T-9",
///     "error": { "code": "INVALID_TICKET", "path": "events[3].at", "message": "out of order" } }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketError {
    /// The ticket's id when it could be read.
    pub ticket_id: Option<String>,
    /// What is wrong with it.
    pub error: Error,
}

struct ErrorFields<'a>(&'a Error);

impl Serialize for ErrorFields<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Error", 3)?;
        st.serialize_field("code", self.0.code().as_str())?;
        st.serialize_field("path", self.0.path())?;
        st.serialize_field("message", self.0.message())?;
        st.end()
    }
}

impl Serialize for TicketError {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("TicketError", 2)?;
        st.serialize_field("ticketId", &self.ticket_id)?;
        st.serialize_field("error", &ErrorFields(&self.error))?;
        st.end()
    }
}

impl SlaCatalog {
    /// Measures a ticket (its JSON value, see [`Ticket::from_value`]) at `now`.
    /// Errors: the ticket's shape (`MISSING_FIELD`, `INVALID_TYPE`, ... with its path),
    /// events out of order or before creation (`INVALID_TICKET` at `events[i].at`), an
    /// unknown service (`UNKNOWN_REFERENCE` at `service`), no version in force at creation
    /// (`INVALID_TICKET` at `createdAt`), a `versionIndex` out of range (`INVALID_OPTION`).
    ///
    /// # Example: a response met after a pause for the customer
    ///
    /// ```
    /// use slaclock::{EvaluateOptions, Instant, SlaCatalog, TargetStatus};
    /// use serde_json::json;
    /// let h = json!([["09:00","17:00"]]);
    /// let catalog = SlaCatalog::from_value(&json!({
    ///     "calendars": [{ "id": "office", "timeZone": "UTC", "weekly": { "mon": h, "tue": h } }],
    ///     "serviceLevels": [{ "id": "gold", "versions": [{ "effectiveFrom": "2026-01-01T00:00:00Z", "calendar": "office",
    ///         "targets": { "P1": { "response": { "duration": "PT1H" } } } }] }],
    ///     "services": [{ "id": "email", "serviceLevel": "gold" }] })).unwrap();
    /// let ticket = json!({ "id": "T-1", "service": "email", "priority": "P1", "createdAt": "2026-12-07T09:00:00Z",
    ///     "events": [{ "at": "2026-12-07T09:20:00Z", "type": "pause" },
    ///                { "at": "2026-12-07T11:00:00Z", "type": "resume" },
    ///                { "at": "2026-12-07T11:30:00Z", "type": "respond" }] });
    /// let e = catalog.evaluate(&ticket, Instant::parse("2026-12-07T12:00:00Z").unwrap(), &EvaluateOptions::default()).unwrap();
    /// let r = &e.targets[0];
    /// assert_eq!(r.status, TargetStatus::Met);
    /// assert_eq!((r.elapsed_ms, r.paused_ms), (50 * 60_000, 100 * 60_000));
    /// assert_eq!(r.due.as_deref(), Some("2026-12-07T11:40:00Z"));
    /// ```
    pub fn evaluate(&self, ticket: &Value, now: Instant, opts: &EvaluateOptions<'_>) -> Result<TicketEvaluation> {
        self.evaluate_ticket(&Ticket::from_value(ticket)?, now, opts)
    }

    /// Measures many tickets at `now`; a bad ticket gives a [`TicketError`] in its slot and
    /// the others are still measured.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{EvaluateOptions, Instant, SlaCatalog};
    /// use serde_json::json;
    /// let catalog = SlaCatalog::from_json(r#"{ "calendars": [], "serviceLevels": [], "services": [] }"#).unwrap();
    /// let out = catalog.evaluate_many(&[json!({ "id": "T-1", "service": "nope", "priority": "P1",
    ///     "createdAt": "2026-12-07T09:00:00Z" })], Instant::parse("2026-12-07T10:00:00Z").unwrap(), &EvaluateOptions::default());
    /// let err = out[0].as_ref().unwrap_err();
    /// assert_eq!((err.ticket_id.as_deref(), err.error.code().as_str(), err.error.path()), (Some("T-1"), "UNKNOWN_REFERENCE", "service"));
    /// ```
    pub fn evaluate_many(
        &self,
        tickets: &[Value],
        now: Instant,
        opts: &EvaluateOptions<'_>,
    ) -> Vec<std::result::Result<TicketEvaluation, TicketError>> {
        tickets
            .iter()
            .map(|t| self.evaluate(t, now, opts).map_err(|error| TicketError { ticket_id: ticket_id(t), error }))
            .collect()
    }

    /// Measures a parsed [`Ticket`] at `now` (see [`SlaCatalog::evaluate`]).
    ///
    /// # Example: a priority change breaches the response retroactively
    ///
    /// ```
    /// use slaclock::{EvaluateOptions, EventKind, Instant, SlaCatalog, TargetStatus, Ticket, TicketEvent};
    /// use serde_json::json;
    /// let catalog = SlaCatalog::from_value(&json!({
    ///     "calendars": [{ "id": "24x7", "timeZone": "UTC", "weekly": { "mon": [["00:00","24:00"]] } }],
    ///     "serviceLevels": [{ "id": "gold", "versions": [{ "effectiveFrom": "2026-01-01T00:00:00Z", "calendar": "24x7",
    ///         "targets": { "P1": { "response": { "duration": "PT15M" } }, "P3": { "response": { "duration": "PT4H" } } } }] }],
    ///     "services": [{ "id": "email", "serviceLevel": "gold" }] })).unwrap();
    /// let at = |s: &str| Instant::parse(s).unwrap();
    /// let ticket = Ticket { id: "T-1".into(), service: "email".into(), priority: "P3".into(),
    ///     created_at: at("2026-12-07T09:00:00Z"),
    ///     events: vec![TicketEvent { at: at("2026-12-07T10:00:00Z"), kind: EventKind::PriorityChange { priority: "P1".into() } }] };
    /// let e = catalog.evaluate_ticket(&ticket, at("2026-12-07T10:05:00Z"), &EvaluateOptions::default()).unwrap();
    /// assert_eq!(e.priority, "P1");
    /// assert_eq!(e.targets[0].status, TargetStatus::Breached);
    /// assert_eq!(e.targets[0].breached_at.as_deref(), Some("2026-12-07T09:15:00Z"));
    /// ```
    pub fn evaluate_ticket(&self, ticket: &Ticket, now: Instant, opts: &EvaluateOptions<'_>) -> Result<TicketEvaluation> {
        let catalog = opts.catalog.unwrap_or(self);
        catalog.measure(ticket, now, opts.version_index, true)
    }

    /// Like [`SlaCatalog::evaluate_ticket`] without the ISO strings of the targets
    /// (`due`, `breachedAt`, `stoppedAt`, warning `at` are `None`; `due_at` is set): what
    /// a report needs, at a fraction of the cost.
    pub(crate) fn evaluate_ticket_lean(&self, ticket: &Ticket, now: Instant, opts: &EvaluateOptions<'_>) -> Result<TicketEvaluation> {
        let catalog = opts.catalog.unwrap_or(self);
        catalog.measure(ticket, now, opts.version_index, false)
    }

    fn measure(&self, ticket: &Ticket, now: Instant, version_index: Option<usize>, text: bool) -> Result<TicketEvaluation> {
        let h = self.head(ticket, now, version_index)?;
        let cal = h.cal;
        let text_of = |x: Instant| text.then(|| cal.format(x));
        let events = &ticket.events[..h.events];
        let priority = current_priority(ticket, events);
        let mut targets = Vec::new();
        for t in h.version.targets.get(priority).map(Vec::as_slice).unwrap_or(&[]) {
            let c = core(t, cal, ticket.created_at, events, now)?;
            let mut warnings = Vec::with_capacity(t.warn_at.len());
            for &f in &t.warn_at {
                let w = (f * c.amount as f64).round() as i64;
                let at = match c.tl.reach(c.clock, w, now)? {
                    Reach::Passed(x) | Reach::Ahead(x) => Some(x),
                    Reach::NotReached { .. } => None,
                };
                warnings.push(WarningEvaluation { threshold: f, at: at.and_then(text_of), reached: at.is_some_and(|x| x <= now) });
            }
            let status = match c.status {
                TargetStatus::OnTrack if warnings.iter().any(|w| w.reached) => TargetStatus::AtRisk,
                s => s,
            };
            targets.push(TargetEvaluation {
                name: t.name.clone(),
                status,
                paused: c.tl.state == State::Paused,
                due: c.due.and_then(text_of),
                breached_at: c.breached_at.and_then(text_of),
                stopped_at: c.tl.stopped_at.and_then(text_of),
                due_at: c.due,
                elapsed_ms: c.elapsed,
                paused_ms: c.tl.paused(c.clock, now),
                remaining_ms: c.amount - c.elapsed,
                percent_used: if c.amount > 0 { c.elapsed as f64 * 100.0 / c.amount as f64 } else { 100.0 },
                actual_elapsed_ms: c.tl.actual_elapsed(now),
                warnings,
            });
        }
        Ok(TicketEvaluation {
            ticket_id: ticket.id.clone(),
            service: h.service.id.clone(),
            service_level: h.level.id.clone(),
            version_index: h.vi,
            effective_from: if text { cal.format(h.version.effective_from) } else { String::new() },
            calendar: h.cal_id.clone(),
            priority: priority.to_string(),
            targets,
        })
    }

    /// What a report needs of a ticket, with nothing allocated but the clocks' spans:
    /// the head (service, service level, version) and, into `out` (cleared first), each
    /// target's name, status (`OnTrack` standing for `AtRisk` too: warnings are not
    /// measured), due instant and elapsed / remaining time.
    pub(crate) fn measure_for_report<'c: 't, 't>(
        &'c self,
        ticket: &'t Ticket,
        now: Instant,
        version_index: Option<usize>,
        out: &mut Vec<Measured<'c>>,
    ) -> Result<MeasuredHead<'t>> {
        out.clear();
        let h = self.head(ticket, now, version_index)?;
        let events = &ticket.events[..h.events];
        let priority = current_priority(ticket, events);
        for t in h.version.targets.get(priority).map(Vec::as_slice).unwrap_or(&[]) {
            let c = core(t, h.cal, ticket.created_at, events, now)?;
            out.push(Measured { name: &t.name, status: c.status, due_at: c.due, elapsed_ms: c.elapsed, remaining_ms: c.amount - c.elapsed });
        }
        Ok(MeasuredHead { service: &h.service.id, service_level: &h.level.id, version_index: h.vi, priority })
    }

    /// The service, service level, version and calendar a ticket is measured with, and
    /// how many of its events are at or before `now`.
    fn head(&self, ticket: &Ticket, now: Instant, version_index: Option<usize>) -> Result<Head<'_>> {
        ticket.check_order()?;
        let m = &self.model;
        let service = m.services.iter().find(|s| s.id == ticket.service).ok_or_else(|| {
            Error::new(ErrorCode::UnknownReference, "service", format!("unknown service `{}`: it is not in the catalog", ticket.service))
        })?;
        let level = &m.levels[service.level];
        let vi = match version_index {
            Some(i) if i < level.versions.len() => i,
            Some(i) => {
                return Err(Error::new(
                    ErrorCode::InvalidOption,
                    "versionIndex",
                    format!("version index `{i}` is out of range: service level `{}` has {} versions", level.id, level.versions.len()),
                ))
            }
            None => in_force(level, ticket.created_at).ok_or_else(|| {
                Error::new(
                    ErrorCode::InvalidTicket,
                    "createdAt",
                    format!("no version of service level `{}` is in force at `{}`", level.id, ticket.created_at),
                )
            })?,
        };
        let version = &level.versions[vi];
        let ci = service.calendar.or(version.calendar).ok_or_else(|| {
            Error::new(ErrorCode::MissingField, "calendar", format!("service `{}` has no calendar", service.id))
        })?;
        let (cal_id, cal) = &m.calendars[ci];
        let cal: &BusinessCalendar = cal.as_deref().expect("a built catalog has every calendar");
        // Events are in time order (checked above): those up to `now` are a prefix.
        let events = ticket.events.partition_point(|e| e.at <= now);
        Ok(Head { service, level, vi, version, cal_id, cal, events })
    }
}

struct Head<'c> {
    service: &'c Service,
    level: &'c ServiceLevel,
    vi: usize,
    version: &'c Version,
    cal_id: &'c String,
    cal: &'c BusinessCalendar,
    /// The events at or before `now` (a prefix).
    events: usize,
}

/// The ticket's priority at `now`: the last priority change, else the priority at creation.
fn current_priority<'t>(ticket: &'t Ticket, events: &'t [TicketEvent]) -> &'t str {
    events
        .iter()
        .rev()
        .find_map(|e| match &e.kind {
            EventKind::PriorityChange { priority } => Some(priority.as_str()),
            _ => None,
        })
        .unwrap_or(&ticket.priority)
}

/// One target's clock at `now` without its warnings; `status` is `OnTrack` for a running
/// target that is not passed (warnings may make it `AtRisk`).
struct Core<'a> {
    clock: TargetClock<'a>,
    tl: Timeline,
    amount: i64,
    breached_at: Option<Instant>,
    due: Option<Instant>,
    elapsed: i64,
    status: TargetStatus,
}

fn core<'a>(t: &Target, cal: &'a BusinessCalendar, created: Instant, events: &[TicketEvent], now: Instant) -> Result<Core<'a>> {
    let clock = TargetClock { cal, clock: t.clock };
    let amount = clock.amount(t.duration, created)?;
    let tl = timeline(t, created, events);
    let reach = tl.reach(clock, amount, now)?;
    let (breached_at, due, elapsed) = match reach {
        Reach::Passed(x) => (Some(x), Some(x), tl.elapsed(clock, now)),
        Reach::Ahead(x) => (None, Some(x), tl.elapsed(clock, now)),
        Reach::NotReached { counted } => (
            None,
            match tl.stopped_at {
                Some(s) => Some(clock.advance(s, (amount - counted).max(0))?),
                None => None,
            },
            // Every run is closed (no running clock reaches nothing): `counted` is their sum.
            if tl.open_run.is_none() { counted } else { tl.elapsed(clock, now) },
        ),
    };
    let status = match (tl.state, breached_at.is_some()) {
        (State::Stopped, true) => TargetStatus::Missed,
        (State::Stopped, false) => TargetStatus::Met,
        (_, true) => TargetStatus::Breached,
        (State::Paused, false) => TargetStatus::Paused,
        (State::Running, false) => TargetStatus::OnTrack,
    };
    Ok(Core { clock, tl, amount, breached_at, due, elapsed, status })
}

/// The last version with `effectiveFrom <= t` (and `t < effectiveTo` if given).
fn in_force(level: &super::catalog::ServiceLevel, t: Instant) -> Option<usize> {
    let i = level.versions.iter().rposition(|v| v.effective_from <= t)?;
    match level.versions[i].effective_to {
        Some(end) if t >= end => None,
        _ => Some(i),
    }
}
