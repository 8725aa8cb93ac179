//! Shared set-up of the native benchmarks: the same calendars and the same inputs for
//! slaclock and its two jiff-based peers, `workclock` and `ule-hours`, and the check that
//! their answers agree before anything is timed.
//!
//! Used by `benches/core.rs` (criterion) and `src/bin/compare.rs` (one table).
//!
//! # Boundary conventions (read from each crate's docs and source)
//!
//! | | slaclock | workclock 0.1.4 | ule-hours 0.1.2 |
//! |---|---|---|---|
//! | `add(s, d)`, `d > 0` | earliest `t` with `elapsed(s, t) = d`; landing on a close returns the close | the same ("a result that uses up a period lands on the period's end") | work starts at the next opening, `iv.start + left` with `left <= len`: the close |
//! | `add(s, 0)` | `s` | `s` | the next opening (documented) — not sampled: every duration here is > 0 |
//! | `elapsed(a, b)` | open ms in `[a, b)` | `between`, same | `between`, same |
//! | `is_open(t)` | half-open spans | no such method: `next_period(t).start == t` (a period containing `t` starts at `t`) | `is_open` |
//! | `next_open(t)` | `t` if open, else the next opening | `next_period(t).start` | `next_open` |
//! | holidays | an exception `{"date", closed}` closes the local date | `Holidays` removes 00:00–24:00 local of the date | `closed_on(date)` |
//! | special hours on a date | an exception with `hours` | cannot be expressed (rules are per weekday; a holiday only removes time) | `special(date, "10:00-12:00")` |
//! | precision | ms | ns | s (inputs are whole minutes) |
//!
//! So with `d > 0` every answer must be identical; any difference is printed.

use jiff::{SignedDuration, Timestamp};
use slaclock::{BusinessCalendar, Instant};

/// One minute, hour, day in ms.
pub const MIN: i64 = 60_000;
/// One hour in ms.
pub const H: i64 = 3_600_000;
/// One day in ms.
pub const DAY: i64 = 86_400_000;
/// 2026-01-01T00:00:00Z: random inputs lie in two years from here.
pub const RANGE_START: i64 = 1_767_225_600_000;
/// 2028-01-01T00:00:00Z.
pub const RANGE_END: i64 = 1_830_297_600_000;
/// "Ten years of business time" on a 40-hour week: 10 × 52 × 40 h.
pub const TEN_YEARS: i64 = 10 * 52 * 40 * H;

/// splitmix64: a fixed-seed generator so every run uses the same inputs.
pub struct Rng(u64);

impl Rng {
    /// A generator with this seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `[lo, hi)`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo) as u64) as i64
    }
}

/// The ten holidays of every year 2024..=2030 (fixed month/day, whatever the weekday: the
/// same list goes to every engine).
pub fn holidays() -> Vec<(i32, u32, u32)> {
    const MD: [(u32, u32); 10] =
        [(1, 1), (1, 19), (2, 16), (4, 3), (5, 25), (7, 3), (9, 7), (11, 26), (12, 24), (12, 25)];
    (2024..=2030).flat_map(|y| MD.iter().map(move |&(m, d)| (y, m, d))).collect()
}

/// What a calendar is: its zone, closed dates and dates with special hours 10:00–12:00.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Mon–Fri 09:00–17:00 UTC, 10 holidays a year.
    Utc10Holidays,
    /// Mon–Fri 09:00–17:00 America/New_York (DST), no holidays.
    NewYork,
    /// Mon–Fri 09:00–17:00 UTC with 200 exceptions every third day from 2026-01-01:
    /// 100 closed, 100 with special hours 10:00–12:00 (workclock cannot express these).
    Exceptions200Mixed,
    /// Mon–Fri 09:00–17:00 UTC with 200 closed dates every third day from 2026-01-01
    /// (the part of the above that all three engines can express).
    Exceptions200Closed,
}

/// Every calendar, in table order.
pub const KINDS: [Kind; 4] =
    [Kind::Utc10Holidays, Kind::NewYork, Kind::Exceptions200Mixed, Kind::Exceptions200Closed];

