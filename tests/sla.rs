//! SLA catalog and ticket clock: scenarios with exact expected values
//! (SEMANTICS.md "SLA clock").

use serde_json::{json, Value};
use slaclock::{
    ChangeKind, EvaluateOptions, Instant, Severity, SlaCatalog, TargetEvaluation, TargetStatus, TicketEvaluation,
};

const H: i64 = 3_600_000;
const M: i64 = 60_000;

fn at(s: &str) -> Instant {
    Instant::parse(s).unwrap()
}

/// Weekly hours Monday to Friday.
fn weekdays(start: &str, end: &str) -> Value {
    let h = json!([[start, end]]);
    json!({ "mon": h, "tue": h, "wed": h, "thu": h, "fri": h })
}

/// Every day, all day.
fn all_week() -> Value {
    let h = json!([["00:00", "24:00"]]);
    json!({ "mon": h, "tue": h, "wed": h, "thu": h, "fri": h, "sat": h, "sun": h })
}

/// One calendar `cal` (the given calendar JSON), service level `gold` with one version
/// (from 2020) holding `targets`, service `svc`.
fn catalog(calendar: Value, targets: Value) -> SlaCatalog {
    let mut cal = calendar;
    cal["id"] = json!("cal");
    SlaCatalog::from_value(&json!({
        "calendars": [cal],
        "serviceLevels": [{ "id": "gold", "versions": [{ "effectiveFrom": "2020-01-01T00:00:00Z", "calendar": "cal", "targets": targets }] }],
        "services": [{ "id": "svc", "serviceLevel": "gold" }] }))
    .unwrap()
}

fn utc_9_17(targets: Value) -> SlaCatalog {
    catalog(json!({ "timeZone": "UTC", "weekly": weekdays("09:00", "17:00") }), targets)
}

fn ticket(priority: &str, created: &str, events: Value) -> Value {
    json!({ "id": "T-1", "service": "svc", "priority": priority, "createdAt": created, "events": events })
}

fn eval(c: &SlaCatalog, t: &Value, now: &str) -> TicketEvaluation {
    c.evaluate(t, at(now), &EvaluateOptions::default()).unwrap()
}

fn target<'a>(e: &'a TicketEvaluation, name: &str) -> &'a TargetEvaluation {
    e.targets.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("no target `{name}` in {e:?}"))
}

fn s(x: &Option<String>) -> Option<&str> {
    x.as_deref()
}

// ---------------------------------------------------------------- worked examples

#[test]
fn servicenow_worked_example_friday_21_00_to_monday_09_30() {
    let c = catalog(
        json!({ "timeZone": "UTC", "weekly": weekdays("08:00", "17:00") }),
        json!({ "P2": { "resolution": { "duration": { "hours": 8 } } } }),
    );
    let e = eval(&c, &ticket("P2", "2026-12-04T21:00:00Z", json!([])), "2026-12-07T09:30:00Z");
    let r = target(&e, "resolution");
    assert_eq!(r.elapsed_ms, 5_400_000); // 1 h 30 min of business time
    assert_eq!(r.actual_elapsed_ms, 217_800_000); // 60 h 30 min of real time
    assert_eq!(r.remaining_ms, 6 * H + 30 * M);
    assert_eq!(r.percent_used, 18.75);
    assert_eq!(s(&r.due), Some("2026-12-07T16:00:00Z"));
    assert_eq!(r.status, TargetStatus::OnTrack);
    assert_eq!((s(&r.breached_at), s(&r.stopped_at), r.paused, r.paused_ms), (None, None, false, 0));
}

#[test]
fn next_business_day_utc_09_17_end_of_business_day_1() {
    let c = utc_9_17(json!({ "P3": { "resolution": { "duration": { "endOfBusinessDay": 1 } } } }));
    // Opened Friday 10:00, Friday 16:00, Sunday 23:00: all due Monday 17:00.
    for (created, now, elapsed, target_ms) in [
        ("2026-12-04T10:00:00Z", "2026-12-04T12:00:00Z", 2 * H, 15 * H),
        ("2026-12-04T16:00:00Z", "2026-12-04T16:30:00Z", 30 * M, 9 * H),
        ("2026-12-06T23:00:00Z", "2026-12-06T23:30:00Z", 0, 8 * H),
    ] {
        let e = eval(&c, &ticket("P3", created, json!([])), now);
        let r = target(&e, "resolution");
        assert_eq!(s(&r.due), Some("2026-12-07T17:00:00Z"), "opened {created}");
        assert_eq!(r.elapsed_ms, elapsed, "opened {created}");
        assert_eq!(r.remaining_ms, target_ms - elapsed, "opened {created}");
    }
}

#[test]
fn end_of_business_day_becomes_clock_time_so_a_pause_pushes_it_out() {
    // Friday 10:00 + endOfBusinessDay 1 = 15 business hours; paused Friday 11:00 until
    // Monday 09:00, 14 hours remain: Monday 8 h + Tuesday 6 h.
    let c = utc_9_17(json!({ "P3": { "resolution": { "duration": { "endOfBusinessDay": 1 } } } }));
    let t = ticket(
        "P3",
        "2026-12-04T10:00:00Z",
        json!([{ "at": "2026-12-04T11:00:00Z", "type": "pause" }, { "at": "2026-12-07T09:00:00Z", "type": "resume" }]),
    );
    let r = eval(&c, &t, "2026-12-07T10:00:00Z").targets[0].clone();
    assert_eq!(s(&r.due), Some("2026-12-08T15:00:00Z"));
    assert_eq!((r.elapsed_ms, r.paused_ms, r.remaining_ms), (2 * H, 6 * H, 13 * H));
}

// ---------------------------------------------------------------- pauses

#[test]
fn pause_over_a_night_and_a_weekend_utc_2026_12_03() {
    let c = utc_9_17(json!({ "P2": { "resolution": { "duration": "PT4H" } } }));
    let t = ticket(
        "P2",
        "2026-12-03T16:00:00Z",
        json!([{ "at": "2026-12-03T16:30:00Z", "type": "pause", "reason": "waitingForCustomer" },
               { "at": "2026-12-07T10:00:00Z", "type": "resume" }]),
    );
    // Saturday: paused, no due.
    let r = eval(&c, &t, "2026-12-05T12:00:00Z").targets[0].clone();
    assert_eq!((r.status, r.paused, s(&r.due)), (TargetStatus::Paused, true, None));
    assert_eq!((r.elapsed_ms, r.paused_ms, r.actual_elapsed_ms), (30 * M, 8 * H + 30 * M, 30 * M));
    // Monday 11:00: Thursday 30 min + Monday 1 h counted; paused Thu 30 min + Fri 8 h + Mon 1 h.
    let r = eval(&c, &t, "2026-12-07T11:00:00Z").targets[0].clone();
    assert_eq!((r.status, r.paused), (TargetStatus::OnTrack, false));
    assert_eq!((r.elapsed_ms, r.paused_ms, r.actual_elapsed_ms), (90 * M, 9 * H + 30 * M, 90 * M));
    assert_eq!(r.remaining_ms, 150 * M);
    assert_eq!(s(&r.due), Some("2026-12-07T13:30:00Z"));
}

