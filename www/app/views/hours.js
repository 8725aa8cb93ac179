// Business hours: the catalog's calendars — zone, weekly hours (several intervals a day),
// one-off exceptional days, recurring exceptional dates, holiday presets — with a week
// view and the special days the engine finds.

import { h, field, nextId, requestFocus } from '../dom.js';
import { presets, toZoned } from '../engine.js';
import { state, draftChanged, draftFindings, zones, nowMs, buildCalendar, calendarById } from '../store.js';
import { intervalsEditor } from '../intervals.js';
import { renderWeek, findOffsetChange } from '../weekview.js';
import { showFindings, findingsSummary } from '../findings.js';
import { WEEKDAYS, WEEKDAY_NAMES, addDays, weekdayIndex, longDate, shortDate } from '../time.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NTH = [[1, '1st'], [2, '2nd'], [3, '3rd'], [4, '4th'], [5, '5th'], [-1, 'last'], [-2, '2nd to last']];
const OBSERVED = [['none', 'not moved'], ['nearestWeekday', 'Sat → Fri, Sun → Mon'], ['nextWeekday', 'Sat/Sun → Mon'], ['sundayToMonday', 'Sun → Mon']];
const weekState = new Map(); // calendar index -> Monday shown

function zoneSelect(value, attrs) {
  const groups = new Map();
  for (const z of zones()) {
    const g = z.includes('/') ? z.split('/')[0] : 'Other';
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push(z);
  }
  const sel = h('select', attrs, [...groups].map(([g, list]) => h('optgroup', { label: g }, list.map((z) => h('option', { value: z }, z)))));
  if (!zones().includes(value)) sel.prepend(h('option', { value }, `${value} (unknown)`));
  sel.value = value;
  return sel;
}

function ruleKind(r) {
  if ('easterOffset' in r) return 'easter';
  if ('nth' in r) return 'nth';
  if (r.onOrAfter) return 'onOrAfter';
  if (r.onOrBefore) return 'onOrBefore';
  return 'fixed';
}

function todayIn(zone) {
  return toZoned(nowMs(), zone).slice(0, 10);
}

function usedBy(id) {
  const out = [];
  for (const l of state.draft.serviceLevels ?? []) (l.versions ?? []).forEach((v, i) => { if (v.calendar === id) out.push(`${l.name ?? l.id} v${i + 1}`); });
  for (const s2 of state.draft.services ?? []) if (s2.calendar === id) out.push(`service ${s2.name ?? s2.id}`);
  return out;
}

function newCalendar() {
  const ids = new Set((state.draft.calendars ?? []).map((c) => c.id));
  let n = 1;
  while (ids.has(`calendar-${n}`)) n += 1;
  const hours = [['09:00', '17:00']];
  return { id: `calendar-${n}`, name: `New calendar ${n}`, timeZone: state.draft.calendars?.[0]?.timeZone ?? 'UTC', weekly: Object.fromEntries(WEEKDAYS.slice(0, 5).map((d) => [d, hours.map((x) => [...x])])), exceptions: [], rules: [], presets: [] };
}

