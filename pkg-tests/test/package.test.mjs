// The package as published: package.json, the exports map, the files npm would pack,
// the types (tsc), and loading (NOT_INITIALIZED before `await init()` on the web entry),
// for both modules: `slaclock` (calendar engine) and `slaclock/sla` (plus SlaCatalog).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as slaclock from 'slaclock';
import * as slaclockSla from 'slaclock/sla';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = dirname(fileURLToPath(import.meta.resolve('slaclock/package.json')));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

test('package.json: name, ESM, side-effect free, types, ordered conditions', () => {
  assert.equal(pkg.name, 'slaclock');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.sideEffects, false);
  assert.equal(pkg.types, './slaclock.d.ts');
  for (const entry of ['.', './sla']) {
    assert.deepEqual(Object.keys(pkg.exports[entry]), ['types', 'deno', 'workerd', 'worker', 'node', 'browser', 'default']);
  }
  assert.equal(pkg.exports['./sla'].node, './sla/node.js');
  assert.equal(pkg.exports['./sla'].types, './sla/slaclock.d.ts');
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of [...targets, pkg.main, pkg.types]) assert.ok(existsSync(join(pkgDir, target)), target);
});

test('npm pack ships exactly the package files', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkgDir, encoding: 'utf8' });
  const files = JSON.parse(out)[0].files.map((f) => f.path).sort();
  assert.deepEqual(files, [...pkg.files, 'package.json'].sort());
});

test('the Node entries are ready at import and export the documented names', () => {
  const core = ['BusinessCalendar', 'default', 'fromLocal', 'init', 'initSync', 'isInitialized', 'isSlaclockError', 'presets', 'timeZones', 'toZoned', 'tzdbVersion'];
  assert.deepEqual(Object.keys(slaclock).sort(), core);
  assert.deepEqual(Object.keys(slaclockSla).sort(), [...core, 'SlaCatalog'].sort());
  for (const m of [slaclock, slaclockSla]) {
    assert.equal(m.default, m.init);
    assert.equal(m.isInitialized(), true);
    assert.equal(m.tzdbVersion, pkg.tzdbVersion);
  }
  // Two engines: the same answers, separate classes.
  const spec = { timeZone: 'Europe/Helsinki', presets: ['FI'], weekly: { mon: [['08:00', '16:00']], fri: [['08:00', '16:00']] } };
  const a = new slaclock.BusinessCalendar(spec).addBusinessTime('2026-12-04T15:00:00+02:00', { hours: 2 });
  const b = new slaclockSla.BusinessCalendar(spec).addBusinessTime('2026-12-04T15:00:00+02:00', { hours: 2 });
  assert.equal(a, '2026-12-07T09:00:00+02:00');
  assert.equal(b, a);
  assert.notEqual(slaclock.BusinessCalendar, slaclockSla.BusinessCalendar);
});

test('the calendar module is the smaller one: it has no SLA code', () => {
  const core = readFileSync(join(pkgDir, 'slaclock_bg.wasm'));
  const sla = readFileSync(join(pkgDir, 'sla', 'slaclock_sla_bg.wasm'));
  assert.ok(core.length < sla.length, `${core.length} < ${sla.length}`);
  const coreExports = WebAssembly.Module.exports(new WebAssembly.Module(core)).map((e) => e.name);
  const slaExports = WebAssembly.Module.exports(new WebAssembly.Module(sla)).map((e) => e.name);
  assert.ok(!coreExports.some((n) => n.startsWith('slacatalog_')));
  assert.ok(slaExports.some((n) => n.startsWith('slacatalog_')));
  for (const n of coreExports.filter((n) => n.startsWith('businesscalendar_'))) assert.ok(slaExports.includes(n), n);
});

test('the shipped .d.ts files have no `any` and type-check a usage file with tsc --strict', () => {
  for (const f of ['slaclock.d.ts', 'sla/slaclock.d.ts']) {
    const dts = readFileSync(join(pkgDir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    assert.doesNotMatch(dts, /\bany\b/, f);
  }
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(here, '..', 'types', 'tsconfig.json')], { stdio: 'inherit' });
  // The older `moduleResolution: node` reads `typesVersions` for `slaclock/sla`.
  execFileSync(process.execPath, [tsc, '-p', join(here, '..', 'types', 'tsconfig.node10.json')], { stdio: 'inherit' });
});

