// Reports: compliance by priority and by month (charts), the worst breaches, times to
// respond and resolve, and the what-if replay of the same tickets under two versions.
// Every figure comes from the engine's `report` and `whatIf`.

import { h, download } from '../dom.js';
import { SlaCatalog, fromLocal } from '../engine.js';
import { state, catalog, nowMs, nowOverride } from '../store.js';
import { groupedBars, stackedBars, chartLegend } from '../charts.js';
import { statusBadge, targetLabel, inZone } from '../format.js';
import { formatDuration, formatIso } from '../time.js';

const opts = { period: 'month', from: '', to: '', before: 0, after: 1 };
const pct = (v) => (v === null || v === undefined ? '—' : `${v.toFixed(1)} %`);
const sortPrio = (a, b) => String(a).localeCompare(String(b), 'en', { numeric: true });

function zone() {
  return state.catalog?.calendars?.[0]?.timeZone ?? 'UTC';
}

function baseOptions(now) {
  const z = zone();
  const o = { now: new Date(now).toISOString(), period: opts.period, timeZone: z, worst: 10 };
  if (opts.from) o.from = fromLocal(`${opts.from}T00:00`, z);
  if (opts.to) o.to = fromLocal(`${opts.to}T00:00`, z);
  return o;
}

function kpi(label, value, sub, cls = '') {
  return h('div', { class: `tile ${cls}` }, h('div.tile-value', value), h('div.tile-label', label), sub ? h('div.tile-sub', sub) : null);
}

function ticketLink(id) {
  return h('a', { href: `#/tickets/${encodeURIComponent(id)}` }, id);
}