impl Kind {
    /// Short name used in bench ids and tables.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Utc10Holidays => "utc_10hol",
            Kind::NewYork => "new_york_dst",
            Kind::Exceptions200Mixed => "exc200_mixed",
            Kind::Exceptions200Closed => "exc200_closed",
        }
    }
    /// IANA zone.
    pub fn zone(self) -> &'static str {
        match self {
            Kind::NewYork => "America/New_York",
            _ => "UTC",
        }
    }
    /// (closed dates, dates with special hours 10:00–12:00).
    #[allow(clippy::type_complexity)]
    pub fn dates(self) -> (Vec<(i32, u32, u32)>, Vec<(i32, u32, u32)>) {
        let every_third = |i: i32| {
            let (y, m, d) = slaclock::Date::parse("2026-01-01").unwrap().add_days(i * 3).ymd();
            (y, m, d)
        };
        match self {
            Kind::Utc10Holidays => (holidays(), vec![]),
            Kind::NewYork => (vec![], vec![]),
            Kind::Exceptions200Mixed => (
                (0..200).filter(|i| i % 2 == 0).map(every_third).collect(),
                (0..200).filter(|i| i % 2 == 1).map(every_third).collect(),
            ),
            Kind::Exceptions200Closed => ((0..200).map(every_third).collect(), vec![]),
        }
    }
}

fn iso_date((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn jdate((y, m, d): (i32, u32, u32)) -> jiff::civil::Date {
    jiff::civil::date(y as i16, m as i8, d as i8)
}

/// The slaclock calendar of `kind`.
pub fn slaclock_calendar(kind: Kind) -> BusinessCalendar {
    let h = r#"[["09:00","17:00"]]"#;
    let (closed, special) = kind.dates();
    let mut ex: Vec<String> = closed.iter().map(|&d| format!(r#"{{"date":"{}","closed":true}}"#, iso_date(d))).collect();
    ex.extend(special.iter().map(|&d| format!(r#"{{"date":"{}","hours":[["10:00","12:00"]]}}"#, iso_date(d))));
    let json = format!(
        r#"{{"timeZone":"{}","weekly":{{"mon":{h},"tue":{h},"wed":{h},"thu":{h},"fri":{h}}},"exceptions":[{}]}}"#,
        kind.zone(),
        ex.join(",")
    );
    BusinessCalendar::from_json(&json).unwrap()
}

/// The workclock schedule of `kind`; `None` where workclock cannot express it.
pub fn workclock_schedule(kind: Kind) -> Option<workclock::Schedule> {
    use workclock::{Holidays, Schedule, Weekdays, WorkDay};
    let (closed, special) = kind.dates();
    if !special.is_empty() {
        return None;
    }
    let t = |h| jiff::civil::time(h, 0, 0, 0);
    let mut b = Schedule::builder().time_zone(kind.zone()).rule(WorkDay::new(t(9), t(17), Weekdays::MON_TO_FRI));
    if !closed.is_empty() {
        b = b.rule(Holidays::new(closed.into_iter().map(jdate)));
    }
    Some(b.build().unwrap())
}

/// The ule-hours schedule of `kind`. The search horizon is raised from its default of 10
/// calendar years to 100 so that the 10-years-of-business-time add (about 10.5 calendar
/// years here) can run; it changes no answer and no per-day cost.
pub fn ule_schedule(kind: Kind) -> ule_hours::Schedule {
    let (closed, special) = kind.dates();
    let mut b = ule_hours::Schedule::builder(kind.zone()).unwrap().mon_fri("09:00-17:00").unwrap();
    for d in closed {
        b = b.closed_on(jdate(d));
    }
    for d in special {
        b = b.special(jdate(d), "10:00-12:00").unwrap();
    }
    b.horizon_days(36_600).build()
}

/// The three engines on one calendar.
pub struct Engines {
    /// Which calendar.
    pub kind: Kind,
    /// slaclock.
    pub sc: BusinessCalendar,
    /// workclock (`None`: cannot express this calendar).
    pub wc: Option<workclock::Schedule>,
    /// ule-hours.
    pub ule: ule_hours::Schedule,
}

impl Engines {
    /// Builds all three, and warms slaclock's lazily built index over the input range and
    /// ten years past it, as a long-lived calendar would be (the first call that touches a
    /// 256-day chunk computes it).
    pub fn new(kind: Kind) -> Engines {
        let sc = slaclock_calendar(kind);
        let _ = sc.add(Instant::from_epoch_milliseconds(RANGE_START).unwrap(), TEN_YEARS + 400 * 8 * H);
        Engines { kind, sc, wc: workclock_schedule(kind), ule: ule_schedule(kind) }
    }
}

/// One library's answers through a common epoch-ms interface (used for the agreement
/// check only; timing uses each library's own types, converted beforehand).
pub trait Engine {
    /// Library name.
    fn name(&self) -> &'static str;
    /// `add(s, d)` for `d > 0`, epoch ms; `None` on error.
    fn add(&self, s: i64, d: i64) -> Option<i64>;
    /// Open ms in `[a, b)`.
    fn elapsed(&self, a: i64, b: i64) -> i64;
    /// Open at `t`?
    fn is_open(&self, t: i64) -> bool;
    /// `t` if open, else the next opening.
    fn next_open(&self, t: i64) -> Option<i64>;
    /// `add(s, 0)`: the one documented difference (ule-hours returns the next opening).
    fn add_zero(&self, s: i64) -> Option<i64>;
}

/// epoch ms → slaclock instant.
pub fn inst(ms: i64) -> Instant {
    Instant::from_epoch_milliseconds(ms).unwrap()
}
/// epoch ms → jiff timestamp.
pub fn ts(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap()
}
/// ms → jiff duration.
pub fn dur(ms: i64) -> SignedDuration {
    SignedDuration::from_millis(ms)
}

/// slaclock through [`Engine`].
pub struct Sc<'a>(pub &'a BusinessCalendar);
/// workclock through [`Engine`]; `is_open` is `next_period(t).start == t`.
pub struct Wc<'a>(pub &'a workclock::Schedule);
/// ule-hours through [`Engine`].
pub struct Ule<'a>(pub &'a ule_hours::Schedule);

impl Engine for Sc<'_> {
    fn name(&self) -> &'static str {
        "slaclock"
    }
    fn add(&self, s: i64, d: i64) -> Option<i64> {
        self.0.add(inst(s), d).ok().map(Instant::epoch_milliseconds)
    }
    fn add_zero(&self, s: i64) -> Option<i64> {
        self.add(s, 0)
    }
    fn elapsed(&self, a: i64, b: i64) -> i64 {
        self.0.elapsed(inst(a), inst(b))
    }
    fn is_open(&self, t: i64) -> bool {
        self.0.is_open(inst(t))
    }
    fn next_open(&self, t: i64) -> Option<i64> {
        self.0.next_open(inst(t)).map(Instant::epoch_milliseconds)
    }
}

/// workclock's stand-in for `is_open`: the period containing `t` (or the next one)
/// starts at `t` exactly when `t` is working time.
pub fn workclock_is_open(s: &workclock::Schedule, t: Timestamp) -> bool {
    s.next_period(t).map(|p| p.start == t).unwrap_or(false)
}

impl Engine for Wc<'_> {
    fn name(&self) -> &'static str {
        "workclock"
    }
    fn add(&self, s: i64, d: i64) -> Option<i64> {
        self.0.add(ts(s), dur(d)).ok().map(|t| t.as_millisecond())
    }
    fn add_zero(&self, s: i64) -> Option<i64> {
        self.add(s, 0)
    }
    fn elapsed(&self, a: i64, b: i64) -> i64 {
        self.0.between(ts(a), ts(b)).as_millis() as i64
    }
    fn is_open(&self, t: i64) -> bool {
        workclock_is_open(self.0, ts(t))
    }
    fn next_open(&self, t: i64) -> Option<i64> {
        self.0.next_period(ts(t)).ok().map(|p| p.start.as_millisecond())
    }
}

