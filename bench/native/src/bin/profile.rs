//! A fixed loop of one slaclock operation on the JS workload's inputs, for profilers:
//!
//! `valgrind --tool=callgrind target/release/profile elapsed 200000`
//! (ops: add, add_1h, add_10y, elapsed, is_open, next_open, startup; default count 200,000). The calendar is
//! utc_10hol (or `new_york_dst` etc. as a third argument); its index is warmed first, so
//! the profile shows the steady state.

use slaclock_bench_native::*;
use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let op = args.get(1).map(String::as_str).unwrap_or("add");
    let n: usize = args.get(2).map(|s| s.parse().expect("count")).unwrap_or(200_000);
    let kind = match args.get(3).map(String::as_str) {
        None => Kind::Utc10Holidays,
        Some(name) => *KINDS.iter().find(|k| k.name() == name).expect("calendar name"),
    };
    if op == "startup" {
        // Cold cost natively: build the calendar, then the first and a second add.
        for _ in 0..n.max(1) {
            let t0 = std::time::Instant::now();
            let cal = slaclock_calendar(kind);
            let t1 = std::time::Instant::now();
            let a = cal.add(inst(RANGE_START + 9 * H + 30 * MIN), 4 * H).unwrap();
            let t2 = std::time::Instant::now();
            let b = cal.add(inst(RANGE_START + 1100 * DAY), 4 * H).unwrap();
            let t3 = std::time::Instant::now();
            println!(
                "from_json {:.3} ms, first add {:.3} ms, second add (another chunk) {:.3} ms ({a}, {b})",
                (t1 - t0).as_secs_f64() * 1e3,
                (t2 - t1).as_secs_f64() * 1e3,
                (t3 - t2).as_secs_f64() * 1e3
            );
        }
        return;
    }
    let e = Engines::new(kind);
    let (s, d, a, b) = js_workload(100_000);
    let (s, a, b): (Vec<_>, Vec<_>, Vec<_>) =
        (s.into_iter().map(inst).collect(), a.into_iter().map(inst).collect(), b.into_iter().map(inst).collect());
    let m = s.len();
    let mut acc = 0i64;
    for k in 0..n {
        let i = k % m;
        acc = acc.wrapping_add(match op {
            "add" => e.sc.add(black_box(s[i]), black_box(d[i])).unwrap().epoch_milliseconds(),
            "add_10y" => e.sc.add(black_box(s[i]), black_box(TEN_YEARS)).unwrap().epoch_milliseconds(),
            "add_1h" => e.sc.add(black_box(s[i]), black_box(H)).unwrap().epoch_milliseconds(),
            "elapsed" => e.sc.elapsed(black_box(a[i]), black_box(b[i])),
            "is_open" => e.sc.is_open(black_box(s[i])) as i64,
            "next_open" => e.sc.next_open(black_box(s[i])).unwrap().epoch_milliseconds(),
            _ => panic!("unknown op {op}"),
        });
    }
    println!("{op} x {n} on {}: {acc}", kind.name());
}
