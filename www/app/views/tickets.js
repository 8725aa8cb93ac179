// Tickets: the list with live status, and one ticket's targets (due in the calendar's and
// the viewer's zone, countdown, percent used, status), its timeline and its events.

import { h, field, announce, nextId } from '../dom.js';
import { fromLocal, toZoned } from '../engine.js';
import { state, nowMs, viewerZone, ticketsChanged, calendarById, catalog } from '../store.js';
import { statusBadge, setBadge, targetLabel, EVENT_TYPES, KNOWN_REASONS, inZone, zoneShort, STATUS, STATUS_ORDER } from '../format.js';
import { formatCountdown, formatDuration, localInputValue, formatIso } from '../time.js';
import { serviceById, levelById, targetDef, prioritiesFor, ticketZone, levelLabel, services, calendarIdFor } from '../model.js';
import { renderTimeline, timelineLegend } from '../timeline.js';
import { showFindings } from '../findings.js';

let filter = 'all';
let query = '';

const secondsNow = () => Math.floor(nowMs() / 1000) * 1000;

function worstStatus(ev) {
  if (!ev || ev.error) return null;
  let best = null;
  for (const t of ev.targets) if (best === null || STATUS_ORDER.indexOf(t.status) < STATUS_ORDER.indexOf(best)) best = t.status;
  return best;
}

function isOpen(ev) {
  return ev && !ev.error && ev.targets.some((t) => !['met', 'missed'].includes(t.status));
}

/** The text of a target's countdown cell at `now`. */
function countdownText(t, now) {
  switch (t.status) {
    case 'met':
      return `met with ${formatDuration(t.remainingMs)} to spare`;
    case 'missed':
      return `missed by ${formatDuration(-t.remainingMs)}`;
    case 'paused':
      return `paused · ${formatDuration(t.remainingMs, { seconds: true })} left`;
    case 'breached':
      return t.breachedAt ? `overdue by ${formatCountdown(now - Date.parse(t.breachedAt))}` : 'overdue';
    default:
      return t.due ? `due in ${formatCountdown(Date.parse(t.due) - now)}` : '—';
  }
}

function setDue(el, iso, zone, empty) {
  if (!iso) {
    el.replaceChildren(empty);
    el.dataset.iso = '';
    return;
  }
  const z = toZoned(iso, zone);
  if (el.dataset.iso === z) return;
  el.dataset.iso = z;
  el.title = z;
  el.replaceChildren(h('span.due-main', formatIso(z, { year: false })), h('span.cell-sub', ` UTC${z.slice(19).replace(/^\.\d+/, '').replace('Z', '+00:00')}`));
}

function isoTime(z) {
  return z.slice(11, 16);
}

