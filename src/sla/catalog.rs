//! The SLA catalog: its JSON format read into a model (calendars, service levels with
//! effective-dated versions and targets per priority, services), with every problem
//! reported as a [`Finding`] instead of stopping at the first one.

use super::validate::{check_catalog, check_version, Collector, Finding};
use crate::calendar::BusinessCalendar;
use crate::duration::BusinessDuration;
use crate::error::{index, join, Error, ErrorCode, Result};
use crate::instant::Instant;
use crate::json::{array, items, object, optional, string, type_name, wrong_type};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

const CATALOG_KEYS: &[&str] = &["calendars", "serviceLevels", "services", "name", "description"];
const LEVEL_KEYS: &[&str] = &["id", "name", "description", "versions"];
const VERSION_KEYS: &[&str] = &["effectiveFrom", "effectiveTo", "calendar", "warnAt", "targets", "name", "description"];
const TARGET_KEYS: &[&str] = &["duration", "clock", "warnAt", "stopOn", "pauseReasons", "name", "description"];
const SERVICE_KEYS: &[&str] = &["id", "name", "description", "serviceLevel", "calendar"];

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

/// `x` as shown in a message: a string without its quotes, anything else as JSON.
pub(crate) fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// An instant in a document: an ISO 8601 string with offset, or epoch milliseconds.
pub(crate) fn instant_at(v: &Value, path: &str) -> Result<Instant> {
    match v {
        Value::String(s) => Instant::parse(s).map_err(|e| e.with_prefix(path)),
        Value::Number(n) => Instant::from_epoch_f64(n.as_f64().unwrap_or(f64::NAN)).map_err(|e| e.with_prefix(path)),
        other => Err(wrong_type(path, "an instant (ISO 8601 with offset, or epoch milliseconds)", other)),
    }
}

fn missing(path: &str, key: &str, why: &str) -> Error {
    Error::new(ErrorCode::MissingField, join(path, key), format!("missing field `{key}`{why}"))
}

fn warn_unknown_keys(obj: &Map<String, Value>, path: &str, allowed: &[&str], col: &mut Collector) {
    for (k, v) in obj {
        if !allowed.contains(&k.as_str()) && !v.is_null() {
            col.warning(
                Finding::UNKNOWN_FIELD,
                join(path, k),
                format!(
                    "unknown field `{k}` is ignored: expected one of {}",
                    allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")
                ),
            );
        }
    }
}

/// A required string id.
fn id_of(obj: &Map<String, Value>, path: &str, col: &mut Collector) -> Option<String> {
    match optional(obj, "id") {
        None => {
            col.error(missing(path, "id", ""));
            None
        }
        Some(v) => col.ok(string(v, &join(path, "id")).map(str::to_string)),
    }
}

fn one_of(ids: &[String], plural: &str) -> String {
    if ids.is_empty() {
        format!("the catalog has no {plural}")
    } else {
        let shown: Vec<String> = ids.iter().take(20).map(|i| format!("`{i}`")).collect();
        let more = if ids.len() > 20 { format!(" and {} more", ids.len() - 20) } else { String::new() };
        format!("expected one of {}{more}", shown.join(", "))
    }
}

/// A reference to an item of one kind: its index, or an `UNKNOWN_REFERENCE` error.
fn reference(v: &Value, path: &str, ids: &[String], kind: &str, plural: &str) -> Result<usize> {
    let id = string(v, path)?;
    ids.iter().position(|i| i == id).ok_or_else(|| {
        Error::new(ErrorCode::UnknownReference, path, format!("unknown {kind} `{id}`: {}", one_of(ids, plural)))
    })
}

fn duplicate(ids: &[(String, String)], id: &str, path: &str, kind: &str) -> Option<Error> {
    ids.iter().find(|(i, _)| i == id).map(|(_, first)| {
        Error::new(ErrorCode::DuplicateId, join(path, "id"), format!("duplicate {kind} id `{id}`: already used at `{first}`"))
    })
}

/// Warning thresholds: fractions in `(0, 1]`, not repeated; returned ascending.
fn warn_at(v: &Value, path: &str) -> Result<Vec<f64>> {
    let mut out: Vec<f64> = Vec::new();
    for (_, x, p) in items(v, path)? {
        let f = x.as_f64().ok_or_else(|| wrong_type(&p, "a number", x))?;
        if !(f > 0.0 && f <= 1.0) {
            return Err(Error::new(
                ErrorCode::InvalidTarget,
                p,
                format!("warning threshold `{x}` is out of range: expected a fraction of the target above 0 and at most 1 (0.75 = 75 %)"),
            ));
        }
        if out.contains(&f) {
            return Err(Error::new(ErrorCode::InvalidTarget, p, format!("warning threshold `{x}` is repeated")));
        }
        out.push(f);
    }
    crate::sort::sort_by(&mut out, |a, b| a.total_cmp(b));
    Ok(out)
}

