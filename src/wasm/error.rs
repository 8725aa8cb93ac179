//! Core errors as JS exceptions: a wrong shape becomes a `TypeError`, a bad value a
//! `RangeError`, both with `code` and `path` set from the core [`Error`].
//!
//! The message is the core message, followed by `` (at `path`)`` when the error points
//! into an input document or argument.
//!
//! # Example (JS)
//!
//! ```js
//! try { new BusinessCalendar({ timeZone: 'UTC', weekly: { tue: [['08:00', '25:00']] } }) }
//! catch (e) { e instanceof RangeError; e.code; /* 'INVALID_WALL_TIME' */ e.path; /* 'weekly.tue[0].end' */ }
//! ```

use crate::Error;
use js_sys::{RangeError, Reflect, TypeError};
use wasm_bindgen::JsValue;

/// The JS exception for a core error.
pub(crate) fn to_js(e: &Error) -> JsValue {
    let message = if e.path().is_empty() {
        e.message().to_string()
    } else {
        format!("{} (at `{}`)", e.message(), e.path())
    };
    let err: JsValue = if e.code().is_type_error() {
        TypeError::new(&message).into()
    } else {
        RangeError::new(&message).into()
    };
    // Setting a property on a fresh error object cannot fail.
    let _ = Reflect::set(&err, &JsValue::from_str("code"), &JsValue::from_str(e.code().as_str()));
    let _ = Reflect::set(&err, &JsValue::from_str("path"), &JsValue::from_str(e.path()));
    err
}

/// `Result<T, Error>` -> `Result<T, JsValue>` for exported functions.
pub(crate) trait IntoJsResult<T> {
    fn js(self) -> Result<T, JsValue>;
}

impl<T> IntoJsResult<T> for crate::Result<T> {
    fn js(self) -> Result<T, JsValue> {
        self.map_err(|e| to_js(&e))
    }
}
