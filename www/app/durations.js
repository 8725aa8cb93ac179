// Target durations in the editor: an amount and a unit, to and from the catalog format.
//   business     business time of the calendar: `{ hours, minutes }` (clock "business")
//   calendar     calendar time, 24x7:            `{ hours, minutes }` (clock "calendar")
//   businessDays same wall time n open days later: `{ businessDays: n }`
//   endOfBusinessDay  last close of the n-th open day: `{ endOfBusinessDay: n }`

export const UNITS = [
  ['business', 'business time'],
  ['calendar', 'calendar 24×7'],
  ['businessDays', 'business days'],
  ['endOfBusinessDay', 'end of day +n'],
];

export function unitOf(target) {
  const d = target?.duration;
  if (d && typeof d === 'object' && 'businessDays' in d) return 'businessDays';
  if (d && typeof d === 'object' && 'endOfBusinessDay' in d) return 'endOfBusinessDay';
  return target?.clock === 'calendar' ? 'calendar' : 'business';
}

/** The amount field's text for a duration. */
export function amountText(d) {
  if (d === null || d === undefined) return '';
  if (typeof d === 'string') return d;
  if (typeof d === 'number') {
    const m = Math.round(d / 60000);
    return m % 60 ? `${Math.floor(m / 60)}h ${m % 60}m` : `${m / 60}h`;
  }
  if ('businessDays' in d) return String(d.businessDays);
  if ('endOfBusinessDay' in d) return String(d.endOfBusinessDay);
  const parts = [];
  if (d.days) parts.push(`${d.days}d`);
  if (d.hours) parts.push(`${d.hours}h`);
  if (d.minutes) parts.push(`${d.minutes}m`);
  if (d.seconds) parts.push(`${d.seconds}s`);
  if (d.milliseconds) parts.push(`${d.milliseconds}ms`);
  return parts.join(' ') || '0h';
}

const UNIT_RE = /(\d+(?:\.\d+)?)\s*(ms|milliseconds?|d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\b/gy;

/**
 * Parses "4h 30m", "90 min", "1.5 h", "2d", "4" (hours) or ISO "PT4H" into a duration.
 * Anything else is returned as the text itself, so the engine's validation reports it
 * at the field (`INVALID_DURATION`).
 */
export function parseAmount(text) {
  const t = String(text).trim();
  if (/^-?P/i.test(t)) return t.toUpperCase();
  if (/^\d+(\.\d+)?$/.test(t)) return splitHours(Number(t));
  const out = {};
  UNIT_RE.lastIndex = 0;
  let pos = 0;
  const src = t.replace(/\s+/g, ' ');
  let m;
  let any = false;
  while (pos < src.length) {
    while (src[pos] === ' ' || src[pos] === ',') pos += 1;
    if (pos >= src.length) break;
    UNIT_RE.lastIndex = pos;
    m = UNIT_RE.exec(src);
    if (!m) return t;
    any = true;
    const n = Number(m[1]);
    const u = m[2].toLowerCase();
    const key = u.startsWith('ms') || u.startsWith('milli') ? 'milliseconds' : u.startsWith('d') ? 'days' : u.startsWith('h') ? 'hours' : u.startsWith('m') ? 'minutes' : 'seconds';
    out[key] = (out[key] ?? 0) + n;
    pos = UNIT_RE.lastIndex;
  }
  if (!any) return t;
  // Fractions move to the next unit down (1.5 h = 1 h 30 min).
  const order = ['days', 'hours', 'minutes', 'seconds', 'milliseconds'];
  const factor = { days: 24, hours: 60, minutes: 60, seconds: 1000 };
  for (let i = 0; i < order.length - 1; i += 1) {
    const k = order[i];
    if (out[k] !== undefined && !Number.isInteger(out[k])) {
      const whole = Math.floor(out[k]);
      const frac = out[k] - whole;
      out[k] = whole;
      const next = order[i + 1];
      out[next] = Math.round(((out[next] ?? 0) + frac * factor[k]) * 1e6) / 1e6;
    }
  }
  for (const k of order) if (out[k] === 0) delete out[k];
  return Object.keys(out).length ? out : { hours: 0 };
}

function splitHours(hrs) {
  const whole = Math.floor(hrs);
  const minutes = Math.round((hrs - whole) * 60);
  return minutes ? (whole ? { hours: whole, minutes } : { minutes }) : { hours: whole };
}

/** Sets a target's unit, converting the duration. */
export function setUnit(target, unit) {
  const prev = unitOf(target);
  if (unit === prev) return;
  if (unit === 'business' || unit === 'calendar') {
    if (prev === 'businessDays' || prev === 'endOfBusinessDay') target.duration = { hours: 8 };
    if (unit === 'calendar') target.clock = 'calendar';
    else delete target.clock;
  } else if (unit === 'businessDays') {
    target.duration = { businessDays: 1 };
    delete target.clock;
  } else {
    target.duration = { endOfBusinessDay: 0 };
    delete target.clock;
  }
}

/** Sets the amount from the field's text for the target's unit. */
export function setAmount(target, text) {
  const unit = unitOf(target);
  if (unit === 'businessDays' || unit === 'endOfBusinessDay') {
    const t = String(text).trim();
    const n = Number(t);
    target.duration = { [unit]: t === '' || Number.isNaN(n) ? t : n };
  } else {
    target.duration = parseAmount(text);
  }
}