impl Engine for Ule<'_> {
    fn name(&self) -> &'static str {
        "ule-hours"
    }
    fn add(&self, s: i64, d: i64) -> Option<i64> {
        self.0.add(ts(s), dur(d)).ok().map(|t| t.as_millisecond())
    }
    fn add_zero(&self, s: i64) -> Option<i64> {
        self.add(s, 0)
    }
    fn elapsed(&self, a: i64, b: i64) -> i64 {
        self.0.between(ts(a), ts(b)).as_millis() as i64
    }
    fn is_open(&self, t: i64) -> bool {
        self.0.is_open(ts(t))
    }
    fn next_open(&self, t: i64) -> Option<i64> {
        self.0.next_open(ts(t)).ok().map(|t| t.as_millisecond())
    }
}

/// The timed inputs of one calendar: random instants (whole minutes) over 2026–2027 and
/// random `elapsed` pairs (the end up to 60 days after the start).
pub struct Inputs {
    /// Starts / probe instants, epoch ms.
    pub starts: Vec<i64>,
    /// `elapsed` pairs, epoch ms.
    pub pairs: Vec<(i64, i64)>,
}

/// How many inputs a timed loop cycles through.
pub const N_INPUTS: usize = 1024;

/// The same inputs for every calendar and library (seed fixed).
pub fn inputs() -> Inputs {
    let mut r = Rng::new(0x5EED_0004);
    let minute = |r: &mut Rng| RANGE_START + r.range(0, (RANGE_END - RANGE_START) / MIN) * MIN;
    let starts = (0..N_INPUTS).map(|_| minute(&mut r)).collect();
    let pairs = (0..N_INPUTS)
        .map(|_| {
            let a = minute(&mut r);
            (a, a + r.range(0, 60 * 24 * 60) * MIN)
        })
        .collect();
    Inputs { starts, pairs }
}

