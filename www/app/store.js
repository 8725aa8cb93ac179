// The app's state, its persistence in localStorage (with a schema version and backups of
// anything it cannot read), the compiled catalog and the clock ("now", live or
// time-travelled).
//
// State: { catalog, draft, tickets, settings }
//   catalog  the last valid catalog document (public catalog JSON): tickets are measured
//            against it;
//   draft    the document the editors change; applied to `catalog` whenever it has no
//            error findings (so an edit that is still wrong never breaks the tickets);
//   tickets  the tickets (public ticket JSON, plus a `title`, which the engine ignores);
//   settings { viewerZone }.

import { SlaCatalog, BusinessCalendar, fromLocal, toZoned, timeZones } from './engine.js';
import { makeSeed } from './seed.js';

export const STORAGE_KEY = 'slaclock-demo:state';
export const BACKUP_PREFIX = 'slaclock-demo:backup:';
export const SCHEMA_VERSION = 1;

const listeners = new Set();
export const state = { catalog: null, draft: null, tickets: [], settings: { viewerZone: null } };
/** What went wrong reading or writing the saved state: { message, backupKey? } (shown as a banner). */
export const problems = [];
let compiled = null;
let findings = [];
let savingDisabled = false;

export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function emit(kind) {
  for (const fn of listeners) fn(kind);
}

const clone = (x) => (x === undefined ? undefined : JSON.parse(JSON.stringify(x)));

// --- clock --------------------------------------------------------------------------

let override = null; // epoch ms, or null = live

/** The instant the app measures at: the real clock, or the time-travel override. */
export function nowMs() {
  return override ?? Date.now();
}

export function nowOverride() {
  return override;
}

export function setNowOverride(ms) {
  override = ms === null || ms === undefined || Number.isNaN(ms) ? null : Math.round(ms);
  emit('now');
}

// --- zones --------------------------------------------------------------------------

let zoneList = null;
export function zones() {
  zoneList ??= timeZones();
  return zoneList;
}

/** The viewer's zone: the setting, else the browser's, else UTC. */
export function viewerZone() {
  const z = state.settings.viewerZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return zones().includes(z) ? z : 'UTC';
}

export function setViewerZone(z) {
  state.settings.viewerZone = z || null;
  save();
  emit('settings');
}

// --- catalog ------------------------------------------------------------------------

/** The compiled catalog the tickets are measured against. */
export function catalog() {
  return compiled;
}

/** Findings of the draft (errors and warnings), from `SlaCatalog.validate`. */
export function draftFindings() {
  return findings;
}

export function draftHasErrors() {
  return findings.some((f) => f.severity === 'error');
}

function compile(doc) {
  const next = new SlaCatalog(doc);
  const old = compiled;
  compiled = next;
  if (old) old.free();
}

/**
 * Records an edit of the draft: validates it, applies it when it has no errors, saves.
 * `structural` edits (added/removed items) ask the views to re-render.
 */
export function draftChanged({ structural = false } = {}) {
  findings = SlaCatalog.validate(state.draft);
  if (!draftHasErrors()) {
    try {
      compile(state.draft);
      state.catalog = clone(state.draft);
    } catch (e) {
      findings = e.findings ?? [{ severity: 'error', code: e.code ?? 'ERROR', path: e.path ?? '', message: e.message }];
    }
  }
  save();
  emit(structural ? 'draft-structure' : 'draft');
}

/** Replaces catalog and/or tickets (an import, or the sample data). */
export function replaceData({ catalog: doc, tickets }) {
  if (doc !== undefined) {
    compile(doc);
    state.catalog = clone(doc);
    state.draft = clone(doc);
    findings = SlaCatalog.validate(state.draft);
  }
  if (tickets !== undefined) state.tickets = clone(tickets);
  save();
  emit('replace');
}

export function ticketsChanged({ structural = false } = {}) {
  save();
  emit(structural ? 'tickets-structure' : 'tickets');
}

/** Evaluations of every ticket at `now` (index-aligned with `state.tickets`). */
export function evaluateAll(now = nowMs()) {
  if (!compiled) return [];
  return compiled.evaluateMany(state.tickets, now);
}

/** A `BusinessCalendar` of the applied catalog by id (cached per compiled catalog). */
const calendarCache = new WeakMap();
export function calendarById(id) {
  if (!compiled) return null;
  let m = calendarCache.get(compiled);
  if (!m) {
    m = new Map();
    calendarCache.set(compiled, m);
  }
  if (!m.has(id)) m.set(id, compiled.calendar(id));
  return m.get(id);
}

/** The zone of a calendar of the applied catalog (falls back to the draft's, then UTC). */
export function calendarZone(id) {
  const c = (state.catalog?.calendars ?? []).find((x) => x.id === id) ?? (state.draft?.calendars ?? []).find((x) => x.id === id);
  return c?.timeZone ?? 'UTC';
}

/** A calendar document of the draft built on its own (null when it has an error). */
export function buildCalendar(doc) {
  try {
    return new BusinessCalendar(doc);
  } catch {
    return null;
  }
}

