// Every method, every input form and every error code of the package, in Node (the
// package is imported by name: no init call).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import init, {
  BusinessCalendar, fromLocal, initSync, isInitialized, isSlaclockError, presets, timeZones, toZoned, tzdbVersion,
} from 'slaclock';
import { ALWAYS, HELSINKI, HELSINKI_FI, HOUR, UTC_OFFICE, throwsCoded } from '../support/fixtures.mjs';

describe('loading in Node', () => {
  test('ready at import; init() and initSync() are idempotent no-ops', async () => {
    assert.equal(isInitialized(), true);
    await init();
    initSync(new Uint8Array([0, 1, 2])); // ignored: already initialized
    assert.equal(new BusinessCalendar(HELSINKI).timeZone, 'Europe/Helsinki');
  });
});

describe('new BusinessCalendar(spec)', () => {
  test('from an object, a JSON string, or another calendar (toJSON)', () => {
    const a = new BusinessCalendar(HELSINKI);
    const b = new BusinessCalendar(JSON.stringify(HELSINKI));
    const c = new BusinessCalendar(a);
    for (const cal of [a, b, c]) {
      assert.equal(cal.timeZone, 'Europe/Helsinki');
      assert.equal(cal.addBusinessTime('2026-12-04T16:30:00+02:00', 4 * HOUR), '2026-12-07T12:00:00+02:00');
    }
    assert.deepEqual(a.toJSON(), HELSINKI);
    assert.deepEqual(JSON.parse(JSON.stringify(b)), HELSINKI);
  });

  test('a JSON string is read like the object; bad JSON and bad fields are coded errors with paths', () => {
    assert.throws(() => new BusinessCalendar('{"timeZone": "UTC", "weekly": '), TypeError);
    const e = (() => { try { new BusinessCalendar('{"timeZone": "UTC", "weekly": '); } catch (x) { return x; } })();
    assert.equal(e.code, 'INVALID_TYPE');
    assert.equal(e.path, '');
    assert.match(e.message, /^calendar is not valid JSON: /);
    const bad = (() => { try { new BusinessCalendar('{"timeZone": "UTC", "weekly": {"tue": [["08:00", "25:00"]]}}'); } catch (x) { return x; } })();
    assert.deepEqual([bad.constructor.name, bad.code, bad.path], ['RangeError', 'INVALID_WALL_TIME', 'weekly.tue[0].end']);
    const deep = (() => { try { new BusinessCalendar('{"timeZone": "UTC", "x": ' + '['.repeat(100) + ']'.repeat(100) + '}'); } catch (x) { return x; } })();
    assert.equal(deep.code, 'TOO_LARGE');
  });

  test('undefined properties are left out, as JSON.stringify does', () => {
    const cal = new BusinessCalendar({ ...HELSINKI, exceptions: undefined, name: 'Helsinki office' });
    assert.deepEqual(cal.toJSON(), { ...HELSINKI, name: 'Helsinki office' });
  });

  test('free() and Symbol.dispose release it', () => {
    const cal = new BusinessCalendar(HELSINKI);
    cal.free();
    assert.throws(() => cal.isOpen(0));
    const d = new BusinessCalendar(HELSINKI);
    assert.equal(typeof d[Symbol.dispose], 'function');
    d[Symbol.dispose]();
    assert.throws(() => d.isOpen(0));
  });
});

describe('instant inputs and outputs', () => {
  const cal = new BusinessCalendar(HELSINKI);
  // Friday 2026-12-04 16:30 in Helsinki (UTC+2) is 14:30Z; after the 16:00 close, so 4
  // business hours run Monday 08:00-12:00.
  const forms = {
    'ISO with offset': '2026-12-04T16:30:00+02:00',
    'ISO with Z': '2026-12-04T14:30:00Z',
    'ISO with annotation': '2026-12-04T16:30:00+02:00[Europe/Helsinki]',
    'epoch ms': Date.UTC(2026, 11, 4, 14, 30),
    Date: new Date(Date.UTC(2026, 11, 4, 14, 30)),
  };
  for (const [name, at] of Object.entries(forms)) {
    test(`start as ${name}`, () => {
      assert.equal(cal.addBusinessTime(at, 4 * HOUR), '2026-12-07T12:00:00+02:00');
    });
  }
  test('results parse with new Date() and keep milliseconds', () => {
    const due = cal.addBusinessTime('2026-12-07T08:00:00.250+02:00', 1000);
    assert.equal(due, '2026-12-07T08:00:01.250+02:00');
    assert.equal(new Date(due).getTime(), Date.UTC(2026, 11, 7, 6, 0, 1, 250));
  });
  test('results are in the calendar offset at that instant (summer time)', () => {
    assert.equal(cal.nextOpen('2026-07-04T12:00:00Z'), '2026-07-06T08:00:00+03:00');
  });
});

