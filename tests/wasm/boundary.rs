//! The JS/wasm boundary, tested from Rust with `wasm-bindgen-test`: JS values in, JS
//! values and coded `TypeError`/`RangeError`s out. Included by `wasm_node.rs` (Node) and
//! `wasm_browser.rs` (headless Chromium), so both runtimes run the same tests.

use js_sys::{Array, Float64Array, Function, Reflect, JSON};
use slaclock::wasm::calendar::JsBusinessCalendar;
use slaclock::wasm::free;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// A JS value from JSON text.
fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("valid JSON in a test")
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &s(key)).unwrap()
}

/// Helsinki, Mon–Fri 08:00–16:00, Finnish public holidays.
fn helsinki() -> JsBusinessCalendar {
    JsBusinessCalendar::new(&js(r#"{"timeZone":"Europe/Helsinki","presets":["FI"],"weekly":{
        "mon":[["08:00","16:00"]],"tue":[["08:00","16:00"]],"wed":[["08:00","16:00"]],
        "thu":[["08:00","16:00"]],"fri":[["08:00","16:00"]]}}"#))
    .unwrap()
}

/// Asserts a thrown value is `kind` (`TypeError` / `RangeError`) with `code` and `path`.
fn assert_error(err: JsValue, kind: &str, code: &str, path: &str) {
    let ctor = get(&err, "constructor");
    assert_eq!(get(&ctor, "name").as_string().as_deref(), Some(kind), "{err:?}");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some(code), "{err:?}");
    assert_eq!(get(&err, "path").as_string().as_deref(), Some(path), "{err:?}");
    assert!(err.is_instance_of::<js_sys::Error>());
}

#[wasm_bindgen_test]
fn helsinki_2026_12_04_friday_after_close_plus_4h_is_monday_noon() {
    let cal = helsinki();
    let due = cal.add_business_time(&s("2026-12-04T16:30:00+02:00"), &JsValue::from_f64(4.0 * 3_600_000.0)).unwrap();
    assert_eq!(due.as_string().unwrap(), "2026-12-07T12:00:00+02:00");
    assert_eq!(cal.time_zone(), "Europe/Helsinki");
}

#[wasm_bindgen_test]
fn helsinki_2026_12_24_christmas_closes_until_monday_28th() {
    // Wed 23rd 15:00 + 2h: 1h on Wed, Thu 24 – Sat 26 closed (FI), Sun closed, Mon 09:00.
    let due = helsinki().add_business_time(&s("2026-12-23T15:00:00+02:00"), &s("PT2H")).unwrap();
    assert_eq!(due.as_string().unwrap(), "2026-12-28T09:00:00+02:00");
}