// --- persistence --------------------------------------------------------------------

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function save() {
  if (savingDisabled) return;
  const ls = storage();
  if (!ls) return;
  const doc = {
    schema: SCHEMA_VERSION,
    app: 'slaclock-demo',
    savedAt: new Date().toISOString(),
    catalog: state.catalog,
    draft: state.draft,
    tickets: state.tickets,
    settings: state.settings,
  };
  try {
    ls.setItem(STORAGE_KEY, JSON.stringify(doc));
  } catch (e) {
    reportProblem({ message: `Your changes could not be saved in this browser (${e.name}: ${e.message}). Export your data to keep it.` });
  }
}

function reportProblem(p) {
  if (!problems.some((x) => x.message === p.message)) problems.push(p);
  emit('problems');
}

export function dismissProblem(p) {
  const i = problems.indexOf(p);
  if (i >= 0) problems.splice(i, 1);
  emit('problems');
}

/** Keys of the backups of unreadable saved states. */
export function backups() {
  const ls = storage();
  if (!ls) return [];
  const out = [];
  for (let i = 0; i < ls.length; i += 1) {
    const k = ls.key(i);
    if (k && k.startsWith(BACKUP_PREFIX)) out.push({ key: k, size: (ls.getItem(k) ?? '').length });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

export function readBackup(key) {
  return storage()?.getItem(key) ?? null;
}

export function deleteBackup(key) {
  storage()?.removeItem(key);
  emit('problems');
}

/** Why a saved document cannot be used, or null. */
function checkSaved(doc) {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return 'it is not a JSON object';
  if (doc.schema === undefined) return 'it has no schema version';
  if (typeof doc.schema !== 'number') return `its schema version \`${JSON.stringify(doc.schema)}\` is not a number`;
  if (doc.schema > SCHEMA_VERSION) return `it was written by a newer version of this app (schema ${doc.schema}; this app reads ${SCHEMA_VERSION})`;
  if (doc.schema < 1) return `its schema version ${doc.schema} is unknown`;
  if (!doc.catalog || typeof doc.catalog !== 'object') return 'it has no catalog';
  if (!Array.isArray(doc.tickets)) return 'it has no ticket list';
  return null;
}

function seedState() {
  const seed = makeSeed(Date.now(), { fromLocal, toZoned, BusinessCalendar });
  return { catalog: seed.catalog, draft: clone(seed.catalog), tickets: seed.tickets, settings: { viewerZone: null } };
}

/** The sample data for the current date. */
export function sampleData() {
  const seed = makeSeed(Date.now(), { fromLocal, toZoned, BusinessCalendar });
  return { catalog: seed.catalog, tickets: seed.tickets };
}

/** Loads the saved state (or the sample data); an unreadable one is kept as a backup and reported. */
export function load() {
  const ls = storage();
  const raw = ls ? ls.getItem(STORAGE_KEY) : null;
  let loaded = null;
  if (raw !== null) {
    let reason = null;
    let doc = null;
    try {
      doc = JSON.parse(raw);
      reason = checkSaved(doc);
    } catch (e) {
      reason = `it is not valid JSON (${e.message})`;
    }
    if (reason === null) {
      try {
        new SlaCatalog(doc.catalog).free();
        const tickets = doc.tickets;
        loaded = {
          catalog: doc.catalog,
          draft: doc.draft && typeof doc.draft === 'object' ? doc.draft : clone(doc.catalog),
          tickets,
          settings: { viewerZone: null, ...(doc.settings && typeof doc.settings === 'object' ? doc.settings : {}) },
        };
      } catch (e) {
        reason = `its catalog is not valid (${e.code ?? e.name}${e.path ? ` at ${e.path}` : ''}: ${e.message})`;
      }
    }
    if (reason !== null) {
      const backupKey = `${BACKUP_PREFIX}${new Date().toISOString()}`;
      try {
        ls.setItem(backupKey, raw);
        reportProblem({ message: `The saved data could not be read: ${reason}. It was kept unchanged in this browser as the backup “${backupKey}” (see Data), and the app started with the sample data.`, backupKey });
      } catch (e) {
        savingDisabled = true;
        reportProblem({ message: `The saved data could not be read (${reason}) and could not be backed up (${e.message}). It is left untouched and nothing will be saved until you export or clear it on the Data page.` });
      }
    }
  }
  const next = loaded ?? seedState();
  Object.assign(state, next);
  compile(state.catalog);
  findings = SlaCatalog.validate(state.draft);
  if (!savingDisabled) save();
  return { seeded: loaded === null };
}

/** Another tab changed the saved data: say so instead of silently overwriting it later. */
export function watchOtherTabs() {
  window.addEventListener('storage', (e) => {
    if (e.key !== STORAGE_KEY || e.newValue === null) return;
    reportProblem({ message: 'The data was changed in another tab of this app. Reload this page to see it: a change made here would overwrite it.' });
  });
}

/** Re-enables saving after the user dealt with an unreadable state that could not be backed up. */
export function enableSaving() {
  savingDisabled = false;
  save();
}

export { clone };