describe('isOpen / nextOpen / nextClose / openIntervals', () => {
  const cal = new BusinessCalendar(HELSINKI);
  test('isOpen: half-open intervals, the closing time is closed', () => {
    assert.equal(cal.isOpen('2026-12-07T15:59:59.999+02:00'), true);
    assert.equal(cal.isOpen('2026-12-07T16:00:00+02:00'), false);
    assert.equal(cal.isOpen('2026-12-07T08:00:00+02:00'), true);
    assert.equal(cal.isOpen('2026-12-05T12:00:00+02:00'), false); // Saturday
  });
  test('nextOpen: itself when open, else the next opening', () => {
    assert.equal(cal.nextOpen('2026-12-07T09:15:00+02:00'), '2026-12-07T09:15:00+02:00');
    assert.equal(cal.nextOpen('2026-12-05T12:00:00+02:00'), '2026-12-07T08:00:00+02:00');
  });
  test('nextClose: the end of the current or next interval', () => {
    assert.equal(cal.nextClose('2026-12-07T09:00:00+02:00'), '2026-12-07T16:00:00+02:00');
    assert.equal(cal.nextClose('2026-12-05T12:00:00+02:00'), '2026-12-07T16:00:00+02:00');
  });
  test('null when there is none', () => {
    assert.equal(new BusinessCalendar(ALWAYS).nextClose('2026-12-07T09:00:00Z'), null);
    const once = new BusinessCalendar({ timeZone: 'UTC', exceptions: [{ date: '2026-12-01', hours: [['09:00', '10:00']] }] });
    assert.equal(once.nextOpen('2026-01-01T00:00:00Z'), '2026-12-01T09:00:00Z');
    assert.equal(once.nextOpen('2027-01-01T00:00:00Z'), null);
    assert.equal(once.nextClose('2027-01-01T00:00:00Z'), null);
  });
  test('openIntervals: clipped to [from, to)', () => {
    assert.deepEqual(cal.openIntervals('2026-12-04T12:00:00+02:00', '2026-12-07T10:00:00+02:00'), [
      { start: '2026-12-04T12:00:00+02:00', end: '2026-12-04T16:00:00+02:00' },
      { start: '2026-12-07T08:00:00+02:00', end: '2026-12-07T10:00:00+02:00' },
    ]);
  });
  test('openIntervals: 22:00-24:00 then 00:00-06:00 merge into one night', () => {
    const night = new BusinessCalendar({ timeZone: 'UTC', weekly: { mon: [['22:00', '24:00']], tue: [['00:00', '06:00']] } });
    assert.deepEqual(night.openIntervals('2026-12-07T00:00:00Z', '2026-12-09T00:00:00Z'), [
      { start: '2026-12-07T22:00:00Z', end: '2026-12-08T06:00:00Z' },
    ]);
  });
  test('New York 2024-03-10 spring forward: a 00:00-04:00 window is 3 real hours', () => {
    const ny = new BusinessCalendar({ timeZone: 'America/New_York', weekly: { sun: [['00:00', '04:00']] } });
    assert.deepEqual(ny.openIntervals('2024-03-09T00:00:00Z', '2024-03-12T00:00:00Z'), [
      { start: '2024-03-10T00:00:00-05:00', end: '2024-03-10T04:00:00-04:00' },
    ]);
    assert.equal(ny.businessTimeBetween('2024-03-09T00:00:00Z', '2024-03-12T00:00:00Z'), 3 * HOUR);
  });
  test('Helsinki 2026-10-25 fall back: a 00:00-04:00 window is 5 real hours', () => {
    const hel = new BusinessCalendar({ timeZone: 'Europe/Helsinki', weekly: { sun: [['00:00', '04:00']] } });
    assert.deepEqual(hel.openIntervals('2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z'), [
      { start: '2026-10-25T00:00:00+03:00', end: '2026-10-25T04:00:00+02:00' },
    ]);
    assert.equal(hel.businessTimeBetween('2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z'), 5 * HOUR);
  });
});

