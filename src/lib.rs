//! # slaclock
//!
//! An SLA calendar and deadline engine: business hours in any IANA time zone, one-off
//! exceptional days, recurring exceptional dates and national holiday presets, and exact
//! DST-safe business-time arithmetic with millisecond precision.
//!
//! The meaning of every calculation is documented in `DESIGN.md` (semantics) and the
//! README (formats and API). The core is pure Rust; the WebAssembly binding lives in
//! `src/wasm/` and is compiled only for `wasm32`.
//!
//! # Example: when is this ticket's response due?
//!
//! ```
//! use slaclock::{BusinessCalendar, Instant};
//! let cal = BusinessCalendar::from_json(r#"{
//!     "timeZone": "Europe/Helsinki",
//!     "weekly": { "mon": [["08:00","16:00"]], "tue": [["08:00","16:00"]], "wed": [["08:00","16:00"]],
//!                 "thu": [["08:00","16:00"]], "fri": [["08:00","16:00"]] },
//!     "presets": ["FI"] }"#).unwrap();
//! // Opened Thursday 2026-12-24 15:00 (Christmas Eve is a Finnish holiday, then
//! // Christmas Day and Boxing Day): 2 business hours later is Monday 09:00.
//! let due = cal.add(Instant::parse("2026-12-23T15:00:00+02:00").unwrap(), 2 * 3_600_000).unwrap();
//! assert_eq!(cal.format(due), "2026-12-28T09:00:00+02:00");
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod arith;
mod calendar;
mod civil;
mod day_units;
mod duration;
mod error;
mod instant;
mod json;
pub mod presets;
pub mod report;
mod rules;
mod schedule;
mod sort;
pub mod sla;
mod spec;
mod special;
mod posix_tz;
mod tzif;
mod zone;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use calendar::BusinessCalendar;
pub use civil::{parse_wall_time, CivilDateTime, Date, Weekday};
pub use duration::{parse_iso_duration, BusinessDuration, MAX_DURATION_MS};
pub use error::{Error, ErrorCode, Result};
pub use instant::Instant;
pub use report::{
    rows_to_csv, Breach, DurationSketch, DurationStats, GroupBy, GroupKey, PartialReport, Period, Report, ReportOptions,
    ReportRow, StatusChange, WhatIfReport, WhatIfRow, CSV_COLUMNS,
};
pub use rules::{easter_sunday, Observed, RecurringRule, RuleDate, RuleSource};
pub use schedule::{DayEffect, DaySource, Exception, Hours};
pub use sla::{
    Change, ChangeKind, EvaluateOptions, EventKind, Finding, Severity, SlaCatalog, TargetEvaluation, TargetStatus, Ticket,
    TicketError, TicketEvaluation, TicketEvent, WarningEvaluation,
};
pub use special::{SpecialDay, MAX_SPECIAL_DAYS_RANGE};
pub use zone::{Disambiguation, LocalResolution, Zone};
