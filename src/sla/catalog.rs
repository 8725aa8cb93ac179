//! The SLA catalog: its JSON format read into a model (calendars, service levels with
//! effective-dated versions and targets per priority, services), with every problem
//! reported as a [`Finding`] instead of stopping at the first one (the reading is in
//! `read.rs`, the checks across parts in `validate.rs`).

pub(crate) use super::read::instant_at;
use super::read::analyze;
use super::validate::Finding;
use crate::calendar::BusinessCalendar;
use crate::duration::BusinessDuration;
use crate::error::{Error, ErrorCode, Result};
use crate::instant::Instant;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What a target's clock counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clock {
    /// Open time of the calendar.
    Business,
    /// Real time, 24x7.
    Calendar,
}

/// The ticket event that stops a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StopOn {
    Respond,
    Resolve,
}

/// One target of one priority in one version.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    pub name: String,
    pub duration: BusinessDuration,
    /// The duration as written, for messages.
    pub duration_text: String,
    pub clock: Clock,
    /// Warning thresholds (fractions), ascending; the target's own or the version's.
    pub warn_at: Vec<f64>,
    pub stop_on: StopOn,
    /// `None`: every pause pauses the target.
    pub pause_reasons: Option<Vec<String>>,
    /// `serviceLevels[0].versions[1].targets.P1.response`.
    pub path: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Version {
    pub effective_from: Instant,
    pub effective_to: Option<Instant>,
    /// Index into the catalog's calendars.
    pub calendar: Option<usize>,
    /// Targets per priority, `response` first, then `resolution`, then by name.
    pub targets: BTreeMap<String, Vec<Target>>,
    pub path: String,
}

#[derive(Debug, Clone)]
pub(crate) struct ServiceLevel {
    pub id: String,
    pub versions: Vec<Version>,
    pub path: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Service {
    pub id: String,
    /// Index into the catalog's service levels.
    pub level: usize,
    /// Index into the catalog's calendars (overrides the version's).
    pub calendar: Option<usize>,
}

/// The parsed catalog (complete only when there are no error findings).
#[derive(Debug, Clone, Default)]
pub(crate) struct Model {
    pub calendars: Vec<(String, Option<Arc<BusinessCalendar>>)>,
    pub levels: Vec<ServiceLevel>,
    pub services: Vec<Service>,
}

impl Model {
    pub fn calendar_index(&self, id: &str) -> Option<usize> {
        self.calendars.iter().position(|(c, _)| c == id)
    }
}

/// An SLA catalog: business calendars, service levels (effective-dated versions of
/// targets per priority) and services linked to a service level and a calendar.
/// Built once, cheap to share (`Send + Sync`); evaluates tickets with
/// [`SlaCatalog::evaluate`].
///
/// # Example: the response target of a P1 ticket
///
/// ```
/// use slaclock::{EvaluateOptions, Instant, SlaCatalog};
/// use serde_json::json;
/// let catalog = SlaCatalog::from_value(&json!({
///     "calendars": [{ "id": "office", "timeZone": "Europe/Helsinki",
///                     "weekly": { "mon": [["08:00","16:00"]], "tue": [["08:00","16:00"]] } }],
///     "serviceLevels": [{ "id": "gold", "versions": [{
///         "effectiveFrom": "2026-01-01T00:00:00+02:00", "calendar": "office",
///         "targets": { "P1": { "response": { "duration": { "hours": 1 } } } } }] }],
///     "services": [{ "id": "email", "serviceLevel": "gold" }] })).unwrap();
/// let ticket = json!({ "id": "T-1", "service": "email", "priority": "P1",
///                      "createdAt": "2026-12-07T15:30:00+02:00" });
/// let now = Instant::parse("2026-12-07T15:45:00+02:00").unwrap();
/// let eval = catalog.evaluate(&ticket, now, &EvaluateOptions::default()).unwrap();
/// assert_eq!(eval.targets[0].due.as_deref(), Some("2026-12-08T08:30:00+02:00"));
/// ```
#[derive(Debug, Clone)]
pub struct SlaCatalog {
    pub(crate) model: Model,
    pub(crate) warnings: Vec<Finding>,
    pub(crate) source: Value,
}

impl SlaCatalog {
    /// Builds a catalog from its JSON value. `INVALID_CATALOG` when any finding is an
    /// error: the error's path is the first error's path and its message repeats the first
    /// error's message; [`SlaCatalog::validate`] (or
    /// [`SlaCatalog::from_value_with_findings`]) lists all of them.
    ///
    /// # Example: a bad closing time in a calendar
    ///
    /// ```
    /// use slaclock::SlaCatalog;
    /// let v = serde_json::json!({ "calendars": [{ "id": "office", "timeZone": "UTC",
    ///     "weekly": { "tue": [["08:00","12:00"], ["13:00","25:00"]] } }] });
    /// let e = SlaCatalog::from_value(&v).unwrap_err();
    /// assert_eq!(e.code().as_str(), "INVALID_CATALOG");
    /// assert_eq!(e.path(), "calendars[0].weekly.tue[1].end");
    /// assert_eq!(e.message(), "invalid catalog: invalid wall time `25:00`: expected HH:MM or HH:MM:SS from 00:00 to 24:00");
    /// ```
    pub fn from_value(v: &Value) -> Result<SlaCatalog> {
        SlaCatalog::from_value_with_findings(v).map_err(|(e, _)| e)
    }