describe('specialDays', () => {
  test('exceptions, ranges, rules and presets, absent values null', () => {
    const cal = new BusinessCalendar({
      ...HELSINKI_FI,
      exceptions: [
        { date: '2026-12-23', hours: [['08:00', '12:00']], name: 'Short day' },
        { from: '2026-12-28', to: '2026-12-29' },
      ],
      rules: [{ name: 'Company day', month: 12, day: 30 }],
    });
    assert.deepEqual(cal.specialDays('2026-12-20', '2026-12-31'), [
      { date: '2026-12-23', name: 'Short day', closed: false, hours: [['08:00', '12:00']], source: 'exception', preset: null, path: 'exceptions[0]' },
      { date: '2026-12-24', name: 'Christmas Eve', closed: true, hours: null, source: 'preset', preset: 'FI', path: 'presets[0]' },
      { date: '2026-12-25', name: 'Christmas Day', closed: true, hours: null, source: 'preset', preset: 'FI', path: 'presets[0]' },
      { date: '2026-12-26', name: "St Stephen's Day", closed: true, hours: null, source: 'preset', preset: 'FI', path: 'presets[0]' },
      { date: '2026-12-28', name: null, closed: true, hours: null, source: 'exception', preset: null, path: 'exceptions[1]' },
      { date: '2026-12-29', name: null, closed: true, hours: null, source: 'exception', preset: null, path: 'exceptions[1]' },
      { date: '2026-12-30', name: 'Company day', closed: true, hours: null, source: 'rule', preset: null, path: 'rules[0]' },
    ]);
  });
});

describe('addBusinessTime / subtractBusinessTime / businessTimeBetween', () => {
  const cal = new BusinessCalendar(HELSINKI);
  test('Helsinki Friday 2026-12-04 16:30 + 4h is Monday 12:00 (Fri closes 16:00)', () => {
    assert.equal(cal.addBusinessTime('2026-12-04T16:30:00+02:00', 4 * HOUR), '2026-12-07T12:00:00+02:00');
  });
  test('Helsinki Friday 16:30 + 4h is Monday 11:30 when Friday closes 17:00', () => {
    const late = new BusinessCalendar({ ...HELSINKI, weekly: { ...HELSINKI.weekly, fri: [['08:00', '17:00']] } });
    assert.equal(late.addBusinessTime('2026-12-04T16:30:00+02:00', { hours: 4 }), '2026-12-07T11:30:00+02:00');
  });
  test('FI Christmas: Wednesday 2026-12-23 15:00 + 2h is Monday 28th 09:00', () => {
    assert.equal(new BusinessCalendar(HELSINKI_FI).addBusinessTime('2026-12-23T15:00:00+02:00', 'PT2H'), '2026-12-28T09:00:00+02:00');
  });
  const start = '2026-12-07T08:00:00+02:00'; // Monday opening
  const durations = [
    ['ms number', 4.5 * HOUR, '2026-12-07T12:30:00+02:00'],
    ['ISO PT4H30M', 'PT4H30M', '2026-12-07T12:30:00+02:00'],
    ['fields object', { hours: 4, minutes: 30 }, '2026-12-07T12:30:00+02:00'],
    ['all fields', { days: 0, hours: 4, minutes: 29, seconds: 59, milliseconds: 1000 }, '2026-12-07T12:30:00+02:00'],
    // A day is 24 business hours: three 8-hour days, landing on Wednesday's close.
    ['{ days: 1 }', { days: 1 }, '2026-12-09T16:00:00+02:00'],
    ['ISO P1D', 'P1D', '2026-12-09T16:00:00+02:00'],
    ['zero', 0, '2026-12-07T08:00:00+02:00'],
  ];
  for (const [name, d, expected] of durations) {
    test(`duration as ${name}`, () => assert.equal(cal.addBusinessTime(start, d), expected));
  }
  test('day units: businessDays and endOfBusinessDay', () => {
    const fri10 = '2026-12-04T10:00:00+02:00';
    assert.equal(cal.addBusinessTime(fri10, { businessDays: 1 }), '2026-12-07T10:00:00+02:00');
    assert.equal(cal.addBusinessTime(fri10, { businessDays: 2 }), '2026-12-08T10:00:00+02:00');
    assert.equal(cal.addBusinessTime(fri10, { endOfBusinessDay: 0 }), '2026-12-04T16:00:00+02:00');
    assert.equal(cal.addBusinessTime(fri10, { endOfBusinessDay: 1 }), '2026-12-07T16:00:00+02:00');
  });
  test('negative durations subtract', () => {
    assert.equal(cal.addBusinessTime('2026-12-07T10:00:00+02:00', -HOUR), '2026-12-07T09:00:00+02:00');
    assert.equal(cal.addBusinessTime('2026-12-07T10:00:00+02:00', '-PT3H'), '2026-12-04T15:00:00+02:00');
  });
  test('subtractBusinessTime: landing on an opening returns it', () => {
    assert.equal(cal.subtractBusinessTime('2026-12-07T12:00:00+02:00', { hours: 4 }), '2026-12-07T08:00:00+02:00');
    assert.equal(cal.subtractBusinessTime('2026-12-07T12:00:00+02:00', 'PT5H'), '2026-12-04T15:00:00+02:00');
    assert.equal(cal.subtractBusinessTime(new Date('2026-12-07T10:00:00Z'), 4 * HOUR), '2026-12-07T08:00:00+02:00');
  });
  test('businessTimeBetween is signed milliseconds', () => {
    const a = '2026-12-04T16:30:00+02:00';
    const b = '2026-12-07T11:30:00+02:00';
    assert.equal(cal.businessTimeBetween(a, b), 3.5 * HOUR);
    assert.equal(cal.businessTimeBetween(b, a), -3.5 * HOUR);
    assert.equal(cal.businessTimeBetween(Date.parse(a), new Date(b)), 3.5 * HOUR);
    assert.equal(cal.businessTimeBetween(a, a), 0);
  });
});

