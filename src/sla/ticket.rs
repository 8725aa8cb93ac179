//! Tickets: `{ id, service, priority, createdAt, events: [{ at, type, ... }] }`.
//! Fields the format does not know are ignored (tickets come from ticketing systems with
//! many more fields).

use super::catalog::instant_at;
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::instant::Instant;
use crate::json::{object, optional, type_name};
use serde_json::{Map, Value};

/// What happened to a ticket.
///
/// # Example
///
/// ```
/// use slaclock::{EventKind, Ticket};
/// let t = Ticket::from_value(&serde_json::json!({ "id": "T-1", "service": "email", "priority": "P2",
///     "createdAt": "2026-12-07T09:00:00Z",
///     "events": [{ "at": "2026-12-07T10:00:00Z", "type": "pause", "reason": "waitingForCustomer" }] })).unwrap();
/// assert_eq!(t.events[0].kind, EventKind::Pause { reason: Some("waitingForCustomer".into()) });
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// `pause`: pauses the targets that the reason pauses (all, when a target lists no
    /// `pauseReasons`).
    Pause {
        /// The optional `reason`.
        reason: Option<String>,
    },
    /// `resume`: resumes every paused target.
    Resume,
    /// `respond`: stops the targets that stop on `respond` (the response).
    Respond,
    /// `resolve`: stops every target.
    Resolve,
    /// `reopen`: restarts the targets that stop on `resolve`, keeping their counted time.
    Reopen,
    /// `priorityChange`: the ticket is measured as if the new priority had applied from
    /// creation.
    PriorityChange {
        /// The new priority.
        priority: String,
    },
}

impl EventKind {
    /// The event's `type` in the ticket JSON.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::EventKind::Reopen.type_name(), "reopen");
    /// ```
    pub fn type_name(&self) -> &'static str {
        match self {
            EventKind::Pause { .. } => "pause",
            EventKind::Resume => "resume",
            EventKind::Respond => "respond",
            EventKind::Resolve => "resolve",
            EventKind::Reopen => "reopen",
            EventKind::PriorityChange { .. } => "priorityChange",
        }
    }
}

/// One event of a ticket: when, and what.
///
/// # Example
///
/// ```
/// use slaclock::{EventKind, Instant, TicketEvent};
/// let e = TicketEvent { at: Instant::parse("2026-12-07T10:00:00Z").unwrap(), kind: EventKind::Respond };
/// assert_eq!(e.kind.type_name(), "respond");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketEvent {
    /// When it happened.
    pub at: Instant,
    /// What happened.
    pub kind: EventKind,
}

/// A ticket to measure: its service and priority, when it was created, and its events in
/// time order.
///
/// # Example: the JSON form
///
/// ```
/// use slaclock::Ticket;
/// let t = Ticket::from_json(r#"{ "id": 4711, "service": "email", "priority": "P1",
///     "createdAt": "2026-12-04T21:00:00Z", "events": [{ "at": "2026-12-07T09:30:00Z", "type": "respond" }] }"#).unwrap();
/// assert_eq!(t.id, "4711");
/// assert_eq!(t.events.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    /// The ticket's id (a number in the JSON becomes its decimal text).
    pub id: String,
    /// The id of its service in the catalog.
    pub service: String,
    /// Its priority at creation (a key of the version's `targets`).
    pub priority: String,
    /// When it was created: every clock starts here.
    pub created_at: Instant,
    /// Its events, in time order (same-instant events apply in list order).
    pub events: Vec<TicketEvent>,
}

/// A string, or a whole number as its decimal text.
fn text(v: &Value, path: &str) -> Result<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Ok(n.to_string()),
        // A whole number written as a float (`5.0`, `1e3`) is that integer, as in JS.
        Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0) => {
            Ok(crate::json::fmt_number(n.as_f64().unwrap_or(0.0)))
        }
        other => Err(Error::new(ErrorCode::InvalidType, path, format!("expected a string or a whole number, not {}", type_name(other)))),
    }
}

fn required<'a>(obj: &'a Map<String, Value>, path: &str, key: &str) -> Result<&'a Value> {
    optional(obj, key).ok_or_else(|| Error::new(ErrorCode::MissingField, join(path, key), format!("missing field `{key}`")))
}

/// The ticket's id, when it can be read (for the error slot of `evaluate_many`).
pub(crate) fn ticket_id(v: &Value) -> Option<String> {
    v.as_object().and_then(|o| o.get("id")).and_then(|id| text(id, "id").ok())
}

const EVENT_TYPES: &str = "`pause`, `resume`, `respond`, `resolve`, `reopen`, `priorityChange`";

