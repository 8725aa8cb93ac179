// An editor for a list of open intervals `[["08:00","12:00"], ...]` at a document path.
import { h } from './dom.js';

function nextDefault(list) {
  if (!list.length) return ['09:00', '17:00'];
  const last = list[list.length - 1];
  const end = Array.isArray(last) ? last[1] : last.end;
  const m = /^(\d{2}):(\d{2})/.exec(end ?? '');
  if (!m) return ['13:00', '16:00'];
  const hh = Number(m[1]);
  if (hh >= 23) return ['00:00', '01:00'];
  const a = Math.min(23, hh + 1);
  const b = Math.min(24, a + 2);
  return [`${String(a).padStart(2, '0')}:${m[2]}`, `${String(b).padStart(2, '0')}:${m[2]}`];
}

/**
 * `list` is mutated in place; `onChange(structural)` is called after each edit.
 * `label` names the list for assistive tech ("Monday").
 */
export function intervalsEditor(list, path, label, onChange, { emptyText = 'Closed', addLabel = 'Add hours' } = {}) {
  const box = h('div.intervals', { dataset: { path } });
  list.forEach((iv, j) => {
    const isArr = Array.isArray(iv);
    const get = (k) => (isArr ? iv[k === 'start' ? 0 : 1] : iv[k]);
    const set = (k, v) => {
      if (isArr) iv[k === 'start' ? 0 : 1] = v;
      else iv[k] = v;
    };
    const input = (k) => h('input.time', {
      type: 'text', inputMode: 'numeric', size: 5, maxLength: 12, value: get(k) ?? '', placeholder: 'HH:MM', autocomplete: 'off',
      'aria-label': `${label} hours ${j + 1} ${k === 'start' ? 'opening' : 'closing'} time`,
      dataset: { path: `${path}[${j}].${k}`, key: `${path}[${j}].${k}` },
      on: { input: (e) => { set(k, e.target.value.trim()); onChange(false); } },
    });
    const start = input('start');
    const end = input('end');
    const overnight = /^\d\d:\d\d/.test(get('start') ?? '') && /^\d\d:\d\d/.test(get('end') ?? '') && get('end') !== '24:00' && get('end') <= get('start');
    box.append(h('span.interval', { dataset: { path: `${path}[${j}]` } }, start, h('span.dash', { 'aria-hidden': 'true' }, '–'), end,
      overnight ? h('span.tag', { title: 'The end is not after the start: the hours run past midnight and belong to this day' }, 'overnight') : null,
      h('button', { type: 'button', class: 'btn icon small', 'aria-label': `Remove ${label} hours ${j + 1}`, dataset: { key: `${path}[${j}].del` },
        on: { click: () => { list.splice(j, 1); onChange(true, `${path}.add`); } } }, '✕')));
  });
  if (!list.length) box.append(h('span.closed-text', emptyText));
  box.append(h('button', { type: 'button', class: 'btn small add', dataset: { key: `${path}.add` }, 'aria-label': `${addLabel}: ${label}`,
    on: { click: () => { list.push(nextDefault(list)); onChange(true, `${path}[${list.length - 1}].start`); } } }, '+ ', addLabel));
  return box;
}
