//! Reporting: a fixture whose rows are computed by hand, invariants over random tickets,
//! shards that merge, what-if, CSV.

use serde_json::{json, Value};
use slaclock::{GroupBy, GroupKey, Instant, ReportOptions, SlaCatalog, TargetStatus};

const H: i64 = 3_600_000;
const M: i64 = 60_000;

fn catalog(p1_response_minutes: u32) -> SlaCatalog {
    let all = json!([["00:00", "24:00"]]);
    SlaCatalog::from_value(&json!({
        "calendars": [{ "id": "24x7", "timeZone": "UTC",
            "weekly": { "mon": all, "tue": all, "wed": all, "thu": all, "fri": all, "sat": all, "sun": all } }],
        "serviceLevels": [{ "id": "gold", "versions": [{ "effectiveFrom": "2026-01-01T00:00:00Z", "calendar": "24x7",
            "targets": {
                "P1": { "response": { "duration": { "minutes": p1_response_minutes } }, "resolution": { "duration": "PT4H" } },
                "P2": { "response": { "duration": "PT2H" }, "resolution": { "duration": "PT8H" } } } }] }],
        "services": [{ "id": "email", "serviceLevel": "gold" }, { "id": "chat", "serviceLevel": "gold" }] }))
    .unwrap()
}

fn ticket(id: &str, service: &str, prio: &str, created: &str, events: Value) -> Value {
    json!({ "id": id, "service": service, "priority": prio, "createdAt": created, "events": events })
}

fn fixture() -> Vec<Value> {
    vec![
        ticket("A", "email", "P1", "2026-12-01T09:00:00Z", json!([{ "at": "2026-12-01T09:30:00Z", "type": "respond" }, { "at": "2026-12-01T12:00:00Z", "type": "resolve" }])),
        ticket("B", "email", "P1", "2026-12-01T10:00:00Z", json!([{ "at": "2026-12-01T11:30:00Z", "type": "respond" }, { "at": "2026-12-01T16:00:00Z", "type": "resolve" }])),
        ticket("C", "chat", "P2", "2026-12-02T08:00:00Z", json!([{ "at": "2026-12-02T09:00:00Z", "type": "respond" }])),
        ticket("D", "chat", "P2", "2026-12-09T20:00:00Z", json!([])),
        ticket("E", "email", "P1", "2026-11-15T09:00:00Z", json!([{ "at": "2026-11-15T09:10:00Z", "type": "respond" }, { "at": "2026-11-15T10:00:00Z", "type": "resolve" }])),
        ticket("F", "email", "P1", "2026-12-03T10:00:00", json!([])),
        ticket("G", "email", "P1", "2026-12-04T10:00:00Z", json!([{ "at": "2026-12-04T12:00:00Z", "type": "resolve" }, { "at": "2026-12-04T11:00:00Z", "type": "respond" }])),
        ticket("H", "fax", "P1", "2026-12-04T10:00:00Z", json!([])),
        ticket("I", "email", "P1", "2026-12-05T10:00:00Z", json!([{ "at": "2026-12-05T09:00:00Z", "type": "resolve" }])),
    ]
}

fn opts(group_by: Vec<GroupBy>) -> ReportOptions {
    let mut o = ReportOptions::new(Instant::parse("2026-12-10T00:00:00Z").unwrap());
    o.from = Some(Instant::parse("2026-12-01T00:00:00Z").unwrap());
    o.to = Some(Instant::parse("2027-01-01T00:00:00Z").unwrap());
    o.group_by = group_by;
    o
}

fn key(prio: &str, target: &str) -> GroupKey {
    GroupKey { priority: Some(prio.into()), target: Some(target.into()), ..Default::default() }
}