/// Agreement of one peer with slaclock on one calendar: counts per op and examples.
#[derive(Default)]
pub struct Agreement {
    /// Comparisons made.
    pub checked: usize,
    /// Disagreements.
    pub differ: usize,
    /// Up to 10 human-readable examples.
    pub examples: Vec<String>,
}

fn fmt(ms: Option<i64>) -> String {
    match ms {
        Some(ms) => inst(ms).to_string(),
        None => "error".into(),
    }
}

/// Compares `peer` with slaclock on a sample: the timed inputs (add 1 h, 200 h and 10 years
/// where the peer can, elapsed, is_open, next_open), plus 2,000 starts a quarter of which
/// fall on a whole hour (so many land on an opening or a close) with random durations of
/// 1 minute to 200 hours (whole minutes, a quarter whole hours).
pub fn check(sc: &dyn Engine, peer: &dyn Engine, inp: &Inputs) -> Agreement {
    let mut ag = Agreement::default();
    let note = |ag: &mut Agreement, what: String| {
        ag.differ += 1;
        if ag.examples.len() < 10 {
            ag.examples.push(what);
        }
    };
    let mut adds: Vec<(i64, i64)> = Vec::new();
    for &s in &inp.starts {
        adds.push((s, H));
        adds.push((s, 200 * H));
    }
    for &s in inp.starts.iter().take(16) {
        adds.push((s, TEN_YEARS));
    }
    let mut r = Rng::new(0xC0FFEE);
    for i in 0..2000 {
        let mut s = RANGE_START + r.range(0, (RANGE_END - RANGE_START) / MIN) * MIN;
        let mut d = r.range(1, 200 * 60 + 1) * MIN;
        if i % 4 == 0 {
            s -= s.rem_euclid(H);
            d = r.range(1, 201) * H;
        }
        adds.push((s, d));
    }
    for (s, d) in adds {
        ag.checked += 1;
        let (a, b) = (sc.add(s, d), peer.add(s, d));
        if a != b {
            note(&mut ag, format!("add({}, {} min): slaclock {} vs {} {}", inst(s), d / MIN, fmt(a), peer.name(), fmt(b)));
        }
    }
    for &(a, b) in &inp.pairs {
        ag.checked += 1;
        let (x, y) = (sc.elapsed(a, b), peer.elapsed(a, b));
        if x != y {
            note(&mut ag, format!("elapsed({}, {}): slaclock {} min vs {} {} min", inst(a), inst(b), x / MIN, peer.name(), y / MIN));
        }
    }
    let mut probes = inp.starts.clone();
    probes.extend(inp.starts.iter().map(|s| s - s.rem_euclid(H)));
    for t in probes {
        ag.checked += 2;
        let (x, y) = (sc.is_open(t), peer.is_open(t));
        if x != y {
            note(&mut ag, format!("is_open({}): slaclock {x} vs {} {y}", inst(t), peer.name()));
        }
        let (x, y) = (sc.next_open(t), peer.next_open(t));
        if x != y {
            note(&mut ag, format!("next_open({}): slaclock {} vs {} {}", inst(t), fmt(x), peer.name(), fmt(y)));
        }
    }
    ag
}

