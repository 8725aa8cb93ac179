//! What-if: the same tickets measured under the current and a proposed catalog (or
//! version), with compliance before and after per group and the status changes.

use super::{measure, parse_value, Builder, GroupKey, ReportOptions, ReportRow};
use crate::sla::{EvaluateOptions, SlaCatalog, TargetStatus, TicketError};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// One group of a what-if comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WhatIfRow {
    /// The group.
    pub key: GroupKey,
    /// Under the current catalog.
    pub before: ReportRow,
    /// Under the proposed catalog or version.
    pub after: ReportRow,
    /// `after.compliancePct - before.compliancePct` (percentage points), when both exist.
    pub compliance_delta_pct: Option<f64>,
}

/// A target whose status differs between the two measurements.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    /// The ticket.
    pub ticket_id: String,
    /// The target name.
    pub target: String,
    /// Status now (`null`: the target does not exist in the current catalog).
    pub before: Option<TargetStatus>,
    /// Status under the proposal (`null`: it does not exist there).
    pub after: Option<TargetStatus>,
    /// Due under the current catalog.
    pub before_due: Option<String>,
    /// Due under the proposal.
    pub after_due: Option<String>,
}

/// The result of [`SlaCatalog::what_if`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WhatIfReport {
    /// Per group, before and after (groups present in either).
    pub rows: Vec<WhatIfRow>,
    /// All measurements together.
    pub totals: WhatIfRow,
    /// Targets whose status changes, in ticket order.
    pub changed: Vec<StatusChange>,
    /// Tickets that could not be measured under either catalog.
    pub errors: Vec<TicketError>,
}

fn delta(a: &ReportRow, b: &ReportRow) -> Option<f64> {
    Some(b.compliance_pct? - a.compliance_pct?)
}

impl SlaCatalog {
    /// Measures `tickets` under this catalog and under `proposed` (another catalog, or
    /// this one when `None`) with `proposed_version` (a version index to force, e.g. the
    /// new agreement for every ticket), grouped as `opts` says.
    ///
    /// # Example: a tighter response target turns a met ticket into a missed one
    ///
    /// ```
    /// use slaclock::{Instant, ReportOptions, SlaCatalog};
    /// use serde_json::json;
    /// let catalog = |minutes: u32| SlaCatalog::from_value(&json!({
    ///     "calendars": [{ "id": "24x7", "timeZone": "UTC", "weekly": { "mon": [["00:00","24:00"]] } }],
    ///     "serviceLevels": [{ "id": "gold", "versions": [{ "effectiveFrom": "2026-01-01T00:00:00Z", "calendar": "24x7",
    ///         "targets": { "P1": { "response": { "duration": { "minutes": minutes } } } } }] }],
    ///     "services": [{ "id": "email", "serviceLevel": "gold" }] })).unwrap();
    /// let tickets = [json!({ "id": "A", "service": "email", "priority": "P1", "createdAt": "2026-12-07T09:00:00Z",
    ///     "events": [{ "at": "2026-12-07T09:45:00Z", "type": "respond" }] })];
    /// let opts = ReportOptions::new(Instant::parse("2026-12-08T00:00:00Z").unwrap());
    /// let w = catalog(60).what_if(&tickets, Some(&catalog(30)), None, &opts);
    /// assert_eq!((w.totals.before.compliance_pct, w.totals.after.compliance_pct), (Some(100.0), Some(0.0)));
    /// assert_eq!(w.changed[0].ticket_id, "A");
    /// ```
    pub fn what_if(
        &self,
        tickets: &[Value],
        proposed: Option<&SlaCatalog>,
        proposed_version: Option<usize>,
        opts: &ReportOptions,
    ) -> WhatIfReport {
        let each = &mut |f: &mut dyn FnMut(super::input::Read<'_>)| {
            for v in tickets {
                match parse_value(v) {
                    Ok(t) => f(Ok(&t)),
                    Err(e) => f(Err(e)),
                }
            }
            Ok(())
        };
        // A list of values is read without fault: the error arm is never taken.
        self.what_if_parsed(each, proposed, proposed_version, opts).unwrap_or_else(|_| WhatIfReport {
            rows: Vec::new(),
            totals: WhatIfRow { key: GroupKey::default(), before: ReportRow::empty(GroupKey::default()), after: ReportRow::empty(GroupKey::default()), compliance_delta_pct: None },
            changed: Vec::new(),
            errors: Vec::new(),
        })
    }

