// Shared display vocabulary: statuses, target names, durations as written in a catalog.
import { h } from './dom.js';
import { toZoned } from './engine.js';
import { formatIso } from './time.js';

export const STATUS = {
  onTrack: { label: 'On track', icon: '●' },
  atRisk: { label: 'At risk', icon: '▲' },
  paused: { label: 'Paused', icon: '❚❚' },
  breached: { label: 'Breached', icon: '✕' },
  met: { label: 'Met', icon: '✓' },
  missed: { label: 'Missed', icon: '✕' },
};

export const STATUS_ORDER = ['breached', 'atRisk', 'onTrack', 'paused', 'missed', 'met'];

export function statusBadge(status, { small = false } = {}) {
  const s = STATUS[status] ?? { label: status, icon: '?' };
  return h('span', { class: ['badge', `st-${status}`, small && 'small'], dataset: { status } }, h('span.badge-icon', { 'aria-hidden': 'true' }, s.icon), ` ${s.label}`);
}

export function setBadge(el, status) {
  const s = STATUS[status] ?? { label: status, icon: '?' };
  el.className = el.className.replace(/\bst-\w+/g, '').trim() + ` st-${status}`;
  el.dataset.status = status;
  el.replaceChildren(h('span.badge-icon', { 'aria-hidden': 'true' }, s.icon), ` ${s.label}`);
}

/** "response" -> "Response", "customerUpdate" -> "Customer update". */
export function targetLabel(name) {
  const words = String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const EVENT_TYPES = {
  pause: 'Pause',
  resume: 'Resume',
  respond: 'Respond',
  resolve: 'Resolve',
  reopen: 'Reopen',
  priorityChange: 'Priority change',
};

export const KNOWN_REASONS = ['waitingForCustomer', 'waitingForThirdParty', 'scheduledMaintenance'];

/** An instant in `zone` as "Wed 9 Dec 2026, 10:15". */
export function inZone(iso, zone, opts) {
  if (!iso) return '—';
  return formatIso(toZoned(iso, zone), opts);
}

/** A short zone label: "Europe/Helsinki" -> "Helsinki". */
export function zoneShort(zone) {
  const last = zone.split('/').pop();
  return last.replace(/_/g, ' ');
}

/** A duration as written in a catalog, in words. */
export function durationText(d, clock = 'business') {
  const suffix = clock === 'calendar' ? ' (24×7)' : ' business';
  if (d === null || d === undefined) return '—';
  if (typeof d === 'number') return `${fmtMs(d)}${suffix}`;
  if (typeof d === 'string') return `${d}${suffix}`;
  if (typeof d === 'object') {
    if ('businessDays' in d) return `${d.businessDays} business day${d.businessDays === 1 ? '' : 's'}`;
    if ('endOfBusinessDay' in d) return d.endOfBusinessDay === 0 ? 'end of business day' : `end of business day +${d.endOfBusinessDay}`;
    const parts = [];
    if (d.days) parts.push(`${d.days} d`);
    if (d.hours) parts.push(`${d.hours} h`);
    if (d.minutes) parts.push(`${d.minutes} min`);
    if (d.seconds) parts.push(`${d.seconds} s`);
    if (d.milliseconds) parts.push(`${d.milliseconds} ms`);
    return `${parts.join(' ') || '0'}${suffix}`;
  }
  return String(d);
}

function fmtMs(ms) {
  const h = Math.floor(ms / 3600000);
  const m = Math.round((ms % 3600000) / 60000);
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || `${ms} ms`;
}

/** "serviceLevels[0].versions[1].targets.P1.resolution.duration" in words, using the document's ids. */
export function pathLabel(path, doc) {
  let out = path;
  const cal = /^calendars\[(\d+)\]/.exec(path);
  if (cal && doc?.calendars?.[cal[1]]) out = out.replace(cal[0], `calendar “${doc.calendars[cal[1]].id ?? cal[1]}”`);
  const lvl = /^serviceLevels\[(\d+)\]/.exec(path);
  if (lvl && doc?.serviceLevels?.[lvl[1]]) out = out.replace(lvl[0], `level “${doc.serviceLevels[lvl[1]].id ?? lvl[1]}”`);
  const svc = /^services\[(\d+)\]/.exec(path);
  if (svc && doc?.services?.[svc[1]]) out = out.replace(svc[0], `service “${doc.services[svc[1]].id ?? svc[1]}”`);
  return out.replace(/versions\[(\d+)\]/, (_, i) => `v${Number(i) + 1}`);
}
