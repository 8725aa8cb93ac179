// Type-checked by test/package.test.mjs with `tsc --noEmit --strict` against the shipped
// slaclock.d.ts and sla/slaclock.d.ts. Each `@ts-expect-error` line must fail to type-check, so the types are
// as narrow as documented (tsc reports an unused `@ts-expect-error` as an error).
import init, {
  BusinessCalendar,
  fromLocal,
  initSync,
  isSlaclockError,
  presets,
  timeZones,
  toZoned,
  tzdbVersion,
  type CalendarSpec,
  type DurationInput,
  type ErrorCode,
  type OpenInterval,
  type PresetInfo,
  type SpecialDay,
} from 'slaclock';
// `slaclock/sla`: everything above plus the SLA catalog (its own engine module).
import initSla, {
  SlaCatalog,
  BusinessCalendar as SlaBusinessCalendar,
  type CatalogSpec,
  type Report,
  type TargetStatus,
  type TicketEvaluation,
  type TicketError,
  type TicketInput,
} from 'slaclock/sla';
await initSla();
const viaSla: string | null = new SlaBusinessCalendar({ timeZone: 'UTC', weekly: { mon: [['08:00', '16:00']] } }).nextOpen(0);
// @ts-expect-error: the calendar module has no SlaCatalog
import { SlaCatalog as NotThere } from 'slaclock';

await init();
await init(new URL('https://example.invalid/slaclock_bg.wasm'));
initSync(new Uint8Array(0));

const spec: CalendarSpec = {
  timeZone: 'Europe/Helsinki',
  weekly: { mon: [['08:00', '16:00']], tue: [{ start: '08:00', end: '12:00' }, ['13:00', '16:00']], sat: [] },
  exceptions: [
    { date: '2026-12-23', hours: [['08:00', '12:00']], name: 'Short day' },
    { from: '2026-12-28', to: '2026-12-31', closed: true },
  ],
  rules: [
    { name: 'Christmas Eve', month: 12, day: 24, observed: 'nearestWeekday' },
    { name: 'Thanksgiving', month: 11, weekday: 'thu', nth: 4 },
    { name: 'Midsummer Eve', month: 6, day: 19, weekday: 'fri', onOrAfter: true },
    { name: 'Good Friday', easterOffset: -2, firstYear: 2000, lastYear: 2100 },
  ],
  presets: ['FI'],
};
const cal = new BusinessCalendar(spec);
const fromText = new BusinessCalendar(JSON.stringify(spec));
const zone: string = cal.timeZone;
const open: boolean = cal.isOpen('2026-12-04T16:30:00+02:00') || cal.isOpen(0) || cal.isOpen(new Date());
const next: string | null = cal.nextOpen(Date.now());
const close: string | null = cal.nextClose(new Date());
const iv: OpenInterval[] = cal.openIntervals('2026-12-01T00:00:00Z', '2026-12-31T00:00:00Z');
const firstStart: string = iv[0].start;
const days: SpecialDay[] = cal.specialDays('2026-12-01', '2026-12-31');
const hours: [string, string][] | null = days[0].hours;
const source: 'exception' | 'rule' | 'preset' = days[0].source;
const presetId: string | null = days[0].preset;
const durations: DurationInput[] = [4 * 3_600_000, 'PT4H', { hours: 4, minutes: 30 }, { businessDays: 2 }, { endOfBusinessDay: 0 }];
const due: string = cal.addBusinessTime('2026-12-04T16:30:00+02:00', durations[0]);
const start: string = cal.subtractBusinessTime(due, { hours: 1 });
const ms: number = cal.businessTimeBetween(start, due);
const many: Float64Array = cal.addBusinessTimeMany(new Float64Array([0]), 3_600_000);
const many2: Float64Array = cal.addBusinessTimeMany(new Float64Array([0]), new Float64Array([1]));
const between: Float64Array = cal.businessTimeBetweenMany(new Float64Array([0]), new Float64Array([1]));
const zoned: string = toZoned(Date.now(), 'Asia/Kathmandu');
const local: string = fromLocal('2026-03-29T03:30', 'Europe/Helsinki', { disambiguation: 'later' });
const list: PresetInfo[] = presets();
const zones: string[] = timeZones();
const version: string = tzdbVersion;
const round: CalendarSpec = cal.toJSON();
cal.free();
{
  using scoped = new BusinessCalendar(spec);
  scoped.isOpen(0);
}
try {
  fromText.isOpen('2026-03-29T03:30');
} catch (e) {
  if (isSlaclockError(e)) {
    const code: ErrorCode = e.code;
    const path: string = e.path;
    console.log(code, path, e.message);
  }
}
console.log(zone, open, next, close, firstStart, hours, source, presetId, ms, many, many2, between, zoned, local, list, zones, version, round);

