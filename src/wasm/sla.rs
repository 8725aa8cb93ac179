//! `class SlaCatalog`: SLA catalogs, the ticket clock, reports, what-if and diff.
//!
//! Documents (catalogs, tickets, options) are plain objects or JSON strings; results are
//! plain objects in the shapes of the Rust types (camelCase, absent values `null`).
//! Large inputs are fastest as JSON text: the package's JS wrapper passes ticket arrays
//! as `JSON.stringify(tickets)` to `evaluateMany` and `whatIf`, and as its UTF-8 bytes
//! (`TextEncoder`, one copy into wasm memory) to `report` and `partialReport`, which
//! read them with the streaming ticket scanner. Only in the `sla` build (`slaclock/sla`).
//!
//! # Example (JS)
//!
//! ```js
//! const catalog = new SlaCatalog(json);
//! const e = catalog.evaluate(ticket, new Date());
//! e.targets[0].status; // 'onTrack' | 'atRisk' | 'paused' | 'breached' | 'met' | 'missed'
//! ```

use super::calendar::JsBusinessCalendar;
use super::convert::{self, instant};
use super::error::{to_js, IntoJsResult};
use crate::report::{rows_to_csv, PartialReport, ReportOptions, ReportRow};
use crate::sla::{EvaluateOptions, Finding, SlaCatalog};
use crate::{Error, ErrorCode, Result};
use js_sys::{Reflect, JSON};
use serde::Serialize;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

thread_local! {
    /// Live catalogs by id, so that an options bag can name another catalog (`catalog`,
    /// `proposed`) without moving it out of its JS object.
    static REGISTRY: RefCell<(u32, HashMap<u32, Rc<SlaCatalog>>)> = RefCell::new((0, HashMap::new()));
}

const ID_KEY: &str = "__slaclockCatalogId";

/// An SLA catalog (the JS class `SlaCatalog`).
#[wasm_bindgen(js_name = SlaCatalog)]
pub struct JsSlaCatalog {
    inner: Rc<SlaCatalog>,
    id: u32,
}

impl Drop for JsSlaCatalog {
    fn drop(&mut self) {
        let id = self.id;
        let _ = REGISTRY.try_with(|r| {
            if let Ok(mut r) = r.try_borrow_mut() {
                r.1.remove(&id);
            }
        });
    }
}

/// A document argument: an object, or a JSON string.
fn document(v: &JsValue, what: &str, path: &str) -> Result<Value> {
    if let Some(text) = v.as_string() {
        return serde_json::from_str(&text)
            .map_err(|e| Error::new(ErrorCode::InvalidType, path, format!("{what} is not valid JSON: {e}")));
    }
    if v.is_object() && !v.is_function() {
        return convert::json(v, path, ErrorCode::OutOfRange);
    }
    Err(Error::new(
        ErrorCode::InvalidType,
        path,
        format!("expected {what} (object or JSON string), not {}", convert::js_type_name(v)),
    ))
}

/// A list of tickets: an array of ticket objects, or its JSON text.
fn tickets(v: &JsValue) -> Result<Vec<Value>> {
    match document(v, "a list of tickets", "tickets")? {
        Value::Array(a) => Ok(a),
        other => Err(Error::new(
            ErrorCode::InvalidType,
            "tickets",
            format!("expected an array of tickets, not {}", crate::json::type_name(&other)),
        )),
    }
}

/// Tickets as JSON text: a string, or its UTF-8 bytes in a `Uint8Array` (what the JS
/// wrapper passes for a report: `TextEncoder` writes them many times faster than the glue
/// copies a long string in); `None` for another value.
fn ticket_text(v: &JsValue) -> Result<Option<String>> {
    if let Some(bytes) = v.dyn_ref::<js_sys::Uint8Array>() {
        return String::from_utf8(bytes.to_vec())
            .map(Some)
            .map_err(|e| Error::new(ErrorCode::InvalidType, "tickets", format!("expected the UTF-8 bytes of JSON text: {e}")));
    }
    Ok(v.as_string())
}

/// A serialisable result as a plain JS value (through JSON text: fast for big results).
fn out<T: Serialize>(v: &T) -> std::result::Result<JsValue, JsValue> {
    let text = serde_json::to_string(v)
        .map_err(|e| to_js(&Error::new(ErrorCode::OutOfRange, "", format!("result cannot be encoded: {e}"))))?;
    JSON::parse(&text)
}

/// The catalog an options bag names (`{ catalog }`, `proposed`), if any.
fn registered(v: &JsValue, path: &str) -> Result<Option<Rc<SlaCatalog>>> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let id = Reflect::get(v, &JsValue::from_str(ID_KEY)).ok().and_then(|x| x.as_f64());
    let found = id.and_then(|id| REGISTRY.with(|r| r.borrow().1.get(&(id as u32)).cloned()));
    match found {
        Some(c) => Ok(Some(c)),
        None => Err(Error::new(
            ErrorCode::InvalidType,
            path,
            format!("expected an SlaCatalog, not {}", convert::js_type_name(v)),
        )),
    }
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    if obj.is_object() {
        Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn version_index(v: &JsValue, path: &str) -> Result<Option<usize>> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    match v.as_f64() {
        Some(f) if f.fract() == 0.0 && (0.0..1e6).contains(&f) => Ok(Some(f as usize)),
        _ => Err(Error::new(ErrorCode::InvalidOption, path, format!("`{path}` must be a whole number >= 0"))),
    }
}

