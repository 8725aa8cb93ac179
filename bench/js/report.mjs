// Issue 6's speed figure: 100,000 tickets with about 5 events each, evaluated and
// reported by the wasm build in Node, in one process. Prints the time of each phase,
// tickets/s and the memory growth. Run: node bench/js/report.mjs (after `make pkg`).
import { SlaCatalog } from '../../pkg/sla/node.js';

const N = Number(process.env.TICKETS ?? 100_000);
const h = [['08:00', '16:00']];
const office = { id: 'helsinki', timeZone: 'Europe/Helsinki', weekly: { mon: h, tue: h, wed: h, thu: h, fri: h }, presets: ['FI'] };
const targets = (k) => ({
  P1: { response: { duration: { hours: 1 * k } }, resolution: { duration: { hours: 8 * k }, pauseReasons: ['waitingForCustomer'] } },
  P2: { response: { duration: { hours: 4 * k } }, resolution: { duration: { endOfBusinessDay: 2 } } },
  P3: { response: { duration: { hours: 8 * k } }, resolution: { duration: { businessDays: 5 } } },
});
const levels = ['gold', 'silver', 'bronze'].map((id, i) => ({ id, versions: [
  { effectiveFrom: '2025-01-01T00:00:00+02:00', calendar: 'helsinki', warnAt: [0.75, 0.9], targets: targets(i + 1) },
  { effectiveFrom: '2026-06-01T00:00:00+03:00', calendar: 'helsinki', warnAt: [0.75, 0.9], targets: targets(i + 0.5) }] }));
const catalog = new SlaCatalog({ calendars: [office], serviceLevels: levels,
  services: levels.map((l, i) => ({ id: `svc-${i}`, serviceLevel: l.id })) });

let x = 12345;
const rand = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
const base = Date.parse('2026-01-01T00:00:00Z');
const types = ['pause', 'resume', 'respond', 'pause', 'resume', 'resolve'];
const tickets = Array.from({ length: N }, (_, i) => {
  const created = base + (rand() % (330 * 24 * 60)) * 60_000;
  let t = created;
  const events = [];
  for (let k = 0, n = 3 + (rand() % 4); k < n; k++) {
    t += (rand() % 600) * 60_000;
    const type = types[k];
    events.push(type === 'pause' ? { at: new Date(t).toISOString(), type, reason: 'waitingForCustomer' } : { at: new Date(t).toISOString(), type });
  }
  return { id: `T-${i}`, service: `svc-${rand() % 3}`, priority: `P${1 + (rand() % 3)}`, createdAt: new Date(created).toISOString(), events };
});
const events = tickets.reduce((s, t) => s + t.events.length, 0);
const options = { now: '2026-12-01T00:00:00Z', from: '2026-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z',
  groupBy: ['serviceLevel', 'version', 'priority', 'target', 'period'], period: 'month', timeZone: 'Europe/Helsinki' };

catalog.report(tickets.slice(0, 1000), options); // warm the calendar index
global.gc?.();
const rss0 = process.memoryUsage().rss;
const runs = [];
let report;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  report = catalog.report(tickets, options);
  runs.push(performance.now() - t0);
}
runs.sort((a, b) => a - b);
const median = runs[2];
console.log(`report over ${N} tickets (${(events / N).toFixed(1)} events each), ${report.rows.length} rows, ${report.errors.length} errors`);
console.log(`  median of 5: ${median.toFixed(0)} ms (min ${runs[0].toFixed(0)} ms) = ${Math.round(N / (median / 1000)).toLocaleString('en')} tickets/s`);
console.log(`  goal: < 1000 ms for 100,000 tickets: ${median < 1000 && N >= 100_000 ? 'met' : N < 100_000 ? 'n/a (fewer tickets)' : 'NOT met'}`);
console.log(`  rss growth over the runs: ${((process.memoryUsage().rss - rss0) / 1e6).toFixed(1)} MB`);
const t1 = performance.now();
const many = catalog.evaluateMany(tickets.slice(0, 10_000), options.now);
console.log(`evaluateMany over 10,000 tickets: ${(performance.now() - t1).toFixed(0)} ms (${many.length} results)`);