#[test]
fn helsinki_2026_03_29_spring_forward_pause_over_the_weekend() {
    let c = catalog(
        json!({ "timeZone": "Europe/Helsinki", "weekly": weekdays("08:00", "16:00") }),
        json!({ "P1": { "resolution": { "duration": "PT4H" } },
                "P2": { "followUp": { "duration": "PT24H", "clock": "calendar" } } }),
    );
    let t = ticket(
        "P1",
        "2026-03-27T15:00:00+02:00",
        json!([{ "at": "2026-03-27T15:30:00+02:00", "type": "pause" }, { "at": "2026-03-30T09:00:00+03:00", "type": "resume" }]),
    );
    let r = eval(&c, &t, "2026-03-30T10:00:00+03:00").targets[0].clone();
    assert_eq!(s(&r.due), Some("2026-03-30T12:30:00+03:00"));
    assert_eq!((r.elapsed_ms, r.paused_ms, r.actual_elapsed_ms), (90 * M, 90 * M, 90 * M));
    // The calendar clock counts real time: 24 h after Saturday noon is Sunday 13:00 on the wall.
    let e = eval(&c, &ticket("P2", "2026-03-28T12:00:00+02:00", json!([])), "2026-03-29T12:00:00+03:00");
    let f = target(&e, "followUp");
    assert_eq!(s(&f.due), Some("2026-03-29T13:00:00+03:00"));
    assert_eq!((f.elapsed_ms, f.remaining_ms), (23 * H, H));
    // A calendar-clock pause is real time too, the missing hour excluded.
    let t = ticket(
        "P2",
        "2026-03-28T12:00:00+02:00",
        json!([{ "at": "2026-03-28T20:00:00+02:00", "type": "pause" }, { "at": "2026-03-29T08:00:00+03:00", "type": "resume" }]),
    );
    let f = eval(&c, &t, "2026-03-29T09:00:00+03:00").targets[0].clone();
    assert_eq!((f.elapsed_ms, f.paused_ms), (9 * H, 11 * H));
    assert_eq!(s(&f.due), Some("2026-03-30T00:00:00+03:00"));
}

#[test]
fn helsinki_2026_10_25_fall_back_night_window_is_seven_hours() {
    // Sunday 00:00-06:00 on the fall-back day is 7 real hours (03:00-04:00 twice).
    let c = catalog(
        json!({ "timeZone": "Europe/Helsinki", "weekly": { "sun": [["00:00", "06:00"]] } }),
        json!({ "P1": { "resolution": { "duration": "PT6H" } } }),
    );
    let e = eval(&c, &ticket("P1", "2026-10-25T00:00:00+03:00", json!([])), "2026-10-25T01:00:00Z");
    let r = &e.targets[0];
    assert_eq!(s(&r.due), Some("2026-10-25T05:00:00+02:00"));
    assert_eq!(r.elapsed_ms, 4 * H);
    // A pause across the repeated hour: 02:00+03:00 to 03:30+02:00 is 2 h 30 min.
    let t = ticket(
        "P1",
        "2026-10-25T00:00:00+03:00",
        json!([{ "at": "2026-10-25T02:00:00+03:00", "type": "pause" }, { "at": "2026-10-25T03:30:00+02:00", "type": "resume" }]),
    );
    let r = eval(&c, &t, "2026-10-25T02:00:00Z").targets[0].clone();
    assert_eq!((r.elapsed_ms, r.paused_ms, r.remaining_ms), (150 * M, 150 * M, 210 * M));
    // 2 h 30 min more this night, the last 1 h 30 min next Sunday.
    assert_eq!(s(&r.due), Some("2026-11-01T01:30:00+02:00"));
}

#[test]
fn pause_reasons_filter_which_pauses_count() {
    let c = utc_9_17(json!({ "P1": {
        "response": { "duration": "PT2H" },
        "resolution": { "duration": "PT4H", "pauseReasons": ["waitingForCustomer"] },
        "callback": { "duration": "PT8H", "pauseReasons": [] } } }));
    let t = ticket(
        "P1",
        "2026-12-07T09:00:00Z",
        json!([{ "at": "2026-12-07T09:30:00Z", "type": "pause" },
               { "at": "2026-12-07T10:00:00Z", "type": "resume" },
               { "at": "2026-12-07T10:30:00Z", "type": "pause", "reason": "waitingForCustomer" },
               { "at": "2026-12-07T11:00:00Z", "type": "resume" },
               { "at": "2026-12-07T11:30:00Z", "type": "pause", "reason": "waitingForVendor" },
               { "at": "2026-12-07T12:00:00Z", "type": "resume" }]),
    );
    let e = eval(&c, &t, "2026-12-07T12:30:00Z");
    assert_eq!(e.targets.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["response", "resolution", "callback"]);
    // Every pause pauses the response: 2 h counted exactly now, due now, not breached.
    let r = target(&e, "response");
    assert_eq!((r.elapsed_ms, r.paused_ms, r.remaining_ms), (2 * H, 90 * M, 0));
    assert_eq!((s(&r.due), s(&r.breached_at), r.status), (Some("2026-12-07T12:30:00Z"), None, TargetStatus::OnTrack));
    // Only the customer pause pauses the resolution; a pause without reason does not.
    let r = target(&e, "resolution");
    assert_eq!((r.elapsed_ms, r.paused_ms), (3 * H, 30 * M));
    assert_eq!(s(&r.due), Some("2026-12-07T13:30:00Z"));
    // An empty list: nothing pauses it.
    let r = target(&e, "callback");
    assert_eq!((r.elapsed_ms, r.paused_ms), (3 * H + 30 * M, 0));
}

// ---------------------------------------------------------------- passing, edges

#[test]
fn due_friday_17_00_has_zero_remaining_all_weekend_and_is_breached() {
    let c = utc_9_17(json!({ "P1": { "resolution": { "duration": "PT8H" } } }));
    let t = ticket("P1", "2026-12-04T09:00:00Z", json!([]));
    // At the due instant itself: not yet breached.
    let r = eval(&c, &t, "2026-12-04T17:00:00Z").targets[0].clone();
    assert_eq!((r.status, s(&r.due), s(&r.breached_at), r.remaining_ms), (TargetStatus::OnTrack, Some("2026-12-04T17:00:00Z"), None, 0));
    let r = eval(&c, &t, "2026-12-04T17:00:00.001Z").targets[0].clone();
    assert_eq!((r.status, s(&r.breached_at)), (TargetStatus::Breached, Some("2026-12-04T17:00:00Z")));
    let r = eval(&c, &t, "2026-12-05T12:00:00Z").targets[0].clone();
    assert_eq!((r.status, s(&r.breached_at), s(&r.due)), (TargetStatus::Breached, Some("2026-12-04T17:00:00Z"), Some("2026-12-04T17:00:00Z")));
    assert_eq!((r.remaining_ms, r.percent_used), (0, 100.0));
    let r = eval(&c, &t, "2026-12-07T10:00:00Z").targets[0].clone();
    assert_eq!((r.remaining_ms, r.percent_used), (-H, 112.5));
}

#[test]
fn a_passed_target_stays_breached_while_paused() {
    let c = utc_9_17(json!({ "P1": { "response": { "duration": "PT1H" } } }));
    let t = ticket("P1", "2026-12-07T09:00:00Z", json!([{ "at": "2026-12-07T10:30:00Z", "type": "pause" }]));
    let r = eval(&c, &t, "2026-12-07T11:00:00Z").targets[0].clone();
    assert_eq!((r.status, r.paused), (TargetStatus::Breached, true));
    assert_eq!((s(&r.breached_at), s(&r.due)), (Some("2026-12-07T10:00:00Z"), Some("2026-12-07T10:00:00Z")));
    assert_eq!((r.elapsed_ms, r.remaining_ms, r.paused_ms), (90 * M, -30 * M, 30 * M));
}

