// Small inline-SVG charts: grouped vertical bars (percentages) and stacked horizontal
// bars (counts). Each chart has a text alternative (a <desc> and an aria-label).
import { s, h } from './dom.js';

/**
 * Grouped bars: `categories` on the x axis, one bar per series; values in 0..100 or null.
 * `series`: [{ name, values, className }].
 */
export function groupedBars({ title, categories, series, width = 640, height = 260, format = (v) => `${Math.round(v)} %`, max = 100, subLabels = [] }) {
  const W = Math.max(300, width);
  const padL = 42;
  const padB = subLabels.length ? 46 : 32;
  const padT = 14;
  const H = height;
  const plotH = H - padT - padB;
  const plotW = W - padL - 10;
  const groupW = plotW / Math.max(1, categories.length);
  const barW = Math.min(46, (groupW * 0.72) / Math.max(1, series.length));
  const Y = (v) => padT + plotH - (Math.max(0, Math.min(max, v)) / max) * plotH;
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': title });
  const desc = [];
  for (let p = 0; p <= 100; p += 25) {
    const v = (p / 100) * max;
    svg.append(s('line', { x1: padL, x2: W - 10, y1: Y(v), y2: Y(v), class: p === 0 ? 'ch-axis' : 'ch-grid' }));
    svg.append(s('text', { x: padL - 6, y: Y(v) + 4, 'text-anchor': 'end', class: 'ch-tick' }, format(v)));
  }
  categories.forEach((c, i) => {
    const gx = padL + i * groupW + (groupW - barW * series.length) / 2;
    series.forEach((se, k) => {
      const v = se.values[i];
      const x = gx + k * barW;
      if (v === null || v === undefined) {
        svg.append(s('text', { x: x + barW / 2, y: Y(0) - 4, 'text-anchor': 'middle', class: 'ch-na' }, 'n/a'));
        desc.push(`${c} ${se.name}: no data`);
        return;
      }
      svg.append(s('rect', { x: x + 1, y: Y(v), width: barW - 2, height: Math.max(0.5, Y(0) - Y(v)), class: `ch-bar ${se.className ?? ''}`, rx: 2 },
        s('title', null, `${c} · ${se.name}: ${format(v)}`)));
      if (barW >= 22) svg.append(s('text', { x: x + barW / 2, y: Y(v) - 4, 'text-anchor': 'middle', class: 'ch-val' }, format(v)));
      desc.push(`${c} ${se.name}: ${format(v)}`);
    });
    svg.append(s('text', { x: padL + i * groupW + groupW / 2, y: H - padB + 16, 'text-anchor': 'middle', class: 'ch-cat' }, c));
    if (subLabels[i]) svg.append(s('text', { x: padL + i * groupW + groupW / 2, y: H - padB + 31, 'text-anchor': 'middle', class: 'ch-sub' }, subLabels[i]));
  });
  svg.prepend(s('desc', null, desc.join('; ')));
  return svg;
}

/** Stacked horizontal bars: rows [{ label, parts: [{ name, value, className }] }]. */
export function stackedBars({ title, rows, width = 640 }) {
  const W = Math.max(300, width);
  const padL = 64;
  const rowH = 30;
  const H = rows.length * rowH + 12;
  const max = Math.max(1, ...rows.map((r) => r.parts.reduce((a, p) => a + p.value, 0)));
  const plotW = W - padL - 60;
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': title });
  const desc = [];
  rows.forEach((r, i) => {
    const y = 6 + i * rowH;
    svg.append(s('text', { x: padL - 8, y: y + 15, 'text-anchor': 'end', class: 'ch-cat' }, r.label));
    let x = padL;
    let total = 0;
    for (const p of r.parts) {
      if (!p.value) continue;
      const w = (p.value / max) * plotW;
      svg.append(s('rect', { x, y, width: Math.max(1, w - 1), height: rowH - 10, class: `ch-bar ${p.className ?? ''}` }, s('title', null, `${r.label} · ${p.name}: ${p.value}`)));
      if (w > 18) svg.append(s('text', { x: x + w / 2, y: y + 14.5, 'text-anchor': 'middle', class: 'ch-in' }, String(p.value)));
      x += w;
      total += p.value;
    }
    svg.append(s('text', { x: x + 6, y: y + 15, class: 'ch-tick' }, r.note ?? String(total)));
    desc.push(`${r.label}: ${r.parts.map((p) => `${p.value} ${p.name}`).join(', ')}`);
  });
  svg.prepend(s('desc', null, desc.join('; ')));
  return svg;
}

/** A legend for chart series. */
export function chartLegend(items) {
  return h('div.legend', items.map(([cls, label]) => h('span.lg-item', h('span', { class: `lg-swatch ch-sw ${cls}`, 'aria-hidden': 'true' }), label)));
}