/// Reads a whole catalog; the model holds every part that could be read.
pub(crate) fn analyze(v: &Value) -> (Model, Collector) {
    let mut col = Collector::default();
    let mut model = Model::default();
    let Some(obj) = col.ok(object(v, "")) else { return (model, col) };
    warn_unknown_keys(obj, "", CATALOG_KEYS, &mut col);
    let list = |key: &str, col: &mut Collector| -> Vec<Value> {
        match optional(obj, key) {
            None => Vec::new(),
            Some(l) => col.ok(array(l, key).cloned()).unwrap_or_default(),
        }
    };
    let calendars = list("calendars", &mut col);
    let levels = list("serviceLevels", &mut col);
    let services = list("services", &mut col);

    // Calendars.
    let mut seen: Vec<(String, String)> = Vec::new();
    for (i, c) in calendars.iter().enumerate() {
        let path = index("calendars", i);
        let Some(cobj) = col.ok(object(c, &path)) else { continue };
        let id = id_of(cobj, &path, &mut col);
        if let Some(id) = &id {
            if let Some(e) = duplicate(&seen, id, &path, "calendar") {
                col.error(e);
            } else {
                seen.push((id.clone(), path.clone()));
            }
        }
        let cal = col.ok(BusinessCalendar::from_value(c).map_err(|e| e.with_prefix(&path)));
        if let Some(id) = id {
            if model.calendar_index(&id).is_none() {
                model.calendars.push((id, cal.map(Arc::new)));
            }
        }
    }
    let calendar_ids: Vec<String> = model.calendars.iter().map(|(id, _)| id.clone()).collect();

    // Service level ids first, so services can refer to any of them.
    let level_ids: Vec<String> = {
        let mut ids: Vec<String> = Vec::new();
        for l in &levels {
            if let Some(id) = l.get("id").and_then(Value::as_str) {
                if !ids.iter().any(|i| i == id) {
                    ids.push(id.to_string());
                }
            }
        }
        ids
    };
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut level_of_id: HashMap<String, usize> = HashMap::new();
    for (i, l) in levels.iter().enumerate() {
        let path = index("serviceLevels", i);
        let Some(lobj) = col.ok(object(l, &path)) else { continue };
        warn_unknown_keys(lobj, &path, LEVEL_KEYS, &mut col);
        let mut id = id_of(lobj, &path, &mut col);
        if let Some(x) = &id {
            if let Some(e) = duplicate(&seen, x, &path, "service level") {
                col.error(e);
                id = None;
            } else {
                seen.push((x.clone(), path.clone()));
            }
        }
        let versions = parse_versions(lobj, &path, &calendar_ids, &mut col);
        if let Some(id) = id {
            level_of_id.insert(id.clone(), model.levels.len());
            model.levels.push(ServiceLevel { id, versions, path });
        }
    }

    // Services.
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut used_levels: Vec<String> = Vec::new();
    for (i, s) in services.iter().enumerate() {
        let path = index("services", i);
        let Some(sobj) = col.ok(object(s, &path)) else { continue };
        warn_unknown_keys(sobj, &path, SERVICE_KEYS, &mut col);
        let id = id_of(sobj, &path, &mut col);
        if let Some(id) = &id {
            if let Some(e) = duplicate(&seen, id, &path, "service") {
                col.error(e);
            } else {
                seen.push((id.clone(), path.clone()));
            }
        }
        let shown_id = id.clone().unwrap_or_else(|| path.clone());
        let level = match optional(sobj, "serviceLevel") {
            None => {
                col.error(missing(&path, "serviceLevel", ": every service needs a service level"));
                None
            }
            Some(lv) => {
                if let Some(s) = lv.as_str() {
                    used_levels.push(s.to_string());
                }
                col.ok(reference(lv, &join(&path, "serviceLevel"), &level_ids, "service level", "service levels"))
            }
        };
        let calendar = match optional(sobj, "calendar") {
            None => None,
            Some(cv) => match col.ok(reference(cv, &join(&path, "calendar"), &calendar_ids, "calendar", "calendars")) {
                Some(c) => Some(c),
                None => continue,
            },
        };
        let Some(level) = level else { continue };
        // A level whose id is not a string has no entry; its errors are reported already.
        let Some(&level_idx) = level_of_id.get(&level_ids[level]) else { continue };
        if calendar.is_none() {
            let l = &model.levels[level_idx];
            if let Some(vi) = l.versions.iter().position(|v| v.calendar.is_none()) {
                col.error(Error::new(
                    ErrorCode::MissingField,
                    join(&path, "calendar"),
                    format!(
                        "service `{shown_id}` has no `calendar` and version {vi} of service level `{}` has none either: give the service or every version a calendar",
                        l.id
                    ),
                ));
                continue;
            }
        }
        if let Some(id) = id {
            model.services.push(Service { id, level: level_idx, calendar });
        }
    }

    // Whole-catalog warnings.
    for l in &model.levels {
        for v in &l.versions {
            check_version(v, &mut col);
        }
    }
    check_catalog(&model, &used_levels, &mut col);
    (model, col)
}