#[test]
fn december_2026_by_priority_and_target_hand_computed() {
    let r = catalog(60).report(&fixture(), &opts(vec![GroupBy::Priority, GroupBy::Target]));
    assert_eq!((r.tickets_read, r.tickets_excluded, r.errors.len()), (9, 1, 4));
    let keys: Vec<GroupKey> = r.rows.iter().map(|x| x.key.clone()).collect();
    assert_eq!(keys, [key("P1", "resolution"), key("P1", "response"), key("P2", "resolution"), key("P2", "response")]);

    let p1_res = &r.rows[0];
    assert_eq!((p1_res.tickets, p1_res.met, p1_res.missed, p1_res.breached, p1_res.in_progress), (2, 1, 1, 0, 0));
    assert_eq!(p1_res.compliance_pct, Some(50.0));
    assert_eq!((p1_res.due_in_period, p1_res.met_due_in_period, p1_res.compliance_due_pct), (2, 1, Some(50.0)));
    assert_eq!(p1_res.resolution_ms.count, 2);
    assert_eq!(p1_res.resolution_ms.mean, Some(4.5 * H as f64));
    assert_eq!((p1_res.resolution_ms.median, p1_res.resolution_ms.p90, p1_res.resolution_ms.max), (Some(3 * H), Some(6 * H), Some(6 * H)));

    let p1_resp = &r.rows[1];
    assert_eq!((p1_resp.met, p1_resp.missed, p1_resp.compliance_pct), (1, 1, Some(50.0)));
    assert_eq!((p1_resp.response_ms.median, p1_resp.response_ms.p90, p1_resp.response_ms.mean), (Some(30 * M), Some(90 * M), Some(H as f64)));
    assert_eq!(p1_resp.worst_breaches.len(), 1);
    assert_eq!((p1_resp.worst_breaches[0].ticket_id.as_str(), p1_resp.worst_breaches[0].over_by_ms), ("B", 30 * M));

    let p2_res = &r.rows[2];
    assert_eq!((p2_res.met, p2_res.missed, p2_res.breached, p2_res.in_progress), (0, 0, 1, 1));
    assert_eq!(p2_res.compliance_pct, None);
    assert_eq!((p2_res.due_in_period, p2_res.met_due_in_period, p2_res.compliance_due_pct), (1, 0, Some(0.0)));
    assert_eq!(p2_res.worst_breaches[0].over_by_ms, 176 * H);

    let p2_resp = &r.rows[3];
    assert_eq!((p2_resp.met, p2_resp.breached, p2_resp.compliance_pct), (1, 1, Some(100.0)));
    assert_eq!((p2_resp.due_in_period, p2_resp.compliance_due_pct), (2, Some(50.0)));
    assert_eq!(p2_resp.response_ms.count, 1);

    let t = &r.totals;
    assert_eq!((t.tickets, t.measurements, t.met, t.missed, t.breached, t.in_progress, t.paused), (4, 8, 3, 2, 2, 1, 0));
    assert_eq!(t.compliance_pct, Some(60.0));
    let worst: Vec<(&str, &str, i64)> = t.worst_breaches.iter().map(|b| (b.ticket_id.as_str(), b.target.as_str(), b.over_by_ms)).collect();
    assert_eq!(worst, [("C", "resolution", 176 * H), ("B", "resolution", 2 * H), ("D", "response", 2 * H), ("B", "response", 30 * M)]);
}

#[test]
fn malformed_tickets_are_reported_with_code_and_path() {
    let r = catalog(60).report(&fixture(), &opts(vec![]));
    let errs: Vec<(Option<&str>, &str, &str)> =
        r.errors.iter().map(|e| (e.ticket_id.as_deref(), e.error.code().as_str(), e.error.path())).collect();
    assert_eq!(
        errs,
        [
            (Some("F"), "NAIVE_TIMESTAMP", "createdAt"),
            (Some("G"), "INVALID_TICKET", "events[1].at"),
            (Some("H"), "UNKNOWN_REFERENCE", "service"),
            (Some("I"), "INVALID_TICKET", "events[0].at"),
        ]
    );
    assert_eq!(r.totals.tickets, 4);
}

