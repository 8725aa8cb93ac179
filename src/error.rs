//! The one error type of the engine.
//!
//! Every error carries a stable [`ErrorCode`], a `path` into the input that caused it
//! (`weekly.tue[1].end`, `exceptions[2].from`, or empty for a call argument) and a
//! message that names the bad value in backticks and says what was expected.

use std::fmt;

/// A stable, machine-readable error code. The string form (`INVALID_TIME_ZONE`, ...) is
/// part of the public contract: it never changes once published.
///
/// # Example
///
/// ```
/// use slaclock::ErrorCode;
/// assert_eq!(ErrorCode::InvalidTimeZone.as_str(), "INVALID_TIME_ZONE");
/// assert!(ErrorCode::InvalidType.is_type_error());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// A time zone name that is not an IANA id known to the tz database.
    InvalidTimeZone,
    /// A wall-clock time that is not `HH:MM`, `HH:MM:SS` or `HH:MM:SS.mmm` in range.
    InvalidWallTime,
    /// Two intervals of one day overlap (an overnight spill counts for the next day).
    OverlappingIntervals,
    /// An interval whose start equals its end.
    EmptyInterval,
    /// A calendar that is never open.
    NoOpenTime,
    /// A timestamp without an offset or `Z`: not an instant.
    NaiveTimestamp,
    /// A value outside the supported range (years 0001 to 9999, or a result past them).
    OutOfRange,
    /// Two rules or exceptions that give one date different special hours.
    ConflictingRules,
    /// A calendar date that is malformed or does not exist (`2026-02-30`).
    InvalidDate,
    /// A recurring rule whose fields do not describe a date (Feb 30, `nth: 0`, ...).
    InvalidRule,
    /// A preset id that is not one of the built-in presets.
    UnknownPreset,
    /// A duration that cannot be parsed or is not allowed where it is used.
    InvalidDuration,
    /// A timestamp string that is not ISO 8601, or a number that is not a finite integer.
    InvalidInstant,
    /// A local date-time that does not exist in the zone (with `disambiguation: "reject"`).
    NonexistentLocalTime,
    /// A local date-time that occurs twice in the zone (with `disambiguation: "reject"`).
    AmbiguousLocalTime,
    /// An option value that is not one of the allowed values.
    InvalidOption,
    /// A value of the wrong JSON/JS type (a string where an array was expected, ...).
    InvalidType,
    /// A required field is absent.
    MissingField,
    /// A field that the format does not have (usually a typo).
    UnknownField,
    /// A request whose answer would be too large to return (`openIntervals` over centuries).
    TooLarge,
    /// An SLA catalog with errors (see its findings).
    InvalidCatalog,
    /// An SLA catalog reference (service level, calendar, service) that does not exist.
    UnknownReference,
    /// Two items of one kind with the same id.
    DuplicateId,
    /// A ticket whose events are not in time order or start before the ticket.
    InvalidTicket,
    /// An SLA target definition that is not usable.
    InvalidTarget,
    /// Effective-dated versions that overlap or are out of order.
    InvalidVersions,
    /// The WebAssembly module was used before it was initialised.
    NotInitialized,
}