#[test]
fn reaching_the_target_exactly_at_a_pause_is_not_a_pass() {
    let c = utc_9_17(json!({ "P1": { "response": { "duration": "PT1H" } } }));
    let events = json!([{ "at": "2026-12-07T10:00:00Z", "type": "pause" }, { "at": "2026-12-07T11:00:00Z", "type": "resume" }]);
    let t = ticket("P1", "2026-12-07T09:00:00Z", events);
    let r = eval(&c, &t, "2026-12-07T10:30:00Z").targets[0].clone();
    assert_eq!((r.status, s(&r.due), s(&r.breached_at), r.remaining_ms), (TargetStatus::Paused, None, None, 0));
    // Resumed at 11:00: due at once; the pass is the resume instant.
    let r = eval(&c, &t, "2026-12-07T11:00:00Z").targets[0].clone();
    assert_eq!((r.status, s(&r.due)), (TargetStatus::OnTrack, Some("2026-12-07T11:00:00Z")));
    let r = eval(&c, &t, "2026-12-07T11:00:01Z").targets[0].clone();
    assert_eq!((r.status, s(&r.breached_at)), (TargetStatus::Breached, Some("2026-12-07T11:00:00Z")));
}

#[test]
fn reaching_the_target_exactly_at_the_stop_is_met() {
    let c = utc_9_17(json!({ "P1": { "response": { "duration": "PT1H" } } }));
    let t = ticket("P1", "2026-12-07T09:00:00Z", json!([{ "at": "2026-12-07T10:00:00Z", "type": "respond" }]));
    let r = eval(&c, &t, "2026-12-07T12:00:00Z").targets[0].clone();
    assert_eq!((r.status, s(&r.stopped_at), s(&r.due), s(&r.breached_at)),
        (TargetStatus::Met, Some("2026-12-07T10:00:00Z"), Some("2026-12-07T10:00:00Z"), None));
    assert_eq!((r.elapsed_ms, r.remaining_ms, r.percent_used), (H, 0, 100.0));
}

#[test]
fn a_stopped_target_keeps_the_due_it_would_have_had() {
    // Responded Friday 16:40 with 80 min left: would have been due Monday 10:00.
    let c = utc_9_17(json!({ "P1": { "response": { "duration": "PT2H" } } }));
    let t = ticket("P1", "2026-12-04T16:00:00Z", json!([{ "at": "2026-12-04T16:40:00Z", "type": "respond" }]));
    let r = eval(&c, &t, "2026-12-09T12:00:00Z").targets[0].clone();
    assert_eq!((r.status, s(&r.due), r.elapsed_ms, r.actual_elapsed_ms), (TargetStatus::Met, Some("2026-12-07T10:00:00Z"), 40 * M, 40 * M));
}

#[test]
fn events_after_now_are_ignored_and_now_before_creation_counts_nothing() {
    let c = utc_9_17(json!({ "P1": { "response": { "duration": "PT1H" } } }));
    let t = ticket("P1", "2026-12-07T09:00:00Z", json!([{ "at": "2026-12-07T09:30:00Z", "type": "respond" }]));
    let r = eval(&c, &t, "2026-12-07T09:20:00Z").targets[0].clone();
    assert_eq!((r.status, s(&r.stopped_at), r.elapsed_ms), (TargetStatus::OnTrack, None, 20 * M));
    // An event exactly at now applies.
    let r = eval(&c, &t, "2026-12-07T09:30:00Z").targets[0].clone();
    assert_eq!(r.status, TargetStatus::Met);
    let r = eval(&c, &t, "2026-12-07T08:00:00Z").targets[0].clone();
    assert_eq!((r.status, r.elapsed_ms, r.actual_elapsed_ms, s(&r.due)), (TargetStatus::OnTrack, 0, 0, Some("2026-12-07T10:00:00Z")));
}

// ---------------------------------------------------------------- priority changes

fn priorities() -> SlaCatalog {
    utc_9_17(json!({
        "P1": { "response": { "duration": "PT15M" }, "resolution": { "duration": "PT2H" } },
        "P3": { "response": { "duration": "PT4H" }, "resolution": { "duration": "PT16H" } } }))
}

#[test]
fn priority_change_breaches_retroactively_before_the_change() {
    let c = priorities();
    let t = ticket("P3", "2026-12-07T09:00:00Z", json!([{ "at": "2026-12-07T10:00:00Z", "type": "priorityChange", "priority": "P1" }]));
    let e = eval(&c, &t, "2026-12-07T10:05:00Z");
    assert_eq!(e.priority, "P1");
    let r = target(&e, "response");
    assert_eq!((r.status, s(&r.breached_at), s(&r.due)), (TargetStatus::Breached, Some("2026-12-07T09:15:00Z"), Some("2026-12-07T09:15:00Z")));
    assert_eq!((r.elapsed_ms, r.remaining_ms), (65 * M, -50 * M));
    let r = target(&e, "resolution");
    assert_eq!((r.status, s(&r.due), r.remaining_ms), (TargetStatus::OnTrack, Some("2026-12-07T11:00:00Z"), 55 * M));
}

#[test]
fn priority_change_turns_a_met_response_into_missed() {
    let c = priorities();
    let t = ticket(
        "P3",
        "2026-12-07T09:00:00Z",
        json!([{ "at": "2026-12-07T09:30:00Z", "type": "respond" },
               { "at": "2026-12-07T10:00:00Z", "type": "priorityChange", "priority": "P1" }]),
    );
    assert_eq!(target(&eval(&c, &t, "2026-12-07T09:45:00Z"), "response").status, TargetStatus::Met);
    let e = eval(&c, &t, "2026-12-07T10:05:00Z");
    let r = target(&e, "response");
    assert_eq!((r.status, s(&r.breached_at), s(&r.stopped_at)), (TargetStatus::Missed, Some("2026-12-07T09:15:00Z"), Some("2026-12-07T09:30:00Z")));
    assert_eq!(r.elapsed_ms, 30 * M);
}

#[test]
fn priority_downgrade_lifts_a_breach_and_future_changes_are_ignored() {
    let c = priorities();
    let t = ticket("P1", "2026-12-07T09:00:00Z", json!([{ "at": "2026-12-07T09:20:00Z", "type": "priorityChange", "priority": "P3" }]));
    let e = eval(&c, &t, "2026-12-07T09:18:00Z");
    assert_eq!((e.priority.as_str(), target(&e, "response").status), ("P1", TargetStatus::Breached));
    let e = eval(&c, &t, "2026-12-07T09:30:00Z");
    let r = target(&e, "response");
    assert_eq!((e.priority.as_str(), r.status, s(&r.breached_at), s(&r.due)), ("P3", TargetStatus::OnTrack, None, Some("2026-12-07T13:00:00Z")));
}

// ---------------------------------------------------------------- reopen

fn reopen_catalog() -> SlaCatalog {
    utc_9_17(json!({ "P2": { "response": { "duration": "PT1H" }, "resolution": { "duration": "PT4H" } } }))
}