#[test]
fn by_month_in_helsinki_puts_tickets_in_their_local_month() {
    let mut o = opts(vec![GroupBy::Period]);
    o.from = None;
    o.zone = slaclock::Zone::parse("Europe/Helsinki").unwrap();
    let mut tickets = fixture();
    // 2026-11-30T23:30Z is 2026-12-01 01:30 in Helsinki.
    tickets.push(ticket("J", "email", "P1", "2026-11-30T23:30:00Z", json!([])));
    let r = catalog(60).report(&tickets, &o);
    let months: Vec<(Option<&str>, u64)> = r.rows.iter().map(|x| (x.key.period.as_deref(), x.tickets)).collect();
    assert_eq!(months, [(Some("2026-11"), 1), (Some("2026-12"), 5)]);
}

/// Random tickets over two months with pauses, responses, resolutions, reopens.
fn random_tickets(n: usize, seed: u64) -> Vec<Value> {
    let mut x = seed;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let base = Instant::parse("2026-11-01T00:00:00Z").unwrap().epoch_milliseconds();
    (0..n)
        .map(|i| {
            let created = base + (next() % (60 * 24 * 60)) as i64 * M;
            let mut t = created;
            let mut events = Vec::new();
            for _ in 0..(next() % 6) {
                t += (next() % 600) as i64 * M;
                let kind = ["pause", "resume", "respond", "resolve", "reopen"][(next() % 5) as usize];
                events.push(json!({ "at": Instant::from_epoch_milliseconds(t).unwrap().to_string(), "type": kind }));
            }
            let service = if next() % 2 == 0 { "email" } else { "chat" };
            let prio = if next() % 2 == 0 { "P1" } else { "P2" };
            json!({ "id": format!("R{i}"), "service": service, "priority": prio,
                    "createdAt": Instant::from_epoch_milliseconds(created).unwrap().to_string(), "events": events })
        })
        .collect()
}

#[test]
fn rows_sum_to_totals_and_met_missed_open_equal_tickets_per_target() {
    let tickets = random_tickets(3000, 42);
    let mut o = opts(vec![GroupBy::Service, GroupBy::Priority, GroupBy::Target, GroupBy::Period]);
    o.from = None;
    o.to = None;
    o.period = slaclock::Period::Week;
    let r = catalog(60).report(&tickets, &o);
    assert!(r.errors.is_empty(), "{:?}", r.errors.first());
    let sum = |f: fn(&slaclock::ReportRow) -> u64| r.rows.iter().map(f).sum::<u64>();
    assert_eq!(sum(|x| x.measurements), r.totals.measurements);
    assert_eq!(sum(|x| x.met), r.totals.met);
    assert_eq!(sum(|x| x.missed), r.totals.missed);
    assert_eq!(sum(|x| x.breached), r.totals.breached);
    assert_eq!(sum(|x| x.in_progress), r.totals.in_progress);
    assert_eq!(sum(|x| x.paused), r.totals.paused);
    for row in &r.rows {
        assert_eq!(row.met + row.missed + row.breached + row.in_progress + row.paused, row.tickets, "{:?}", row.key);
    }
    assert_eq!(r.totals.tickets, 3000);
}

#[test]
fn four_shards_merge_to_the_single_report() {
    let tickets = random_tickets(4000, 7);
    let o = {
        let mut o = opts(vec![GroupBy::Priority, GroupBy::Target]);
        o.from = None;
        o
    };
    let c = catalog(60);
    let single = c.report(&tickets, &o);
    let partials: Vec<_> = tickets.chunks(1000).map(|s| c.partial_report(s, &o)).collect();
    // Partials travel as JSON between workers.
    let partials: Vec<slaclock::PartialReport> =
        partials.iter().map(|p| serde_json::from_value(serde_json::to_value(p).unwrap()).unwrap()).collect();
    let merged = SlaCatalog::merge_reports(&partials).unwrap();
    assert_eq!(merged.rows.len(), single.rows.len());
    for (a, b) in merged.rows.iter().zip(&single.rows) {
        assert_eq!((a.tickets, a.met, a.missed, a.breached, a.in_progress, a.paused), (b.tickets, b.met, b.missed, b.breached, b.in_progress, b.paused));
        assert_eq!(a.compliance_pct, b.compliance_pct);
        assert_eq!(a.worst_breaches, b.worst_breaches);
        for (x, y) in [(&a.response_ms, &b.response_ms), (&a.resolution_ms, &b.resolution_ms)] {
            assert_eq!((x.count, x.max), (y.count, y.max));
            for (p, q) in [(x.median, y.median), (x.p90, y.p90)] {
                let (p, q) = (p.unwrap_or(0) as f64, q.unwrap_or(0) as f64);
                assert!((p - q).abs() <= 0.01 * q.max(1.0), "{p} vs {q}");
            }
        }
    }
    assert_eq!(merged.totals.met, single.totals.met);
}

