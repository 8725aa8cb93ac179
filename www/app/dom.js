// Tiny DOM helpers: `h('div.card#id', { attrs, on: { click } }, ...children)`.

const SVG_NS = 'http://www.w3.org/2000/svg';
let uid = 0;

/** A unique id for label/aria wiring. */
export function nextId(prefix = 'f') {
  uid += 1;
  return `${prefix}-${uid}`;
}

function build(el, attrs, children) {
  let deferredValue;
  if (attrs && el.tagName === 'SELECT' && 'value' in attrs) {
    deferredValue = attrs.value;
    attrs = { ...attrs };
    delete attrs.value;
  }
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'on') {
        for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
      } else if (k === 'class') {
        el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
      } else if (k === 'style' && typeof v === 'object') {
        for (const [sk, sv] of Object.entries(v)) el.style.setProperty(sk, sv);
      } else if (k === 'dataset') {
        for (const [dk, dv] of Object.entries(v)) if (dv !== undefined && dv !== null) el.dataset[dk] = dv;
      } else if (k in el && !(el instanceof SVGElement) && k !== 'list' && k !== 'form') {
        el[k] = v;
      } else {
        el.setAttribute(k, v === true ? '' : String(v));
      }
    }
  }
  append(el, children);
  if (deferredValue !== undefined) el.value = deferredValue;
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function parseTag(tag) {
  const m = /^([a-z0-9-]+)?((?:[.#][\w-]+)*)$/i.exec(tag);
  const name = (m && m[1]) || 'div';
  const classes = [];
  let id = null;
  for (const part of (m && m[2] ? m[2].match(/[.#][\w-]+/g) : []) ?? []) {
    if (part[0] === '.') classes.push(part.slice(1));
    else id = part.slice(1);
  }
  return { name, classes, id };
}

function isAttrs(x) {
  return x && typeof x === 'object' && !(x instanceof Node) && !Array.isArray(x);
}

/** An HTML element. */
export function h(tag, attrs, ...children) {
  if (!isAttrs(attrs)) {
    children.unshift(attrs);
    attrs = null;
  }
  const { name, classes, id } = parseTag(tag);
  const el = document.createElement(name);
  if (id) el.id = id;
  if (classes.length) el.className = classes.join(' ');
  build(el, attrs, children);
  if (classes.length && attrs && attrs.class) el.classList.add(...classes);
  return el;
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  if (!isAttrs(attrs)) {
    children.unshift(attrs);
    attrs = null;
  }
  const el = document.createElementNS(SVG_NS, tag);
  build(el, attrs, children);
  return el;
}

/** Replaces the children of `el`. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A labelled form field: `<div class="field"><label>..</label>control<div hint></div></div>`. */
export function field(label, control, { hint, className } = {}) {
  if (!control.id) control.id = nextId();
  const hintEl = hint ? h('div.hint', { id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: ['field', className] }, h('label', { htmlFor: control.id }, label), control, hintEl);
}

/** Saves `text` as a file download. */
export function download(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Announces `text` to screen readers (and shows it as a toast). */
export function announce(text, kind = 'info') {
  const region = document.getElementById('toast');
  if (!region) return;
  const item = h('div', { class: ['toast-item', kind] }, text);
  region.append(item);
  setTimeout(() => item.remove(), 4000);
}

export function debounce(fn, ms) {
  let t = null;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}

let pendingFocus = null;
/** Asks the next render to focus the control with `data-key="key"`. */
export function requestFocus(key) {
  pendingFocus = key;
}
export function takePendingFocus() {
  const k = pendingFocus;
  pendingFocus = null;
  return k;
}
