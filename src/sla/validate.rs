//! Validation findings of an SLA catalog: errors (the catalog cannot be built) and
//! warnings (it can, but a service manager should look), each with a stable code and the
//! path of the value it is about.

use super::catalog::{Clock, Model, Target, Version};
use crate::duration::BusinessDuration;
use crate::error::{join, Error};
use serde::Serialize;

/// How serious a [`Finding`] is: an `error` stops the catalog from being built, a
/// `warning` does not.
///
/// # Example
///
/// ```
/// use slaclock::Severity;
/// assert_eq!(serde_json::to_value(Severity::Warning).unwrap(), "warning");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// The catalog is not usable: `SlaCatalog::from_value` fails with `INVALID_CATALOG`.
    Error,
    /// The catalog is usable but probably not what was meant.
    Warning,
}

/// One problem in an SLA catalog: `{ severity, code, path, message }`.
///
/// Error codes are the engine's [`ErrorCode`](crate::ErrorCode) strings (`DUPLICATE_ID`,
/// `UNKNOWN_REFERENCE`, `INVALID_TARGET`, a calendar's own codes, ...). Warning codes are
/// the constants of [`Finding`]: [`Finding::RESPONSE_LONGER_THAN_RESOLUTION`],
/// [`Finding::PRIORITY_INVERSION`], [`Finding::PRIORITY_DROPPED`],
/// [`Finding::UNUSED_SERVICE_LEVEL`] and [`Finding::UNKNOWN_FIELD`].
///
/// # Example: a service that points at a service level that does not exist
///
/// ```
/// use slaclock::{Finding, Severity, SlaCatalog};
/// let findings = SlaCatalog::validate(&serde_json::json!({
///     "calendars": [{ "id": "office", "timeZone": "UTC", "weekly": { "mon": [["09:00","17:00"]] } }],
///     "serviceLevels": [],
///     "services": [{ "id": "email", "serviceLevel": "gold", "calendar": "office" }] }));
/// assert_eq!(findings, [Finding {
///     severity: Severity::Error,
///     code: "UNKNOWN_REFERENCE".into(),
///     path: "services[0].serviceLevel".into(),
///     message: "unknown service level `gold`: the catalog has no service levels".into(),
/// }]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// `error` or `warning`.
    pub severity: Severity,
    /// A stable code: an [`ErrorCode`](crate::ErrorCode) string for errors, one of the
    /// warning constants of [`Finding`] for warnings.
    pub code: String,
    /// The path of the value in the catalog JSON (`serviceLevels[0].versions[1].targets.P1.response.duration`).
    pub path: String,
    /// What is wrong: lowercase, the bad value in backticks.
    pub message: String,
}