/** Runs an ES module in a fresh Node process from pkg-tests/ and returns its stdout. */
function runModule(source) {
  return execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: join(here, '..'), encoding: 'utf8' });
}

test('web entry: NOT_INITIALIZED before init, then one idempotent init', () => {
  const out = runModule(`
    import { readFileSync } from 'node:fs';
    import init, { BusinessCalendar, toZoned, presets, timeZones, fromLocal, isInitialized } from 'slaclock/web';
    const codes = [];
    for (const f of [() => new BusinessCalendar({ timeZone: 'UTC', weekly: { mon: [['08:00', '16:00']] } }),
                     () => toZoned(0, 'UTC'), () => presets(), () => timeZones(), () => fromLocal('2026-01-01T00:00', 'UTC')]) {
      try { f(); codes.push('no error'); } catch (e) { codes.push(e.constructor.name + ' ' + e.code + ' ' + e.message); }
    }
    const bytes = readFileSync(new URL(import.meta.resolve('slaclock/slaclock_bg.wasm')));
    const p1 = init(bytes), p2 = init(bytes);
    await Promise.all([p1, p2]);
    await init();
    console.log(JSON.stringify({ codes, same: p1 === p2, ready: isInitialized(), zoned: toZoned(0, 'Europe/Helsinki') }));
  `);
  const r = JSON.parse(out);
  assert.equal(r.codes.length, 5);
  for (const c of r.codes) {
    assert.equal(c, 'Error NOT_INITIALIZED slaclock is not initialized: call `await init()` (the default export of `slaclock`) once before using it');
  }
  assert.equal(r.same, true);
  assert.equal(r.ready, true);
  assert.equal(r.zoned, '1970-01-01T02:00:00+02:00');
});

test('web entry: init from a compiled WebAssembly.Module and initSync', () => {
  const out = runModule(`
    import { readFileSync } from 'node:fs';
    import { initSync, BusinessCalendar } from 'slaclock/web';
    initSync(new WebAssembly.Module(readFileSync(new URL(import.meta.resolve('slaclock/slaclock_bg.wasm')))));
    const cal = new BusinessCalendar({ timeZone: 'UTC', weekly: { mon: [['08:00', '16:00']] } });
    console.log(cal.nextOpen('2026-12-05T00:00:00Z'));
  `);
  assert.equal(out.trim(), '2026-12-07T08:00:00Z');
});

test('a failed init can be retried', () => {
  const out = runModule(`
    import { readFileSync } from 'node:fs';
    import init, { toZoned } from 'slaclock/web';
    let first;
    try { await init(new Uint8Array([0, 97, 115, 109])); first = 'loaded?'; } catch (e) { first = e.constructor.name; }
    await init(readFileSync(new URL(import.meta.resolve('slaclock/slaclock_bg.wasm'))));
    console.log(first, toZoned(0, 'UTC'));
  `);
  assert.equal(out.trim(), 'CompileError 1970-01-01T00:00:00Z');
});

test('sla/web entry: NOT_INITIALIZED before its own init; the calendar module does not load it', () => {
  const out = runModule(`
    import { readFileSync } from 'node:fs';
    import initCore from 'slaclock/web';
    import init, { SlaCatalog, isInitialized } from 'slaclock/sla/web';
    await initCore(readFileSync(new URL(import.meta.resolve('slaclock/slaclock_bg.wasm'))));
    let before;
    try { SlaCatalog.validate({ calendars: 5 }); before = 'no error'; } catch (e) { before = e.code + ' ' + e.message; }
    const readyBefore = isInitialized();
    await init(readFileSync(new URL(import.meta.resolve('slaclock/sla/slaclock_sla_bg.wasm'))));
    console.log(JSON.stringify({ before, readyBefore, ready: isInitialized(), findings: SlaCatalog.validate({ calendars: 5 }).map((f) => f.path + ' ' + f.code) }));
  `);
  const r = JSON.parse(out);
  assert.equal(r.before, 'NOT_INITIALIZED slaclock is not initialized: call `await init()` (the default export of `slaclock/sla`) once before using it');
  assert.equal(r.readyBefore, false);
  assert.equal(r.ready, true);
  assert.deepEqual(r.findings, ['calendars INVALID_TYPE']);
});
