// The sample data is built relative to the day the app is first opened: check, in Node
// with the same package, that it is valid and tells its story on any day — every day of
// two years (at a time of day that rotates), DST changes and holidays included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { WWW } from './support.mjs';

const pkg = await import(join(WWW, 'pkg', 'sla', 'node.js'));
const { makeSeed } = await import(join(WWW, 'app', 'seed.js'));
const { SlaCatalog } = pkg;

function check(nowMs) {
  const seed = makeSeed(nowMs, pkg);
  const catalog = new SlaCatalog(seed.catalog);
  try {
    assert.deepEqual(catalog.findings, [], 'no warnings');
    const ids = new Set();
    for (const t of seed.tickets) {
      assert.ok(!ids.has(t.id), `unique id ${t.id}`);
      ids.add(t.id);
      assert.ok(Date.parse(t.createdAt) <= nowMs, `${t.id} created before now`);
      let prev = Date.parse(t.createdAt);
      for (const e of t.events) {
        const at = Date.parse(e.at);
        assert.ok(at >= prev && at <= nowMs, `${t.id} events in order and not after now`);
        prev = at;
      }
    }
    const evals = catalog.evaluateMany(seed.tickets, nowMs);
    assert.deepEqual(evals.filter((e) => e.error), [], 'every ticket can be measured');
    const byId = Object.fromEntries(evals.map((e) => [e.ticketId, e]));
    // Tickets before the review are measured against v1, after it against v2.
    assert.equal(byId['XYZ-1001'].versionIndex, 0);
    assert.equal(byId['XYZ-1010'].versionIndex, 1);
    // The live ones are open now.
    for (const id of ['XYZ-1020', 'XYZ-1021', 'XYZ-1022', 'XYZ-1023', 'XYZ-1024', 'XYZ-1025', 'XYZ-1026']) {
      assert.ok(byId[id].targets.some((t) => !['met', 'missed'].includes(t.status)), `${id} is live`);
    }
    assert.equal(byId['XYZ-1022'].targets.find((t) => t.name === 'resolution').status, 'paused');
    // The what-if tells the review's story both ways.
    const w = catalog.whatIf(seed.tickets, null, { now: new Date(nowMs).toISOString(), versionIndex: 0, proposedVersionIndex: 1, groupBy: ['priority'] });
    assert.deepEqual(w.errors, []);
    const fixed = w.changed.filter((c) => c.before === 'missed' && c.after === 'met').map((c) => c.ticketId);
    const broke = w.changed.filter((c) => c.before === 'met' && c.after === 'missed').map((c) => c.ticketId);
    for (const id of ['XYZ-1001', 'XYZ-1003', 'XYZ-1011', 'XYZ-1012']) assert.ok(fixed.includes(id), `v2 fixes ${id}`);
    assert.ok(broke.length >= 2, 'v2 misses some that v1 met');
    return seed;
  } finally {
    catalog.free();
  }
}

test('the sample data is valid and deterministic on every day of 2026 and 2027', () => {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const hours = [0.5, 7.25, 11, 17.75, 22.9]; // night, before opening, open, evening, late (UTC)
  let n = 0;
  for (let d = 0; d < 730; d += 1) {
    const at = start + d * 86400000 + hours[d % hours.length] * 3600000;
    try {
      check(at);
    } catch (e) {
      e.message = `${new Date(at).toISOString()}: ${e.message}`;
      throw e;
    }
    n += 1;
  }
  assert.equal(n, 730);
  const a = makeSeed(Date.parse('2026-12-09T08:00:30Z'), pkg);
  const b = makeSeed(Date.parse('2026-12-09T08:00:59Z'), pkg);
  assert.deepEqual(a, b, 'the same minute gives the same data');
});

test('the sample data at the browser tests’ clock', () => {
  const seed = check(Date.parse('2026-12-09T08:00:00Z'));
  assert.equal(seed.review, '2026-11-16');
  assert.equal(seed.tickets.length, 27);
  assert.equal(seed.catalog.serviceLevels[0].versions[1].effectiveFrom, '2026-11-16T00:00:00+02:00');
});