impl ErrorCode {
    /// The stable string form of the code.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(slaclock::ErrorCode::OutOfRange.as_str(), "OUT_OF_RANGE");
    /// ```
    pub fn as_str(self) -> &'static str {
        use ErrorCode::*;
        match self {
            InvalidTimeZone => "INVALID_TIME_ZONE",
            InvalidWallTime => "INVALID_WALL_TIME",
            OverlappingIntervals => "OVERLAPPING_INTERVALS",
            EmptyInterval => "EMPTY_INTERVAL",
            NoOpenTime => "NO_OPEN_TIME",
            NaiveTimestamp => "NAIVE_TIMESTAMP",
            OutOfRange => "OUT_OF_RANGE",
            ConflictingRules => "CONFLICTING_RULES",
            InvalidDate => "INVALID_DATE",
            InvalidRule => "INVALID_RULE",
            UnknownPreset => "UNKNOWN_PRESET",
            InvalidDuration => "INVALID_DURATION",
            InvalidInstant => "INVALID_INSTANT",
            NonexistentLocalTime => "NONEXISTENT_LOCAL_TIME",
            AmbiguousLocalTime => "AMBIGUOUS_LOCAL_TIME",
            InvalidOption => "INVALID_OPTION",
            InvalidType => "INVALID_TYPE",
            MissingField => "MISSING_FIELD",
            UnknownField => "UNKNOWN_FIELD",
            TooLarge => "TOO_LARGE",
            InvalidCatalog => "INVALID_CATALOG",
            UnknownReference => "UNKNOWN_REFERENCE",
            DuplicateId => "DUPLICATE_ID",
            InvalidTicket => "INVALID_TICKET",
            InvalidTarget => "INVALID_TARGET",
            InvalidVersions => "INVALID_VERSIONS",
            NotInitialized => "NOT_INITIALIZED",
        }
    }

    /// Whether the code describes a wrong *shape* (a JS `TypeError`) rather than a bad
    /// value (a JS `RangeError`).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::ErrorCode;
    /// assert!(ErrorCode::MissingField.is_type_error());
    /// assert!(!ErrorCode::InvalidWallTime.is_type_error());
    /// ```
    pub fn is_type_error(self) -> bool {
        matches!(
            self,
            ErrorCode::InvalidType | ErrorCode::MissingField | ErrorCode::UnknownField
        )
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error of the engine: a stable code, a path into the input and a message.
///
/// # Example: a bad closing time names its path
///
/// ```
/// use slaclock::BusinessCalendar;
/// let err = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"tue":[["08:00","12:00"],["13:00","25:00"]]}}"#)
///     .unwrap_err();
/// assert_eq!(err.code().as_str(), "INVALID_WALL_TIME");
/// assert_eq!(err.path(), "weekly.tue[1].end");
/// assert_eq!(err.message(), "invalid wall time `25:00`: expected HH:MM or HH:MM:SS from 00:00 to 24:00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    path: String,
    message: String,
}

impl Error {
    /// Makes an error from its parts.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Error, ErrorCode};
    /// let e = Error::new(ErrorCode::OutOfRange, "", "result is past year 9999");
    /// assert_eq!(e.to_string(), "OUT_OF_RANGE: result is past year 9999");
    /// ```
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Error {
        Error { code, path: path.into(), message: message.into() }
    }

    /// The stable code.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Error, ErrorCode};
    /// assert_eq!(Error::new(ErrorCode::NoOpenTime, "", "x").code(), ErrorCode::NoOpenTime);
    /// ```
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The path into the input (`weekly.tue[1].end`); empty when the error is about a
    /// call argument rather than a part of a document.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Error, ErrorCode};
    /// assert_eq!(Error::new(ErrorCode::NoOpenTime, "weekly", "x").path(), "weekly");
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The human-readable message: lowercase, the bad value in backticks.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Error, ErrorCode};
    /// assert_eq!(Error::new(ErrorCode::NoOpenTime, "", "never open").message(), "never open");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The same error with `prefix` put in front of its path
    /// (`weekly.mon` under `calendars[0]` becomes `calendars[0].weekly.mon`).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Error, ErrorCode};
    /// let e = Error::new(ErrorCode::EmptyInterval, "weekly.mon[0]", "x").with_prefix("calendars[0]");
    /// assert_eq!(e.path(), "calendars[0].weekly.mon[0]");
    /// let e = Error::new(ErrorCode::EmptyInterval, "[0]", "x").with_prefix("calendars");
    /// assert_eq!(e.path(), "calendars[0]");
    /// ```
    pub fn with_prefix(mut self, prefix: &str) -> Error {
        if prefix.is_empty() {
            return self;
        }
        self.path = if self.path.is_empty() {
            prefix.to_string()
        } else if self.path.starts_with('[') {
            format!("{prefix}{}", self.path)
        } else {
            format!("{prefix}.{}", self.path)
        };
        self
    }

    pub(crate) fn out_of_range(path: impl Into<String>, message: impl Into<String>) -> Error {
        Error::new(ErrorCode::OutOfRange, path, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.code, self.message)
        } else {
            write!(f, "{} at `{}`: {}", self.code, self.path, self.message)
        }
    }
}

impl std::error::Error for Error {}

/// The result type of the engine.
///
/// # Example
///
/// ```
/// fn parse(s: &str) -> slaclock::Result<slaclock::Instant> { slaclock::Instant::parse(s) }
/// assert!(parse("2026-01-01T00:00:00Z").is_ok());
/// ```
pub type Result<T> = std::result::Result<T, Error>;

/// Joins a path and a key: `join("weekly", "mon")` is `weekly.mon`.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Joins a path and an index: `index("weekly.mon", 1)` is `weekly.mon[1]`.
pub(crate) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}
