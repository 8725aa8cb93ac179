//! Fuzz target: report input as JSON text. The streaming ticket scanner (the fast path of
//! `report_json`) against the careful path (`report` over parsed `serde_json::Value`s):
//! nothing may panic or hang, and whenever the text is a JSON array both give the same
//! report, byte for byte; when it is not, `report_json` fails too.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use slaclock::{GroupBy, Instant, ReportOptions, SlaCatalog};
use std::sync::OnceLock;

#[derive(Arbitrary, Debug)]
enum Id {
    Text(u8),
    Escaped(u8),
    Int(i64),
    Float(f64),
    Bool,
    Missing,
}

#[derive(Arbitrary, Debug)]
struct Event {
    kind: u8,
    at: i32,
    as_ms: bool,
    reason: Option<u8>,
    priority: Option<u8>,
}

#[derive(Arbitrary, Debug)]
struct Ticket {
    id: Id,
    service: u8,
    priority: u8,
    created: i32,
    created_as_ms: bool,
    events: Option<Vec<Event>>,
    extra: Option<(u8, String)>,
    spaces: u8,
    order: u8,
}

#[derive(Arbitrary, Debug)]
struct Input {
    raw: Option<String>,
    tickets: Vec<Ticket>,
    group: u8,
}

fn catalog() -> &'static SlaCatalog {
    static C: OnceLock<SlaCatalog> = OnceLock::new();
    C.get_or_init(|| {
        let h = r#"[["08:00","16:00"]]"#;
        SlaCatalog::from_json(&format!(
            r#"{{"calendars":[{{"id":"hel","timeZone":"Europe/Helsinki","presets":["FI"],"weekly":{{"mon":{h},"tue":{h},"wed":{h},"thu":{h},"fri":{h}}}}}],
                "serviceLevels":[{{"id":"gold","versions":[{{"effectiveFrom":"2026-01-01T00:00:00Z","calendar":"hel","warnAt":[0.75],
                  "targets":{{"P1":{{"response":{{"duration":{{"hours":1}}}},"resolution":{{"duration":{{"hours":8}},"pauseReasons":["customer"]}}}},
                              "P2":{{"response":{{"duration":"PT4H"}},"resolution":{{"duration":{{"businessDays":2}}}}}}}}}}]}}],
                "services":[{{"id":"email","serviceLevel":"gold"}},{{"id":"chat","serviceLevel":"gold"}}]}}"#
        ))
        .unwrap()
    })
}

const BASE: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

fn instant(offset_min: i32, as_ms: bool) -> String {
    let ms = BASE + i64::from(offset_min % 500_000) * 60_000;
    if as_ms {
        ms.to_string()
    } else {
        Instant::from_epoch_milliseconds(ms).map(|t| format!("\"{t}\"")).unwrap_or_else(|_| "\"bad\"".into())
    }
}

fn text(t: &Ticket) -> String {
    let sp = " ".repeat(usize::from(t.spaces % 3));
    let mut fields: Vec<String> = Vec::new();
    match &t.id {
        Id::Text(n) => fields.push(format!("\"id\":{sp}\"T-{n}\"")),
        Id::Escaped(n) => fields.push(format!("\"id\":\"T\\u002d{n}\\n\"")),
        Id::Int(n) => fields.push(format!("\"id\":{n}")),
        Id::Float(f) if f.is_finite() => fields.push(format!("\"id\":{f:?}")),
        Id::Float(_) => fields.push("\"id\":1e400".into()),
        Id::Bool => fields.push("\"id\":true".into()),
        Id::Missing => {}
    }
    fields.push(format!("\"service\":\"{}\"", ["email", "chat", "fax", "e\\u006dail"][usize::from(t.service % 4)]));
    fields.push(format!("\"priority\":{}", ["\"P1\"", "\"P2\"", "\"P9\"", "1", "null"][usize::from(t.priority % 5)]));
    fields.push(format!("\"createdAt\":{}", instant(t.created, t.created_as_ms)));
    if let Some(events) = &t.events {
        let list: Vec<String> = events
            .iter()
            .take(12)
            .map(|e| {
                let kind = ["pause", "resume", "respond", "resolve", "reopen", "priorityChange", "bogus"][usize::from(e.kind % 7)];
                let mut f = vec![format!("\"type\":\"{kind}\""), format!("\"at\":{}", instant(e.at, e.as_ms))];
                if let Some(r) = e.reason {
                    f.push(format!("\"reason\":{}", ["\"customer\"", "\"vendor\"", "null", "3"][usize::from(r % 4)]));
                }
                if let Some(p) = e.priority {
                    f.push(format!("\"priority\":\"P{}\"", p % 3));
                }
                format!("{{{}}}", f.join(","))
            })
            .collect();
        fields.push(format!("\"events\":[{}]", list.join(",")));
    }
    if let Some((k, v)) = &t.extra {
        let key = ["x", "note", "id", "events"][usize::from(k % 4)];
        fields.push(format!("\"{key}\":{}", serde_json::to_string(v).unwrap_or_default()));
    }
    let n = fields.len();
    if n > 1 {
        fields.rotate_left(usize::from(t.order) % n);
    }
    format!("{{{sp}{}{sp}}}", fields.join(&format!(",{sp}")))
}

/// Whether `text` has a number literal too large for an f64 (`1e400`), which serde_json
/// refuses anywhere and the scanner skips in unknown fields.
fn overflowing_number(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() || b[i] == b'-' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_digit() || matches!(b[i], b'.' | b'e' | b'E' | b'+' | b'-')) {
                i += 1;
            }
            if text[start..i].parse::<f64>().is_ok_and(f64::is_infinite) {
                return true;
            }
        }
        i += 1;
    }
    false
}

fuzz_target!(|input: Input| {
    let text = match &input.raw {
        Some(raw) if input.tickets.is_empty() => raw.clone(),
        _ => format!("[{}]", input.tickets.iter().take(40).map(text).collect::<Vec<_>>().join(",")),
    };
    let mut opts = ReportOptions::new(Instant::from_epoch_milliseconds(BASE + 400 * 86_400_000).unwrap());
    opts.group_by = [
        vec![GroupBy::Priority, GroupBy::Target],
        vec![GroupBy::Service, GroupBy::Period],
        vec![GroupBy::Version, GroupBy::Target, GroupBy::Priority],
    ][usize::from(input.group % 3)]
    .clone();
    opts.worst = usize::from(input.group % 4);
    let fast = catalog().report_json(&text, &opts);
    match serde_json::from_str::<Vec<Value>>(&text) {
        Ok(values) => {
            let careful = catalog().report(&values, &opts);
            let fast = fast.expect("a JSON array is a report");
            assert_eq!(serde_json::to_string(&fast).unwrap(), serde_json::to_string(&careful).unwrap(), "{text}");
        }
        // Not an array for serde_json: the scanner fails too, except that it skips any
        // value in a field the format does not know (`1e400`, a lone surrogate escape).
        Err(_) => {
            if fast.is_ok() {
                assert!(overflowing_number(&text) || text.to_ascii_lowercase().contains("\\ud"), "{text}");
            }
        }
    }
});
