// After any error the module keeps working: 10,000 random bad calls (seeded, so a
// failure is reproducible), each of which must throw a coded TypeError/RangeError or
// return normally (never a wasm trap), then good calls give the right answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BusinessCalendar, fromLocal, isSlaclockError, toZoned } from 'slaclock';
import { HELSINKI, HOUR } from '../support/fixtures.mjs';

const SEED = Number(process.env.SLACLOCK_FUZZ_SEED ?? 20261204);

/** mulberry32: a small seeded PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('10,000 random bad calls, then good calls give the right answers', () => {
  const r = rng(SEED);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const int = (n) => Math.floor(r() * n);
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const times = ['08:00', '16:00', '24:00', '00:00', '25:00', '8:00', '12:60', '23:59:59.999', '22:00', '06:00', '', 'noon'];
  const dates = ['2026-12-24', '2026-02-30', '0000-01-01', '9999-12-31', '2026-1-1', '2026-12-24T00:00Z', ''];
  const numbers = [0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, 1e20, -1e20, 2 ** 53, Number.MAX_VALUE, 253402300799999, -62135596800000, 86_400_000];
  const atoms = () => pick([
    () => pick(numbers), () => pick(times), () => pick(dates), () => null, () => undefined, () => true,
    () => Symbol('s'), () => 10n, () => () => 1, () => new Date(NaN), () => new Date(pick(numbers)),
    () => revoked.proxy, () => new Map(), () => [], () => ({}), () => 'x'.repeat(int(300)),
    () => pick(['2026-12-04T16:30:00+02:00', '2026-03-29T03:30', 'PT4H', 'P1M', '-PT1H', 'P99999999D', '9999-12-31T23:59:59.999Z', '0001-01-01T00:00:00Z']),
    () => ({ get hours() { throw new Error('getter'); } }),
  ])();
  const value = (depth = 0) => {
    if (depth > 3 || r() < 0.5) return atoms();
    if (r() < 0.5) return Array.from({ length: int(4) }, () => value(depth + 1));
    const keys = ['timeZone', 'weekly', 'exceptions', 'rules', 'presets', 'mon', 'fri', 'date', 'from', 'to', 'hours', 'closed',
      'month', 'day', 'weekday', 'nth', 'easterOffset', 'observed', 'firstYear', 'lastYear', 'businessDays', 'endOfBusinessDay',
      'minutes', 'days', 'disambiguation', 'start', 'end', 'name', 'toJSON'];
    return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(keys), value(depth + 1)]));
  };
  const badSpec = () => {
    const spec = structuredClone(HELSINKI);
    const mutations = [
      () => { spec.timeZone = value(); },
      () => { spec.weekly[pick(['mon', 'tue', 'sat', 'xyz'])] = value(); },
      () => { spec.weekly.mon = [[pick(times), pick(times)], [pick(times), pick(times)]]; },
      () => { spec.exceptions = [{ [pick(['date', 'from', 'to'])]: pick(dates), hours: value(), closed: value() }]; },
      () => { spec.rules = [{ month: pick([...numbers, 2, 12]), day: pick([...numbers, 29, 31]), weekday: pick(['mon', 'Friday', 'x', 3]), nth: pick([0, 1, -1, 6, 0.5]), easterOffset: pick([undefined, 1, 400]), observed: pick([undefined, 'nearestWeekday', 'bogus']), firstYear: pick([undefined, 0, 2030, 10000]), lastYear: pick([undefined, 2020]), hours: pick([undefined, [['08:00', '12:00']], []]) }]; },
      () => { spec.presets = [pick(['FI', 'US', 'XX', 7, null])]; },
      () => { spec[pick(['extra', 'id', 'name'])] = value(); },
    ];
    for (let k = 0; k <= int(3); k++) pick(mutations)();
    return spec;
  };
  const jsonText = (v) => {
    try {
      return JSON.stringify(v) ?? 'null';
    } catch {
      return '{"timeZone":'; // a getter threw, or a bigint: JSON.stringify's own error
    }
  };
  const cal = new BusinessCalendar(HELSINKI);
  const calls = [
    () => new BusinessCalendar(badSpec()),
    () => new BusinessCalendar(value()),
    () => new BusinessCalendar(jsonText(badSpec()).slice(0, int(200))),
    () => cal.isOpen(value()),
    () => cal.nextOpen(value()),
    () => cal.nextClose(value()),
    () => cal.openIntervals(value(), value()),
    () => cal.specialDays(value(), value()),
    () => cal.addBusinessTime(value(), value()),
    () => cal.subtractBusinessTime(value(), value()),
    () => cal.businessTimeBetween(value(), value()),
    () => cal.addBusinessTimeMany(pick([new Float64Array([pick(numbers), pick(numbers)]), value()]), pick([pick(numbers), new Float64Array([pick(numbers)]), value()])),
    () => cal.businessTimeBetweenMany(pick([new Float64Array([pick(numbers)]), value()]), pick([new Float64Array([pick(numbers)]), value()])),
    () => toZoned(value(), pick(['Europe/Helsinki', 'Mars/Olympus', value()])),
    () => fromLocal(pick([...dates, '2026-03-29T03:30', value()]), pick(['Europe/Helsinki', value()]), value()),
  ];
  let thrown = 0;
  for (let i = 0; i < 10_000; i++) {
    const which = int(calls.length);
    try {
      const out = calls[which]();
      if (out instanceof BusinessCalendar) out.free();
    } catch (e) {
      thrown++;
      if (!isSlaclockError(e) || !(e instanceof TypeError || e instanceof RangeError)) {
        assert.fail(`call #${i} (kind ${which}, seed ${SEED}) threw a non-coded ${e?.constructor?.name}: ${e?.message}`);
      }
    }
  }
  assert.ok(thrown > 5000, `only ${thrown} of 10,000 calls threw: the generator is not hostile enough`);
  assert.equal(cal.addBusinessTime('2026-12-04T16:30:00+02:00', 4 * HOUR), '2026-12-07T12:00:00+02:00');
  assert.equal(new BusinessCalendar(HELSINKI).businessTimeBetween('2026-12-04T16:30:00+02:00', '2026-12-07T11:30:00+02:00'), 3.5 * HOUR);
  assert.equal(fromLocal('2026-03-29T03:30', 'Europe/Helsinki'), '2026-03-29T04:30:00+03:00');
});

test('random valid calendars and queries never trap (round trips hold)', () => {
  const r = rng(SEED + 1);
  const int = (n) => Math.floor(r() * n);
  const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const zones = ['Europe/Helsinki', 'America/New_York', 'Pacific/Apia', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Sao_Paulo', 'UTC'];
  for (let i = 0; i < 300; i++) {
    const weekly = {};
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) {
      if (r() < 0.3) continue;
      const a = int(23 * 4) * 15;
      const b = a + 15 + int((24 * 60 - a - 15) / 15) * 15;
      weekly[d] = r() < 0.2 ? [[hhmm(b % 1440), hhmm(a)]] : [[hhmm(a), b === 1440 ? '24:00' : hhmm(b)]];
    }
    let cal;
    try {
      cal = new BusinessCalendar({ timeZone: zones[int(zones.length)], weekly, presets: r() < 0.3 ? ['FI'] : [] });
    } catch (e) {
      assert.ok(isSlaclockError(e), e.message);
      continue;
    }
    const start = Date.UTC(1990 + int(60), int(12), 1 + int(28), int(24), int(60));
    const d = int(200) * 15 * 60_000;
    const due = cal.addBusinessTime(start, d);
    assert.equal(cal.businessTimeBetween(start, due), d, `${JSON.stringify(cal)} ${start} ${d}`);
    const back = cal.subtractBusinessTime(due, d);
    assert.equal(cal.businessTimeBetween(back, due), d);
    cal.nextOpen(start);
    cal.nextClose(start);
    cal.free();
  }
});
