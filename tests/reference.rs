//! The engine against a brute-force reference (tests/common): random calendars in seven
//! zones with DST gaps, folds, a 30-minute DST, a +05:45 offset, midnight gaps and a
//! skipped day; instants biased toward DST transitions and interval boundaries.
//!
//! Stepping comparisons use ranges of at most a few weeks; long durations (up to 10 years
//! of business time) are checked through invariants.

mod common;

use common::*;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Stepping limit for next_open / next_close / prev_close (minutes): 60 days.
const LIMIT: i64 = 60 * 1440;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, max_shrink_iters: 64, ..ProptestConfig::default() }
}

type R = Result<(), TestCaseError>;

fn fail(c: &Case, what: String) -> TestCaseError {
    TestCaseError::fail(format!("{what}{}", c.ctx()))
}

macro_rules! ensure {
    ($c:expr, $cond:expr, $($fmt:tt)+) => {
        if !$cond {
            return Err(fail(&$c, format!($($fmt)+)));
        }
    };
}

// ------------------------------------------------------------------------------------
// Stepping comparisons
// ------------------------------------------------------------------------------------

fn is_open_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..16 {
        let t = c.instant();
        let want = c.r.open_ms(t);
        // the reference's own premise: membership is constant over a UTC minute
        ensure!(c, want == c.r.open_min(t.div_euclid(MIN)), "reference: membership not constant over the minute of {}", show(&c.r, t));
        let got = c.cal.is_open(inst(t));
        ensure!(c, got == want, "is_open({}) = {got}, reference {want}", show(&c.r, t));
    }
    Ok(())
}

fn next_open_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..4 {
        let t = c.instant();
        let want = c.r.next_open(t, LIMIT);
        ensure!(c, want.is_some(), "reference found no opening within 60 days of {}", show(&c.r, t));
        let got = c.cal.next_open(inst(t)).map(ms);
        ensure!(c, got == want, "next_open({}) = {}, reference {}", show(&c.r, t), show_opt(&c.r, got), show_opt(&c.r, want));
    }
    Ok(())
}

fn next_close_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..4 {
        let t = c.instant();
        let want = c.r.next_close(t, LIMIT);
        let got = c.cal.next_close(inst(t)).map(ms);
        match want {
            Some(_) => ensure!(c, got == want, "next_close({}) = {}, reference {}", show(&c.r, t), show_opt(&c.r, got), show_opt(&c.r, want)),
            // open for 60 days straight: the engine may say "never" or a far close
            None => ensure!(c, got.map_or(true, |g| g >= t + (LIMIT - 1) * MIN), "next_close({}) = {}, reference: none within 60 days", show(&c.r, t), show_opt(&c.r, got)),
        }
    }
    Ok(())
}

fn open_intervals_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..2 {
        let a = c.instant();
        let b = a + c.short_span();
        let want = c.r.open_intervals(a, b);
        let got: Vec<(i64, i64)> = match c.cal.open_intervals(inst(a), inst(b)) {
            Ok(v) => v.into_iter().map(|(x, y)| (ms(x), ms(y))).collect(),
            Err(e) => return Err(fail(&c, format!("open_intervals({}, {}) failed: {e:?}", show(&c.r, a), show(&c.r, b)))),
        };
        ensure!(
            c,
            got == want,
            "open_intervals({}, {}):\n  engine:{}\n  reference:{}",
            show(&c.r, a),
            show(&c.r, b),
            show_ivs(&c.r, &got),
            show_ivs(&c.r, &want)
        );
        // empty range
        let e = c.cal.open_intervals(inst(a), inst(a)).map_err(|e| fail(&c, format!("{e:?}")))?;
        ensure!(c, e.is_empty(), "open_intervals(a, a) not empty at {}", show(&c.r, a));
    }
    Ok(())
}

fn elapsed_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..3 {
        let a = c.instant();
        let b = a + c.short_span();
        let want = c.r.elapsed(a, b);
        let got = c.cal.elapsed(inst(a), inst(b));
        ensure!(c, got == want, "elapsed({}, {}) = {got}, reference {want}", show(&c.r, a), show(&c.r, b));
        let back = c.cal.elapsed(inst(b), inst(a));
        ensure!(c, back == -got, "sign rule: elapsed(b, a) = {back}, elapsed(a, b) = {got} for a={} b={}", show(&c.r, a), show(&c.r, b));
    }
    Ok(())
}

/// A duration that the reference can reach by stepping from `s` (forward) within a short span.
fn reachable(c: &mut Case, s: i64, forward: bool) -> i64 {
    let span = c.short_span().max(MIN);
    let avail = if forward { c.r.elapsed(s, s + span) } else { c.r.elapsed(s - span, s) };
    match c.rng.below(10) {
        0 => 0,
        1 => avail,
        2 if avail >= HOUR => avail / HOUR * HOUR,
        _ => c.rng.range(0, avail),
    }
}

fn add_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..3 {
        let s = c.instant();
        let d = reachable(&mut c, s, true);
        let want = c.r.add(s, d, 22 * 1440).expect("reachable");
        let got = c.cal.add(inst(s), d).map(ms);
        ensure!(c, got.as_ref().ok() == Some(&want), "add({}, {d}) = {}, reference {}", show(&c.r, s), got.map_or_else(|e| format!("{e:?}"), |g| show(&c.r, g)), show(&c.r, want));
        // add(s, -d) = subtract(s, d)
        let neg = c.cal.add(inst(s), -d).map(ms).ok();
        let sub = c.cal.subtract(inst(s), d).map(ms).ok();
        ensure!(c, neg == sub, "add(s, -{d}) = {} but subtract(s, {d}) = {} at {}", show_opt(&c.r, neg), show_opt(&c.r, sub), show(&c.r, s));
    }
    Ok(())
}

fn subtract_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..3 {
        let e = c.instant();
        let d = reachable(&mut c, e, false);
        let want = c.r.subtract(e, d, 22 * 1440).expect("reachable");
        let got = c.cal.subtract(inst(e), d).map(ms);
        ensure!(c, got.as_ref().ok() == Some(&want), "subtract({}, {d}) = {}, reference {}", show(&c.r, e), got.map_or_else(|e| format!("{e:?}"), |g| show(&c.r, g)), show(&c.r, want));
    }
    Ok(())
}

// ------------------------------------------------------------------------------------
// Invariants (long durations; the reference is used only for single-instant membership
// and short local steps)
// ------------------------------------------------------------------------------------