impl Finding {
    /// Warning: a `response` target longer than the `resolution` target of the same
    /// priority (fixed durations on the same clock only).
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Finding, SlaCatalog};
    /// let f = SlaCatalog::validate(&serde_json::json!({
    ///     "calendars": [{ "id": "c", "timeZone": "UTC", "weekly": { "mon": [["09:00","17:00"]] } }],
    ///     "serviceLevels": [{ "id": "gold", "versions": [{ "effectiveFrom": "2026-01-01T00:00:00Z", "calendar": "c",
    ///         "targets": { "P1": { "response": { "duration": "PT5H" }, "resolution": { "duration": "PT4H" } } } }] }],
    ///     "services": [{ "id": "s", "serviceLevel": "gold" }] }));
    /// assert_eq!(f[0].code, Finding::RESPONSE_LONGER_THAN_RESOLUTION);
    /// assert_eq!(f[0].path, "serviceLevels[0].versions[0].targets.P1.response.duration");
    /// ```
    pub const RESPONSE_LONGER_THAN_RESOLUTION: &'static str = "RESPONSE_LONGER_THAN_RESOLUTION";
    /// Warning: a lower priority (larger number: P3 below P2) with a stricter (shorter)
    /// target than the next higher priority that has that target (fixed durations on the
    /// same clock only).
    ///
    /// # Example: P2 answers faster than P1
    ///
    /// ```
    /// use slaclock::{Finding, SlaCatalog};
    /// let f = SlaCatalog::validate(&serde_json::json!({
    ///     "calendars": [{ "id": "c", "timeZone": "UTC", "weekly": { "mon": [["09:00","17:00"]] } }],
    ///     "serviceLevels": [{ "id": "gold", "versions": [{ "effectiveFrom": "2026-01-01T00:00:00Z", "calendar": "c",
    ///         "targets": { "P1": { "response": { "duration": "PT2H" } }, "P2": { "response": { "duration": "PT1H" } } } }] }],
    ///     "services": [{ "id": "s", "serviceLevel": "gold" }] }));
    /// assert_eq!(f[0].code, Finding::PRIORITY_INVERSION);
    /// assert_eq!(f[0].message, "`P2` response target `PT1H` is stricter than the higher priority `P1` (`PT2H`)");
    /// ```
    pub const PRIORITY_INVERSION: &'static str = "PRIORITY_INVERSION";
    /// Warning: a priority with targets in one version and none in the next.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Finding, SlaCatalog};
    /// let f = SlaCatalog::validate(&serde_json::json!({
    ///     "calendars": [{ "id": "c", "timeZone": "UTC", "weekly": { "mon": [["09:00","17:00"]] } }],
    ///     "serviceLevels": [{ "id": "gold", "versions": [
    ///         { "effectiveFrom": "2026-01-01T00:00:00Z", "calendar": "c", "targets": { "P4": { "resolution": { "duration": "P5D" } } } },
    ///         { "effectiveFrom": "2027-01-01T00:00:00Z", "calendar": "c", "targets": {} }] }],
    ///     "services": [{ "id": "s", "serviceLevel": "gold" }] }));
    /// assert_eq!((f[0].code.as_str(), f[0].path.as_str()), (Finding::PRIORITY_DROPPED, "serviceLevels[0].versions[1].targets"));
    /// ```
    pub const PRIORITY_DROPPED: &'static str = "PRIORITY_DROPPED";
    /// Warning: a service level that no service uses.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Finding, SlaCatalog};
    /// let f = SlaCatalog::validate(&serde_json::json!({ "serviceLevels": [{ "id": "bronze", "versions": [
    ///     { "effectiveFrom": "2026-01-01T00:00:00Z", "targets": {} }] }] }));
    /// assert_eq!((f[0].code.as_str(), f[0].path.as_str()), (Finding::UNUSED_SERVICE_LEVEL, "serviceLevels[0]"));
    /// ```
    pub const UNUSED_SERVICE_LEVEL: &'static str = "UNUSED_SERVICE_LEVEL";
    /// Warning: a field the catalog format does not have (often a typo); it is ignored.
    ///
    /// # Example: a typo in `pauseReasons`
    ///
    /// ```
    /// use slaclock::{Finding, SlaCatalog};
    /// let f = SlaCatalog::validate(&serde_json::json!({ "services": [], "serviceLevels": [{ "id": "gold", "versions": [
    ///     { "effectiveFrom": "2026-01-01T00:00:00Z",
    ///       "targets": { "P1": { "resolution": { "duration": "PT4H", "pauseReason": ["x"] } } } }] }] }));
    /// assert_eq!((f[0].code.as_str(), f[0].path.as_str()),
    ///     (Finding::UNKNOWN_FIELD, "serviceLevels[0].versions[0].targets.P1.resolution.pauseReason"));
    /// ```
    pub const UNKNOWN_FIELD: &'static str = "UNKNOWN_FIELD";

    /// Whether this finding is an error.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Finding, Severity};
    /// let f = Finding { severity: Severity::Warning, code: Finding::UNUSED_SERVICE_LEVEL.into(),
    ///                   path: "serviceLevels[1]".into(), message: "x".into() };
    /// assert!(!f.is_error());
    /// ```
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Collects findings while a catalog is read.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    pub findings: Vec<Finding>,
}

impl Collector {
    pub fn error(&mut self, e: Error) {
        self.findings.push(Finding {
            severity: Severity::Error,
            code: e.code().as_str().to_string(),
            path: e.path().to_string(),
            message: e.message().to_string(),
        });
    }