describe('batch', () => {
  const cal = new BusinessCalendar(HELSINKI);
  const fri1630 = Date.UTC(2026, 11, 4, 14, 30);
  const mon12 = Date.UTC(2026, 11, 7, 10, 0);
  test('addBusinessTimeMany with one duration for all', () => {
    const out = cal.addBusinessTimeMany(new Float64Array([fri1630, fri1630 + HOUR]), 4 * HOUR);
    assert.ok(out instanceof Float64Array);
    assert.deepEqual([...out], [mon12, mon12]);
  });
  test('addBusinessTimeMany with a duration per start; NaN for bad slots and past the horizon', () => {
    const starts = new Float64Array([fri1630, NaN, 0.5, Date.UTC(9999, 11, 31), fri1630]);
    const durations = new Float64Array([HOUR, HOUR, HOUR, 100 * 24 * HOUR, 1.5]);
    const out = cal.addBusinessTimeMany(starts, durations);
    assert.equal(out[0], Date.UTC(2026, 11, 7, 7, 0)); // Monday 09:00 Helsinki
    assert.ok([1, 2, 3, 4].every((i) => Number.isNaN(out[i])));
  });
  test('businessTimeBetweenMany', () => {
    const out = cal.businessTimeBetweenMany(new Float64Array([fri1630, mon12, Infinity]), new Float64Array([mon12, fri1630, 0]));
    assert.deepEqual([out[0], out[1]], [4 * HOUR, -4 * HOUR]);
    assert.ok(Number.isNaN(out[2]));
  });
  test('empty arrays', () => {
    assert.equal(cal.addBusinessTimeMany(new Float64Array(0), HOUR).length, 0);
    assert.equal(cal.businessTimeBetweenMany(new Float64Array(0), new Float64Array(0)).length, 0);
  });
  test('100,000 tickets agree with addBusinessTime', () => {
    const n = 100_000;
    const starts = new Float64Array(n);
    const durations = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      starts[i] = Date.UTC(2026, 0, 1) + i * 7_919_000;
      durations[i] = (i % 40) * 900_000;
    }
    const out = cal.addBusinessTimeMany(starts, durations);
    for (let i = 0; i < n; i += 997) {
      assert.equal(out[i], Date.parse(cal.addBusinessTime(starts[i], durations[i])));
    }
  });
});