function percentMeter(pct) {
  const el = h('div.meter', { role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-label': 'Percent of the target used' }, h('div.meter-fill'), h('span.meter-text'));
  setMeter(el, pct);
  return el;
}

function setMeter(el, pct) {
  const v = pct ?? 0;
  el.setAttribute('aria-valuenow', Math.round(v));
  el.firstChild.style.width = `${Math.min(100, Math.max(0, v))}%`;
  el.classList.toggle('over', v >= 100);
  el.classList.toggle('warn', v >= 75 && v < 100);
  el.lastChild.textContent = pct === null || pct === undefined ? '—' : `${v.toFixed(1)} %`;
  el.dataset.percent = v.toFixed(1);
}

// ---------------------------------------------------------------------------------------
// List

function ticketCard(ticket, index, selected) {
  const a = h('a.ticket-card', { href: `#/tickets/${encodeURIComponent(ticket.id)}`, 'aria-current': selected ? 'page' : null, dataset: { ticket: ticket.id } });
  const update = (ev, now) => {
    const worst = worstStatus(ev);
    a.className = `ticket-card${worst ? ` st-${worst}` : ' has-error'}`;
    const svc = serviceById(ticket.service);
    const head = h('div.tc-top',
      h('span.tc-id', ticket.id),
      h('span', { class: `prio prio-${ticket.priority}` }, ev && !ev.error ? ev.priority : ticket.priority),
      h('span.tc-level', ev && !ev.error ? levelLabel(ev) : ''),
    );
    const title = h('div.tc-title', ticket.title || '(untitled)');
    const sub = h('div.tc-sub', svc?.name ?? ticket.service);
    let targets;
    if (!ev || ev.error) {
      targets = h('div.tc-error', `⚠ ${ev?.error?.code ?? 'ERROR'} at ${ev?.error?.path || 'ticket'}: ${ev?.error?.message ?? ''}`);
    } else {
      targets = h('ul.tc-targets', ev.targets.map((t) => h('li', { dataset: { target: t.name } },
        h('span', { class: `dot st-${t.status}`, 'aria-hidden': 'true' }, STATUS[t.status].icon),
        h('span.tc-tname', targetLabel(t.name)),
        h('span', { class: `tc-state st-${t.status}` }, STATUS[t.status].label),
        ['onTrack', 'atRisk', 'breached'].includes(t.status)
          ? h('span.tc-due', { dataset: { field: 'due' } }, `due ${inZone(t.due, ticketZone(ticket, ev), { year: false })}`, ' · ', h('span.countdown', countdownText(t, now)))
          : null,
      )));
    }
    a.replaceChildren(head, title, sub, targets);
  };
  return { el: h('li', a), update, index };
}

function sortedIndices(evals) {
  const idx = state.tickets.map((_, i) => i);
  const key = (i) => {
    const ev = evals[i];
    if (!ev || ev.error) return [0, 0];
    const open = isOpen(ev);
    if (open) {
      const dues = ev.targets.filter((t) => !['met', 'missed'].includes(t.status) && t.due).map((t) => Date.parse(t.due));
      return [1, dues.length ? Math.min(...dues) : Infinity];
    }
    return [2, -Date.parse(state.tickets[i].createdAt)];
  };
  return idx.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka[0] - kb[0] || ka[1] - kb[1];
  });
}

function matches(i, ev) {
  const t = state.tickets[i];
  if (query) {
    const q = query.toLowerCase();
    if (![t.id, t.title, t.service, serviceById(t.service)?.name].some((x) => String(x ?? '').toLowerCase().includes(q))) return false;
  }
  if (filter === 'open') return isOpen(ev);
  if (filter === 'breached') return ev && !ev.error && ev.targets.some((x) => x.status === 'breached' || x.status === 'missed');
  if (filter === 'closed') return ev && !ev.error && !isOpen(ev);
  return true;
}

// ---------------------------------------------------------------------------------------
// Overview (nothing selected)

