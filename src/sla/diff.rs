//! What changed between two catalogs, for the review before a new agreement takes effect.
//!
//! Items are matched by what identifies them, not by position: calendars, service levels
//! and services by `id` (`calendars["office"]`), versions by `effectiveFrom`, exceptions by
//! their date or range (`exceptions["2026-12-24"]`), rules by `name` (else by content),
//! presets by id. Durations are compared by meaning (`"PT1H"` and `{ "hours": 1 }` are the
//! same), and a `clock` or `stopOn` left at its default equals the default written out.

use super::catalog::{instant_at, SlaCatalog};
use crate::duration::BusinessDuration;
use crate::error::join;
use serde::Serialize;
use serde_json::{Map, Value};

/// The kind of a [`Change`].
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_value(slaclock::ChangeKind::Added).unwrap(), "added");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ChangeKind {
    /// Present only in the new catalog (`old` is `null`).
    Added,
    /// Present only in the old catalog (`new` is `null`).
    Removed,
    /// Present in both with different values.
    Changed,
}

/// One difference between two catalogs: `{ path, kind, old, new }`.
///
/// # Example: the annual review tightens the P1 response
///
/// ```
/// use slaclock::{Change, ChangeKind, SlaCatalog};
/// use serde_json::json;
/// let make = |resp: &str| SlaCatalog::from_value(&json!({
///     "calendars": [{ "id": "office", "timeZone": "UTC", "weekly": { "mon": [["09:00","17:00"]] } }],
///     "serviceLevels": [{ "id": "gold", "versions": [{ "effectiveFrom": "2026-01-01T00:00:00Z", "calendar": "office",
///         "targets": { "P1": { "response": { "duration": resp } } } }] }],
///     "services": [{ "id": "email", "serviceLevel": "gold" }] })).unwrap();
/// let changes = make("PT1H").diff(&make("PT30M"));
/// assert_eq!(changes, [Change { path: r#"serviceLevels["gold"].versions[0].targets.P1.response.duration"#.into(),
///     kind: ChangeKind::Changed, old: json!("PT1H"), new: json!("PT30M") }]);
/// assert!(make("PT1H").diff(&make("PT60M")).is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// Where: `calendars["office"].weekly.mon`,
    /// `serviceLevels["gold"].versions[1].targets.P1.response.duration`,
    /// `services["email"].calendar` (a version's index is the new catalog's, or the old
    /// one's for a removed version).
    pub path: String,
    /// `added`, `removed` or `changed`.
    pub kind: ChangeKind,
    /// The old value, `null` when added.
    pub old: Value,
    /// The new value, `null` when removed.
    pub new: Value,
}

impl SlaCatalog {
    /// The changes from this catalog to `other`: targets, hours, exceptions, rules,
    /// presets, links (a service's service level and calendar, a version's calendar) and
    /// versions. Old items first in their order (changed or removed), then added ones.
    ///
    /// # Example: a new version for the annual review
    ///
    /// ```
    /// use slaclock::{ChangeKind, SlaCatalog};
    /// use serde_json::json;
    /// let v0 = json!({ "effectiveFrom": "2026-01-01T00:00:00Z", "calendar": "office", "targets": {} });
    /// let v1 = json!({ "effectiveFrom": "2027-01-01T00:00:00Z", "calendar": "office", "targets": {} });
    /// let make = |versions: serde_json::Value| SlaCatalog::from_value(&json!({
    ///     "calendars": [{ "id": "office", "timeZone": "UTC", "weekly": { "mon": [["09:00","17:00"]] } }],
    ///     "serviceLevels": [{ "id": "gold", "versions": versions }],
    ///     "services": [{ "id": "email", "serviceLevel": "gold" }] })).unwrap();
    /// let changes = make(json!([v0.clone()])).diff(&make(json!([v0, v1.clone()])));
    /// assert_eq!(changes.len(), 1);
    /// assert_eq!((changes[0].path.as_str(), changes[0].kind), (r#"serviceLevels["gold"].versions[1]"#, ChangeKind::Added));
    /// assert_eq!(changes[0].new, v1);
    /// ```
    pub fn diff(&self, other: &SlaCatalog) -> Vec<Change> {
        let mut out = Vec::new();
        diff_catalog(&self.source, &other.source, &mut out);
        out
    }
}