fn round_trip_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..3 {
        let s = c.instant();
        let d = c.any_duration();
        let t = c.cal.add(inst(s), d).map(ms).map_err(|e| fail(&c, format!("add({}, {d}) failed: {e:?}", show(&c.r, s))))?;
        ensure!(c, t >= s, "add({}, {d}) = {} is before the start", show(&c.r, s), show(&c.r, t));
        let back = c.cal.elapsed(inst(s), inst(t));
        ensure!(c, back == d, "elapsed(s, add(s, {d})) = {back}; s={} add={}", show(&c.r, s), show(&c.r, t));
        // earliest: the business time runs out exactly at t, so just before t is open
        // chrono-tz (the reference's tables) has no DST after 2099, the engine follows the
        // zone's POSIX rule there (tests/tzif.rs): past 2099 ask the engine itself.
        let before_open = if t - 1 < 4_102_444_800_000 { c.r.open_ms(t - 1) } else { c.cal.is_open(inst(t - 1)) };
        if d > 0 {
            ensure!(c, before_open, "add({}, {d}) = {} but the instant before it is closed (not the earliest)", show(&c.r, s), show(&c.r, t));
        }
        // backward
        let u = c.cal.subtract(inst(s), d).map(ms).map_err(|e| fail(&c, format!("subtract({}, {d}) failed: {e:?}", show(&c.r, s))))?;
        ensure!(c, u <= s, "subtract({}, {d}) = {} is after the end", show(&c.r, s), show(&c.r, u));
        let back = c.cal.elapsed(inst(u), inst(s));
        ensure!(c, back == d, "elapsed(subtract(e, {d}), e) = {back}; e={} subtract={}", show(&c.r, s), show(&c.r, u));
        if d > 0 {
            ensure!(c, c.r.open_ms(u), "subtract({}, {d}) = {} is closed (not the latest)", show(&c.r, s), show(&c.r, u));
        }
    }
    Ok(())
}

fn add_elapsed_le_t_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..3 {
        let s = c.instant();
        let t = s + c.any_span();
        let e = c.cal.elapsed(inst(s), inst(t));
        let u = c.cal.add(inst(s), e).map(ms).map_err(|er| fail(&c, format!("add({}, {e}) failed: {er:?}", show(&c.r, s))))?;
        ensure!(c, u <= t, "add(s, elapsed(s, t)) = {} > t = {} (s = {})", show(&c.r, u), show(&c.r, t), show(&c.r, s));
        // Equality exactly when t == s or the instant just before t is open, i.e. t is
        // inside an open interval (not at its opening) or is an interval end.
        let exact = t == s || c.r.open_ms(t - 1);
        ensure!(c, (u == t) == exact, "add(s, elapsed(s, t)) = {} vs t = {} (s = {}, t-1ms open: {})", show(&c.r, u), show(&c.r, t), show(&c.r, s), c.r.open_ms(t - 1));
        if u < t && t - u < 30 * DAY {
            ensure!(c, c.r.elapsed(u, t) == 0, "add(s, elapsed(s, t)) = {} leaves open time before t = {}", show(&c.r, u), show(&c.r, t));
        }
        // when t is open (not only at an interval's end), t is reached exactly unless t
        // is an opening instant preceded by closed time after s
        if c.r.open_ms(t) && c.r.open_ms(t - 1) {
            ensure!(c, u == t, "t open but add(s, elapsed(s, t)) != t");
        }
    }
    Ok(())
}

fn monotonic_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..3 {
        let s = c.instant();
        let (mut d1, mut d2) = (c.any_duration(), c.any_duration());
        if c.rng.chance(1, 3) {
            d2 = d1 + c.rng.range(0, 3 * MIN);
        }
        if d1 > d2 {
            std::mem::swap(&mut d1, &mut d2);
        }
        let a1 = ms(c.cal.add(inst(s), d1).map_err(|e| fail(&c, format!("{e:?}")))?);
        let a2 = ms(c.cal.add(inst(s), d2).map_err(|e| fail(&c, format!("{e:?}")))?);
        ensure!(c, if d1 < d2 { a1 < a2 } else { a1 == a2 }, "add(s, {d1}) = {} vs add(s, {d2}) = {} (s = {})", show(&c.r, a1), show(&c.r, a2), show(&c.r, s));
        let s1 = ms(c.cal.subtract(inst(s), d1).map_err(|e| fail(&c, format!("{e:?}")))?);
        let s2 = ms(c.cal.subtract(inst(s), d2).map_err(|e| fail(&c, format!("{e:?}")))?);
        ensure!(c, if d1 < d2 { s1 > s2 } else { s1 == s2 }, "subtract(e, {d1}) = {} vs subtract(e, {d2}) = {} (e = {})", show(&c.r, s1), show(&c.r, s2), show(&c.r, s));
    }
    Ok(())
}

fn additive_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..3 {
        let a = c.instant();
        let b = a + if c.rng.chance(1, 2) { c.any_span() } else { -c.any_span() };
        let cc = b + if c.rng.chance(1, 2) { c.any_span() } else { -c.any_span() };
        let (ab, bc, ac) = (c.cal.elapsed(inst(a), inst(b)), c.cal.elapsed(inst(b), inst(cc)), c.cal.elapsed(inst(a), inst(cc)));
        ensure!(c, ac == ab + bc, "elapsed(a,c) = {ac} != elapsed(a,b) + elapsed(b,c) = {ab} + {bc}; a={} b={} c={}", show(&c.r, a), show(&c.r, b), show(&c.r, cc));
        ensure!(c, c.cal.elapsed(inst(a), inst(a)) == 0, "elapsed(a, a) != 0");
        if (b - a).abs() < 3 * DAY {
            ensure!(c, ab == c.r.elapsed(a, b), "elapsed(a, b) = {ab}, reference {}", c.r.elapsed(a, b));
        }
    }
    Ok(())
}

fn subtract_inverts_add_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..3 {
        let s = c.instant();
        let d = c.any_duration();
        let t = ms(c.cal.add(inst(s), d).map_err(|e| fail(&c, format!("{e:?}")))?);
        let u = ms(c.cal.subtract(inst(t), d).map_err(|e| fail(&c, format!("{e:?}")))?);
        // subtract(add(s, d), d) = s when s is open or d = 0, else the opening after s
        let want = if d == 0 { Some(s) } else { c.r.next_open(s, LIMIT) };
        ensure!(c, Some(u) == want, "subtract(add(s, {d}), {d}) = {}, want {} (s = {}, add = {})", show(&c.r, u), show_opt(&c.r, want), show(&c.r, s), show(&c.r, t));
        // add(subtract(e, d), d) = e when the instant before e is open or d = 0, else the
        // close before e
        let e = s;
        let v = ms(c.cal.subtract(inst(e), d).map_err(|er| fail(&c, format!("{er:?}")))?);
        let w = ms(c.cal.add(inst(v), d).map_err(|er| fail(&c, format!("{er:?}")))?);
        let want = if d == 0 { Some(e) } else { c.r.prev_close(e, LIMIT) };
        ensure!(c, Some(w) == want, "add(subtract(e, {d}), {d}) = {}, want {} (e = {}, subtract = {})", show(&c.r, w), show_opt(&c.r, want), show(&c.r, e), show(&c.r, v));
    }
    Ok(())
}

