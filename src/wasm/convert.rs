//! JS values -> core values (instants, dates, durations, JSON documents) and core results
//! -> JS values, every failure a core [`Error`] with the argument's path.
//!
//! JS is read only through functions that catch exceptions (`Reflect.get`,
//! `Object.keys`, ...), so a throwing getter or a revoked `Proxy` is an `INVALID_TYPE`
//! error, never an exception unwinding through Rust.

use crate::{BusinessDuration, Date, Error, ErrorCode, Instant, Result, SpecialDay};
use js_sys::{Array, Float64Array, Function, Object, Reflect};
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn array_is_array(v: &JsValue) -> std::result::Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(v: &JsValue) -> std::result::Result<Array, JsValue>;
    #[wasm_bindgen(js_namespace = ["Date", "prototype"], js_name = getTime, thread_local_v2)]
    static DATE_GET_TIME: Function;
}

/// Documents nested deeper than this are rejected (`TOO_LARGE`): a cycle ends here too.
const MAX_DEPTH: usize = 64;
/// Arrays longer than this inside a document are rejected (`TOO_LARGE`).
const MAX_ARRAY_LEN: f64 = 1_000_000.0;

/// How a value reads in an error message: `a string`, `null`, `a Date`, ...
pub(crate) fn js_type_name(v: &JsValue) -> &'static str {
    if v.is_undefined() {
        "undefined"
    } else if v.is_null() {
        "null"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if v.as_f64().is_some() {
        "a number"
    } else if v.is_string() {
        "a string"
    } else if v.is_bigint() {
        "a bigint"
    } else if v.is_symbol() {
        "a symbol"
    } else if v.is_function() {
        "a function"
    } else if date_epoch_ms(v).is_some() {
        "a Date"
    } else if array_is_array(v).unwrap_or(false) {
        "an array"
    } else {
        "an object"
    }
}

fn wrong_type(path: &str, expected: &str, v: &JsValue) -> Error {
    Error::new(ErrorCode::InvalidType, path, format!("expected {expected}, not {}", js_type_name(v)))
}

/// The text of a caught JS exception.
fn exception_text(e: &JsValue) -> String {
    if let Some(s) = e.as_string() {
        return s;
    }
    match Reflect::get(e, &JsValue::from_str("message")) {
        Ok(m) => m.as_string().unwrap_or_else(|| "an exception".to_string()),
        Err(_) => "an exception".to_string(),
    }
}

fn threw(path: &str, e: &JsValue) -> Error {
    let what = if path.is_empty() { "the value".to_string() } else { format!("`{path}`") };
    Error::new(ErrorCode::InvalidType, path, format!("reading {what} threw: {}", exception_text(e)))
}

/// The time value of a `Date` (also from another realm), by `Date.prototype.getTime`'s
/// own brand check; `None` for anything else. `Some(NaN)` for an Invalid Date.
pub(crate) fn date_epoch_ms(v: &JsValue) -> Option<f64> {
    if !v.is_object() {
        return None;
    }
    let get_time = DATE_GET_TIME.with(Function::clone);
    Reflect::apply(&get_time, v, &Array::new()).ok().and_then(|t| t.as_f64())
}

/// An instant argument: an ISO 8601 string with offset or `Z`, epoch milliseconds, or a
/// `Date`. Errors point at `arg`.
pub(crate) fn instant(v: &JsValue, arg: &str) -> Result<Instant> {
    // Numbers first: epoch milliseconds are the common case in hot loops.
    if let Some(ms) = v.as_f64() {
        return Instant::from_epoch_f64(ms).map_err(|e| e.with_prefix(arg));
    }
    if let Some(s) = v.as_string() {
        return Instant::parse(&s).map_err(|e| e.with_prefix(arg));
    }
    if let Some(ms) = date_epoch_ms(v) {
        if ms.is_nan() {
            return Err(Error::new(ErrorCode::InvalidInstant, arg, "invalid instant `Invalid Date`: the Date has no time value"));
        }
        return Instant::from_epoch_f64(ms).map_err(|e| e.with_prefix(arg));
    }
    Err(wrong_type(arg, "an instant (ISO 8601 string with offset, epoch milliseconds or Date)", v))
}

