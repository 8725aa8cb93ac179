// Data: what is saved in this browser, export and import in the package's catalog and
// ticket formats, backups of saved states that could not be read, the sample data.

import { h, download, announce } from '../dom.js';
import { SlaCatalog } from '../engine.js';
import { state, catalog, replaceData, sampleData, backups, readBackup, deleteBackup, STORAGE_KEY, SCHEMA_VERSION, nowMs, problems, enableSaving } from '../store.js';

let lastResult = null; // { ok, title, items: [{ severity, where, code, path, message }] }

function kind(doc) {
  if (Array.isArray(doc)) return 'tickets';
  if (doc && typeof doc === 'object') {
    if ('catalog' in doc || 'tickets' in doc) return 'bundle';
    if (['calendars', 'serviceLevels', 'services'].some((k) => k in doc)) return 'catalog';
  }
  return null;
}

/**
 * Checks what `docs` would import: [{ name, text }] -> { catalog?, tickets?, problems }.
 * Nothing is changed here.
 */
export function checkImport(docs) {
  const out = { catalog: undefined, tickets: undefined, problems: [] };
  const err = (where, code, path, message) => out.problems.push({ severity: 'error', where, code, path, message });
  for (const { name, text } of docs) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      err(name, 'INVALID_JSON', '', `not valid JSON: ${e.message}`);
      continue;
    }
    const k = kind(doc);
    if (k === null) {
      err(name, 'UNKNOWN_DOCUMENT', '', 'expected a catalog (an object with calendars, serviceLevels, services) or a list of tickets');
      continue;
    }
    const parts = k === 'bundle' ? [['catalog', doc.catalog, 'catalog'], ['tickets', doc.tickets, 'tickets']] : [[k, doc, '']];
    for (const [what, value, prefix] of parts) {
      if (value === undefined) continue;
      if (what === 'catalog') {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          err(name, 'INVALID_TYPE', prefix, 'the catalog must be an object');
          continue;
        }
        if (out.catalog !== undefined) err(name, 'DUPLICATE', prefix, 'more than one catalog in this import');
        const findings = SlaCatalog.validate(value);
        const errors = findings.filter((f) => f.severity === 'error');
        for (const f of errors) err(name, f.code, prefix ? `${prefix}.${f.path}`.replace(/\.$/, '') : f.path, f.message);
        if (!errors.length) out.catalog = value;
        else out.catalogInvalid = true;
      } else {
        if (!Array.isArray(value)) {
          err(name, 'INVALID_TYPE', prefix, 'the tickets must be a list');
          continue;
        }
        if (out.tickets !== undefined) err(name, 'DUPLICATE', prefix, 'more than one ticket list in this import');
        out.tickets = value;
        out.ticketsFrom = name;
        out.ticketsPrefix = prefix ? `${prefix}` : 'tickets';
      }
    }
  }
  // Tickets are checked against the catalog they will be measured with.
  if (out.tickets !== undefined) {
    const list = out.tickets;
    const seen = new Map();
    list.forEach((t, i) => {
      if (!t || typeof t !== 'object' || Array.isArray(t)) {
        err(out.ticketsFrom, 'INVALID_TYPE', `${out.ticketsPrefix}[${i}]`, 'a ticket must be an object');
        return;
      }
      if (t.id !== undefined && seen.has(String(t.id))) err(out.ticketsFrom, 'DUPLICATE_ID', `${out.ticketsPrefix}[${i}].id`, `ticket id \`${t.id}\` is also used by ${out.ticketsPrefix}[${seen.get(String(t.id))}]`);
      else if (t.id !== undefined) seen.set(String(t.id), i);
    });
    // Against an invalid imported catalog the tickets cannot be checked (its errors are listed).
    if (!out.catalogInvalid) {
      let cat = null;
      try {
        cat = out.catalog !== undefined ? new SlaCatalog(out.catalog) : null;
        const objects = list.filter((t) => t && typeof t === 'object' && !Array.isArray(t));
        if (objects.length === list.length) {
          const evals = (cat ?? catalog()).evaluateMany(list, nowMs());
          evals.forEach((e, i) => {
            if (e.error) err(out.ticketsFrom, e.error.code, `${out.ticketsPrefix}[${i}]${e.error.path ? `.${e.error.path}` : ''}`, `ticket ${e.ticketId ?? i}: ${e.error.message}`);
          });
        }
      } catch (e) {
        err(out.ticketsFrom, e.code ?? 'ERROR', e.path ?? '', e.message);
      } finally {
        cat?.free();
      }
    }
  }
  return out;
}