// @ts-expect-error a boolean is not an instant
cal.isOpen(true);
// @ts-expect-error the duration unit is `hours`, not `hour`
cal.addBusinessTime(0, { hour: 4 });
// @ts-expect-error day units count forward only
cal.subtractBusinessTime(0, { businessDays: 1 });
// @ts-expect-error not a disambiguation
fromLocal('2026-03-29T03:30', 'Europe/Helsinki', { disambiguation: 'soon' });
// @ts-expect-error a spec needs a timeZone
new BusinessCalendar({ weekly: {} });
// @ts-expect-error an exception has `date` or `from`/`to`, not both
const both: CalendarSpec = { timeZone: 'UTC', exceptions: [{ date: '2026-12-24', from: '2026-12-24', to: '2026-12-25' }] };
// @ts-expect-error batch starts are a Float64Array
cal.addBusinessTimeMany([0, 1], 1);
// @ts-expect-error timeZone is read-only
cal.timeZone = 'UTC';
console.log(both);

// SLA catalog, clock and reports.
const catalogSpec: CatalogSpec = {
  calendars: [{ id: 'office', timeZone: 'Europe/Helsinki', weekly: { mon: [['08:00', '16:00']] }, presets: ['FI'] }],
  serviceLevels: [{ id: 'gold', versions: [{ effectiveFrom: '2026-01-01T00:00:00+02:00', calendar: 'office', warnAt: [0.75],
    targets: { P1: { response: { duration: { hours: 1 } }, resolution: { duration: { endOfBusinessDay: 1 }, pauseReasons: ['waitingForCustomer'] } } } }] }],
  services: [{ id: 'email', serviceLevel: 'gold' }],
};
const catalog = new SlaCatalog(catalogSpec);
const ticket: TicketInput = { id: 'T-1', service: 'email', priority: 'P1', createdAt: '2026-12-07T09:00:00+02:00',
  events: [{ at: '2026-12-07T09:30:00+02:00', type: 'pause', reason: 'waitingForCustomer' }, { at: '2026-12-07T10:00:00+02:00', type: 'resume' }] };
const evaluation: TicketEvaluation = catalog.evaluate(ticket, new Date(), { versionIndex: 0 });
const status: TargetStatus = evaluation.targets[0].status;
const slaDue: string | null = evaluation.targets[0].due;
const evaluations: (TicketEvaluation | TicketError)[] = catalog.evaluateMany([ticket], Date.now(), { catalog });
const report: Report = catalog.report([ticket], { now: new Date(), groupBy: ['priority', 'period'], period: 'month', timeZone: 'Europe/Helsinki' });
const csv: string = SlaCatalog.reportToCsv(report);
const merged: Report = SlaCatalog.mergeReports([catalog.partialReport([ticket], { now: 0 })]);
const compliance: number | null = merged.totals.compliancePct;
catalog.whatIf([ticket], null, { now: 0, proposedVersionIndex: 0 }).changed.map((c) => c.after);
console.log(status, slaDue, evaluations.length, csv.length, compliance, SlaCatalog.validate(catalogSpec).map((f) => f.severity), catalog.diff(catalog));
// @ts-expect-error not a status
const wrongStatus: TargetStatus = 'late';
// @ts-expect-error groupBy has fixed dimensions
catalog.report([ticket], { now: 0, groupBy: ['team'] });
// @ts-expect-error an event type is one of the six
const badTicket: TicketInput = { id: 1, service: 's', priority: 'P1', createdAt: 0, events: [{ at: 0, type: 'snooze' }] };
console.log(wrongStatus, badTicket);