function overview(evals) {
  const counts = { open: 0, atRisk: 0, breached: 0, paused: 0 };
  const tiles = h('div.tiles');
  const update = (evs) => {
    counts.open = evs.filter(isOpen).length;
    const all = evs.filter((e) => e && !e.error).flatMap((e) => e.targets);
    counts.atRisk = all.filter((t) => t.status === 'atRisk').length;
    counts.breached = all.filter((t) => t.status === 'breached').length;
    counts.paused = all.filter((t) => t.status === 'paused').length;
    const met = all.filter((t) => t.status === 'met').length;
    const missed = all.filter((t) => t.status === 'missed').length;
    tiles.replaceChildren(
      tile('Open tickets', counts.open, ''),
      tile('Targets at risk', counts.atRisk, 'st-atRisk'),
      tile('Breached now', counts.breached, 'st-breached'),
      tile('Paused', counts.paused, 'st-paused'),
      tile('Closed on time', met + missed ? `${((met / (met + missed)) * 100).toFixed(0)} %` : '—', 'st-met', `${met} met, ${missed} missed`),
    );
  };
  // Open targets, soonest due first.
  const liveBody = h('tbody');
  const viewer = viewerZone();
  const liveRows = [];
  const buildLive = (evs) => {
    liveRows.length = 0;
    liveBody.replaceChildren();
    const items = [];
    evs.forEach((e, i) => {
      if (!e || e.error) return;
      for (const t of e.targets) if (['onTrack', 'atRisk', 'breached', 'paused'].includes(t.status)) items.push({ i, e, t });
    });
    items.sort((a, b) => (a.t.due ? Date.parse(a.t.due) : Infinity) - (b.t.due ? Date.parse(b.t.due) : Infinity));
    for (const { i, e, t } of items) {
      const ticket = state.tickets[i];
      const zone = ticketZone(ticket, e);
      const badge = statusBadge(t.status, { small: true });
      const cd = h('span.countdown');
      liveRows.push({ i, name: t.name, badge, cd });
      liveBody.append(h('tr', { dataset: { ticket: ticket.id, target: t.name } },
        h('td', h('a', { href: `#/tickets/${encodeURIComponent(ticket.id)}` }, ticket.id), h('div.cell-sub', ticket.title ?? '')),
        h('td', targetLabel(t.name)), h('td', badge),
        h('td.nowrap', { dataset: { field: 'due-cal' } }, t.due ? inZone(t.due, zone, { year: false }) : '—'),
        h('td.nowrap', { dataset: { field: 'due-viewer' } }, t.due ? inZone(t.due, viewer, { year: false }) : '—'),
        h('td', cd)));
    }
    if (!items.length) liveBody.append(h('tr', h('td', { colSpan: 6, class: 'muted' }, 'No open targets.')));
  };
  let liveKey = '';
  const updateLive = (evs, now) => {
    const key = JSON.stringify(evs.map((e) => (e && !e.error ? e.targets.map((t) => [t.status, t.due]) : null)));
    if (key !== liveKey) {
      liveKey = key;
      buildLive(evs);
    }
    for (const r of liveRows) {
      const t = evs[r.i]?.targets?.find((x) => x.name === r.name);
      if (t) r.cd.textContent = countdownText(t, now);
    }
  };
  const update0 = update;
  const updateAll = (evs, now) => { update0(evs); updateLive(evs, now); };
  updateAll(evals, nowMs());
  const el = h('section.card.overview', { 'aria-labelledby': 'ov-h' },
    h('h2#ov-h', 'Service desk overview'),
    h('p.muted', 'Every figure is measured live in your browser by the slaclock engine against the catalog on the Service levels page. Pick a ticket to see its targets, timeline and events.'),
    tiles,
    h('h3', 'Open targets'),
    h('div.table-wrap', h('table.live-targets', h('thead', h('tr', h('th', 'Ticket'), h('th', 'Target'), h('th', 'Status'), h('th', 'Due (calendar zone)'), h('th', viewer === 'Europe/Helsinki' ? 'Due (your zone)' : `Due (you: ${zoneShort(viewer)})`), h('th', 'Countdown'))), liveBody)),
    h('div.explainer',
      h('h3', 'The scenario'),
      h('p', state.catalog?.description ?? ''),
      h('p', 'XYZ Company develops and runs software for Northwind Logistics. In the annual service review the agreement changed: tighter resolution targets, longer support hours for Gold (07:00–20:00 and Saturday mornings), and time spent waiting for the customer no longer counts. Tickets created before the review are measured against v1, later ones against v2; the Reports page replays all of them under both.'),
    ));
  return { el, update: updateAll };
}

function tile(label, value, cls, sub) {
  return h('div', { class: `tile ${cls}` }, h('div.tile-value', String(value)), h('div.tile-label', label), sub ? h('div.tile-sub', sub) : null);
}

// ---------------------------------------------------------------------------------------
// Detail

