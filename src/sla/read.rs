//! Reading the catalog JSON into the [`Model`]: every part that can be read is read, and
//! every problem is collected as a [`Finding`] with its path (unknown keys are warnings,
//! the rest errors), rather than stopping at the first.

use super::catalog::{Clock, Model, Service, ServiceLevel, StopOn, Target, Version};
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
