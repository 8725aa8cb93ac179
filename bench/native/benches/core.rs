//! Native benchmarks of the core: the cost of one deadline, and the cost of adding one
//! hour vs ten years of business time (the index must make them nearly equal).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use slaclock::{BusinessCalendar, Instant};

const H: i64 = 3_600_000;

fn office(tz: &str, extra: &str) -> BusinessCalendar {
    let h = r#"[["09:00","17:00"]]"#;
    BusinessCalendar::from_json(&format!(
        r#"{{"timeZone":"{tz}","weekly":{{"mon":{h},"tue":{h},"wed":{h},"thu":{h},"fri":{h}}}{extra}}}"#
    ))
    .unwrap()
}

fn two_hundred_exceptions() -> String {
    let mut ex = Vec::new();
    for i in 0..200 {
        let d = slaclock::Date::parse("2026-01-01").unwrap().add_days(i * 3);
        if i % 2 == 0 {
            ex.push(format!(r#"{{"date":"{d}","closed":true}}"#));
        } else {
            ex.push(format!(r#"{{"date":"{d}","hours":[["10:00","12:00"]]}}"#));
        }
    }
    format!(r#","exceptions":[{}]"#, ex.join(","))
}

fn bench(c: &mut Criterion) {
    let cals = [
        ("utc", office("UTC", "")),
        ("helsinki_fi", office("Europe/Helsinki", r#","presets":["FI"]"#)),
        ("new_york_200_exceptions", office("America/New_York", &two_hundred_exceptions())),
    ];
    let start = Instant::parse("2026-03-27T15:30:00Z").unwrap();
    let later = Instant::parse("2026-05-11T10:15:00Z").unwrap();
    for (name, cal) in &cals {
        // Warm the index once, as a long-lived calendar would be.
        cal.add(start, 10 * 365 * 8 * H).unwrap();
        c.bench_function(&format!("{name}/add_1h"), |b| b.iter(|| cal.add(black_box(start), black_box(H)).unwrap()));
        c.bench_function(&format!("{name}/add_200h"), |b| b.iter(|| cal.add(black_box(start), black_box(200 * H)).unwrap()));
        c.bench_function(&format!("{name}/add_10y"), |b| {
            b.iter(|| cal.add(black_box(start), black_box(10 * 52 * 40 * H)).unwrap())
        });
        c.bench_function(&format!("{name}/elapsed_6w"), |b| b.iter(|| cal.elapsed(black_box(start), black_box(later))));
        c.bench_function(&format!("{name}/is_open"), |b| b.iter(|| cal.is_open(black_box(start))));
        c.bench_function(&format!("{name}/next_open"), |b| b.iter(|| cal.next_open(black_box(start))));
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
