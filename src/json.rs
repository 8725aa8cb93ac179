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
