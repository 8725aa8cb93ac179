// Shows validation findings next to the field their `path` points to. Every editable
// control carries `data-path` (the path of its value in the catalog document, e.g.
// `serviceLevels[0].versions[1].targets.P1.response.duration`); a finding goes to the
// element with its exact path, else to the nearest ancestor path that is on the page
// (`calendars[0].weekly.tue[1]`, `calendars[0].weekly.tue`, ...).

import { h } from './dom.js';

/** `a.b[1].c` -> the parent paths, longest first. */
export function parentPaths(path) {
  const out = [];
  let p = path;
  while (p) {
    out.push(p);
    const m = /(\.[^.[\]]+|\[[^\]]*\])$/.exec(p);
    if (!m) break;
    p = p.slice(0, -m[0].length);
  }
  return out;
}

function cssEscape(s) {
  return window.CSS?.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&');
}

/** Clears old messages in `root` and attaches `findings`; returns those that found no field. */
export function showFindings(root, findings, { prefix = '' } = {}) {
  for (const el of root.querySelectorAll('.finding-msg')) el.remove();
  for (const el of root.querySelectorAll('[aria-invalid="true"], .has-finding, .has-warning')) {
    el.removeAttribute('aria-invalid');
    el.classList.remove('has-finding', 'has-warning');
    const d = el.getAttribute('aria-describedby');
    if (d) {
      const rest = d.split(' ').filter((x) => !x.startsWith('fm-'));
      if (rest.length) el.setAttribute('aria-describedby', rest.join(' '));
      else el.removeAttribute('aria-describedby');
    }
  }
  const unplaced = [];
  let n = 0;
  for (const f of findings) {
    if (prefix && !f.path.startsWith(prefix)) continue;
    let target = null;
    for (const p of parentPaths(f.path)) {
      target = root.querySelector(`[data-path="${cssEscape(p)}"]`);
      if (target) break;
    }
    if (!target) {
      unplaced.push(f);
      continue;
    }
    n += 1;
    const id = `fm-${n}-${Math.random().toString(36).slice(2, 7)}`;
    const msg = h('div', { id, class: ['finding-msg', f.severity], role: f.severity === 'error' ? 'alert' : null, dataset: { path: undefined, findingPath: f.path, code: f.code } },
      h('span.finding-code', f.code), ' ', f.message, f.path ? h('span.finding-path', ` (${f.path})`) : null);
    const isControl = ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(target.tagName);
    if (isControl) {
      if (f.severity === 'error') target.setAttribute('aria-invalid', 'true');
      target.classList.add(f.severity === 'error' ? 'has-finding' : 'has-warning');
      target.setAttribute('aria-describedby', [target.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
      // After the control's wrapper (an interval chip or a field) so the layout holds.
      const anchor = target.closest('.interval, .field, .inline-field, td') ?? target;
      anchor.after(msg);
    } else if (target.tagName === 'TR') {
      const cells = target.children.length;
      target.after(h('tr.finding-row', h('td', { colSpan: cells }, msg)));
    } else {
      target.classList.add(f.severity === 'error' ? 'has-finding' : 'has-warning');
      target.append(msg);
    }
  }
  return unplaced;
}

/** Focuses the field of a finding (for the findings summaries). */
export function focusPath(root, path) {
  for (const p of parentPaths(path)) {
    const el = root.querySelector(`[data-path="${cssEscape(p)}"]`);
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (typeof el.focus === 'function') el.focus({ preventScroll: true });
      return true;
    }
  }
  return false;
}

/** A summary list of findings with "go to field" buttons. */
export function findingsSummary(root, findings, doc, { title = 'Validation', emptyText = 'No problems found.' } = {}) {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity !== 'error');
  const box = h('div', { class: ['findings-summary', errors.length ? 'has-errors' : warnings.length ? 'has-warnings' : 'ok'], role: 'status', 'aria-live': 'polite' });
  if (!findings.length) {
    box.append(h('span.ok-mark', '✓ '), emptyText);
    return box;
  }
  box.append(h('strong', `${title}: ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`),
    errors.length ? h('span.muted', ' — the last valid catalog stays in use until they are fixed.') : null);
  box.append(h('ul', findings.map((f) => h('li', { class: f.severity },
    h('button', { type: 'button', class: 'link', on: { click: () => focusPath(root(), f.path) } }, h('code', f.path || '(catalog)')),
    ` ${f.code}: ${f.message}`))));
  return box;
}