#[test]
fn reopen_after_resolution_keeps_counted_time() {
    let c = reopen_catalog();
    let t = ticket(
        "P2",
        "2026-12-07T09:00:00Z",
        json!([{ "at": "2026-12-07T09:30:00Z", "type": "respond" },
               { "at": "2026-12-07T11:00:00Z", "type": "resolve" },
               { "at": "2026-12-08T10:00:00Z", "type": "reopen" }]),
    );
    // Resolved: met, with the due it would have had.
    let e = eval(&c, &t, "2026-12-07T12:00:00Z");
    let r = target(&e, "resolution");
    assert_eq!((r.status, s(&r.stopped_at), s(&r.due), r.elapsed_ms), (TargetStatus::Met, Some("2026-12-07T11:00:00Z"), Some("2026-12-07T13:00:00Z"), 2 * H));
    let r = target(&e, "response");
    assert_eq!((r.status, s(&r.stopped_at), s(&r.due), r.elapsed_ms), (TargetStatus::Met, Some("2026-12-07T09:30:00Z"), Some("2026-12-07T10:00:00Z"), 30 * M));
    // Reopened Tuesday 10:00: 2 h counted, 2 h left, due 12:00; at 12:00 itself not breached.
    let e = eval(&c, &t, "2026-12-08T12:00:00Z");
    let r = target(&e, "resolution");
    assert_eq!((r.status, s(&r.stopped_at), s(&r.due), r.elapsed_ms, r.remaining_ms), (TargetStatus::OnTrack, None, Some("2026-12-08T12:00:00Z"), 4 * H, 0));
    assert_eq!(r.actual_elapsed_ms, 4 * H);
    assert_eq!(target(&e, "response").status, TargetStatus::Met);
    let r = eval(&c, &t, "2026-12-08T12:00:01Z").targets[1].clone();
    assert_eq!((r.status, s(&r.breached_at), r.remaining_ms), (TargetStatus::Breached, Some("2026-12-08T12:00:00Z"), -1000));
}

#[test]
fn a_response_stopped_by_resolve_stays_stopped_after_reopen() {
    let c = reopen_catalog();
    let t = ticket(
        "P2",
        "2026-12-07T09:00:00Z",
        json!([{ "at": "2026-12-07T09:45:00Z", "type": "resolve" },
               { "at": "2026-12-07T10:00:00Z", "type": "reopen" },
               { "at": "2026-12-07T10:10:00Z", "type": "respond" }]),
    );
    let e = eval(&c, &t, "2026-12-07T11:00:00Z");
    let r = target(&e, "response");
    assert_eq!((r.status, s(&r.stopped_at), s(&r.due), r.elapsed_ms), (TargetStatus::Met, Some("2026-12-07T09:45:00Z"), Some("2026-12-07T10:00:00Z"), 45 * M));
    let r = target(&e, "resolution");
    assert_eq!((r.status, r.elapsed_ms, s(&r.due)), (TargetStatus::OnTrack, 105 * M, Some("2026-12-07T13:15:00Z")));
}

// ---------------------------------------------------------------- versions

fn versioned() -> Value {
    json!({
        "calendars": [{ "id": "helsinki-24x7", "timeZone": "Europe/Helsinki", "weekly": all_week() }],
        "serviceLevels": [{ "id": "gold", "versions": [
            { "effectiveFrom": "2026-01-01T00:00:00+02:00", "calendar": "helsinki-24x7",
              "targets": { "P1": { "response": { "duration": "PT2H" } } } },
            { "effectiveFrom": "2026-09-01T00:00:00+03:00", "effectiveTo": "2027-01-01T00:00:00+02:00", "calendar": "helsinki-24x7",
              "targets": { "P1": { "response": { "duration": "PT1H" } } } }] }],
        "services": [{ "id": "svc", "serviceLevel": "gold" }] })
}

#[test]
fn ticket_created_exactly_at_effective_from_and_one_second_before() {
    let c = SlaCatalog::from_value(&versioned()).unwrap();
    let e = eval(&c, &ticket("P1", "2026-09-01T00:00:00+03:00", json!([])), "2026-09-01T00:10:00+03:00");
    assert_eq!((e.version_index, e.effective_from.as_str(), e.service_level.as_str(), e.calendar.as_str()),
        (1, "2026-09-01T00:00:00+03:00", "gold", "helsinki-24x7"));
    assert_eq!(s(&e.targets[0].due), Some("2026-09-01T01:00:00+03:00"));
    let e = eval(&c, &ticket("P1", "2026-08-31T23:59:59+03:00", json!([])), "2026-09-01T00:10:00+03:00");
    assert_eq!((e.version_index, e.effective_from.as_str()), (0, "2026-01-01T00:00:00+02:00"));
    assert_eq!(s(&e.targets[0].due), Some("2026-09-01T01:59:59+03:00"));
}

#[test]
fn no_version_in_force_before_the_first_or_after_effective_to() {
    let c = SlaCatalog::from_value(&versioned()).unwrap();
    for created in ["2025-12-31T23:59:59+02:00", "2027-01-01T00:00:00+02:00"] {
        let e = c.evaluate(&ticket("P1", created, json!([])), at("2027-02-01T00:00:00Z"), &EvaluateOptions::default()).unwrap_err();
        assert_eq!((e.code().as_str(), e.path()), ("INVALID_TICKET", "createdAt"));
    }
}

#[test]
fn what_if_another_version_or_another_catalog() {
    let c = SlaCatalog::from_value(&versioned()).unwrap();
    let t = ticket("P1", "2026-09-01T00:00:00+03:00", json!([]));
    let now = at("2026-09-01T00:10:00+03:00");
    let e = c.evaluate(&t, now, &EvaluateOptions { version_index: Some(0), catalog: None }).unwrap();
    assert_eq!((e.version_index, s(&e.targets[0].due)), (0, Some("2026-09-01T02:00:00+03:00")));
    let err = c.evaluate(&t, now, &EvaluateOptions { version_index: Some(5), catalog: None }).unwrap_err();
    assert_eq!((err.code().as_str(), err.path()), ("INVALID_OPTION", "versionIndex"));
    assert_eq!(err.message(), "version index `5` is out of range: service level `gold` has 2 versions");
    let mut other = versioned();
    other["serviceLevels"][0]["versions"][1]["targets"]["P1"]["response"]["duration"] = json!("PT30M");
    let other = SlaCatalog::from_value(&other).unwrap();
    let e = c.evaluate(&t, now, &EvaluateOptions { version_index: None, catalog: Some(&other) }).unwrap();
    assert_eq!(s(&e.targets[0].due), Some("2026-09-01T00:30:00+03:00"));
}

#[test]
fn a_service_calendar_overrides_the_version_calendar() {
    let v = json!({
        "calendars": [{ "id": "utc", "timeZone": "UTC", "weekly": weekdays("09:00", "17:00") },
                      { "id": "helsinki", "timeZone": "Europe/Helsinki", "weekly": weekdays("09:00", "17:00") }],
        "serviceLevels": [{ "id": "gold", "versions": [{ "effectiveFrom": "2020-01-01T00:00:00Z", "calendar": "utc",
            "targets": { "P1": { "response": { "duration": "PT1H" } } } }] }],
        "services": [{ "id": "svc", "serviceLevel": "gold", "calendar": "helsinki" }, { "id": "web", "serviceLevel": "gold" }] });
    let c = SlaCatalog::from_value(&v).unwrap();
    let e = eval(&c, &ticket("P1", "2026-12-07T09:00:00+02:00", json!([])), "2026-12-07T09:00:00+02:00");
    assert_eq!((e.calendar.as_str(), s(&e.targets[0].due)), ("helsinki", Some("2026-12-07T10:00:00+02:00")));
    let mut t = ticket("P1", "2026-12-07T09:00:00+02:00", json!([]));
    t["service"] = json!("web");
    let e = eval(&c, &t, "2026-12-07T09:00:00+02:00");
    assert_eq!((e.calendar.as_str(), s(&e.targets[0].due)), ("utc", Some("2026-12-07T10:00:00Z")));
}

