// The check every runtime runs against the package (imported by name): one deadline
// per calendar feature, returned as JSON. The expected values are in
// test/runtimes.test.mjs.
import { BusinessCalendar, fromLocal, toZoned, tzdbVersion } from 'slaclock';

const day = [['08:00', '16:00']];
export const HELSINKI_FI = {
  timeZone: 'Europe/Helsinki',
  weekly: { mon: day, tue: day, wed: day, thu: day, fri: day },
  presets: ['FI'],
};

/** The answers of one runtime. */
export function check() {
  const cal = new BusinessCalendar(HELSINKI_FI);
  let error = null;
  try {
    cal.isOpen('2026-12-04T16:30');
  } catch (e) {
    error = { kind: e.constructor.name, code: e.code, path: e.path };
  }
  return {
    deadline: cal.addBusinessTime('2026-12-04T16:30:00+02:00', { hours: 4 }),
    christmas: cal.addBusinessTime('2026-12-23T15:00:00+02:00', 'PT2H'),
    between: cal.businessTimeBetween('2026-12-04T16:30:00+02:00', '2026-12-07T11:30:00+02:00'),
    batch: Array.from(cal.addBusinessTimeMany(new Float64Array([Date.UTC(2026, 11, 4, 14, 30), NaN]), 4 * 3_600_000), (x) => (Number.isNaN(x) ? 'NaN' : x)),
    gap: fromLocal('2026-03-29T03:30', 'Europe/Helsinki'),
    zoned: toZoned('2026-07-01T09:00:00Z', 'Europe/Helsinki'),
    error,
    tzdb: tzdbVersion,
  };
}
