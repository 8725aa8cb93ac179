//! Brute-force reference for the business-calendar engine.
//!
//! Nothing here uses the engine's code: a random calendar is kept as plain structs
//! (weekly intervals per weekday in minutes, one-off exceptions), serialized to calendar
//! JSON for the engine, and membership is decided by the SEMANTICS rule directly with
//! chrono-tz: an instant is open iff its local wall time lies in an interval of the
//! schedule of its local date, or in the overnight part of an interval of the previous
//! local date. All arithmetic is then done by stepping minute by minute (every offset of
//! the zones and years used here is a whole number of minutes, so membership is constant
//! on each UTC minute).

#![allow(dead_code)]

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use serde_json::{json, Value};
use slaclock::{BusinessCalendar, Instant};
use std::sync::OnceLock;

pub const MIN: i64 = 60_000;
pub const HOUR: i64 = 3_600_000;
pub const DAY: i64 = 86_400_000;
/// Minutes in a day.
pub const DM: u32 = 1440;

// ---------------------------------------------------------------------------------
// Small deterministic RNG (splitmix64): a case is a pure function of (zone, seed).
// ---------------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        assert!(lo <= hi);
        lo + (self.next() % ((hi - lo) as u64 + 1)) as i64
    }
    /// True with probability `num/den`.
    pub fn chance(&mut self, num: u64, den: u64) -> bool {
        self.below(den) < num
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize]
    }
}

// ---------------------------------------------------------------------------------
// Zones used by the properties.
// ---------------------------------------------------------------------------------

pub struct ZoneInfo {
    pub name: &'static str,
    /// Year ranges `[from, to)` instants are drawn from.
    pub years: &'static [(i32, i32)],
    /// Wall-clock minutes worth using as interval boundaries (around the zone's DST
    /// transitions, midnight, ...).
    pub pref: &'static [u32],
}

pub static ZONES: [ZoneInfo; 7] = [
    ZoneInfo { name: "UTC", years: &[(2020, 2031)], pref: &[0, 480, 540, 720, 1020, 1439, 1440] },
    ZoneInfo { name: "Europe/Helsinki", years: &[(2024, 2028)], pref: &[0, 179, 180, 181, 210, 240, 270, 300] },
    ZoneInfo { name: "America/New_York", years: &[(2023, 2027)], pref: &[0, 60, 90, 119, 120, 150, 180, 240] },
    ZoneInfo { name: "Australia/Lord_Howe", years: &[(2024, 2028)], pref: &[0, 60, 90, 105, 120, 135, 150, 180] },
    ZoneInfo { name: "Asia/Kathmandu", years: &[(1985, 1987), (2025, 2027)], pref: &[0, 10, 15, 20, 45, 60, 585, 1425] },
    ZoneInfo { name: "America/Sao_Paulo", years: &[(2015, 2020)], pref: &[0, 30, 60, 1380, 1410, 1439, 1440, 1] },
    ZoneInfo { name: "Pacific/Apia", years: &[(2010, 2013)], pref: &[0, 60, 180, 240, 1380, 1439, 1440, 1320] },
];

pub fn tz_of(name: &str) -> Tz {
    name.parse::<Tz>().expect("zone")
}

pub fn year_start_ms(y: i32) -> i64 {
    NaiveDate::from_ymd_opt(y, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp_millis()
}

pub fn offset_ms(tz: Tz, t: i64) -> i64 {
    let utc = Utc.timestamp_millis_opt(t).unwrap().naive_utc();
    tz.offset_from_utc_datetime(&utc).fix().local_minus_utc() as i64 * 1000
}

/// UTC instants (whole minutes) where the zone's offset changes within its year ranges.
pub fn transitions(zi: usize) -> &'static [i64] {
    static T: OnceLock<Vec<Vec<i64>>> = OnceLock::new();
    &T.get_or_init(|| {
        ZONES
            .iter()
            .map(|z| {
                let tz = tz_of(z.name);
                let mut out = Vec::new();
                for &(y0, y1) in z.years {
                    let (a, b) = (year_start_ms(y0) - 2 * DAY, year_start_ms(y1) + 2 * DAY);
                    let mut t = a;
                    let mut off = offset_ms(tz, t);
                    while t < b {
                        let n = t + HOUR;
                        let o = offset_ms(tz, n);
                        if o != off {
                            // first minute in (t, n] with the new offset
                            let (mut lo, mut hi) = (t / MIN, n / MIN);
                            while hi - lo > 1 {
                                let mid = (lo + hi) / 2;
                                if offset_ms(tz, mid * MIN) == off {
                                    lo = mid;
                                } else {
                                    hi = mid;
                                }
                            }
                            out.push(hi * MIN);
                            off = o;
                        }
                        t = n;
                    }
                }
                out
            })
            .collect()
    })[zi]
}

// ---------------------------------------------------------------------------------
// The reference calendar.
// ---------------------------------------------------------------------------------

