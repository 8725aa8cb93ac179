//! The SLA clock against a brute-force reference: 10,000 random tickets on three
//! calendars (UTC with holidays, Helsinki with a lunch break across the 2026-03-29 DST
//! change, New York with an overnight window), evaluated with `evaluate_many`, compared
//! with `evaluate` one by one and with a clock that steps through time minute by minute
//! using only `is_open` for business time.
//!
//! Every instant and every hour boundary is a whole minute, so a minute is either wholly
//! open or wholly closed, and a ticket's state is constant within a minute.

use serde_json::{json, Value};
use slaclock::{BusinessCalendar, BusinessDuration, EvaluateOptions, Instant, SlaCatalog, TargetEvaluation};
use std::collections::BTreeMap;

const MIN: i64 = 60_000;
const TICKETS: usize = 10_000;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 * 1.0 < p
    }
}

fn ms(s: &str) -> i64 {
    Instant::parse(s).unwrap().epoch_milliseconds()
}

fn iso(t: i64) -> String {
    Instant::from_epoch_milliseconds(t).unwrap().to_string()
}

#[derive(Clone, Debug)]
enum Dur {
    Ms(i64),
    EndOfBusinessDay(u32),
    BusinessDays(u32),
}

#[derive(Clone, Debug)]
struct TargetSpec {
    name: &'static str,
    dur: Dur,
    calendar_clock: bool,
    warn: Vec<f64>,
    stop_on_respond: bool,
    reasons: Option<Vec<&'static str>>,
}

impl TargetSpec {
    fn json(&self) -> Value {
        let mut o = serde_json::Map::new();
        o.insert(
            "duration".into(),
            match self.dur {
                Dur::Ms(m) => json!(format!("PT{}M", m / MIN)),
                Dur::EndOfBusinessDay(n) => json!({ "endOfBusinessDay": n }),
                Dur::BusinessDays(n) => json!({ "businessDays": n }),
            },
        );
        if self.calendar_clock {
            o.insert("clock".into(), json!("calendar"));
        }
        if !self.warn.is_empty() {
            o.insert("warnAt".into(), json!(self.warn));
        }
        o.insert("stopOn".into(), json!(if self.stop_on_respond { "respond" } else { "resolve" }));
        if let Some(r) = &self.reasons {
            o.insert("pauseReasons".into(), json!(r));
        }
        Value::Object(o)
    }
}

struct VersionSpec {
    from: &'static str,
    targets: BTreeMap<String, Vec<TargetSpec>>,
}

struct Cal {
    cal: BusinessCalendar,
    /// Open flag of every minute from `W0`.
    open: Vec<bool>,
}

const W0: &str = "2026-03-01T00:00:00Z";
const W1: &str = "2026-08-01T00:00:00Z";

fn calendars() -> Vec<Value> {
    let wk = |a: &str, b: &str| {
        let h = json!([[a, b]]);
        json!({ "mon": h, "tue": h, "wed": h, "thu": h, "fri": h })
    };
    let lunch = json!([["08:00", "12:00"], ["13:00", "16:30"]]);
    let mut ny = wk("07:30", "19:45");
    ny["sun"] = json!([["22:00", "06:00"]]);
    vec![
        json!({ "id": "utc", "timeZone": "UTC", "weekly": wk("09:00", "17:00"),
                "rules": [{ "name": "Spring day", "month": 4, "day": 1 }],
                "exceptions": [{ "from": "2026-04-13", "to": "2026-04-14", "closed": true }] }),
        json!({ "id": "helsinki", "timeZone": "Europe/Helsinki",
                "weekly": { "mon": lunch, "tue": lunch, "wed": lunch, "thu": lunch, "fri": lunch, "sat": [["10:00", "14:00"]] },
                "exceptions": [{ "date": "2026-04-03", "closed": true }, { "date": "2026-04-06", "closed": true },
                               { "date": "2026-04-30", "hours": [["08:00", "12:00"]] }] }),
        json!({ "id": "new-york", "timeZone": "America/New_York", "weekly": ny,
                "exceptions": [{ "date": "2026-04-03", "closed": true }] }),
    ]
}