// ------------------------------------------------------------------------------------
// Day units and durations
// ------------------------------------------------------------------------------------

fn small_n(c: &mut Case, min: u32) -> u32 {
    min + c.rng.pick(&[0u32, 0, 0, 1, 1, 2, 4])
}

fn business_days_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..2 {
        let t = c.instant();
        let n = small_n(&mut c, 1);
        let want = c.r.business_days(t, n);
        ensure!(c, want.is_some(), "reference: no result for business_days({}, {n})", show(&c.r, t));
        let got = c.cal.business_days(inst(t), n).map(ms);
        ensure!(c, got.as_ref().ok() == want.as_ref(), "business_days({}, {n}) = {}, reference {}", show(&c.r, t), got.map_or_else(|e| format!("{e:?}"), |g| show(&c.r, g)), show_opt(&c.r, want));
        let via = c.cal.add_duration(inst(t), slaclock::BusinessDuration::BusinessDays(n)).map(ms).ok();
        ensure!(c, via == want, "add_duration(BusinessDays({n})) = {} differs from business_days", show_opt(&c.r, via));
    }
    Ok(())
}

fn end_of_business_day_case(zi: usize, seed: u64) -> R {
    let mut c = Case::new(zi, seed);
    for _ in 0..2 {
        let t = c.instant();
        let n = small_n(&mut c, 0);
        let want = c.r.end_of_business_day(t, n);
        ensure!(c, want.is_some(), "reference: no result for end_of_business_day({}, {n})", show(&c.r, t));
        let got = c.cal.end_of_business_day(inst(t), n).map(ms);
        ensure!(c, got.as_ref().ok() == want.as_ref(), "end_of_business_day({}, {n}) = {}, reference {}", show(&c.r, t), got.map_or_else(|e| format!("{e:?}"), |g| show(&c.r, g)), show_opt(&c.r, want));
        let via = c.cal.add_duration(inst(t), slaclock::BusinessDuration::EndOfBusinessDay(n)).map(ms).ok();
        ensure!(c, via == want, "add_duration(EndOfBusinessDay({n})) = {} differs", show_opt(&c.r, via));
        // the hours of a local date, as real time
        let d = c.focus_date + chrono::Duration::days(c.rng.range(-2, 3));
        let want = c.r.day_spans(d);
        let date = slaclock::Date::parse(&d.to_string()).unwrap();
        let got: Vec<(i64, i64)> = c.cal.day_intervals(date).into_iter().map(|(a, b)| (ms(a), ms(b))).collect();
        ensure!(c, got == want, "day_intervals({d}):\n  engine:{}\n  reference:{}", show_ivs(&c.r, &got), show_ivs(&c.r, &want));
    }
    Ok(())
}

fn durations_case(zi: usize, seed: u64) -> R {
    use serde_json::json;
    use slaclock::BusinessDuration as BD;
    let mut c = Case::new(zi, seed);
    let g = &mut c.rng;
    let (d, hh, mm, ss, mss) = (g.range(0, 400), g.range(0, 30), g.range(0, 90), g.range(0, 90), g.range(0, 999));
    let exact = (((d * 24 + hh) * 60 + mm) * 60 + ss) * 1000 + mss;
    let obj = BD::from_value(&json!({"days": d, "hours": hh, "minutes": mm, "seconds": ss, "milliseconds": mss}));
    prop_assert_eq!(obj.ok(), Some(BD::Millis(exact)), "object form {} {} {} {} {}", d, hh, mm, ss, mss);
    let iso = format!("P{d}DT{hh}H{mm}M{ss}.{mss:03}S");
    prop_assert_eq!(slaclock::parse_iso_duration(&iso).ok(), Some(exact), "{}", iso);
    prop_assert_eq!(slaclock::parse_iso_duration(&format!("-{iso}")).ok(), Some(-exact), "-{}", iso);
    prop_assert_eq!(BD::from_value(&json!(exact)).ok(), Some(BD::Millis(exact)));
    let w = g.range(0, 50);
    prop_assert_eq!(slaclock::parse_iso_duration(&format!("P{w}W")).ok(), Some(w * 7 * DAY));
    // a fixed duration is plain business-time arithmetic
    let s = c.instant();
    let dd = c.any_duration().min(exact.max(1));
    let add = c.cal.add(inst(s), dd).map(ms).ok();
    prop_assert_eq!(c.cal.add_duration(inst(s), BD::Millis(dd)).map(ms).ok(), add);
    prop_assert_eq!(c.cal.subtract_duration(inst(s), BD::Millis(dd)).map(ms).ok(), c.cal.subtract(inst(s), dd).map(ms).ok());
    Ok(())
}

fn zone_seed() -> impl Strategy<Value = (usize, u64)> {
    (0usize..ZONES.len(), any::<u64>())
}

proptest! {
    #![proptest_config(config(3000))]
    #[test]
    fn is_open_matches_wall_clock_membership((zi, seed) in zone_seed()) { is_open_case(zi, seed)?; }
}

proptest! {
    #![proptest_config(config(1000))]
    #[test]
    fn next_open_matches_stepper((zi, seed) in zone_seed()) { next_open_case(zi, seed)?; }
    #[test]
    fn next_close_matches_stepper((zi, seed) in zone_seed()) { next_close_case(zi, seed)?; }
    #[test]
    fn elapsed_matches_stepper((zi, seed) in zone_seed()) { elapsed_case(zi, seed)?; }
    #[test]
    fn add_matches_stepper((zi, seed) in zone_seed()) { add_case(zi, seed)?; }
    #[test]
    fn subtract_matches_stepper((zi, seed) in zone_seed()) { subtract_case(zi, seed)?; }
}

proptest! {
    #![proptest_config(config(700))]
    #[test]
    fn open_intervals_match_stepper((zi, seed) in zone_seed()) { open_intervals_case(zi, seed)?; }
}

