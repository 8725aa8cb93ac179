// A small catalog and tickets whose SLA values are known by hand (UTC, Mon-Fri 09-17).
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
const h = [['09:00', '17:00']];
export const CATALOG = {
  calendars: [{ id: 'office', timeZone: 'UTC', weekly: { mon: h, tue: h, wed: h, thu: h, fri: h },
    exceptions: [{ date: '2026-12-25', closed: true, name: 'Christmas Day' }] }],
  serviceLevels: [{ id: 'gold', name: 'Gold', versions: [
    { effectiveFrom: '2026-01-01T00:00:00Z', calendar: 'office', warnAt: [0.75],
      targets: { P1: { response: { duration: { hours: 1 } }, resolution: { duration: 'PT8H', pauseReasons: ['waitingForCustomer'] } },
                 P2: { response: { duration: { hours: 4 } }, resolution: { duration: { endOfBusinessDay: 1 } } } } },
    { effectiveFrom: '2026-12-10T00:00:00Z', calendar: 'office', warnAt: [0.75],
      targets: { P1: { response: { duration: { minutes: 30 } }, resolution: { duration: 'PT4H', pauseReasons: ['waitingForCustomer'] } },
                 P2: { response: { duration: { hours: 2 } }, resolution: { duration: { endOfBusinessDay: 1 } } } } }] }],
  services: [{ id: 'email', name: 'E-mail', serviceLevel: 'gold' }],
};

/** Deterministic random tickets in December 2026. */
export function randomTickets(n, seed = 1) {
  let x = seed >>> 0 || 1;
  const next = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  const base = Date.parse('2026-12-01T00:00:00Z');
  const kinds = ['pause', 'resume', 'respond', 'resolve', 'reopen'];
  return Array.from({ length: n }, (_, i) => {
    const created = base + (next() % (30 * 24 * 60)) * MINUTE;
    let t = created;
    const events = [];
    for (let k = next() % 6; k > 0; k--) {
      t += (next() % 900) * MINUTE;
      const type = kinds[next() % kinds.length];
      events.push(type === 'pause' ? { at: new Date(t).toISOString(), type, reason: next() % 2 ? 'waitingForCustomer' : 'other' }
                                   : { at: new Date(t).toISOString(), type });
    }
    return { id: `T${i}`, service: 'email', priority: next() % 2 ? 'P1' : 'P2', createdAt: new Date(created).toISOString(), events };
  });
}
