// SlaCatalog through the package: catalog errors with findings, the ticket clock,
// evaluateMany, diff, reports, shards merged from worker threads, what-if and CSV.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { BusinessCalendar, SlaCatalog } from 'slaclock/sla';
import { CATALOG, HOUR, MINUTE, randomTickets } from '../support/sla-fixtures.mjs';

const catalog = new SlaCatalog(CATALOG);

describe('new SlaCatalog(json)', () => {
  test('from an object or a JSON string; toJSON returns the document', () => {
    const again = new SlaCatalog(JSON.stringify(CATALOG));
    assert.deepEqual(again.toJSON(), CATALOG);
    assert.deepEqual(catalog.findings, []);
  });

  test('a catalog with errors throws INVALID_CATALOG with the first path and every finding', () => {
    const bad = structuredClone(CATALOG);
    bad.calendars[0].weekly.tue = [['09:00', '12:00'], ['13:00', '25:00']];
    bad.services.push({ id: 'chat', serviceLevel: 'platinum' });
    assert.throws(() => new SlaCatalog(bad), (e) => {
      assert.ok(e instanceof RangeError);
      assert.equal(e.code, 'INVALID_CATALOG');
      assert.equal(e.path, 'calendars[0].weekly.tue[1].end');
      assert.deepEqual(e.findings.map((f) => [f.severity, f.code, f.path]), [
        ['error', 'INVALID_WALL_TIME', 'calendars[0].weekly.tue[1].end'],
        ['error', 'UNKNOWN_REFERENCE', 'services[1].serviceLevel'],
      ]);
      return true;
    });
  });

  test('SlaCatalog.validate never throws for an object and lists warnings', () => {
    const warn = structuredClone(CATALOG);
    warn.serviceLevels[0].versions[0].targets.P1.response.duration = { hours: 10 };
    const findings = SlaCatalog.validate(warn);
    assert.deepEqual(findings.map((f) => [f.severity, f.code, f.path]), [
      ['warning', 'RESPONSE_LONGER_THAN_RESOLUTION', 'serviceLevels[0].versions[0].targets.P1.response.duration'],
      // P2 (lower priority) now answers in 4 h, faster than P1's 10 h.
      ['warning', 'PRIORITY_INVERSION', 'serviceLevels[0].versions[0].targets.P2.response.duration'],
    ]);
    assert.deepEqual(SlaCatalog.validate('{ not json').map((f) => f.code), ['INVALID_TYPE']);
    assert.throws(() => SlaCatalog.validate(42), (e) => e instanceof TypeError && e.code === 'INVALID_TYPE');
  });
});