proptest! {
    #![proptest_config(config(600))]
    #[test]
    fn add_then_elapsed_round_trips((zi, seed) in zone_seed()) { round_trip_case(zi, seed)?; }
    #[test]
    fn add_elapsed_le_t((zi, seed) in zone_seed()) { add_elapsed_le_t_case(zi, seed)?; }
}

proptest! {
    #![proptest_config(config(500))]
    #[test]
    fn elapsed_is_additive((zi, seed) in zone_seed()) { additive_case(zi, seed)?; }
    #[test]
    fn subtract_inverts_add((zi, seed) in zone_seed()) { subtract_inverts_add_case(zi, seed)?; }
}

proptest! {
    #![proptest_config(config(400))]
    #[test]
    fn add_is_monotonic_in_duration((zi, seed) in zone_seed()) { monotonic_case(zi, seed)?; }
}

proptest! {
    #![proptest_config(config(800))]
    #[test]
    fn business_days_match_reference((zi, seed) in zone_seed()) { business_days_case(zi, seed)?; }
    #[test]
    fn end_of_business_day_matches_reference((zi, seed) in zone_seed()) { end_of_business_day_case(zi, seed)?; }
}

proptest! {
    #![proptest_config(config(300))]
    #[test]
    fn fixed_durations_are_exact_and_add_like_milliseconds((zi, seed) in zone_seed()) { durations_case(zi, seed)?; }
}

// ------------------------------------------------------------------------------------
// The generator covers what it claims to
// ------------------------------------------------------------------------------------

#[test]
fn generator_covers_every_zone_and_its_transitions() {
    // Each zone with DST has transitions in its year ranges; the special ones are there.
    let names: Vec<&str> = ZONES.iter().map(|z| z.name).collect();
    for want in ["UTC", "Europe/Helsinki", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Sao_Paulo", "Pacific/Apia"] {
        assert!(names.contains(&want), "{want} missing");
    }
    let find = |zone: &str| transitions(names.iter().position(|&n| n == zone).unwrap());
    assert!(find("UTC").is_empty());
    assert!(find("Europe/Helsinki").contains(&utc("2026-10-25T01:00:00Z")));
    assert!(find("America/New_York").contains(&utc("2024-03-10T07:00:00Z")));
    assert!(find("Australia/Lord_Howe").contains(&utc("2026-04-04T15:00:00Z")));
    assert!(find("Asia/Kathmandu").contains(&utc("1985-12-31T18:30:00Z")));
    assert!(find("America/Sao_Paulo").contains(&utc("2018-11-04T03:00:00Z")));
    assert!(find("Pacific/Apia").contains(&utc("2011-12-30T10:00:00Z")));
    // Cases are built and accepted by the engine for every zone.
    for zi in 0..ZONES.len() {
        for seed in 0..50 {
            let _ = Case::new(zi, seed);
        }
    }
}

// ------------------------------------------------------------------------------------
// Deterministic cases, exact values
// ------------------------------------------------------------------------------------

const MON: usize = 0;
const WED: usize = 2;
const THU: usize = 3;
const FRI: usize = 4;
const SUN: usize = 6;

fn h(hh: u32, mm: u32) -> u32 {
    hh * 60 + mm
}

fn ivs(cal: &slaclock::BusinessCalendar, a: &str, b: &str) -> Vec<(i64, i64)> {
    cal.open_intervals(slaclock::Instant::parse(a).unwrap(), slaclock::Instant::parse(b).unwrap())
        .unwrap()
        .into_iter()
        .map(|(x, y)| (ms(x), ms(y)))
        .collect()
}

fn pair(a: &str, b: &str) -> (i64, i64) {
    (utc(a), utc(b))
}

/// Checks the engine and the reference agree with the expected intervals on a window.
fn expect_intervals(r: &RefCal, a: &str, b: &str, want: &[(i64, i64)]) {
    let cal = r.engine();
    assert_eq!(ivs(&cal, a, b), want, "engine, {}", r.to_json());
    assert_eq!(r.open_intervals(utc(a), utc(b)), want, "reference, {}", r.to_json());
}

#[test]
fn new_york_2024_03_10_gap_night_window_is_3_hours() {
    let r = RefCal::new("America/New_York").with_weekly(SUN, &[(0, h(4, 0))]);
    let want = [pair("2024-03-10T05:00:00Z", "2024-03-10T08:00:00Z")];
    expect_intervals(&r, "2024-03-09T00:00:00Z", "2024-03-12T00:00:00Z", &want);
    let cal = r.engine();
    assert_eq!(cal.elapsed(inst(utc("2024-03-10T00:00:00Z")), inst(utc("2024-03-11T00:00:00Z"))), 3 * HOUR);
    assert!(cal.is_open(inst(utc("2024-03-10T06:59:59.999Z")))); // 01:59:59.999 EST
    assert!(cal.is_open(inst(utc("2024-03-10T07:00:00Z")))); // 03:00 EDT
    // 09:00-17:00 stays 8 hours
    let r = RefCal::new("America/New_York").with_weekly(SUN, &[(h(9, 0), h(17, 0))]);
    assert_eq!(r.engine().elapsed(inst(utc("2024-03-10T00:00:00Z")), inst(utc("2024-03-11T00:00:00Z"))), 8 * HOUR);
}

#[test]
fn new_york_2024_03_10_gap_0230_0315_opens_at_0300() {
    // the part of 02:30-03:15 that exists: 03:00-03:15 EDT
    let r = RefCal::new("America/New_York").with_weekly(SUN, &[(h(2, 30), h(3, 15))]);
    expect_intervals(&r, "2024-03-10T00:00:00Z", "2024-03-11T00:00:00Z", &[pair("2024-03-10T07:00:00Z", "2024-03-10T07:15:00Z")]);
    let cal = r.engine();
    assert_eq!(cal.next_open(inst(utc("2024-03-10T06:00:00Z"))).map(ms), Some(utc("2024-03-10T07:00:00Z")));
    assert_eq!(cal.add(inst(utc("2024-03-10T06:00:00Z")), 15 * MIN).map(ms).unwrap(), utc("2024-03-10T07:15:00Z"));
}

#[test]
fn helsinki_2026_10_25_fold_0000_0400_is_5_hours() {
    let r = RefCal::new("Europe/Helsinki").with_weekly(SUN, &[(0, h(4, 0))]);
    let want = [pair("2026-10-24T21:00:00Z", "2026-10-25T02:00:00Z")];
    expect_intervals(&r, "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z", &want);
    let cal = r.engine();
    assert_eq!(cal.elapsed(inst(utc("2026-10-24T00:00:00Z")), inst(utc("2026-10-26T00:00:00Z"))), 5 * HOUR);
    assert_eq!(cal.add(inst(utc("2026-10-24T21:00:00Z")), 5 * HOUR).map(ms).unwrap(), utc("2026-10-25T02:00:00Z"));
    assert_eq!(cal.next_close(inst(utc("2026-10-24T20:00:00Z"))).map(ms), Some(utc("2026-10-25T02:00:00Z")));
}

