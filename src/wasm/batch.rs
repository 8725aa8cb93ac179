//! The batch path: `addBusinessTimeMany` and `businessTimeBetweenMany` take and return
//! `Float64Array`s of epoch milliseconds, crossing the JS/wasm boundary once per array
//! instead of once per ticket.
//!
//! A slot whose input is invalid (NaN, not a whole number, outside years 0001..9999) or
//! whose result lies past the horizon (year 9999) is `NaN`; the call itself throws only
//! for a wrong argument type, a bad scalar duration, or arrays of different lengths.
//!
//! # Example (JS): deadlines of 100,000 tickets at once
//!
//! ```js
//! const due = cal.addBusinessTimeMany(createdAtMs /* Float64Array */, 4 * 3_600_000);
//! ```

use super::calendar::JsBusinessCalendar;
use super::convert;
use super::error::IntoJsResult;
use crate::{Error, ErrorCode, Instant, MAX_DURATION_MS};
use wasm_bindgen::prelude::*;

#[inline]
fn slot_ms(x: f64) -> Option<i64> {
    (x.is_finite() && x.fract() == 0.0 && x.abs() <= MAX_DURATION_MS as f64).then_some(x as i64)
}

fn same_length(a: usize, b: usize, arg_a: &str, arg_b: &str) -> crate::Result<()> {
    if a == b {
        return Ok(());
    }
    Err(Error::new(
        ErrorCode::OutOfRange,
        arg_b,
        format!("`{arg_b}` has {b} values and `{arg_a}` has {a}: expected the same length"),
    ))
}

#[wasm_bindgen(js_class = BusinessCalendar)]
impl JsBusinessCalendar {
    /// `addBusinessTime` for many starts (epoch ms) and durations (ms: one per start, or
    /// one number for all). Returns the deadlines as epoch ms; `NaN` in a slot whose input
    /// is invalid or whose result is past the horizon.
    #[wasm_bindgen(js_name = addBusinessTimeMany)]
    pub fn add_business_time_many(&self, starts_epoch_ms: &JsValue, durations_ms: &JsValue) -> Result<Vec<f64>, JsValue> {
        let starts = convert::f64_array(starts_epoch_ms, "startsEpochMs").js()?;
        let mut last = None; // the chunk of the previous item
        let mut one = |s: f64, d: Option<i64>| -> f64 {
            let (Some(s), Some(d)) = (Instant::from_epoch_f64_opt(s), d) else { return f64::NAN };
            self.inner.add_cached(s, d, &mut last).map(|t| t.epoch_milliseconds() as f64).unwrap_or(f64::NAN)
        };
        if let Some(d) = durations_ms.as_f64() {
            let d = slot_ms(d).ok_or_else(|| {
                super::error::to_js(&Error::new(
                    ErrorCode::InvalidDuration,
                    "durationsMs",
                    format!("duration `{}` is not a whole number of milliseconds up to 10,000 years", crate::json::fmt_number(d)),
                ))
            })?;
            return Ok(starts.iter().map(|&s| one(s, Some(d))).collect());
        }
        if durations_ms.dyn_ref::<js_sys::Float64Array>().is_none() {
            return Err(super::error::to_js(&Error::new(
                ErrorCode::InvalidType,
                "durationsMs",
                format!("expected a Float64Array or a number, not {}", convert::js_type_name(durations_ms)),
            )));
        }
        let durations = convert::f64_array(durations_ms, "durationsMs").js()?;
        same_length(starts.len(), durations.len(), "startsEpochMs", "durationsMs").js()?;
        Ok(starts.iter().zip(&durations).map(|(&s, &d)| one(s, slot_ms(d))).collect())
    }

    /// `businessTimeBetween` for many pairs (epoch ms). Returns signed milliseconds; `NaN`
    /// in a slot whose start or end is invalid.
    #[wasm_bindgen(js_name = businessTimeBetweenMany)]
    pub fn business_time_between_many(&self, starts: &JsValue, ends: &JsValue) -> Result<Vec<f64>, JsValue> {
        let a = convert::f64_array(starts, "starts").js()?;
        let b = convert::f64_array(ends, "ends").js()?;
        same_length(a.len(), b.len(), "starts", "ends").js()?;
        let mut last = None; // the chunk of the previous pair
        Ok(a.iter()
            .zip(&b)
            .map(|(&s, &e)| match (Instant::from_epoch_f64_opt(s), Instant::from_epoch_f64_opt(e)) {
                (Some(s), Some(e)) => self.inner.elapsed_cached(s, e, &mut last) as f64,
                _ => f64::NAN,
            })
            .collect())
    }
}