// ---------------------------------------------------------------- holidays, warnings

fn christmas() -> SlaCatalog {
    catalog(
        json!({ "timeZone": "UTC", "weekly": weekdays("09:00", "17:00"),
                "rules": [{ "name": "Christmas Day", "month": 12, "day": 25 }],
                "exceptions": [{ "date": "2026-12-24", "hours": [["09:00", "12:00"]], "name": "Christmas Eve" }] }),
        json!({ "P1": { "response": { "duration": "PT1H" }, "resolution": { "duration": { "endOfBusinessDay": 0 } } } }),
    )
}

#[test]
fn ticket_created_on_christmas_day_2026_12_25_waits_for_monday() {
    let c = christmas();
    let e = eval(&c, &ticket("P1", "2026-12-25T10:00:00Z", json!([])), "2026-12-26T12:00:00Z");
    let r = target(&e, "response");
    assert_eq!((s(&r.due), r.elapsed_ms, r.actual_elapsed_ms), (Some("2026-12-28T10:00:00Z"), 0, 26 * H));
    let r = target(&e, "resolution");
    assert_eq!((s(&r.due), r.remaining_ms), (Some("2026-12-28T17:00:00Z"), 8 * H));
}

#[test]
fn ticket_created_on_short_christmas_eve_2026_12_24() {
    let c = christmas();
    let e = eval(&c, &ticket("P1", "2026-12-24T11:30:00Z", json!([])), "2026-12-24T11:45:00Z");
    assert_eq!(s(&target(&e, "response").due), Some("2026-12-28T09:30:00Z"));
    let r = target(&e, "resolution");
    assert_eq!((s(&r.due), r.remaining_ms), (Some("2026-12-24T12:00:00Z"), 15 * M));
}

fn warned() -> SlaCatalog {
    let mut v = json!({
        "calendars": [{ "id": "cal", "timeZone": "UTC", "weekly": weekdays("09:00", "17:00") }],
        "serviceLevels": [{ "id": "gold", "versions": [{ "effectiveFrom": "2020-01-01T00:00:00Z", "calendar": "cal",
            "warnAt": [0.75, 0.5],
            "targets": { "P1": { "response": { "duration": "PT1H", "warnAt": [0.9] }, "resolution": { "duration": "PT8H" } } } }] }],
        "services": [{ "id": "svc", "serviceLevel": "gold" }] });
    v["x"] = Value::Null; // a null field is absent
    SlaCatalog::from_value(&v).unwrap()
}

fn warnings(t: &TargetEvaluation) -> Vec<(f64, Option<&str>, bool)> {
    t.warnings.iter().map(|w| (w.threshold, w.at.as_deref(), w.reached)).collect()
}

#[test]
fn warning_thresholds_put_a_target_at_risk() {
    let c = warned();
    let t = ticket("P1", "2026-12-07T09:00:00Z", json!([]));
    let e = eval(&c, &t, "2026-12-07T12:59:00Z");
    let r = target(&e, "resolution");
    assert_eq!(r.status, TargetStatus::OnTrack);
    assert_eq!(warnings(r), [(0.5, Some("2026-12-07T13:00:00Z"), false), (0.75, Some("2026-12-07T15:00:00Z"), false)]);
    assert_eq!(warnings(target(&e, "response")), [(0.9, Some("2026-12-07T09:54:00Z"), true)]);
    let e = eval(&c, &t, "2026-12-07T13:00:00Z");
    assert_eq!(target(&e, "resolution").status, TargetStatus::AtRisk);
    assert_eq!(warnings(target(&e, "resolution"))[0], (0.5, Some("2026-12-07T13:00:00Z"), true));
}

#[test]
fn warnings_of_a_paused_or_stopped_target_are_null_until_reached() {
    let c = warned();
    let t = ticket("P1", "2026-12-07T09:00:00Z", json!([{ "at": "2026-12-07T12:00:00Z", "type": "pause" }]));
    let r = eval(&c, &t, "2026-12-07T14:00:00Z").targets[1].clone();
    assert_eq!(r.status, TargetStatus::Paused);
    assert_eq!(warnings(&r), [(0.5, None, false), (0.75, None, false)]);
    let t = ticket("P1", "2026-12-07T09:00:00Z", json!([{ "at": "2026-12-07T14:00:00Z", "type": "resolve" }]));
    let r = eval(&c, &t, "2026-12-07T16:00:00Z").targets[1].clone();
    assert_eq!(r.status, TargetStatus::Met);
    assert_eq!(warnings(&r), [(0.5, Some("2026-12-07T13:00:00Z"), true), (0.75, None, false)]);
}

// ---------------------------------------------------------------- output shape, tickets

#[test]
fn evaluation_json_shape_has_nulls_never_missing_keys() {
    let c = warned();
    let t = json!({ "id": 42, "service": "svc", "priority": "P1", "createdAt": "2026-12-07T09:00:00Z",
                    "assignee": "ignored", "events": [{ "at": "2026-12-07T09:30:00Z", "type": "respond", "by": "agent" }] });
    let e = c.evaluate(&t, at("2026-12-07T09:45:00Z"), &EvaluateOptions::default()).unwrap();
    assert_eq!(serde_json::to_value(&e).unwrap(), json!({
        "ticketId": "42", "service": "svc", "serviceLevel": "gold", "versionIndex": 0,
        "effectiveFrom": "2020-01-01T00:00:00Z", "calendar": "cal", "priority": "P1",
        "targets": [
            { "name": "response", "status": "met", "paused": false, "due": "2026-12-07T10:00:00Z",
              "breachedAt": null, "stoppedAt": "2026-12-07T09:30:00Z", "elapsedMs": 1_800_000, "pausedMs": 0,
              "remainingMs": 1_800_000, "percentUsed": 50.0, "actualElapsedMs": 1_800_000,
              "warnings": [{ "threshold": 0.9, "at": null, "reached": false }] },
            { "name": "resolution", "status": "onTrack", "paused": false, "due": "2026-12-07T17:00:00Z",
              "breachedAt": null, "stoppedAt": null, "elapsedMs": 2_700_000, "pausedMs": 0,
              "remainingMs": 26_100_000, "percentUsed": 9.375, "actualElapsedMs": 2_700_000,
              "warnings": [{ "threshold": 0.5, "at": "2026-12-07T13:00:00Z", "reached": false },
                           { "threshold": 0.75, "at": "2026-12-07T15:00:00Z", "reached": false }] }] }));
}

