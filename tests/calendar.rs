//! Unit tests of the calendar engine, named after the zone and date they exercise.

use slaclock::{BusinessCalendar, BusinessDuration, Date, ErrorCode, Instant};

fn cal(json: &str) -> BusinessCalendar {
    BusinessCalendar::from_json(json).unwrap_or_else(|e| panic!("{e}"))
}

fn t(s: &str) -> Instant {
    Instant::parse(s).unwrap()
}

const H: i64 = 3_600_000;
const M: i64 = 60_000;

fn weekdays(tz: &str, hours: &str) -> String {
    format!(
        r#"{{"timeZone":"{tz}","weekly":{{"mon":{hours},"tue":{hours},"wed":{hours},"thu":{hours},"fri":{hours}}}}}"#
    )
}

#[test]
fn helsinki_2026_12_04_friday_1630_plus_4h_is_monday_1130() {
    let c = cal(&weekdays("Europe/Helsinki", r#"[["08:00","16:00"]]"#).replace(r#""fri":[["08:00","16:00"]]"#, r#""fri":[["08:00","17:00"]]"#));
    let due = c.add(t("2026-12-04T16:30:00+02:00"), 4 * H).unwrap();
    assert_eq!(c.format(due), "2026-12-07T11:30:00+02:00");
}

#[test]
fn new_york_2024_03_10_spring_forward_night_window_is_3_hours() {
    let c = cal(r#"{"timeZone":"America/New_York","weekly":{"sun":[["00:00","04:00"]]}}"#);
    let ms = c.elapsed(t("2024-03-10T00:00:00-05:00"), t("2024-03-11T00:00:00-04:00"));
    assert_eq!(ms, 3 * H);
    let iv = c.open_intervals(t("2024-03-10T00:00:00-05:00"), t("2024-03-11T00:00:00-04:00")).unwrap();
    assert_eq!(iv.len(), 1);
    assert_eq!(c.format(iv[0].0), "2024-03-10T00:00:00-05:00");
    assert_eq!(c.format(iv[0].1), "2024-03-10T04:00:00-04:00");
}

#[test]
fn new_york_2024_11_03_fall_back_night_window_is_5_hours() {
    let c = cal(r#"{"timeZone":"America/New_York","weekly":{"sun":[["00:00","04:00"]]}}"#);
    assert_eq!(c.elapsed(t("2024-11-03T00:00:00-04:00"), t("2024-11-04T00:00:00-05:00")), 5 * H);
}

#[test]
fn helsinki_2026_03_29_and_10_25_office_day_stays_8_hours() {
    let c = cal(r#"{"timeZone":"Europe/Helsinki","weekly":{"sun":[["09:00","17:00"]]}}"#);
    assert_eq!(c.elapsed(t("2026-03-29T00:00:00+02:00"), t("2026-03-30T00:00:00+03:00")), 8 * H);
    assert_eq!(c.elapsed(t("2026-10-25T00:00:00+03:00"), t("2026-10-26T00:00:00+02:00")), 8 * H);
}

#[test]
fn helsinki_2026_10_25_interval_0330_0500_on_fold_has_two_pieces() {
    let c = cal(r#"{"timeZone":"Europe/Helsinki","weekly":{"sun":[["03:30","05:00"]]}}"#);
    let iv = c.open_intervals(t("2026-10-24T12:00:00Z"), t("2026-10-25T12:00:00Z")).unwrap();
    let s: Vec<String> = iv.iter().map(|(a, b)| format!("{}/{}", c.format(*a), c.format(*b))).collect();
    assert_eq!(
        s,
        [
            "2026-10-25T03:30:00+03:00/2026-10-25T03:00:00+02:00",
            "2026-10-25T03:30:00+02:00/2026-10-25T05:00:00+02:00"
        ]
    );
}

#[test]
fn helsinki_2026_03_29_interval_inside_gap_opens_at_0400() {
    // 03:00-04:00 does not exist on 2026-03-29 in Helsinki: 03:30-04:15 is open 04:00-04:15.
    let c = cal(r#"{"timeZone":"Europe/Helsinki","weekly":{"sun":[["03:30","04:15"]]}}"#);
    let iv = c.open_intervals(t("2026-03-28T12:00:00Z"), t("2026-03-29T12:00:00Z")).unwrap();
    assert_eq!(iv.len(), 1);
    assert_eq!(c.format(iv[0].0), "2026-03-29T04:00:00+03:00");
    assert_eq!(c.format(iv[0].1), "2026-03-29T04:15:00+03:00");
}

#[test]
fn sao_paulo_2018_11_04_midnight_gap_day_opens_at_0100() {
    let c = cal(r#"{"timeZone":"America/Sao_Paulo","weekly":{"sun":[["00:00","02:00"]]}}"#);
    let open = c.next_open(t("2018-11-03T12:00:00-03:00")).unwrap();
    assert_eq!(c.format(open), "2018-11-04T01:00:00-02:00");
    assert_eq!(c.elapsed(t("2018-11-03T12:00:00-03:00"), t("2018-11-05T00:00:00-02:00")), H);
}

#[test]
fn apia_2011_12_30_skipped_day_has_no_open_time() {
    let c = cal(&weekdays("Pacific/Apia", r#"[["09:00","17:00"]]"#));
    assert!(c.day_intervals(Date::parse("2011-12-30").unwrap()).is_empty());
    // Thursday 2011-12-29 16:00 + 2h: Friday the 30th does not exist, so Monday 2012-01-02 10:00.
    let due = c.add(t("2011-12-29T16:00:00-10:00"), 2 * H).unwrap();
    assert_eq!(c.format(due), "2012-01-02T10:00:00+14:00");
}

#[test]
fn kathmandu_2026_01_05_offset_0545() {
    let c = cal(&weekdays("Asia/Kathmandu", r#"[["10:00","17:00"]]"#));
    let open = c.next_open(t("2026-01-05T00:00:00Z")).unwrap();
    assert_eq!(open.to_string(), "2026-01-05T04:15:00Z");
    assert_eq!(c.format(open), "2026-01-05T10:00:00+05:45");
}

#[test]
fn lord_howe_2026_10_04_half_hour_spring_forward() {
    // Lord Howe springs forward 02:00 -> 02:30 on 2026-10-04: 00:00-04:00 is 3.5 real hours.
    let c = cal(r#"{"timeZone":"Australia/Lord_Howe","weekly":{"sun":[["00:00","04:00"]]}}"#);
    assert_eq!(c.elapsed(t("2026-10-03T00:00:00Z"), t("2026-10-05T00:00:00Z")), 3 * H + 30 * M);
}

#[test]
fn utc_2026_12_07_add_landing_on_close_returns_close_and_subtract_landing_on_open_returns_open() {
    let c = cal(&weekdays("UTC", r#"[["09:00","17:00"]]"#));
    assert_eq!(c.add(t("2026-12-07T09:00:00Z"), 8 * H).unwrap().to_string(), "2026-12-07T17:00:00Z");
    assert_eq!(c.subtract(t("2026-12-07T17:00:00Z"), 8 * H).unwrap().to_string(), "2026-12-07T09:00:00Z");
    assert_eq!(c.add(t("2026-12-07T09:00:00Z"), 8 * H + 1).unwrap().to_string(), "2026-12-08T09:00:00.001Z");
    assert_eq!(c.add(t("2026-12-05T12:00:00Z"), 0).unwrap().to_string(), "2026-12-05T12:00:00Z");
    assert_eq!(c.add(t("2026-12-07T10:00:00Z"), -2 * H).unwrap().to_string(), "2026-12-04T16:00:00Z");
}

#[test]
fn utc_ten_years_of_business_time_round_trips() {
    let c = cal(&weekdays("Europe/Helsinki", r#"[["08:00","16:00"]]"#));
    let s = t("2026-01-05T08:00:00+02:00");
    let d = 10 * 52 * 5 * 8 * H;
    let e = c.add(s, d).unwrap();
    assert_eq!(c.elapsed(s, e), d);
    assert_eq!(c.subtract(e, d).unwrap(), s);
}

#[test]
fn night_shift_22_06_belongs_to_the_day_it_starts() {
    // Holiday on Monday cancels Monday's night shift, not Sunday's.
    let c = cal(r#"{"timeZone":"UTC","weekly":{"sun":[["22:00","06:00"]],"mon":[["22:00","06:00"]]},
        "exceptions":[{"date":"2026-12-07","closed":true}]}"#);
    assert!(c.is_open(t("2026-12-07T05:00:00Z")));
    assert!(!c.is_open(t("2026-12-07T23:00:00Z")));
    assert!(!c.is_open(t("2026-12-08T05:00:00Z")));
}

#[test]
fn merged_intervals_across_midnight_22_24_and_00_06() {
    let c = cal(r#"{"timeZone":"UTC","weekly":{"mon":[["22:00","24:00"]],"tue":[["00:00","06:00"]]}}"#);
    let iv = c.open_intervals(t("2026-12-07T00:00:00Z"), t("2026-12-09T00:00:00Z")).unwrap();
    assert_eq!(iv.len(), 1);
    assert_eq!(iv[0].0.to_string(), "2026-12-07T22:00:00Z");
    assert_eq!(iv[0].1.to_string(), "2026-12-08T06:00:00Z");
    assert_eq!(c.next_close(t("2026-12-07T23:00:00Z")).unwrap().to_string(), "2026-12-08T06:00:00Z");
}

#[test]
fn always_open_calendar_never_closes() {
    let all = r#"[["00:00","24:00"]]"#;
    let c = cal(&format!(r#"{{"timeZone":"UTC","weekly":{{"mon":{all},"tue":{all},"wed":{all},"thu":{all},"fri":{all},"sat":{all},"sun":{all}}}}}"#));
    assert_eq!(c.next_close(t("2026-12-07T00:00:00Z")), None);
    assert_eq!(c.add(t("2026-12-07T00:00:00Z"), 48 * H).unwrap().to_string(), "2026-12-09T00:00:00Z");
}

#[test]
fn business_days_and_end_of_business_day_utc_2026_12() {
    let c = cal(&weekdays("UTC", r#"[["09:00","17:00"]]"#));
    let eob = |s: &str, n| c.end_of_business_day(t(s), n).unwrap().to_string();
    assert_eq!(eob("2026-12-04T10:00:00Z", 1), "2026-12-07T17:00:00Z");
    assert_eq!(eob("2026-12-04T16:00:00Z", 1), "2026-12-07T17:00:00Z");
    assert_eq!(eob("2026-12-06T23:00:00Z", 1), "2026-12-07T17:00:00Z");
    assert_eq!(eob("2026-12-04T17:00:00Z", 0), "2026-12-07T17:00:00Z");
    assert_eq!(eob("2026-12-06T12:00:00Z", 0), "2026-12-07T17:00:00Z");
    let bd = |s: &str, n| c.business_days(t(s), n).unwrap().to_string();
    assert_eq!(bd("2026-12-04T10:00:00Z", 1), "2026-12-07T10:00:00Z");
    assert_eq!(bd("2026-12-04T18:00:00Z", 1), "2026-12-08T09:00:00Z");
    assert_eq!(bd("2026-12-03T10:30:00Z", 5), "2026-12-10T10:30:00Z");
}

#[test]
fn business_days_clamps_into_short_day() {
    let c = cal(r#"{"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]]},
        "exceptions":[{"date":"2026-12-08","hours":[["09:00","12:00"],["13:00","14:00"]]}]}"#);
    let bd = |s: &str| c.business_days(t(s), 1).unwrap().to_string();
    assert_eq!(bd("2026-12-07T08:00:00Z"), "2026-12-08T09:00:00Z");
    assert_eq!(bd("2026-12-07T12:30:00Z"), "2026-12-08T13:00:00Z");
    assert_eq!(bd("2026-12-07T16:00:00Z"), "2026-12-08T14:00:00Z");
}

#[test]
fn special_hours_exception_beats_rule_and_closed_rule_beats_weekly() {
    let c = cal(r#"{"timeZone":"UTC","weekly":{"thu":[["08:00","16:00"]],"fri":[["08:00","16:00"]]},
        "rules":[{"name":"Christmas Day","month":12,"day":25},{"name":"Christmas Eve","month":12,"day":24,"hours":[["08:00","12:00"]]}],
        "exceptions":[{"date":"2026-12-24","hours":[["09:00","10:00"]],"name":"Very short"}]}"#);
    assert_eq!(c.hours_on(Date::parse("2026-12-24").unwrap()).total_ms(), H);
    assert_eq!(c.hours_on(Date::parse("2027-12-24").unwrap()).total_ms(), 4 * H);
    assert_eq!(c.hours_on(Date::parse("2026-12-25").unwrap()).total_ms(), 0);
}

#[test]
fn durations_iso_object_and_day_units() {
    let c = cal(&weekdays("UTC", r#"[["09:00","17:00"]]"#));
    let d = BusinessDuration::from_value(&serde_json::json!("P1D")).unwrap();
    // A day of business time is 24 business hours: 3 working days.
    assert_eq!(c.add_duration(t("2026-12-07T09:00:00Z"), d).unwrap().to_string(), "2026-12-09T17:00:00Z");
}

#[test]
fn result_past_9999_is_out_of_range() {
    let c = cal(&weekdays("UTC", r#"[["09:00","17:00"]]"#));
    let e = c.add(t("9999-12-31T09:00:00Z"), 9 * H).unwrap_err();
    assert_eq!(e.code(), ErrorCode::OutOfRange);
    assert_eq!(e.message(), "the result is past year 9999 (the horizon)");
    let e = c.add(t("2026-01-01T00:00:00Z"), slaclock::MAX_DURATION_MS).unwrap_err();
    assert_eq!(e.code(), ErrorCode::OutOfRange);
}

#[test]
fn finite_calendar_next_open_after_last_exception_is_none() {
    let c = cal(r#"{"timeZone":"UTC","exceptions":[{"date":"2026-12-23","hours":[["08:00","12:00"]]}]}"#);
    assert_eq!(c.next_open(t("2026-12-23T12:00:00Z")), None);
    assert_eq!(c.next_open(t("2026-01-01T00:00:00Z")).unwrap().to_string(), "2026-12-23T08:00:00Z");
    assert_eq!(c.add(t("2026-12-23T11:00:00Z"), 2 * H).unwrap_err().code(), ErrorCode::OutOfRange);
}