function targetsTable(ticket, zone) {
  const viewer = viewerZone();
  const tbody = h('tbody');
  const table = h('table.targets', { 'aria-label': `Targets of ${ticket.id}` },
    h('thead', h('tr',
      h('th', { scope: 'col' }, 'Target'),
      h('th', { scope: 'col' }, 'Status'),
      h('th', { scope: 'col' }, `Due (${zoneShort(zone)})`),
      h('th', { scope: 'col' }, viewer === zone ? 'Due (your zone)' : `Due (you: ${zoneShort(viewer)})`),
      h('th', { scope: 'col' }, 'Countdown · business time left'),
      h('th', { scope: 'col' }, 'Used'),
    )),
    tbody);
  let names = '';
  const rows = new Map();
  const update = (ev, now) => {
    const key = ev.targets.map((t) => t.name).join(',');
    if (key !== names) {
      names = key;
      rows.clear();
      tbody.replaceChildren();
      if (!ev.targets.length) tbody.append(h('tr', h('td', { colSpan: 6, class: 'muted' }, `Priority ${ev.priority} has no targets in ${levelLabel(ev)}.`)));
      for (const t of ev.targets) {
        const def = targetDef(ev, t.name);
        const r = {
          status: statusBadge(t.status),
          dueCal: h('span', { dataset: { field: 'due-cal' } }),
          dueViewer: h('span', { dataset: { field: 'due-viewer' } }),
          countdown: h('span.countdown', { dataset: { field: 'countdown' } }),
          remaining: h('span', { dataset: { field: 'remaining' } }),
          meter: percentMeter(t.percentUsed),
          warn: h('div.warn-list'),
        };
        r.status.dataset.field = 'status';
        rows.set(t.name, r);
        tbody.append(h('tr', { dataset: { target: t.name } },
          h('th', { scope: 'row' }, targetLabel(t.name), h('div.cell-sub', def ? `${def.clock === 'calendar' ? '24×7' : 'business'} clock` : '')),
          h('td', { dataset: { label: 'Status' } }, r.status),
          h('td', { dataset: { label: `Due (${zoneShort(zone)})` } }, r.dueCal),
          h('td', { dataset: { label: `Due (${zoneShort(viewer)})` } }, r.dueViewer),
          h('td', { dataset: { label: 'Countdown' } }, r.countdown, h('div.cell-sub', r.remaining, ' business time left')),
          h('td', { dataset: { label: 'Used' } }, r.meter, r.warn),
        ));
      }
    }
    for (const t of ev.targets) {
      const r = rows.get(t.name);
      if (r.status.dataset.status !== t.status) setBadge(r.status, t.status);
      setDue(r.dueCal, t.due, zone, t.status === 'paused' ? 'paused — no due time' : '—');
      setDue(r.dueViewer, t.due, viewer, '—');
      r.countdown.textContent = countdownText(t, now);
      r.remaining.textContent = formatDuration(t.remainingMs, { seconds: true });
      r.remaining.dataset.ms = String(t.remainingMs);
      setMeter(r.meter, t.percentUsed);
      const ws = (t.warnings ?? []).filter((w) => w.at).map((w) => `${w.reached ? '⚑' : '⚐'} ${Math.round(w.threshold * 100)} % ${isoTime(toZoned(w.at, zone))}`);
      r.warn.textContent = ws.join('  ');
      r.warn.title = (t.warnings ?? []).map((w) => `${Math.round(w.threshold * 100)} %: ${w.at ? inZone(w.at, zone) : 'not reached'}${w.reached ? ' (reached)' : ''}`).join('\n');
    }
  };
  return { el: h('div.table-wrap', table), update };
}

function dtInput(iso, zone, attrs = {}) {
  return h('input', { type: 'datetime-local', step: 1, value: iso ? localInputValue(toZoned(iso, zone)) + ':' + (toZoned(iso, zone).slice(17, 19) || '00') : '', ...attrs });
}

/** A datetime-local value in `zone` as an ISO instant (engine `fromLocal`), or null. */
function fromInput(value, zone) {
  if (!value) return null;
  try {
    return fromLocal(value, zone);
  } catch {
    return null;
  }
}

function insertEvent(ticket, event) {
  const t = Date.parse(event.at);
  const events = ticket.events ?? (ticket.events = []);
  let i = events.length;
  while (i > 0 && Date.parse(events[i - 1].at) > t) i -= 1;
  events.splice(i, 0, event);
}

function sortEvents(ticket) {
  const events = ticket.events ?? [];
  const keyed = events.map((e, i) => ({ e, i, t: Date.parse(e.at) }));
  keyed.sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? a.i - b.i : a.t - b.t || a.i - b.i));
  ticket.events = keyed.map((k) => k.e);
}