#[test]
fn events_out_of_order_or_before_creation_are_errors_of_that_ticket() {
    let c = reopen_catalog();
    let now = at("2026-12-08T00:00:00Z");
    let opts = EvaluateOptions::default();
    let e = c
        .evaluate(
            &ticket("P2", "2026-12-07T09:00:00Z", json!([
                { "at": "2026-12-07T09:10:00Z", "type": "pause" }, { "at": "2026-12-07T09:20:00Z", "type": "resume" },
                { "at": "2026-12-07T09:30:00Z", "type": "respond" }, { "at": "2026-12-07T09:25:00Z", "type": "resolve" }])),
            now,
            &opts,
        )
        .unwrap_err();
    assert_eq!((e.code().as_str(), e.path()), ("INVALID_TICKET", "events[3].at"));
    assert_eq!(e.message(), "event at `2026-12-07T09:25:00Z` is before the event ahead of it at `2026-12-07T09:30:00Z`: events must be in time order");
    let e = c.evaluate(&ticket("P2", "2026-12-07T09:00:00Z", json!([{ "at": "2026-12-07T08:59:59Z", "type": "pause" }])), now, &opts).unwrap_err();
    assert_eq!((e.code().as_str(), e.path()), ("INVALID_TICKET", "events[0].at"));
    // Same-instant events are allowed and apply in list order.
    let t = ticket("P2", "2026-12-07T09:00:00Z", json!([{ "at": "2026-12-07T09:00:00Z", "type": "pause" }, { "at": "2026-12-07T09:00:00Z", "type": "resume" }]));
    assert_eq!(eval(&c, &t, "2026-12-07T09:30:00Z").targets[0].elapsed_ms, 30 * M);
    for (t, code, path) in [
        (json!({ "id": "T", "service": "svc", "priority": "P2", "createdAt": "2026-12-07T09:00:00Z", "events": [{ "at": "2026-12-07T10:00:00Z", "type": "hold" }] }), "INVALID_TICKET", "events[0].type"),
        (json!({ "id": "T", "service": "svc", "priority": "P2", "createdAt": "2026-12-07T09:00:00Z", "events": [{ "at": "2026-12-07T10:00:00Z", "type": "priorityChange" }] }), "MISSING_FIELD", "events[0].priority"),
        (json!({ "id": "T", "service": "svc", "priority": "P2", "createdAt": "2026-12-07 09:00" }), "NAIVE_TIMESTAMP", "createdAt"),
        (json!({ "id": "T", "service": "svc", "priority": "P2", "createdAt": true }), "INVALID_TYPE", "createdAt"),
        (json!({ "id": "T", "service": "nope", "priority": "P2", "createdAt": "2026-12-07T09:00:00Z" }), "UNKNOWN_REFERENCE", "service"),
        (json!({ "service": "svc", "priority": "P2", "createdAt": "2026-12-07T09:00:00Z" }), "MISSING_FIELD", "id"),
        (json!([]), "INVALID_TYPE", ""),
    ] {
        let e = c.evaluate(&t, now, &opts).unwrap_err();
        assert_eq!((e.code().as_str(), e.path()), (code, path), "{t}");
    }
}

#[test]
fn a_priority_without_targets_has_no_targets() {
    let c = reopen_catalog();
    let e = eval(&c, &ticket("P5", "2026-12-07T09:00:00Z", json!([])), "2026-12-07T10:00:00Z");
    assert_eq!((e.priority.as_str(), e.targets.len()), ("P5", 0));
}

#[test]
fn evaluate_many_puts_an_error_in_the_slot_of_a_bad_ticket() {
    let c = reopen_catalog();
    let good = ticket("P2", "2026-12-07T09:00:00Z", json!([]));
    let bad = json!({ "id": "T-2", "service": "svc", "priority": "P2", "createdAt": "2026-12-07T09:00:00Z",
                      "events": [{ "at": "2026-12-07T08:00:00Z", "type": "pause" }] });
    let now = at("2026-12-07T10:00:00Z");
    let out = c.evaluate_many(&[good.clone(), bad, json!(7)], now, &EvaluateOptions::default());
    assert_eq!(out.len(), 3);
    assert_eq!(out[0].as_ref().unwrap(), &c.evaluate(&good, now, &EvaluateOptions::default()).unwrap());
    let err = out[1].as_ref().unwrap_err();
    assert_eq!(serde_json::to_value(err).unwrap(), json!({ "ticketId": "T-2", "error": {
        "code": "INVALID_TICKET", "path": "events[0].at",
        "message": "event at `2026-12-07T08:00:00Z` is before the ticket's `createdAt` `2026-12-07T09:00:00Z`" } }));
    assert_eq!(out[2].as_ref().unwrap_err().ticket_id, None);
}

// ---------------------------------------------------------------- validation

fn codes(findings: &[slaclock::Finding]) -> Vec<(Severity, &str, &str)> {
    findings.iter().map(|f| (f.severity, f.code.as_str(), f.path.as_str())).collect()
}

#[test]
fn every_validation_error_code_with_its_path() {
    let office = json!({ "id": "office", "timeZone": "UTC", "weekly": weekdays("09:00", "17:00") });
    let v = json!({
        "calendars": [
            office,
            { "id": "bad", "timeZone": "UTC", "weekly": { "tue": [["08:00", "12:00"], ["13:00", "25:00"]] } },
            { "id": "office", "timeZone": "UTC", "weekly": { "mon": [["09:00", "17:00"]] } },
            { "timeZone": "Mars/Olympus" }],
        "serviceLevels": [
            { "id": "gold", "versions": [
                { "effectiveFrom": "2026-01-01T00:00:00Z", "calendar": "office", "warnAt": [1.5],
                  "targets": { "P1": {
                      "response": { "duration": "4h" },
                      "resolution": { "duration": 0 },
                      "followUp": { "duration": "PT1H", "clock": "wall" },
                      "callback": { "duration": "PT1H", "stopOn": "close" },
                      "survey": { "duration": "-PT1H" },
                      "review": { "duration": "PT1H", "warnAt": [0.5, 0.5] } } } },
                { "effectiveFrom": "2025-06-01T00:00:00Z", "calendar": "nowhere", "targets": {} }] },
            { "id": "silver", "versions": [
                { "effectiveFrom": "2026-01-01T00:00:00Z", "effectiveTo": "2026-07-01T00:00:00Z", "targets": {} },
                { "effectiveFrom": "2026-06-01T00:00:00Z", "effectiveTo": "2026-05-01T00:00:00Z", "targets": {} },
                { "effectiveFrom": "2026-08-01T00:00:00" }] },
            { "id": "gold", "versions": [] }],
        "services": [
            { "id": "a" },
            { "id": "b", "serviceLevel": "platinum" },
            { "id": "c", "serviceLevel": "silver" },
            { "id": "c", "serviceLevel": "gold", "calendar": "home" }] });
    let findings = SlaCatalog::validate(&v);
    use Severity::Error as E;
    assert_eq!(codes(&findings), [
        (E, "INVALID_WALL_TIME", "calendars[1].weekly.tue[1].end"),
        (E, "DUPLICATE_ID", "calendars[2].id"),
        (E, "MISSING_FIELD", "calendars[3].id"),
        (E, "INVALID_TIME_ZONE", "calendars[3].timeZone"),
        (E, "INVALID_TARGET", "serviceLevels[0].versions[0].warnAt[0]"),
        (E, "INVALID_TARGET", "serviceLevels[0].versions[0].targets.P1.callback.stopOn"),
        (E, "INVALID_TARGET", "serviceLevels[0].versions[0].targets.P1.followUp.clock"),
        (E, "INVALID_TARGET", "serviceLevels[0].versions[0].targets.P1.resolution.duration"),
        (E, "INVALID_DURATION", "serviceLevels[0].versions[0].targets.P1.response.duration"),
        (E, "INVALID_TARGET", "serviceLevels[0].versions[0].targets.P1.review.warnAt[1]"),
        (E, "INVALID_TARGET", "serviceLevels[0].versions[0].targets.P1.survey.duration"),
        (E, "UNKNOWN_REFERENCE", "serviceLevels[0].versions[1].calendar"),
        (E, "INVALID_VERSIONS", "serviceLevels[0].versions[1].effectiveFrom"),
        (E, "INVALID_VERSIONS", "serviceLevels[1].versions[1].effectiveTo"),
        (E, "NAIVE_TIMESTAMP", "serviceLevels[1].versions[2].effectiveFrom"),
        (E, "MISSING_FIELD", "serviceLevels[1].versions[2].targets"),
        (E, "INVALID_VERSIONS", "serviceLevels[1].versions[1].effectiveFrom"),
        (E, "DUPLICATE_ID", "serviceLevels[2].id"),
        (E, "INVALID_VERSIONS", "serviceLevels[2].versions"),
        (E, "MISSING_FIELD", "services[0].serviceLevel"),
        (E, "UNKNOWN_REFERENCE", "services[1].serviceLevel"),
        (E, "MISSING_FIELD", "services[2].calendar"),
        (E, "DUPLICATE_ID", "services[3].id"),
        (E, "UNKNOWN_REFERENCE", "services[3].calendar"),
    ]);
    let msg = |path: &str| findings.iter().find(|f| f.path == path).unwrap().message.as_str();
    assert_eq!(msg("calendars[2].id"), "duplicate calendar id `office`: already used at `calendars[0]`");
    assert_eq!(msg("serviceLevels[0].versions[1].calendar"), "unknown calendar `nowhere`: expected one of `office`, `bad`");
    assert_eq!(msg("serviceLevels[0].versions[1].effectiveFrom"),
        "version 1 takes effect at `2025-06-01T00:00:00Z`, not after version 0 (`2026-01-01T00:00:00Z`): versions must be in order of `effectiveFrom`");
    assert_eq!(msg("serviceLevels[1].versions[1].effectiveFrom"),
        "version 1 takes effect at `2026-06-01T00:00:00Z`, before version 0 ends at `2026-07-01T00:00:00Z`: versions must not overlap");
    assert_eq!(msg("serviceLevels[0].versions[0].targets.P1.resolution.duration"),
        "target duration `0` is not positive: a target needs a duration above zero");
    assert_eq!(msg("serviceLevels[0].versions[0].targets.P1.followUp.clock"), "unknown clock `wall`: expected `business` or `calendar`");
    assert_eq!(msg("serviceLevels[0].versions[0].targets.P1.callback.stopOn"), "unknown stop event `close`: expected `respond` or `resolve`");
    assert_eq!(msg("services[0].serviceLevel"), "missing field `serviceLevel`: every service needs a service level");
    assert_eq!(msg("services[1].serviceLevel"), "unknown service level `platinum`: expected one of `gold`, `silver`");
    assert_eq!(msg("services[2].calendar"),
        "service `c` has no `calendar` and version 0 of service level `silver` has none either: give the service or every version a calendar");

    let err = SlaCatalog::from_value(&v).unwrap_err();
    assert_eq!((err.code().as_str(), err.path()), ("INVALID_CATALOG", "calendars[1].weekly.tue[1].end"));
    assert_eq!(err.message(),
        "invalid catalog: invalid wall time `25:00`: expected HH:MM or HH:MM:SS from 00:00 to 24:00 (and 23 more errors)");
    let (_, all) = SlaCatalog::from_value_with_findings(&v).unwrap_err();
    assert_eq!(all, findings);
}