/// A version whose `effectiveFrom` could be read, for the order checks.
struct Dated {
    index: usize,
    from: Instant,
    from_text: String,
    to: Option<(Instant, String)>,
}

fn parse_versions(lobj: &Map<String, Value>, path: &str, calendar_ids: &[String], col: &mut Collector) -> Vec<Version> {
    let vpath = join(path, "versions");
    let Some(vs) = optional(lobj, "versions") else {
        col.error(missing(path, "versions", ": a service level needs at least one version"));
        return Vec::new();
    };
    let Some(list) = col.ok(array(vs, &vpath)) else { return Vec::new() };
    if list.is_empty() {
        col.error(Error::new(ErrorCode::InvalidVersions, vpath, "a service level needs at least one version, not an empty list"));
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut dated: Vec<Dated> = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let p = index(&vpath, i);
        let Some(vobj) = col.ok(object(v, &p)) else { continue };
        warn_unknown_keys(vobj, &p, VERSION_KEYS, col);
        let from = match optional(vobj, "effectiveFrom") {
            None => {
                col.error(missing(&p, "effectiveFrom", ""));
                None
            }
            Some(f) => col.ok(instant_at(f, &join(&p, "effectiveFrom"))).map(|t| (t, shown(f))),
        };
        let to = optional(vobj, "effectiveTo").and_then(|t| col.ok(instant_at(t, &join(&p, "effectiveTo"))).map(|x| (x, shown(t))));
        if let (Some((f, ft)), Some((t, tt))) = (&from, &to) {
            if t <= f {
                col.error(Error::new(
                    ErrorCode::InvalidVersions,
                    join(&p, "effectiveTo"),
                    format!("`effectiveTo` `{tt}` is not after `effectiveFrom` `{ft}`"),
                ));
            }
        }
        if let Some((f, ft)) = &from {
            dated.push(Dated { index: i, from: *f, from_text: ft.clone(), to: to.clone() });
        }
        let calendar = optional(vobj, "calendar")
            .and_then(|c| col.ok(reference(c, &join(&p, "calendar"), calendar_ids, "calendar", "calendars")));
        let version_warn = optional(vobj, "warnAt").and_then(|w| col.ok(warn_at(w, &join(&p, "warnAt"))));
        let mut targets = BTreeMap::new();
        match optional(vobj, "targets") {
            None => col.error(missing(&p, "targets", ": give targets per priority, `{}` for none")),
            Some(tv) => {
                let tp = join(&p, "targets");
                if let Some(tobj) = col.ok(object(tv, &tp)) {
                    for (prio, pv) in tobj {
                        let pp = join(&tp, prio);
                        let Some(pobj) = col.ok(object(pv, &pp)) else { continue };
                        let mut list: Vec<Target> = Vec::new();
                        for (name, t) in pobj {
                            if let Some(t) = parse_target(name, t, &join(&pp, name), version_warn.as_deref(), col) {
                                list.push(t);
                            }
                        }
                        let rank = |n: &str| match n {
                            "response" => 0,
                            "resolution" => 1,
                            _ => 2,
                        };
                        crate::sort::sort_by(&mut list, |a, b| (rank(&a.name), &a.name).cmp(&(rank(&b.name), &b.name)));
                        targets.insert(prio.clone(), list);
                    }
                }
            }
        }
        out.push(Version {
            effective_from: from.map(|f| f.0).unwrap_or(Instant::MIN),
            effective_to: to.map(|t| t.0),
            calendar,
            targets,
            path: p,
        });
    }
    for w in dated.windows(2) {
        let Dated { index: i0, from: f0, from_text: ft0, to: to0 } = &w[0];
        let Dated { index: i1, from: f1, from_text: ft1, .. } = &w[1];
        let p = join(&index(&vpath, *i1), "effectiveFrom");
        if f1 <= f0 {
            col.error(Error::new(
                ErrorCode::InvalidVersions,
                p,
                format!("version {i1} takes effect at `{ft1}`, not after version {i0} (`{ft0}`): versions must be in order of `effectiveFrom`"),
            ));
        } else if let Some((t0, tt0)) = to0 {
            if t0 > f1 {
                col.error(Error::new(
                    ErrorCode::InvalidVersions,
                    p,
                    format!("version {i1} takes effect at `{ft1}`, before version {i0} ends at `{tt0}`: versions must not overlap"),
                ));
            }
        }
    }
    out
}