#[wasm_bindgen_test]
fn instant_inputs_string_number_and_date_agree() {
    let cal = helsinki();
    let ms = 1_796_394_600_000.0; // 2026-12-04T14:30:00Z = 16:30 Helsinki
    let date: JsValue = js_sys::Date::new(&JsValue::from_f64(ms)).into();
    let d = js(r#"{"hours":4}"#);
    for at in [s("2026-12-04T14:30:00Z"), JsValue::from_f64(ms), date] {
        assert_eq!(cal.add_business_time(&at, &d).unwrap().as_string().unwrap(), "2026-12-07T12:00:00+02:00");
    }
}

#[wasm_bindgen_test]
fn duration_inputs_ms_iso_object_and_day_units() {
    let cal = helsinki();
    let start = s("2026-12-04T10:00:00+02:00");
    for d in [JsValue::from_f64(7_200_000.0), s("PT2H"), js(r#"{"hours":1,"minutes":60}"#)] {
        assert_eq!(cal.add_business_time(&start, &d).unwrap().as_string().unwrap(), "2026-12-04T12:00:00+02:00");
    }
    let next_day = cal.add_business_time(&start, &js(r#"{"businessDays":1}"#)).unwrap();
    assert_eq!(next_day.as_string().unwrap(), "2026-12-07T10:00:00+02:00");
    let eod = cal.add_business_time(&start, &js(r#"{"endOfBusinessDay":0}"#)).unwrap();
    assert_eq!(eod.as_string().unwrap(), "2026-12-04T16:00:00+02:00");
}

#[wasm_bindgen_test]
fn subtract_and_between_are_signed() {
    let cal = helsinki();
    // Landing exactly on an opening returns that opening (Monday 08:00, not Friday 16:00).
    let start = cal.subtract_business_time(&s("2026-12-07T12:00:00+02:00"), &JsValue::from_f64(14_400_000.0)).unwrap();
    assert_eq!(start.as_string().unwrap(), "2026-12-07T08:00:00+02:00");
    let start = cal.subtract_business_time(&s("2026-12-07T12:00:00+02:00"), &s("PT5H")).unwrap();
    assert_eq!(start.as_string().unwrap(), "2026-12-04T15:00:00+02:00");
    let a = s("2026-12-04T16:30:00+02:00");
    let b = s("2026-12-07T11:30:00+02:00");
    assert_eq!(cal.business_time_between(&a, &b).unwrap(), 12_600_000.0);
    assert_eq!(cal.business_time_between(&b, &a).unwrap(), -12_600_000.0);
}

#[wasm_bindgen_test]
fn next_open_next_close_and_null_for_24x7() {
    let cal = helsinki();
    assert_eq!(cal.next_open(&s("2026-12-05T12:00:00Z")).unwrap().as_string().unwrap(), "2026-12-07T08:00:00+02:00");
    assert_eq!(cal.next_close(&s("2026-12-07T08:00:00+02:00")).unwrap().as_string().unwrap(), "2026-12-07T16:00:00+02:00");
    let always = JsBusinessCalendar::new(&s(r#"{"timeZone":"UTC","weekly":{"mon":[["00:00","24:00"]],"tue":[["00:00","24:00"]],
        "wed":[["00:00","24:00"]],"thu":[["00:00","24:00"]],"fri":[["00:00","24:00"]],"sat":[["00:00","24:00"]],"sun":[["00:00","24:00"]]}}"#)).unwrap();
    assert!(always.next_close(&s("2026-12-07T08:00:00Z")).unwrap().is_null());
    assert!(always.is_open(&s("2026-12-07T08:00:00Z")).unwrap());
}

#[wasm_bindgen_test]
fn open_intervals_are_start_end_objects() {
    let iv = helsinki().open_intervals(&s("2026-12-04T12:00:00+02:00"), &s("2026-12-08T00:00:00+02:00")).unwrap();
    let text = JSON::stringify(&iv).unwrap().as_string().unwrap();
    assert_eq!(
        text,
        r#"[{"start":"2026-12-04T12:00:00+02:00","end":"2026-12-04T16:00:00+02:00"},{"start":"2026-12-07T08:00:00+02:00","end":"2026-12-07T16:00:00+02:00"}]"#
    );
}

#[wasm_bindgen_test]
fn special_days_use_null_not_undefined() {
    let cal = JsBusinessCalendar::new(&js(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","16:00"]]},
        "exceptions":[{"date":"2026-12-23","hours":[["08:00","12:00"]],"name":"Short day"},{"date":"2026-12-30"}]}"#)).unwrap();
    let days = cal.special_days(&s("2026-12-01"), &s("2026-12-31")).unwrap();
    let text = JSON::stringify(&days).unwrap().as_string().unwrap();
    assert_eq!(
        text,
        r#"[{"date":"2026-12-23","name":"Short day","closed":false,"hours":[["08:00","12:00"]],"source":"exception","preset":null,"path":"exceptions[0]"},{"date":"2026-12-30","name":null,"closed":true,"hours":null,"source":"exception","preset":null,"path":"exceptions[1]"}]"#
    );
}

#[wasm_bindgen_test]
fn spec_as_json_string_and_to_json_round_trip() {
    let cal = helsinki();
    let spec = cal.to_json();
    assert_eq!(get(&spec, "timeZone").as_string().unwrap(), "Europe/Helsinki");
    let text = JSON::stringify(&spec).unwrap().as_string().unwrap();
    let again = JsBusinessCalendar::new(&s(&text)).unwrap();
    assert_eq!(again.time_zone(), "Europe/Helsinki");
}

#[wasm_bindgen_test]
fn invalid_wall_time_is_a_range_error_with_path() {
    let err = JsBusinessCalendar::new(&js(r#"{"timeZone":"UTC","weekly":{"tue":[["08:00","12:00"],["13:00","25:00"]]}}"#))
        .err()
        .unwrap();
    assert_error(err.clone(), "RangeError", "INVALID_WALL_TIME", "weekly.tue[1].end");
    assert_eq!(
        get(&err, "message").as_string().unwrap(),
        "invalid wall time `25:00`: expected HH:MM or HH:MM:SS from 00:00 to 24:00 (at `weekly.tue[1].end`)"
    );
}

#[wasm_bindgen_test]
fn wrong_shapes_are_type_errors() {
    assert_error(JsBusinessCalendar::new(&JsValue::from_f64(5.0)).err().unwrap(), "TypeError", "INVALID_TYPE", "");
    assert_error(JsBusinessCalendar::new(&js(r#"{"weekly":{}}"#)).err().unwrap(), "TypeError", "MISSING_FIELD", "timeZone");
    assert_error(JsBusinessCalendar::new(&js(r#"{"timeZone":"UTC","weeky":{}}"#)).err().unwrap(), "TypeError", "UNKNOWN_FIELD", "weeky");
    let cal = helsinki();
    assert_error(cal.is_open(&JsValue::TRUE).err().unwrap(), "TypeError", "INVALID_TYPE", "at");
    assert_error(cal.add_business_time(&s("2026-12-04T10:00:00Z"), &js(r#"{"hours":"1"}"#)).err().unwrap(), "TypeError", "INVALID_TYPE", "duration.hours");
    assert_error(cal.special_days(&JsValue::NULL, &s("2026-12-31")).err().unwrap(), "TypeError", "INVALID_TYPE", "fromDate");
}

#[wasm_bindgen_test]
fn naive_timestamp_and_bad_numbers_are_range_errors() {
    let cal = helsinki();
    assert_error(cal.is_open(&s("2026-12-04T10:00")).err().unwrap(), "RangeError", "NAIVE_TIMESTAMP", "at");
    assert_error(cal.is_open(&JsValue::from_f64(0.5)).err().unwrap(), "RangeError", "INVALID_INSTANT", "at");
    assert_error(cal.is_open(&JsValue::from_f64(f64::NAN)).err().unwrap(), "RangeError", "INVALID_INSTANT", "at");
    let invalid_date: JsValue = js_sys::Date::new(&JsValue::from_f64(f64::NAN)).into();
    assert_error(cal.is_open(&invalid_date).err().unwrap(), "RangeError", "INVALID_INSTANT", "at");
    assert_error(cal.add_business_time(&JsValue::from_f64(0.0), &JsValue::from_f64(f64::INFINITY)).err().unwrap(), "RangeError", "INVALID_DURATION", "duration");
    assert_error(cal.add_business_time(&JsValue::from_f64(0.0), &js(r#"{"hours":1,"minutes":-1}"#)).err().unwrap(), "RangeError", "INVALID_DURATION", "duration");
}

#[wasm_bindgen_test]
fn throwing_getter_and_cycles_are_coded_errors() {
    let throwing = Function::new_no_args("return { get timeZone() { throw new Error('boom') } }").call0(&JsValue::NULL).unwrap();
    assert_error(JsBusinessCalendar::new(&throwing).err().unwrap(), "TypeError", "INVALID_TYPE", "timeZone");
    let cyclic = Function::new_no_args("const o = { timeZone: 'UTC' }; o.weekly = o; return o").call0(&JsValue::NULL).unwrap();
    let err = JsBusinessCalendar::new(&cyclic).err().unwrap();
    assert_eq!(get(&err, "code").as_string().unwrap(), "TOO_LARGE");
    let revoked = Function::new_no_args("const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy").call0(&JsValue::NULL).unwrap();
    assert_error(JsBusinessCalendar::new(&revoked).err().unwrap(), "TypeError", "INVALID_TYPE", "");
    // The module keeps working.
    assert_eq!(helsinki().time_zone(), "Europe/Helsinki");
}

#[wasm_bindgen_test]
fn batch_add_many_one_duration_and_nan_slots() {
    let cal = helsinki();
    let fri_1630 = 1_796_394_600_000.0; // 2026-12-04T14:30:00Z, Friday 16:30 in Helsinki
    let starts = Float64Array::from(&[fri_1630, f64::NAN, 0.5, fri_1630][..]);
    let out = cal.add_business_time_many(&starts, &JsValue::from_f64(14_400_000.0)).unwrap();
    assert_eq!(out[0], 1_796_637_600_000.0); // 2026-12-07T10:00:00Z = Monday 12:00
    assert!(out[1].is_nan() && out[2].is_nan());
    assert_eq!(out[3], out[0]);
    let durations = Float64Array::from(&[3_600_000.0, 0.0, 0.0, f64::NAN][..]);
    let out = cal.add_business_time_many(&starts, &durations).unwrap();
    assert_eq!(out[0], 1_796_626_800_000.0); // 2026-12-07T07:00:00Z = Monday 09:00
    assert!(out[1].is_nan() && out[2].is_nan() && out[3].is_nan());
}

#[wasm_bindgen_test]
fn batch_between_many_and_argument_errors() {
    let cal = helsinki();
    let starts = Float64Array::from(&[1_796_394_600_000.0, 1_796_637_600_000.0, f64::INFINITY][..]);
    let ends = Float64Array::from(&[1_796_637_600_000.0, 1_796_394_600_000.0, 0.0][..]);
    let out = cal.business_time_between_many(&starts, &ends).unwrap();
    assert_eq!(out.to_vec()[..2], [14_400_000.0, -14_400_000.0]);
    assert!(out[2].is_nan());
    let short = Float64Array::from(&[0.0][..]);
    assert_error(cal.business_time_between_many(&starts, &short).err().unwrap(), "RangeError", "OUT_OF_RANGE", "ends");
    let plain: JsValue = Array::of1(&JsValue::from_f64(0.0)).into();
    assert_error(cal.add_business_time_many(&plain, &JsValue::from_f64(1.0)).err().unwrap(), "TypeError", "INVALID_TYPE", "startsEpochMs");
    assert_error(cal.add_business_time_many(&starts, &s("PT1H")).err().unwrap(), "TypeError", "INVALID_TYPE", "durationsMs");
    assert_error(cal.add_business_time_many(&starts, &JsValue::from_f64(0.5)).err().unwrap(), "RangeError", "INVALID_DURATION", "durationsMs");
}

#[wasm_bindgen_test]
fn to_zoned_and_from_local_helsinki_2026_03_29_gap() {
    let tz = s("Europe/Helsinki");
    assert_eq!(free::to_zoned(&s("2026-07-01T09:00:00Z"), &tz).unwrap(), "2026-07-01T12:00:00+03:00");
    let local = s("2026-03-29T03:30");
    assert_eq!(free::from_local(&local, &tz, &JsValue::UNDEFINED).unwrap(), "2026-03-29T04:30:00+03:00");
    assert_eq!(free::from_local(&local, &tz, &js(r#"{"disambiguation":"earlier"}"#)).unwrap(), "2026-03-29T02:30:00+02:00");
    assert_error(free::from_local(&local, &tz, &js(r#"{"disambiguation":"reject"}"#)).err().unwrap(), "RangeError", "NONEXISTENT_LOCAL_TIME", "local");
    assert_error(free::from_local(&local, &tz, &js(r#"{"disambiguation":"soon"}"#)).err().unwrap(), "RangeError", "INVALID_OPTION", "options.disambiguation");
    assert_error(free::from_local(&local, &tz, &js(r#"{"disambigation":"later"}"#)).err().unwrap(), "TypeError", "UNKNOWN_FIELD", "options.disambigation");
    assert_error(free::to_zoned(&s("2026-07-01T09:00:00Z"), &s("Mars/Olympus")).err().unwrap(), "RangeError", "INVALID_TIME_ZONE", "timeZone");
}

#[wasm_bindgen_test]
fn presets_time_zones_and_tzdb_version() {
    let p = free::presets();
    let ids: Vec<String> = p.iter().map(|x| get(&x, "id").as_string().unwrap()).collect();
    assert!(ids.contains(&"FI".to_string()) && ids.contains(&"US".to_string()));
    let zones = free::time_zones();
    assert!(zones.includes(&s("Pacific/Apia"), 0) && zones.length() > 400);
    assert_eq!(free::tzdb_version().len(), 5);
}