#[test]
fn validate_never_panics_on_wrong_shapes() {
    for v in [json!(null), json!([]), json!("x"), json!({ "calendars": 3 }), json!({ "serviceLevels": [3, { "id": 4 }] }),
              json!({ "services": [{ "id": "a", "serviceLevel": 3, "calendar": [] }] }),
              json!({ "serviceLevels": [{ "id": "g", "versions": [{ "effectiveFrom": 1e300, "targets": { "P1": 3, "P2": { "r": [] } } }] }] })] {
        let f = SlaCatalog::validate(&v);
        assert!(f.iter().any(|f| f.is_error()), "{v}");
    }
    assert_eq!(codes(&SlaCatalog::validate(&json!([]))), [(Severity::Error, "INVALID_TYPE", "")]);
}

#[test]
fn every_validation_warning_code_with_its_path() {
    let v = json!({
        "calendars": [{ "id": "office", "timeZone": "UTC", "weekly": weekdays("09:00", "17:00") }],
        "serviceLevels": [
            { "id": "gold", "versions": [
                { "effectiveFrom": "2026-01-01T00:00:00Z", "calendar": "office", "targets": {
                    "P1": { "response": { "duration": "PT30M" }, "resolution": { "duration": "PT20M" } },
                    "P2": { "response": { "duration": "PT2H" }, "resolution": { "duration": "PT8H" } },
                    "P3": { "response": { "duration": "PT1H" }, "resolution": { "duration": { "endOfBusinessDay": 2 } } } } },
                { "effectiveFrom": "2027-01-01T00:00:00Z", "calendar": "office", "targets": {
                    "P1": { "response": { "duration": "PT30M" }, "resolution": { "duration": "PT4H", "pauseReason": ["x"] } },
                    "P2": { "response": { "duration": "PT2H" } } } }] },
            { "id": "bronze", "versions": [{ "effectiveFrom": "2026-01-01T00:00:00Z", "calendar": "office", "targets": {} }] }],
        "services": [{ "id": "email", "serviceLevel": "gold", "owner": "ops" }] });
    let c = SlaCatalog::from_value(&v).unwrap();
    use Severity::Warning as W;
    assert_eq!(codes(c.findings()), [
        (W, "UNKNOWN_FIELD", "serviceLevels[0].versions[1].targets.P1.resolution.pauseReason"),
        (W, "UNKNOWN_FIELD", "services[0].owner"),
        (W, "RESPONSE_LONGER_THAN_RESOLUTION", "serviceLevels[0].versions[0].targets.P1.response.duration"),
        (W, "PRIORITY_INVERSION", "serviceLevels[0].versions[0].targets.P3.response.duration"),
        (W, "PRIORITY_DROPPED", "serviceLevels[0].versions[1].targets"),
        (W, "UNUSED_SERVICE_LEVEL", "serviceLevels[1]"),
    ]);
    let msgs: Vec<&str> = c.findings().iter().map(|f| f.message.as_str()).collect();
    assert_eq!(msgs[2], "`P1` response target `PT30M` is longer than its resolution target `PT20M`");
    assert_eq!(msgs[3], "`P3` response target `PT1H` is stricter than the higher priority `P2` (`PT2H`)");
    assert_eq!(msgs[4], "priority `P3` has targets in version 0 of service level `gold` but none in version 1: its tickets get no targets");
    assert_eq!(msgs[5], "service level `bronze` is not used by any service");
    assert_eq!(SlaCatalog::validate(&v), c.findings());
    assert_eq!(serde_json::to_value(&c.findings()[5]).unwrap(), json!({ "severity": "warning", "code": "UNUSED_SERVICE_LEVEL",
        "path": "serviceLevels[1]", "message": "service level `bronze` is not used by any service" }));
}

