// Civil-date helpers and display formatting. No time-zone arithmetic happens here: every
// instant is turned into a zone's wall time by the engine (`toZoned`, `fromLocal`); these
// functions only read the ISO strings it returns.

const DAY_MS = 86400000;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayNumber(date) {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n) {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus `n` days. */
export function addDays(date, n) {
  return fromDayNumber(dayNumber(date) + n);
}

/** Days from `a` to `b` (civil dates). */
export function daysBetween(a, b) {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Monday .. 6 = Sunday. */
export function weekdayIndex(date) {
  return (((dayNumber(date) + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function shortWeekday(date) {
  return SHORT_DAYS[weekdayIndex(date)];
}

/** "Fri 4 Dec" */
export function shortDate(date) {
  const [, m, d] = date.split('-').map(Number);
  return `${shortWeekday(date)} ${d} ${MONTHS[m - 1]}`;
}

/** "Fri 4 Dec 2026" */
export function longDate(date) {
  return `${shortDate(date)} ${date.slice(0, 4)}`;
}

/** Parts of an ISO instant string with offset as returned by the engine. */
export function isoParts(iso) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return null;
  return { date: m[1], time: m[2], seconds: m[3] ?? ':00', offset: m[5] === 'Z' ? '+00:00' : m[5] };
}

/** "Fri 4 Dec 2026, 11:30" (+ " UTC+02:00" when `withOffset`), from an engine ISO string. */
export function formatIso(iso, { withOffset = false, year = true, seconds = false } = {}) {
  if (!iso) return '—';
  const p = isoParts(iso);
  if (!p) return iso;
  const time = seconds ? p.time + p.seconds : p.time;
  return `${year ? longDate(p.date) : shortDate(p.date)}, ${time}${withOffset ? ` UTC${p.offset}` : ''}`;
}

/** The `YYYY-MM-DDTHH:MM` of an ISO string (for datetime-local inputs). */
export function localInputValue(iso) {
  const p = isoParts(iso);
  return p ? `${p.date}T${p.time}` : '';
}

/** A duration in ms as "2 h 05 min", "27 h 45 min" ("1 d 3 h 45 min" with `days`), "45 s". */
export function formatDuration(ms, { seconds = false, days = false } = {}) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  const neg = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = days ? Math.floor(s / 86400) : 0;
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  let out;
  if (d > 0) out = `${d} d ${h} h${m ? ` ${String(m).padStart(2, '0')} min` : ''}`;
  else if (h > 0) out = `${h} h ${String(m).padStart(2, '0')} min`;
  else if (m > 0 || !seconds) out = `${m} min`;
  else out = '';
  if (seconds && d === 0) out = `${out}${out ? ' ' : ''}${String(s).padStart(2, '0')} s`;
  return (neg ? '−' : '') + out.trim();
}

/** A live countdown: "1:05:09" / "2 d 03:05:09", negative with a minus sign. */
export function formatCountdown(ms) {
  if (ms === null || ms === undefined) return '—';
  const neg = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const hms = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return `${neg ? '−' : ''}${d ? `${d} d ` : ''}${hms}`;
}

export const DAY = DAY_MS;
export const HOUR = 3600000;
export const MINUTE = 60000;
