//! `class BusinessCalendar`: a calendar built once from its JSON spec, then queried.
//!
//! Instant arguments are ISO 8601 strings with offset or `Z`, epoch milliseconds or
//! `Date`s; instant results are ISO 8601 strings in the calendar's offset at that instant.
//!
//! # Example (JS): when does a ticket opened Friday 16:30 breach 4 business hours?
//!
//! ```js
//! const cal = new BusinessCalendar({ timeZone: 'Europe/Helsinki', weekly: {
//!   mon: [['08:00', '16:00']], tue: [['08:00', '16:00']], wed: [['08:00', '16:00']],
//!   thu: [['08:00', '16:00']], fri: [['08:00', '16:00']] } });
//! cal.addBusinessTime('2026-12-04T16:30:00+02:00', 'PT4H'); // '2026-12-07T12:00:00+02:00'
//! ```

use super::convert::{self, instant};
use super::error::IntoJsResult;
use crate::{BusinessCalendar as Core, ErrorCode, Instant};
use js_sys::Array;
use wasm_bindgen::prelude::*;

/// A business calendar (the JS class `BusinessCalendar`).
#[wasm_bindgen(js_name = BusinessCalendar)]
pub struct JsBusinessCalendar {
    pub(crate) inner: Core,
}

impl JsBusinessCalendar {
    pub(crate) fn fmt(&self, t: Instant) -> JsValue {
        JsValue::from_str(&self.inner.format(t))
    }

    fn fmt_opt(&self, t: Option<Instant>) -> JsValue {
        t.map(|t| self.fmt(t)).unwrap_or(JsValue::NULL)
    }
}

#[wasm_bindgen(js_class = BusinessCalendar)]
impl JsBusinessCalendar {
    /// `new BusinessCalendar(spec)`: the calendar JSON as an object or a JSON string.
    #[wasm_bindgen(constructor)]
    pub fn new(spec: &JsValue) -> Result<JsBusinessCalendar, JsValue> {
        let inner = if let Some(text) = spec.as_string() {
            convert::json_text(&text, "calendar").and_then(|v| Core::from_value(&v))
        } else if spec.is_object() && !spec.is_function() {
            convert::json(spec, "", ErrorCode::OutOfRange).and_then(|v| Core::from_value(&v))
        } else {
            Err(crate::Error::new(
                ErrorCode::InvalidType,
                "",
                format!("expected a calendar (object or JSON string), not {}", convert::js_type_name(spec)),
            ))
        };
        inner.map(|inner| JsBusinessCalendar { inner }).js()
    }

    /// The calendar's IANA time zone id.
    #[wasm_bindgen(getter, js_name = timeZone)]
    pub fn time_zone(&self) -> String {
        self.inner.time_zone().to_string()
    }

    /// The spec the calendar was built from (so `JSON.stringify(cal)` round-trips).
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> JsValue {
        convert::to_js_value(self.inner.spec())
    }

    /// Whether the service is open at `at`.
    #[wasm_bindgen(js_name = isOpen)]
    pub fn is_open(&self, at: &JsValue) -> Result<bool, JsValue> {
        Ok(self.inner.is_open(instant(at, "at").js()?))
    }

    /// `at` if open, else the next opening; `null` if none before year 9999.
    #[wasm_bindgen(js_name = nextOpen)]
    pub fn next_open(&self, at: &JsValue) -> Result<JsValue, JsValue> {
        Ok(self.fmt_opt(self.inner.next_open(instant(at, "at").js()?)))
    }

    /// The end of the open interval containing `at`, else of the next one; `null` if the
    /// service never closes (24x7) or never opens again.
    #[wasm_bindgen(js_name = nextClose)]
    pub fn next_close(&self, at: &JsValue) -> Result<JsValue, JsValue> {
        Ok(self.fmt_opt(self.inner.next_close(instant(at, "at").js()?)))
    }