fn push(out: &mut Vec<Change>, path: String, old: Option<&Value>, new: Option<&Value>) {
    let kind = match (old, new) {
        (None, Some(_)) => ChangeKind::Added,
        (Some(_), None) => ChangeKind::Removed,
        _ => ChangeKind::Changed,
    };
    out.push(Change { path, kind, old: old.cloned().unwrap_or(Value::Null), new: new.cloned().unwrap_or(Value::Null) });
}

fn present<'a>(obj: Option<&'a Map<String, Value>>, key: &str) -> Option<&'a Value> {
    obj?.get(key).filter(|v| !v.is_null())
}

/// Generic: objects by key, anything else as a whole.
fn diff_value(path: &str, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<Change>) {
    match (old, new) {
        (None, None) => {}
        (Some(Value::Object(a)), Some(Value::Object(b))) => diff_object(path, a, b, out, &mut |p, _, o, n, out| diff_value(p, o, n, out)),
        (o, n) if o != n => push(out, path.to_string(), o, n),
        _ => {}
    }
}

/// Diffs one matched item: `(path, old, new, out)`.
type ItemFn<'f> = dyn FnMut(&str, &Value, &Value, &mut Vec<Change>) + 'f;

type KeyFn<'f> = dyn FnMut(&str, &str, Option<&Value>, Option<&Value>, &mut Vec<Change>) + 'f;

/// Every key of either object (old order, then new-only keys), handed to `f`.
fn diff_object(path: &str, a: &Map<String, Value>, b: &Map<String, Value>, out: &mut Vec<Change>, f: &mut KeyFn<'_>) {
    let mut keys: Vec<&String> = a.keys().collect();
    keys.extend(b.keys().filter(|k| !a.contains_key(*k)));
    for k in keys {
        f(&join(path, k), k, present(Some(a), k), present(Some(b), k), out);
    }
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// Two lists matched by a key: matched items go to `f`, the rest are added or removed.
/// `path_of(key, index)` names an item.
fn diff_keyed(
    old: &[Value],
    new: &[Value],
    key: &dyn Fn(&Value, usize) -> String,
    path_of: &dyn Fn(&str, usize) -> String,
    out: &mut Vec<Change>,
    f: &mut ItemFn<'_>,
) {
    let new_keys: Vec<String> = new.iter().enumerate().map(|(i, v)| key(v, i)).collect();
    let mut used = vec![false; new.len()];
    for (i, o) in old.iter().enumerate() {
        let k = key(o, i);
        match (0..new.len()).find(|&j| !used[j] && new_keys[j] == k) {
            Some(j) => {
                used[j] = true;
                f(&path_of(&k, j), o, &new[j], out);
            }
            None => push(out, path_of(&k, i), Some(o), None),
        }
    }
    for (j, n) in new.iter().enumerate() {
        if !used[j] {
            push(out, path_of(&new_keys[j], j), None, Some(n));
        }
    }
}

fn list<'a>(obj: Option<&'a Map<String, Value>>, key: &str) -> &'a [Value] {
    present(obj, key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

fn id_key(v: &Value, i: usize) -> String {
    v.get("id").and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| format!("#{i}"))
}

fn diff_catalog(old: &Value, new: &Value, out: &mut Vec<Change>) {
    let empty = Map::new();
    let (a, b) = (old.as_object().unwrap_or(&empty), new.as_object().unwrap_or(&empty));
    diff_object("", a, b, out, &mut |path, key, o, n, out| {
        let item: fn(&str, &Value, &Value, &mut Vec<Change>) = match key {
            "calendars" => diff_calendar,
            "serviceLevels" => diff_level,
            "services" => |p, o, n, out| diff_value(p, Some(o), Some(n), out),
            _ => return diff_value(path, o, n, out),
        };
        match (as_list(o), as_list(n)) {
            (Some(ol), Some(nl)) => {
                diff_keyed(ol, nl, &id_key, &|k, _| format!("{path}[{}]", quoted(k)), out, &mut |p, o, n, out| item(p, o, n, out))
            }
            _ => diff_value(path, o, n, out),
        }
    });
}

fn as_list(v: Option<&Value>) -> Option<&[Value]> {
    match v {
        None => Some(&[]),
        Some(Value::Array(l)) => Some(l.as_slice()),
        Some(_) => None,
    }
}