describe('evaluate', () => {
  test("ServiceNow's worked example: Friday 21:00 to Monday 09:30", () => {
    const h8 = [['08:00', '17:00']];
    const c = new SlaCatalog({ calendars: [{ id: 'c', timeZone: 'UTC', weekly: { mon: h8, tue: h8, wed: h8, thu: h8, fri: h8 } }],
      serviceLevels: [{ id: 's', versions: [{ effectiveFrom: '2026-01-01T00:00:00Z', calendar: 'c', targets: { P2: { resolution: { duration: { hours: 8 } } } } }] }],
      services: [{ id: 'it', serviceLevel: 's' }] });
    const e = c.evaluate({ id: 'INC1', service: 'it', priority: 'P2', createdAt: '2026-12-04T21:00:00Z' }, '2026-12-07T09:30:00Z');
    assert.equal(e.targets[0].elapsedMs, 90 * MINUTE);
    assert.equal(e.targets[0].actualElapsedMs, (60 * 60 + 30) * MINUTE);
    assert.equal(e.targets[0].due, '2026-12-07T16:00:00Z'); // Monday 08:00 + 8 h
  });

  test('next-business-day target: opened Friday 16:00, due Monday 17:00', () => {
    const e = catalog.evaluate({ id: 'A', service: 'email', priority: 'P2', createdAt: '2026-12-04T16:00:00Z' }, '2026-12-07T12:00:00Z');
    const res = e.targets.find((t) => t.name === 'resolution');
    assert.equal(res.due, '2026-12-07T17:00:00Z');
    assert.equal(res.status, 'onTrack');
  });

  test('a pause for the customer freezes the resolution, not the response; warnings and statuses', () => {
    const t = { id: 'B', service: 'email', priority: 'P1', createdAt: '2026-12-07T09:00:00Z', events: [
      { at: '2026-12-07T09:20:00Z', type: 'respond' },
      { at: '2026-12-07T10:00:00Z', type: 'pause', reason: 'waitingForCustomer' }] };
    const e = catalog.evaluate(t, '2026-12-08T12:00:00Z');
    const [resp, res] = e.targets;
    assert.deepEqual([resp.name, resp.status, resp.stoppedAt, resp.elapsedMs], ['response', 'met', '2026-12-07T09:20:00Z', 20 * MINUTE]);
    assert.deepEqual([res.name, res.status, res.paused, res.due, res.elapsedMs], ['resolution', 'paused', true, null, HOUR]);
    assert.equal(res.pausedMs, 10 * HOUR);
    assert.deepEqual(res.warnings, [{ threshold: 0.75, at: null, reached: false }]);
    assert.equal(e.versionIndex, 0);
  });

  test('version in force by createdAt, and versionIndex / catalog options', () => {
    const t = { id: 'C', service: 'email', priority: 'P1', createdAt: '2026-12-10T09:00:00Z' };
    assert.equal(catalog.evaluate(t, '2026-12-10T09:10:00Z').targets[0].due, '2026-12-10T09:30:00Z');
    assert.equal(catalog.evaluate(t, '2026-12-10T09:10:00Z', { versionIndex: 0 }).targets[0].due, '2026-12-10T10:00:00Z');
    const second = { ...t, createdAt: '2026-12-09T23:59:59Z' };
    assert.equal(catalog.evaluate(second, '2026-12-10T09:10:00Z').versionIndex, 0);
    const loose = structuredClone(CATALOG);
    loose.serviceLevels[0].versions[1].targets.P1.response.duration = { hours: 3 };
    assert.equal(catalog.evaluate(t, '2026-12-10T09:10:00Z', { catalog: new SlaCatalog(loose) }).targets[0].due, '2026-12-10T12:00:00Z');
  });

  test('bad tickets and options are coded errors', () => {
    assert.throws(() => catalog.evaluate({ id: 'x', service: 'email', priority: 'P1', createdAt: '2026-12-10T09:00:00' }, 0),
      (e) => e instanceof RangeError && e.code === 'NAIVE_TIMESTAMP' && e.path === 'createdAt');
    assert.throws(() => catalog.evaluate({ id: 'x', service: 'fax', priority: 'P1', createdAt: '2026-12-10T09:00:00Z' }, 0),
      (e) => e.code === 'UNKNOWN_REFERENCE' && e.path === 'service');
    assert.throws(() => catalog.evaluate({ id: 'x', service: 'email', priority: 'P1', createdAt: '2026-12-10T09:00:00Z' }, 0, { catalog: {} }),
      (e) => e instanceof TypeError && e.code === 'INVALID_TYPE' && e.path === 'options.catalog');
    assert.throws(() => catalog.evaluate({ id: 'x', service: 'email', priority: 'P1', createdAt: '2026-12-10T09:00:00Z' }, 0, { version: 1 }),
      (e) => e.code === 'UNKNOWN_FIELD' && e.path === 'options.version');
  });

  test('evaluateMany agrees with evaluate one by one; a bad ticket fills its slot', () => {
    const tickets = randomTickets(300, 5);
    tickets.splice(7, 0, { id: 'bad', service: 'email', priority: 'P1', createdAt: '2026-12-05T10:00:00Z',
      events: [{ at: '2026-12-05T09:00:00Z', type: 'resolve' }] });
    const now = '2026-12-20T00:00:00Z';
    const many = catalog.evaluateMany(tickets, now);
    assert.deepEqual(many[7], { ticketId: 'bad', error: { code: 'INVALID_TICKET', path: 'events[0].at',
      message: many[7].error.message } });
    for (const [i, t] of tickets.entries()) if (i !== 7) assert.deepEqual(many[i], catalog.evaluate(t, now));
  });

  test('calendar(id) is a BusinessCalendar', () => {
    const cal = catalog.calendar('office');
    assert.ok(cal instanceof BusinessCalendar);
    assert.equal(cal.addBusinessTime('2026-12-24T16:00:00Z', { hours: 2 }), '2026-12-28T10:00:00Z');
    assert.equal(catalog.calendar('nope'), null);
  });
});

describe('diff', () => {
  test('lists changed targets between two catalogs', () => {
    const next = structuredClone(CATALOG);
    next.serviceLevels[0].versions[1].targets.P1.response.duration = { minutes: 15 };
    assert.deepEqual(catalog.diff(new SlaCatalog(next)), [{
      path: 'serviceLevels["gold"].versions[1].targets.P1.response.duration', kind: 'changed',
      old: { minutes: 30 }, new: { minutes: 15 } }]);
  });
});