    pub fn warning(&mut self, code: &str, path: impl Into<String>, message: impl Into<String>) {
        self.findings.push(Finding {
            severity: Severity::Warning,
            code: code.to_string(),
            path: path.into(),
            message: message.into(),
        });
    }

    /// The value, or `None` after recording the error.
    pub fn ok<T>(&mut self, r: crate::error::Result<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(e);
                None
            }
        }
    }
}

/// The number of a priority key: `P1` -> 1, `2` -> 2, `Priority 3` -> 3; `None` when
/// the key does not end in a number after a letter prefix.
pub(crate) fn priority_number(key: &str) -> Option<u64> {
    let digits_at = key.find(|c: char| c.is_ascii_digit())?;
    let (prefix, digits) = key.split_at(digits_at);
    if !prefix.chars().all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-' || c == '_') {
        return None;
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The fixed length of a target, for comparisons (day units are not compared).
fn fixed(t: &Target) -> Option<(Clock, i64)> {
    match t.duration {
        BusinessDuration::Millis(ms) => Some((t.clock, ms)),
        _ => None,
    }
}

/// The warnings of one version's targets: response vs resolution, and priority inversions.
pub(crate) fn check_version(v: &Version, col: &mut Collector) {
    for (prio, targets) in &v.targets {
        let find = |name: &str| targets.iter().find(|t| t.name == name);
        if let (Some(resp), Some(res)) = (find("response"), find("resolution")) {
            if let (Some((c1, a)), Some((c2, b))) = (fixed(resp), fixed(res)) {
                if c1 == c2 && a > b {
                    col.warning(
                        Finding::RESPONSE_LONGER_THAN_RESOLUTION,
                        join(&resp.path, "duration"),
                        format!(
                            "`{prio}` response target `{}` is longer than its resolution target `{}`",
                            resp.duration_text, res.duration_text
                        ),
                    );
                }
            }
        }
    }
    // Priority inversions: per target name, priorities ordered by number, adjacent pairs.
    let mut numbered: Vec<(u64, &String, &Vec<Target>)> = v
        .targets
        .iter()
        .filter_map(|(k, ts)| priority_number(k).map(|n| (n, k, ts)))
        .collect();
    crate::sort::sort_by(&mut numbered, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut names: Vec<&str> = numbered.iter().flat_map(|(_, _, ts)| ts.iter().map(|t| t.name.as_str())).collect();
    crate::sort::sort(&mut names);
    names.dedup();
    for name in names {
        let mut higher: Option<(&String, &Target)> = None;
        for (_, prio, ts) in &numbered {
            let Some(t) = ts.iter().find(|t| t.name == name) else { continue };
            if let Some((hp, ht)) = higher {
                if let (Some((c1, hi)), Some((c2, lo))) = (fixed(ht), fixed(t)) {
                    if c1 == c2 && lo < hi {
                        col.warning(
                            Finding::PRIORITY_INVERSION,
                            join(&t.path, "duration"),
                            format!(
                                "`{prio}` {name} target `{}` is stricter than the higher priority `{hp}` (`{}`)",
                                t.duration_text, ht.duration_text
                            ),
                        );
                    }
                }
            }
            higher = Some((prio, t));
        }
    }
}

/// The warnings that need the whole catalog: dropped priorities and unused service levels.
pub(crate) fn check_catalog(model: &Model, used_levels: &[String], col: &mut Collector) {
    for level in &model.levels {
        for (i, pair) in level.versions.windows(2).enumerate() {
            for prio in pair[0].targets.keys() {
                if !pair[0].targets[prio].is_empty() && !pair[1].targets.get(prio).is_some_and(|t| !t.is_empty()) {
                    col.warning(
                        Finding::PRIORITY_DROPPED,
                        join(&pair[1].path, "targets"),
                        format!(
                            "priority `{prio}` has targets in version {i} of service level `{}` but none in version {}: its tickets get no targets",
                            level.id,
                            i + 1
                        ),
                    );
                }
            }
        }
        if !used_levels.contains(&level.id) {
            col.warning(
                Finding::UNUSED_SERVICE_LEVEL,
                level.path.clone(),
                format!("service level `{}` is not used by any service", level.id),
            );
        }
    }
}
