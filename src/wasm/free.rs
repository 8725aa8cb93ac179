//! Free functions: `toZoned`, `fromLocal`, `presets`, `timeZones`, and the tz database
//! version (the package exports it as the string constant `tzdbVersion`).
//!
//! # Example (JS): a wall time in the Helsinki spring-forward gap
//!
//! ```js
//! fromLocal('2026-03-29T03:30', 'Europe/Helsinki'); // '2026-03-29T04:30:00+03:00'
//! fromLocal('2026-03-29T03:30', 'Europe/Helsinki', { disambiguation: 'earlier' }); // '2026-03-29T02:30:00+02:00'
//! ```

use super::convert::{self, instant, set};
use super::error::IntoJsResult;
use crate::{CivilDateTime, Disambiguation, Error, ErrorCode, Result, Zone};
use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

fn zone(v: &JsValue) -> Result<Zone> {
    let name = convert::string(v, "timeZone", "an IANA time zone id such as `Europe/Helsinki`")?;
    Zone::parse(&name).map_err(|e| e.with_prefix("timeZone"))
}

/// The `{ disambiguation }` option bag of `fromLocal`; `undefined` means the defaults.
fn disambiguation(options: &JsValue) -> Result<Disambiguation> {
    if options.is_undefined() {
        return Ok(Disambiguation::default());
    }
    let v = convert::json(options, "options", ErrorCode::InvalidOption)?;
    let Some(obj) = v.as_object() else {
        return Err(Error::new(
            ErrorCode::InvalidType,
            "options",
            format!("expected an options object such as `{{ disambiguation: 'compatible' }}`, not {}", convert::js_type_name(options)),
        ));
    };
    if let Some(k) = obj.keys().find(|k| k.as_str() != "disambiguation") {
        return Err(Error::new(
            ErrorCode::UnknownField,
            format!("options.{k}"),
            format!("unknown option `{k}`: expected `disambiguation`"),
        ));
    }
    match obj.get("disambiguation") {
        None | Some(serde_json::Value::Null) => Ok(Disambiguation::default()),
        Some(serde_json::Value::String(s)) => Disambiguation::parse(s).map_err(|e| e.with_prefix("options")),
        Some(other) => Err(Error::new(
            ErrorCode::InvalidType,
            "options.disambiguation",
            format!("expected one of `compatible`, `earlier`, `later`, `reject`, not {other}"),
        )),
    }
}

/// `toZoned(at, timeZone)`: the instant as ISO 8601 with that zone's offset.
#[wasm_bindgen(js_name = toZoned)]
pub fn to_zoned(at: &JsValue, time_zone: &JsValue) -> std::result::Result<String, JsValue> {
    let t = instant(at, "at").js()?;
    Ok(zone(time_zone).js()?.format(t))
}

/// `fromLocal(local, timeZone, { disambiguation })`: the instant of a wall-clock date-time,
/// as ISO 8601 with the zone's offset. Gaps and folds resolve as Temporal does
/// (`compatible` by default).
#[wasm_bindgen(js_name = fromLocal)]
pub fn from_local(local: &JsValue, time_zone: &JsValue, options: &JsValue) -> std::result::Result<String, JsValue> {
    let text = convert::string(local, "local", "a local date-time string such as `2026-03-29T03:30`").js()?;
    let civil = CivilDateTime::parse(&text).map_err(|e| e.with_prefix("local")).js()?;
    let z = zone(time_zone).js()?;
    let d = disambiguation(options).js()?;
    Ok(z.format(z.from_local(civil, d).map_err(|e| e.with_prefix("local")).js()?))
}

/// `presets()`: the built-in holiday presets, `[{ id, name }]`.
#[wasm_bindgen]
pub fn presets() -> Array {
    crate::presets::all()
        .iter()
        .map(|p| {
            let o = Object::new();
            set(&o, "id", &JsValue::from_str(p.id));
            set(&o, "name", &JsValue::from_str(p.name));
            JsValue::from(o)
        })
        .collect()
}

/// `timeZones()`: every IANA zone id the engine knows, sorted.
#[wasm_bindgen(js_name = timeZones)]
pub fn time_zones() -> Array {
    Zone::all_names().into_iter().map(JsValue::from_str).collect()
}

/// The version of the compiled-in tz database (`2025b`); the package exports it as the
/// constant `tzdbVersion`.
#[wasm_bindgen(js_name = tzdbVersion)]
pub fn tzdb_version() -> String {
    Zone::tzdb_version().to_string()
}