fn parse_target(name: &str, v: &Value, path: &str, version_warn: Option<&[f64]>, col: &mut Collector) -> Option<Target> {
    let obj = col.ok(object(v, path))?;
    warn_unknown_keys(obj, path, TARGET_KEYS, col);
    let mut ok = true;
    let dpath = join(path, "duration");
    let duration = match optional(obj, "duration") {
        None => {
            col.error(missing(path, "duration", ""));
            None
        }
        Some(d) => match BusinessDuration::from_value_at(d, &dpath) {
            Ok(BusinessDuration::Millis(ms)) if ms <= 0 => {
                col.error(Error::new(
                    ErrorCode::InvalidTarget,
                    dpath.clone(),
                    format!("target duration `{}` is not positive: a target needs a duration above zero", shown(d)),
                ));
                None
            }
            Ok(x) => Some((x, shown(d))),
            Err(e) => {
                col.error(e);
                None
            }
        },
    };
    let clock = match optional(obj, "clock") {
        None => Clock::Business,
        Some(c) => {
            let cp = join(path, "clock");
            match col.ok(string(c, &cp)) {
                Some("business") => Clock::Business,
                Some("calendar") => Clock::Calendar,
                Some(other) => {
                    col.error(Error::new(
                        ErrorCode::InvalidTarget,
                        cp,
                        format!("unknown clock `{other}`: expected `business` or `calendar`"),
                    ));
                    ok = false;
                    Clock::Business
                }
                None => {
                    ok = false;
                    Clock::Business
                }
            }
        }
    };
    let stop_on = match optional(obj, "stopOn") {
        None if name == "response" => StopOn::Respond,
        None => StopOn::Resolve,
        Some(s) => {
            let sp = join(path, "stopOn");
            match col.ok(string(s, &sp)) {
                Some("respond") => StopOn::Respond,
                Some("resolve") => StopOn::Resolve,
                Some(other) => {
                    col.error(Error::new(
                        ErrorCode::InvalidTarget,
                        sp,
                        format!("unknown stop event `{other}`: expected `respond` or `resolve`"),
                    ));
                    ok = false;
                    StopOn::Resolve
                }
                None => {
                    ok = false;
                    StopOn::Resolve
                }
            }
        }
    };
    let warn = match optional(obj, "warnAt") {
        None => version_warn.map(<[f64]>::to_vec).unwrap_or_default(),
        Some(w) => match col.ok(warn_at(w, &join(path, "warnAt"))) {
            Some(w) => w,
            None => {
                ok = false;
                Vec::new()
            }
        },
    };
    let pause_reasons = match optional(obj, "pauseReasons") {
        None => None,
        Some(r) => {
            let rp = join(path, "pauseReasons");
            let mut out = Vec::new();
            match col.ok(items(r, &rp)) {
                Some(it) => {
                    for (_, x, p) in it {
                        match x.as_str() {
                            Some(s) => out.push(s.to_string()),
                            None => {
                                col.error(Error::new(ErrorCode::InvalidType, p, format!("expected a string, not {}", type_name(x))));
                                ok = false;
                            }
                        }
                    }
                }
                None => ok = false,
            }
            Some(out)
        }
    };
    let (duration, duration_text) = duration?;
    if !ok {
        return None;
    }
    Some(Target {
        name: name.to_string(),
        duration,
        duration_text,
        clock,
        warn_at: warn,
        stop_on,
        pause_reasons,
        path: path.to_string(),
    })
}
