//! Reading JSON values with paths: every accessor reports the path of a bad value.

use crate::error::{index, join, Error, ErrorCode, Result};
use serde_json::{Map, Value};

pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(crate) fn wrong_type(path: &str, expected: &str, v: &Value) -> Error {
    Error::new(ErrorCode::InvalidType, path, format!("expected {expected}, not {}", type_name(v)))
}

pub(crate) fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>> {
    v.as_object().ok_or_else(|| wrong_type(path, "an object", v))
}

pub(crate) fn array<'a>(v: &'a Value, path: &str) -> Result<&'a Vec<Value>> {
    v.as_array().ok_or_else(|| wrong_type(path, "an array", v))
}

pub(crate) fn string<'a>(v: &'a Value, path: &str) -> Result<&'a str> {
    v.as_str().ok_or_else(|| wrong_type(path, "a string", v))
}

pub(crate) fn boolean(v: &Value, path: &str) -> Result<bool> {
    v.as_bool().ok_or_else(|| wrong_type(path, "a boolean", v))
}

/// A whole number within `lo..=hi`.
pub(crate) fn integer(v: &Value, path: &str, lo: i64, hi: i64) -> Result<i64> {
    let n = match v {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9e15).map(|f| f as i64)),
        _ => return Err(wrong_type(path, "a whole number", v)),
    };
    match n {
        Some(n) if n >= lo && n <= hi => Ok(n),
        _ => Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("`{v}` is out of range: expected a whole number from {lo} to {hi}"),
        )),
    }
}

/// Rejects keys that are not in `allowed` (typos would silently change deadlines).
pub(crate) fn check_keys(obj: &Map<String, Value>, path: &str, allowed: &[&str]) -> Result<()> {
    for k in obj.keys() {
        if !allowed.contains(&k.as_str()) {
            return Err(Error::new(
                ErrorCode::UnknownField,
                join(path, k),
                format!("unknown field `{k}`: expected one of {}", allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")),
            ));
        }
    }
    Ok(())
}

pub(crate) fn required<'a>(obj: &'a Map<String, Value>, path: &str, key: &str) -> Result<&'a Value> {
    obj.get(key).ok_or_else(|| Error::new(ErrorCode::MissingField, join(path, key), format!("missing field `{key}`")))
}

/// A present, non-null field.
pub(crate) fn optional<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}

pub(crate) fn items<'a>(v: &'a Value, path: &str) -> Result<impl Iterator<Item = (usize, &'a Value, String)>> {
    let p = path.to_string();
    Ok(array(v, path)?.iter().enumerate().map(move |(i, x)| (i, x, index(&p, i))))
}

/// A number as it reads in JSON and JS (`1.5`, `1e21`, `NaN`, `Infinity`) for error
/// messages: shortest round-trip digits, without the standard library's float
/// formatting (which alone is ~17 KB of the wasm module).
pub(crate) fn fmt_number(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    if f.fract() == 0.0 && f.abs() < 1e21 {
        return (f as i128).to_string(); // as JS writes integers below 10^21
    }
    serde_json::Number::from_f64(f).map(|n| n.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod number_tests {
    use super::fmt_number;

    #[test]
    fn numbers_read_as_in_js() {
        assert_eq!(fmt_number(1.5), "1.5");
        assert_eq!(fmt_number(-0.25), "-0.25");
        assert_eq!(fmt_number(3.0), "3");
        assert_eq!(fmt_number(1e20), "100000000000000000000");
        assert_eq!(fmt_number(-0.0), "0");
        assert_eq!(fmt_number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(fmt_number(f64::NAN), "NaN");
        assert_eq!(fmt_number(f64::NEG_INFINITY), "-Infinity");
    }
}