#[test]
fn what_if_with_identical_catalog_changes_nothing() {
    let tickets = random_tickets(1000, 3);
    let o = opts(vec![GroupBy::Priority]);
    let w = catalog(60).what_if(&tickets, Some(&catalog(60)), None, &o);
    assert!(w.changed.is_empty());
    for row in &w.rows {
        assert_eq!(row.before, row.after);
        assert_eq!(row.compliance_delta_pct.unwrap_or(0.0), 0.0);
    }
}

#[test]
fn what_if_tighter_response_lists_changed_tickets() {
    let w = catalog(60).what_if(&fixture(), Some(&catalog(20)), None, &opts(vec![GroupBy::Priority, GroupBy::Target]));
    // A responded after 30 minutes: met under 60, missed under 20.
    let a: Vec<_> = w.changed.iter().filter(|c| c.ticket_id == "A").collect();
    assert_eq!(a.len(), 1);
    assert_eq!((a[0].target.as_str(), a[0].before, a[0].after), ("response", Some(TargetStatus::Met), Some(TargetStatus::Missed)));
    assert_eq!(a[0].after_due.as_deref(), Some("2026-12-01T09:20:00Z"));
    let p1_resp = w.rows.iter().find(|r| r.key == key("P1", "response")).unwrap();
    assert_eq!((p1_resp.before.compliance_pct, p1_resp.after.compliance_pct, p1_resp.compliance_delta_pct), (Some(50.0), Some(0.0), Some(-50.0)));
}

#[test]
fn csv_has_header_and_rfc4180_quoting() {
    let r = catalog(60).report(&fixture(), &opts(vec![GroupBy::Priority, GroupBy::Target]));
    let csv = slaclock::rows_to_csv(&r.rows);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines.len(), 6); // header, 4 rows, trailing empty
    assert_eq!(lines[0].split(',').count(), slaclock::CSV_COLUMNS.len());
    assert_eq!(lines[2], ",,,P1,response,,2,2,1,1,0,0,0,2,50.00,2,1,50.00,2,3600000,1800000,5400000,5400000,0,,,,,B:response:1800000");
    assert_eq!(lines[5], "");
}

#[test]
fn json_text_fast_path_equals_value_path_including_malformed_tickets() {
    let mut tickets = random_tickets(2000, 11);
    tickets.extend(fixture());
    // Escapes and numbers take the careful path; results must not change.
    tickets.push(json!({ "id": "esc\"aped", "service": "email", "priority": "P1", "createdAt": "2026-12-03T10:00:00Z" }));
    tickets.push(json!({ "id": 77, "service": "chat", "priority": "P2", "createdAt": 1_796_000_000_000i64, "events": null }));
    tickets.push(json!({ "id": "bad-type", "service": "chat", "priority": "P2", "createdAt": "2026-12-03T10:00:00Z", "events": [{ "at": "2026-12-03T11:00:00Z", "type": "snooze" }] }));
    let text = serde_json::to_string(&tickets).unwrap();
    let o = opts(vec![GroupBy::Service, GroupBy::Priority, GroupBy::Target]);
    let c = catalog(60);
    assert_eq!(c.report_json(&text, &o).unwrap(), c.report(&tickets, &o));
    let w1 = c.what_if_json(&text, Some(&catalog(20)), None, &o).unwrap();
    let w2 = c.what_if(&tickets, Some(&catalog(20)), None, &o);
    assert_eq!(w1, w2);
    assert!(!w1.changed.is_empty());
    let e = c.report_json("{\"not\": \"an array\"}", &o).unwrap_err();
    assert_eq!((e.code().as_str(), e.path()), ("INVALID_TYPE", "tickets"));
}