    /// The open intervals within `[from, to)`, clipped and merged: `[{ start, end }]`.
    #[wasm_bindgen(js_name = openIntervals)]
    pub fn open_intervals(&self, from: &JsValue, to: &JsValue) -> Result<JsValue, JsValue> {
        let (a, b) = (instant(from, "from").js()?, instant(to, "to").js()?);
        let iv = self.inner.open_intervals(a, b).js()?;
        Ok(convert::intervals(&iv, |t| self.inner.format(t)))
    }

    /// Every date in `fromDate..=toDate` whose hours an exception, rule or preset decides.
    #[wasm_bindgen(js_name = specialDays)]
    pub fn special_days(&self, from_date: &JsValue, to_date: &JsValue) -> Result<Array, JsValue> {
        let a = convert::date(from_date, "fromDate").js()?;
        let b = convert::date(to_date, "toDate").js()?;
        let days = self.inner.special_days(a, b).js()?;
        Ok(days.iter().map(convert::special_day).collect())
    }

    /// The earliest instant at which `duration` of business time has passed since `start`.
    #[wasm_bindgen(js_name = addBusinessTime)]
    pub fn add_business_time(&self, start: &JsValue, duration: &JsValue) -> Result<JsValue, JsValue> {
        let s = instant(start, "start").js()?;
        let d = convert::duration(duration, "duration").js()?;
        Ok(self.fmt(self.inner.add_duration(s, d).js()?))
    }

    /// The latest instant from which `duration` of business time runs until `end`.
    #[wasm_bindgen(js_name = subtractBusinessTime)]
    pub fn subtract_business_time(&self, end: &JsValue, duration: &JsValue) -> Result<JsValue, JsValue> {
        let e = instant(end, "end").js()?;
        let d = convert::duration(duration, "duration").js()?;
        Ok(self.fmt(self.inner.subtract_duration(e, d).js()?))
    }

    /// Fast path of `isOpen` for an epoch-ms number (the JS wrapper dispatches here);
    /// anything else goes the general way, with the same errors.
    #[wasm_bindgen(js_name = isOpenMs)]
    pub fn is_open_ms(&self, at: f64) -> Result<bool, JsValue> {
        match Instant::from_epoch_f64(at) {
            Ok(t) => Ok(self.inner.is_open(t)),
            Err(e) => Err(super::error::to_js(&e.with_prefix("at"))),
        }
    }

    /// Fast path of `addBusinessTime` for epoch-ms start and a duration in ms.
    #[wasm_bindgen(js_name = addBusinessTimeMs)]
    pub fn add_business_time_ms(&self, start: f64, duration_ms: f64) -> Result<String, JsValue> {
        let s = Instant::from_epoch_f64(start).map_err(|e| e.with_prefix("start")).js()?;
        if !duration_ms.is_finite() || duration_ms.fract() != 0.0 || duration_ms.abs() > crate::MAX_DURATION_MS as f64 {
            // The general path words the error exactly.
            let d = convert::duration(&JsValue::from_f64(duration_ms), "duration").js()?;
            return Ok(self.inner.format(self.inner.add_duration(s, d).js()?));
        }
        Ok(self.inner.format(self.inner.add(s, duration_ms as i64).js()?))
    }

    /// Fast path of `businessTimeBetween` for two epoch-ms numbers.
    #[wasm_bindgen(js_name = businessTimeBetweenMs)]
    pub fn business_time_between_ms(&self, start: f64, end: f64) -> Result<f64, JsValue> {
        let a = Instant::from_epoch_f64(start).map_err(|e| e.with_prefix("start")).js()?;
        let b = Instant::from_epoch_f64(end).map_err(|e| e.with_prefix("end")).js()?;
        Ok(self.inner.elapsed(a, b) as f64)
    }

    /// Milliseconds of open time in `[start, end)`; negative when `end < start`.
    #[wasm_bindgen(js_name = businessTimeBetween)]
    pub fn business_time_between(&self, start: &JsValue, end: &JsValue) -> Result<f64, JsValue> {
        let (a, b) = (instant(start, "start").js()?, instant(end, "end").js()?);
        Ok(self.inner.elapsed(a, b) as f64)
    }
}