    /// Like [`SlaCatalog::from_value`], but a failure also hands back every finding
    /// (errors and warnings, in document order), so a binding can attach them to the error.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::SlaCatalog;
    /// let v = serde_json::json!({ "services": [{ "id": "a" }, { "id": "a" }] });
    /// let (e, findings) = SlaCatalog::from_value_with_findings(&v).unwrap_err();
    /// assert_eq!(e.path(), "services[0].serviceLevel");
    /// assert_eq!(findings.len(), 3);
    /// assert_eq!(findings[1].code, "DUPLICATE_ID");
    /// ```
    pub fn from_value_with_findings(v: &Value) -> std::result::Result<SlaCatalog, (Error, Vec<Finding>)> {
        let (model, col) = analyze(v);
        let errors = col.findings.iter().filter(|f| f.is_error()).count();
        if let Some(first) = col.findings.iter().find(|f| f.is_error()) {
            let more = match errors {
                1 => String::new(),
                2 => " (and 1 more error)".to_string(),
                n => format!(" (and {} more errors)", n - 1),
            };
            let e = Error::new(
                ErrorCode::InvalidCatalog,
                first.path.clone(),
                format!("invalid catalog: {}{more}", first.message),
            );
            return Err((e, col.findings));
        }
        Ok(SlaCatalog { model, warnings: col.findings, source: v.clone() })
    }

    /// Builds a catalog from JSON text (see [`SlaCatalog::from_value`]).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::SlaCatalog;
    /// let c = SlaCatalog::from_json(r#"{ "calendars": [], "serviceLevels": [], "services": [] }"#).unwrap();
    /// assert!(c.findings().is_empty());
    /// assert_eq!(SlaCatalog::from_json("{").unwrap_err().code().as_str(), "INVALID_TYPE");
    /// ```
    pub fn from_json(text: &str) -> Result<SlaCatalog> {
        let v: Value = serde_json::from_str(text)
            .map_err(|e| Error::new(ErrorCode::InvalidType, "", format!("catalog is not valid JSON: {e}")))?;
        SlaCatalog::from_value(&v)
    }

    /// Every problem of a catalog JSON value, errors and warnings, in document order
    /// (errors and warnings found while reading first, then the whole-catalog warnings).
    /// Never panics and never stops at the first problem, so an editor can show them all.
    ///
    /// # Example: a target that never ends and an unused service level
    ///
    /// ```
    /// use slaclock::SlaCatalog;
    /// let findings = SlaCatalog::validate(&serde_json::json!({
    ///     "calendars": [{ "id": "office", "timeZone": "UTC", "weekly": { "mon": [["09:00","17:00"]] } }],
    ///     "serviceLevels": [{ "id": "gold", "versions": [{ "effectiveFrom": "2026-01-01T00:00:00Z",
    ///         "calendar": "office", "targets": { "P1": { "response": { "duration": 0 } } } }] }] }));
    /// let got: Vec<(&str, &str)> = findings.iter().map(|f| (f.code.as_str(), f.path.as_str())).collect();
    /// assert_eq!(got, [("INVALID_TARGET", "serviceLevels[0].versions[0].targets.P1.response.duration"),
    ///                  ("UNUSED_SERVICE_LEVEL", "serviceLevels[0]")]);
    /// ```
    pub fn validate(v: &Value) -> Vec<Finding> {
        analyze(v).1.findings
    }

    /// The warnings of a built catalog (it has no errors).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::SlaCatalog;
    /// let c = SlaCatalog::from_value(&serde_json::json!({ "calendars": [], "serviceLevels": [], "services": [],
    ///     "owner": "ops" })).unwrap();
    /// assert_eq!(c.findings()[0].code, "UNKNOWN_FIELD");
    /// assert_eq!(c.findings()[0].path, "owner");
    /// ```
    pub fn findings(&self) -> &[Finding] {
        &self.warnings
    }

    /// The JSON the catalog was built from.
    ///
    /// # Example
    ///
    /// ```
    /// let c = slaclock::SlaCatalog::from_json(r#"{ "name": "2026 agreement" }"#).unwrap();
    /// assert_eq!(c.source()["name"], "2026 agreement");
    /// ```
    pub fn source(&self) -> &Value {
        &self.source
    }

    /// A calendar of the catalog by id.
    ///
    /// # Example
    ///
    /// ```
    /// let c = slaclock::SlaCatalog::from_json(r#"{ "calendars": [{ "id": "office", "timeZone": "Europe/Helsinki",
    ///     "weekly": { "mon": [["08:00","16:00"]] } }] }"#).unwrap();
    /// assert_eq!(c.calendar("office").unwrap().time_zone(), "Europe/Helsinki");
    /// assert!(c.calendar("home").is_none());
    /// ```
    pub fn calendar(&self, id: &str) -> Option<&BusinessCalendar> {
        let i = self.model.calendar_index(id)?;
        self.model.calendars[i].1.as_deref()
    }
}