function quickActions(ticket, zone, rerender) {
  const box = h('div.quick-actions', { role: 'group', 'aria-label': 'Record an event now' });
  const reason = h('select', { 'aria-label': 'Pause reason', dataset: { key: 'qa-reason' } }, KNOWN_REASONS.map((r) => h('option', { value: r }, r)), h('option', { value: '' }, '(no reason)'));
  const add = (type, extra = {}) => {
    const at = toZoned(secondsNow(), zone);
    insertEvent(ticket, { at, type, ...extra });
    ticketsChanged({ structural: true });
    announce(`${EVENT_TYPES[type]} recorded at ${formatIso(at, { seconds: true })}`);
    rerender?.();
  };
  const btn = (type, label, extraFn) => h('button', { type: 'button', class: 'btn', dataset: { action: type, key: `qa-${type}` }, on: { click: () => add(type, extraFn ? extraFn() : {}) } }, label);
  const bRespond = btn('respond', 'Respond now');
  const bPause = btn('pause', 'Pause now', () => (reason.value ? { reason: reason.value } : {}));
  const bResume = btn('resume', 'Resume now');
  const bResolve = btn('resolve', 'Resolve now');
  const bReopen = btn('reopen', 'Reopen now');
  box.append(bRespond, h('span.pause-group', bPause, h('label.sr-only', { htmlFor: (reason.id = nextId('reason')) }, 'Pause reason'), reason), bResume, bResolve, bReopen);
  const update = (ev) => {
    const ok = ev && !ev.error;
    const ts = ok ? ev.targets : [];
    const anyRunning = ts.some((t) => !t.paused && !['met', 'missed'].includes(t.status));
    const anyPaused = ts.some((t) => t.paused);
    const allStopped = ok && ts.length > 0 && ts.every((t) => ['met', 'missed'].includes(t.status));
    const responded = (ticket.events ?? []).some((e) => e.type === 'respond' && Date.parse(e.at) <= nowMs());
    bRespond.disabled = !ok || responded || allStopped;
    bPause.disabled = !ok || !anyRunning;
    bResume.disabled = !ok || !anyPaused;
    bResolve.disabled = !ok || allStopped;
    bReopen.disabled = !ok || !allStopped;
  };
  return { el: box, update };
}

function eventsEditor(ticket, zone, rerender) {
  const priorities = prioritiesFor(ticket.service);
  const tbody = h('tbody');
  (ticket.events ?? []).forEach((e, i) => {
    const path = `events[${i}]`;
    const at = dtInput(e.at, zone, { 'aria-label': `Event ${i + 1} time (${zone})`, dataset: { path: `${path}.at`, key: `ev-${i}-at` } });
    at.addEventListener('change', () => {
      const iso = fromInput(at.value, zone);
      if (!iso) return;
      e.at = iso;
      sortEvents(ticket);
      ticketsChanged({ structural: true });
    });
    const type = h('select', { 'aria-label': `Event ${i + 1} type`, dataset: { path: `${path}.type`, key: `ev-${i}-type` }, value: e.type,
      on: { change: () => {
        e.type = type.value;
        if (e.type !== 'pause') delete e.reason;
        if (e.type === 'priorityChange') e.priority ??= priorities[0] ?? 'P1';
        else delete e.priority;
        ticketsChanged({ structural: true });
      } } }, Object.entries(EVENT_TYPES).map(([v, l]) => h('option', { value: v }, l)));
    let detail = null;
    if (e.type === 'pause') {
      const listId = nextId('reasons');
      detail = h('span', h('input', { type: 'text', value: e.reason ?? '', placeholder: 'reason (optional)', list: listId, 'aria-label': `Event ${i + 1} pause reason`, dataset: { path: `${path}.reason`, key: `ev-${i}-reason` },
        on: { change: (x) => {
          const v = x.target.value.trim();
          if (v) e.reason = v;
          else delete e.reason;
          ticketsChanged({ structural: true });
        } } }), h('datalist', { id: listId }, KNOWN_REASONS.map((r) => h('option', { value: r }))));
    } else if (e.type === 'priorityChange') {
      const opts = [...new Set([...priorities, e.priority].filter(Boolean))];
      detail = h('select', { 'aria-label': `Event ${i + 1} new priority`, value: e.priority, dataset: { path: `${path}.priority`, key: `ev-${i}-priority` },
        on: { change: (x) => { e.priority = x.target.value; ticketsChanged({ structural: true }); } } }, opts.map((p) => h('option', { value: p }, p)));
    }
    const del = h('button', { type: 'button', class: 'btn icon danger', 'aria-label': `Delete event ${i + 1} (${EVENT_TYPES[e.type] ?? e.type})`, dataset: { key: `ev-${i}-del` },
      on: { click: () => { ticket.events.splice(i, 1); ticketsChanged({ structural: true }); } } }, '✕');
    const future = Date.parse(e.at) > nowMs();
    tbody.append(h('tr', { class: future ? 'future' : '', dataset: { path } }, h('td.num', String(i + 1)), h('td', at), h('td', type), h('td', detail ?? h('span.muted', '—')), h('td', future ? h('span.tag', 'after now') : ''), h('td', del)));
  });
  if (!(ticket.events ?? []).length) tbody.append(h('tr', h('td', { colSpan: 6, class: 'muted' }, 'No events yet: every target is running since creation.')));

  // Add an event at a chosen time.
  const newType = h('select', { 'aria-label': 'New event type', dataset: { key: 'new-ev-type' } }, Object.entries(EVENT_TYPES).map(([v, l]) => h('option', { value: v }, l)));
  const newAt = dtInput(toZoned(secondsNow(), zone), zone, { 'aria-label': `New event time (${zone})`, dataset: { key: 'new-ev-at' } });
  let touched = false;
  newAt.addEventListener('input', () => { touched = true; });
  const newExtra = h('input', { type: 'text', placeholder: 'reason / new priority', 'aria-label': 'New event reason or priority', dataset: { key: 'new-ev-extra' } });
  const addBtn = h('button', { type: 'button', class: 'btn primary', dataset: { key: 'new-ev-add' }, on: { click: () => {
    const at = fromInput(newAt.value, zone);
    if (!at) {
      announce('Enter a valid time for the event', 'error');
      return;
    }
    const ev = { at, type: newType.value };
    const extra = newExtra.value.trim();
    if (ev.type === 'pause' && extra) ev.reason = extra;
    if (ev.type === 'priorityChange') ev.priority = extra || priorities[0] || 'P1';
    insertEvent(ticket, ev);
    ticketsChanged({ structural: true });
    rerender?.();
  } } }, 'Add event');
  const card = h('section.card', { 'aria-labelledby': 'ev-h' },
    h('h3#ev-h', 'Events'),
    h('p.muted', `Times are wall-clock times in ${zone}. Events after “now” are not counted until the clock reaches them.`),
    h('div.table-wrap', h('table.events', h('thead', h('tr', h('th', '#'), h('th', 'When'), h('th', 'Type'), h('th', 'Reason / priority'), h('th', ''), h('th', h('span.sr-only', 'Delete')))), tbody)),
    h('div.add-event', { role: 'group', 'aria-label': 'Add an event' }, newType, newAt, newExtra, addBtn));
  // The new event's time follows "now" until the user picks one.
  card.tickNow = () => {
    if (!touched && document.activeElement !== newAt) newAt.value = dtInput(toZoned(secondsNow(), zone), zone).value;
  };
  return card;
}

