//! Building a report's rows from measured tickets: each measurement finds its row by the
//! hash of its borrowed group key (nothing allocated per ticket), counts into the row's
//! accumulator and keeps the row's worst breaches above a floor; the rows are put in key
//! order at the end.

use super::*;

/// A row being built: its key, accumulator, and what finds and fills it fast.
struct Row {
    key: GroupKey,
    acc: RowAccumulator,
    /// [`Period::key`] of the row's period (0 when not grouped by period).
    period: i64,
    hash: u64,
    /// The last ticket counted in `acc.tickets` (its number in the input, from 1).
    stamp: u64,
    /// See [`Floor`].
    floor: Floor,
}

/// The least `overByMs` of a worst-breach list since it was last cut to `worst`: a
/// breach below it can never be among the worst, so it is not kept (nor its strings
/// copied). `i64::MIN` before the first cut.
type Floor = i64;

/// The grouped dimensions of one measurement, borrowed.
struct KeyRef<'a> {
    service: Option<&'a str>,
    service_level: Option<&'a str>,
    version: Option<usize>,
    priority: Option<&'a str>,
    target: Option<&'a str>,
    period: Option<i64>,
}

/// FNV-1a of `bytes` then a byte that UTF-8 text never holds, onto `h`.
fn mix(mut h: u64, bytes: &[u8]) -> u64 {
    for &x in bytes {
        h = (h ^ x as u64).wrapping_mul(0x100_0000_01b3);
    }
    (h ^ 0xff).wrapping_mul(0x100_0000_01b3)
}

impl KeyRef<'_> {
    /// The hash of every part but the target (the same for all of a ticket's targets).
    fn base_hash(&self) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for s in [self.service, self.service_level, self.priority] {
            h = mix(h, s.map_or(&[0xfe], str::as_bytes));
        }
        h = mix(h, &self.version.map_or(u64::MAX, |v| v as u64).to_le_bytes());
        mix(h, &self.period.unwrap_or(i64::MIN).to_le_bytes())
    }

    fn is(&self, r: &Row) -> bool {
        let k = &r.key;
        k.service.as_deref() == self.service
            && k.service_level.as_deref() == self.service_level
            && k.version == self.version
            && k.priority.as_deref() == self.priority
            && k.target.as_deref() == self.target
            && k.period.is_some() == self.period.is_some()
            && self.period.map_or(true, |p| p == r.period)
    }
}

/// Counts one measurement into an accumulator.
fn count(a: &mut RowAccumulator, floor: &mut Floor, t: &Measured<'_>, due: bool, ticket_id: &str, worst: usize) {
    a.measurements += 1;
    match t.status {
        TargetStatus::Met => a.met += 1,
        TargetStatus::Missed => a.missed += 1,
        TargetStatus::Breached => a.breached += 1,
        TargetStatus::OnTrack | TargetStatus::AtRisk => a.in_progress += 1,
        TargetStatus::Paused => a.paused += 1,
    }
    if due {
        a.due += 1;
        if t.status == TargetStatus::Met {
            a.met_due += 1;
        }
    }
    if matches!(t.status, TargetStatus::Met | TargetStatus::Missed) {
        match t.name {
            "response" => a.response.add(t.elapsed_ms),
            "resolution" => a.resolution.add(t.elapsed_ms),
            _ => {}
        }
    }
    if matches!(t.status, TargetStatus::Missed | TargetStatus::Breached) && worst > 0 && -t.remaining_ms >= *floor {
        a.worst.push(Breach { ticket_id: ticket_id.to_string(), target: t.name.to_string(), over_by_ms: -t.remaining_ms });
        if a.worst.len() > 4 * worst {
            keep_worst(&mut a.worst, worst);
            *floor = a.worst[worst - 1].over_by_ms;
        }
    }
}

/// Builds row accumulators from measured tickets. A measurement's row is found by the
/// hash of its borrowed key in an open-addressing table of row indices, so nothing is
/// allocated per ticket; the rows are put in key order at the end.
pub(crate) struct Builder<'o> {
    opts: &'o ReportOptions,
    rows: Vec<Row>,
    /// Row index + 1 per slot, 0 for none; the length is a power of two, over twice the rows.
    table: Vec<u32>,
    totals: RowAccumulator,
    totals_floor: Floor,
    errors: Vec<ErrorEntry>,
    read: u64,
    excluded: u64,
}