export const hoursView = {
  id: 'hours',
  title: 'Business hours',
  render(root, ctx) {
    const cals = (state.draft.calendars ??= []);
    let ci = 0;
    if (ctx.params[0] !== undefined) {
      const p = decodeURIComponent(ctx.params[0]);
      const byId = cals.findIndex((c) => c.id === p);
      ci = byId >= 0 ? byId : /^\d+$/.test(p) ? Math.min(Number(p), cals.length - 1) : 0;
    }
    const changed = (structural, focus) => {
      if (focus) requestFocus(focus);
      draftChanged({ structural });
    };
    const side = h('nav.side', { 'aria-label': 'Calendars' },
      h('div.side-head', h('h2', 'Calendars'), h('button', { type: 'button', class: 'btn small', dataset: { key: 'cal-new' }, on: { click: () => {
        cals.push(newCalendar());
        draftChanged({ structural: true });
        location.hash = `#/hours/${cals.length - 1}`;
      } } }, '+ New')),
      h('ul.side-list', cals.map((c, i) => h('li', h('a', { href: `#/hours/${i}`, 'aria-current': i === ci ? 'page' : null, dataset: { path: `calendars[${i}]` } },
        h('strong', c.name || c.id || `(calendar ${i + 1})`), h('span.sub', `${c.id ?? '—'} · ${c.timeZone ?? '—'}`))))));
    const summaryBox = h('div');
    const page = h('div.hours-main');
    root.append(
      h('div.page-head', h('div', h('h1', 'Business hours'), h('p', 'The hours each clock counts: wall-clock hours in the calendar’s time zone, exceptional days and dates, and national holidays. Changes apply to every ticket at once — the week view and due times are recomputed by the engine as you type.'))),
      summaryBox,
      h('div.two-col', side, page));
    const cal = cals[ci];
    if (!cal) {
      page.append(h('div.card', h('p', 'No calendars yet. '), h('button', { type: 'button', class: 'btn primary', on: { click: () => { cals.push(newCalendar()); draftChanged({ structural: true }); } } }, 'Add a calendar')));
      return {};
    }
    const P = `calendars[${ci}]`;
    cal.weekly ??= {};
    cal.exceptions ??= [];
    cal.rules ??= [];
    cal.presets ??= [];
    const zone = () => cal.timeZone;

    // --- General
    const idIn = h('input', { type: 'text', value: cal.id ?? '', dataset: { path: `${P}.id`, key: `${P}.id` }, autocomplete: 'off',
      on: { change: (e) => {
        const old = cal.id;
        const v = e.target.value.trim();
        cal.id = v;
        // Keep references pointing at the renamed calendar.
        for (const l of state.draft.serviceLevels ?? []) for (const v2 of l.versions ?? []) if (v2.calendar === old) v2.calendar = v;
        for (const s2 of state.draft.services ?? []) if (s2.calendar === old) s2.calendar = v;
        draftChanged({ structural: true });
      } } });
    const nameIn = h('input', { type: 'text', value: cal.name ?? '', dataset: { path: `${P}.name`, key: `${P}.name` }, on: { change: (e) => { cal.name = e.target.value; draftChanged({ structural: true }); } } });
    const tz = zoneSelect(cal.timeZone, { dataset: { path: `${P}.timeZone`, key: `${P}.timeZone` }, on: { change: (e) => { cal.timeZone = e.target.value; changed(true); } } });
    const used = usedBy(cal.id);
    const del = h('button', { type: 'button', class: 'btn danger', on: { click: () => {
      if (!confirm(`Delete the calendar ${cal.id}?${used.length ? ` It is used by ${used.join(', ')}.` : ''}`)) return;
      cals.splice(ci, 1);
      draftChanged({ structural: true });
      location.hash = '#/hours';
    } } }, 'Delete calendar');
    const dup = h('button', { type: 'button', class: 'btn', on: { click: () => {
      const c = JSON.parse(JSON.stringify(cal));
      c.id = `${cal.id}-copy`;
      c.name = `${cal.name ?? cal.id} (copy)`;
      cals.push(c);
      draftChanged({ structural: true });
      location.hash = `#/hours/${cals.length - 1}`;
    } } }, 'Duplicate');
    page.append(h('section.card', { dataset: { path: P } },
      h('div.card-head', h('h2', cal.name || cal.id), h('div.row-actions', dup, del)),
      h('div.form-grid',
        field('Id', idIn, { hint: 'Service levels and services refer to the calendar by id.' }),
        field('Name', nameIn),
        field('Time zone', tz, { hint: `${zones().length} IANA zones; the hours below are wall-clock hours there.` })),
      h('p.muted', used.length ? `Used by ${used.join(', ')}.` : 'Not used by any service level or service yet.')));

    // --- Weekly hours
    const weekly = h('div.weekly-grid', { dataset: { path: `${P}.weekly` } });
    WEEKDAYS.forEach((d, di) => {
      const list = Array.isArray(cal.weekly[d]) ? cal.weekly[d] : (cal.weekly[d] = []);
      const copy = h('button', { type: 'button', class: 'btn small', title: 'Copy these hours to every weekday (Mon–Fri)', 'aria-label': `Copy ${WEEKDAY_NAMES[di]} hours to Monday to Friday`, dataset: { key: `${P}.copy.${d}` },
        on: { click: () => { for (const x of WEEKDAYS.slice(0, 5)) cal.weekly[x] = list.map((iv) => (Array.isArray(iv) ? [...iv] : { ...iv })); changed(true); } } }, 'Copy to Mon–Fri');
      weekly.append(h('div.weekday-row', { dataset: { day: d } },
        h('div.weekday-name', WEEKDAY_NAMES[di]),
        intervalsEditor(list, `${P}.weekly.${d}`, WEEKDAY_NAMES[di], changed, { addLabel: 'Add hours' }),
        h('div.weekday-tools', copy)));
    });
    page.append(h('section.card', h('div.card-head', h('h3', 'Weekly hours'), h('span.muted', 'Several intervals a day (a lunch break is two intervals); an end not after its start runs overnight; 24:00 ends at midnight.')), weekly));

    // --- Week view
    const weekBox = h('div.week-box');
    const weekNote = h('p.muted.week-note');
    const weekSpecial = h('ul.week-special');
    let monday = weekState.get(ci) ?? addDays(todayIn(zone()), -weekdayIndex(todayIn(zone())));
    const weekLabel = h('strong.week-label');
    const setWeek = (m) => { monday = m; weekState.set(ci, m); drawWeek(); };
    const goDate = h('input', { type: 'date', 'aria-label': 'Show the week of', value: monday, on: { change: (e) => { if (e.target.value) setWeek(addDays(e.target.value, -weekdayIndex(e.target.value))); } } });
    const navBtn = (label, fn, aria) => h('button', { type: 'button', class: 'btn small', 'aria-label': aria ?? label, on: { click: fn } }, label);
    const dstBtn = (dir) => navBtn(dir > 0 ? 'Next DST change ⇥' : '⇤ Previous DST change', () => {
      const d = findOffsetChange(dir > 0 ? addDays(monday, 6) : monday, zone(), dir);
      if (d) setWeek(addDays(d, -weekdayIndex(d)));
      else weekNote.textContent = `${zone()} has no offset change within two years.`;
    });
    function drawWeek() {
      const built = buildCalendar(cal);
      const c = built ?? calendarById(cal.id);
      goDate.value = monday;
      weekLabel.textContent = `${longDate(monday)} – ${longDate(addDays(monday, 6))}`;
      if (!c) {
        weekBox.replaceChildren(h('div.error-box', 'This calendar has an error (see the messages above), so it cannot be drawn yet.'));
        built?.free();
        return;
      }
      let special = [];
      try {
        special = c.specialDays(monday, addDays(monday, 6));
      } catch {
        special = [];
      }
      const { svg, lengths } = renderWeek({ calendar: c, zone: c.timeZone, monday, width: weekBox.clientWidth || 900, special });
      weekBox.replaceChildren(svg);
      const notes = [];
      if (!built) notes.push('The calendar has an error: showing the last valid version.');
      lengths.forEach((len, i) => { if (len !== 24) notes.push(`${shortDate(addDays(monday, i))} has ${len} hours (clocks ${len < 24 ? 'spring forward' : 'fall back'}): the column is ${len < 24 ? 'shorter' : 'longer'}, labels show that day’s wall-clock times.`); });
      weekNote.textContent = notes.join(' ');
      weekSpecial.replaceChildren(...special.map((x) => h('li', h('strong', shortDate(x.date)), ` ${x.name ?? ''} — ${x.closed ? 'closed' : `special hours ${x.hours.map((p) => p.join('–')).join(', ')}`} `, h('span.tag', x.source === 'preset' ? `${x.preset} holiday` : x.source))));
      built?.free();
    }
    page.append(h('section.card.week-card',
      h('div.card-head', h('h3', 'Week view'), h('div.week-nav', { role: 'group', 'aria-label': 'Week' },
        navBtn('◀', () => setWeek(addDays(monday, -7)), 'Previous week'),
        navBtn('This week', () => setWeek(addDays(todayIn(zone()), -weekdayIndex(todayIn(zone()))))),
        navBtn('▶', () => setWeek(addDays(monday, 7)), 'Next week'),
        goDate, dstBtn(-1), dstBtn(1))),
      h('p', weekLabel, h('span.muted', ` · ${cal.timeZone}`)),
      weekBox, weekNote, weekSpecial));

    // --- Exceptional days (one-off)
    const exBody = h('div.rows');
    cal.exceptions.forEach((ex, k) => {
      const EP = `${P}.exceptions[${k}]`;
      const range = 'from' in ex || 'to' in ex;
      const kind = h('select', { 'aria-label': `Exceptional day ${k + 1}: one day or a range`, value: range ? 'range' : 'date', dataset: { key: `${EP}.kind` },
        on: { change: (e) => {
          if (e.target.value === 'range') { ex.from = ex.date ?? todayIn(zone()); ex.to = ex.from; delete ex.date; } else { ex.date = ex.from ?? todayIn(zone()); delete ex.from; delete ex.to; }
          changed(true);
        } } }, h('option', { value: 'date' }, 'One day'), h('option', { value: 'range' }, 'Date range'));
      const dateIn = (key, label) => h('input', { type: 'date', value: ex[key] ?? '', 'aria-label': `Exceptional day ${k + 1} ${label}`, dataset: { path: `${EP}.${key}`, key: `${EP}.${key}` },
        on: { change: (e) => { ex[key] = e.target.value; changed(false); } } });
      const dates = range ? h('span.inline-field', dateIn('from', 'from'), '–', dateIn('to', 'to')) : dateIn('date', 'date');
      const special = Array.isArray(ex.hours) && ex.closed !== true;
      const mode = h('select', { 'aria-label': `Exceptional day ${k + 1}: closed or special hours`, value: special ? 'hours' : 'closed', dataset: { path: `${EP}.closed`, key: `${EP}.mode` },
        on: { change: (e) => {
          if (e.target.value === 'hours') { delete ex.closed; ex.hours = [['09:00', '12:00']]; } else { delete ex.hours; ex.closed = true; }
          changed(true);
        } } }, h('option', { value: 'closed' }, 'Closed all day'), h('option', { value: 'hours' }, 'Special hours'));
      const name = h('input', { type: 'text', value: ex.name ?? '', placeholder: 'Name (e.g. Office move)', 'aria-label': `Exceptional day ${k + 1} name`, dataset: { path: `${EP}.name`, key: `${EP}.name` },
        on: { change: (e) => { ex.name = e.target.value; changed(false); } } });
      const del = h('button', { type: 'button', class: 'btn icon danger', 'aria-label': `Delete exceptional day ${k + 1}`, on: { click: () => { cal.exceptions.splice(k, 1); changed(true); } } }, '✕');
      exBody.append(h('div.rule-row', { dataset: { path: EP } },
        h('div.rule-main', kind, dates, name, mode, del),
        special ? intervalsEditor(ex.hours, `${EP}.hours`, `Exceptional day ${k + 1}`, changed, { emptyText: 'Closed (no hours)' }) : null));
    });
    if (!cal.exceptions.length) exBody.append(h('p.muted', 'None. One-off days override everything else: an office move, a training afternoon, a year-end shutdown.'));
    page.append(h('section.card', { dataset: { path: `${P}.exceptions` } },
      h('div.card-head', h('h3', 'Exceptional days (one-off)'), h('button', { type: 'button', class: 'btn small', dataset: { key: `${P}.exceptions.add` }, on: { click: () => {
        cal.exceptions.push({ date: addDays(todayIn(zone()), 7), closed: true, name: '' });
        changed(true, `${P}.exceptions[${cal.exceptions.length - 1}].date`);
      } } }, '+ Add exceptional day')),
      exBody));

    // --- Exceptional dates (recurring rules)
    const computeNext = () => {
      try {
        const c = buildCalendar(cal);
        if (!c) return null;
        const out = c.specialDays(todayIn(zone()), addDays(todayIn(zone()), 800));
        c.free();
        return out;
      } catch {
        return null;
      }
    };
    let nextDays = computeNext() ?? [];
    const nextSpans = [];
    const nextText = (k) => {
      const next = nextDays.filter((x) => x.path === `rules[${k}]`).slice(0, 2).map((x) => longDate(x.date));
      return next.length ? `Next: ${next.join(', ')}` : 'No date in the next two years';
    };
    const ruleBody = h('div.rows');
    cal.rules.forEach((r, k) => {
      const RP = `${P}.rules[${k}]`;
      const kindNow = ruleKind(r);
      const kind = h('select', { 'aria-label': `Exceptional date ${k + 1} kind`, value: kindNow, dataset: { key: `${RP}.kind` },
        on: { change: (e) => {
          const keep = { name: r.name, closed: r.closed, hours: r.hours, observed: r.observed, firstYear: r.firstYear, lastYear: r.lastYear };
          for (const key of Object.keys(r)) delete r[key];
          const base = { fixed: { month: 12, day: 24 }, nth: { month: 11, weekday: 'thu', nth: 4 }, onOrAfter: { month: 6, day: 20, weekday: 'sat', onOrAfter: true }, onOrBefore: { month: 5, day: 31, weekday: 'mon', onOrBefore: true }, easter: { easterOffset: -2 } }[e.target.value];
          Object.assign(r, base);
          for (const [kk, vv] of Object.entries(keep)) if (vv !== undefined) r[kk] = vv;
          changed(true);
        } } },
        h('option', { value: 'fixed' }, 'Same date every year'), h('option', { value: 'nth' }, 'N-th weekday of a month'), h('option', { value: 'onOrAfter' }, 'Weekday on or after a date'), h('option', { value: 'onOrBefore' }, 'Weekday on or before a date'), h('option', { value: 'easter' }, 'Days from Easter'));
      const num = (key, label, attrs = {}) => h('input', { type: 'number', value: r[key] ?? '', 'aria-label': `Exceptional date ${k + 1} ${label}`, dataset: { path: `${RP}.${key}`, key: `${RP}.${key}` }, class: 'num-input', ...attrs,
        on: { input: (e) => { if (e.target.value === '') delete r[key]; else r[key] = Number(e.target.value); changed(false); } } });
      const month = h('select', { 'aria-label': `Exceptional date ${k + 1} month`, value: String(r.month ?? 1), dataset: { path: `${RP}.month`, key: `${RP}.month` }, on: { change: (e) => { r.month = Number(e.target.value); changed(false); } } }, MONTHS.map((m, i) => h('option', { value: String(i + 1) }, m)));
      const weekday = h('select', { 'aria-label': `Exceptional date ${k + 1} weekday`, value: String(r.weekday ?? 'mon').slice(0, 3).toLowerCase(), dataset: { path: `${RP}.weekday`, key: `${RP}.weekday` }, on: { change: (e) => { r.weekday = e.target.value; changed(false); } } }, WEEKDAYS.map((d, i) => h('option', { value: d }, WEEKDAY_NAMES[i])));
      const nth = h('select', { 'aria-label': `Exceptional date ${k + 1} which`, value: String(r.nth ?? 1), dataset: { path: `${RP}.nth`, key: `${RP}.nth` }, on: { change: (e) => { r.nth = Number(e.target.value); changed(false); } } }, NTH.map(([v, l]) => h('option', { value: String(v) }, l)));
      let what;
      if (kindNow === 'fixed') what = [month, num('day', 'day', { min: 1, max: 31 })];
      else if (kindNow === 'nth') what = [nth, weekday, h('span', 'of'), month];
      else if (kindNow === 'onOrAfter' || kindNow === 'onOrBefore') what = [weekday, h('span', kindNow === 'onOrAfter' ? 'on or after' : 'on or before'), month, num('day', 'day', { min: 1, max: 31 })];
      else what = [num('easterOffset', 'days from Easter Sunday', { min: -365, max: 365 }), h('span.muted', 'days from Easter Sunday (Good Friday −2, Ascension +39)')];
      const observed = h('select', { 'aria-label': `Exceptional date ${k + 1} weekend rule`, value: r.observed ?? 'none', dataset: { path: `${RP}.observed`, key: `${RP}.observed` },
        on: { change: (e) => { if (e.target.value === 'none') delete r.observed; else r.observed = e.target.value; changed(false); } } }, OBSERVED.map(([v, l]) => h('option', { value: v }, `On a weekend: ${l}`)));
      const special = Array.isArray(r.hours) && r.closed !== true;
      const mode = h('select', { 'aria-label': `Exceptional date ${k + 1}: closed or special hours`, value: special ? 'hours' : 'closed', dataset: { path: `${RP}.closed`, key: `${RP}.mode` },
        on: { change: (e) => {
          if (e.target.value === 'hours') { delete r.closed; r.hours = [['09:00', '12:00']]; } else { delete r.hours; delete r.closed; }
          changed(true);
        } } }, h('option', { value: 'closed' }, 'Closed all day'), h('option', { value: 'hours' }, 'Special hours'));
      const name = h('input', { type: 'text', value: r.name ?? '', placeholder: 'Name', 'aria-label': `Exceptional date ${k + 1} name`, dataset: { path: `${RP}.name`, key: `${RP}.name` }, on: { change: (e) => { r.name = e.target.value; changed(false); } } });
      const years = h('span.inline-field', num('firstYear', 'first year', { placeholder: 'from year', min: 1, max: 9999 }), '–', num('lastYear', 'last year', { placeholder: 'to year', min: 1, max: 9999 }));
      const del = h('button', { type: 'button', class: 'btn icon danger', 'aria-label': `Delete exceptional date ${k + 1}`, on: { click: () => { cal.rules.splice(k, 1); changed(true); } } }, '✕');
      const nextEl = h('span.muted.next', nextText(k));
      nextSpans.push([k, nextEl]);
      ruleBody.append(h('div.rule-row', { dataset: { path: RP } },
        h('div.rule-main', name, kind, ...what, del),
        h('div.rule-main', observed, mode, years, nextEl),
        special ? intervalsEditor(r.hours, `${RP}.hours`, `Exceptional date ${k + 1}`, changed, { emptyText: 'Closed (no hours)' }) : null));
    });
    if (!cal.rules.length) ruleBody.append(h('p.muted', 'None. Recurring dates repeat every year: Christmas Eve, the 4th Thursday of November, Good Friday.'));
    page.append(h('section.card', { dataset: { path: `${P}.rules` } },
      h('div.card-head', h('h3', 'Exceptional dates (recurring)'), h('button', { type: 'button', class: 'btn small', dataset: { key: `${P}.rules.add` }, on: { click: () => {
        cal.rules.push({ name: '', month: 12, day: 24 });
        changed(true, `${P}.rules[${cal.rules.length - 1}].name`);
      } } }, '+ Add exceptional date')),
      ruleBody));

    // --- Presets
    const presetBox = h('div.preset-grid', { dataset: { path: `${P}.presets` } }, presets().map((p) => {
      const id = nextId('preset');
      const cb = h('input', { type: 'checkbox', id, checked: cal.presets.includes(p.id), dataset: { key: `${P}.preset.${p.id}` },
        on: { change: (e) => {
          const set = new Set(cal.presets);
          if (e.target.checked) set.add(p.id);
          else set.delete(p.id);
          cal.presets = [...set];
          changed(true);
        } } });
      return h('label.preset', { htmlFor: id }, cb, h('span', h('strong', p.id), ' ', p.name));
    }));
    page.append(h('section.card', h('div.card-head', h('h3', 'National holidays (presets)'), h('span.muted', 'Import a country’s public holidays (1970–2100): those days close the service.')), presetBox));

    // --- Upcoming special days
    const upcomingBox = h('div');
    const drawUpcoming = () => {
      const upcoming = nextDays.filter((x) => x.date <= addDays(todayIn(zone()), 120));
      upcomingBox.replaceChildren(upcoming.length ? h('div.table-wrap', h('table', h('thead', h('tr', h('th', 'Date'), h('th', 'Name'), h('th', 'Hours'), h('th', 'Decided by'), h('th', ''))),
        h('tbody', upcoming.map((x) => h('tr', h('td', longDate(x.date)), h('td', x.name ?? '—'), h('td', x.closed ? 'Closed' : x.hours.map((p) => p.join('–')).join(', ')),
          h('td', x.source === 'preset' ? `${x.preset} preset` : x.source === 'rule' ? 'exceptional date' : 'exceptional day', ' ', h('code', x.path)),
          h('td', h('button', { type: 'button', class: 'btn small', 'aria-label': `Show the week of ${longDate(x.date)}`, on: { click: () => { setWeek(addDays(x.date, -weekdayIndex(x.date))); weekBox.scrollIntoView({ block: 'center' }); } } }, 'Show week'))))))) : h('p.muted', 'None.'));
    };
    drawUpcoming();
    page.append(h('section.card', h('h3', 'Special days in the next 120 days'), upcomingBox));

    const refresh = () => {
      const fs = draftFindings().filter((f) => f.path.startsWith('calendars'));
      summaryBox.replaceChildren(findingsSummary(() => root, fs, state.draft, { title: 'Calendars', emptyText: 'All calendars are valid.' }));
      showFindings(page, fs);
      const nd = computeNext();
      if (nd) {
        nextDays = nd;
        for (const [k, el] of nextSpans) el.textContent = nextText(k);
        drawUpcoming();
      }
      for (const a of side.querySelectorAll('a[data-path]')) {
        const n = fs.filter((f) => f.severity === 'error' && (f.path === a.dataset.path || f.path.startsWith(`${a.dataset.path}.`))).length;
        a.querySelector('.err-count')?.remove();
        if (n) a.append(h('span.err-count', `${n} error${n === 1 ? '' : 's'}`));
      }
      drawWeek();
    };
    requestAnimationFrame(() => drawWeek());
    refresh();
    return { onDraft: refresh };
  },
};