function ticketForm(ticket, index, zone, onIdChange) {
  const svcSelect = h('select', { value: ticket.service, dataset: { path: 'service', key: 'tk-service' } },
    services().map((s) => h('option', { value: s.id }, `${s.name ?? s.id} (${levelById(s.serviceLevel)?.name ?? s.serviceLevel})`)),
    serviceById(ticket.service) ? null : h('option', { value: ticket.service }, `${ticket.service} (unknown)`));
  svcSelect.value = ticket.service;
  svcSelect.addEventListener('change', () => { ticket.service = svcSelect.value; ticketsChanged({ structural: true }); });
  const prios = [...new Set([...prioritiesFor(ticket.service), ticket.priority])];
  const prioSelect = h('select', { value: ticket.priority, dataset: { path: 'priority', key: 'tk-priority' }, on: { change: (e) => { ticket.priority = e.target.value; ticketsChanged({ structural: true }); } } }, prios.map((p) => h('option', { value: p }, p)));
  const idInput = h('input', { type: 'text', value: ticket.id, required: true, dataset: { path: 'id', key: 'tk-id' }, autocomplete: 'off' });
  const idMsg = h('div.field-msg.error', { role: 'alert' });
  idInput.addEventListener('change', () => {
    const v = idInput.value.trim();
    if (!v) {
      idMsg.textContent = 'A ticket needs an id.';
      return;
    }
    if (state.tickets.some((t, i) => i !== index && t.id === v)) {
      idMsg.textContent = `Another ticket already has the id ${v}.`;
      return;
    }
    idMsg.textContent = '';
    ticket.id = v;
    ticketsChanged({ structural: true });
    onIdChange(v);
  });
  const title = h('input', { type: 'text', value: ticket.title ?? '', dataset: { key: 'tk-title' }, on: { change: (e) => { ticket.title = e.target.value; ticketsChanged({ structural: true }); } } });
  const created = dtInput(ticket.createdAt, zone, { dataset: { path: 'createdAt', key: 'tk-created' } });
  created.addEventListener('change', () => {
    const iso = fromInput(created.value, zone);
    if (!iso) return;
    ticket.createdAt = iso;
    ticketsChanged({ structural: true });
  });
  const del = h('button', { type: 'button', class: 'btn danger', on: { click: () => {
    if (!confirm(`Delete ticket ${ticket.id}?`)) return;
    state.tickets.splice(index, 1);
    ticketsChanged({ structural: true });
    location.hash = '#/tickets';
  } } }, 'Delete ticket');
  return h('section.card', { 'aria-labelledby': 'tk-form-h' },
    h('h3#tk-form-h', 'Ticket'),
    h('div.form-grid',
      h('div', field('Id', idInput), idMsg),
      field('Title', title, { className: 'wide' }),
      field('Service', svcSelect),
      field('Priority at creation', prioSelect, { hint: 'A priority change event re-targets the ticket from creation.' }),
      field(`Created (${zone})`, created),
    ),
    h('div.form-actions', del));
}