impl<'o> Builder<'o> {
    pub(crate) fn new(opts: &'o ReportOptions) -> Builder<'o> {
        Builder {
            opts,
            rows: Vec::new(),
            table: vec![0; 64],
            totals: RowAccumulator::default(),
            totals_floor: i64::MIN,
            errors: Vec::new(),
            read: 0,
            excluded: 0,
        }
    }

    /// The index of the row of `k` (of hash `h`), made when new (`day` gives its period
    /// label).
    fn row(&mut self, k: &KeyRef<'_>, h: u64, day: Date) -> usize {
        let mask = self.table.len() - 1;
        let mut j = h as usize & mask;
        loop {
            match self.table[j] as usize {
                0 => break,
                r if self.rows[r - 1].hash == h && k.is(&self.rows[r - 1]) => return r - 1,
                _ => j = (j + 1) & mask,
            }
        }
        let key = GroupKey {
            service: k.service.map(str::to_string),
            service_level: k.service_level.map(str::to_string),
            version: k.version,
            priority: k.priority.map(str::to_string),
            target: k.target.map(str::to_string),
            period: k.period.map(|_| self.opts.period.label(day)),
        };
        self.rows.push(Row { key, acc: RowAccumulator::default(), period: k.period.unwrap_or(0), hash: h, stamp: 0, floor: i64::MIN });
        self.table[j] = self.rows.len() as u32;
        if self.rows.len() * 2 > self.table.len() {
            let mask = self.table.len() * 2 - 1;
            self.table = vec![0; mask + 1];
            for (i, r) in self.rows.iter().enumerate() {
                let mut j = r.hash as usize & mask;
                while self.table[j] != 0 {
                    j = (j + 1) & mask;
                }
                self.table[j] = i as u32 + 1;
            }
        }
        self.rows.len() - 1
    }

    pub(crate) fn error(&mut self, e: TicketError) {
        self.read += 1;
        self.errors.push(ErrorEntry {
            ticket_id: e.ticket_id,
            code: e.error.code().as_str().to_string(),
            path: e.error.path().to_string(),
            message: e.error.message().to_string(),
        });
    }

    pub(crate) fn excluded(&mut self) {
        self.read += 1;
        self.excluded += 1;
    }

    /// Counts one measured ticket.
    pub(crate) fn add(&mut self, created: Instant, ticket_id: &str, h: &MeasuredHead<'_>, targets: &[Measured<'_>]) {
        self.read += 1;
        self.totals.tickets += 1;
        let stamp = self.read;
        let has = |g: GroupBy| self.opts.group_by.contains(&g);
        let by_version = has(GroupBy::Version);
        let by_target = has(GroupBy::Target);
        let mut k = KeyRef {
            service: has(GroupBy::Service).then_some(h.service),
            service_level: (has(GroupBy::ServiceLevel) || by_version).then_some(h.service_level),
            version: by_version.then_some(h.version_index),
            priority: has(GroupBy::Priority).then_some(h.priority),
            target: None,
            period: None,
        };
        let mut day = Date::from_days(0);
        if has(GroupBy::Period) {
            day = self.opts.zone.to_local(created).date;
            k.period = Some(self.opts.period.key(day));
        }
        let worst = self.opts.worst;
        let base = k.base_hash();
        for t in targets {
            if by_target {
                k.target = Some(t.name);
            }
            let due = t.due_at.is_some_and(|d| self.opts.in_window(d));
            let i = self.row(&k, mix(base, k.target.map_or(&[0xfe], str::as_bytes)), day);
            let r = &mut self.rows[i];
            count(&mut r.acc, &mut r.floor, t, due, ticket_id, worst);
            if r.stamp != stamp {
                r.stamp = stamp;
                r.acc.tickets += 1;
            }
            count(&mut self.totals, &mut self.totals_floor, t, due, ticket_id, worst);
        }
    }

    pub(crate) fn finish(mut self) -> PartialReport {
        let worst = self.opts.worst;
        let mut groups: BTreeMap<GroupKey, RowAccumulator> = BTreeMap::new();
        for mut r in self.rows {
            keep_worst(&mut r.acc.worst, worst);
            groups.insert(r.key, r.acc);
        }
        keep_worst(&mut self.totals.worst, worst);
        PartialReport {
            format: 1,
            group_by: self.opts.group_by.clone(),
            worst,
            groups: groups.into_iter().collect(),
            totals: self.totals,
            errors: self.errors,
            tickets_read: self.read,
            tickets_excluded: self.excluded,
        }
    }
}