/// Runs [`check`] for both peers on every calendar and prints the outcome. Returns the
/// number of disagreements.
pub fn check_all(engines: &[Engines], inp: &Inputs) -> usize {
    print_convention_probes(&engines[0]);
    let mut total = 0;
    println!("Agreement check (same inputs; conventions mapped as in bench/native/src/lib.rs):");
    for e in engines {
        let sc = Sc(&e.sc);
        let mut peers: Vec<Box<dyn Engine + '_>> = vec![Box::new(Ule(&e.ule))];
        match &e.wc {
            Some(wc) => peers.insert(0, Box::new(Wc(wc))),
            None => println!(
                "  {:<14} workclock: skipped (cannot express per-date special hours)",
                e.kind.name()
            ),
        }
        for p in &peers {
            let ag = check(&sc, p.as_ref(), inp);
            total += ag.differ;
            println!("  {:<14} {:<10} {} answers compared, {} differ", e.kind.name(), p.name(), ag.checked, ag.differ);
            for x in &ag.examples {
                println!("      {x}");
            }
        }
    }
    total
}

/// mulberry32: the generator of the JS workload (`bench/js/bench.mjs` has the same one),
/// so native and wasm can be timed on identical work.
pub struct Mulberry32(u32);

impl Mulberry32 {
    /// A generator with this seed.
    pub fn new(seed: u32) -> Mulberry32 {
        Mulberry32(seed)
    }
    /// The next 32 random bits (the same sequence as the JS version).
    pub fn next_u32(&mut self) -> u32 {
        self.0 = self.0.wrapping_add(0x6D2B_79F5);
        let mut t = self.0;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        t ^ (t >> 14)
    }
}

/// The JS workload: `n` starts (whole minutes over 2026–2027) with durations of 1 minute to
/// 200 business hours (whole minutes), then `n` pairs (the end up to 60 days after the
/// start). Returns (starts, durations, pair starts, pair ends), epoch ms / ms.
pub fn js_workload(n: usize) -> (Vec<i64>, Vec<i64>, Vec<i64>, Vec<i64>) {
    let mut r = Mulberry32::new(4);
    let minutes = ((RANGE_END - RANGE_START) / MIN) as u32;
    let (mut s, mut d, mut a, mut b) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..n {
        s.push(RANGE_START + (r.next_u32() % minutes) as i64 * MIN);
        d.push((1 + r.next_u32() % 12_000) as i64 * MIN);
    }
    for _ in 0..n {
        let x = RANGE_START + (r.next_u32() % minutes) as i64 * MIN;
        a.push(x);
        b.push(x + (r.next_u32() % (60 * 24 * 60)) as i64 * MIN);
    }
    (s, d, a, b)
}

/// Prints what each engine answers at the documented boundary cases on utc_10hol (these are
/// conventions, not counted as disagreements): add with zero duration outside hours, a
/// deadline that uses up a day exactly, and the opening/closing instants themselves.
pub fn print_convention_probes(e: &Engines) {
    let sc = Sc(&e.sc);
    let wc = e.wc.as_ref().map(Wc);
    let ule = Ule(&e.ule);
    let t = |s: &str| inst_parse(s);
    let fmt_b = |b: bool| if b { "open" } else { "closed" }.to_string();
    println!("Boundary conventions on utc_10hol (documented behaviour, not counted):");
    println!("| probe | slaclock | workclock | ule-hours |");
    println!("|---|---|---|---|");
    let row = |probe: &str, f: &dyn Fn(&dyn Engine) -> String| {
        let w = wc.as_ref().map(|w| f(w)).unwrap_or_else(|| "n/a".into());
        println!("| {probe} | {} | {w} | {} |", f(&sc), f(&ule));
    };
    let sat = t("2026-01-10T10:00:00Z");
    row("add(Sat 2026-01-10 10:00, 0)", &|x| fmt(x.add_zero(sat)));
    let fri16 = t("2026-01-09T16:00:00Z");
    row("add(Fri 16:00, 1 h) (uses up the day)", &|x| fmt(x.add(fri16, H)));
    let fri17 = t("2026-01-09T17:00:00Z");
    row("add(Fri 17:00, 1 min) (start at the close)", &|x| fmt(x.add(fri17, MIN)));
    row("is_open(Fri 17:00) (the close)", &|x| fmt_b(x.is_open(fri17)));
    let mon9 = t("2026-01-12T09:00:00Z");
    row("is_open(Mon 09:00) (the opening)", &|x| fmt_b(x.is_open(mon9)));
    row("next_open(Fri 17:00)", &|x| fmt(x.next_open(fri17)));
    row("elapsed(Fri 16:00, Mon 10:00)", &|x| format!("{} min", x.elapsed(fri16, t("2026-01-12T10:00:00Z")) / MIN));
    println!();
}

fn inst_parse(s: &str) -> i64 {
    Instant::parse(s).unwrap().epoch_milliseconds()
}
