//! The WebAssembly binding: every `#[wasm_bindgen]` item of the crate, and nothing else.
//!
//! The core (the rest of `src/`) never imports `wasm_bindgen` or `js_sys`; this layer
//! turns JS values into core values ([`convert`]), core errors into coded JS
//! `TypeError`/`RangeError`s ([`error`]) and exposes the npm package's API:
//!
//! - [`calendar`]: `class BusinessCalendar` — queries and business-time arithmetic;
//! - [`batch`]: `addBusinessTimeMany` / `businessTimeBetweenMany`, one boundary crossing
//!   per array;
//! - [`free`]: `toZoned`, `fromLocal`, `presets`, `timeZones`, and the tz database version;
//! - `sla` (Cargo feature `sla`, the default): `class SlaCatalog`. The npm package's
//!   `slaclock` module is built without it, `slaclock/sla` with it.
//!
//! The JS entry files of the package (npm/*.js and npm/sla/*.js, copied by
//! `scripts/build-pkg.mjs`) add loading (`init`, `initSync`) and the `NOT_INITIALIZED`
//! guard; the public names and types are in npm/slaclock.d.ts and npm/sla/slaclock.d.ts.
//!
//! Every exported function takes its arguments as `JsValue` and checks them here, so a
//! wrong argument is a coded error rather than a silent coercion by the generated glue.
//! Nothing here panics on any input, and JS is only ever called through functions that
//! catch its exceptions, so an exception never unwinds through Rust frames.
//!
//! # Example: the deadline of a ticket opened Friday 16:30 in Helsinki (JS)
//!
//! ```js
//! import { BusinessCalendar } from 'slaclock';
//! const cal = new BusinessCalendar({ timeZone: 'Europe/Helsinki',
//!   weekly: { mon: [['08:00', '16:00']], tue: [['08:00', '16:00']], wed: [['08:00', '16:00']],
//!             thu: [['08:00', '16:00']], fri: [['08:00', '16:00']] } });
//! cal.addBusinessTime('2026-12-04T16:30:00+02:00', { hours: 4 }); // '2026-12-07T12:00:00+02:00'
//! ```

pub mod batch;
pub mod calendar;
pub(crate) mod convert;
pub(crate) mod error;
pub mod free;
#[cfg(feature = "sla")]
pub mod sla;
