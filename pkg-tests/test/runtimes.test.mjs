// The same package in the other runtimes: workerd (a module worker answering deadline
// requests over HTTP on 127.0.0.1), Deno (the `deno` npm package) and Chromium
// (playwright-core driving /usr/bin/chromium against a page served on 127.0.0.1).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HELSINKI } from '../support/fixtures.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const pkgDir = dirname(fileURLToPath(import.meta.resolve('slaclock/package.json')));
const tzdb = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).tzdbVersion;

/** What every runtime's `check()` (runtimes/deadline.mjs) must answer, worked out by hand. */
const EXPECTED = {
  // Friday 16:30 is after the 16:00 close: Monday 08:00 + 4h.
  deadline: '2026-12-07T12:00:00+02:00',
  // Wed 23rd 15:00: 1h that day; 24th-26th are FI holidays, 27th is Sunday; Mon 08:00 + 1h.
  christmas: '2026-12-28T09:00:00+02:00',
  // Friday after close to Monday 11:30: 3.5h.
  between: 12_600_000,
  // The first ticket as epoch ms (2026-12-07T10:00:00Z); the bad slot is NaN (as a string here).
  batch: [Date.UTC(2026, 11, 7, 10, 0), 'NaN'],
  gap: '2026-03-29T04:30:00+03:00',
  zoned: '2026-07-01T12:00:00+03:00',
  error: { kind: 'RangeError', code: 'NAIVE_TIMESTAMP', path: 'at' },
  tzdb,
  // slaclock/sla: P1 opened Friday 16:30 (after close), measured Monday 09:00: 1 h used;
  // response 4 h from Monday 08:00; resolution 2 business days: Tuesday, clamped to 16:00.
  sla: { targets: ['response onTrack 2026-12-07T12:00:00+02:00 3600000', 'resolution onTrack 2026-12-08T16:00:00+02:00 3600000'] },
};

function assertCheck(result) {
  const { runtime, before, ready, ...rest } = result;
  assert.deepEqual(rest, EXPECTED, runtime);
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Runs a command to completion; resolves to its stdout, rejects with its stderr. */
function run(cmd, args, opts = {}) {
  return new Promise((ok, fail) => {
    const p = spawn(cmd, args, { cwd: root, ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', fail);
    p.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`${cmd} exited ${code}: ${err}`))));
  });
}

async function waitForHttp(url, child, log, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${log()}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`no answer from ${url} within ${ms} ms: ${log()}`);
}

const tmp = mkdtempSync(join(tmpdir(), 'slaclock-runtimes-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('workerd', () => {
  let child;
  after(() => child?.kill('SIGKILL'));

  test('a module worker answers deadline requests on 127.0.0.1', async () => {
    // Bundle as wrangler does: the worker conditions, the .wasm kept as a module import.
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [join(root, 'runtimes', 'worker.mjs')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['workerd', 'worker', 'browser'],
      // The .wasm imports stay module imports, as written (two engines with their own
      // file names: slaclock_bg.wasm and slaclock_sla_bg.wasm).
      external: ['*.wasm'],
      outfile: join(tmp, 'worker.js'),
      logLevel: 'error',
    });
    const bundle = readFileSync(join(tmp, 'worker.js'), 'utf8');
    assert.match(bundle, /from "\.\/slaclock_bg\.wasm"/, 'the workerd entry was chosen');
    assert.match(bundle, /from "\.\/slaclock_sla_bg\.wasm"/, 'the workerd entry of slaclock/sla was chosen');
    copyFileSync(join(pkgDir, 'slaclock_bg.wasm'), join(tmp, 'slaclock_bg.wasm'));
    copyFileSync(join(pkgDir, 'sla', 'slaclock_sla_bg.wasm'), join(tmp, 'slaclock_sla_bg.wasm'));
    const port = await freePort();
    writeFileSync(join(tmp, 'config.capnp'), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "slaclock_bg.wasm", wasm = embed "slaclock_bg.wasm"),
    (name = "slaclock_sla_bg.wasm", wasm = embed "slaclock_sla_bg.wasm"),
  ],
  compatibilityDate = "2025-09-01",
);
`);
    let log = '';
    child = spawn(bin('workerd'), ['serve', join(tmp, 'config.capnp')], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const base = `http://127.0.0.1:${port}`;
    const check = await waitForHttp(`${base}/check`, child, () => log);
    assert.equal(check.status, 200, log);
    assertCheck(await check.json());

    const res = await fetch(`${base}/deadline`, {
      method: 'POST',
      body: JSON.stringify({ calendar: HELSINKI, start: '2026-12-04T16:30:00+02:00', duration: 'PT4H' }),
    });
    assert.deepEqual(await res.json(), { deadline: '2026-12-07T12:00:00+02:00', timeZone: 'Europe/Helsinki' });

    const bad = await fetch(`${base}/deadline`, {
      method: 'POST',
      body: JSON.stringify({ calendar: { timeZone: 'UTC', weekly: { tue: [['08:00', '25:00']] } }, start: 0, duration: 1 }),
    });
    assert.equal(bad.status, 400);
    const err = await bad.json();
    assert.deepEqual([err.error, err.code, err.path], ['RangeError', 'INVALID_WALL_TIME', 'weekly.tue[0].end']);
  });
});

describe('Deno', () => {
  test('the package resolves by name and is ready at import, with no permissions', async () => {
    const out = await run(bin('deno'), ['run', '--no-prompt', join(root, 'runtimes', 'deno.mjs')], {
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
    const result = JSON.parse(out);
    assert.match(result.runtime, /^deno 2\./);
    assertCheck(result);
  });
});

describe('Chromium', () => {
  test('a page on 127.0.0.1 imports the package, gets NOT_INITIALIZED, then await init()', async () => {
    const { chromium } = await import('playwright-core');
    const { serve } = await import('../../scripts/serve.mjs');
    const server = await serve(root, 0);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`http://127.0.0.1:${server.address().port}/runtimes/browser.html`);
      await page.waitForFunction(() => window.slaclockResult, null, { timeout: 30_000 });
      const result = await page.evaluate(() => window.slaclockResult);
      assert.deepEqual(errors, []);
      assert.match(result.runtime, /Chrome\//);
      assert.deepEqual(result.before, {
        kind: 'Error',
        code: 'NOT_INITIALIZED',
        message: 'slaclock is not initialized: call `await init()` (the default export of `slaclock`) once before using it',
      });
      assert.equal(result.ready, true);
      assertCheck(result);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