/// A wall-clock interval `[start, end)` in minutes of its date. `end > 1440` is an
/// overnight interval (the part after 1440 is on the next date).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Iv {
    pub start: u32,
    pub end: u32,
    /// Serialization variety: an end at 24:00 written as "00:00", an interval as an object.
    pub alt: bool,
}

impl Iv {
    pub fn new(start: u32, end: u32) -> Iv {
        Iv { start, end, alt: false }
    }
}

#[derive(Clone, Debug)]
pub enum Effect {
    Closed,
    Hours(Vec<Iv>),
}

#[derive(Clone, Debug)]
pub struct Exc {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub effect: Effect,
    /// Serialization variety.
    pub style: u8,
}

/// Which date of a year a recurring rule picks.
#[derive(Clone, Copy, Debug)]
pub enum RuleKind {
    Fixed { month: u32, day: u32 },
    /// n-th (1..=5) or from the end (-1..=-5) weekday (0 = Monday) of a month.
    Nth { month: u32, weekday: u32, nth: i32 },
    OnOrAfter { month: u32, day: u32, weekday: u32 },
    OnOrBefore { month: u32, day: u32, weekday: u32 },
    Easter { offset: i32 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Obs {
    Absent,
    None,
    Nearest,
    Next,
    SunToMon,
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub kind: RuleKind,
    pub observed: Obs,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
    pub effect: Effect,
    pub style: u8,
}

/// Western Easter Sunday by Oudin's algorithm (independent of the engine's).
pub fn easter(y: i32) -> NaiveDate {
    let c = y / 100;
    let n = y - 19 * (y / 19);
    let k = (c - 17) / 25;
    let mut i = c - c / 4 - (c - k) / 3 + 19 * n + 15;
    i -= 30 * (i / 30);
    i -= (i / 28) * (1 - (i / 28) * (29 / (i + 1)) * ((21 - n) / 11));
    let mut j = y + y / 4 + i + 2 - c + c / 4;
    j -= 7 * (j / 7);
    let l = i - j;
    let m = 3 + (l + 40) / 44;
    let d = l + 28 - 31 * (m / 4);
    NaiveDate::from_ymd_opt(y, m as u32, d as u32).unwrap()
}

fn wd(d: NaiveDate) -> u32 {
    d.weekday().num_days_from_monday()
}

pub fn month_len(y: i32, m: u32) -> u32 {
    let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
    next.unwrap().pred_opt().unwrap().day()
}

impl Rule {
    /// The nominal date in `y`, before observed shifting.
    pub fn nominal(&self, y: i32) -> Option<NaiveDate> {
        match self.kind {
            RuleKind::Fixed { month, day } => NaiveDate::from_ymd_opt(y, month, day),
            RuleKind::Nth { month, weekday, nth } => {
                let days: Vec<NaiveDate> = (1..=month_len(y, month))
                    .map(|d| NaiveDate::from_ymd_opt(y, month, d).unwrap())
                    .filter(|&d| wd(d) == weekday)
                    .collect();
                if nth > 0 {
                    days.get(nth as usize - 1).copied()
                } else {
                    days.len().checked_sub((-nth) as usize).map(|i| days[i])
                }
            }
            RuleKind::OnOrAfter { month, day, weekday } => {
                let mut d = NaiveDate::from_ymd_opt(y, month, day)?;
                while wd(d) != weekday {
                    d = d.succ_opt()?;
                }
                Some(d)
            }
            RuleKind::OnOrBefore { month, day, weekday } => {
                let mut d = NaiveDate::from_ymd_opt(y, month, day)?;
                while wd(d) != weekday {
                    d = d.pred_opt()?;
                }
                Some(d)
            }
            RuleKind::Easter { offset } => Some(easter(y) + Duration::days(offset as i64)),
        }
    }

    pub fn matches(&self, d: NaiveDate) -> bool {
        (d.year() - 1..=d.year() + 1).any(|y| {
            if self.first_year.is_some_and(|f| y < f) || self.last_year.is_some_and(|l| y > l) {
                return false;
            }
            let Some(n) = self.nominal(y) else { return false };
            let shifted = match (self.observed, wd(n)) {
                (Obs::Nearest, 5) => n - Duration::days(1),
                (Obs::Nearest, 6) => n + Duration::days(1),
                (Obs::Next, 5) => n + Duration::days(2),
                (Obs::Next, 6) => n + Duration::days(1),
                (Obs::SunToMon, 6) => n + Duration::days(1),
                _ => n,
            };
            shifted == d
        })
    }

    fn to_json(&self) -> Value {
        const KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let mut o = match self.kind {
            RuleKind::Fixed { month, day } => json!({"month": month, "day": day}),
            RuleKind::Nth { month, weekday, nth } => json!({"month": month, "weekday": KEYS[weekday as usize], "nth": nth}),
            RuleKind::OnOrAfter { month, day, weekday } => json!({"month": month, "day": day, "weekday": KEYS[weekday as usize], "onOrAfter": true}),
            RuleKind::OnOrBefore { month, day, weekday } => json!({"month": month, "day": day, "weekday": KEYS[weekday as usize], "onOrBefore": true}),
            RuleKind::Easter { offset } => json!({"easterOffset": offset}),
        };
        let key = match self.observed {
            Obs::Absent => None,
            Obs::None => Some("none"),
            Obs::Nearest => Some("nearestWeekday"),
            Obs::Next => Some("nextWeekday"),
            Obs::SunToMon => Some("sundayToMonday"),
        };
        if let Some(k) = key {
            o["observed"] = json!(k);
        }
        if let Some(f) = self.first_year {
            o["firstYear"] = json!(f);
        }
        if let Some(l) = self.last_year {
            o["lastYear"] = json!(l);
        }
        match &self.effect {
            Effect::Closed => {
                if self.style % 2 == 0 {
                    o["closed"] = json!(true);
                }
            }
            Effect::Hours(h) => o["hours"] = hours_json(h, self.style % 2 == 1),
        }
        if self.style % 3 == 0 {
            o["name"] = json!(format!("rule {}", self.style));
        }
        o
    }
}

#[derive(Clone, Debug)]
pub struct RefCal {
    pub zone: &'static str,
    pub tz: Tz,
    /// Monday first.
    pub weekly: [Vec<Iv>; 7],
    pub exceptions: Vec<Exc>,
    pub rules: Vec<Rule>,
    /// The rule deciding a date (memo; rule matching is slow-ish per minute).
    rule_memo: std::cell::RefCell<std::collections::HashMap<NaiveDate, Option<usize>>>,
}

pub fn hhmm(m: u32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

fn iv_json(iv: &Iv) -> Value {
    let s = hhmm(iv.start);
    let e = if iv.end > DM {
        hhmm(iv.end - DM)
    } else if iv.end == DM && iv.alt && iv.start > 0 {
        "00:00".to_string()
    } else {
        hhmm(iv.end)
    };
    if iv.alt && iv.start % 2 == 1 {
        json!({"start": s, "end": e})
    } else {
        json!([s, e])
    }
}

fn hours_json(h: &[Iv], reverse: bool) -> Value {
    let mut v: Vec<Value> = h.iter().map(iv_json).collect();
    if reverse {
        v.reverse();
    }
    Value::Array(v)
}

impl RefCal {
    pub fn new(zone: &'static str) -> RefCal {
        RefCal { zone, tz: tz_of(zone), weekly: Default::default(), exceptions: Vec::new(), rules: Vec::new(), rule_memo: Default::default() }
    }

    /// Builder for hand-written calendars: `wd` 0 = Monday.
    pub fn with_weekly(mut self, wd: usize, ivs: &[(u32, u32)]) -> RefCal {
        self.weekly[wd] = ivs.iter().map(|&(a, b)| Iv::new(a, b)).collect();
        self
    }

    pub fn to_json(&self) -> Value {
        const KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let mut weekly = serde_json::Map::new();
        for (i, k) in KEYS.iter().enumerate() {
            if !self.weekly[i].is_empty() {
                weekly.insert(k.to_string(), hours_json(&self.weekly[i], i % 2 == 1));
            }
        }
        let mut out = json!({"timeZone": self.zone, "weekly": Value::Object(weekly)});
        if !self.exceptions.is_empty() {
            let ex: Vec<Value> = self
                .exceptions
                .iter()
                .map(|e| {
                    let mut o = serde_json::Map::new();
                    if e.from == e.to && e.style % 4 != 3 {
                        o.insert("date".into(), json!(e.from.to_string()));
                    } else {
                        o.insert("from".into(), json!(e.from.to_string()));
                        o.insert("to".into(), json!(e.to.to_string()));
                    }
                    match &e.effect {
                        Effect::Closed => {
                            if e.style % 2 == 0 {
                                o.insert("closed".into(), json!(true));
                            }
                        }
                        Effect::Hours(h) => {
                            o.insert("hours".into(), hours_json(h, e.style % 2 == 1));
                            if e.style % 3 == 0 {
                                o.insert("closed".into(), json!(false));
                            }
                        }
                    }
                    Value::Object(o)
                })
                .collect();
            out["exceptions"] = Value::Array(ex);
        }
        if !self.rules.is_empty() {
            out["rules"] = Value::Array(self.rules.iter().map(Rule::to_json).collect());
        }
        out
    }

    pub fn engine(&self) -> BusinessCalendar {
        let j = self.to_json();
        BusinessCalendar::from_value(&j).unwrap_or_else(|e| panic!("engine rejected {j}: {e:?}"))
    }

    /// The schedule of a local date (closed exception > special hours > weekly).
    pub fn hours(&self, d: NaiveDate) -> &[Iv] {
        let mut found: Option<&[Iv]> = None;
        for e in &self.exceptions {
            if e.from <= d && d <= e.to {
                match &e.effect {
                    Effect::Closed => return &[],
                    Effect::Hours(h) => {
                        if found.is_none() {
                            found = Some(h);
                        }
                    }
                }
            }
        }
        if let Some(h) = found {
            return h;
        }
        if !self.rules.is_empty() {
            let memo = *self.rule_memo.borrow_mut().entry(d).or_insert_with(|| {
                let mut found = None;
                for (i, r) in self.rules.iter().enumerate() {
                    if r.matches(d) {
                        if matches!(r.effect, Effect::Closed) {
                            return Some(i);
                        }
                        found = found.or(Some(i));
                    }
                }
                found
            });
            if let Some(i) = memo {
                return match &self.rules[i].effect {
                    Effect::Closed => &[],
                    Effect::Hours(h) => h,
                };
            }
        }
        &self.weekly[d.weekday().num_days_from_monday() as usize]
    }

    pub fn local(&self, t: i64) -> NaiveDateTime {
        Utc.timestamp_millis_opt(t).unwrap().with_timezone(&self.tz).naive_local()
    }

    /// THE membership rule, at millisecond precision.
    pub fn open_ms(&self, t: i64) -> bool {
        let l = self.local(t);
        let d = l.date();
        let msd = l.num_seconds_from_midnight() as i64 * 1000 + (l.nanosecond() / 1_000_000) as i64;
        if self.hours(d).iter().any(|iv| iv.start as i64 * MIN <= msd && msd < iv.end as i64 * MIN) {
            return true;
        }
        let p = d.pred_opt().unwrap();
        self.hours(p).iter().any(|iv| iv.end > DM && msd + DAY < iv.end as i64 * MIN)
    }

    /// Membership of UTC minute `m` (constant over the minute).
    pub fn open_min(&self, m: i64) -> bool {
        self.open_ms(m * MIN)
    }

    /// Wall-clock open minutes per week of the weekly hours (for sizing durations).
    pub fn weekly_minutes(&self) -> i64 {
        self.weekly.iter().flatten().map(|iv| (iv.end - iv.start) as i64).sum()
    }

    // ------------------------------ steppers ------------------------------------

    /// `t` if open, else the start of the next open minute; `None` if none within
    /// `limit` minutes.
    pub fn next_open(&self, t: i64, limit: i64) -> Option<i64> {
        if self.open_ms(t) {
            return Some(t);
        }
        let m0 = t.div_euclid(MIN);
        (m0 + 1..=m0 + limit).find(|&m| self.open_min(m)).map(|m| m * MIN)
    }

    /// End of the open run containing `t`, else of the next one.
    pub fn next_close(&self, t: i64, limit: i64) -> Option<i64> {
        let m0 = t.div_euclid(MIN);
        let end = m0 + limit;
        let mut m = m0;
        if !self.open_min(m) {
            m += 1;
            while m < end && !self.open_min(m) {
                m += 1;
            }
            if m >= end {
                return None;
            }
        }
        m += 1;
        while m < end && self.open_min(m) {
            m += 1;
        }
        (m < end).then_some(m * MIN)
    }

    /// The end of the last open run ending at or before `t` (`t` itself when the
    /// instant just before `t` is open).
    pub fn prev_close(&self, t: i64, limit: i64) -> Option<i64> {
        if self.open_ms(t - 1) {
            return Some(t);
        }
        let m0 = (t - 1).div_euclid(MIN);
        (m0 - limit..m0).rev().find(|&m| self.open_min(m)).map(|m| (m + 1) * MIN)
    }

    /// Open milliseconds in `[a, b)`, signed.
    pub fn elapsed(&self, a: i64, b: i64) -> i64 {
        if b < a {
            return -self.elapsed(b, a);
        }
        if a == b {
            return 0;
        }
        let (ma, mb) = (a.div_euclid(MIN), (b - 1).div_euclid(MIN));
        (ma..=mb)
            .filter(|&m| self.open_min(m))
            .map(|m| b.min((m + 1) * MIN) - a.max(m * MIN))
            .sum()
    }

    /// Earliest `t >= s` with `elapsed(s, t) == d` (d >= 0), stepping at most `limit` minutes.
    pub fn add(&self, s: i64, d: i64, limit: i64) -> Option<i64> {
        assert!(d >= 0);
        if d == 0 {
            return Some(s);
        }
        let mut rem = d;
        let m0 = s.div_euclid(MIN);
        if self.open_min(m0) {
            let avail = (m0 + 1) * MIN - s;
            if rem <= avail {
                return Some(s + rem);
            }
            rem -= avail;
        }
        for m in m0 + 1..=m0 + limit {
            if self.open_min(m) {
                if rem <= MIN {
                    return Some(m * MIN + rem);
                }
                rem -= MIN;
            }
        }
        None
    }

    /// Latest `t <= e` with `elapsed(t, e) == d` (d >= 0).
    pub fn subtract(&self, e: i64, d: i64, limit: i64) -> Option<i64> {
        assert!(d >= 0);
        if d == 0 {
            return Some(e);
        }
        let mut rem = d;
        let m0 = (e - 1).div_euclid(MIN);
        if self.open_min(m0) {
            let avail = e - m0 * MIN;
            if rem <= avail {
                return Some(e - rem);
            }
            rem -= avail;
        }
        for m in (m0 - limit..m0).rev() {
            if self.open_min(m) {
                if rem <= MIN {
                    return Some((m + 1) * MIN - rem);
                }
                rem -= MIN;
            }
        }
        None
    }

    /// Open intervals clipped to `[a, b)`, merged.
    pub fn open_intervals(&self, a: i64, b: i64) -> Vec<(i64, i64)> {
        let mut out: Vec<(i64, i64)> = Vec::new();
        if b <= a {
            return out;
        }
        for m in a.div_euclid(MIN)..=(b - 1).div_euclid(MIN) {
            if !self.open_min(m) {
                continue;
            }
            let (s, e) = (a.max(m * MIN), b.min((m + 1) * MIN));
            match out.last_mut() {
                Some(last) if last.1 == s => last.1 = e,
                _ => out.push((s, e)),
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------
// Random cases.
// ---------------------------------------------------------------------------------

pub struct Case {
    pub zi: usize,
    pub seed: u64,
    pub r: RefCal,
    pub cal: BusinessCalendar,
    /// A minute-aligned UTC instant the case is centred on (near a DST transition of the
    /// zone, mostly).
    pub focus: i64,
    pub focus_date: NaiveDate,
    pub rng: Rng,
}

const COMMON: &[u32] = &[0, 480, 510, 540, 720, 780, 960, 1020, 1080, 1320, 1440];

fn boundary(rng: &mut Rng, pref: &[u32]) -> u32 {
    match rng.below(20) {
        0..=7 => rng.pick(pref),
        8..=10 => rng.pick(COMMON),
        11..=15 => (rng.below(97) * 15) as u32, // quarter hours 00:00..24:00
        _ => rng.below(DM as u64 + 1) as u32,
    }
}

/// 1..=3 non-overlapping, sorted intervals within the day (no overnight yet).
fn day_intervals(rng: &mut Rng, pref: &[u32], max_n: u64) -> Vec<Iv> {
    let n = 1 + rng.below(max_n) as usize;
    let touching = rng.chance(1, 8);
    let want = if touching { n + 1 } else { 2 * n };
    let mut b: Vec<u32> = (0..want).map(|_| boundary(rng, pref)).collect();
    b.sort_unstable();
    b.dedup();
    let mut out = Vec::new();
    if touching {
        for w in b.windows(2) {
            out.push(Iv::new(w[0], w[1]));
        }
    } else {
        for c in b.chunks_exact(2) {
            out.push(Iv::new(c[0], c[1]));
        }
    }
    for iv in &mut out {
        iv.alt = rng.chance(1, 4);
    }
    out
}

/// Turns the last interval into an overnight one whose spill ends at or before `cap`.
fn maybe_overnight(rng: &mut Rng, pref: &[u32], ivs: &mut [Iv], cap: u32) {
    let Some(last) = ivs.last_mut() else { return };
    // `end == start` is rejected as empty (a whole day is written 00:00-24:00)
    if last.start == 0 {
        return;
    }
    let cap = cap.min(last.start - 1);
    let e = match rng.below(4) {
        0 => cap,
        1 => {
            let p = rng.pick(pref) % DM;
            if p <= cap {
                p
            } else {
                rng.below(cap as u64 + 1) as u32
            }
        }
        _ => rng.below(cap as u64 + 1) as u32,
    };
    last.end = DM + e;
}

fn dense_day(rng: &mut Rng) -> Vec<Iv> {
    match rng.below(3) {
        0 => vec![Iv::new(0, DM)],
        1 => vec![Iv::new(0, 600), Iv::new(600, DM)],
        _ => vec![Iv::new(0, 720), Iv::new(780, DM)],
    }
}

impl Case {
    pub fn new(zi: usize, seed: u64) -> Case {
        let z = &ZONES[zi];
        let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(zi as u64));
        let mut r = RefCal::new(z.name);
        let tr = transitions(zi);

        // --- focus instant ---
        let focus = if !tr.is_empty() && rng.chance(4, 5) {
            let t = if z.name == "Pacific/Apia" && rng.chance(1, 2) {
                // the skipped day 2011-12-30
                *tr.iter().find(|&&t| t > year_start_ms(2011) + 300 * DAY).unwrap()
            } else {
                rng.pick(tr)
            };
            let scale = rng.pick(&[0i64, 90, 720, 1440, 2880]);
            t + rng.range(-scale, scale) * MIN
        } else {
            let (y0, y1) = rng.pick(z.years);
            rng.range(year_start_ms(y0) / MIN, year_start_ms(y1) / MIN - 1) * MIN
        };
        let focus_date = r.local(focus).date();

        // --- weekly hours ---
        let dense = rng.chance(1, 10);
        for w in 0..7 {
            if dense {
                if rng.chance(5, 6) {
                    r.weekly[w] = dense_day(&mut rng);
                }
            } else if !rng.chance(3, 10) {
                r.weekly[w] = day_intervals(&mut rng, z.pref, 3);
            }
        }
        if !dense {
            for w in 0..7 {
                if rng.chance(1, 4) {
                    let next_first = r.weekly[(w + 1) % 7].first().map_or(DM, |iv| iv.start);
                    let mut ivs = std::mem::take(&mut r.weekly[w]);
                    maybe_overnight(&mut rng, z.pref, &mut ivs, next_first);
                    r.weekly[w] = ivs;
                }
            }
        }
        if r.weekly.iter().all(|d| d.is_empty()) {
            r.weekly[rng.below(7) as usize] = vec![Iv::new(540, 1020)];
        }

        // --- one-off exceptions near the focus date ---
        let n_exc = rng.pick(&[0usize, 1, 1, 1, 2, 2, 3, 4]);
        for _ in 0..n_exc {
            let from = focus_date + Duration::days(rng.range(-3, 6));
            let len = if rng.chance(3, 10) { rng.range(1, 3) } else { 0 };
            let to = from + Duration::days(len);
            let effect = if rng.chance(1, 2) {
                Effect::Closed
            } else {
                let mut h = day_intervals(&mut rng, z.pref, 2);
                if h.is_empty() {
                    h = vec![Iv::new(540, 720)];
                }
                if rng.chance(1, 3) {
                    maybe_overnight(&mut rng, z.pref, &mut h, DM);
                }
                Effect::Hours(h)
            };
            // two special-hours exceptions on one date must agree: keep the first.
            if matches!(effect, Effect::Hours(_))
                && r.exceptions.iter().any(|e| matches!(e.effect, Effect::Hours(_)) && e.from <= to && from <= e.to)
            {
                continue;
            }
            let style = rng.below(12) as u8;
            r.exceptions.push(Exc { from, to, effect, style });
        }

        // --- recurring rules hitting dates near the focus ---
        let n_rules = rng.pick(&[0usize, 0, 0, 0, 1, 1, 1, 2, 2, 3]);
        for _ in 0..n_rules {
            let t = focus_date + Duration::days(rng.range(-3, 6));
            let (y, m, dd, w) = (t.year(), t.month(), t.day(), wd(t));
            let len = month_len(y, m);
            let kind = match rng.below(5) {
                0 => RuleKind::Fixed { month: m, day: dd },
                1 => {
                    let nth = if rng.chance(1, 2) { ((dd - 1) / 7 + 1) as i32 } else { -(((len - dd) / 7 + 1) as i32) };
                    RuleKind::Nth { month: m, weekday: w, nth }
                }
                2 => RuleKind::OnOrAfter { month: m, day: (dd as i64 - rng.range(0, 6)).max(1) as u32, weekday: w },
                3 => RuleKind::OnOrBefore { month: m, day: (dd as i64 + rng.range(0, 6)).min(len as i64).min(month_len(2000, m) as i64) as u32, weekday: w },
                _ => {
                    let off = (t - easter(y)).num_days();
                    if off.abs() <= 60 {
                        RuleKind::Easter { offset: off as i32 }
                    } else {
                        RuleKind::Fixed { month: m, day: dd }
                    }
                }
            };
            let observed = rng.pick(&[Obs::Absent, Obs::Absent, Obs::Absent, Obs::None, Obs::Nearest, Obs::Next, Obs::SunToMon]);
            let first_year = rng.chance(1, 5).then(|| y + rng.range(-1, 1) as i32);
            let last_year = rng.chance(1, 5).then(|| y + rng.range(-1, 1) as i32).map(|l| l.max(first_year.unwrap_or(l)));
            let hours_taken = r.rules.iter().any(|r| matches!(r.effect, Effect::Hours(_)));
            let effect = if !hours_taken && rng.chance(2, 5) {
                let mut h = day_intervals(&mut rng, z.pref, 2);
                if h.is_empty() {
                    h = vec![Iv::new(600, 900)];
                }
                if rng.chance(1, 3) {
                    maybe_overnight(&mut rng, z.pref, &mut h, DM);
                }
                Effect::Hours(h)
            } else {
                Effect::Closed
            };
            let style = rng.below(12) as u8;
            r.rules.push(Rule { kind, observed, first_year, last_year, effect, style });
        }

        let cal = r.engine();
        Case { zi, seed, r, cal, focus, focus_date, rng }
    }

    pub fn ctx(&self) -> String {
        format!(
            "\n  zone={} seed={} focus={}\n  calendar={}",
            self.r.zone,
            self.seed,
            show(&self.r, self.focus),
            self.r.to_json()
        )
    }

    /// An instant biased toward the focus, DST transitions and interval boundaries;
    /// sometimes with a sub-minute part.
    pub fn instant(&mut self) -> i64 {
        let rng = &mut self.rng;
        let tr = transitions(self.zi);
        let base = match rng.below(20) {
            0..=5 => {
                let scale = rng.pick(&[120i64, 1440, 4320]);
                self.focus + rng.range(-scale, scale) * MIN
            }
            6..=12 => {
                // an interval boundary of a date near the focus, converted with one of
                // the zone's offsets around it, +- a little
                let date = self.focus_date + Duration::days(rng.range(-2, 3));
                let hs = self.r.hours(date);
                let wall_min = if hs.is_empty() {
                    rng.pick(ZONES[self.zi].pref) as i64
                } else {
                    let iv = hs[rng.below(hs.len() as u64) as usize];
                    if rng.chance(1, 2) { iv.start as i64 } else { iv.end as i64 }
                };
                let wall = date.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp_millis() + wall_min * MIN;
                let off = match rng.below(3) {
                    0 => offset_ms(self.r.tz, wall - DAY),
                    1 => offset_ms(self.r.tz, wall + DAY),
                    _ => offset_ms(self.r.tz, wall),
                };
                let jitter = rng.pick(&[-60i64, -30, -1, 0, 0, 0, 0, 1, 30, 60]);
                wall - off + jitter * MIN
            }
            13..=16 if !tr.is_empty() => {
                let i = tr.partition_point(|&t| t < self.focus).min(tr.len() - 1);
                let t = if i > 0 && rng.chance(1, 2) { tr[i - 1] } else { tr[i] };
                // at the transition, or at about the same wall time a few days before it
                // (so that "the same wall time n days later" lands in the gap or fold)
                let days = rng.pick(&[0i64, 0, 0, 1, 1, 2, 3, 7]);
                t - days * DAY + rng.range(-90, 90) * MIN
            }
            17 => {
                // anywhere 1970..2100 (every offset of these zones is whole minutes there),
                // half of the time within a few days of a new year
                let y = rng.range(1970, 2099) as i32;
                if rng.chance(1, 2) {
                    year_start_ms(y) + rng.range(-4 * 1440, 4 * 1440) * MIN
                } else {
                    rng.range(year_start_ms(y) / MIN, year_start_ms(y + 1) / MIN - 1) * MIN
                }
            }
            _ => {
                let (y0, y1) = rng.pick(ZONES[self.zi].years);
                rng.range(year_start_ms(y0) / MIN, year_start_ms(y1) / MIN - 1) * MIN
            }
        };
        // The reference's tables (chrono-tz) have no DST after 2099 while the engine follows
        // each zone's POSIX rule there: instants from 2088 on are moved back 100 years, so
        // that results of long additions stay before 2100 too.
        const Y2088: i64 = 3_723_753_600_000; // 2088-01-01T00:00:00Z
        const Y1988: i64 = 567_993_600_000; // 1988-01-01T00:00:00Z
        let base = if base >= Y2088 { base - (Y2088 - Y1988) } else { base };
        let base = base.div_euclid(MIN) * MIN;
        if rng.chance(3, 20) {
            base + rng.range(1, MIN - 1)
        } else {
            base
        }
    }

    /// A real-time length for stepping comparisons: mostly under two days, at most ~3 weeks.
    pub fn short_span(&mut self) -> i64 {
        let rng = &mut self.rng;
        let mins = match rng.below(20) {
            0 => 0,
            1..=11 => rng.range(1, 2 * 1440),
            12..=18 => rng.range(1, 8 * 1440),
            _ => rng.range(1, 21 * 1440),
        };
        let ms = if rng.chance(1, 6) { rng.range(0, MIN - 1) } else { 0 };
        mins * MIN + ms
    }

    /// A business duration for invariant checks: short, medium, or long (up to 10 years
    /// of business time, capped so that it spans at most ~60 real years of this calendar).
    pub fn any_duration(&mut self) -> i64 {
        let weekly = self.r.weekly_minutes().max(1);
        let cap_min = (weekly * 52 * 60).min(10 * 365 * 1440);
        let rng = &mut self.rng;
        let mins = match rng.below(20) {
            0 => 0,
            1..=9 => rng.range(1, 3000),
            10..=15 => rng.range(1, (weekly * 52).min(cap_min)),
            16 => cap_min,
            _ => rng.range(1, cap_min),
        };
        let ms = if rng.chance(1, 5) { rng.range(0, MIN - 1) } else { 0 };
        mins * MIN + ms
    }

    /// A real-time offset for invariant checks: short to ~10 years.
    pub fn any_span(&mut self) -> i64 {
        let rng = &mut self.rng;
        let mins = match rng.below(10) {
            0..=4 => rng.range(0, 3 * 1440),
            5..=7 => rng.range(0, 400 * 1440),
            _ => rng.range(0, 3650 * 1440),
        };
        mins * MIN + if rng.chance(1, 5) { rng.range(0, MIN - 1) } else { 0 }
    }
}

// ---------------------------------------------------------------------------------
// Engine adapters and display.
// ---------------------------------------------------------------------------------

pub fn inst(ms: i64) -> Instant {
    Instant::from_epoch_milliseconds(ms).unwrap()
}

pub fn ms(t: Instant) -> i64 {
    t.epoch_milliseconds()
}

pub fn utc(s: &str) -> i64 {
    ms(Instant::parse(s).unwrap())
}

/// `2026-10-25T01:30:00.000Z (03:30:00 local)`.
pub fn show(r: &RefCal, t: i64) -> String {
    let u = Utc.timestamp_millis_opt(t).unwrap();
    format!("{} [{t}] ({} local)", u.format("%Y-%m-%dT%H:%M:%S%.3fZ"), r.local(t).format("%Y-%m-%d %a %H:%M:%S%.3f"))
}

pub fn show_opt(r: &RefCal, t: Option<i64>) -> String {
    t.map_or("None".to_string(), |t| show(r, t))
}

pub fn show_ivs(r: &RefCal, v: &[(i64, i64)]) -> String {
    v.iter().map(|&(a, b)| format!("\n    {} .. {}", show(r, a), show(r, b))).collect()
}

// ---------------------------------------------------------------------------------
// Day units (businessDays / endOfBusinessDay), by the same membership rule restricted
// to the intervals that belong to one local date.
// ---------------------------------------------------------------------------------

pub fn wall_ms(d: NaiveDate) -> i64 {
    d.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp_millis()
}

impl RefCal {
    /// Whether `t` is inside an interval that belongs to local date `d`.
    pub fn own_open_ms(&self, d: NaiveDate, t: i64) -> bool {
        let l = self.local(t);
        let msd = l.num_seconds_from_midnight() as i64 * 1000 + (l.nanosecond() / 1_000_000) as i64;
        if l.date() == d {
            self.hours(d).iter().any(|iv| iv.start as i64 * MIN <= msd && msd < iv.end as i64 * MIN)
        } else if Some(l.date()) == d.succ_opt() {
            self.hours(d).iter().any(|iv| iv.end > DM && msd + DAY < iv.end as i64 * MIN)
        } else {
            false
        }
    }

    /// The real-time spans of the intervals that belong to local date `d`, merged.
    pub fn day_spans(&self, d: NaiveDate) -> Vec<(i64, i64)> {
        let mut out: Vec<(i64, i64)> = Vec::new();
        if self.hours(d).is_empty() {
            return out;
        }
        let w0 = wall_ms(d);
        // wall times of d's intervals are within [d 00:00, d+2 00:00); offsets within +-15h
        for m in (w0 - 15 * HOUR) / MIN..(w0 + 2 * DAY + 15 * HOUR) / MIN {
            if self.own_open_ms(d, m * MIN) {
                match out.last_mut() {
                    Some(last) if last.1 == m * MIN => last.1 += MIN,
                    _ => out.push((m * MIN, (m + 1) * MIN)),
                }
            }
        }
        out
    }

    /// The n-th date after `d0` (n >= 1) with open time of its own, and its spans.
    pub fn nth_open_day_after(&self, d0: NaiveDate, n: u32) -> Option<(NaiveDate, Vec<(i64, i64)>)> {
        let mut d = d0;
        let mut count = 0;
        for _ in 0..800 {
            d = d.succ_opt()?;
            let sp = self.day_spans(d);
            if !sp.is_empty() {
                count += 1;
                if count >= n {
                    return Some((d, sp));
                }
            }
        }
        None
    }

    /// Temporal's `compatible`: a gap moves forward by its length, a fold takes the earlier.
    pub fn from_local_compatible(&self, d: NaiveDate, ms_of_day: i64) -> i64 {
        let naive = d.and_hms_opt(0, 0, 0).unwrap() + Duration::milliseconds(ms_of_day);
        match self.tz.from_local_datetime(&naive) {
            chrono::LocalResult::Single(t) => t.timestamp_millis(),
            chrono::LocalResult::Ambiguous(a, b) => a.timestamp_millis().min(b.timestamp_millis()),
            chrono::LocalResult::None => {
                let w = naive.and_utc().timestamp_millis();
                w - offset_ms(self.tz, w - DAY)
            }
        }
    }

    pub fn business_days(&self, start: i64, n: u32) -> Option<i64> {
        let s = self.next_open(start, 60 * 1440)?;
        let l = self.local(s);
        let wms = l.num_seconds_from_midnight() as i64 * 1000 + (l.nanosecond() / 1_000_000) as i64;
        let (day, sp) = self.nth_open_day_after(l.date(), n)?;
        let x = self.from_local_compatible(day, wms);
        Some(if x < sp[0].0 {
            sp[0].0
        } else if let Some(&(a, _)) = sp.iter().find(|&&(_, b)| x < b) {
            x.max(a)
        } else {
            sp[sp.len() - 1].1
        })
    }

    pub fn end_of_business_day(&self, start: i64, n: u32) -> Option<i64> {
        let d0 = self.local(start).date();
        if n == 0 {
            let sp = self.day_spans(d0);
            if let Some(&(_, end)) = sp.last() {
                if start < end {
                    return Some(end);
                }
            }
            return self.nth_open_day_after(d0, 1).map(|(_, sp)| sp[sp.len() - 1].1);
        }
        self.nth_open_day_after(d0, n).map(|(_, sp)| sp[sp.len() - 1].1)
    }
}
