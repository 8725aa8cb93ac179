// The package as published: package.json, the exports map, the files npm would pack,
// the types (tsc), and loading (NOT_INITIALIZED before `await init()` on the web entry).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as slaclock from 'slaclock';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = dirname(fileURLToPath(import.meta.resolve('slaclock/package.json')));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

test('package.json: name, ESM, side-effect free, types, ordered conditions', () => {
  assert.equal(pkg.name, 'slaclock');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.sideEffects, false);
  assert.equal(pkg.types, './slaclock.d.ts');
  assert.deepEqual(Object.keys(pkg.exports['.']), ['types', 'deno', 'workerd', 'worker', 'node', 'browser', 'default']);
  for (const target of [...Object.values(pkg.exports['.']), pkg.main, pkg.types]) assert.ok(existsSync(join(pkgDir, target)), target);
});

test('npm pack ships exactly the package files', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkgDir, encoding: 'utf8' });
  const files = JSON.parse(out)[0].files.map((f) => f.path).sort();
  assert.deepEqual(files, [...pkg.files, 'package.json'].sort());
});

test('the Node entry is ready at import and exports the documented names', () => {
  assert.deepEqual(Object.keys(slaclock).sort(), [
    'BusinessCalendar', 'SlaCatalog', 'default', 'fromLocal', 'init', 'initSync', 'isInitialized', 'isSlaclockError', 'presets', 'timeZones', 'toZoned', 'tzdbVersion',
  ]);
  assert.equal(slaclock.default, slaclock.init);
  assert.equal(slaclock.isInitialized(), true);
  assert.equal(slaclock.tzdbVersion, pkg.tzdbVersion);
});

test('the shipped .d.ts has no `any` and type-checks a usage file with tsc --strict', () => {
  const dts = readFileSync(join(pkgDir, 'slaclock.d.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  assert.doesNotMatch(dts, /\bany\b/);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(here, '..', 'types', 'tsconfig.json')], { stdio: 'inherit' });
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
