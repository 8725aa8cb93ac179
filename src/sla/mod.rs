//! SLA catalogs and the ticket SLA clock (SEMANTICS.md "SLA clock").
//!
//! A **catalog** holds business calendars (the calendar JSON plus an `id`), service levels
//! and services:
//!
//! ```json
//! { "calendars": [ { "id": "helsinki-office", "timeZone": "Europe/Helsinki",
//!                    "weekly": { "mon": [["08:00","16:00"]] }, "presets": ["FI"] } ],
//!   "serviceLevels": [
//!     { "id": "gold", "name": "Gold",
//!       "versions": [
//!         { "effectiveFrom": "2026-01-01T00:00:00+02:00", "calendar": "helsinki-office",
//!           "warnAt": [0.75, 0.9],
//!           "targets": {
//!             "P1": { "response":   { "duration": { "hours": 1 } },
//!                     "resolution": { "duration": { "hours": 4 }, "pauseReasons": ["waitingForCustomer"] } },
//!             "P3": { "resolution": { "duration": { "endOfBusinessDay": 2 } },
//!                     "followUp":   { "duration": "PT48H", "clock": "calendar", "stopOn": "respond" } } } },
//!         { "effectiveFrom": "2026-09-01T00:00:00+03:00", "calendar": "helsinki-office", "targets": {} } ] } ],
//!   "services": [ { "id": "email", "name": "E-mail", "serviceLevel": "gold", "calendar": "helsinki-office" } ] }
//! ```
//!
//! - `calendars`, `serviceLevels`, `services`: lists (absent = empty). Every item may
//!   also have `name` and `description`; other unknown keys give an `UNKNOWN_FIELD`
//!   warning and are ignored (inside a calendar they are the calendar's own
//!   `UNKNOWN_FIELD` error).
//! - A version: `effectiveFrom` (required), `effectiveTo` (optional, exclusive),
//!   `calendar`, `warnAt` (fractions in `(0, 1]` for every target), `targets` (required:
//!   priority -> target name -> target). Versions are in strictly increasing order of
//!   `effectiveFrom` and do not overlap.
//! - A target: `duration` (every duration form: ms, object, ISO 8601, `businessDays`,
//!   `endOfBusinessDay`; positive), `clock` (`business` default, or `calendar` = 24x7
//!   real time), `warnAt` (overrides the version's), `stopOn` (`respond` default for
//!   `response`, `resolve` for every other name), `pauseReasons` (only those pause
//!   reasons pause it; an empty list: nothing pauses it; absent: every pause does).
//! - A service: `serviceLevel` (required), `calendar` (overrides its versions'; required
//!   when a version has none).
//!
//! A **ticket** is `{ id, service, priority, createdAt, events: [{ at, type, ... }] }` with
//! event types `pause` (optional `reason`), `resume`, `respond`, `resolve`, `reopen` and
//! `priorityChange` (with `priority`); see [`Ticket`].
//!
//! # Example: a P1 response in Helsinki office hours
//!
//! ```
//! use slaclock::{EvaluateOptions, Instant, SlaCatalog, TargetStatus};
//! use serde_json::json;
//! let h = json!([["08:00","16:00"]]);
//! let catalog = SlaCatalog::from_value(&json!({
//!     "calendars": [{ "id": "office", "timeZone": "Europe/Helsinki",
//!         "weekly": { "mon": h, "tue": h, "wed": h, "thu": h, "fri": h } }],
//!     "serviceLevels": [{ "id": "gold", "versions": [{ "effectiveFrom": "2026-01-01T00:00:00+02:00",
//!         "calendar": "office", "warnAt": [0.75],
//!         "targets": { "P1": { "response": { "duration": { "hours": 1 } } } } }] }],
//!     "services": [{ "id": "email", "serviceLevel": "gold" }] })).unwrap();
//! let ticket = json!({ "id": "T-1", "service": "email", "priority": "P1",
//!                      "createdAt": "2026-12-04T15:30:00+02:00" });
//! let now = Instant::parse("2026-12-07T08:20:00+02:00").unwrap();
//! let response = &catalog.evaluate(&ticket, now, &EvaluateOptions::default()).unwrap().targets[0];
//! assert_eq!(response.status, TargetStatus::AtRisk);
//! assert_eq!(response.due.as_deref(), Some("2026-12-07T08:30:00+02:00"));
//! assert_eq!(response.warnings[0].at.as_deref(), Some("2026-12-07T08:15:00+02:00"));
//! ```

mod catalog;
mod clock;
mod diff;
mod evaluate;
mod read;
pub(crate) mod ticket;
mod validate;

pub use catalog::SlaCatalog;
pub use diff::{Change, ChangeKind};
pub use evaluate::{EvaluateOptions, TargetEvaluation, TargetStatus, TicketError, TicketEvaluation, WarningEvaluation};
pub use ticket::{EventKind, Ticket, TicketEvent};
pub use validate::{Finding, Severity};