impl Ticket {
    /// Reads a ticket from its JSON value. `id`, `service`, `priority` and `createdAt` are
    /// required; `events` is optional. Instants are ISO 8601 strings with an offset, or
    /// epoch milliseconds. Time order is checked when the ticket is evaluated.
    ///
    /// # Example: a timestamp without offset is not an instant
    ///
    /// ```
    /// use slaclock::Ticket;
    /// let e = Ticket::from_value(&serde_json::json!({ "id": "T-1", "service": "email", "priority": "P1",
    ///     "createdAt": "2026-12-07T09:00:00" })).unwrap_err();
    /// assert_eq!((e.code().as_str(), e.path()), ("NAIVE_TIMESTAMP", "createdAt"));
    /// ```
    pub fn from_value(v: &Value) -> Result<Ticket> {
        let obj = object(v, "")?;
        let id = text(required(obj, "", "id")?, "id")?;
        let service = text(required(obj, "", "service")?, "service")?;
        let priority = text(required(obj, "", "priority")?, "priority")?;
        let created_at = instant_at(required(obj, "", "createdAt")?, "createdAt")?;
        let mut events = Vec::new();
        if let Some(evs) = optional(obj, "events") {
            let list = evs.as_array().ok_or_else(|| crate::json::wrong_type("events", "an array", evs))?;
            events.reserve(list.len());
            for (i, e) in list.iter().enumerate() {
                // Paths are built only for an error: this runs for every event of every ticket.
                events.push(parse_event(e, "").map_err(|err| err.with_prefix(&index("events", i)))?);
            }
        }
        Ok(Ticket { id, service, priority, created_at, events })
    }

    /// Reads a ticket from JSON text.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Ticket;
    /// let e = Ticket::from_json(r#"{ "id": "T-1", "service": "email", "priority": "P1" }"#).unwrap_err();
    /// assert_eq!((e.code().as_str(), e.path()), ("MISSING_FIELD", "createdAt"));
    /// ```
    pub fn from_json(text: &str) -> Result<Ticket> {
        let v: Value = serde_json::from_str(text)
            .map_err(|e| Error::new(ErrorCode::InvalidType, "", format!("ticket is not valid JSON: {e}")))?;
        Ticket::from_value(&v)
    }

    /// `INVALID_TICKET` at `events[i].at` for the first event before `createdAt` or
    /// before the event listed ahead of it.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::Ticket;
    /// let t = Ticket::from_value(&serde_json::json!({ "id": "T-1", "service": "email", "priority": "P1",
    ///     "createdAt": "2026-12-07T09:00:00Z", "events": [
    ///         { "at": "2026-12-07T10:00:00Z", "type": "pause" }, { "at": "2026-12-07T09:30:00Z", "type": "resume" }] })).unwrap();
    /// let e = t.check_order().unwrap_err();
    /// assert_eq!((e.code().as_str(), e.path()), ("INVALID_TICKET", "events[1].at"));
    /// ```
    pub fn check_order(&self) -> Result<()> {
        let mut prev: Option<Instant> = None;
        for (i, e) in self.events.iter().enumerate() {
            let path = || join(&index("events", i), "at");
            if e.at < self.created_at {
                return Err(Error::new(
                    ErrorCode::InvalidTicket,
                    path(),
                    format!("event at `{}` is before the ticket's `createdAt` `{}`", e.at, self.created_at),
                ));
            }
            if let Some(p) = prev {
                if e.at < p {
                    return Err(Error::new(
                        ErrorCode::InvalidTicket,
                        path(),
                        format!("event at `{}` is before the event ahead of it at `{p}`: events must be in time order", e.at),
                    ));
                }
            }
            prev = Some(e.at);
        }
        Ok(())
    }
}

fn parse_event(v: &Value, path: &str) -> Result<TicketEvent> {
    let obj = object(v, path)?;
    let at = instant_at(required(obj, path, "at")?, "").map_err(|e| e.with_prefix(&join(path, "at")))?;
    let tp = || join(path, "type");
    let ty = required(obj, path, "type")?;
    let ty = ty.as_str().ok_or_else(|| Error::new(ErrorCode::InvalidType, tp(), format!("expected a string, not {}", type_name(ty))))?;
    let kind = match ty {
        "pause" => {
            let reason = optional(obj, "reason").map(|r| text(r, &join(path, "reason"))).transpose()?;
            EventKind::Pause { reason }
        }
        "resume" => EventKind::Resume,
        "respond" => EventKind::Respond,
        "resolve" => EventKind::Resolve,
        "reopen" => EventKind::Reopen,
        "priorityChange" => EventKind::PriorityChange { priority: text(required(obj, path, "priority")?, &join(path, "priority"))? },
        other => {
            return Err(Error::new(ErrorCode::InvalidTicket, tp(), format!("unknown event type `{other}`: expected one of {EVENT_TYPES}")))
        }
    };
    Ok(TicketEvent { at, kind })
}