#[test]
fn helsinki_2026_10_25_0330_0500_has_two_pieces() {
    // 03:30-04:00 EEST (first occurrence), then 03:30-05:00 EET (second occurrence)
    let r = RefCal::new("Europe/Helsinki").with_weekly(SUN, &[(h(3, 30), h(5, 0))]);
    let want = [pair("2026-10-25T00:30:00Z", "2026-10-25T01:00:00Z"), pair("2026-10-25T01:30:00Z", "2026-10-25T03:00:00Z")];
    expect_intervals(&r, "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z", &want);
    let cal = r.engine();
    assert_eq!(cal.elapsed(inst(utc("2026-10-25T00:00:00Z")), inst(utc("2026-10-25T04:00:00Z"))), 2 * HOUR);
    assert!(!cal.is_open(inst(utc("2026-10-25T01:00:00Z")))); // 03:00 EET (second)
    assert_eq!(cal.next_close(inst(utc("2026-10-25T00:45:00Z"))).map(ms), Some(utc("2026-10-25T01:00:00Z")));
    assert_eq!(cal.next_open(inst(utc("2026-10-25T01:00:00Z"))).map(ms), Some(utc("2026-10-25T01:30:00Z")));
    // 30 minutes from 03:45 (first) land at 03:45 (second): the close at 04:00 EEST
    // returns, then 15 minutes from the reopening at 03:30 EET
    assert_eq!(cal.add(inst(utc("2026-10-25T00:45:00Z")), 30 * MIN).map(ms).unwrap(), utc("2026-10-25T01:45:00Z"));
    assert_eq!(cal.add(inst(utc("2026-10-25T00:45:00Z")), 15 * MIN).map(ms).unwrap(), utc("2026-10-25T01:00:00Z"));
    assert_eq!(cal.subtract(inst(utc("2026-10-25T01:45:00Z")), 15 * MIN).map(ms).unwrap(), utc("2026-10-25T01:30:00Z"));
}

#[test]
fn helsinki_2026_10_25_end_inside_fold_is_second_occurrence() {
    // an interval that ends inside the repeated hour ends at the second 03:30 (EET);
    // by the membership rule the first 03:30-04:00 (EEST) is outside it, so it has a hole
    let r = RefCal::new("Europe/Helsinki").with_weekly(SUN, &[(h(1, 0), h(3, 30))]);
    let want = [pair("2026-10-24T22:00:00Z", "2026-10-25T00:30:00Z"), pair("2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z")];
    expect_intervals(&r, "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z", &want);
    assert_eq!(r.engine().elapsed(inst(utc("2026-10-24T00:00:00Z")), inst(utc("2026-10-26T00:00:00Z"))), 3 * HOUR);
}

#[test]
fn helsinki_2026_03_29_gap_0330_0415_opens_at_0400() {
    let r = RefCal::new("Europe/Helsinki").with_weekly(SUN, &[(h(3, 30), h(4, 15))]);
    expect_intervals(&r, "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z", &[pair("2026-03-29T01:00:00Z", "2026-03-29T01:15:00Z")]);
    // a window inside the gap contributes nothing that day
    let r = RefCal::new("Europe/Helsinki").with_weekly(SUN, &[(h(3, 10), h(3, 50))]).with_weekly(MON, &[(h(9, 0), h(10, 0))]);
    expect_intervals(&r, "2026-03-28T00:00:00Z", "2026-03-31T00:00:00Z", &[pair("2026-03-30T06:00:00Z", "2026-03-30T07:00:00Z")]);
    assert_eq!(r.engine().next_open(inst(utc("2026-03-28T00:00:00Z"))).map(ms), Some(utc("2026-03-30T06:00:00Z")));
}

#[test]
fn lord_howe_2026_04_05_half_hour_fold() {
    // DST ends 02:00 LHDT (+11) -> 01:30 LHST (+10:30): 01:30-02:00 happens twice.
    let r = RefCal::new("Australia/Lord_Howe").with_weekly(SUN, &[(h(1, 0), h(3, 0))]);
    let want = [pair("2026-04-04T14:00:00Z", "2026-04-04T16:30:00Z")]; // 2.5 real hours
    expect_intervals(&r, "2026-04-04T00:00:00Z", "2026-04-06T00:00:00Z", &want);
    assert_eq!(r.engine().elapsed(inst(utc("2026-04-04T00:00:00Z")), inst(utc("2026-04-06T00:00:00Z"))), 150 * MIN);
    // 01:45-02:00 exists twice: two 15-minute pieces
    let r = RefCal::new("Australia/Lord_Howe").with_weekly(SUN, &[(h(1, 45), h(2, 0))]);
    let want = [pair("2026-04-04T14:45:00Z", "2026-04-04T15:00:00Z"), pair("2026-04-04T15:15:00Z", "2026-04-04T15:30:00Z")];
    expect_intervals(&r, "2026-04-04T00:00:00Z", "2026-04-06T00:00:00Z", &want);
    let cal = r.engine();
    assert_eq!(cal.add(inst(utc("2026-04-04T14:50:00Z")), 15 * MIN).map(ms).unwrap(), utc("2026-04-04T15:20:00Z"));
    // spring forward 2026-10-04: 02:00 -> 02:30, so 02:00-03:00 is 30 real minutes
    let r = RefCal::new("Australia/Lord_Howe").with_weekly(SUN, &[(h(2, 0), h(3, 0))]);
    expect_intervals(&r, "2026-10-03T00:00:00Z", "2026-10-05T00:00:00Z", &[pair("2026-10-03T15:30:00Z", "2026-10-03T16:00:00Z")]);
}

