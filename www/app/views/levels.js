// Service levels: targets per priority (response, resolution, custom) with units, pause
// reasons, warning thresholds; effective-dated versions; the services linked to a level
// and hours; validation findings at their fields; a diff between versions.

import { h, field, requestFocus, nextId } from '../dom.js';
import { SlaCatalog, fromLocal, toZoned } from '../engine.js';
import { state, draftChanged, draftFindings, draftHasErrors, nowMs, calendarZone } from '../store.js';
import { showFindings, findingsSummary } from '../findings.js';
import { UNITS, unitOf, amountText, setUnit, setAmount } from '../durations.js';
import { targetLabel, durationText, KNOWN_REASONS } from '../format.js';
import { formatIso, localInputValue } from '../time.js';

const clone = (x) => JSON.parse(JSON.stringify(x));
const sortPrio = (a, b) => a.localeCompare(b, 'en', { numeric: true });

function versionZone(v) {
  return v?.calendar ? calendarZone(v.calendar) : state.draft.calendars?.[0]?.timeZone ?? 'UTC';
}

function dtValue(iso, zone) {
  if (!iso || typeof iso !== 'string') return '';
  try {
    return localInputValue(toZoned(iso, zone));
  } catch {
    return '';
  }
}

function percentText(list) {
  return Array.isArray(list) ? list.map((x) => (typeof x === 'number' ? +(x * 100).toFixed(2) : x)).join(', ') : String(list ?? '');
}

/** "75, 90" -> [0.75, 0.9]; something else is kept as text so the engine reports it. */
function parsePercents(text) {
  const t = text.trim();
  if (!t) return [];
  const parts = t.split(/[,;\s]+/).filter(Boolean).map((p) => p.replace(/%$/, ''));
  if (parts.every((p) => /^\d+(\.\d+)?$/.test(p))) return parts.map((p) => Math.round(Number(p) * 100) / 10000);
  return t;
}

function pauseMode(t) {
  if (!('pauseReasons' in t)) return 'any';
  return Array.isArray(t.pauseReasons) && t.pauseReasons.length === 0 ? 'none' : 'only';
}

// ---------------------------------------------------------------------------------------