fn diff_calendar(path: &str, old: &Value, new: &Value, out: &mut Vec<Change>) {
    let (Some(a), Some(b)) = (old.as_object(), new.as_object()) else { return diff_value(path, Some(old), Some(new), out) };
    diff_object(path, a, b, out, &mut |p, key, o, n, out| match key {
        "exceptions" => {
            let key = |v: &Value, i: usize| match (v.get("date"), v.get("from"), v.get("to")) {
                (Some(Value::String(d)), _, _) => d.clone(),
                (_, Some(Value::String(f)), Some(Value::String(t))) => format!("{f}..{t}"),
                _ => format!("#{i}"),
            };
            diff_keyed(list(Some(a), "exceptions"), list(Some(b), "exceptions"), &key, &|k, _| format!("{p}[{}]", quoted(k)), out, &mut |p, o, n, out| {
                if o != n {
                    push(out, p.to_string(), Some(o), Some(n));
                }
            });
        }
        "rules" => {
            let key = |v: &Value, _: usize| match v.get("name") {
                Some(Value::String(n)) => n.clone(),
                _ => v.to_string(),
            };
            diff_keyed(list(Some(a), "rules"), list(Some(b), "rules"), &key, &|k, _| format!("{p}[{}]", quoted(k)), out, &mut |p, o, n, out| {
                if o != n {
                    push(out, p.to_string(), Some(o), Some(n));
                }
            });
        }
        "presets" => {
            let key = |v: &Value, _: usize| v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string());
            diff_keyed(list(Some(a), "presets"), list(Some(b), "presets"), &key, &|k, _| format!("{p}[{}]", quoted(k)), out, &mut |_, _, _, _| {});
        }
        _ => diff_value(p, o, n, out),
    });
}

fn diff_level(path: &str, old: &Value, new: &Value, out: &mut Vec<Change>) {
    let (Some(a), Some(b)) = (old.as_object(), new.as_object()) else { return diff_value(path, Some(old), Some(new), out) };
    diff_object(path, a, b, out, &mut |p, key, o, n, out| match key {
        "versions" => {
            let key = |v: &Value, i: usize| match v.get("effectiveFrom").and_then(|f| instant_at(f, "").ok()) {
                Some(t) => t.epoch_milliseconds().to_string(),
                None => format!("#{i}"),
            };
            diff_keyed(list(Some(a), "versions"), list(Some(b), "versions"), &key, &|_, i| format!("{p}[{i}]"), out, &mut diff_version);
        }
        _ => diff_value(p, o, n, out),
    });
}

fn diff_version(path: &str, old: &Value, new: &Value, out: &mut Vec<Change>) {
    let (Some(a), Some(b)) = (old.as_object(), new.as_object()) else { return diff_value(path, Some(old), Some(new), out) };
    diff_object(path, a, b, out, &mut |p, key, o, n, out| match (key, o, n) {
        ("effectiveFrom", Some(x), Some(y)) if same_instant(x, y) => {}
        ("effectiveTo", Some(x), Some(y)) if same_instant(x, y) => {}
        ("targets", Some(Value::Object(ta)), Some(Value::Object(tb))) => {
            diff_object(p, ta, tb, out, &mut |pp, _, o, n, out| match (o, n) {
                (Some(Value::Object(pa)), Some(Value::Object(pb))) => {
                    diff_object(pp, pa, pb, out, &mut |tp, name, o, n, out| match (o, n) {
                        (Some(Value::Object(xa)), Some(Value::Object(xb))) => diff_target(tp, name, xa, xb, out),
                        _ => diff_value(tp, o, n, out),
                    })
                }
                _ => diff_value(pp, o, n, out),
            })
        }
        _ => diff_value(p, o, n, out),
    });
}

fn same_instant(a: &Value, b: &Value) -> bool {
    matches!((instant_at(a, ""), instant_at(b, "")), (Ok(x), Ok(y)) if x == y)
}

fn diff_target(path: &str, name: &str, a: &Map<String, Value>, b: &Map<String, Value>, out: &mut Vec<Change>) {
    let default_stop = if name == "response" { "respond" } else { "resolve" };
    diff_object(path, a, b, out, &mut |p, key, o, n, out| {
        let same = match key {
            "duration" => match (o, n) {
                (Some(x), Some(y)) => matches!(
                    (BusinessDuration::from_value(x), BusinessDuration::from_value(y)),
                    (Ok(d1), Ok(d2)) if d1 == d2
                ),
                _ => o == n,
            },
            "clock" => o.and_then(Value::as_str).unwrap_or("business") == n.and_then(Value::as_str).unwrap_or("business"),
            "stopOn" => o.and_then(Value::as_str).unwrap_or(default_stop) == n.and_then(Value::as_str).unwrap_or(default_stop),
            _ => {
                diff_value(p, o, n, out);
                true
            }
        };
        if !same {
            push(out, p.to_string(), o, n);
        }
    });
}