#[test]
fn kathmandu_0945_offset() {
    let r = RefCal::new("Asia/Kathmandu").with_weekly(MON, &[(h(9, 45), h(17, 0))]);
    let cal = r.engine();
    // 2026-12-07 is a Monday; 09:45 +05:45 = 04:00Z, 17:00 +05:45 = 11:15Z
    assert!(!cal.is_open(inst(utc("2026-12-07T03:59:59.999Z"))));
    assert!(cal.is_open(inst(utc("2026-12-07T04:00:00Z"))));
    assert_eq!(cal.next_open(inst(utc("2026-12-07T00:00:00Z"))).map(ms), Some(utc("2026-12-07T04:00:00Z")));
    assert_eq!(cal.next_close(inst(utc("2026-12-07T00:00:00Z"))).map(ms), Some(utc("2026-12-07T11:15:00Z")));
    assert_eq!(cal.add(inst(utc("2026-12-07T11:00:00Z")), 30 * MIN).map(ms).unwrap(), utc("2026-12-14T04:15:00Z"));
    // 1986-01-01 (Wednesday): +05:30 -> +05:45 at local midnight, 00:00-00:15 does not exist
    let r = RefCal::new("Asia/Kathmandu").with_weekly(WED, &[(0, h(1, 0))]);
    expect_intervals(&r, "1985-12-31T00:00:00Z", "1986-01-02T00:00:00Z", &[pair("1985-12-31T18:30:00Z", "1985-12-31T19:15:00Z")]);
}

#[test]
fn sao_paulo_2018_11_04_midnight_gap_opening() {
    // 2018-11-04 (Sunday) 00:00 -03 -> 01:00 -02: midnight does not exist
    let r = RefCal::new("America/Sao_Paulo").with_weekly(SUN, &[(0, h(6, 0))]);
    expect_intervals(&r, "2018-11-03T00:00:00Z", "2018-11-05T00:00:00Z", &[pair("2018-11-04T03:00:00Z", "2018-11-04T08:00:00Z")]);
    let cal = r.engine();
    assert_eq!(cal.next_open(inst(utc("2018-11-04T02:00:00Z"))).map(ms), Some(utc("2018-11-04T03:00:00Z")));
    assert!(!cal.is_open(inst(utc("2018-11-04T02:59:59.999Z"))));
    // a Saturday night shift 22:00-00:00 ends at the Saturday's end: 23:59:59.999 -03
    let r = RefCal::new("America/Sao_Paulo").with_weekly(5, &[(h(22, 0), DM)]).with_weekly(SUN, &[(0, h(2, 0))]);
    // Saturday 22:00-24:00 (-03) = 01:00Z-03:00Z, Sunday 01:00-02:00 (-02) = 03:00Z-04:00Z: one interval
    expect_intervals(&r, "2018-11-03T00:00:00Z", "2018-11-05T00:00:00Z", &[pair("2018-11-04T01:00:00Z", "2018-11-04T04:00:00Z")]);
    assert_eq!(r.engine().next_close(inst(utc("2018-11-04T01:30:00Z"))).map(ms), Some(utc("2018-11-04T04:00:00Z")));
    // fall back 2018-02-18 00:00 -02 -> 2018-02-17 23:00 -03: Saturday 23:00-24:00 twice
    let r = RefCal::new("America/Sao_Paulo").with_weekly(5, &[(h(23, 0), DM)]);
    expect_intervals(&r, "2018-02-17T00:00:00Z", "2018-02-19T00:00:00Z", &[pair("2018-02-18T01:00:00Z", "2018-02-18T03:00:00Z")]);
}

#[test]
fn apia_2011_12_30_skipped_day_is_closed() {
    // Thursday 2011-12-29 24:00 (-10) was followed by Saturday 2011-12-31 00:00 (+14).
    let r = RefCal::new("Pacific/Apia").with_weekly(FRI, &[(h(8, 0), h(17, 0))]);
    let cal = r.engine();
    // Friday 2011-12-23 08:00 -10 = 18:00Z; the next Friday that exists: 2012-01-06 08:00 +14
    expect_intervals(&r, "2011-12-20T00:00:00Z", "2012-01-06T00:00:00Z", &[pair("2011-12-23T18:00:00Z", "2011-12-24T03:00:00Z"), pair("2012-01-05T18:00:00Z", "2012-01-06T00:00:00Z")]);
    assert_eq!(cal.next_open(inst(utc("2011-12-24T03:00:00Z"))).map(ms), Some(utc("2012-01-05T18:00:00Z")));
    assert_eq!(cal.elapsed(inst(utc("2011-12-24T03:00:00Z")), inst(utc("2012-01-05T18:00:00Z"))), 0);
    assert_eq!(cal.add(inst(utc("2011-12-24T02:00:00Z")), 2 * HOUR).map(ms).unwrap(), utc("2012-01-05T19:00:00Z"));
    // Thursday night shift 22:00-06:00 on 2011-12-29: its spill would be on the missing
    // Friday, so it is open only 22:00-24:00
    let r = RefCal::new("Pacific/Apia").with_weekly(THU, &[(h(22, 0), DM + h(6, 0))]);
    expect_intervals(&r, "2011-12-29T00:00:00Z", "2012-01-01T00:00:00Z", &[pair("2011-12-30T08:00:00Z", "2011-12-30T10:00:00Z")]);
}

#[test]
fn helsinki_2026_10_24_business_day_into_fold_takes_earlier_and_new_york_gap_moves_forward() {
    let all_day: Vec<(u32, u32)> = vec![(0, DM)];
    let mut r = RefCal::new("Europe/Helsinki");
    for wd in 0..7 {
        r = r.with_weekly(wd, &all_day);
    }
    let cal = r.engine();
    // Saturday 03:30 EEST + 1 business day = Sunday 03:30, the first (EEST) occurrence
    assert_eq!(ms(cal.business_days(inst(utc("2026-10-24T00:30:00Z")), 1).unwrap()), utc("2026-10-25T00:30:00Z"));
    assert_eq!(r.business_days(utc("2026-10-24T00:30:00Z"), 1), Some(utc("2026-10-25T00:30:00Z")));
    let mut r = RefCal::new("America/New_York");
    for wd in 0..7 {
        r = r.with_weekly(wd, &all_day);
    }
    let cal = r.engine();
    // Saturday 02:30 EST + 1 business day: Sunday 02:30 does not exist -> 03:30 EDT
    assert_eq!(ms(cal.business_days(inst(utc("2024-03-09T07:30:00Z")), 1).unwrap()), utc("2024-03-10T07:30:00Z"));
    assert_eq!(r.business_days(utc("2024-03-09T07:30:00Z"), 1), Some(utc("2024-03-10T07:30:00Z")));
}