/// A string argument.
pub(crate) fn string(v: &JsValue, arg: &str, expected: &str) -> Result<String> {
    v.as_string().ok_or_else(|| wrong_type(arg, expected, v))
}

/// A calendar date argument, `YYYY-MM-DD`.
pub(crate) fn date(v: &JsValue, arg: &str) -> Result<Date> {
    let s = string(v, arg, "a date string such as `2026-12-24`")?;
    Date::parse(&s).map_err(|e| e.with_prefix(arg))
}

/// A duration argument: milliseconds, an ISO 8601 string or a duration object.
pub(crate) fn duration(v: &JsValue, arg: &str) -> Result<BusinessDuration> {
    if let Some(f) = v.as_f64() {
        if !f.is_finite() {
            return Err(Error::new(
                ErrorCode::InvalidDuration,
                arg,
                format!("duration `{}` is not a whole number of milliseconds", crate::json::fmt_number(f)),
            ));
        }
        return BusinessDuration::from_value_at(&number(f), arg);
    }
    if v.is_string() || (v.is_object() && !v.is_function()) {
        let value = json(v, arg, ErrorCode::InvalidDuration)?;
        return BusinessDuration::from_value_at(&value, arg);
    }
    Err(wrong_type(arg, "a duration (milliseconds, ISO 8601 string or object)", v))
}

/// A `Float64Array` argument, copied into wasm memory in one go.
pub(crate) fn f64_array(v: &JsValue, arg: &str) -> Result<Vec<f64>> {
    match v.dyn_ref::<Float64Array>() {
        Some(a) => Ok(a.to_vec()),
        None => Err(wrong_type(arg, "a Float64Array", v)),
    }
}

/// A JSON number from a finite `f64`: an integer when it is one (so the core's
/// whole-number checks see it as such).
fn number(f: f64) -> Value {
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        Value::Number(Number::from(f as i64))
    } else {
        Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null)
    }
}

/// A JS value as a JSON document, the way `JSON.stringify` sees it (`toJSON` is called,
/// `undefined` properties are left out, array holes are `null`), except that functions,
/// symbols, bigints and non-finite numbers are errors instead of vanishing. A non-finite
/// number is a `non_finite` error (a bad value, not a bad shape).
pub(crate) fn json(v: &JsValue, path: &str, non_finite: ErrorCode) -> Result<Value> {
    json_at(v, path, non_finite, 0)
}

/// A JSON text, read by the JS engine's `JSON.parse` (so the calendar module carries no
/// JSON parser of its own: ~10 KB brotli of the wasm), as a JSON document. `what` names the document
/// in the error: `calendar is not valid JSON: ...`.
pub(crate) fn json_text(text: &str, what: &str) -> Result<Value> {
    match js_sys::JSON::parse(text) {
        Ok(v) => json(&v, "", ErrorCode::OutOfRange),
        Err(e) => Err(Error::new(ErrorCode::InvalidType, "", format!("{what} is not valid JSON: {}", exception_text(&e)))),
    }
}