describe('toZoned / fromLocal', () => {
  test('toZoned gives the zone offset at that instant', () => {
    assert.equal(toZoned('2026-07-01T09:00:00Z', 'Europe/Helsinki'), '2026-07-01T12:00:00+03:00');
    assert.equal(toZoned(Date.UTC(2026, 0, 1), 'Asia/Kathmandu'), '2026-01-01T05:45:00+05:45');
    assert.equal(toZoned(new Date(Date.UTC(2026, 0, 1)), 'UTC'), '2026-01-01T00:00:00Z');
  });
  test('fromLocal: Helsinki 2026-03-29 03:30 is in the spring-forward gap', () => {
    assert.equal(fromLocal('2026-03-29T03:30', 'Europe/Helsinki'), '2026-03-29T04:30:00+03:00');
    assert.equal(fromLocal('2026-03-29T03:30', 'Europe/Helsinki', { disambiguation: 'compatible' }), '2026-03-29T04:30:00+03:00');
    assert.equal(fromLocal('2026-03-29T03:30', 'Europe/Helsinki', { disambiguation: 'earlier' }), '2026-03-29T02:30:00+02:00');
    assert.equal(fromLocal('2026-03-29T03:30', 'Europe/Helsinki', { disambiguation: 'later' }), '2026-03-29T04:30:00+03:00');
  });
  test('fromLocal: New York 2024-11-03 01:30 occurs twice', () => {
    assert.equal(fromLocal('2024-11-03T01:30', 'America/New_York'), '2024-11-03T01:30:00-04:00');
    assert.equal(fromLocal('2024-11-03T01:30:00', 'America/New_York', { disambiguation: 'later' }), '2024-11-03T01:30:00-05:00');
    assert.equal(fromLocal('2024-11-03T01:30', 'America/New_York', {}), '2024-11-03T01:30:00-04:00');
  });
});

describe('presets / timeZones / tzdbVersion', () => {
  test('presets are ids and names', () => {
    const p = presets();
    assert.deepEqual(p.map((x) => x.id).sort(), ['DE', 'FI', 'FR', 'PL', 'SE', 'US']);
    assert.deepEqual(p.find((x) => x.id === 'US'), { id: 'US', name: 'United States federal holidays' });
  });
  test('timeZones: every IANA id, sorted, each usable', () => {
    const zones = timeZones();
    assert.ok(zones.length > 400);
    assert.deepEqual([...zones].sort(), zones);
    for (const z of ['Europe/Helsinki', 'America/New_York', 'Pacific/Apia', 'Australia/Lord_Howe', 'UTC']) assert.ok(zones.includes(z), z);
    for (const z of zones) toZoned(0, z);
  });
  test('tzdbVersion is a constant like 2025b', () => {
    assert.match(tzdbVersion, /^\d{4}[a-z]$/);
  });
});