fn random_target(rng: &mut Rng, name: &'static str) -> TargetSpec {
    let warn_sets: [&[f64]; 4] = [&[], &[0.5], &[0.75, 0.9], &[0.333]];
    let warn = warn_sets[rng.below(4) as usize].to_vec();
    let reasons = match rng.below(4) {
        0 => Some(vec!["customer"]),
        1 => Some(vec![]),
        _ => None,
    };
    match name {
        "response" => TargetSpec {
            name,
            dur: Dur::Ms(rng.range(15, 240) * MIN),
            calendar_clock: rng.chance(0.2),
            warn,
            stop_on_respond: true,
            reasons,
        },
        "resolution" => TargetSpec {
            name,
            dur: match rng.below(4) {
                0 => Dur::EndOfBusinessDay(rng.below(3) as u32),
                1 => Dur::BusinessDays(rng.range(1, 2) as u32),
                _ => Dur::Ms(rng.range(120, 1440) * MIN),
            },
            calendar_clock: rng.chance(0.15),
            warn,
            stop_on_respond: false,
            reasons,
        },
        _ => TargetSpec {
            name,
            dur: Dur::Ms(rng.range(60, 72 * 60) * MIN),
            calendar_clock: true,
            warn,
            stop_on_respond: rng.chance(0.5),
            reasons,
        },
    }
}

fn random_version(rng: &mut Rng, from: &'static str) -> VersionSpec {
    let mut targets = BTreeMap::new();
    for p in ["P1", "P2", "P3"] {
        let mut list = vec![random_target(rng, "response"), random_target(rng, "resolution")];
        if rng.chance(0.5) {
            list.push(random_target(rng, "followUp"));
        }
        targets.insert(p.to_string(), list);
    }
    VersionSpec { from, targets }
}