function detail(index, ctx, rerender) {
  const ticket = state.tickets[index];
  const ev0 = ctx.evals[index];
  const zone = ticketZone(ticket, ev0);
  const viewer = viewerZone();
  const root = h('div.ticket-detail');
  const headTitle = h('h2', h('span.tc-id', ticket.id), ' ', ticket.title || '(untitled)');
  const meta = h('p.meta');
  const errBox = h('div.error-box', { role: 'alert', hidden: true });
  const targets = targetsTable(ticket, zone);
  const qa = quickActions(ticket, zone, rerender);
  const tlBox = h('div.timeline-box');
  const tlFig = h('figure.card.timeline-card', h('figcaption', h('h3', 'Timeline'), h('span.muted', `in ${zone}`)), tlBox, timelineLegend());
  let tl = null;
  let tlKey = '';
  let tlWidth = 0;

  const update = (ev, now) => {
    if (!ev || ev.error) {
      errBox.hidden = false;
      errBox.replaceChildren(h('strong', `${ev?.error?.code ?? 'ERROR'}`), ` at `, h('code', ev?.error?.path || '(ticket)'), `: ${ev?.error?.message ?? 'this ticket cannot be measured'}`);
      targets.el.hidden = true;
      tlFig.hidden = true;
      qa.update(ev);
      return;
    }
    errBox.hidden = true;
    targets.el.hidden = false;
    tlFig.hidden = false;
    const svc = serviceById(ticket.service);
    meta.replaceChildren(
      h('span', svc?.name ?? ticket.service), ' · ',
      h('span', { class: `prio prio-${ev.priority}` }, ev.priority), ' · ',
      h('a', { href: `#/levels/${encodeURIComponent(ev.serviceLevel)}/${ev.versionIndex}` }, levelLabel(ev)), ` (from ${formatIso(ev.effectiveFrom, { year: true })})`, ' · ',
      h('a', { href: `#/hours/${encodeURIComponent(ev.calendar)}` }, ev.calendar), ` · created ${inZone(ticket.createdAt, zone, { withOffset: true })}`,
      viewer !== zone ? ` = ${inZone(ticket.createdAt, viewer, { withOffset: true })} your time` : '',
    );
    targets.update(ev, now);
    qa.update(ev);
    evCard.tickNow?.();
    // Timeline: rebuild when what it shows changes, else move the now line.
    const width = tlBox.clientWidth || 900;
    const key = JSON.stringify([ticket, ev.targets.map((t) => [t.name, t.status, t.due, t.breachedAt, t.stoppedAt, t.warnings.map((w) => w.at)]), Math.round(width)]);
    const inRange = tl && now >= tl.range.from && now <= tl.range.to;
    if (key !== tlKey || !inRange || Math.abs(width - tlWidth) > 4) {
      tlKey = key;
      tlWidth = width;
      tl = renderTimeline({ ticket, evaluation: ev, calendar: calendarById(ev.calendar), zone, viewer, now, width, targetDef: (n) => targetDef(ev, n) });
      tlBox.replaceChildren(tl);
    } else {
      tl.updateNow(now);
    }
  };

  const evCard = eventsEditor(ticket, zone, rerender);
  root.append(
    h('div.detail-head', h('a.back-link', { href: '#/tickets' }, '← All tickets'), headTitle, meta),
    errBox,
    h('section.card', { 'aria-labelledby': 'tg-h' }, h('div.card-head', h('h3#tg-h', 'Targets'), qa.el), targets.el),
    tlFig,
    ticketForm(ticket, index, zone, (id) => { location.hash = `#/tickets/${encodeURIComponent(id)}`; }),
    evCard,
  );
  update(ev0, ctx.now);
  if (ev0?.error) showFindings(root, [{ severity: 'error', ...ev0.error }]);
  return { el: root, update };
}

