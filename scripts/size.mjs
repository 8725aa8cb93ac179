#!/usr/bin/env node
// Prints raw, gzip and brotli sizes of the package's two modules (`slaclock`: the calendar
// engine; `slaclock/sla`: engine + SLA catalog + reports) and their JS glue, and checks the
// budget: <= 110 KB brotli for the `slaclock` wasm with the full tz database (exit 1 when
// over).
// Usage: node scripts/size.mjs [PKG_DIR...]   (default: pkg)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BUDGET_BROTLI = 110 * 1024;

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Prints the table for one package directory; returns the wasm sizes. */
export function printSizes(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const wasm = sizes(readFileSync(join(dir, 'slaclock_bg.wasm')));
  const glue = (files) => sizes(Buffer.concat(files.map((f) => readFileSync(join(dir, f)))));
  const js = glue(['slaclock.js', 'api.js', 'node.js']);
  const zones = pkg.tzFilter ? `zones matching ${pkg.tzFilter}` : 'full tz database';
  console.log(`size of ${dir} (${zones}, tzdb ${pkg.tzdbVersion})`);
  console.log(`  ${'file'.padEnd(46)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'brotli'.padStart(11)}`);
  const rows = [
    ["slaclock_bg.wasm (import 'slaclock')", wasm],
    ['JS glue (slaclock.js+api.js+node.js)', js],
    ["sla/slaclock_sla_bg.wasm (import 'slaclock/sla')", sizes(readFileSync(join(dir, 'sla', 'slaclock_sla_bg.wasm')))],
    ['sla/ JS glue (slaclock_sla.js+api.js+node.js)', glue(['sla/slaclock_sla.js', 'api.js', 'sla/node.js'])],
  ];
  for (const [name, s] of rows) {
    console.log(`  ${name.padEnd(46)}${kb(s.raw).padStart(11)}${kb(s.gzip).padStart(11)}${kb(s.brotli).padStart(11)}`);
  }
  return { wasm, js, filtered: Boolean(pkg.tzFilter) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  let over = false;
  for (const dir of dirs.length ? dirs : ['pkg']) {
    const { wasm, filtered } = printSizes(resolve(dir));
    if (!filtered) {
      const ok = wasm.brotli <= BUDGET_BROTLI;
      over ||= !ok;
      console.log(`  budget: wasm ${kb(wasm.brotli)} brotli ${ok ? '<=' : '>'} ${kb(BUDGET_BROTLI)}: ${ok ? 'ok' : 'OVER BUDGET'}`);
    }
  }
  process.exit(over ? 1 : 0);
}