function targetRow(targets, name, P, version, changed) {
  const t = targets[name];
  const TP = `${P}.${name}`;
  const builtin = name === 'response' || name === 'resolution';
  const nameCell = builtin
    ? h('span.tname', targetLabel(name))
    : h('input', { type: 'text', value: name, 'aria-label': `Custom target name (${name})`, class: 'tname-input', dataset: { path: TP, key: `${TP}.name` },
      on: { change: (e) => {
        const nn = e.target.value.trim();
        if (!nn || nn === name || nn in targets) { e.target.value = name; return; }
        const entries = Object.entries(targets).map(([k, v]) => [k === name ? nn : k, v]);
        for (const k of Object.keys(targets)) delete targets[k];
        for (const [k, v] of entries) targets[k] = v;
        changed(true, `${P}.${nn}.name`);
      } } });
  const unit = h('select', { 'aria-label': `${targetLabel(name)} unit`, value: unitOf(t), dataset: { path: `${TP}.clock`, key: `${TP}.unit` },
    on: { change: (e) => { setUnit(t, e.target.value); changed(true, `${TP}.unit`); } } }, UNITS.map(([v, l]) => h('option', { value: v }, l)));
  const dayUnit = unitOf(t) === 'businessDays' || unitOf(t) === 'endOfBusinessDay';
  const amount = h('input', { type: 'text', value: amountText(t.duration), 'aria-label': `${targetLabel(name)} duration`, class: dayUnit ? 'amount days' : 'amount', inputMode: dayUnit ? 'numeric' : 'text',
    placeholder: dayUnit ? 'n' : '4h 30m', dataset: { path: `${TP}.duration`, key: `${TP}.duration` },
    on: { input: (e) => { setAmount(t, e.target.value); changed(false); } } });
  const mode = pauseMode(t);
  const pauseSel = h('select', { 'aria-label': `${targetLabel(name)}: what pauses it`, value: mode, dataset: { key: `${TP}.pauseMode` },
    on: { change: (e) => {
      if (e.target.value === 'any') delete t.pauseReasons;
      else if (e.target.value === 'none') t.pauseReasons = [];
      else t.pauseReasons = [KNOWN_REASONS[0]];
      changed(true, `${TP}.pauseMode`);
    } } }, h('option', { value: 'any' }, 'Any pause'), h('option', { value: 'none' }, 'Never paused'), h('option', { value: 'only' }, 'Only these reasons'));
  let reasons = null;
  if (mode === 'only') {
    const listId = nextId('rs');
    reasons = h('span', h('input', { type: 'text', value: (t.pauseReasons ?? []).join(', '), 'aria-label': `${targetLabel(name)} pause reasons (comma-separated)`, list: listId, class: 'reasons',
      dataset: { path: `${TP}.pauseReasons`, key: `${TP}.pauseReasons` },
      on: { input: (e) => { t.pauseReasons = e.target.value.split(',').map((x) => x.trim()).filter(Boolean); changed(false); } } }),
    h('datalist', { id: listId }, KNOWN_REASONS.map((r) => h('option', { value: r }))));
  }
  const stopDefault = name === 'response' ? 'respond' : 'resolve';
  const stop = h('select', { 'aria-label': `${targetLabel(name)} stops on`, value: t.stopOn ?? stopDefault, dataset: { path: `${TP}.stopOn`, key: `${TP}.stopOn` },
    on: { change: (e) => { if (e.target.value === stopDefault) delete t.stopOn; else t.stopOn = e.target.value; changed(false); } } },
  h('option', { value: 'respond' }, 'first response'), h('option', { value: 'resolve' }, 'resolution'));
  const warn = h('input', { type: 'text', value: 'warnAt' in t ? percentText(t.warnAt) : '', placeholder: `version: ${percentText(version.warnAt ?? []) || 'none'}`, class: 'warn-in',
    'aria-label': `${targetLabel(name)} warning thresholds in percent (empty: the version's)`, dataset: { path: `${TP}.warnAt`, key: `${TP}.warnAt` },
    on: { input: (e) => { if (e.target.value.trim() === '') delete t.warnAt; else t.warnAt = parsePercents(e.target.value); changed(false); } } });
  const del = h('button', { type: 'button', class: 'btn icon danger', 'aria-label': `Remove the ${targetLabel(name)} target`, on: { click: () => { delete targets[name]; changed(true); } } }, '✕');
  return h('tr', { dataset: { path: TP, target: name } },
    h('th', { scope: 'row' }, nameCell),
    h('td', h('div.inline-field', amount, unit)),
    h('td', h('div.inline-field', pauseSel, reasons)),
    h('td', stop),
    h('td', warn),
    h('td', del));
}

function priorityBlock(version, prio, VP, changed) {
  const targets = version.targets[prio];
  const P = `${VP}.targets.${prio}`;
  const names = Object.keys(targets).sort((a, b) => {
    const r = (n) => (n === 'response' ? 0 : n === 'resolution' ? 1 : 2);
    return r(a) - r(b) || a.localeCompare(b);
  });
  const addSel = h('select', { 'aria-label': `Target to add to ${prio}`, dataset: { key: `${P}.addSel` } },
    ['response', 'resolution'].filter((n) => !(n in targets)).map((n) => h('option', { value: n }, targetLabel(n))), h('option', { value: '__custom' }, 'Custom target…'));
  const add = h('button', { type: 'button', class: 'btn small', dataset: { key: `${P}.add` }, on: { click: () => {
    let n = addSel.value;
    if (n === '__custom') {
      let i = 1;
      while (`custom${i}` in targets) i += 1;
      n = `custom${i}`;
      targets[n] = { duration: { hours: 8 }, stopOn: 'resolve' };
      changed(true, `${P}.${n}.name`);
      return;
    }
    targets[n] = { duration: { hours: n === 'response' ? 1 : 8 } };
    changed(true, `${P}.${n}.duration`);
  } } }, '+ Add');
  const del = h('button', { type: 'button', class: 'btn small danger', 'aria-label': `Remove priority ${prio}`, on: { click: () => { delete version.targets[prio]; changed(true); } } }, 'Remove priority');
  return h('div.prio-block', { dataset: { path: P } },
    h('div.prio-head', h('span', { class: `prio prio-${prio}` }, prio), h('span.muted', `${names.length} target${names.length === 1 ? '' : 's'}`), h('span.spacer'), addSel, add, del),
    names.length ? h('div.table-wrap', h('table.target-table',
      h('thead', h('tr', h('th', 'Target'), h('th', 'Duration'), h('th', 'Paused by'), h('th', 'Stops at'), h('th', 'Warn at (%)'), h('th', h('span.sr-only', 'Remove')))),
      h('tbody', names.map((n) => targetRow(targets, n, P, version, changed))))) : h('p.muted', 'No targets: tickets of this priority are not measured.'));
}