function newTicket() {
  const nums = state.tickets.map((t) => Number(/(\d+)$/.exec(t.id)?.[1] ?? 0));
  const id = `XYZ-${Math.max(1000, ...nums) + 1}`;
  const svc = services()[0];
  const calId = svc ? calendarIdFor(svc.id, new Date(nowMs()).toISOString()) : null;
  const zone = (state.catalog.calendars ?? []).find((c) => c.id === calId)?.timeZone ?? 'UTC';
  const prios = svc ? prioritiesFor(svc.id) : ['P1'];
  const t = { id, title: 'New ticket', service: svc?.id ?? '', priority: prios.includes('P3') ? 'P3' : prios[0] ?? 'P1', createdAt: toZoned(secondsNow(), zone), events: [] };
  state.tickets.unshift(t);
  ticketsChanged({ structural: true });
  location.hash = `#/tickets/${encodeURIComponent(id)}`;
}

export const ticketsView = {
  id: 'tickets',
  title: 'Tickets',
  render(root, ctx) {
    const selectedId = ctx.params[0] ? decodeURIComponent(ctx.params[0]) : null;
    const index = selectedId === null ? -1 : state.tickets.findIndex((t) => t.id === selectedId);
    const evals = ctx.evals;
    const list = h('ul.ticket-list', { 'aria-label': 'Tickets' });
    const cards = [];
    for (const i of sortedIndices(evals)) {
      if (!matches(i, evals[i])) continue;
      const c = ticketCard(state.tickets[i], i, i === index);
      c.update(evals[i], ctx.now);
      cards.push(c);
      list.append(c.el);
    }
    if (!cards.length) list.append(h('li.muted.empty', 'No tickets match.'));
    const search = h('input', { type: 'search', placeholder: 'Search tickets', value: query, 'aria-label': 'Search tickets', dataset: { key: 'tk-search' },
      on: { input: (e) => { query = e.target.value; ctx.rerender(); } } });
    const filt = h('select', { 'aria-label': 'Show', value: filter, dataset: { key: 'tk-filter' }, on: { change: (e) => { filter = e.target.value; ctx.rerender(); } } },
      h('option', { value: 'all' }, 'All tickets'), h('option', { value: 'open' }, 'Open'), h('option', { value: 'breached' }, 'Breached or missed'), h('option', { value: 'closed' }, 'Closed'));
    const aside = h('aside.ticket-pane', { 'aria-label': 'Ticket list' },
      h('div.pane-head', h('h2', 'Tickets ', h('span.count', String(state.tickets.length))), h('button', { type: 'button', class: 'btn primary', dataset: { key: 'tk-new' }, on: { click: newTicket } }, '+ New ticket')),
      h('div.list-tools', search, filt),
      list);
    let main;
    let det = null;
    let ov = null;
    if (index >= 0) {
      det = detail(index, ctx, null);
      main = det.el;
    } else {
      ov = overview(evals);
      main = h('div', selectedId ? h('div.error-box', { role: 'alert' }, `No ticket with the id ${selectedId}.`) : null, ov.el);
    }
    root.append(h('div', { class: ['tickets-layout', index >= 0 && 'has-selection'] }, aside, h('div.ticket-main', main)));
    return {
      tick({ evals: evs, now }) {
        for (const c of cards) c.update(evs[c.index], now);
        if (det) det.update(evs[index], now);
        if (ov) ov.update(evs, now);
      },
    };
  },
};