function resultBox() {
  if (!lastResult) return h('div#import-result');
  const r = lastResult;
  return h('div#import-result', { class: r.ok ? 'ok-box' : 'error-box', role: r.ok ? 'status' : 'alert', dataset: { ok: String(r.ok) } },
    h('strong', r.title),
    r.items.length ? h('ul.problems', r.items.map((p) => h('li', { class: p.severity, dataset: { path: undefined, problemPath: p.path, code: p.code } },
      p.where ? h('span.where', `${p.where}: `) : null, h('code', p.path || '(document)'), ` ${p.code}: ${p.message}`))) : null);
}

async function readFiles(files) {
  return Promise.all([...files].map(async (f) => ({ name: f.name, text: await f.text() })));
}

function doImport(docs, rerender) {
  if (!docs.length) {
    lastResult = { ok: false, title: 'Nothing to import: choose a file or paste JSON.', items: [] };
    rerender();
    return;
  }
  const r = checkImport(docs);
  if (r.problems.length || (r.catalog === undefined && r.tickets === undefined)) {
    lastResult = { ok: false, title: `Import rejected: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}. Your current data is unchanged.`, items: r.problems };
    rerender();
    return;
  }
  const what = [];
  if (r.catalog !== undefined) what.push(`the catalog (${(r.catalog.calendars ?? []).length} calendars, ${(r.catalog.serviceLevels ?? []).length} service levels, ${(r.catalog.services ?? []).length} services)`);
  if (r.tickets !== undefined) what.push(`${r.tickets.length} tickets`);
  replaceData({ catalog: r.catalog, tickets: r.tickets });
  // Tickets kept from before may not fit a new catalog: say so (they show their errors).
  const items = [];
  if (r.catalog !== undefined && r.tickets === undefined) {
    catalog().evaluateMany(state.tickets, nowMs()).forEach((e, i) => {
      if (e.error) items.push({ severity: 'warning', where: 'current tickets', code: e.error.code, path: `tickets[${i}]${e.error.path ? `.${e.error.path}` : ''}`, message: `ticket ${e.ticketId}: ${e.error.message}` });
    });
  }
  lastResult = { ok: true, title: `Imported ${what.join(' and ')}.${items.length ? ` ${items.length} of your tickets do not fit the new catalog:` : ''}`, items };
  announce(`Imported ${what.join(' and ')}`);
  rerender();
}

function savedInfo() {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw === null) return { size: 0, savedAt: null };
    const doc = JSON.parse(raw);
    return { size: raw.length, savedAt: doc.savedAt ?? null, schema: doc.schema };
  } catch {
    return { size: 0, savedAt: null };
  }
}