#[test]
fn the_issue_example_catalog_builds() {
    let v = json!({ "calendars": [ { "id": "helsinki-office", "timeZone": "Europe/Helsinki",
                       "weekly": { "mon": [["08:00","16:00"]] }, "presets": ["FI"] } ],
      "serviceLevels": [
        { "id": "gold", "name": "Gold",
          "versions": [
            { "effectiveFrom": "2026-01-01T00:00:00+02:00", "calendar": "helsinki-office",
              "warnAt": [0.75, 0.9],
              "targets": {
                "P1": { "response":   { "duration": { "hours": 1 } },
                        "resolution": { "duration": { "hours": 4 }, "pauseReasons": ["waitingForCustomer"] } },
                "P3": { "resolution": { "duration": { "endOfBusinessDay": 2 } },
                        "followUp":   { "duration": "PT48H", "clock": "calendar", "stopOn": "respond" } } } },
            { "effectiveFrom": "2026-09-01T00:00:00+03:00", "calendar": "helsinki-office", "targets": {} } ] } ],
      "services": [ { "id": "email", "name": "E-mail", "serviceLevel": "gold", "calendar": "helsinki-office" } ] });
    let c = SlaCatalog::from_value(&v).unwrap();
    assert_eq!(codes(c.findings()), [
        (Severity::Warning, "PRIORITY_DROPPED", "serviceLevels[0].versions[1].targets"),
        (Severity::Warning, "PRIORITY_DROPPED", "serviceLevels[0].versions[1].targets"),
    ]);
    // P3 on Monday 2026-03-02 10:00: followUp 48 real hours (stops on respond), resolution
    // at the end of the second open day after Monday (Mondays only: 2026-03-16 16:00).
    let t = json!({ "id": "T", "service": "email", "priority": "P3", "createdAt": "2026-03-02T10:00:00+02:00",
                    "events": [{ "at": "2026-03-02T11:00:00+02:00", "type": "respond" }] });
    let e = c.evaluate(&t, at("2026-03-02T12:00:00+02:00"), &EvaluateOptions::default()).unwrap();
    let names: Vec<&str> = e.targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["resolution", "followUp"]);
    let f = target(&e, "followUp");
    assert_eq!((f.status, s(&f.due), f.elapsed_ms), (TargetStatus::Met, Some("2026-03-04T10:00:00+02:00"), H));
    let r = target(&e, "resolution");
    assert_eq!((r.status, s(&r.due)), (TargetStatus::OnTrack, Some("2026-03-16T16:00:00+02:00")));
    assert_eq!(r.warnings.len(), 2);
}

// ---------------------------------------------------------------- diff

#[test]
fn diff_of_two_catalogs_for_the_annual_review() {
    let old = json!({
        "calendars": [
            { "id": "office", "timeZone": "Europe/Helsinki", "weekly": weekdays("08:00", "16:00"), "presets": ["FI"],
              "exceptions": [{ "date": "2026-12-24", "closed": true }],
              "rules": [{ "name": "Company day", "month": 6, "day": 1 }] },
            { "id": "old-site", "timeZone": "UTC", "weekly": weekdays("09:00", "17:00") }],
        "serviceLevels": [{ "id": "gold", "versions": [
            { "effectiveFrom": "2026-01-01T00:00:00+02:00", "calendar": "office", "targets": {
                "P1": { "response": { "duration": "PT1H" }, "resolution": { "duration": "PT4H", "clock": "business" } },
                "P4": { "resolution": { "duration": "P5D" } } } }] }],
        "services": [{ "id": "email", "serviceLevel": "gold", "calendar": "office" }] });
    let mut new = old.clone();
    new["calendars"][0]["weekly"]["fri"] = json!([["08:00", "15:00"]]);
    new["calendars"][0]["presets"] = json!(["FI", "SE"]);
    new["calendars"][0]["exceptions"] = json!([{ "date": "2026-12-24", "hours": [["08:00", "12:00"]] }, { "date": "2026-12-31", "closed": true }]);
    new["calendars"][0]["rules"] = json!([]);
    new["calendars"][1] = json!({ "id": "new-site", "timeZone": "UTC", "weekly": weekdays("09:00", "17:00") });
    // Same meaning written differently: no change.
    new["serviceLevels"][0]["versions"][0]["effectiveFrom"] = json!("2025-12-31T22:00:00Z");
    new["serviceLevels"][0]["versions"][0]["targets"]["P1"]["resolution"] = json!({ "duration": { "hours": 4 } });
    new["serviceLevels"][0]["versions"].as_array_mut().unwrap().push(json!(
        { "effectiveFrom": "2027-01-01T00:00:00+02:00", "calendar": "office", "targets": {
            "P1": { "response": { "duration": "PT30M" }, "resolution": { "duration": "PT4H" } } } }));
    new["services"][0]["calendar"] = json!("new-site");
    new["services"].as_array_mut().unwrap().push(json!({ "id": "chat", "serviceLevel": "gold" }));
    let (a, b) = (SlaCatalog::from_value(&old).unwrap(), SlaCatalog::from_value(&new).unwrap());
    let got: Vec<(String, ChangeKind, Value, Value)> = a.diff(&b).into_iter().map(|c| (c.path, c.kind, c.old, c.new)).collect();
    use ChangeKind::*;
    let want: Vec<(&str, ChangeKind, Value, Value)> = vec![
        (r#"calendars["office"].exceptions["2026-12-24"]"#, Changed, json!({ "date": "2026-12-24", "closed": true }), json!({ "date": "2026-12-24", "hours": [["08:00", "12:00"]] })),
        (r#"calendars["office"].exceptions["2026-12-31"]"#, Added, Value::Null, json!({ "date": "2026-12-31", "closed": true })),
        (r#"calendars["office"].presets["SE"]"#, Added, Value::Null, json!("SE")),
        (r#"calendars["office"].rules["Company day"]"#, Removed, json!({ "name": "Company day", "month": 6, "day": 1 }), Value::Null),
        (r#"calendars["office"].weekly.fri"#, Changed, json!([["08:00", "16:00"]]), json!([["08:00", "15:00"]])),
        (r#"calendars["old-site"]"#, Removed, old["calendars"][1].clone(), Value::Null),
        (r#"calendars["new-site"]"#, Added, Value::Null, new["calendars"][1].clone()),
        (r#"serviceLevels["gold"].versions[1]"#, Added, Value::Null, new["serviceLevels"][0]["versions"][1].clone()),
        (r#"services["email"].calendar"#, Changed, json!("office"), json!("new-site")),
        (r#"services["chat"]"#, Added, Value::Null, json!({ "id": "chat", "serviceLevel": "gold" })),
    ];
    let want: Vec<(String, ChangeKind, Value, Value)> = want.into_iter().map(|(p, k, o, n)| (p.to_string(), k, o, n)).collect();
    assert_eq!(got, want);
    assert!(a.diff(&a).is_empty());
    // Reversed, a removed target and priority show up.
    let mut v2 = old.clone();
    v2["serviceLevels"][0]["versions"][0]["targets"] = json!({ "P1": { "response": { "duration": "PT1H", "stopOn": "resolve" } } });
    let c2 = SlaCatalog::from_value(&v2).unwrap();
    let got: Vec<(String, ChangeKind)> = a.diff(&c2).into_iter().map(|c| (c.path, c.kind)).collect();
    assert_eq!(got, [
        (r#"serviceLevels["gold"].versions[0].targets.P1.resolution"#.to_string(), Removed),
        (r#"serviceLevels["gold"].versions[0].targets.P1.response.stopOn"#.to_string(), Added),
        (r#"serviceLevels["gold"].versions[0].targets.P4"#.to_string(), Removed),
    ]);
    let ch = &a.diff(&c2)[1];
    assert_eq!(serde_json::to_value(ch).unwrap(), json!({ "path": r#"serviceLevels["gold"].versions[0].targets.P1.response.stopOn"#,
        "kind": "added", "old": null, "new": "resolve" }));
}

#[test]
fn a_catalog_is_send_and_sync() {
    fn shareable<T: Send + Sync>() {}
    shareable::<SlaCatalog>();
    shareable::<TicketEvaluation>();
}