function versionEditor(level, li, vi, changed) {
  const v = level.versions[vi];
  const VP = `serviceLevels[${li}].versions[${vi}]`;
  v.targets ??= {};
  const zone = versionZone(v);
  const name = h('input', { type: 'text', value: v.name ?? '', placeholder: `v${vi + 1}`, dataset: { path: `${VP}.name`, key: `${VP}.name` }, on: { change: (e) => { v.name = e.target.value; changed(true); } } });
  const from = h('input', { type: 'datetime-local', value: dtValue(v.effectiveFrom, zone), dataset: { path: `${VP}.effectiveFrom`, key: `${VP}.effectiveFrom` },
    on: { change: (e) => { if (!e.target.value) return; try { v.effectiveFrom = fromLocal(e.target.value, zone); } catch { v.effectiveFrom = e.target.value; } changed(false); } } });
  const hasTo = 'effectiveTo' in v;
  const toId = nextId('to');
  const toCb = h('input', { type: 'checkbox', id: toId, checked: hasTo, dataset: { key: `${VP}.hasTo` }, on: { change: (e) => {
    if (e.target.checked) v.effectiveTo = toZoned(Date.parse(v.effectiveFrom) + 365 * 86400000, zone);
    else delete v.effectiveTo;
    changed(true);
  } } });
  const to = hasTo ? h('input', { type: 'datetime-local', value: dtValue(v.effectiveTo, zone), 'aria-label': 'Effective until (exclusive)', dataset: { path: `${VP}.effectiveTo`, key: `${VP}.effectiveTo` },
    on: { change: (e) => { if (!e.target.value) return; try { v.effectiveTo = fromLocal(e.target.value, zone); } catch { v.effectiveTo = e.target.value; } changed(false); } } }) : null;
  const cal = h('select', { value: v.calendar ?? '', dataset: { path: `${VP}.calendar`, key: `${VP}.calendar` },
    on: { change: (e) => { if (e.target.value) v.calendar = e.target.value; else delete v.calendar; changed(true); } } },
  h('option', { value: '' }, '(none: every service sets its hours)'),
  (state.draft.calendars ?? []).map((c) => h('option', { value: c.id }, `${c.name ?? c.id} (${c.id})`)),
  v.calendar && !(state.draft.calendars ?? []).some((c) => c.id === v.calendar) ? h('option', { value: v.calendar }, `${v.calendar} (missing)`) : null);
  const warn = h('input', { type: 'text', value: percentText(v.warnAt ?? []), placeholder: 'e.g. 75, 90', dataset: { path: `${VP}.warnAt`, key: `${VP}.warnAt` },
    on: { input: (e) => { const p = parsePercents(e.target.value); if (Array.isArray(p) && !p.length) delete v.warnAt; else v.warnAt = p; changed(false); } } });
  const prios = Object.keys(v.targets).sort(sortPrio);
  const newPrio = h('input', { type: 'text', placeholder: 'P5', size: 6, 'aria-label': 'New priority', dataset: { key: `${VP}.newPrio` } });
  const addPrio = h('button', { type: 'button', class: 'btn small', dataset: { key: `${VP}.addPrio` }, on: { click: () => {
    const nums = prios.map((p) => Number(/\d+/.exec(p)?.[0] ?? 0));
    const p = newPrio.value.trim() || `P${Math.max(0, ...nums) + 1}`;
    if (p in v.targets) return;
    v.targets[p] = { response: { duration: { hours: 8 } }, resolution: { duration: { businessDays: 5 } } };
    changed(true, `${VP}.targets.${p}.response.duration`);
  } } }, '+ Add priority');
  return h('section.card.version-card', { dataset: { path: VP } },
    h('div.card-head', h('h3', `Version ${vi + 1}${v.name ? ` — ${v.name}` : ''}`), h('span.muted', `times in ${zone}`)),
    h('div.form-grid',
      field('Name', name),
      field('Effective from', from, { hint: 'Tickets created from this instant on are measured against this version.' }),
      h('div.field', h('label', { htmlFor: toId }, toCb, ' Ends (effective until)'), to ?? h('span.hint', 'Open-ended: in force until the next version.')),
      field('Business hours', cal),
      field('Warn at (% of each target)', warn, { hint: 'At-risk thresholds, e.g. 75, 90.' })),
    h('div.prio-list', prios.map((p) => priorityBlock(v, p, VP, changed))),
    h('div.add-prio', newPrio, addPrio));
}

