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

/// A number as JS's `String(x)` writes it (`1.5`, `1e+21`, `0.000001`, `1e-7`, `NaN`,
/// `Infinity`), for error messages: the shortest round-trip digits, without the standard
/// library's float formatting (which alone is ~17 KB of the wasm module).
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
    let s = serde_json::Number::from_f64(f).map(|n| n.to_string()).unwrap_or_default();
    let Some((mantissa, exp)) = s.split_once('e') else { return s };
    let Ok(exp) = exp.parse::<i32>() else { return s };
    if exp > 0 {
        return format!("{mantissa}e+{exp}");
    }
    if exp >= -6 {
        // JS writes 10^-7 <= |x| < 1 without an exponent.
        let (sign, digits) = mantissa.strip_prefix('-').map_or(("", mantissa), |m| ("-", m));
        return format!("{sign}0.{}{}", "0".repeat((-exp - 1) as usize), digits.replace('.', ""));
    }
    s
}

/// `x` with `decimals` (at most 3) digits after the point, exactly as `format!("{x:.N}")`
/// writes it (the exact binary value rounded half to even), without the standard
/// library's float formatting.
pub(crate) fn fmt_fixed(x: f64, decimals: u32) -> String {
    if !x.is_finite() {
        return if x.is_nan() { "NaN".into() } else if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let decimals = decimals.min(3);
    let scale = 10u128.pow(decimals);
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    // x = m * 2^e exactly.
    let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | (1 << 52), exp - 1075) };
    let n = u128::from(m) * scale; // < 2^63
    let q: u128 = if e >= 0 {
        if e > 60 {
            // Above 2^113: an exact integer; its decimal digits by long multiplication.
            let sign = if x.is_sign_negative() { "-" } else { "" };
            let zeros = if decimals > 0 { format!(".{}", "0".repeat(decimals as usize)) } else { String::new() };
            return format!("{sign}{}{zeros}", big_decimal(m, e as u32));
        }
        n << e
    } else if -e >= 100 {
        0 // below half a unit of the last digit
    } else {
        let k = (-e) as u32;
        let (q, r) = (n >> k, n & ((1u128 << k) - 1));
        let half = 1u128 << (k - 1);
        if r > half || (r == half && q & 1 == 1) { q + 1 } else { q }
    };
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if decimals == 0 {
        return format!("{sign}{q}");
    }
    let (int, fr) = (q / scale, q % scale);
    format!("{sign}{int}.{fr:0w$}", w = decimals as usize)
}

/// The decimal digits of `m * 2^e`, in base-10^9 limbs.
fn big_decimal(m: u64, mut e: u32) -> String {
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = vec![m % BASE, (m / BASE) % BASE, m / BASE / BASE]; // little-endian
    while e > 0 {
        let k = e.min(29);
        e -= k;
        let mut carry = 0u64;
        for l in &mut limbs {
            let v = (*l << k) + carry;
            *l = v % BASE;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut out = limbs.last().map(|l| l.to_string()).unwrap_or_default();
    for l in limbs.iter().rev().skip(1) {
        out.push_str(&format!("{l:09}"));
    }
    out
}

#[cfg(test)]
mod number_tests {
    use super::{fmt_fixed, fmt_number};

    /// Against the standard library's `{:.N}` (the reference) on edge cases and 200,000
    /// pseudo-random values: percentages, halves, tiny and huge magnitudes.
    #[test]
    fn fixed_matches_std_formatting() {
        let mut cases = vec![0.0, -0.0, 0.125, 0.375, 1.005, 2.5, 3.5, 99.995, 100.0, 66.666_666, 1e-320, 5e-324, 1e15, 123_456_789.5, 2f64.powi(70), f64::MAX];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for i in 0..200_000u64 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            cases.push(match i % 4 {
                0 => (x % 1_000_001) as f64 / 10_000.0,          // percentages with 4 decimals
                1 => (x % 100_000) as f64 * 100.0 / ((x >> 20) % 9_999 + 1) as f64, // a*100/b
                2 => (x % 2_000_000) as f64 / 8.0,               // exact binary halves
                _ => f64::from_bits(x & !(1 << 63)).min(f64::MAX), // any finite magnitude
            });
        }
        let negated: Vec<f64> = cases.iter().map(|c| -c).collect();
        cases.extend(negated);
        for &c in &cases {
            assert_eq!(fmt_fixed(c, 2), format!("{c:.2}"), "{c:e}");
            assert_eq!(fmt_fixed(c, 0), format!("{c:.0}"), "{c:e}");
        }
    }

    #[test]
    fn numbers_read_as_in_js() {
        assert_eq!(fmt_number(1.5), "1.5");
        assert_eq!(fmt_number(-0.25), "-0.25");
        assert_eq!(fmt_number(3.0), "3");
        assert_eq!(fmt_number(1e20), "100000000000000000000");
        assert_eq!(fmt_number(-0.0), "0");
        assert_eq!(fmt_number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(fmt_number(f64::NAN), "NaN");
        // Exponents as JS writes them (the values of `String(x)` in Node).
        assert_eq!(fmt_number(1e21), "1e+21");
        assert_eq!(fmt_number(-1.5e300), "-1.5e+300");
        assert_eq!(fmt_number(1e-6), "0.000001");
        assert_eq!(fmt_number(-1.25e-5), "-0.0000125");
        assert_eq!(fmt_number(1e-7), "1e-7");
        assert_eq!(fmt_number(0.001), "0.001");
        assert_eq!(fmt_number(123.456), "123.456");
        assert_eq!(fmt_number(f64::NEG_INFINITY), "-Infinity");
    }
}