    /// [`SlaCatalog::what_if`] over the JSON text of an array of tickets.
    ///
    /// # Example
    ///
    /// ```
    /// use slaclock::{Instant, ReportOptions, SlaCatalog};
    /// let c = SlaCatalog::from_json(r#"{"calendars":[],"serviceLevels":[],"services":[]}"#).unwrap();
    /// let o = ReportOptions::new(Instant::parse("2026-12-31T00:00:00Z").unwrap());
    /// assert!(c.what_if_json("[]", None, None, &o).unwrap().changed.is_empty());
    /// ```
    pub fn what_if_json(
        &self,
        tickets: &str,
        proposed: Option<&SlaCatalog>,
        proposed_version: Option<usize>,
        opts: &ReportOptions,
    ) -> crate::Result<WhatIfReport> {
        self.what_if_parsed(&mut |f| super::input::each_ticket(tickets, f), proposed, proposed_version, opts)
    }

    fn what_if_parsed(
        &self,
        each: &mut super::input::Source<'_>,
        proposed: Option<&SlaCatalog>,
        proposed_version: Option<usize>,
        opts: &ReportOptions,
    ) -> crate::Result<WhatIfReport> {
        let now_eval = EvaluateOptions { version_index: opts.version_index, catalog: None };
        let new_eval = EvaluateOptions { version_index: proposed_version, catalog: proposed };
        let (mut before, mut after) = (Builder::new(opts), Builder::new(opts));
        let mut changed = Vec::new();
        each(&mut |r| {
            let ticket = match r {
                Ok(t) => t,
                Err((ticket_id, error)) => {
                    before.error(TicketError { ticket_id: ticket_id.clone(), error: error.clone() });
                    after.error(TicketError { ticket_id, error });
                    return;
                }
            };
            let (Some(a), Some(b)) = (measure(self, ticket, opts, &now_eval, &mut before), measure(self, ticket, opts, &new_eval, &mut after)) else {
                return;
            };
            let mut names: Vec<&str> = a.targets.iter().map(|t| t.name.as_str()).collect();
            for t in &b.targets {
                if !names.contains(&t.name.as_str()) {
                    names.push(&t.name);
                }
            }
            for n in names {
                let ta = a.targets.iter().find(|t| t.name == n);
                let tb = b.targets.iter().find(|t| t.name == n);
                let (sa, sb) = (ta.map(|t| t.status), tb.map(|t| t.status));
                if sa != sb {
                    changed.push(StatusChange {
                        ticket_id: ticket.id.clone(),
                        target: n.to_string(),
                        before: sa,
                        after: sb,
                        before_due: ta.and_then(|t| t.due_at).and_then(|x| self.calendar(&a.calendar).map(|c| c.format(x))),
                        after_due: tb.and_then(|t| t.due_at).and_then(|x| proposed.unwrap_or(self).calendar(&b.calendar).map(|c| c.format(x))),
                    });
                }
            }
        })?;
        let (rb, ra) = (before.finish().into_report(), after.finish().into_report());
        let mut keys: BTreeMap<GroupKey, (Option<ReportRow>, Option<ReportRow>)> = BTreeMap::new();
        for r in rb.rows {
            let k = r.key.clone();
            keys.entry(k).or_default().0 = Some(r);
        }
        for r in ra.rows {
            let k = r.key.clone();
            keys.entry(k).or_default().1 = Some(r);
        }
        let rows = keys
            .into_iter()
            .map(|(k, (b, a))| {
                let b = b.unwrap_or_else(|| ReportRow::empty(k.clone()));
                let a = a.unwrap_or_else(|| ReportRow::empty(k.clone()));
                WhatIfRow { compliance_delta_pct: delta(&b, &a), key: k, before: b, after: a }
            })
            .collect();
        let totals = WhatIfRow { compliance_delta_pct: delta(&rb.totals, &ra.totals), key: GroupKey::default(), before: rb.totals, after: ra.totals };
        let mut errors = rb.errors;
        for e in ra.errors {
            if !errors.contains(&e) {
                errors.push(e);
            }
        }
        Ok(WhatIfReport { rows, totals, changed, errors })
    }
}