fn check_options(options: &JsValue, allowed: &[&str]) -> Result<()> {
    if options.is_undefined() || options.is_null() {
        return Ok(());
    }
    if !options.is_object() || options.is_function() {
        return Err(Error::new(ErrorCode::InvalidType, "options", format!("expected an options object, not {}", convert::js_type_name(options))));
    }
    let keys = js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>());
    for k in keys.iter() {
        let k = k.as_string().unwrap_or_default();
        if !allowed.contains(&k.as_str()) {
            return Err(Error::new(
                ErrorCode::UnknownField,
                format!("options.{k}"),
                format!("unknown option `{k}`: expected one of {}", allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")),
            ));
        }
    }
    Ok(())
}

/// Report options from a JS options bag (catalog-valued keys removed first).
fn report_options(options: &JsValue, extra: &[&str]) -> Result<ReportOptions> {
    let mut v = document(options, "report options", "options")?;
    if let Value::Object(o) = &mut v {
        for k in extra {
            o.remove(*k);
        }
    }
    ReportOptions::from_value(&v).map_err(|e| e.with_prefix("options"))
}

fn findings_js(f: &[Finding]) -> JsValue {
    out(&f).unwrap_or(JsValue::NULL)
}

#[wasm_bindgen(js_class = SlaCatalog)]
impl JsSlaCatalog {
    /// `new SlaCatalog(json)`: throws a `RangeError` with `code: "INVALID_CATALOG"`, the
    /// first error's `path` and `findings` (every finding) when the catalog has errors.
    #[wasm_bindgen(constructor)]
    pub fn new(json: &JsValue) -> std::result::Result<JsSlaCatalog, JsValue> {
        let v = document(json, "a catalog", "").js()?;
        match SlaCatalog::from_value_with_findings(&v) {
            Ok(c) => {
                let inner = Rc::new(c);
                let id = REGISTRY.with(|r| {
                    let mut r = r.borrow_mut();
                    r.0 = r.0.wrapping_add(1);
                    let id = r.0;
                    r.1.insert(id, inner.clone());
                    id
                });
                Ok(JsSlaCatalog { inner, id })
            }
            Err((e, findings)) => {
                let err = to_js(&e);
                let _ = Reflect::set(&err, &JsValue::from_str("findings"), &findings_js(&findings));
                Err(err)
            }
        }
    }

    /// Every finding of a catalog document (errors and warnings); never throws for an
    /// object or a string.
    pub fn validate(json: &JsValue) -> std::result::Result<JsValue, JsValue> {
        match document(json, "a catalog", "") {
            Ok(v) => Ok(findings_js(&SlaCatalog::validate(&v))),
            Err(e) if json.is_string() => {
                Ok(findings_js(&[Finding { severity: crate::sla::Severity::Error, code: e.code().as_str().to_string(), path: e.path().to_string(), message: e.message().to_string() }]))
            }
            Err(e) => Err(to_js(&e)),
        }
    }

    /// The warnings of this catalog.
    #[wasm_bindgen(getter)]
    pub fn findings(&self) -> JsValue {
        findings_js(self.inner.findings())
    }

    /// Internal: the id that lets options bags refer to this catalog.
    #[wasm_bindgen(getter, js_name = __slaclockCatalogId)]
    pub fn registry_id(&self) -> u32 {
        self.id
    }