export const dataView = {
  id: 'data',
  title: 'Data',
  render(root, ctx) {
    const rerender = () => ctx.rerender();
    const info = savedInfo();
    const bk = backups();
    const exportCatalog = h('button#export-catalog.btn.primary', { type: 'button', on: { click: () => download('slaclock-catalog.json', `${JSON.stringify(state.catalog, null, 2)}\n`) } }, 'Export catalog (JSON)');
    const exportTickets = h('button#export-tickets.btn.primary', { type: 'button', on: { click: () => download('slaclock-tickets.json', `${JSON.stringify(state.tickets, null, 2)}\n`) } }, 'Export tickets (JSON)');
    const file = h('input#import-file', { type: 'file', accept: '.json,application/json', multiple: true, 'aria-describedby': 'import-hint' });
    const text = h('textarea#import-text', { rows: 7, spellcheck: false, placeholder: 'or paste a catalog, a ticket list, or { "catalog": …, "tickets": […] }', 'aria-label': 'JSON to import' });
    const importBtn = h('button#import-run.btn.primary', { type: 'button', on: { click: async () => {
      const docs = file.files?.length ? await readFiles(file.files) : text.value.trim() ? [{ name: 'pasted JSON', text: text.value }] : [];
      doImport(docs, rerender);
    } } }, 'Import');
    file.addEventListener('change', async () => { if (file.files?.length) doImport(await readFiles(file.files), rerender); });
    const savingOff = problems.some((p) => /nothing will be saved/.test(p.message));
    root.append(
      h('div.page-head', h('div', h('h1', 'Data'), h('p', 'Everything lives in this browser’s localStorage; nothing is sent anywhere. Export files use the slaclock package’s own formats, so they work unchanged in Node, Deno or a worker.'))),
      h('div.data-grid',
        h('section.card', { 'aria-labelledby': 'ex-h' },
          h('h2#ex-h', 'Export'),
          h('p', `The catalog (${(state.catalog.calendars ?? []).length} calendars, ${(state.catalog.serviceLevels ?? []).length} service levels, ${(state.catalog.services ?? []).length} services) and ${state.tickets.length} tickets.`),
          h('div.btn-row', exportCatalog, exportTickets),
          h('p.muted', 'Use them with the npm package:'),
          h('pre.code', `import { readFileSync } from 'node:fs';
import { SlaCatalog } from 'slaclock/sla';

const catalog = new SlaCatalog(readFileSync('slaclock-catalog.json', 'utf8'));
const tickets = JSON.parse(readFileSync('slaclock-tickets.json', 'utf8'));
for (const t of catalog.evaluateMany(tickets, new Date())) {
  console.log(t.ticketId, t.targets?.map((x) => \`\${x.name} \${x.status} due \${x.due}\`));
}`)),
        h('section.card', { 'aria-labelledby': 'im-h' },
          h('h2#im-h', 'Import'),
          h('p#import-hint', 'A catalog file, a ticket file (or both at once), or a bundle { catalog, tickets }. Everything is validated first: if anything is wrong, you see each problem with its path and nothing changes.'),
          h('div.field', h('label', { htmlFor: 'import-file' }, 'JSON files'), file),
          h('div.field', h('label', { htmlFor: 'import-text' }, 'Or paste JSON'), text),
          h('div.btn-row', importBtn),
          resultBox()),
        h('section.card', { 'aria-labelledby': 'st-h' },
          h('h2#st-h', 'Saved in this browser'),
          h('dl.kv',
            h('dt', 'Key'), h('dd', h('code', STORAGE_KEY)),
            h('dt', 'Schema version'), h('dd', String(info.schema ?? SCHEMA_VERSION)),
            h('dt', 'Size'), h('dd', `${(info.size / 1024).toFixed(1)} KiB`),
            h('dt', 'Last saved'), h('dd', info.savedAt ?? '—')),
          savingOff ? h('div.error-box', 'Saving is off: the previous saved data could not be read or backed up. Export what you need, then ',
            h('button', { type: 'button', class: 'btn small', on: { click: () => {
              download('slaclock-unreadable-state.json', localStorage.getItem(STORAGE_KEY) ?? '');
            } } }, 'download the unreadable data'), ' and ',
            h('button', { type: 'button', class: 'btn small danger', on: { click: () => { enableSaving(); rerender(); } } }, 'replace it with the current data')) : null,
          h('h3', 'Backups of unreadable saved data'),
          bk.length ? h('ul.backups', bk.map((b) => h('li', { dataset: { backup: b.key } }, h('code', b.key), ` ${(b.size / 1024).toFixed(1)} KiB `,
            h('button', { type: 'button', class: 'btn small', on: { click: () => download(`${b.key.replace(/[^\w.-]+/g, '_')}.json`, readBackup(b.key) ?? '') } }, 'Download'),
            h('button', { type: 'button', class: 'btn small danger', on: { click: () => { if (confirm(`Delete the backup ${b.key}?`)) { deleteBackup(b.key); rerender(); } } } }, 'Delete'))))
            : h('p.muted', 'None. When saved data cannot be read (corrupted, or written by a newer version), it is kept here untouched instead of being dropped.')),
        h('section.card', { 'aria-labelledby': 'sm-h' },
          h('h2#sm-h', 'Sample data'),
          h('p', 'The XYZ Company scenario, rebuilt around today’s date: the annual service review three weeks before this Monday, tickets before and after it, and a few live ones.'),
          h('button#reset-sample.btn.danger', { type: 'button', on: { click: () => {
            if (!confirm('Replace the catalog and all tickets with the sample data? Export first to keep your changes.')) return;
            replaceData(sampleData());
            lastResult = { ok: true, title: 'The sample data was restored.', items: [] };
            rerender();
          } } }, 'Restore the sample data'))));
  },
};