fn json_at(v: &JsValue, path: &str, non_finite: ErrorCode, depth: usize) -> Result<Value> {
    if depth > MAX_DEPTH {
        return Err(Error::new(
            ErrorCode::TooLarge,
            path,
            format!("the value is nested deeper than {MAX_DEPTH} levels (is it circular?)"),
        ));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(f) = v.as_f64() {
        if !f.is_finite() {
            return Err(Error::new(non_finite, path, format!("`{}` is not a finite number", crate::json::fmt_number(f))));
        }
        return Ok(number(f));
    }
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if v.is_function() || v.is_symbol() || v.is_bigint() || !v.is_object() {
        return Err(wrong_type(path, "JSON data (object, array, string, number, boolean or null)", v));
    }
    // `toJSON` first, as JSON.stringify does (a Date becomes its ISO string, a
    // BusinessCalendar its spec).
    let to_json = Reflect::get(v, &JsValue::from_str("toJSON")).map_err(|e| threw(path, &e))?;
    if let Some(f) = to_json.dyn_ref::<Function>() {
        let r = f.call0(v).map_err(|e| threw(path, &e))?;
        if r.is_object() && Reflect::get(&r, &JsValue::from_str("toJSON")).map(|t| t.is_function()).unwrap_or(false) {
            return Err(wrong_type(path, "JSON data (its `toJSON` returned another object with `toJSON`)", &r));
        }
        return json_at(&r, path, non_finite, depth + 1);
    }
    if array_is_array(v).map_err(|e| threw(path, &e))? {
        let len = Reflect::get(v, &JsValue::from_str("length")).map_err(|e| threw(path, &e))?.as_f64().unwrap_or(0.0);
        if len > MAX_ARRAY_LEN {
            return Err(Error::new(ErrorCode::TooLarge, path, format!("array of {len} items is longer than {MAX_ARRAY_LEN}")));
        }
        let mut out = Vec::with_capacity(len as usize);
        for i in 0..len as u32 {
            let p = format!("{path}[{i}]");
            let item = Reflect::get_u32(v, i).map_err(|e| threw(&p, &e))?;
            out.push(json_at(&item, &p, non_finite, depth + 1)?);
        }
        return Ok(Value::Array(out));
    }
    let keys = object_keys(v).map_err(|e| threw(path, &e))?;
    let mut map = Map::new();
    for k in keys.iter() {
        let Some(key) = k.as_string() else { continue };
        let p = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
        let item = Reflect::get(v, &k).map_err(|e| threw(&p, &e))?;
        if item.is_undefined() {
            continue;
        }
        map.insert(key, json_at(&item, &p, non_finite, depth + 1)?);
    }
    Ok(Value::Object(map))
}

/// A JSON document as a plain JS value.
pub(crate) fn to_js_value(v: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(a) => a.iter().map(to_js_value).collect::<Array>().into(),
        Value::Object(o) => {
            let obj = Object::new();
            for (k, x) in o {
                set(&obj, k, &to_js_value(x));
            }
            obj.into()
        }
    }
}

/// Sets a property on an object this module created (cannot fail).
pub(crate) fn set(obj: &Object, key: &str, v: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), v);
}

fn opt_str(s: Option<&str>) -> JsValue {
    s.map(JsValue::from_str).unwrap_or(JsValue::NULL)
}

/// `[{ start, end }]`, each an ISO string formatted by `format`.
pub(crate) fn intervals(iv: &[(Instant, Instant)], format: impl Fn(Instant) -> String) -> JsValue {
    iv.iter()
        .map(|&(a, b)| {
            let o = Object::new();
            set(&o, "start", &JsValue::from_str(&format(a)));
            set(&o, "end", &JsValue::from_str(&format(b)));
            JsValue::from(o)
        })
        .collect::<Array>()
        .into()
}

/// `{ date, name, closed, hours, source, preset, path }`, absent values `null`.
pub(crate) fn special_day(d: &SpecialDay) -> JsValue {
    let o = Object::new();
    set(&o, "date", &JsValue::from_str(&d.date.to_string()));
    set(&o, "name", &opt_str(d.name.as_deref()));
    set(&o, "closed", &JsValue::from_bool(d.hours.is_none()));
    let hours = match &d.hours {
        None => JsValue::NULL,
        Some(h) => h
            .to_strings()
            .iter()
            .map(|(a, b)| JsValue::from(Array::of2(&JsValue::from_str(a), &JsValue::from_str(b))))
            .collect::<Array>()
            .into(),
    };
    set(&o, "hours", &hours);
    set(&o, "source", &JsValue::from_str(d.source));
    set(&o, "preset", &opt_str(d.preset));
    set(&o, "path", &JsValue::from_str(&d.path));
    o.into()
}