    /// The catalog document it was built from.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> JsValue {
        convert::to_js_value(self.inner.source())
    }

    /// The calendar with id `id` as a `BusinessCalendar`, or `null`.
    pub fn calendar(&self, id: &JsValue) -> std::result::Result<Option<JsBusinessCalendar>, JsValue> {
        let id = convert::string(id, "id", "a calendar id").js()?;
        Ok(self.inner.calendar(&id).map(|c| JsBusinessCalendar { inner: c.clone() }))
    }

    /// Measures one ticket at `now`. Options: `{ versionIndex, catalog }`.
    pub fn evaluate(&self, ticket: &JsValue, now: &JsValue, options: &JsValue) -> std::result::Result<JsValue, JsValue> {
        check_options(options, &["versionIndex", "catalog"]).js()?;
        let t = document(ticket, "a ticket", "ticket").js()?;
        let now = instant(now, "now").js()?;
        let other = registered(&get(options, "catalog"), "options.catalog").js()?;
        let opts = EvaluateOptions { version_index: version_index(&get(options, "versionIndex"), "options.versionIndex").js()?, catalog: other.as_deref() };
        out(&self.inner.evaluate(&t, now, &opts).js()?)
    }

    /// Measures many tickets; a bad ticket gives `{ ticketId, error: { code, path, message } }`.
    #[wasm_bindgen(js_name = evaluateMany)]
    pub fn evaluate_many(&self, list: &JsValue, now: &JsValue, options: &JsValue) -> std::result::Result<JsValue, JsValue> {
        check_options(options, &["versionIndex", "catalog"]).js()?;
        let list = tickets(list).js()?;
        let now = instant(now, "now").js()?;
        let other = registered(&get(options, "catalog"), "options.catalog").js()?;
        let opts = EvaluateOptions { version_index: version_index(&get(options, "versionIndex"), "options.versionIndex").js()?, catalog: other.as_deref() };
        // Serialized straight to JSON text: no tree of values per ticket.
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Slot {
            Ok(crate::sla::TicketEvaluation),
            Err(crate::sla::TicketError),
        }
        let results: Vec<Slot> = self
            .inner
            .evaluate_many(&list, now, &opts)
            .into_iter()
            .map(|r| match r {
                Ok(e) => Slot::Ok(e),
                Err(e) => Slot::Err(e),
            })
            .collect();
        out(&results)
    }

    /// The changes from this catalog to `other`: `[{ path, kind, old, new }]`.
    pub fn diff(&self, other: &JsValue) -> std::result::Result<JsValue, JsValue> {
        let other = registered(other, "other").js()?.ok_or_else(|| to_js(&Error::new(ErrorCode::InvalidType, "other", "expected an SlaCatalog, not null")))?;
        out(&self.inner.diff(&other))
    }

    /// A report: `{ rows, totals, errors, ticketsRead, ticketsExcluded }`.
    pub fn report(&self, list: &JsValue, options: &JsValue) -> std::result::Result<JsValue, JsValue> {
        let opts = report_options(options, &[]).js()?;
        if let Some(text) = ticket_text(list).js()? {
            return out(&self.inner.report_json(&text, &opts).js()?);
        }
        let list = tickets(list).js()?;
        out(&self.inner.report(&list, &opts))
    }

    /// The mergeable part of a report over a shard of tickets (a plain object that can be
    /// posted between workers).
    #[wasm_bindgen(js_name = partialReport)]
    pub fn partial_report(&self, list: &JsValue, options: &JsValue) -> std::result::Result<JsValue, JsValue> {
        let opts = report_options(options, &[]).js()?;
        if let Some(text) = ticket_text(list).js()? {
            return out(&self.inner.partial_report_json(&text, &opts).js()?);
        }
        let list = tickets(list).js()?;
        out(&self.inner.partial_report(&list, &opts))
    }

    /// Merges partial reports into one report.
    #[wasm_bindgen(js_name = mergeReports)]
    pub fn merge_reports(partials: &JsValue) -> std::result::Result<JsValue, JsValue> {
        let v = document(partials, "a list of partial reports", "partials").js()?;
        let parts: Vec<PartialReport> = serde_json::from_value(v)
            .map_err(|e| to_js(&Error::new(ErrorCode::InvalidType, "partials", format!("expected partial reports from `partialReport`: {e}"))))?;
        out(&SlaCatalog::merge_reports(&parts).map_err(|e| e.with_prefix("partials")).js()?)
    }

    /// Measures tickets under this catalog and a proposal: `proposed` is another
    /// `SlaCatalog` or `null` (this catalog), `options.proposedVersionIndex` a version to
    /// force; other options as `report`.
    #[wasm_bindgen(js_name = whatIf)]
    pub fn what_if(&self, list: &JsValue, proposed: &JsValue, options: &JsValue) -> std::result::Result<JsValue, JsValue> {
        let proposed = registered(proposed, "proposed").js()?;
        let pv = version_index(&get(options, "proposedVersionIndex"), "options.proposedVersionIndex").js()?;
        let opts = report_options(options, &["proposedVersionIndex"]).js()?;
        if let Some(text) = list.as_string() {
            return out(&self.inner.what_if_json(&text, proposed.as_deref(), pv, &opts).js()?);
        }
        let list = tickets(list).js()?;
        out(&self.inner.what_if(&list, proposed.as_deref(), pv, &opts))
    }

    /// Report rows (or a whole report) as RFC 4180 CSV with a header row.
    #[wasm_bindgen(js_name = reportToCsv)]
    pub fn report_to_csv(rows: &JsValue) -> std::result::Result<String, JsValue> {
        let mut v = document(rows, "report rows", "rows").js()?;
        if let Value::Object(o) = &mut v {
            v = o.remove("rows").unwrap_or(Value::Null);
        }
        let rows: Vec<ReportRow> = serde_json::from_value(v)
            .map_err(|e| to_js(&Error::new(ErrorCode::InvalidType, "rows", format!("expected report rows from `report`: {e}"))))?;
        Ok(rows_to_csv(&rows))
    }
}
