// The `slaclock/sla` check every runtime runs (its own engine module): one ticket against
// a one-level catalog, returned as JSON. The expected values are in
// test/runtimes.test.mjs.
import { SlaCatalog } from 'slaclock/sla';
import { HELSINKI_FI } from './deadline.mjs';

/** The SLA answers of one runtime. */
export function slaCheck() {
  const catalog = new SlaCatalog({
    calendars: [{ id: 'office', ...HELSINKI_FI }],
    serviceLevels: [{ id: 'gold', versions: [{ effectiveFrom: '2026-01-01T00:00:00+02:00', calendar: 'office',
      targets: { P1: { response: { duration: { hours: 4 } }, resolution: { duration: { businessDays: 2 } } } } }] }],
    services: [{ id: 'portal', serviceLevel: 'gold' }],
  });
  const ticket = { id: 'T-1', service: 'portal', priority: 'P1', createdAt: '2026-12-04T16:30:00+02:00' };
  const e = catalog.evaluate(ticket, '2026-12-07T09:00:00+02:00');
  return { targets: e.targets.map((t) => `${t.name} ${t.status} ${t.due} ${t.elapsedMs}`) };
}
