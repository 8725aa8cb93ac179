// The per-ticket timeline (inline SVG): the calendar's open hours, the ticket's events,
// one lane per target with its running and paused spans, warning and due markers, the
// breach point, and a "now" line. All instants come from the engine: open hours from
// `openIntervals`, due / warnings / breach / stop from `evaluate`, day boundaries from
// `fromLocal` in the calendar's zone. Only the drawing of spans follows the events here.

import { s, h } from './dom.js';
import { fromLocal, toZoned } from './engine.js';
import { targetLabel, EVENT_TYPES, inZone, STATUS } from './format.js';
import { addDays, shortDate, isoParts, DAY, HOUR } from './time.js';

let LABEL_W = 132;
const AXIS_H = 34;
const OPEN_H = 18;
const EVENT_H = 30;
const LANE_H = 34;
const PAD_R = 18;

const ms = (iso) => (iso ? Date.parse(iso) : null);

/** Spans of a target's clock from the events (for drawing): [{ from, to, kind }]. */
export function clockSpans(ticket, def, now) {
  const created = ms(ticket.createdAt);
  const stopOn = def?.stopOn ?? (def?.name === 'response' ? 'respond' : 'resolve');
  const reasons = def && Array.isArray(def.pauseReasons) ? def.pauseReasons : null;
  const spans = [];
  let state = 'running';
  let cur = created;
  const close = (t, kind) => {
    if (t > cur) spans.push({ from: cur, to: t, kind });
    cur = t;
  };
  for (const e of ticket.events ?? []) {
    const t = ms(e.at);
    if (t === null || Number.isNaN(t) || t > now || t < created) continue;
    switch (e.type) {
      case 'pause':
        if (state === 'running' && (reasons === null || (e.reason && reasons.includes(e.reason)))) {
          close(t, 'running');
          state = 'paused';
        }
        break;
      case 'resume':
        if (state === 'paused') {
          close(t, 'paused');
          state = 'running';
        }
        break;
      case 'respond':
        if (stopOn === 'respond' && state !== 'stopped') {
          close(t, state);
          state = 'stopped';
        }
        break;
      case 'resolve':
        if (state !== 'stopped') {
          close(t, state);
          state = 'stopped';
        }
        break;
      case 'reopen':
        if (stopOn === 'resolve' && state === 'stopped') {
          cur = t;
          state = 'running';
        }
        break;
      default:
        break;
    }
  }
  if (state !== 'stopped' && now > cur) close(now, state);
  return { spans, running: state === 'running', stopped: state === 'stopped' };
}

/** The time range to draw: from creation to a bit after the latest interesting instant. */
function range(ticket, evaluation, now) {
  const created = ms(ticket.createdAt);
  let end = Math.max(now, created + HOUR);
  for (const t of evaluation.targets) {
    for (const x of [t.due, t.breachedAt, t.stoppedAt]) if (x) end = Math.max(end, ms(x));
  }
  for (const e of ticket.events ?? []) {
    const t = ms(e.at);
    if (t && !Number.isNaN(t)) end = Math.max(end, t);
  }
  end = Math.min(end, created + 62 * DAY);
  const span = end - created;
  return { from: Math.round(created - span * 0.03), to: Math.round(end + span * 0.05) };
}

function nice(n) {
  const steps = [1, 2, 3, 6, 12, 24].map((x) => x * HOUR);
  return steps.find((x) => x >= n) ?? 24 * HOUR;
}

/**
 * Builds the timeline SVG. `targetDef(name)` gives the catalog target (for its clock and
 * pause reasons); `calendar` is the ticket's BusinessCalendar; `width` in px.
 */
