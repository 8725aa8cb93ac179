//! RFC 4180 CSV export of report rows: a header row, stable column order, CRLF line ends.

use super::{DurationStats, ReportRow};

/// The CSV columns, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "service", "serviceLevel", "version", "priority", "target", "period",
    "tickets", "measurements", "met", "missed", "breached", "inProgress", "paused", "closed",
    "compliancePct", "dueInPeriod", "metDueInPeriod", "complianceDuePct",
    "responseCount", "responseMeanMs", "responseMedianMs", "responseP90Ms", "responseMaxMs",
    "resolutionCount", "resolutionMeanMs", "resolutionMedianMs", "resolutionP90Ms", "resolutionMaxMs",
    "worstBreaches",
];

fn field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn pct(v: Option<f64>) -> String {
    v.map(|x| crate::json::fmt_fixed(x, 2)).unwrap_or_default()
}

fn stats(s: &DurationStats, out: &mut Vec<String>) {
    out.push(s.count.to_string());
    out.push(s.mean.map(|m| crate::json::fmt_fixed(m, 0)).unwrap_or_default());
    out.push(opt(s.median));
    out.push(opt(s.p90));
    out.push(opt(s.max));
}

/// Report rows as RFC 4180 CSV (header row first, `\r\n` line ends, empty cells for
/// `null`, percentages with two decimals, worst breaches as `ticket:target:overByMs`
/// joined by `;`).
///
/// # Example
///
/// ```
/// use slaclock::{rows_to_csv, GroupKey, ReportRow};
/// let mut row = ReportRow::empty(GroupKey { service: Some("e-mail, chat".into()), ..Default::default() });
/// row.met = 3;
/// let csv = rows_to_csv(&[row]);
/// let mut lines = csv.split("\r\n");
/// assert!(lines.next().unwrap().starts_with("service,serviceLevel,version,priority,target,period,tickets"));
/// assert!(lines.next().unwrap().starts_with("\"e-mail, chat\",,,,,,0,0,3,"));
/// ```
pub fn rows_to_csv(rows: &[ReportRow]) -> String {
    let mut out = String::new();
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for r in rows {
        let k = &r.key;
        let mut c: Vec<String> = vec![
            opt(k.service.as_deref()),
            opt(k.service_level.as_deref()),
            opt(k.version),
            opt(k.priority.as_deref()),
            opt(k.target.as_deref()),
            opt(k.period.as_deref()),
        ];
        for n in [r.tickets, r.measurements, r.met, r.missed, r.breached, r.in_progress, r.paused, r.closed] {
            c.push(n.to_string());
        }
        c.push(pct(r.compliance_pct));
        c.push(r.due_in_period.to_string());
        c.push(r.met_due_in_period.to_string());
        c.push(pct(r.compliance_due_pct));
        stats(&r.response_ms, &mut c);
        stats(&r.resolution_ms, &mut c);
        c.push(r.worst_breaches.iter().map(|b| format!("{}:{}:{}", b.ticket_id, b.target, b.over_by_ms)).collect::<Vec<_>>().join(";"));
        out.push_str(&c.iter().map(|s| field(s)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}
