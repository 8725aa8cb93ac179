// Test support: the demo server (the same command as `make demo`: `node scripts/serve.mjs
// www` on 127.0.0.1) and headless Chromium through playwright-core.
//
// Environment:
//   SLACLOCK_DEMO_URL  use an already running server (e.g. the one `make test` started)
//                      instead of starting `node scripts/serve.mjs www` here;
//   CHROMIUM_PATH      the browser (default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const WWW = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(WWW, '..');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
/** The page of the app under test. */
export const APP_PATH = process.env.SLACLOCK_APP_PATH ?? '/';

/** Starts `node scripts/serve.mjs www` on a free port; resolves to { url, stop }. */
export async function startServer() {
  if (process.env.SLACLOCK_DEMO_URL) return { url: process.env.SLACLOCK_DEMO_URL.replace(/\/$/, ''), stop: async () => {} };
  if (!existsSync(join(WWW, 'pkg', 'browser.js'))) {
    throw new Error('www/pkg/ is missing: build the package and copy it first (`make pkg && rm -rf www/pkg && cp -r pkg www/pkg`)');
  }
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), 'www'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`server did not start: ${out}`)), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => fail(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    stop: () => new Promise((ok) => {
      if (child.exitCode !== null) return ok();
      child.once('exit', () => ok());
      child.kill('SIGTERM');
    }),
  };
}

/** Launches headless Chromium with a fresh profile; resolves to { browser, close }. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'slaclock-www-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timezoneId: 'America/New_York',
    locale: 'en-US',
    viewport: { width: 1360, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the app with the page's clock set to `time` (flowing from there on). */
export async function openApp(context, url, { time, path = APP_PATH, clear = true } = {}) {
  const page = await context.newPage();
  page.on('pageerror', (e) => { page.errors = [...(page.errors ?? []), e]; });
  if (time !== undefined) {
    await page.clock.install({ time: new Date(time) });
    await page.clock.resume();
  }
  await page.goto(url + path);
  if (clear) {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
  }
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
