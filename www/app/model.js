// Look-ups in the catalog documents (the applied catalog unless said otherwise).
import { state, calendarZone } from './store.js';

export function services(doc = state.catalog) {
  return doc?.services ?? [];
}

export function serviceById(id, doc = state.catalog) {
  return services(doc).find((s) => s.id === id) ?? null;
}

export function levelById(id, doc = state.catalog) {
  return (doc?.serviceLevels ?? []).find((l) => l.id === id) ?? null;
}

/** The catalog target an evaluation measured (with its `name`). */
export function targetDef(evaluation, name) {
  const level = levelById(evaluation.serviceLevel);
  const v = level?.versions?.[evaluation.versionIndex];
  const t = v?.targets?.[evaluation.priority]?.[name];
  return t ? { ...t, name } : null;
}

/** Every priority any version of the service's level defines, sorted. */
export function prioritiesFor(serviceId) {
  const svc = serviceById(serviceId);
  const level = svc ? levelById(svc.serviceLevel) : null;
  const set = new Set();
  for (const v of level?.versions ?? []) for (const p of Object.keys(v.targets ?? {})) set.add(p);
  if (set.size === 0) for (const l of state.catalog?.serviceLevels ?? []) for (const v of l.versions ?? []) for (const p of Object.keys(v.targets ?? {})) set.add(p);
  return [...set].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The calendar id a ticket of `serviceId` created at `createdAt` is measured on (best effort, for input zones). */
export function calendarIdFor(serviceId, createdAt) {
  const svc = serviceById(serviceId);
  if (svc?.calendar) return svc.calendar;
  const level = svc ? levelById(svc.serviceLevel) : null;
  const versions = level?.versions ?? [];
  const t = Date.parse(createdAt);
  let pick = versions[versions.length - 1];
  for (const v of versions) if (Date.parse(v.effectiveFrom) <= t) pick = v;
  return pick?.calendar ?? state.catalog?.calendars?.[0]?.id ?? null;
}

/** The zone a ticket's times are entered and shown in. */
export function ticketZone(ticket, evaluation) {
  if (evaluation && !evaluation.error && evaluation.calendar) return calendarZone(evaluation.calendar);
  const id = calendarIdFor(ticket.service, ticket.createdAt);
  return id ? calendarZone(id) : 'UTC';
}

/** "Gold v2" for an evaluation. */
export function levelLabel(evaluation) {
  const l = levelById(evaluation.serviceLevel);
  return `${l?.name ?? evaluation.serviceLevel} v${evaluation.versionIndex + 1}`;
}