describe('reports', () => {
  const options = { now: '2027-01-05T00:00:00Z', from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z',
    groupBy: ['version', 'priority', 'target'] };
  const tickets = randomTickets(4000, 9);

  test('rows sum to the totals; per target met + missed + open = tickets', () => {
    const r = catalog.report(tickets, options);
    assert.equal(r.ticketsRead, 4000);
    assert.equal(r.errors.length, 0);
    for (const k of ['met', 'missed', 'breached', 'inProgress', 'paused', 'measurements']) {
      assert.equal(r.rows.reduce((s, x) => s + x[k], 0), r.totals[k], k);
    }
    for (const row of r.rows) assert.equal(row.met + row.missed + row.breached + row.inProgress + row.paused, row.tickets);
    assert.equal(r.totals.tickets, 4000);
  });

  test('tickets as an array, JSON text or UTF-8 bytes give the same report', () => {
    const fromArray = catalog.report(tickets, options);
    const text = JSON.stringify(tickets);
    assert.deepEqual(catalog.report(text, options), fromArray);
    assert.deepEqual(catalog.report(new TextEncoder().encode(text), options), fromArray);
    assert.deepEqual(catalog.partialReport(new TextEncoder().encode(text), options), catalog.partialReport(tickets, options));
    // Bytes that are not UTF-8 JSON of an array are coded errors, like bad text.
    assert.throws(() => catalog.report(new Uint8Array([0xff, 0xfe]), options), (e) => e.code === 'INVALID_TYPE' && e.path === 'tickets');
    assert.throws(() => catalog.report(new TextEncoder().encode('{}'), options), (e) => e.code === 'INVALID_TYPE' && e.path === 'tickets');
  });

  test('a 4-way split in worker_threads merges to the single report', async () => {
    const single = catalog.report(tickets, options);
    const shards = [0, 1, 2, 3].map((i) => tickets.slice(i * 1000, (i + 1) * 1000));
    const partials = await Promise.all(shards.map((shard) => new Promise((resolve, reject) => {
      const w = new Worker(new URL('../support/report-worker.mjs', import.meta.url), { workerData: { catalog: CATALOG, tickets: shard, options } });
      w.once('message', resolve);
      w.once('error', reject);
    })));
    const merged = SlaCatalog.mergeReports(partials);
    assert.equal(merged.rows.length, single.rows.length);
    for (const [a, b] of merged.rows.map((row, i) => [row, single.rows[i]])) {
      assert.deepEqual(a.key, b.key);
      for (const k of ['tickets', 'met', 'missed', 'breached', 'inProgress', 'paused', 'compliancePct', 'complianceDuePct']) assert.equal(a[k], b[k], k);
      assert.deepEqual(a.worstBreaches, b.worstBreaches);
      for (const s of ['responseMs', 'resolutionMs']) {
        assert.equal(a[s].count, b[s].count);
        assert.equal(a[s].max, b[s].max);
        for (const q of ['median', 'p90']) assert.ok(Math.abs(a[s][q] - b[s][q]) <= 0.01 * Math.max(1, b[s][q]), `${s}.${q}`);
      }
    }
  });

  test('what-if v1 vs v2: the tighter version lowers compliance and lists the changes', () => {
    const v1 = catalog.whatIf(tickets, null, { ...options, groupBy: ['priority'], versionIndex: 0, proposedVersionIndex: 1 });
    assert.ok(v1.changed.length > 0);
    assert.ok(v1.totals.after.compliancePct < v1.totals.before.compliancePct);
    const same = catalog.whatIf(tickets, new SlaCatalog(CATALOG), { ...options, groupBy: ['priority'] });
    assert.deepEqual(same.changed, []);
    for (const row of same.rows) assert.deepEqual(row.before, row.after);
  });

  test('malformed tickets are listed with code and path; the rest is reported', () => {
    const r = catalog.report([...tickets.slice(0, 10),
      { id: 'naive', service: 'email', priority: 'P1', createdAt: '2026-12-03T10:00:00' },
      { id: 'order', service: 'email', priority: 'P1', createdAt: '2026-12-03T10:00:00Z',
        events: [{ at: '2026-12-03T12:00:00Z', type: 'respond' }, { at: '2026-12-03T11:00:00Z', type: 'resolve' }] },
      { id: 'svc', service: 'fax', priority: 'P1', createdAt: '2026-12-03T10:00:00Z' }], options);
    assert.deepEqual(r.errors.map((e) => [e.ticketId, e.error.code, e.error.path]), [
      ['naive', 'NAIVE_TIMESTAMP', 'createdAt'], ['order', 'INVALID_TICKET', 'events[1].at'], ['svc', 'UNKNOWN_REFERENCE', 'service']]);
    assert.equal(r.totals.tickets, 10);
  });

  test('CSV export: header, RFC 4180 line ends, one line per row', () => {
    const r = catalog.report(tickets, { ...options, groupBy: ['priority'] });
    const lines = SlaCatalog.reportToCsv(r).split('\r\n');
    assert.equal(lines[0].split(',').slice(0, 8).join(','), 'service,serviceLevel,version,priority,target,period,tickets,measurements');
    assert.equal(lines.length, r.rows.length + 2);
    assert.equal(lines[1].split(',')[3], 'P1');
    assert.equal(SlaCatalog.reportToCsv(r.rows), SlaCatalog.reportToCsv(r));
  });

  test('bad report options are coded errors', () => {
    assert.throws(() => catalog.report([], { now: 0, groupBy: ['team'] }), (e) => e.code === 'INVALID_OPTION' && e.path === 'options.groupBy[0]');
    assert.throws(() => catalog.report([], {}), (e) => e.code === 'MISSING_FIELD' && e.path === 'options.now');
    assert.throws(() => catalog.report('{', { now: 0 }), (e) => e.code === 'INVALID_TYPE' && e.path === 'tickets');
  });
});