function monthLabel(p) {
  const m = /^(\d{4})-(\d{2})$/.exec(p ?? '');
  if (!m) return p ?? '—';
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m[2]) - 1]} ${m[1]}`;
}

function content(now, width) {
  const cat = catalog();
  const tickets = state.tickets;
  const o = baseOptions(now);
  const total = cat.report(tickets, { ...o, groupBy: [] });
  const byPrio = cat.report(tickets, { ...o, groupBy: ['priority'] });
  const byPeriod = cat.report(tickets, { ...o, groupBy: ['period'] });
  const byBoth = cat.report(tickets, { ...o, groupBy: ['priority', 'period'] });
  const byTarget = cat.report(tickets, { ...o, groupBy: ['priority', 'target'] });
  const t = total.totals;
  const out = h('div.reports');
  const chartW = Math.min(720, Math.max(320, (width - 40) / (width > 1100 ? 2 : 1) - 30));

  out.append(h('div.tiles.report-kpis',
    kpi('Compliance (closed)', pct(t.compliancePct), `${t.met} met · ${t.missed} missed`, 'st-met'),
    kpi('Due-date compliance', pct(t.complianceDuePct), `${t.metDueInPeriod} of ${t.dueInPeriod} due so far met`),
    kpi('Breached now', String(t.breached), 'open past their due', 'st-breached'),
    kpi('In progress', String(t.inProgress + t.paused), `${t.paused} paused`),
    kpi('Median response', formatDuration(t.responseMs.median), `p90 ${formatDuration(t.responseMs.p90)} · business time`),
    kpi('Median resolution', formatDuration(t.resolutionMs.median), `p90 ${formatDuration(t.resolutionMs.p90)} · business time`)));
  if (total.errors.length) out.append(h('div.error-box', `${total.errors.length} ticket${total.errors.length === 1 ? '' : 's'} could not be measured: `, total.errors.map((e) => h('span', ticketLink(e.ticketId), ` (${e.error.code} at ${e.error.path}) `))));

  const prioRows = [...byPrio.rows].sort((a, b) => sortPrio(a.key.priority, b.key.priority));
  const periodRows = [...byPeriod.rows].sort((a, b) => String(a.key.period).localeCompare(String(b.key.period)));
  const charts = h('div.chart-grid');
  charts.append(h('section.card', { 'aria-labelledby': 'ch1' },
    h('h3#ch1', 'Compliance by priority'),
    groupedBars({
      title: 'Compliance by priority',
      categories: prioRows.map((r) => r.key.priority),
      subLabels: prioRows.map((r) => `${r.tickets} tickets`),
      series: [{ name: 'closed on time', values: prioRows.map((r) => r.compliancePct), className: 'c-met' }, { name: 'due-date compliance', values: prioRows.map((r) => r.complianceDuePct), className: 'c-due' }],
      width: chartW,
    }),
    chartLegend([['c-met', 'closed on time (met ÷ closed)'], ['c-due', 'due-date compliance (met ÷ due so far)']]),
    stackedBars({
      title: 'Target measurements by status and priority',
      rows: prioRows.map((r) => ({ label: r.key.priority, parts: [
        { name: 'met', value: r.met, className: 'c-met' }, { name: 'missed', value: r.missed, className: 'c-missed' },
        { name: 'breached', value: r.breached, className: 'c-breached' }, { name: 'in progress', value: r.inProgress, className: 'c-progress' }, { name: 'paused', value: r.paused, className: 'c-paused' }] })),
      width: chartW,
    }),
    chartLegend([['c-met', 'met'], ['c-missed', 'missed'], ['c-breached', 'breached (open)'], ['c-progress', 'in progress'], ['c-paused', 'paused']])));
  charts.append(h('section.card', { 'aria-labelledby': 'ch2' },
    h('h3#ch2', `Compliance by ${opts.period}`),
    groupedBars({
      title: `Compliance by ${opts.period}`,
      categories: periodRows.map((r) => (opts.period === 'month' ? monthLabel(r.key.period) : r.key.period)),
      subLabels: periodRows.map((r) => `${r.tickets} tickets`),
      series: [{ name: 'closed on time', values: periodRows.map((r) => r.compliancePct), className: 'c-met' }, { name: 'due-date compliance', values: periodRows.map((r) => r.complianceDuePct), className: 'c-due' }],
      width: chartW,
    }),
    chartLegend([['c-met', 'closed on time'], ['c-due', 'due-date compliance']]),
    heatTable(byBoth.rows)));

  out.append(charts);

  // Worst breaches.
  const worst = t.worstBreaches ?? [];
  const titleOf = (id) => tickets.find((x) => x.id === id)?.title ?? '';
  out.append(h('section.card', { 'aria-labelledby': 'wb-h' },
    h('h3#wb-h', 'Worst breaches'),
    worst.length ? h('div.table-wrap', h('table.worst', h('thead', h('tr', h('th', 'Ticket'), h('th', 'Title'), h('th', 'Target'), h('th', 'Over by (business time)'))),
      h('tbody', worst.map((w) => h('tr', { dataset: { ticket: w.ticketId, target: w.target } }, h('td', ticketLink(w.ticketId)), h('td', titleOf(w.ticketId)), h('td', targetLabel(w.target)), h('td.over', formatDuration(w.overByMs))))))) : h('p.muted', 'No breaches in the selection.')));

  // Times per priority and target.
  const tRows = [...byTarget.rows].sort((a, b) => sortPrio(a.key.priority, b.key.priority) || String(a.key.target).localeCompare(String(b.key.target)));
  out.append(h('section.card', h('h3', 'Per priority and target'),
    h('div.table-wrap', h('table.num-table', h('thead', h('tr', h('th', 'Priority'), h('th', 'Target'), h('th', 'Tickets'), h('th', 'Met'), h('th', 'Missed'), h('th', 'Breached'), h('th', 'Open'), h('th', 'Compliance'), h('th', 'Median time'), h('th', 'p90'))),
      h('tbody', tRows.map((r) => {
        const times = r.key.target === 'response' ? r.responseMs : r.key.target === 'resolution' ? r.resolutionMs : null;
        return h('tr', h('td', h('span', { class: `prio prio-${r.key.priority}` }, r.key.priority)), h('td', targetLabel(r.key.target)), h('td', r.tickets), h('td', r.met), h('td', r.missed), h('td', r.breached), h('td', r.inProgress + r.paused), h('td', pct(r.compliancePct)),
          h('td', times?.count ? formatDuration(times.median) : '—'), h('td', times?.count ? formatDuration(times.p90) : '—'));
      }))))));

  out.append(whatIf(now, chartW, o));
  return { el: out, csv: () => SlaCatalog.reportToCsv(byBoth) };
}

function heatTable(rows) {
  const prios = [...new Set(rows.map((r) => r.key.priority))].sort(sortPrio);
  const periods = [...new Set(rows.map((r) => r.key.period))].sort();
  const cell = (p, q) => rows.find((r) => r.key.priority === p && r.key.period === q);
  const shade = (v) => (v === null || v === undefined ? 'na' : v >= 95 ? 'g3' : v >= 85 ? 'g2' : v >= 70 ? 'g1' : 'r1');
  return h('div.table-wrap', h('table.heat', { 'aria-label': 'Compliance by priority and period' },
    h('thead', h('tr', h('th', 'Priority'), periods.map((q) => h('th', opts.period === 'month' ? monthLabel(q) : q)))),
    h('tbody', prios.map((p) => h('tr', h('th', { scope: 'row' }, p), periods.map((q) => {
      const r = cell(p, q);
      return h('td', { class: `heat-${shade(r?.compliancePct)}`, title: r ? `${r.met} met, ${r.missed} missed, ${r.breached} breached, ${r.inProgress + r.paused} open` : '' }, r ? pct(r.compliancePct) : '');
    }))))));
}

function whatIf(now, chartW, o) {
  const cat = catalog();
  const maxV = Math.max(1, ...(state.catalog.serviceLevels ?? []).map((l) => (l.versions ?? []).length));
  opts.before = Math.min(opts.before, maxV - 1);
  opts.after = Math.min(opts.after, maxV - 1);
  const card = h('section.card.whatif', { 'aria-labelledby': 'wi-h' });
  const sel = (key, label) => {
    const el = h('select', { 'aria-label': label, value: String(opts[key]), dataset: { key: `wi-${key}` }, on: { change: (e) => { opts[key] = Number(e.target.value); card.replaceWith(whatIf(nowMs(), chartW, baseOptions(nowMs()))); } } },
      Array.from({ length: maxV }, (_, i) => h('option', { value: String(i) }, `v${i + 1}${versionName(i)}`)));
    return el;
  };
  card.append(h('div.card-head', h('h3#wi-h', 'What if: the same tickets under two versions'), h('div.inline-field', h('span', 'Measure every ticket under'), sel('before', 'Before version'), h('span', 'and'), sel('after', 'After version'))));
  card.append(h('p.muted', 'Each ticket is measured twice: once against the first version of its service level, once against the second — whatever version was in force when it was created. This is the review’s question: would last year’s breaches have been met under the new agreement, and which tickets would the tighter targets have missed?'));
  if (opts.before === opts.after) {
    card.append(h('p.muted', 'Pick two different versions.'));
    return card;
  }
  const w = cat.whatIf(state.tickets, null, { ...o, groupBy: ['priority'], versionIndex: opts.before, proposedVersionIndex: opts.after });
  const rows = [...w.rows].sort((a, b) => sortPrio(a.key.priority, b.key.priority));
  const fixed = w.changed.filter((c) => (c.before === 'missed' || c.before === 'breached') && (c.after === 'met' || c.after === 'onTrack' || c.after === 'atRisk' || c.after === 'paused'));
  const broke = w.changed.filter((c) => (c.after === 'missed' || c.after === 'breached') && !(c.before === 'missed' || c.before === 'breached'));
  const a = `v${opts.before + 1}`;
  const b = `v${opts.after + 1}`;
  card.append(h('div.tiles',
    kpi(`Compliance under ${a}`, pct(w.totals.before.compliancePct), `${w.totals.before.met} met · ${w.totals.before.missed} missed`),
    kpi(`Compliance under ${b}`, pct(w.totals.after.compliancePct), `${w.totals.after.met} met · ${w.totals.after.missed} missed`),
    kpi('Change', w.totals.complianceDeltaPct === null ? '—' : `${w.totals.complianceDeltaPct >= 0 ? '+' : '−'}${Math.abs(w.totals.complianceDeltaPct).toFixed(1)} pp`, 'percentage points', w.totals.complianceDeltaPct >= 0 ? 'st-met' : 'st-breached'),
    kpi(`Breaches ${b} fixes`, String(fixed.length), `missed under ${a}, met under ${b}`, 'st-met'),
    kpi(`New misses under ${b}`, String(broke.length), 'the tighter targets', 'st-breached')));
  card.append(h('div.whatif-body',
    h('div.whatif-chart', groupedBars({
      title: `Compliance by priority, ${a} vs ${b}`,
      categories: rows.map((r) => r.key.priority),
      series: [{ name: a, values: rows.map((r) => r.before.compliancePct), className: 'c-before' }, { name: b, values: rows.map((r) => r.after.compliancePct), className: 'c-after' }],
      subLabels: rows.map((r) => (r.complianceDeltaPct === null ? '' : `${r.complianceDeltaPct >= 0 ? '+' : '−'}${Math.abs(r.complianceDeltaPct).toFixed(0)} pp`)),
      width: chartW,
    }), chartLegend([['c-before', `under ${a}`], ['c-after', `under ${b}`]])),
    h('div.table-wrap', h('table.changes', { 'aria-label': 'Targets whose status changes' },
      h('thead', h('tr', h('th', 'Ticket'), h('th', 'Target'), h('th', a), h('th', b), h('th', `Due under ${a}`), h('th', `Due under ${b}`))),
      h('tbody', w.changed.map((c) => h('tr', { dataset: { ticket: c.ticketId, target: c.target } },
        h('td', ticketLink(c.ticketId)), h('td', targetLabel(c.target)),
        h('td', c.before ? statusBadge(c.before, { small: true }) : '—'), h('td', c.after ? statusBadge(c.after, { small: true }) : '—'),
        h('td.nowrap', c.beforeDue ? formatIso(c.beforeDue, { year: false }) : '—'), h('td.nowrap', c.afterDue ? formatIso(c.afterDue, { year: false }) : '—'))))))));
  if (w.errors.length) card.append(h('p.muted', `${w.errors.length} ticket${w.errors.length === 1 ? '' : 's'} left out (no such version for their level): ${w.errors.map((e) => e.ticketId).join(', ')}.`));
  return card;
}

function versionName(i) {
  const names = new Set((state.catalog.serviceLevels ?? []).map((l) => l.versions?.[i]?.name).filter(Boolean));
  return names.size === 1 ? ` — ${[...names][0]}` : '';
}

export const reportsView = {
  id: 'reports',
  title: 'Reports',
  render(root) {
    const box = h('div');
    let computedAt = 0;
    let computedOverride = null;
    let current = null;
    const period = h('select', { value: opts.period, dataset: { key: 'rp-period' }, on: { change: (e) => { opts.period = e.target.value; draw(); } } },
      h('option', { value: 'month' }, 'Month'), h('option', { value: 'week' }, 'ISO week'), h('option', { value: 'day' }, 'Day'));
    const from = h('input', { type: 'date', value: opts.from, dataset: { key: 'rp-from' }, on: { change: (e) => { opts.from = e.target.value; draw(); } } });
    const to = h('input', { type: 'date', value: opts.to, dataset: { key: 'rp-to' }, on: { change: (e) => { opts.to = e.target.value; draw(); } } });
    const csv = h('button', { type: 'button', class: 'btn', on: { click: () => download('slaclock-report.csv', current.csv(), 'text/csv') } }, 'Export CSV');
    const label = (text, el) => h('label.inline-field', text, el);
    root.append(
      h('div.page-head', h('div', h('h1', 'Reports'), h('p', `Service level compliance of the ${state.tickets.length} tickets, measured at “now” (move the clock to replay). Periods are those of the ticket’s creation in ${zone()}.`)),
        h('div.report-controls', label('Period', period), label('Created from', from), label('until', to), csv)),
      box);
    const draw = () => {
      const now = nowMs();
      computedAt = now;
      computedOverride = nowOverride();
      try {
        current = content(now, root.clientWidth || 1200);
        box.replaceChildren(current.el, h('p.muted.small', `Measured at ${inZone(new Date(now).toISOString(), zone(), { seconds: true, withOffset: true })}.`));
      } catch (e) {
        box.replaceChildren(h('div.error-box', `${e.code ?? 'ERROR'} at ${e.path ?? ''}: ${e.message}`));
      }
    };
    draw();
    return {
      tick({ now }) {
        if (nowOverride() !== computedOverride || Math.abs(now - computedAt) > 60000) draw();
      },
    };
  },
};
