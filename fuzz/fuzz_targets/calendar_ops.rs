//! Fuzz target: calendar JSON (structured and raw) plus random operations.
//! Nothing may panic or hang; results must satisfy the round-trip invariants.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};
use slaclock::{BusinessCalendar, BusinessDuration, Date, Instant};

const ZONES: &[&str] = &[
    "UTC", "Europe/Helsinki", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
    "America/Sao_Paulo", "Pacific/Apia", "Not/AZone", "Europe/Dublin", "Pacific/Kiritimati",
];
const TIMES: &[&str] = &["00:00", "02:30", "03:00", "03:15", "08:00", "12:00", "16:00", "22:00", "23:59:59", "24:00", "25:00", "bad"];
const PRESETS: &[&str] = &["FI", "SE", "FR", "PL", "DE", "US", "XX"];

#[derive(Arbitrary, Debug)]
enum Op {
    IsOpen(i64),
    NextOpen(i64),
    NextClose(i64),
    Intervals(i64, u32),
    Add(i64, i64),
    Subtract(i64, i64),
    Elapsed(i64, i64),
    BusinessDays(i64, u8),
    EndOfDay(i64, u8),
    Special(i32, u16),
    Duration(String),
}

#[derive(Arbitrary, Debug)]
struct Input {
    raw: Option<String>,
    zone: u8,
    weekly: Vec<(u8, u8, u8)>,
    exceptions: Vec<(u16, u8, bool, u8, u8)>,
    rules: Vec<(u8, u8, u8, i8, u8, i16)>,
    presets: Vec<u8>,
    ops: Vec<Op>,
}

fn time(i: u8) -> &'static str {
    TIMES[i as usize % TIMES.len()]
}

/// Instants biased into 2000-2040, with the range ends sometimes. (Ranges of thousands
/// of years are valid but slow under the sanitizer with the fuzz build's small chunks;
/// the unit tests cover the horizon.)
fn instant(x: i64) -> Option<Instant> {
    let ms = match x % 11 {
        0 => Instant::MAX.epoch_milliseconds() - x.rem_euclid(30 * 86_400_000),
        1 => Instant::MIN.epoch_milliseconds() + x.rem_euclid(30 * 86_400_000),
        _ => 946_684_800_000 + x.rem_euclid(40 * 366 * 86_400_000),
    };
    Instant::from_epoch_milliseconds(ms).ok()
}

fn build(inp: &Input) -> Value {
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let mut weekly = serde_json::Map::new();
    for &(d, a, b) in inp.weekly.iter().take(12) {
        let e = weekly.entry(days[d as usize % 7]).or_insert_with(|| json!([]));
        e.as_array_mut().unwrap().push(json!([time(a), time(b)]));
    }
    let exceptions: Vec<Value> = inp.exceptions.iter().take(8).map(|&(day, len, closed, a, b)| {
        let from = Date::from_days(16_000 + (day % 8000) as i32);
        let to = from.add_days((len % 20) as i32);
        if closed { json!({"from": from.to_string(), "to": to.to_string(), "closed": true}) }
        else { json!({"date": from.to_string(), "hours": [[time(a), time(b)]]}) }
    }).collect();
    let rules: Vec<Value> = inp.rules.iter().take(8).map(|&(kind, m, d, nth, wd, off)| {
        let wds = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "xyz"];
        match kind % 5 {
            0 => json!({"month": m % 14, "day": d % 33}),
            1 => json!({"month": m % 13, "weekday": wds[wd as usize % 8], "nth": nth % 7}),
            2 => json!({"month": 1 + m % 12, "day": 1 + d % 28, "weekday": wds[wd as usize % 7], "onOrAfter": true, "observed": "nearestWeekday"}),
            3 => json!({"easterOffset": off, "hours": [[time(d), time(m)]]}),
            _ => json!({"month": 1 + m % 12, "day": 1 + d % 28, "observed": "nextWeekday", "firstYear": 1990 + off % 100, "lastYear": 2000 + nth as i32}),
        }
    }).collect();
    let presets: Vec<&str> = inp.presets.iter().take(3).map(|&p| PRESETS[p as usize % PRESETS.len()]).collect();
    json!({"timeZone": ZONES[inp.zone as usize % ZONES.len()], "weekly": weekly, "exceptions": exceptions, "rules": rules, "presets": presets})
}

/// An instant in 2000-2040 (for ops over two instants: ranges stay decades long).
fn near(x: i64) -> Option<Instant> {
    Instant::from_epoch_milliseconds(946_684_800_000 + x.rem_euclid(40 * 366 * 86_400_000)).ok()
}

fuzz_target!(|inp: Input| {
    if let Some(raw) = &inp.raw {
        let _ = BusinessCalendar::from_json(raw);
    }
    let Ok(cal) = BusinessCalendar::from_value(&build(&inp)) else { return };
    for op in inp.ops.iter().take(16) {
        match op {
            Op::IsOpen(t) => { if let Some(t) = instant(*t) { cal.is_open(t); } }
            Op::NextOpen(t) => {
                if let Some(t) = instant(*t) {
                    if let Some(o) = cal.next_open(t) { assert!(o >= t); assert!(cal.is_open(o)); }
                }
            }
            Op::NextClose(t) => {
                if let Some(t) = instant(*t) {
                    if let Some(c) = cal.next_close(t) { assert!(c > t); assert!(!cal.is_open(c)); }
                }
            }
            Op::Intervals(t, len) => {
                if let Some(a) = instant(*t) {
                    let b = Instant::from_epoch_milliseconds(a.epoch_milliseconds().saturating_add((*len as i64 % (5 * 366 * 24 * 60)) * 60_000)).unwrap_or(Instant::MAX);
                    if let Ok(iv) = cal.open_intervals(a, b) {
                        let sum: i64 = iv.iter().map(|(x, y)| y.epoch_milliseconds() - x.epoch_milliseconds()).sum();
                        assert_eq!(sum, cal.elapsed(a, b));
                    }
                }
            }
            Op::Add(t, d) => {
                if let Some(s) = instant(*t) {
                    let d = d % (366 * 86_400_000);
                    if let Ok(e) = cal.add(s, d) {
                        assert_eq!(cal.elapsed(s, e), d);
                    }
                }
            }
            Op::Subtract(t, d) => {
                if let Some(s) = instant(*t) {
                    let d = (d % (366 * 86_400_000)).abs();
                    if let Ok(e) = cal.subtract(s, d) {
                        assert_eq!(cal.elapsed(e, s), d);
                    }
                }
            }
            Op::Elapsed(a, b) => {
                if let (Some(a), Some(b)) = (near(*a), near(*b)) {
                    assert_eq!(cal.elapsed(a, b), -cal.elapsed(b, a));
                }
            }
            Op::BusinessDays(t, n) => { if let Some(t) = instant(*t) { let _ = cal.business_days(t, *n as u32); } }
            Op::EndOfDay(t, n) => { if let Some(t) = instant(*t) { let _ = cal.end_of_business_day(t, *n as u32); } }
            Op::Special(d, len) => {
                let from = Date::from_days(d % 3_000_000);
                let _ = cal.special_days(from, from.add_days(*len as i32 % 800));
            }
            Op::Duration(s) => {
                if let Ok(d) = BusinessDuration::from_value(&Value::String(s.clone())) {
                    let _ = cal.add_duration(Instant::from_epoch_milliseconds(1_800_000_000_000).unwrap(), d);
                }
            }
        }
    }
});