#[test]
fn json_text_single_pass_equals_value_path_for_well_formed_tickets() {
    let tickets = random_tickets(3000, 23);
    let text = serde_json::to_string(&tickets).unwrap();
    let c = catalog(60);
    for group_by in [vec![GroupBy::Service, GroupBy::Priority, GroupBy::Target, GroupBy::Period], vec![GroupBy::Period], vec![]] {
        let o = opts(group_by);
        assert_eq!(c.report_json(&text, &o).unwrap(), c.report(&tickets, &o));
    }
}

/// The report's lean measurement, hashed rows and worst-breach floor against the full
/// `evaluate` path: every row recomputed from one `evaluate` per ticket (statuses,
/// response/resolution counts, max and mean, the single worst breach per row).
#[test]
fn report_rows_equal_an_aggregation_of_evaluate() {
    use std::collections::BTreeMap;
    let tickets = random_tickets(2500, 99);
    let mut o = opts(vec![GroupBy::Service, GroupBy::Priority, GroupBy::Target]);
    o.from = None;
    o.to = None;
    o.worst = 1;
    let c = catalog(20); // a tight P1 response: many breaches per row
    let r = c.report(&tickets, &o);
    assert!(r.errors.is_empty());

    #[derive(Default)]
    struct Agg {
        counts: [u64; 5], // met, missed, breached, in progress, paused
        stopped: Vec<i64>,
        worst: Option<(i64, String)>, // (over by, ticket id): most overdue, then lowest id
    }
    let mut want: BTreeMap<(String, String, String), Agg> = BTreeMap::new();
    for t in &tickets {
        let e = c.evaluate(t, o.now, &Default::default()).unwrap();
        for x in &e.targets {
            let a = want.entry((e.service.clone(), e.priority.clone(), x.name.clone())).or_default();
            let slot = match x.status {
                TargetStatus::Met => 0,
                TargetStatus::Missed => 1,
                TargetStatus::Breached => 2,
                TargetStatus::OnTrack | TargetStatus::AtRisk => 3,
                TargetStatus::Paused => 4,
            };
            a.counts[slot] += 1;
            if slot <= 1 {
                a.stopped.push(x.elapsed_ms);
            }
            if slot == 1 || slot == 2 {
                let cand = (-x.remaining_ms, e.ticket_id.clone());
                let better = a.worst.as_ref().map_or(true, |w| cand.0 > w.0 || (cand.0 == w.0 && cand.1 < w.1));
                if better {
                    a.worst = Some(cand);
                }
            }
        }
    }
    assert_eq!(r.rows.len(), want.len());
    let mut breach_rows = 0;
    for row in &r.rows {
        let k = (row.key.service.clone().unwrap(), row.key.priority.clone().unwrap(), row.key.target.clone().unwrap());
        let a = &want[&k];
        assert_eq!([row.met, row.missed, row.breached, row.in_progress, row.paused], a.counts, "{k:?}");
        let stats = if k.2 == "response" { &row.response_ms } else { &row.resolution_ms };
        assert_eq!(stats.count, a.stopped.len() as u64, "{k:?}");
        assert_eq!(stats.max, a.stopped.iter().copied().max(), "{k:?}");
        let mean = (!a.stopped.is_empty()).then(|| a.stopped.iter().sum::<i64>() as f64 / a.stopped.len() as f64);
        assert_eq!(stats.mean.map(|m| m.round()), mean.map(|m| m.round()), "{k:?}");
        let got: Vec<(i64, String)> = row.worst_breaches.iter().map(|b| (b.over_by_ms, b.ticket_id.clone())).collect();
        assert_eq!(got, a.worst.iter().cloned().collect::<Vec<_>>(), "{k:?}");
        breach_rows += usize::from(a.counts[1] + a.counts[2] > 3);
    }
    assert!(breach_rows >= 2, "the fixture must have rows with several breaches");
}
