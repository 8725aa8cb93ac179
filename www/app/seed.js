// The sample scenario the app starts with, built relative to the day it is first opened
// (deterministic: the same `now` gives the same data; nothing random).
//
// XYZ Company provides software development services. In the annual service review with
// its key account, Northwind Logistics, the agreement changed: tighter resolution targets,
// longer support hours for Gold (07:00-20:00 and Saturday mornings) and time spent waiting
// for the customer no longer counts. So every service level has a v1 (last year's
// agreement) and a v2 effective from the review date, three weeks before this week's
// Monday. The tickets lie around that date: some were breached under v1 rules that v2
// fixes, some would be missed under v2's tighter targets, and a few are live now.
//
// `engine` is the package API: `{ fromLocal, toZoned, BusinessCalendar }`.

import { addDays, weekdayIndex } from './time.js';

export const SEED_ZONE = 'Europe/Helsinki';

const weekdays = (hours) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, hours]));

/** The sample catalog (public catalog JSON) and tickets for the instant `nowMs`. */
export function makeSeed(nowMs, engine) {
  const { fromLocal, toZoned, BusinessCalendar } = engine;
  const tz = SEED_ZONE;
  // Whole minutes keep the data readable.
  const now = Math.floor(nowMs / 60000) * 60000;
  const today = toZoned(now, tz).slice(0, 10);
  const monday = addDays(today, -weekdayIndex(today)); // this week's Monday
  const review = addDays(monday, -21); // the service review: v2 takes effect here
  const lastYear = addDays(review, -364);
  const at = (day, time) => fromLocal(`${addDays(review, day)}T${time}`, tz);
  const week = (day) => addDays(monday, day);

  const office = {
    id: 'fi-office',
    name: 'Helsinki office hours',
    description: 'Standard support: weekdays 08:00-16:00 Finnish time, closed on Finnish public holidays.',
    timeZone: tz,
    weekly: weekdays([['08:00', '16:00']]),
    exceptions: [
      { date: week(4), hours: [['08:00', '12:00']], name: 'Team training: office closes at 12:00' },
      { from: week(10), to: week(11), closed: true, name: 'Office move to Ruoholahti' },
    ],
    rules: [
      { name: 'XYZ Company anniversary (short day)', month: 5, day: 20, hours: [['08:00', '12:00']] },
      { name: "New Year's Eve (short day)", month: 12, day: 31, hours: [['08:00', '12:00']] },
    ],
    presets: ['FI'],
  };
  const extended = {
    id: 'fi-extended',
    name: 'Extended support hours (Gold)',
    description: 'Agreed in the annual service review: weekdays 07:00-20:00 and Saturdays 10:00-14:00.',
    timeZone: tz,
    weekly: { ...weekdays([['07:00', '20:00']]), sat: [['10:00', '14:00']] },
    exceptions: [],
    rules: [{ name: "New Year's Eve: support until 15:00", month: 12, day: 31, hours: [['07:00', '15:00']] }],
    presets: ['FI'],
  };

  const night = {
    id: 'fi-night',
    name: 'Night monitoring desk',
    description: 'Every night 22:00-06:00; a shift belongs to the day it starts on.',
    timeZone: tz,
    weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['22:00', '06:00']]])),
    exceptions: [],
    rules: [{ name: 'Christmas Eve: no night shift', month: 12, day: 24 }],
    presets: [],
  };

  const noPause = [];
  const customerWait = ['waitingForCustomer'];
  const warnAt = [0.75, 0.9];
  const customerUpdate = { duration: 'PT2H', clock: 'calendar', stopOn: 'respond', description: 'First update to the customer, 24x7' };
  const v1From = fromLocal(`${lastYear}T00:00`, tz);
  const v2From = fromLocal(`${review}T00:00`, tz);

  const gold = {
    id: 'gold',
    name: 'Gold',
    description: 'Northwind Logistics: business-critical development and integrations.',
    versions: [
      {
        name: 'Last year\'s agreement',
        effectiveFrom: v1From,
        calendar: 'fi-office',
        warnAt,
        targets: {
          P1: { response: { duration: { hours: 1 } }, resolution: { duration: { hours: 8 }, pauseReasons: noPause }, customerUpdate },
          P2: { response: { duration: { hours: 2 } }, resolution: { duration: { hours: 16 }, pauseReasons: noPause } },
          P3: { response: { duration: { hours: 4 } }, resolution: { duration: { businessDays: 5 }, pauseReasons: noPause } },
          P4: { response: { duration: { endOfBusinessDay: 1 } }, resolution: { duration: { businessDays: 10 }, pauseReasons: noPause } },
        },
      },
      {
        name: 'Annual service review',
        effectiveFrom: v2From,
        calendar: 'fi-extended',
        warnAt,
        targets: {
          P1: { response: { duration: { hours: 1 } }, resolution: { duration: { hours: 4 }, pauseReasons: customerWait }, customerUpdate },
          P2: { response: { duration: { hours: 2 } }, resolution: { duration: { hours: 8 }, pauseReasons: customerWait } },
          P3: { response: { duration: { hours: 4 } }, resolution: { duration: { businessDays: 3 }, pauseReasons: customerWait } },
          P4: { response: { duration: { endOfBusinessDay: 1 } }, resolution: { duration: { businessDays: 8 }, pauseReasons: customerWait } },
        },
      },
    ],
  };
  const silverTargets = (p3Resolution, pauseReasons) => ({
    P1: { response: { duration: { hours: 1 } }, resolution: { duration: { hours: 8 }, pauseReasons } },
    P2: { response: { duration: { hours: 2 } }, resolution: { duration: { hours: 16 }, pauseReasons } },
    P3: { response: { duration: { hours: 4 } }, resolution: { ...p3Resolution, pauseReasons } },
    P4: { response: { duration: { endOfBusinessDay: 2 } }, resolution: { duration: { businessDays: 10 }, pauseReasons } },
  });
  const silver = {
    id: 'silver',
    name: 'Silver',
    description: 'Hosting and maintenance of production applications.',
    versions: [
      { name: 'Last year\'s agreement', effectiveFrom: v1From, calendar: 'fi-office', warnAt,
        targets: silverTargets({ duration: 'PT72H', clock: 'calendar' }, noPause) },
      { name: 'Annual service review', effectiveFrom: v2From, calendar: 'fi-office', warnAt,
        targets: silverTargets({ duration: { businessDays: 3 } }, customerWait) },
    ],
  };
  const bronzeTargets = (pauseReasons) => ({
    P1: { response: { duration: { hours: 2 } }, resolution: { duration: { hours: 16 }, pauseReasons } },
    P2: { response: { duration: { hours: 4 } }, resolution: { duration: { hours: 24 }, pauseReasons } },
    P3: { response: { duration: { hours: 8 } }, resolution: { duration: { businessDays: 10 }, pauseReasons } },
    P4: { response: { duration: { endOfBusinessDay: 2 } }, resolution: { duration: { businessDays: 20 }, pauseReasons } },
  });
  const bronze = {
    id: 'bronze',
    name: 'Bronze',
    description: 'Internal tools and best-effort work.',
    versions: [
      { name: 'Last year\'s agreement', effectiveFrom: v1From, calendar: 'fi-office', warnAt: [0.9], targets: bronzeTargets(noPause) },
      { name: 'Annual service review', effectiveFrom: v2From, calendar: 'fi-office', warnAt: [0.9],
        targets: bronzeTargets(['waitingForCustomer', 'waitingForThirdParty']) },
    ],
  };

  const catalog = {
    name: 'XYZ Company — Northwind Logistics agreement',
    description: `Annual service review on ${review}: tighter resolution targets and longer support hours from then on.`,
    calendars: [office, extended, night],
    serviceLevels: [gold, silver, bronze],
    services: [
      { id: 'northwind-portal', name: 'Northwind customer portal (development)', serviceLevel: 'gold' },
      { id: 'northwind-integrations', name: 'Northwind ERP integrations', serviceLevel: 'gold' },
      { id: 'hosting', name: 'Application hosting & monitoring', serviceLevel: 'silver' },
      { id: 'maintenance', name: 'Legacy application maintenance', serviceLevel: 'silver' },
      { id: 'night-monitoring', name: 'Night-time monitoring (hosting)', serviceLevel: 'silver', calendar: 'fi-night' },
      { id: 'devtools', name: 'Internal developer tooling', serviceLevel: 'bronze' },
    ],
  };

  const ev = (atIso, type, extra = {}) => ({ at: atIso, type, ...extra });
  const wait = 'waitingForCustomer';
  const tickets = [
    // --- The months before the review: v1 ---------------------------------------------
    { id: 'XYZ-0981', title: 'Search results ignore the language filter', service: 'northwind-portal', priority: 'P2',
      createdAt: at(-55, '09:30'),
      events: [ev(at(-55, '10:00'), 'respond'), ev(at(-54, '14:00'), 'resolve')] },
    { id: 'XYZ-0982', title: 'Monitoring alerts not delivered to on-call', service: 'hosting', priority: 'P1',
      createdAt: at(-47, '13:00'),
      events: [ev(at(-47, '13:40'), 'respond'), ev(at(-46, '15:30'), 'resolve')] },
    { id: 'XYZ-0983', title: 'Upgrade the build agents to Node 20', service: 'devtools', priority: 'P2',
      createdAt: at(-42, '11:00'),
      events: [ev(at(-42, '14:00'), 'respond'), ev(at(-40, '10:00'), 'resolve')] },
    { id: 'XYZ-0984', title: 'Quarterly export job misses the last day', service: 'maintenance', priority: 'P3',
      createdAt: at(-38, '15:00'),
      events: [ev(at(-35, '09:00'), 'respond'), ev(at(-34, '12:00'), 'resolve')] },
    { id: 'XYZ-0985', title: 'Purchase orders stuck in the ERP queue', service: 'northwind-integrations', priority: 'P1',
      createdAt: at(-33, '08:30'),
      events: [ev(at(-33, '09:00'), 'respond'), ev(at(-33, '13:00'), 'resolve')] },
    { id: 'XYZ-0986', title: 'Improve the contrast of the order status chips', service: 'northwind-portal', priority: 'P3',
      createdAt: at(-26, '10:00'),
      events: [ev(at(-26, '11:30'), 'respond'), ev(at(-21, '15:00'), 'resolve')] },
    { id: 'XYZ-0987', title: 'Database failover test plan needs sign-off', service: 'hosting', priority: 'P2',
      createdAt: at(-19, '09:00'),
      events: [ev(at(-19, '09:20'), 'respond'), ev(at(-19, '11:00'), 'pause', { reason: wait }),
        ev(at(-12, '09:00'), 'resume'), ev(at(-12, '12:00'), 'resolve')] },
    // --- Just before the review: v1 ---------------------------------------------------
    { id: 'XYZ-1001', title: 'Order export times out for large accounts', service: 'northwind-portal', priority: 'P2',
      createdAt: at(-12, '10:15'),
      events: [ev(at(-12, '11:05'), 'respond'), ev(at(-12, '12:15'), 'pause', { reason: wait }),
        ev(at(-5, '11:00'), 'resume'), ev(at(-5, '14:00'), 'resolve')] },
    { id: 'XYZ-1002', title: 'Invoice sync to ERP stopped', service: 'northwind-integrations', priority: 'P1',
      createdAt: at(-11, '15:40'),
      events: [ev(at(-11, '16:10'), 'respond'), ev(at(-10, '13:00'), 'resolve')] },
    { id: 'XYZ-1003', title: 'Staging certificate expires soon', service: 'hosting', priority: 'P3',
      createdAt: at(-10, '17:30'),
      events: [ev(at(-7, '09:10'), 'respond'), ev(at(-6, '11:00'), 'resolve')] },
    { id: 'XYZ-1004', title: 'CI cache misses on feature branches', service: 'devtools', priority: 'P4',
      createdAt: at(-7, '09:00'),
      events: [ev(at(-6, '10:00'), 'respond'), ev(at(3, '15:00'), 'resolve')] },
    { id: 'XYZ-1005', title: 'Report generation fails for March data', service: 'maintenance', priority: 'P2',
      createdAt: at(-4, '13:20'),
      events: [ev(at(-4, '16:30'), 'respond'), ev(at(-3, '15:00'), 'resolve')] },
    { id: 'XYZ-1006', title: 'Typo in the Finnish checkout page', service: 'northwind-portal', priority: 'P3',
      createdAt: at(-3, '09:00'),
      events: [ev(at(-3, '10:30'), 'respond'), ev(at(1, '10:00'), 'resolve')] },
    // --- After the review: measured under v2 ------------------------------------------
    { id: 'XYZ-1010', title: 'Payments fail for Visa cards', service: 'northwind-portal', priority: 'P1',
      createdAt: at(2, '09:05'),
      events: [ev(at(2, '09:40'), 'respond'), ev(at(2, '12:30'), 'resolve')] },
    { id: 'XYZ-1011', title: 'Stock levels not updated from the warehouse', service: 'northwind-integrations', priority: 'P2',
      createdAt: at(3, '14:00'),
      events: [ev(at(3, '14:45'), 'respond'), ev(at(3, '16:00'), 'pause', { reason: wait }),
        ev(at(10, '10:00'), 'resume'), ev(at(10, '15:30'), 'resolve')] },
    { id: 'XYZ-1012', title: 'Backup job reports warnings', service: 'hosting', priority: 'P3',
      createdAt: at(4, '16:45'),
      events: [ev(at(7, '08:30'), 'respond'), ev(at(8, '15:00'), 'resolve')] },
    { id: 'XYZ-1013', title: 'Login page down after evening deploy', service: 'northwind-portal', priority: 'P1',
      createdAt: at(9, '18:20'),
      events: [ev(at(9, '18:50'), 'respond'), ev(at(10, '11:30'), 'resolve')] },
    { id: 'XYZ-1014', title: 'Flaky integration test in payments module', service: 'devtools', priority: 'P3',
      createdAt: at(10, '10:00'),
      events: [ev(at(11, '09:00'), 'respond'), ev(at(17, '12:00'), 'resolve')] },
    { id: 'XYZ-1015', title: 'Nightly batch failed, reports missing', service: 'maintenance', priority: 'P1',
      createdAt: at(14, '07:30'),
      events: [ev(at(14, '08:20'), 'respond'), ev(at(14, '14:00'), 'resolve')] },
    { id: 'XYZ-1016', title: 'Shipment notices sent twice', service: 'northwind-integrations', priority: 'P2',
      createdAt: at(15, '09:00'),
      events: [ev(at(15, '09:30'), 'respond'), ev(at(15, '15:00'), 'resolve'), ev(at(16, '10:00'), 'reopen'),
        ev(at(16, '16:30'), 'resolve')] },
  ];

  // --- Live tickets: created a given amount of business time before now ---------------
  const cal = { 'fi-office': new BusinessCalendar(office), 'fi-extended': new BusinessCalendar(extended) };
  const calOf = { 'northwind-portal': 'fi-extended', 'northwind-integrations': 'fi-extended', hosting: 'fi-office', maintenance: 'fi-office', devtools: 'fi-office' };
  const H = 3600000;
  const M = 60000;
  const live = (id, title, service, priority, agoMs, events = []) => {
    const c = cal[calOf[service]];
    const createdAt = c.subtractBusinessTime(now, agoMs);
    const after = (ms) => c.addBusinessTime(createdAt, ms);
    tickets.push({ id, title, service, priority, createdAt, events: events.map(([ms, type, extra]) => ev(after(ms), type, extra)) });
  };
  live('XYZ-1020', 'Checkout spinner never finishes on iOS', 'northwind-portal', 'P1', 20 * M);
  live('XYZ-1021', 'Customer numbers duplicated in CRM export', 'northwind-integrations', 'P2', 6 * H + 30 * M, [[25 * M, 'respond']]);
  live('XYZ-1022', 'Disk usage alert on the app server', 'hosting', 'P2', 3 * H, [[30 * M, 'respond'], [H, 'pause', { reason: wait }]]);
  live('XYZ-1023', 'Docs site search returns nothing', 'devtools', 'P3', 12 * H);
  live('XYZ-1024', 'Customer portal slow during peak hours', 'maintenance', 'P1', 7 * H + 45 * M, [[20 * M, 'respond']]);
  live('XYZ-1025', 'Add Swedish translations to invoices', 'northwind-portal', 'P3', 5 * H, [[H, 'respond']]);
  live('XYZ-1026', 'Warehouse labels print misaligned', 'northwind-integrations', 'P3', 90 * M, [[30 * M, 'priorityChange', { priority: 'P2' }]]);
  for (const c of Object.values(cal)) c.free();

  return { catalog, tickets, review };
}