function prettyDiffPath(path) {
  return path.replace(/^serviceLevels\["[^"]*"\]\.versions\[\d+\]\.?/, '').replace(/^targets\./, '') || '(version)';
}

function diffValue(path, v) {
  if (/\.pauseReasons$/.test(path)) return v === null || v === undefined ? 'any pause' : Array.isArray(v) && !v.length ? 'never paused' : Array.isArray(v) ? v.join(', ') : JSON.stringify(v);
  if (/\.warnAt$/.test(path) && Array.isArray(v)) return v.map((x) => `${+(x * 100).toFixed(2)} %`).join(', ');
  if (v === null || v === undefined) return h('span.muted', '—');
  if (/\.duration$/.test(path)) return durationText(v, undefined).replace(/ business$/, '');
  if (typeof v === 'string') return v;
  return h('code', JSON.stringify(v));
}

function diffCard(level, li, vi) {
  const versions = level.versions ?? [];
  const box = h('div.diff-out');
  const sel = (value, label, key) => h('select', { 'aria-label': label, value: String(value), dataset: { key } }, versions.map((v, i) => h('option', { value: String(i) }, `v${i + 1}${v.name ? ` — ${v.name}` : ''}`)));
  const a = sel(Math.max(0, vi - 1), 'Compare version', `diff-a-${li}`);
  const b = sel(vi, 'with version', `diff-b-${li}`);
  const run = () => {
    const ia = Number(a.value);
    const ib = Number(b.value);
    if (draftHasErrors()) {
      box.replaceChildren(h('p.muted', 'Fix the errors above to compare versions.'));
      return;
    }
    // `diff` compares catalogs and matches versions by `effectiveFrom`: compare two
    // copies of the catalog that hold only version A, resp. version B, at one date.
    const one = (i) => {
      const doc = clone(state.draft);
      const l = doc.serviceLevels[li];
      l.versions = [{ ...l.versions[i], effectiveFrom: l.versions[0].effectiveFrom }];
      delete l.versions[0].effectiveTo;
      return new SlaCatalog(doc);
    };
    let changes;
    try {
      const ca = one(ia);
      const cb = one(ib);
      changes = ca.diff(cb).filter((c) => !/\.(name|description|effectiveTo)$/.test(c.path));
      ca.free();
      cb.free();
    } catch (e) {
      box.replaceChildren(h('div.error-box', `${e.code ?? 'ERROR'} at ${e.path ?? ''}: ${e.message}`));
      return;
    }
    box.replaceChildren(changes.length
      ? h('div.table-wrap', h('table.diff', h('thead', h('tr', h('th', 'What'), h('th', 'Change'), h('th', `v${ia + 1}`), h('th', `v${ib + 1}`))),
        h('tbody', changes.map((c) => h('tr', { class: `diff-${c.kind}` }, h('td', h('code', prettyDiffPath(c.path))), h('td', h('span', { class: `tag diff-tag ${c.kind}` }, c.kind)), h('td', diffValue(c.path, c.old)), h('td', diffValue(c.path, c.new)))))))
      : h('p.muted', ia === ib ? 'Pick two different versions.' : 'No differences in the targets, hours or thresholds.'));
  };
  a.addEventListener('change', run);
  b.addEventListener('change', run);
  run();
  return { el: h('section.card', { 'aria-labelledby': `diff-h-${li}` }, h('div.card-head', h('h3', { id: `diff-h-${li}` }, 'What changed between versions'), h('div.inline-field', a, h('span', '→'), b)), box), run };
}

function servicesCard(changed) {
  const list = (state.draft.services ??= []);
  const counts = new Map();
  for (const t of state.tickets) counts.set(t.service, (counts.get(t.service) ?? 0) + 1);
  const rows = list.map((s, i) => {
    const SP = `services[${i}]`;
    const idIn = h('input', { type: 'text', value: s.id ?? '', 'aria-label': `Service ${i + 1} id`, dataset: { path: `${SP}.id`, key: `${SP}.id` },
      on: { change: (e) => {
        const old = s.id;
        s.id = e.target.value.trim();
        for (const t of state.tickets) if (t.service === old) t.service = s.id;
        changed(true);
      } } });
    const nameIn = h('input', { type: 'text', value: s.name ?? '', 'aria-label': `Service ${i + 1} name`, dataset: { path: `${SP}.name`, key: `${SP}.name` }, on: { change: (e) => { s.name = e.target.value; changed(false); } } });
    const lvl = h('select', { 'aria-label': `Service ${i + 1} service level`, value: s.serviceLevel ?? '', dataset: { path: `${SP}.serviceLevel`, key: `${SP}.serviceLevel` },
      on: { change: (e) => { s.serviceLevel = e.target.value; changed(false); } } },
    (state.draft.serviceLevels ?? []).map((l) => h('option', { value: l.id }, l.name ?? l.id)),
    s.serviceLevel && !(state.draft.serviceLevels ?? []).some((l) => l.id === s.serviceLevel) ? h('option', { value: s.serviceLevel }, `${s.serviceLevel} (missing)`) : null);
    const cal = h('select', { 'aria-label': `Service ${i + 1} business hours`, value: s.calendar ?? '', dataset: { path: `${SP}.calendar`, key: `${SP}.calendar` },
      on: { change: (e) => { if (e.target.value) s.calendar = e.target.value; else delete s.calendar; changed(false); } } },
    h('option', { value: '' }, 'the service level’s hours'), (state.draft.calendars ?? []).map((c) => h('option', { value: c.id }, c.name ?? c.id)));
    const del = h('button', { type: 'button', class: 'btn icon danger', 'aria-label': `Delete service ${s.id}`, on: { click: () => {
      if (counts.get(s.id) && !confirm(`${counts.get(s.id)} tickets use ${s.id}; they will show an error until they get another service. Delete?`)) return;
      list.splice(i, 1);
      changed(true);
    } } }, '✕');
    return h('tr', { dataset: { path: SP } }, h('td', idIn), h('td', nameIn), h('td', lvl), h('td', cal), h('td.num', String(counts.get(s.id) ?? 0)), h('td', del));
  });
  const add = h('button', { type: 'button', class: 'btn small', dataset: { key: 'svc-add' }, on: { click: () => {
    list.push({ id: `service-${list.length + 1}`, name: 'New service', serviceLevel: state.draft.serviceLevels?.[0]?.id ?? '' });
    changed(true, `services[${list.length - 1}].id`);
  } } }, '+ Add service');
  return h('section.card', { dataset: { path: 'services' } },
    h('div.card-head', h('h2', 'Services'), add),
    h('p.muted', 'A ticket names its service; the service picks the service level and, optionally, its own business hours (overriding the version’s).'),
    h('div.table-wrap', h('table.services', h('thead', h('tr', h('th', 'Id'), h('th', 'Name'), h('th', 'Service level'), h('th', 'Business hours'), h('th', 'Tickets'), h('th', h('span.sr-only', 'Delete')))), h('tbody', rows))));
}

export const levelsView = {
  id: 'levels',
  title: 'Service levels',
  render(root, ctx) {
    const levels = (state.draft.serviceLevels ??= []);
    const p0 = ctx.params[0] !== undefined ? decodeURIComponent(ctx.params[0]) : null;
    const showServices = p0 === 'services';
    let li = 0;
    if (p0 !== null && !showServices) {
      const byId = levels.findIndex((l) => l.id === p0);
      li = byId >= 0 ? byId : /^\d+$/.test(p0) ? Math.min(Number(p0), levels.length - 1) : 0;
    }
    const level = levels[li];
    let vi = ctx.params[1] !== undefined ? Number(ctx.params[1]) : (level?.versions?.length ?? 1) - 1;
    if (!level?.versions?.[vi]) vi = Math.max(0, (level?.versions?.length ?? 1) - 1);
    const changed = (structural, focus) => {
      if (focus) requestFocus(focus);
      draftChanged({ structural });
    };
    const summaryBox = h('div');
    const side = h('nav.side', { 'aria-label': 'Service levels' },
      h('div.side-head', h('h2', 'Service levels'), h('button', { type: 'button', class: 'btn small', dataset: { key: 'lvl-new' }, on: { click: () => {
        const ids = new Set(levels.map((l) => l.id));
        let n = 1;
        while (ids.has(`level-${n}`)) n += 1;
        const cal = state.draft.calendars?.[0]?.id;
        const z = calendarZone(cal);
        levels.push({ id: `level-${n}`, name: `Level ${n}`, versions: [{ effectiveFrom: fromLocal(`${toZoned(nowMs(), z).slice(0, 10)}T00:00`, z), ...(cal ? { calendar: cal } : {}), warnAt: [0.75], targets: { P1: { response: { duration: { hours: 1 } }, resolution: { duration: { hours: 8 } } } } }] });
        draftChanged({ structural: true });
        location.hash = `#/levels/${levels.length - 1}`;
      } } }, '+ New')),
      h('ul.side-list', levels.map((l, i) => h('li', h('a', { href: `#/levels/${i}`, 'aria-current': !showServices && i === li ? 'page' : null, dataset: { path: `serviceLevels[${i}]` } },
        h('strong', l.name || l.id), h('span.sub', `${l.id} · ${(l.versions ?? []).length} version${(l.versions ?? []).length === 1 ? '' : 's'}`)))),
      h('li', h('a', { href: '#/levels/services', 'aria-current': showServices ? 'page' : null }, h('strong', 'Services'), h('span.sub', `${(state.draft.services ?? []).length} linked to a level and hours`)))));
    const main = h('div.levels-main');
    root.append(
      h('div.page-head', h('div', h('h1', 'Service levels'), h('p', 'Targets per priority, effective-dated versions and the services that use them. Every change is validated by the engine; messages appear at the field they concern, and the tickets keep the last valid catalog until the errors are fixed.'))),
      summaryBox,
      h('div.two-col', side, main));
    let diff = null;
    if (showServices) {
      main.append(servicesCard(changed));
    } else if (level) {
      const LP = `serviceLevels[${li}]`;
      level.versions ??= [];
      const idIn = h('input', { type: 'text', value: level.id ?? '', dataset: { path: `${LP}.id`, key: `${LP}.id` }, on: { change: (e) => {
        const old = level.id;
        level.id = e.target.value.trim();
        for (const s of state.draft.services ?? []) if (s.serviceLevel === old) s.serviceLevel = level.id;
        changed(true);
      } } });
      const nameIn = h('input', { type: 'text', value: level.name ?? '', dataset: { path: `${LP}.name`, key: `${LP}.name` }, on: { change: (e) => { level.name = e.target.value; changed(true); } } });
      const descIn = h('input', { type: 'text', value: level.description ?? '', dataset: { path: `${LP}.description`, key: `${LP}.description` }, on: { change: (e) => { level.description = e.target.value; changed(false); } } });
      const usedBy = (state.draft.services ?? []).filter((s) => s.serviceLevel === level.id);
      const delLevel = h('button', { type: 'button', class: 'btn danger', on: { click: () => {
        if (!confirm(`Delete the service level ${level.id}?`)) return;
        levels.splice(li, 1);
        draftChanged({ structural: true });
        location.hash = '#/levels';
      } } }, 'Delete level');
      main.append(h('section.card', { dataset: { path: LP } },
        h('div.card-head', h('h2', level.name || level.id), delLevel),
        h('div.form-grid', field('Id', idIn), field('Name', nameIn), field('Description', descIn, { className: 'wide' })),
        h('p.muted', usedBy.length ? `Used by ${usedBy.map((s) => s.name ?? s.id).join(', ')}.` : 'No service uses this level yet.')));
      // Version tabs.
      const tabs = h('nav.version-tabs', { 'aria-label': 'Versions' },
        level.versions.map((v, i) => h('a', { href: `#/levels/${li}/${i}`, 'aria-current': i === vi ? 'page' : null, class: 'vtab', dataset: { path: `${LP}.versions[${i}]` } },
          h('strong', `v${i + 1}`), h('span', ` from ${typeof v.effectiveFrom === 'string' && !Number.isNaN(Date.parse(v.effectiveFrom)) ? formatIso(v.effectiveFrom, { year: true }).replace(/, 00:00$/, '') : v.effectiveFrom ?? '?'}`))),
        h('button', { type: 'button', class: 'btn small', dataset: { key: `${LP}.newVersion` }, on: { click: () => {
          const last = level.versions[level.versions.length - 1];
          const nv = clone(last ?? { targets: {} });
          delete nv.effectiveTo;
          const zone = versionZone(nv);
          const today = toZoned(nowMs(), zone).slice(0, 10);
          let start = fromLocal(`${today}T00:00`, zone);
          if (last && Date.parse(start) <= Date.parse(last.effectiveFrom)) start = toZoned(Date.parse(last.effectiveFrom) + 86400000, zone);
          nv.effectiveFrom = start;
          nv.name = `v${level.versions.length + 1}`;
          level.versions.push(nv);
          draftChanged({ structural: true });
          location.hash = `#/levels/${li}/${level.versions.length - 1}`;
        } } }, '+ New version'),
        level.versions.length > 1 ? h('button', { type: 'button', class: 'btn small danger', on: { click: () => {
          if (!confirm(`Delete version ${vi + 1} of ${level.name ?? level.id}?`)) return;
          level.versions.splice(vi, 1);
          draftChanged({ structural: true });
          location.hash = `#/levels/${li}`;
        } } }, `Delete v${vi + 1}`) : null);
      main.append(tabs);
      if (level.versions[vi]) main.append(versionEditor(level, li, vi, changed));
      if (level.versions.length > 1) {
        diff = diffCard(level, li, vi);
        main.append(diff.el);
      }
    }
    const refresh = () => {
      const fs = draftFindings().filter((f) => f.path.startsWith('serviceLevels') || f.path.startsWith('services') || f.path === '');
      const other = draftFindings().filter((f) => f.path.startsWith('calendars') && f.severity === 'error');
      summaryBox.replaceChildren(findingsSummary(() => root, fs, state.draft, { title: 'Service levels and services', emptyText: 'The service levels and services are valid.' }),
        other.length ? h('div.error-box', `The business hours have ${other.length} error${other.length === 1 ? '' : 's'}: `, h('a', { href: '#/hours' }, 'fix them on the Business hours page'), '.') : '');
      showFindings(main, fs);
      for (const a of side.querySelectorAll('a[data-path]')) {
        const n = fs.filter((f) => f.severity === 'error' && (f.path === a.dataset.path || f.path.startsWith(`${a.dataset.path}.`) || f.path.startsWith(`${a.dataset.path}[`))).length;
        a.querySelector('.err-count')?.remove();
        if (n) a.append(h('span.err-count', { title: `${n} error${n === 1 ? '' : 's'}` }, `${n} error${n === 1 ? '' : 's'}`));
      }
      diff?.run();
    };
    refresh();
    return { onDraft: refresh };
  },
};
