// The week view: seven day columns on a real-time axis from each local midnight, open
// hours shaded from `openIntervals`. A day is as long as it really is — 23 hours on a
// spring-forward day, 25 on a fall-back day — so DST weeks show the short and the long
// day, with that day's own wall-clock labels.

import { h, s } from './dom.js';
import { fromLocal, toZoned } from './engine.js';
import { addDays, shortDate, isoParts, HOUR } from './time.js';

const ms = (iso) => Date.parse(iso);

/** Offset text of `date` at local noon in `zone` ("+02:00"). */
function noonOffset(date, zone) {
  return isoParts(fromLocal(`${date}T12:00`, zone)).offset;
}

/** The next (dir = 1) or previous (dir = -1) date whose UTC offset differs from the day before, within ~2 years. */
export function findOffsetChange(fromDate, zone, dir = 1) {
  let d = fromDate;
  let prev = noonOffset(d, zone);
  for (let i = 0; i < 800; i += 1) {
    const nd = addDays(d, dir);
    const off = noonOffset(nd, zone);
    if (off !== prev) return dir > 0 ? nd : d;
    d = nd;
    prev = off;
  }
  return null;
}

export function renderWeek({ calendar, zone, monday, width, special = [] }) {
  const W = Math.max(520, Math.round(width));
  const gutter = 46;
  const top = 46;
  const hourH = 17;
  const colW = (W - gutter - 8) / 7;
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const mids = [...days, addDays(monday, 7)].map((d) => ms(fromLocal(`${d}T00:00`, zone)));
  const lengths = days.map((_, i) => (mids[i + 1] - mids[i]) / HOUR);
  const maxLen = Math.max(24, ...lengths);
  const H = top + maxLen * hourH + 30;
  const svg = s('svg', { class: 'week-svg', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': `Open hours in the week of ${monday} (${zone})` });
  let intervals = [];
  try {
    intervals = calendar.openIntervals(mids[0], mids[7]);
  } catch {
    intervals = [];
  }
  // Hour grid (reference labels of a 24-hour day).
  for (let hh = 0; hh <= 24; hh += 1) {
    const y = top + hh * hourH;
    svg.append(s('line', { x1: gutter, x2: W - 8, y1: y, y2: y, class: hh % 6 === 0 ? 'wk-grid major' : 'wk-grid' }));
    if (hh % 2 === 0 && hh < 24) svg.append(s('text', { x: gutter - 6, y: y + 4, 'text-anchor': 'end', class: 'wk-hour' }, `${String(hh).padStart(2, '0')}:00`));
  }
  const totals = [];
  const desc = [];
  days.forEach((d, i) => {
    const x = gutter + i * colW;
    const len = lengths[i];
    const dst = len !== 24;
    const sp = special.filter((x2) => x2.date === d);
    svg.append(s('rect', { x: x + 2, y: top, width: colW - 4, height: len * hourH, class: ['wk-day', dst && 'dst', sp.length && 'special'].filter(Boolean).join(' '), rx: 4 }));
    svg.append(s('text', { x: x + colW / 2, y: 16, 'text-anchor': 'middle', class: 'wk-head' }, shortDate(d)));
    const headSub = dst ? `${len} h day (DST)` : sp.length ? (sp[0].name ?? 'special day') : '';
    if (headSub) svg.append(s('text', { x: x + colW / 2, y: 31, 'text-anchor': 'middle', class: dst ? 'wk-sub dst' : 'wk-sub' }, headSub.length > 22 ? `${headSub.slice(0, 21)}…` : headSub));
    let open = 0;
    for (const iv of intervals) {
      const a = Math.max(ms(iv.start), mids[i]);
      const b = Math.min(ms(iv.end), mids[i + 1]);
      if (b <= a) continue;
      open += b - a;
      const y1 = top + ((a - mids[i]) / HOUR) * hourH;
      const y2 = top + ((b - mids[i]) / HOUR) * hourH;
      const from = isoParts(toZoned(a, zone));
      const to = isoParts(toZoned(b, zone));
      const label = `${from.time}–${b === mids[i + 1] ? '24:00' : to.time}`;
      const g = s('g', { class: 'wk-open', dataset: { date: d, start: new Date(a).toISOString(), end: new Date(b).toISOString() } },
        s('rect', { x: x + 5, y: y1, width: colW - 10, height: Math.max(1, y2 - y1), rx: 3 }),
        s('title', null, `${shortDate(d)} open ${label} ${zone} (${((b - a) / HOUR).toFixed(2).replace(/\.00$/, '')} h)`));
      if (y2 - y1 > 14) g.append(s('text', { x: x + colW / 2, y: y1 + 12, 'text-anchor': 'middle', class: 'wk-open-label' }, label));
      svg.append(g);
      desc.push(`${d} ${label}`);
    }
    // A DST day gets its own wall-clock labels at every real hour.
    if (dst) {
      for (let k = 0; k <= len; k += 1) {
        const t = mids[i] + k * HOUR;
        const p = isoParts(toZoned(t, zone));
        if (k % 1 === 0 && k < len) svg.append(s('text', { x: x + colW - 8, y: top + k * hourH + 11, 'text-anchor': 'end', class: 'wk-dst-hour' }, p.time + (k > 0 && isoParts(toZoned(t - HOUR, zone)).offset !== p.offset ? ` ${p.offset}` : '')));
      }
    }
    totals.push(open);
    svg.append(s('text', { x: x + colW / 2, y: top + maxLen * hourH + 18, 'text-anchor': 'middle', class: 'wk-total' }, open ? `${+(open / HOUR).toFixed(2)} h open` : 'closed'));
  });
  svg.prepend(s('desc', null, desc.length ? `Open: ${desc.join('; ')}` : 'Closed all week'));
  return { svg, totals, lengths };
}