#[test]
fn utc_business_days_clamp_into_hours_and_end_of_business_day() {
    let mut r = RefCal::new("UTC");
    for wd in 0..5 {
        r = r.with_weekly(wd, &[(h(9, 0), h(12, 0)), (h(13, 0), h(17, 0))]);
    }
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 12, 14).unwrap();
    r.exceptions.push(Exc { from: monday, to: monday, effect: Effect::Hours(vec![Iv::new(h(10, 0), h(15, 0))]), style: 0 });
    let cal = r.engine();
    let bd = |s: &str, n| ms(cal.business_days(inst(utc(s)), n).unwrap());
    assert_eq!(bd("2026-12-04T12:30:00Z", 1), utc("2026-12-07T13:00:00Z")); // Fri in the break -> Mon 13:00
    assert_eq!(bd("2026-12-04T08:00:00Z", 1), utc("2026-12-07T09:00:00Z")); // before opening: moves to Fri 09:00 first
    assert_eq!(bd("2026-12-04T18:00:00Z", 1), utc("2026-12-08T09:00:00Z")); // after close: next open is Mon 09:00 -> Tue 09:00
    assert_eq!(bd("2026-12-11T16:30:00Z", 1), utc("2026-12-14T15:00:00Z")); // Mon has 10:00-15:00: the last close
    assert_eq!(bd("2026-12-11T09:30:00Z", 1), utc("2026-12-14T10:00:00Z")); // ... and the first opening
    assert_eq!(bd("2026-12-04T10:00:00Z", 5), utc("2026-12-11T10:00:00Z"));
    let eod = |s: &str, n| ms(cal.end_of_business_day(inst(utc(s)), n).unwrap());
    assert_eq!(eod("2026-12-04T16:00:00Z", 0), utc("2026-12-04T17:00:00Z"));
    assert_eq!(eod("2026-12-04T17:00:00Z", 0), utc("2026-12-07T17:00:00Z")); // at the last close: next open day
    assert_eq!(eod("2026-12-05T10:00:00Z", 0), utc("2026-12-07T17:00:00Z")); // closed Saturday
    assert_eq!(eod("2026-12-04T16:00:00Z", 1), utc("2026-12-07T17:00:00Z"));
    assert_eq!(eod("2026-12-11T01:00:00Z", 1), utc("2026-12-14T15:00:00Z"));
}

#[test]
fn apia_2011_12_29_end_of_business_day_skips_the_missing_friday() {
    let mut r = RefCal::new("Pacific/Apia");
    for wd in 0..5 {
        r = r.with_weekly(wd, &[(h(9, 0), h(17, 0))]);
    }
    let cal = r.engine();
    // Thursday 2011-12-29 10:00 -10 -> the next open day is Monday 2012-01-02 (17:00 +14 = 03:00Z)
    assert_eq!(ms(cal.end_of_business_day(inst(utc("2011-12-29T20:00:00Z")), 1).unwrap()), utc("2012-01-02T03:00:00Z"));
    assert_eq!(ms(cal.business_days(inst(utc("2011-12-29T20:00:00Z")), 1).unwrap()), utc("2012-01-01T20:00:00Z"));
    assert!(cal.day_intervals(slaclock::Date::parse("2011-12-30").unwrap()).is_empty());
}

#[test]
fn oudin_easter_agrees_with_published_dates() {
    for (y, m, d) in [(1986, 3, 30), (2011, 4, 24), (2015, 4, 5), (2018, 4, 1), (2019, 4, 21), (2024, 3, 31), (2026, 4, 5), (2027, 3, 28), (2038, 4, 25), (2285, 3, 22)] {
        assert_eq!(easter(y), chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap(), "{y}");
    }
}

#[test]
fn new_york_2024_03_10_rule_second_sunday_of_march_with_special_hours() {
    // a recurring special-hours rule on the spring-forward day; a one-off exception beats it
    let mut r = RefCal::new("America/New_York").with_weekly(SUN, &[(h(9, 0), h(17, 0))]);
    r.rules.push(Rule { kind: RuleKind::Nth { month: 3, weekday: 6, nth: 2 }, observed: Obs::Absent, first_year: None, last_year: None, effect: Effect::Hours(vec![Iv::new(h(1, 0), h(4, 0))]), style: 1 });
    // 01:00 EST = 06:00Z .. 04:00 EDT = 08:00Z: 2 real hours
    expect_intervals(&r, "2024-03-10T00:00:00Z", "2024-03-11T00:00:00Z", &[pair("2024-03-10T06:00:00Z", "2024-03-10T08:00:00Z")]);
    let d = chrono::NaiveDate::from_ymd_opt(2025, 3, 9).unwrap();
    r.exceptions.push(Exc { from: d, to: d, effect: Effect::Closed, style: 0 });
    expect_intervals(&r, "2025-03-09T00:00:00Z", "2025-03-10T00:00:00Z", &[]);
}

#[test]
fn utc_2021_10_nth_from_end_weekday_rules() {
    // Thursdays of October 2021: 7, 14, 21, 28
    let cal = |nth: i32| {
        let mut r = RefCal::new("UTC").with_weekly(THU, &[(h(9, 0), h(17, 0))]);
        r.rules.push(Rule { kind: RuleKind::Nth { month: 10, weekday: 3, nth }, observed: Obs::Absent, first_year: None, last_year: None, effect: Effect::Closed, style: 0 });
        r
    };
    for (nth, closed_day) in [(-1, 28), (-2, 21), (-3, 14), (-4, 7), (1, 7), (4, 28)] {
        let r = cal(nth);
        let engine = r.engine();
        for day in [7, 14, 21, 28] {
            let d = slaclock::Date::new(2021, 10, day).unwrap();
            let want_closed = day == closed_day;
            assert_eq!(engine.hours_on(d).spans().is_empty(), want_closed, "nth {nth}, 2021-10-{day}");
            assert_eq!(r.hours(chrono::NaiveDate::from_ymd_opt(2021, 10, day).unwrap()).is_empty(), want_closed, "reference nth {nth}");
        }
    }
}

#[test]
fn utc_holiday_on_monday_cancels_mondays_night_shift_not_sundays() {
    let mut r = RefCal::new("UTC").with_weekly(SUN, &[(h(22, 0), DM + h(6, 0))]).with_weekly(MON, &[(h(22, 0), DM + h(6, 0))]);
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    r.exceptions.push(Exc { from: monday, to: monday, effect: Effect::Closed, style: 0 });
    expect_intervals(&r, "2026-12-06T00:00:00Z", "2026-12-09T00:00:00Z", &[pair("2026-12-06T22:00:00Z", "2026-12-07T06:00:00Z")]);
    // special hours replace Monday's, and Sunday's spill still runs
    let mut r2 = RefCal::new("UTC").with_weekly(SUN, &[(h(22, 0), DM + h(6, 0))]).with_weekly(MON, &[(h(22, 0), DM + h(6, 0))]);
    r2.exceptions.push(Exc { from: monday, to: monday, effect: Effect::Hours(vec![Iv::new(h(4, 0), h(8, 0))]), style: 1 });
    expect_intervals(&r2, "2026-12-06T00:00:00Z", "2026-12-09T00:00:00Z", &[pair("2026-12-06T22:00:00Z", "2026-12-07T08:00:00Z")]);
}

