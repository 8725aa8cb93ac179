//! One table: slaclock vs workclock vs ule-hours, ns per operation, on the same calendars
//! and inputs, after checking that the answers agree.
//!
//! `cargo run --release --bin compare [-- --budget-ms N]` (N: time per cell per round,
//! default 150; 5 rounds, the median is shown).
//!
//! Also times the native core on the JS benchmark's workload (100,000 adds and 100,000
//! elapsed pairs, the same generator and seed as bench/js/bench.mjs) and writes the
//! figures to `target/native-js-workload.json`, which bench.mjs reads to print the
//! wasm-batch / native ratio.

use slaclock_bench_native::*;
use std::hint::black_box;
use std::time::Instant as Clock;

struct Opts {
    budget_ms: f64,
    rounds: usize,
}

/// ns per call of `f(i)`, `i` cycling through `n` inputs: the median of `rounds` rounds of
/// about `budget_ms` each.
fn time<R>(o: &Opts, n: usize, mut f: impl FnMut(usize) -> R) -> f64 {
    // Calibrate: how many calls fit in the budget.
    let t0 = Clock::now();
    let mut calls = 0usize;
    while t0.elapsed().as_secs_f64() * 1e3 < o.budget_ms / 4.0 || calls < n.min(16) {
        black_box(f(calls % n));
        calls += 1;
    }
    let per = t0.elapsed().as_secs_f64() / calls as f64;
    let iters = ((o.budget_ms / 1e3 / per) as usize).max(1);
    let mut v: Vec<f64> = (0..o.rounds)
        .map(|_| {
            let t = Clock::now();
            for k in 0..iters {
                black_box(f(black_box(k % n)));
            }
            t.elapsed().as_secs_f64() * 1e9 / iters as f64
        })
        .collect();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn cell(x: Option<f64>) -> String {
    match x {
        Some(ns) if ns >= 100_000.0 => format!("{:.0} µs", ns / 1e3),
        Some(ns) if ns >= 10_000.0 => format!("{:.1} µs", ns / 1e3),
        Some(ns) => format!("{ns:.0}"),
        None => "n/a".into(),
    }
}

fn ratio(peer: Option<f64>, sc: f64) -> String {
    match peer {
        Some(p) => format!("{:.1}x", p / sc),
        None => "—".into(),
    }
}

fn main() {
    let mut o = Opts { budget_ms: 150.0, rounds: 5 };
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--budget-ms") {
        o.budget_ms = args[i + 1].parse().expect("--budget-ms N");
    }
    let inp = inputs();
    let engines: Vec<Engines> = KINDS.iter().map(|&k| Engines::new(k)).collect();
    let differ = check_all(&engines, &inp);
    println!("  => {differ} disagreement(s) in total\n");

    let n = inp.starts.len();
    let sc_s: Vec<_> = inp.starts.iter().map(|&s| inst(s)).collect();
    let j_s: Vec<_> = inp.starts.iter().map(|&s| ts(s)).collect();
    let sc_p: Vec<_> = inp.pairs.iter().map(|&(a, b)| (inst(a), inst(b))).collect();
    let j_p: Vec<_> = inp.pairs.iter().map(|&(a, b)| (ts(a), ts(b))).collect();

    println!("ns per operation (median of {} rounds of ~{} ms; {n} random inputs cycled; lower is better;", o.rounds, o.budget_ms);
    println!("ratio = peer time / slaclock time, > 1 means slaclock is faster)\n");
    println!("| calendar | op | slaclock ns | workclock ns | ule-hours ns | workclock/slaclock | ule-hours/slaclock |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    for e in &engines {
        let wc = e.wc.as_ref();
        let row = |op: &str, sc: f64, w: Option<f64>, u: Option<f64>| {
            println!(
                "| {} | {op} | {} | {} | {} | {} | {} |",
                e.kind.name(),
                cell(Some(sc)),
                cell(w),
                cell(u),
                ratio(w, sc),
                ratio(u, sc)
            );
        };
        for (op, d) in [("add 1h", H), ("add 200h", 200 * H)] {
            let jd = dur(d);
            let sc = time(&o, n, |i| e.sc.add(sc_s[i], d));
            let w = wc.map(|w| time(&o, n, |i| w.add(j_s[i], jd)));
            let u = time(&o, n, |i| e.ule.add(j_s[i], jd));
            row(op, sc, w, Some(u));
        }
        let sc = time(&o, n, |i| e.sc.elapsed(sc_p[i].0, sc_p[i].1));
        let w = wc.map(|w| time(&o, n, |i| w.between(j_p[i].0, j_p[i].1)));
        let u = time(&o, n, |i| e.ule.between(j_p[i].0, j_p[i].1));
        row("elapsed (≤60 d)", sc, w, Some(u));
        let sc = time(&o, n, |i| e.sc.is_open(sc_s[i]));
        let w = wc.map(|w| time(&o, n, |i| workclock_is_open(w, j_s[i])));
        let u = time(&o, n, |i| e.ule.is_open(j_s[i]));
        row("is_open", sc, w, Some(u));
        let sc = time(&o, n, |i| e.sc.next_open(sc_s[i]));
        let w = wc.map(|w| time(&o, n, |i| w.next_period(j_s[i])));
        let u = time(&o, n, |i| e.ule.next_open(j_s[i]));
        row("next_open", sc, w, Some(u));
    }

    println!("\nScaling with duration (utc_10hol): add 1 h vs add 10 years of business time (10×52×40 h)\n");
    println!("| engine | add 1h ns | add 10y ns | 10y / 1h |");
    println!("|---|---:|---:|---:|");
    let e = &engines[0];
    let quick = Opts { budget_ms: o.budget_ms, rounds: o.rounds };
    let sc1 = time(&quick, n, |i| e.sc.add(sc_s[i], H));
    let sc10 = time(&quick, n, |i| e.sc.add(sc_s[i], TEN_YEARS));
    println!("| slaclock | {} | {} | {:.2} |", cell(Some(sc1)), cell(Some(sc10)), sc10 / sc1);
    let (jh, jt) = (dur(H), dur(TEN_YEARS));
    if let Some(w) = &e.wc {
        let a = time(&quick, n, |i| w.add(j_s[i], jh));
        let b = time(&quick, n, |i| w.add(j_s[i], jt));
        println!("| workclock | {} | {} | {:.0} |", cell(Some(a)), cell(Some(b)), b / a);
    }
    let slow = Opts { budget_ms: o.budget_ms, rounds: 3 };
    let a = time(&slow, n, |i| e.ule.add(j_s[i], jh));
    let b = time(&slow, n, |i| e.ule.add(j_s[i], jt));
    println!("| ule-hours | {} | {} | {:.0} |", cell(Some(a)), cell(Some(b)), b / a);
    println!("\nslaclock add 10y / add 1h = {:.2} (goal <= 3)", sc10 / sc1);

    // The JS benchmark's work, natively: the reference for "wasm batch within 3x of native".
    let (s, d, a, b) = js_workload(100_000);
    let s: Vec<_> = s.into_iter().map(inst).collect();
    let a: Vec<_> = a.into_iter().map(inst).collect();
    let b: Vec<_> = b.into_iter().map(inst).collect();
    let m = s.len();
    let add_ns = time(&o, m, |i| e.sc.add(s[i], d[i]));
    let el_ns = time(&o, m, |i| e.sc.elapsed(a[i], b[i]));
    let mut check = 0i64;
    for i in 0..m {
        check = check.wrapping_add(e.sc.add(s[i], d[i]).unwrap().epoch_milliseconds());
        check = check.wrapping_add(e.sc.elapsed(a[i], b[i]));
    }
    println!(
        "\nNative core on the JS workload (utc_10hol, 100,000 adds of 1 min..200 h, 100,000 elapsed pairs): \
         add {add_ns:.1} ns/op ({:.2} M ops/s), elapsed {el_ns:.1} ns/op ({:.2} M ops/s); checksum {check}",
        1e3 / add_ns,
        1e3 / el_ns
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let _ = std::fs::create_dir_all(&dir);
    let json = format!(
        "{{\"add_ns\":{add_ns:.3},\"elapsed_ns\":{el_ns:.3},\"n\":{m},\"checksum\":\"{check}\",\"calendar\":\"utc_10hol\"}}\n"
    );
    std::fs::write(dir.join("native-js-workload.json"), json).expect("write native-js-workload.json");
    println!("(written to bench/native/target/native-js-workload.json for bench/js/bench.mjs)");
}