export function renderTimeline({ ticket, evaluation, calendar, zone, viewer, now, width, targetDef }) {
  const W = Math.max(320, Math.round(width));
  LABEL_W = W < 560 ? 86 : 132;
  const { from, to } = range(ticket, evaluation, now);
  const x0 = LABEL_W;
  const x1 = W - PAD_R;
  const X = (t) => x0 + ((t - from) / (to - from)) * (x1 - x0);
  const lanesTop = AXIS_H;
  const targets = evaluation.targets;
  const Hh = lanesTop + OPEN_H + 6 + EVENT_H + targets.length * LANE_H + 26;
  const clip = (t) => Math.max(from, Math.min(to, t));

  const defs = s('defs', null,
    s('pattern', { id: 'tl-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 6, height: 6, fill: 'var(--paused-bg)' }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: 'var(--paused)', 'stroke-width': 2.5 })),
  );
  const svg = s('svg', {
    class: 'timeline-svg',
    viewBox: `0 0 ${W} ${Hh}`,
    width: W,
    height: Hh,
    role: 'img',
    'aria-label': `Timeline of ticket ${ticket.id}`,
  }, defs);
  const desc = [];

  // Day grid and labels (local midnights of the calendar's zone).
  const axis = s('g', { class: 'tl-axis' });
  const startDate = toZoned(from, zone).slice(0, 10);
  const endDate = toZoned(to, zone).slice(0, 10);
  const days = [];
  for (let d = startDate; d <= endDate && days.length < 70; d = addDays(d, 1)) days.push(d);
  const dayW = (x1 - x0) / Math.max(1, (to - from) / DAY);
  const labelEvery = dayW > 60 ? 1 : dayW > 24 ? 2 : 7;
  days.forEach((d, i) => {
    const t = ms(fromLocal(`${d}T00:00`, zone));
    if (t >= from && t <= to) {
      axis.append(s('line', { x1: X(t), x2: X(t), y1: 14, y2: Hh - 20, class: 'tl-day-line' }));
    }
    const next = ms(fromLocal(`${addDays(d, 1)}T00:00`, zone));
    const mid = (clip(t) + clip(next)) / 2;
    if (i % labelEvery === 0 && next > from && t < to && X(clip(next)) - X(clip(t)) > 28) {
      axis.append(s('text', { x: X(mid), y: 12, class: 'tl-day-label', 'text-anchor': 'middle' }, dayW > 90 ? shortDate(d) : d.slice(8) + '.' + d.slice(5, 7) + '.'));
    }
  });
  // Hour ticks when there is room.
  const hourStep = nice(((to - from) / (x1 - x0)) * 60);
  if (hourStep < 24 * HOUR) {
    let t = Math.ceil(from / HOUR) * HOUR;
    for (; t < to; t += HOUR) {
      const local = isoParts(toZoned(t, zone));
      const hh = Number(local.time.slice(0, 2));
      if (local.time.slice(3) !== '00' || hh % (hourStep / HOUR) !== 0 || hh === 0) continue;
      axis.append(s('line', { x1: X(t), x2: X(t), y1: 24, y2: 29, class: 'tl-tick' }));
      axis.append(s('text', { x: X(t), y: 23, class: 'tl-hour-label', 'text-anchor': 'middle' }, local.time));
    }
  }
  svg.append(axis);

  // Open hours.
  let y = lanesTop;
  svg.append(s('text', { x: 8, y: y + 13, class: 'tl-lane-label' }, 'Open hours'));
  svg.append(s('rect', { x: x0, y, width: x1 - x0, height: OPEN_H, class: 'tl-closed', rx: 3 }));
  let intervals = [];
  try {
    intervals = calendar ? calendar.openIntervals(from, to) : [];
  } catch {
    intervals = [];
  }
  const openG = s('g', { class: 'tl-open' });
  for (const iv of intervals) {
    const a = ms(iv.start);
    const b = ms(iv.end);
    openG.append(s('rect', { x: X(a), y, width: Math.max(0.8, X(b) - X(a)), height: OPEN_H, class: 'tl-open-rect' },
      s('title', null, `Open ${inZone(iv.start, zone, { year: false })} – ${isoParts(toZoned(iv.end, zone)).time}`)));
  }
  svg.append(openG);
  desc.push(`${intervals.length} open periods shown`);
  y += OPEN_H + 6;

  // Events.
  svg.append(s('text', { x: 8, y: y + 19, class: 'tl-lane-label' }, 'Events'));
  const evG = s('g', { class: 'tl-events' });
  const marks = [{ at: ticket.createdAt, type: 'created' }, ...(ticket.events ?? [])];
  const glyph = { created: '+', pause: '❚❚', resume: '▶', respond: 'R', resolve: '✓', reopen: '↺', priorityChange: 'P' };
  for (const e of marks) {
    const t = ms(e.at);
    if (t === null || Number.isNaN(t)) continue;
    const future = t > now;
    const cx = X(t);
    const label = e.type === 'created' ? 'Created' : `${EVENT_TYPES[e.type] ?? e.type}${e.reason ? ` (${e.reason})` : ''}${e.priority ? ` → ${e.priority}` : ''}`;
    evG.append(s('g', { class: ['tl-event', `ev-${e.type}`, future && 'future'].filter(Boolean).join(' '), transform: `translate(${cx},${y + 14})` },
      s('circle', { r: 10 }),
      s('text', { y: 4, 'text-anchor': 'middle' }, glyph[e.type] ?? '•'),
      s('title', null, `${label}: ${inZone(e.at, zone)}${future ? ' (after now: not counted yet)' : ''}`)));
  }
  svg.append(evG);
  y += EVENT_H;

  // Target lanes.
  for (const t of targets) {
    const def = targetDef(t.name) ?? {};
    const clock = def.clock ?? 'business';
    const top = y + 6;
    const barH = 14;
    const lane = s('g', { class: `tl-lane st-${t.status}`, dataset: { target: t.name } });
    lane.append(s('text', { x: 8, y: top + 11, class: 'tl-lane-label' }, targetLabel(t.name)));
    lane.append(s('text', { x: 8, y: top + 24, class: 'tl-lane-sub' }, clock === 'calendar' ? '24×7 clock' : 'business clock'));
    lane.append(s('rect', { x: x0, y: top, width: x1 - x0, height: barH, class: 'tl-track', rx: 3 }));
    const { spans, running } = clockSpans(ticket, def, now);
    const breach = ms(t.breachedAt);
    for (const sp of spans) {
      const a = clip(sp.from);
      const b = clip(sp.to);
      if (b <= a) continue;
      if (sp.kind === 'paused') {
        lane.append(s('rect', { x: X(a), y: top, width: X(b) - X(a), height: barH, fill: 'url(#tl-hatch)', class: 'tl-paused' },
          s('title', null, `Paused ${inZone(new Date(sp.from).toISOString(), zone, { year: false })} – ${inZone(new Date(sp.to).toISOString(), zone, { year: false })}`)));
        continue;
      }
      // Running: light where the clock does not count (closed hours), solid where it does.
      lane.append(s('rect', { x: X(a), y: top + 4, width: X(b) - X(a), height: barH - 8, class: 'tl-run-idle' }));
      const counting = clock === 'calendar' ? [{ a, b }] : intervals.map((iv) => ({ a: Math.max(a, ms(iv.start)), b: Math.min(b, ms(iv.end)) })).filter((p) => p.b > p.a);
      for (const p of counting) {
        if (breach !== null && p.b > breach) {
          if (p.a < breach) lane.append(s('rect', { x: X(p.a), y: top, width: X(breach) - X(p.a), height: barH, class: 'tl-run' }));
          const ba = Math.max(p.a, breach);
          lane.append(s('rect', { x: X(ba), y: top, width: X(p.b) - X(ba), height: barH, class: 'tl-over' }));
        } else {
          lane.append(s('rect', { x: X(p.a), y: top, width: X(p.b) - X(p.a), height: barH, class: 'tl-run' }));
        }
      }
    }
    // Projection from now to the due instant while running.
    const due = ms(t.due);
    if (running && due !== null && due > now) {
      lane.append(s('line', { x1: X(clip(now)), x2: X(clip(due)), y1: top + barH / 2, y2: top + barH / 2, class: 'tl-projection' }));
    }
    for (const w of t.warnings ?? []) {
      if (!w.at) continue;
      const wx = X(clip(ms(w.at)));
      lane.append(s('path', { d: `M${wx},${top - 3} l4,-6 h-8 z`, class: ['tl-warn', w.reached ? 'reached' : ''].join(' ') },
        s('title', null, `Warning at ${Math.round(w.threshold * 100)} %: ${inZone(w.at, zone)}${w.reached ? ' (reached)' : ''}`)));
    }
    if (due !== null && due >= from && due <= to) {
      const dx = X(due);
      lane.append(s('g', { class: 'tl-due' },
        s('line', { x1: dx, x2: dx, y1: top - 4, y2: top + barH + 4 }),
        s('path', { d: `M${dx},${top - 4} h9 l-3,4 l3,4 h-9 z` }),
        s('title', null, `Due ${inZone(t.due, zone)} (${inZone(t.due, viewer)} your time)`)));
    }
    if (breach !== null && breach >= from && breach <= to) {
      const bx = X(breach);
      lane.append(s('g', { class: 'tl-breach', transform: `translate(${bx},${top + barH / 2})` },
        s('circle', { r: 7 }),
        s('path', { d: 'M-3,-3 L3,3 M3,-3 L-3,3' }),
        s('title', null, `Breached at ${inZone(t.breachedAt, zone)}`)));
    }
    const stop = ms(t.stoppedAt);
    if (stop !== null && stop >= from && stop <= to) {
      lane.append(s('g', { class: `tl-stop ${t.status}`, transform: `translate(${X(stop)},${top + barH / 2})` },
        s('rect', { x: -2, y: -9, width: 4, height: 18, rx: 1 }),
        s('title', null, `${STATUS[t.status]?.label ?? t.status}: stopped ${inZone(t.stoppedAt, zone)}`)));
    }
    desc.push(`${targetLabel(t.name)}: ${STATUS[t.status]?.label ?? t.status}${t.due ? `, due ${inZone(t.due, zone)}` : ''}`);
    svg.append(lane);
    y += LANE_H;
  }

  // Now line.
  const nowG = s('g', { class: 'tl-now', 'data-now': '1' });
  svg.append(nowG);
  const drawNow = (n) => {
    nowG.replaceChildren();
    if (n < from || n > to) return;
    const nx = X(n);
    nowG.append(s('line', { x1: nx, x2: nx, y1: 14, y2: Hh - 16 }), s('rect', { x: nx - 16, y: Hh - 17, width: 32, height: 15, rx: 7 }), s('text', { x: nx, y: Hh - 6, 'text-anchor': 'middle' }, 'now'));
  };
  drawNow(now);
  svg.prepend(s('desc', null, desc.join('; ')));
  svg.updateNow = drawNow;
  svg.range = { from, to };
  return svg;
}

/** The legend under the timeline. */
export function timelineLegend() {
  const item = (cls, text) => h('span.lg-item', h('span', { class: `lg-swatch ${cls}`, 'aria-hidden': 'true' }), text);
  return h('div.legend', item('lg-open', 'open hours'), item('lg-run', 'clock counting'), item('lg-idle', 'running, outside hours'), item('lg-paused', 'paused'), item('lg-over', 'past due'), item('lg-warn', 'warning'), item('lg-due', 'due'), item('lg-now', 'now'));
}
