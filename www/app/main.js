// Boot, routing (#/view/params), the clock bar ("now": live or time travel) and the
// one-second tick that refreshes every live figure without re-rendering the page.

import { h, mount, announce, takePendingFocus } from './dom.js';
import { init, fromLocal, toZoned, tzdbVersion } from './engine.js';
import * as store from './store.js';
import { formatIso, formatDuration, DAY, HOUR, MINUTE } from './time.js';
import { zoneShort } from './format.js';

const views = {};
let current = null; // { view, handle, params, root }

async function loadViews() {
  const [{ ticketsView }, { hoursView }, { levelsView }, { reportsView }, { dataView }] = await Promise.all([
    import('./views/tickets.js'),
    import('./views/hours.js'),
    import('./views/levels.js'),
    import('./views/reports.js'),
    import('./views/data.js'),
  ]);
  for (const v of [ticketsView, hoursView, levelsView, reportsView, dataView]) views[v.id] = v;
}

const NAV = [
  ['tickets', 'Tickets'],
  ['hours', 'Business hours'],
  ['levels', 'Service levels'],
  ['reports', 'Reports'],
  ['data', 'Data'],
];

function route() {
  const parts = (location.hash.replace(/^#\/?/, '') || 'tickets').split('/');
  const id = views[parts[0]] ? parts[0] : 'tickets';
  return { id, params: parts.slice(1) };
}

function focusKey() {
  const a = document.activeElement;
  if (!a || a === document.body) return null;
  return a.dataset?.key ?? (a.id ? `#${a.id}` : null);
}

function restoreFocus(key) {
  if (!key) return;
  const el = key.startsWith('#') ? document.getElementById(key.slice(1)) : document.querySelector(`[data-key="${CSS.escape(key)}"]`);
  if (el && typeof el.focus === 'function') el.focus({ preventScroll: true });
}

function ctx() {
  const now = store.nowMs();
  return { now, evals: store.evaluateAll(now) };
}

/** Renders the current route (keeping scroll and focus when it is the same view). */
function render({ keep = false } = {}) {
  const r = route();
  const main = document.getElementById('view');
  const same = current && current.id === r.id && current.params.join('/') === r.params.join('/');
  const scroll = window.scrollY;
  const key = focusKey();
  current?.handle?.dispose?.();
  main.replaceChildren();
  const c = { ...ctx(), params: r.params, rerender: () => render({ keep: true }) };
  const handle = views[r.id].render(main, c) ?? {};
  current = { id: r.id, params: r.params, handle };
  for (const a of document.querySelectorAll('.mainnav a')) {
    if (a.dataset.view === r.id) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${views[r.id].title} · slaclock SLA studio`;
  const pending = takePendingFocus();
  if (same || keep) {
    window.scrollTo(0, scroll);
    restoreFocus(pending ?? key);
  } else {
    window.scrollTo(0, 0);
    if (pending) restoreFocus(pending);
  }
}

function tick() {
  const c = ctx();
  updateClock(c.now);
  current?.handle?.tick?.(c);
}

// --- clock bar ----------------------------------------------------------------------

let clockEls = null;
let sliderBase = null;

function clockBar() {
  const zoneSelect = h('select#viewer-zone', { 'aria-label': 'Your time zone' }, store.zones().map((z) => h('option', { value: z }, z)));
  zoneSelect.value = store.viewerZone();
  zoneSelect.addEventListener('change', () => store.setViewerZone(zoneSelect.value));
  const input = h('input#now-input', { type: 'datetime-local', step: 1, 'aria-describedby': 'now-zone' });
  const slider = h('input#now-slider', { type: 'range', min: -60 * 24 * 30, max: 60 * 24 * 30, step: 15, value: 0, 'aria-label': 'Time travel: minutes from the real time' });
  const status = h('span#now-status.now-status');
  const live = h('button#now-live.btn', { type: 'button' }, 'Back to live');
  const step = (ms, label) => h('button', { type: 'button', class: 'btn small', 'aria-label': `${ms < 0 ? 'Back' : 'Forward'} ${label}`, on: { click: () => setOverride(store.nowMs() + ms) } }, `${ms < 0 ? '−' : '+'}${label}`);
  input.addEventListener('change', () => {
    if (!input.value) return;
    try {
      setOverride(Date.parse(fromLocal(input.value, store.viewerZone())));
    } catch (e) {
      announce(`Not a valid time: ${e.message}`, 'error');
    }
  });
  slider.addEventListener('input', () => {
    sliderBase ??= Date.now();
    const v = Number(slider.value);
    store.setNowOverride(v === 0 ? null : sliderBase + v * MINUTE);
    if (v === 0) sliderBase = null;
  });
  live.addEventListener('click', () => {
    sliderBase = null;
    slider.value = 0;
    store.setNowOverride(null);
    announce('Back to the live clock');
  });
  const other = h('span#now-other.muted');
  clockEls = { input, slider, status, live, other, zoneSelect };
  return h('section.clockbar', { 'aria-label': 'Clock' },
    h('div.clock-main',
      status,
      h('label.now-label', { htmlFor: 'now-input' }, 'Now'),
      input,
      h('span#now-zone.zone-tag', ''),
      h('span.steps', step(-DAY, '1 d'), step(-HOUR, '1 h'), step(HOUR, '1 h'), step(DAY, '1 d')),
      live),
    h('div.clock-sub',
      h('label.slider-label', { htmlFor: 'now-slider' }, 'Time travel'), slider, other,
      h('span.zone-pick', h('label', { htmlFor: 'viewer-zone' }, 'Your zone'), zoneSelect)));
}

function setOverride(ms) {
  sliderBase ??= Date.now();
  store.setNowOverride(ms);
}

let lastShown = '';
function updateClock(now) {
  if (!clockEls) return;
  const zone = store.viewerZone();
  const o = store.nowOverride();
  const z = toZoned(now, zone);
  const val = z.slice(0, 19);
  if (document.activeElement !== clockEls.input && clockEls.input.value !== val) clockEls.input.value = val;
  document.getElementById('now-zone').textContent = zone;
  clockEls.status.textContent = o === null ? '● Live' : '◆ Time travel';
  clockEls.status.className = `now-status ${o === null ? 'live' : 'travel'}`;
  clockEls.live.disabled = o === null;
  document.body.classList.toggle('time-travel', o !== null);
  if (o !== null) {
    const delta = o - Date.now();
    if (sliderBase !== null && document.activeElement !== clockEls.slider) clockEls.slider.value = String(Math.round((o - sliderBase) / MINUTE));
    clockEls.other.textContent = `${delta < 0 ? formatDuration(-delta, { days: true }) + ' before' : formatDuration(delta, { days: true }) + ' after'} the real time · frozen`;
  } else {
    clockEls.slider.value = 0;
    const home = store.state.catalog?.calendars?.[0]?.timeZone;
    const text = home && home !== zone ? `${formatIso(toZoned(now, home), { seconds: true, year: false })} in ${zoneShort(home)}` : '';
    if (text !== lastShown) clockEls.other.textContent = text;
    lastShown = text;
  }
}

// --- banners ------------------------------------------------------------------------

function renderBanners() {
  const box = document.getElementById('banners');
  box.replaceChildren(...store.problems.map((p) => h('div.banner.error', { role: 'alert', dataset: { backup: p.backupKey ?? '' } },
    h('strong', p.backupKey || /saved/.test(p.message) ? 'Saved data: ' : 'Note: '), p.message, ' ',
    p.backupKey ? h('a', { href: '#/data' }, 'Open Data') : null,
    h('button', { type: 'button', class: 'btn small', on: { click: () => store.dismissProblem(p) } }, 'Dismiss'))));
}

// --- boot ---------------------------------------------------------------------------

async function boot() {
  const app = document.getElementById('app');
  try {
    await init();
  } catch (e) {
    mount(app, h('div.banner.error', { role: 'alert' }, `The slaclock engine could not be loaded: ${e.message}`));
    throw e;
  }
  store.load();
  store.watchOtherTabs();
  await loadViews();
  const nav = h('nav.mainnav', { 'aria-label': 'Main' }, NAV.map(([id, label]) => h('a', { href: `#/${id}`, dataset: { view: id } }, label)));
  const header = h('header.topbar',
    h('div.brand', h('span.logo', { 'aria-hidden': 'true' }, '◷'), h('span.brand-name', 'slaclock'), h('span.brand-sub', 'SLA studio')),
    nav,
    h('a.calc-link', { href: 'calendar.html' }, 'Deadline calculator'));
  mount(app,
    h('a.skip', { href: '#view' }, 'Skip to content'),
    header,
    clockBar(),
    h('div#banners'),
    h('main#view', { tabIndex: -1 }),
    h('footer.foot', `Computed in your browser by the slaclock WebAssembly engine · tz database ${tzdbVersion} · data stays in this browser (localStorage) until you export it.`),
    h('div#toast', { 'aria-live': 'polite', role: 'status' }));
  renderBanners();
  store.subscribe((kind) => {
    if (kind === 'now' || kind === 'tickets') tick();
    else if (kind === 'problems') renderBanners();
    else if (kind === 'draft') {
      current?.handle?.onDraft?.();
      tick();
    } else render({ keep: true });
  });
  window.addEventListener('hashchange', () => render());
  let lastW = window.innerWidth;
  window.addEventListener('resize', () => {
    if (Math.abs(window.innerWidth - lastW) > 30) {
      lastW = window.innerWidth;
      tick();
    }
  });
  render();
  tick();
  // Tick on each second boundary.
  const loop = () => {
    tick();
    setTimeout(loop, 1000 - (Date.now() % 1000) + 5);
  };
  setTimeout(loop, 1000 - (Date.now() % 1000) + 5);
  document.body.dataset.ready = 'true';
}

boot();