describe('error codes', () => {
  const cal = new BusinessCalendar(UTC_OFFICE);
  const spec = (extra) => ({ timeZone: 'UTC', weekly: { mon: [['08:00', '16:00']] }, ...extra });
  const cases = [
    // [code, kind, path, call]
    ['INVALID_TIME_ZONE', RangeError, 'timeZone', () => new BusinessCalendar({ ...spec(), timeZone: 'Mars/Olympus' })],
    ['INVALID_TIME_ZONE', RangeError, 'timeZone', () => toZoned(0, 'Europe/Helsingfors')],
    ['INVALID_WALL_TIME', RangeError, 'weekly.tue[1].end', () => new BusinessCalendar({ timeZone: 'UTC', weekly: { tue: [['08:00', '12:00'], ['13:00', '25:00']] } })],
    ['INVALID_WALL_TIME', RangeError, 'local', () => fromLocal('2026-03-29T03:30Z', 'Europe/Helsinki')],
    ['OVERLAPPING_INTERVALS', RangeError, 'weekly.mon[1]', () => new BusinessCalendar({ timeZone: 'UTC', weekly: { mon: [['08:00', '12:00'], ['11:00', '13:00']] } })],
    ['EMPTY_INTERVAL', RangeError, 'weekly.mon[0]', () => new BusinessCalendar({ timeZone: 'UTC', weekly: { mon: [['09:00', '09:00']] } })],
    ['NO_OPEN_TIME', RangeError, 'weekly', () => new BusinessCalendar({ timeZone: 'UTC', weekly: {} })],
    ['NAIVE_TIMESTAMP', RangeError, 'at', () => cal.isOpen('2026-03-29T03:30')],
    ['NAIVE_TIMESTAMP', RangeError, 'start', () => cal.addBusinessTime('2026-03-29', 1)],
    ['OUT_OF_RANGE', RangeError, '', () => cal.addBusinessTime('9999-12-30T00:00:00Z', { days: 30 })],
    ['OUT_OF_RANGE', RangeError, 'start', () => cal.addBusinessTime(1e20, 1)],
    ['OUT_OF_RANGE', RangeError, 'duration', () => cal.addBusinessTime(0, 1e300)],
    ['OUT_OF_RANGE', RangeError, 'ends', () => cal.businessTimeBetweenMany(new Float64Array(2), new Float64Array(1))],
    ['CONFLICTING_RULES', RangeError, 'rules[1]', () => new BusinessCalendar(spec({ rules: [{ month: 12, day: 24, hours: [['08:00', '12:00']] }, { month: 12, day: 24, hours: [['09:00', '12:00']] }] }))],
    ['INVALID_DATE', RangeError, 'exceptions[0].date', () => new BusinessCalendar(spec({ exceptions: [{ date: '2026-02-30' }] }))],
    ['INVALID_DATE', RangeError, 'fromDate', () => cal.specialDays('2026-02-30', '2026-03-01')],
    ['INVALID_DATE', RangeError, 'toDate', () => cal.specialDays('2026-03-01', '2026-02-01')],
    ['INVALID_RULE', RangeError, 'rules[0].day', () => new BusinessCalendar(spec({ rules: [{ month: 2, day: 30 }] }))],
    ['UNKNOWN_PRESET', RangeError, 'presets[0]', () => new BusinessCalendar(spec({ presets: ['XX'] }))],
    ['INVALID_DURATION', RangeError, 'duration', () => cal.addBusinessTime(0, 'P1M')],
    ['INVALID_DURATION', RangeError, 'duration', () => cal.addBusinessTime(0, '4h')],
    ['INVALID_DURATION', RangeError, 'duration', () => cal.addBusinessTime(0, NaN)],
    ['INVALID_DURATION', RangeError, 'duration', () => cal.addBusinessTime(0, 0.5)],
    ['INVALID_DURATION', RangeError, 'duration', () => cal.addBusinessTime(0, { hours: 1, minutes: -1 })],
    ['INVALID_DURATION', RangeError, 'duration.hours', () => cal.addBusinessTime(0, { hours: Infinity })],
    ['INVALID_DURATION', RangeError, '', () => cal.subtractBusinessTime(0, { businessDays: 1 })],
    ['INVALID_DURATION', RangeError, 'durationsMs', () => cal.addBusinessTimeMany(new Float64Array(1), 0.5)],
    ['INVALID_INSTANT', RangeError, 'at', () => cal.isOpen('yesterday')],
    ['INVALID_INSTANT', RangeError, 'at', () => cal.nextOpen(1.5)],
    ['INVALID_INSTANT', RangeError, 'at', () => cal.nextClose(NaN)],
    ['INVALID_INSTANT', RangeError, 'from', () => cal.openIntervals(new Date(NaN), 0)],
    ['NONEXISTENT_LOCAL_TIME', RangeError, 'local', () => fromLocal('2026-03-29T03:30', 'Europe/Helsinki', { disambiguation: 'reject' })],
    ['AMBIGUOUS_LOCAL_TIME', RangeError, 'local', () => fromLocal('2026-10-25T03:30', 'Europe/Helsinki', { disambiguation: 'reject' })],
    ['INVALID_OPTION', RangeError, 'options.disambiguation', () => fromLocal('2026-03-29T03:30', 'UTC', { disambiguation: 'soon' })],
    ['INVALID_TYPE', TypeError, '', () => new BusinessCalendar()],
    ['INVALID_TYPE', TypeError, '', () => new BusinessCalendar('{')],
    ['INVALID_TYPE', TypeError, 'weekly.mon', () => new BusinessCalendar({ timeZone: 'UTC', weekly: { mon: '08:00-16:00' } })],
    ['INVALID_TYPE', TypeError, 'at', () => cal.isOpen(true)],
    ['INVALID_TYPE', TypeError, 'at', () => cal.isOpen(10n)],
    ['INVALID_TYPE', TypeError, 'to', () => cal.openIntervals(0, {})],
    ['INVALID_TYPE', TypeError, 'duration', () => cal.addBusinessTime(0, null)],
    ['INVALID_TYPE', TypeError, 'duration.hours', () => cal.addBusinessTime(0, { hours: '1' })],
    ['INVALID_TYPE', TypeError, 'end', () => cal.businessTimeBetween(0, undefined)],
    ['INVALID_TYPE', TypeError, 'fromDate', () => cal.specialDays(new Date(), '2026-01-01')],
    ['INVALID_TYPE', TypeError, 'startsEpochMs', () => cal.addBusinessTimeMany([0], 1)],
    ['INVALID_TYPE', TypeError, 'durationsMs', () => cal.addBusinessTimeMany(new Float64Array(1), 'PT1H')],
    ['INVALID_TYPE', TypeError, 'timeZone', () => toZoned(0, 7)],
    ['INVALID_TYPE', TypeError, 'local', () => fromLocal(new Date(), 'UTC')],
    ['INVALID_TYPE', TypeError, 'options', () => fromLocal('2026-01-01T00:00', 'UTC', 'later')],
    ['INVALID_TYPE', TypeError, 'options.disambiguation', () => fromLocal('2026-01-01T00:00', 'UTC', { disambiguation: 1 })],
    ['MISSING_FIELD', TypeError, 'timeZone', () => new BusinessCalendar({ weekly: {} })],
    ['UNKNOWN_FIELD', TypeError, 'weeky', () => new BusinessCalendar({ timeZone: 'UTC', weeky: {} })],
    ['UNKNOWN_FIELD', TypeError, 'duration.hour', () => cal.addBusinessTime(0, { hour: 1 })],
    ['UNKNOWN_FIELD', TypeError, 'options.disambigation', () => fromLocal('2026-01-01T00:00', 'UTC', { disambigation: 'later' })],
    ['TOO_LARGE', RangeError, '', () => cal.openIntervals('1900-01-01T00:00:00Z', '2900-01-01T00:00:00Z')],
    ['TOO_LARGE', RangeError, 'toDate', () => cal.specialDays('1900-01-01', '2200-01-01')],
  ];
  for (const [code, kind, path, call] of cases) {
    test(`${code} at \`${path}\`: ${call.toString().slice(6, 90)}`, () => {
      const e = throwsCoded(call, kind, code, path);
      assert.ok(isSlaclockError(e));
      assert.ok(e.message.length > 10);
      if (path) assert.ok(e.message.endsWith(`(at \`${path}\`)`), e.message);
    });
  }
  test('messages name the bad value', () => {
    const e = throwsCoded(() => new BusinessCalendar({ timeZone: 'UTC', weekly: { tue: [['08:00', '12:00'], ['13:00', '25:00']] } }), RangeError, 'INVALID_WALL_TIME');
    assert.equal(e.message, 'invalid wall time `25:00`: expected HH:MM or HH:MM:SS from 00:00 to 24:00 (at `weekly.tue[1].end`)');
    const n = throwsCoded(() => cal.isOpen('2026-03-29T03:30'), RangeError, 'NAIVE_TIMESTAMP');
    assert.equal(n.message, 'timestamp `2026-03-29T03:30` has no offset: add `Z` or an offset such as `+02:00` (at `at`)');
  });
  test('hostile inputs: throwing getters, revoked proxies, cycles, deep nesting', () => {
    throwsCoded(() => new BusinessCalendar({ get timeZone() { throw new Error('boom'); } }), TypeError, 'INVALID_TYPE', 'timeZone');
    const r = Proxy.revocable({}, {});
    r.revoke();
    throwsCoded(() => new BusinessCalendar(r.proxy), TypeError, 'INVALID_TYPE', '');
    throwsCoded(() => cal.addBusinessTime(0, r.proxy), TypeError, 'INVALID_TYPE', 'duration');
    const cyclic = { timeZone: 'UTC' };
    cyclic.weekly = cyclic;
    throwsCoded(() => new BusinessCalendar(cyclic), RangeError, 'TOO_LARGE');
    throwsCoded(() => new BusinessCalendar({ timeZone: 'UTC', weekly: { mon: [['08:00', () => 1]] } }), TypeError, 'INVALID_TYPE', 'weekly.mon[0][1]');
    throwsCoded(() => new BusinessCalendar({ timeZone: 'UTC', toJSON() { throw new Error('no'); } }), TypeError, 'INVALID_TYPE', '');
  });
});
