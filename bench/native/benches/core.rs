//! Criterion benches of the core against workclock and ule-hours: the same calendars
//! (bench/native/src/lib.rs: UTC with 10 holidays a year, America/New_York, 200 exceptions
//! mixed / closed-only) and the same 1,024 random inputs, cycled; each library gets its
//! own input types (slaclock `Instant`, jiff `Timestamp`), converted beforehand.
//!
//! The answers are checked to agree first (and any disagreement is printed). At the end,
//! slaclock's add 10 years / add 1 hour ratio is printed from criterion's estimates.
//!
//! `cargo bench --bench core` (defaults: 20 samples, 0.5 s warm-up, 2 s measurement per
//! bench; criterion's `--sample-size`, `--warm-up-time`, `--measurement-time` override).
//! A filter selects benches: `cargo bench --bench core -- utc_10hol/add`.

use criterion::{black_box, BenchmarkId, Criterion};
use slaclock_bench_native::*;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let inp = inputs();
    let engines: Vec<Engines> = KINDS.iter().map(|&k| Engines::new(k)).collect();
    let differ = check_all(&engines, &inp);
    println!("  => {differ} disagreement(s) in total\n");

    let n = inp.starts.len();
    let sc_s: Vec<_> = inp.starts.iter().map(|&s| inst(s)).collect();
    let j_s: Vec<_> = inp.starts.iter().map(|&s| ts(s)).collect();
    let sc_p: Vec<_> = inp.pairs.iter().map(|&(a, b)| (inst(a), inst(b))).collect();
    let j_p: Vec<_> = inp.pairs.iter().map(|&(a, b)| (ts(a), ts(b))).collect();

    for e in &engines {
        let name = e.kind.name();
        for (op, d) in [("add_1h", H), ("add_200h", 200 * H)] {
            let jd = dur(d);
            let mut g = c.benchmark_group(format!("{name}/{op}"));
            let mut i = 0;
            g.bench_function("slaclock", |b| {
                b.iter(|| {
                    i = (i + 1) % n;
                    e.sc.add(black_box(sc_s[i]), black_box(d))
                })
            });
            if let Some(w) = &e.wc {
                g.bench_function("workclock", |b| {
                    b.iter(|| {
                        i = (i + 1) % n;
                        w.add(black_box(j_s[i]), black_box(jd))
                    })
                });
            }
            g.bench_function("ule-hours", |b| {
                b.iter(|| {
                    i = (i + 1) % n;
                    e.ule.add(black_box(j_s[i]), black_box(jd))
                })
            });
            g.finish();
        }

        let mut g = c.benchmark_group(format!("{name}/elapsed_60d"));
        let mut i = 0;
        g.bench_function("slaclock", |b| {
            b.iter(|| {
                i = (i + 1) % n;
                e.sc.elapsed(black_box(sc_p[i].0), black_box(sc_p[i].1))
            })
        });
        if let Some(w) = &e.wc {
            g.bench_function("workclock", |b| {
                b.iter(|| {
                    i = (i + 1) % n;
                    w.between(black_box(j_p[i].0), black_box(j_p[i].1))
                })
            });
        }
        g.bench_function("ule-hours", |b| {
            b.iter(|| {
                i = (i + 1) % n;
                e.ule.between(black_box(j_p[i].0), black_box(j_p[i].1))
            })
        });
        g.finish();

        let mut g = c.benchmark_group(format!("{name}/is_open"));
        g.bench_function("slaclock", |b| {
            b.iter(|| {
                i = (i + 1) % n;
                e.sc.is_open(black_box(sc_s[i]))
            })
        });
        if let Some(w) = &e.wc {
            // workclock has no is_open: the period containing t starts at t.
            g.bench_function("workclock", |b| {
                b.iter(|| {
                    i = (i + 1) % n;
                    workclock_is_open(w, black_box(j_s[i]))
                })
            });
        }
        g.bench_function("ule-hours", |b| {
            b.iter(|| {
                i = (i + 1) % n;
                e.ule.is_open(black_box(j_s[i]))
            })
        });
        g.finish();

        let mut g = c.benchmark_group(format!("{name}/next_open"));
        g.bench_function("slaclock", |b| {
            b.iter(|| {
                i = (i + 1) % n;
                e.sc.next_open(black_box(sc_s[i]))
            })
        });
        if let Some(w) = &e.wc {
            g.bench_function("workclock", |b| {
                b.iter(|| {
                    i = (i + 1) % n;
                    w.next_period(black_box(j_s[i]))
                })
            });
        }
        g.bench_function("ule-hours", |b| {
            b.iter(|| {
                i = (i + 1) % n;
                e.ule.next_open(black_box(j_s[i]))
            })
        });
        g.finish();
    }

    // Scaling with duration: 1 hour vs 10 years of business time, every engine.
    let e = &engines[0];
    let mut g = c.benchmark_group("scaling_utc_10hol");
    let mut i = 0;
    for (label, d) in [("1h", H), ("10y", TEN_YEARS)] {
        let jd = dur(d);
        g.bench_function(BenchmarkId::new("slaclock", label), |b| {
            b.iter(|| {
                i = (i + 1) % n;
                e.sc.add(black_box(sc_s[i]), black_box(d))
            })
        });
        let w = e.wc.as_ref().unwrap();
        g.bench_function(BenchmarkId::new("workclock", label), |b| {
            b.iter(|| {
                i = (i + 1) % n;
                w.add(black_box(j_s[i]), black_box(jd))
            })
        });
        g.bench_function(BenchmarkId::new("ule-hours", label), |b| {
            b.iter(|| {
                i = (i + 1) % n;
                e.ule.add(black_box(j_s[i]), black_box(jd))
            })
        });
    }
    g.finish();
}

/// Mean point estimate (ns) of a finished bench, from criterion's `estimates.json`.
fn estimate(id: &str) -> Option<f64> {
    let base = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let text = std::fs::read_to_string(base.join("criterion").join(id).join("new/estimates.json")).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v["mean"]["point_estimate"].as_f64()
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    bench(&mut c);
    c.final_summary();
    println!("\nScaling (mean ns, from criterion's estimates):");
    for lib in ["slaclock", "workclock", "ule-hours"] {
        match (estimate(&format!("scaling_utc_10hol/{lib}/1h")), estimate(&format!("scaling_utc_10hol/{lib}/10y"))) {
            (Some(a), Some(b)) => println!("  {lib:<10} add 1h {a:>10.0} ns   add 10y {b:>12.0} ns   10y/1h = {:.2}", b / a),
            _ => println!("  {lib:<10} (not measured in this run)"),
        }
    }
}
