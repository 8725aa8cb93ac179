//! Every calendar build error: stable code, path into the input, message naming the value.

use slaclock::{BusinessCalendar, ErrorCode};

fn err(json: &str) -> (ErrorCode, String, String) {
    let e = BusinessCalendar::from_json(json).expect_err("expected an error");
    (e.code(), e.path().to_string(), e.message().to_string())
}

fn check(json: &str, code: ErrorCode, path: &str, message: &str) {
    let (c, p, m) = err(json);
    assert_eq!((c, p.as_str(), m.as_str()), (code, path, message), "{json}");
}

#[test]
fn invalid_time_zone_names_the_zone() {
    check(r#"{"timeZone":"Europe/Helsinky","weekly":{"mon":[["08:00","16:00"]]}}"#, ErrorCode::InvalidTimeZone,
        "timeZone", "unknown time zone `Europe/Helsinky`: expected an IANA id such as `Europe/Helsinki`");
}

#[test]
fn invalid_wall_time_points_at_the_end() {
    check(r#"{"timeZone":"UTC","weekly":{"tue":[["08:00","12:00"],["13:00","16:61"]]}}"#, ErrorCode::InvalidWallTime,
        "weekly.tue[1].end", "invalid wall time `16:61`: expected HH:MM or HH:MM:SS from 00:00 to 24:00");
    check(r#"{"timeZone":"UTC","weekly":{"tue":[["24:00","12:00"]]}}"#, ErrorCode::InvalidWallTime,
        "weekly.tue[0].start", "invalid start `24:00`: 24:00 is allowed only as an end");
}

#[test]
fn empty_interval_suggests_whole_day_form() {
    check(r#"{"timeZone":"UTC","weekly":{"wed":[["00:00","00:00"]]}}"#, ErrorCode::EmptyInterval,
        "weekly.wed[0]", "interval `00:00`-`00:00` is empty: write `00:00`-`24:00` for a whole day");
}

#[test]
fn overlapping_intervals_within_a_day() {
    check(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","12:00"],["11:00","16:00"]]}}"#, ErrorCode::OverlappingIntervals,
        "weekly.mon[1]", "interval starting `11:00` overlaps the interval at `weekly.mon[0]` ending `12:00`");
}

#[test]
fn overlapping_overnight_spill_into_next_day() {
    check(r#"{"timeZone":"UTC","weekly":{"sun":[["22:00","06:00"]],"mon":[["05:00","12:00"]]}}"#, ErrorCode::OverlappingIntervals,
        "weekly.mon[0]", "interval starting `05:00` overlaps the overnight interval of `sun` that ends `06:00`");
}

#[test]
fn never_open_calendar_is_rejected() {
    check(r#"{"timeZone":"UTC","weekly":{"mon":[]}}"#, ErrorCode::NoOpenTime, "weekly",
        "the calendar is never open: give `weekly` hours for at least one day, or exceptions with `hours`");
}

#[test]
fn impossible_rule_february_30() {
    check(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","16:00"]]},"rules":[{"name":"x","month":2,"day":30}]}"#,
        ErrorCode::InvalidRule, "rules[0].day", "day `30` does not exist in month `2`");
}

#[test]
fn rule_nth_zero_and_missing_nth() {
    check(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","16:00"]]},"rules":[{"month":5,"weekday":"mon","nth":0}]}"#,
        ErrorCode::InvalidRule, "rules[0].nth", "`nth` must be 1 to 5 or -1 (last) to -5, not `0`");
    check(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","16:00"]]},"rules":[{"month":5,"weekday":"mon"}]}"#,
        ErrorCode::MissingField, "rules[0].nth", "missing field `nth` (which weekday of the month: 1 to 5, -1 for the last)");
    check(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","16:00"]]},"rules":[{"month":13,"day":1}]}"#,
        ErrorCode::OutOfRange, "rules[0].month", "`13` is out of range: expected a whole number from 1 to 12");
}

#[test]
fn bad_exception_date_and_range() {
    check(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","16:00"]]},"exceptions":[{"date":"2026-02-30"}]}"#,
        ErrorCode::InvalidDate, "exceptions[0].date", "invalid date `2026-02-30`: expected an existing date as YYYY-MM-DD");
    check(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","16:00"]]},"exceptions":[{"from":"2026-12-30","to":"2026-12-28"}]}"#,
        ErrorCode::InvalidDate, "exceptions[0].to", "`to` date `2026-12-28` is before `from` date `2026-12-30`");
}

#[test]
fn conflicting_special_hours() {
    check(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","16:00"]]},"exceptions":[
        {"date":"2026-12-23","hours":[["08:00","12:00"]]},{"from":"2026-12-22","to":"2026-12-24","hours":[["09:00","12:00"]]}]}"#,
        ErrorCode::ConflictingRules, "exceptions[1]", "special hours on `2026-12-23` conflict with `exceptions[0]`");
    check(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","16:00"]]},"rules":[
        {"name":"A","month":12,"day":24,"hours":[["08:00","12:00"]]},{"name":"B","month":12,"day":24,"weekday":"thu","onOrAfter":true,"hours":[["08:00","13:00"]]}]}"#,
        ErrorCode::ConflictingRules, "rules[1]", "special hours of `B` on `1970-12-24` conflict with `A` at `rules[0]`");
    // Unnamed rules are named by their path.
    check(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","16:00"]]},"rules":[
        {"month":12,"day":24,"hours":[["08:00","12:00"]]},{"month":12,"day":24,"hours":[["09:00","12:00"]]}]}"#,
        ErrorCode::ConflictingRules, "rules[1]", "special hours of `rules[1]` on `1970-12-24` conflict with `rules[0]` at `rules[0]`");
}

#[test]
fn unknown_preset_lists_the_presets() {
    let (c, p, m) = err(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00","16:00"]]},"presets":["XX"]}"#);
    assert_eq!((c, p.as_str()), (ErrorCode::UnknownPreset, "presets[0]"));
    assert!(m.starts_with("unknown preset `XX`: expected one of "), "{m}");
}

#[test]
fn wrong_shapes_are_type_errors() {
    check(r#"{"timeZone":"UTC","weekly":{"mon":"08:00-16:00"}}"#, ErrorCode::InvalidType, "weekly.mon", "expected an array, not a string");
    check(r#"{"timeZone":"UTC","weekly":{"mon":[["08:00"]]}}"#, ErrorCode::InvalidType, "weekly.mon[0]", "expected a [start, end] pair, not an array of 1 items");
    check(r#"{"weekly":{"mon":[["08:00","16:00"]]}}"#, ErrorCode::MissingField, "timeZone", "missing field `timeZone`");
    check(r#"{"timeZone":"UTC","weekly":{"monday":[["08:00","16:00"]]}}"#, ErrorCode::UnknownField, "weekly.monday",
        "unknown field `monday`: expected one of `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`");
    check(r#"[]"#, ErrorCode::InvalidType, "", "expected an object, not an array");
    assert!(ErrorCode::InvalidType.is_type_error());
}

#[test]
fn naive_timestamp_is_rejected() {
    let e = slaclock::Instant::parse("2026-12-23T10:00:00").unwrap_err();
    assert_eq!(e.code(), ErrorCode::NaiveTimestamp);
    let e = slaclock::Instant::parse("2026-12-23").unwrap_err();
    assert_eq!(e.code(), ErrorCode::NaiveTimestamp);
    let e = slaclock::Instant::parse("yesterday").unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInstant);
    assert_eq!(slaclock::Instant::parse("2026-12-23T10:00:00+02:00[Europe/Helsinki]").unwrap().to_string(), "2026-12-23T08:00:00Z");
}