#[derive(Clone, Debug)]
enum Ev {
    Pause(Option<&'static str>),
    Resume,
    Respond,
    Resolve,
    Reopen,
    Priority(&'static str),
}

struct TicketSpec {
    value: Value,
    service: usize,
    priority: &'static str,
    created: i64,
    events: Vec<(i64, Ev)>,
    /// The index of the first event out of order or before creation.
    bad_event: Option<usize>,
}

const PRIORITIES: [&str; 4] = ["P1", "P2", "P3", "P9"];

fn random_ticket(rng: &mut Rng, i: usize) -> TicketSpec {
    let service = rng.below(3) as usize;
    let priority = PRIORITIES[if rng.chance(0.03) { 3 } else { rng.below(3) as usize }];
    let start = ms("2026-03-02T00:00:00Z");
    let created = start + rng.range(0, 45 * 1440) * MIN;
    let mut t = created;
    let mut events = Vec::new();
    for _ in 0..rng.below(9) {
        if !rng.chance(0.12) {
            t += match rng.below(3) {
                0 => rng.range(1, 90),
                1 => rng.range(1, 600),
                _ => rng.range(1, 3 * 1440),
            } * MIN;
        }
        let ev = match rng.below(20) {
            0..=5 => Ev::Pause([None, Some("customer"), Some("vendor")][rng.below(3) as usize]),
            6..=10 => Ev::Resume,
            11..=12 => Ev::Respond,
            13..=14 => Ev::Resolve,
            15..=17 => Ev::Reopen,
            _ => Ev::Priority(PRIORITIES[rng.below(3) as usize]),
        };
        events.push((t, ev));
    }
    let mut bad_event = None;
    if rng.chance(0.02) && !events.is_empty() {
        let k = rng.below(events.len() as u64) as usize;
        events[k].0 = if k == 0 { created - MIN } else { events[k - 1].0 - MIN };
        let mut prev = created;
        bad_event = events.iter().position(|&(at, _)| {
            let bad = at < created || at < prev;
            prev = at;
            bad
        });
    }
    let evs: Vec<Value> = events
        .iter()
        .map(|(at, e)| match e {
            Ev::Pause(None) => json!({ "at": iso(*at), "type": "pause" }),
            Ev::Pause(Some(r)) => json!({ "at": iso(*at), "type": "pause", "reason": r }),
            Ev::Resume => json!({ "at": iso(*at), "type": "resume" }),
            Ev::Respond => json!({ "at": iso(*at), "type": "respond" }),
            Ev::Resolve => json!({ "at": iso(*at), "type": "resolve" }),
            Ev::Reopen => json!({ "at": *at, "type": "reopen" }),
            Ev::Priority(p) => json!({ "at": iso(*at), "type": "priorityChange", "priority": p }),
        })
        .collect();
    let service_id = ["svc-utc", "svc-helsinki", "svc-new-york"][service];
    let value = json!({ "id": format!("T-{i}"), "service": service_id,
                        "priority": priority, "createdAt": iso(created), "events": evs });
    TicketSpec { value, service, priority, created, events, bad_event }
}

#[derive(Debug, PartialEq)]
struct Expected {
    status: &'static str,
    paused: bool,
    elapsed: i64,
    paused_ms: i64,
    actual: i64,
    remaining: i64,
    breached_at: Option<i64>,
    due: Option<i64>,
    stopped_at: Option<i64>,
    warnings: Vec<(Option<i64>, bool)>,
}

#[derive(Clone, Copy, PartialEq)]
enum St {
    Running,
    Paused,
    Stopped,
}

/// The SLA clock by brute force: minute by minute, business time from `is_open` flags.
fn brute(c: &Cal, t: &TargetSpec, created: i64, events: &[(i64, Ev)], now: i64) -> Expected {
    let w0 = ms(W0);
    let open = |m: i64| -> bool {
        let i = ((m - w0) / MIN) as usize;
        assert!(i < c.open.len(), "brute-force window too short at {}", iso(m));
        c.open[i]
    };
    let counts = |m: i64| t.calendar_clock || open(m);
    let amount = match t.dur {
        Dur::Ms(m) => m,
        ref d => {
            let unit = match *d {
                Dur::EndOfBusinessDay(n) => BusinessDuration::EndOfBusinessDay(n),
                Dur::BusinessDays(n) => BusinessDuration::BusinessDays(n),
                Dur::Ms(_) => unreachable!(),
            };
            let end = c.cal.add_duration(Instant::from_epoch_milliseconds(created).unwrap(), unit).unwrap().epoch_milliseconds();
            (0..(end - created) / MIN).filter(|k| counts(created + k * MIN)).count() as i64 * MIN
        }
    };
    let mut amounts = vec![amount];
    amounts.extend(t.warn.iter().map(|f| (f * amount as f64).round() as i64));
    let mut reached: Vec<Option<i64>> = vec![None; amounts.len()];
    let (mut st, mut counted, mut paused, mut actual, mut stopped_at) = (St::Running, 0i64, 0i64, 0i64, None);
    // Checks, at minute `m` with the clock running, whether an amount is reached at `m` or
    // inside the minute; then counts the minute.
    let step = |m: i64, counted: &mut i64, reached: &mut Vec<Option<i64>>| {
        let c_m = counts(m);
        for (k, &a) in amounts.iter().enumerate() {
            if reached[k].is_none() {
                if *counted >= a {
                    reached[k] = Some(m);
                } else if c_m && *counted + MIN > a {
                    reached[k] = Some(m + (a - *counted));
                }
            }
        }
        if c_m {
            *counted += MIN;
        }
    };
    let mut ei = 0;
    let mut m = created;
    loop {
        while ei < events.len() && events[ei].0 == m && m <= now {
            match events[ei].1 {
                Ev::Pause(reason) => {
                    let pauses = match &t.reasons {
                        None => true,
                        Some(list) => reason.is_some_and(|r| list.contains(&r)),
                    };
                    if st == St::Running && pauses {
                        st = St::Paused;
                    }
                }
                Ev::Resume => {
                    if st == St::Paused {
                        st = St::Running;
                    }
                }
                Ev::Respond => {
                    if t.stop_on_respond && st != St::Stopped {
                        st = St::Stopped;
                        stopped_at = Some(m);
                    }
                }
                Ev::Resolve => {
                    if st != St::Stopped {
                        st = St::Stopped;
                        stopped_at = Some(m);
                    }
                }
                Ev::Reopen => {
                    if !t.stop_on_respond && st == St::Stopped {
                        st = St::Running;
                        stopped_at = None;
                    }
                }
                Ev::Priority(_) => {}
            }
            ei += 1;
        }
        if m >= now {
            break;
        }
        match st {
            St::Running => {
                step(m, &mut counted, &mut reached);
                actual += MIN;
            }
            St::Paused => {
                if counts(m) {
                    paused += MIN;
                }
            }
            St::Stopped => {}
        }
        m += MIN;
    }
    let elapsed = counted;
    let past = reached.clone();
    // The future, without further events.
    let future_from = match st {
        St::Running => Some(now.max(created)),
        St::Stopped => stopped_at,
        St::Paused => None,
    };
    let mut ahead = reached.clone();
    if let Some(from) = future_from {
        let mut m = from;
        let mut c2 = counted;
        while ahead.iter().any(Option::is_none) {
            step(m, &mut c2, &mut ahead);
            m += MIN;
        }
    }
    let passed = past[0].filter(|&x| x < now);
    let due = match (passed, st) {
        (Some(x), _) => Some(x),
        (None, St::Paused) => None,
        (None, _) => ahead[0],
    };
    let warnings: Vec<(Option<i64>, bool)> = (1..amounts.len())
        .map(|k| {
            let at = match st {
                St::Running => ahead[k],
                _ => past[k],
            };
            (at, at.is_some_and(|x| x <= now))
        })
        .collect();
    let status = match (st, passed.is_some()) {
        (St::Stopped, true) => "missed",
        (St::Stopped, false) => "met",
        (_, true) => "breached",
        (St::Paused, false) => "paused",
        (St::Running, false) if warnings.iter().any(|w| w.1) => "atRisk",
        _ => "onTrack",
    };
    Expected {
        status,
        paused: st == St::Paused,
        elapsed,
        paused_ms: paused,
        actual,
        remaining: amount - elapsed,
        breached_at: passed,
        due,
        stopped_at,
        warnings,
    }
}

fn observed(t: &TargetEvaluation) -> Expected {
    let p = |s: &Option<String>| s.as_deref().map(ms);
    let status = match serde_json::to_value(t.status).unwrap().as_str().unwrap() {
        "onTrack" => "onTrack",
        "atRisk" => "atRisk",
        "paused" => "paused",
        "breached" => "breached",
        "met" => "met",
        _ => "missed",
    };
    Expected {
        status,
        paused: t.paused,
        elapsed: t.elapsed_ms,
        paused_ms: t.paused_ms,
        actual: t.actual_elapsed_ms,
        remaining: t.remaining_ms,
        breached_at: p(&t.breached_at),
        due: p(&t.due),
        stopped_at: p(&t.stopped_at),
        warnings: t.warnings.iter().map(|w| (p(&w.at), w.reached)).collect(),
    }
}

#[test]
fn evaluate_many_agrees_with_evaluate_and_with_a_minute_by_minute_clock() {
    let seed = std::env::var("SLA_REFERENCE_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_2026u64);
    let mut rng = Rng(seed);
    let cal_json = calendars();
    let (w0, w1) = (ms(W0), ms(W1));
    let cals: Vec<Cal> = cal_json
        .iter()
        .map(|v| {
            let cal = BusinessCalendar::from_value(v).unwrap();
            let open = (0..(w1 - w0) / MIN)
                .map(|k| cal.is_open(Instant::from_epoch_milliseconds(w0 + k * MIN).unwrap()))
                .collect();
            Cal { cal, open }
        })
        .collect();
    // One service level per calendar, two versions each; the Helsinki service gets its
    // calendar from the service, its versions name the UTC calendar.
    let levels: Vec<Vec<VersionSpec>> = (0..3)
        .map(|_| vec![random_version(&mut rng, "2026-01-01T00:00:00Z"), random_version(&mut rng, "2026-03-20T12:00:00Z")])
        .collect();
    let ids = ["utc", "helsinki", "new-york"];
    let catalog_json = json!({
        "calendars": cal_json,
        "serviceLevels": levels.iter().enumerate().map(|(i, vs)| json!({ "id": format!("level-{i}"),
            "versions": vs.iter().map(|v| json!({ "effectiveFrom": v.from, "calendar": if i == 1 { "utc" } else { ids[i] },
                "targets": v.targets.iter().map(|(p, ts)| (p.clone(), Value::Object(ts.iter().map(|t| (t.name.to_string(), t.json())).collect())))
                    .collect::<serde_json::Map<_, _>>() })).collect::<Vec<_>>() })).collect::<Vec<_>>(),
        "services": [{ "id": "svc-utc", "serviceLevel": "level-0" },
                     { "id": "svc-helsinki", "serviceLevel": "level-1", "calendar": "helsinki" },
                     { "id": "svc-new-york", "serviceLevel": "level-2" }] });
    let catalog = SlaCatalog::from_value(&catalog_json).unwrap();
    let specs: Vec<TicketSpec> = (0..TICKETS).map(|i| random_ticket(&mut rng, i)).collect();
    let now_of: Vec<i64> = specs.iter().map(|s| s.created + rng.range(-60, 6 * 1440) * MIN).collect();
    // evaluate_many at one `now` agrees with evaluate one by one.
    let tickets: Vec<Value> = specs.iter().map(|s| s.value.clone()).collect();
    let now = Instant::parse("2026-03-25T12:00:00Z").unwrap();
    let opts = EvaluateOptions::default();
    let many = catalog.evaluate_many(&tickets, now, &opts);
    assert_eq!(many.len(), tickets.len());
    for (t, m) in tickets.iter().zip(&many) {
        let one = catalog.evaluate(t, now, &opts);
        match (one, m) {
            (Ok(a), Ok(b)) => assert_eq!(&a, b),
            (Err(a), Err(b)) => assert_eq!((&a, b.ticket_id.as_deref()), (&b.error, t["id"].as_str())),
            (a, b) => panic!("evaluate {a:?} but evaluate_many {b:?}"),
        }
    }
    // Each ticket at its own `now` against the brute-force clock.
    let (mut targets_checked, mut statuses) = (0usize, BTreeMap::new());
    for (spec, &now_ms) in specs.iter().zip(&now_of) {
        let now = Instant::from_epoch_milliseconds(now_ms).unwrap();
        let got = catalog.evaluate(&spec.value, now, &opts);
        if let Some(k) = spec.bad_event {
            let e = got.unwrap_err();
            assert_eq!((e.code().as_str(), e.path().to_string()), ("INVALID_TICKET", format!("events[{k}].at")));
            continue;
        }
        let got = got.unwrap_or_else(|e| panic!("{e} for {}", spec.value));
        let version = if spec.created >= ms("2026-03-20T12:00:00Z") { 1 } else { 0 };
        assert_eq!(got.version_index, version);
        let priority = spec
            .events
            .iter()
            .rev()
            .filter(|(at, _)| *at <= now_ms)
            .find_map(|(_, e)| match e {
                Ev::Priority(p) => Some(*p),
                _ => None,
            })
            .unwrap_or(spec.priority);
        assert_eq!(got.priority, priority);
        let want_targets = levels[spec.service][version].targets.get(priority).cloned().unwrap_or_default();
        assert_eq!(got.targets.len(), want_targets.len());
        let cal = &cals[spec.service];
        assert_eq!(got.calendar, ids[spec.service]);
        for t in &want_targets {
            let e = got.targets.iter().find(|x| x.name == t.name).unwrap();
            let want = brute(cal, t, spec.created, &spec.events, now_ms);
            assert_eq!(observed(e), want, "target {t:?}\nticket {}\nnow {}\nevaluation {e:?}", spec.value, iso(now_ms));
            *statuses.entry(want.status).or_insert(0usize) += 1;
            targets_checked += 1;
        }
    }
    eprintln!("checked {targets_checked} targets: {statuses:?}");
    // Every status occurs often enough to mean something.
    for s in ["onTrack", "atRisk", "paused", "breached", "met", "missed"] {
        assert!(statuses.get(s).copied().unwrap_or(0) > 100, "status {s} too rare: {statuses:?}");
    }
    assert!(targets_checked > 20_000, "{targets_checked}");
}