#[test]
fn utc_add_lands_on_close_subtract_lands_on_open() {
    let r = RefCal::new("UTC").with_weekly(MON, &[(h(9, 0), h(17, 0))]).with_weekly(1, &[(h(9, 0), h(17, 0))]);
    let cal = r.engine();
    let mon9 = utc("2026-12-07T09:00:00Z");
    assert_eq!(ms(cal.add(inst(mon9), 8 * HOUR).unwrap()), utc("2026-12-07T17:00:00Z"));
    assert_eq!(ms(cal.add(inst(mon9), 8 * HOUR + 1).unwrap()), utc("2026-12-08T09:00:00.001Z"));
    assert_eq!(ms(cal.subtract(inst(utc("2026-12-08T17:00:00Z")), 8 * HOUR).unwrap()), utc("2026-12-08T09:00:00Z"));
    assert_eq!(ms(cal.subtract(inst(utc("2026-12-08T17:00:00Z")), 8 * HOUR + 1).unwrap()), utc("2026-12-07T16:59:59.999Z"));
    assert_eq!(ms(cal.add(inst(utc("2026-12-07T20:00:00Z")), 0).unwrap()), utc("2026-12-07T20:00:00Z"));
    // a night shift split at midnight is one interval
    let r = RefCal::new("UTC").with_weekly(MON, &[(h(22, 0), DM)]).with_weekly(1, &[(0, h(6, 0))]);
    expect_intervals(&r, "2026-12-07T00:00:00Z", "2026-12-09T00:00:00Z", &[pair("2026-12-07T22:00:00Z", "2026-12-08T06:00:00Z")]);
    assert_eq!(r.engine().next_close(inst(utc("2026-12-07T23:00:00Z"))).map(ms), Some(utc("2026-12-08T06:00:00Z")));
}

#[test]
fn utc_add_elapsed_to_an_opening_returns_the_previous_close() {
    // add(s, elapsed(s, t)) <= t; equal only when the instant before t is open (or t == s):
    // for t at an opening with closed time between, the earliest instant is the close.
    let r = RefCal::new("UTC").with_weekly(MON, &[(h(9, 0), h(17, 0))]).with_weekly(1, &[(h(9, 0), h(17, 0))]);
    let cal = r.engine();
    let (s, t) = (utc("2026-12-07T10:00:00Z"), utc("2026-12-08T09:00:00Z"));
    assert!(cal.is_open(inst(t)));
    let e = cal.elapsed(inst(s), inst(t));
    assert_eq!(e, 7 * HOUR);
    assert_eq!(ms(cal.add(inst(s), e).unwrap()), utc("2026-12-07T17:00:00Z"));
    let t = utc("2026-12-08T09:00:00.001Z");
    assert_eq!(ms(cal.add(inst(s), cal.elapsed(inst(s), inst(t))).unwrap()), t);
}

#[test]
fn horizon_results_are_errors_or_none_not_loops() {
    use slaclock::{BusinessCalendar, ErrorCode, MAX_DURATION_MS};
    // one minute a week: 10,000 years of business time is far past year 9999
    let cal = BusinessCalendar::from_json(r#"{"timeZone":"America/New_York","weekly":{"mon":[["09:00","09:01"]]}}"#).unwrap();
    let s = inst(utc("2026-12-01T00:00:00Z"));
    assert_eq!(cal.add(s, MAX_DURATION_MS).unwrap_err().code(), ErrorCode::OutOfRange);
    assert_eq!(cal.subtract(s, MAX_DURATION_MS).unwrap_err().code(), ErrorCode::OutOfRange);
    assert_eq!(cal.next_open(slaclock::Instant::MAX), None);
    // closed from 2026 to the end of time
    let cal = BusinessCalendar::from_json(r#"{"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]]},"exceptions":[{"from":"2026-01-01","to":"9999-12-31","closed":true}]}"#).unwrap();
    assert_eq!(cal.next_open(inst(utc("2026-12-01T00:00:00Z"))), None);
    assert_eq!(cal.add(inst(utc("2025-12-29T00:00:00Z")), 10 * HOUR).unwrap_err().code(), ErrorCode::OutOfRange);
    assert_eq!(cal.add(inst(utc("2025-12-29T00:00:00Z")), 8 * HOUR).map(ms).unwrap(), utc("2025-12-29T17:00:00Z"));
    // 24x7 with a (24h) exception: it never closes
    let all = r#"[["00:00","24:00"]]"#;
    let j = format!(r#"{{"timeZone":"UTC","weekly":{{"mon":{all},"tue":{all},"wed":{all},"thu":{all},"fri":{all},"sat":{all},"sun":{all}}},"exceptions":[{{"date":"2026-12-24","hours":{all}}}]}}"#);
    let cal = BusinessCalendar::from_json(&j).unwrap();
    assert_eq!(cal.next_close(inst(utc("2026-12-01T00:00:00Z"))), None);
}

/// Found by the reference work: in a zone ahead of UTC, a calendar that never closes
/// "closed" at the horizon's local midnight (local dates after 9999-12-31 were treated as
/// closed), so `next_close` returned 9999-12-31T22:00:00Z instead of `None`.
#[test]
fn helsinki_never_closing_overnight_chain_next_close_is_none() {
    // Mon 24h, Tue 00:00-22:00 + 22:00-02:00(+1), Wed 02:00-24:00, Thu-Sun 24h: the week
    // is covered; the exception keeps the calendar off the 24x7 shortcut.
    let all = r#"[["00:00","24:00"]]"#;
    let j = format!(r#"{{"timeZone":"Europe/Helsinki","weekly":{{"mon":{all},"tue":[["00:00","22:00"],["22:00","02:00"]],"wed":[["02:00","24:00"]],"thu":{all},"fri":{all},"sat":{all},"sun":{all}}},"exceptions":[{{"date":"2026-12-24","hours":{all}}}]}}"#);
    let cal = slaclock::BusinessCalendar::from_json(&j).unwrap();
    assert!(cal.is_open(inst(utc("2026-12-01T00:00:00Z"))));
    assert_eq!(cal.next_close(inst(utc("2026-12-01T00:00:00Z"))), None);
    assert!(cal.is_open(inst(utc("9999-12-31T23:00:00Z"))));
}
