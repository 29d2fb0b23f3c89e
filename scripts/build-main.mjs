// Bundles the Electron door into dist-main/electron/:
//   main.cjs          main process (package.json "main")
//   core-process.cjs  the core in an Electron utility process
//   preload.cjs       sandboxed preload (must be CommonJS)
// 'electron' is provided by the runtime; 'better-sqlite3' stays a real package so
// the Electron-ABI addon can be handed to it by path (see docs/electron.md).
// Usage: node scripts/build-main.mjs [--watch] [--minify] [--outdir=DIR]

import { build, context } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.find((a) => a.startsWith('--outdir='));
const outdir = outArg ? resolve(outArg.slice('--outdir='.length)) : join(root, 'dist-main', 'electron');
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

// What the bundles may assume of the runtime: the Node inside Electron's main and
// utility processes, and the Chromium that runs the preload. One row per supported
// Electron major (its release notes give both); moving to the next major adds a row,
// and the build refuses an Electron without one rather than guess.
const RUNTIMES = {
  45: { node: 'node24', chrome: 'chrome156' },
};
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const runtime = RUNTIMES[Number.parseInt(electronVersion, 10)];
if (!runtime) {
  console.error(
    `scripts/build-main.mjs knows no esbuild targets for Electron ${electronVersion}: add its Node and Chromium versions to RUNTIMES (see README: Desktop app, moving to the next Electron).`,
  );
  process.exit(1);
}

// The Electron-ABI addon's SHA-256 (from scripts/electron-native.mjs), baked into
// main.cjs: an installed app refuses any other addon (src-main/electron/addon-pin.ts).
// Empty when the addon is not built yet (browser-mode work, tests).
const buildInfo = join(root, 'native', 'electron', 'build-info.json');
const addonSha256 = existsSync(buildInfo) ? (JSON.parse(readFileSync(buildInfo, 'utf8')).sha256 ?? '') : '';

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  sourcemap: 'linked',
  minify,
  legalComments: 'none',
  logLevel: 'warning',
  // unzipper's Open.s3_v3 (never called: we read local files) requires the AWS SDK
  // lazily; left external it stays an unresolved require that never runs.
  external: ['electron', 'better-sqlite3', '@aws-sdk/client-s3'],
  // The core finds files relative to import.meta.url (e.g. core/db/paths.ts); in a
  // CommonJS bundle that is the bundle file itself.
  define: { 'import.meta.url': '__kartoteka_import_meta_url', __KARTOTEKA_ADDON_SHA256__: JSON.stringify(addonSha256) },
  banner: { js: 'const __kartoteka_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
};

const builds = [
  // Main process and utility process: the Node inside this Electron.
  { ...common, platform: 'node', target: runtime.node, entryPoints: { main: 'src-main/electron/main.ts', 'core-process': 'src-main/electron/core-process.ts' }, outdir },
  // Sandboxed preload: only require('electron') is available; no Node built-ins.
  { ...common, platform: 'browser', target: runtime.chrome, entryPoints: { preload: 'src-main/electron/preload.ts' }, outdir, define: {}, banner: {} },
];

if (watch) {
  for (const options of builds) await (await context(options)).watch();
  console.log(`watching src-main -> ${outdir}`);
} else {
  rmSync(outdir, { recursive: true, force: true });
  const t0 = performance.now();
  await Promise.all(builds.map((options) => build(options)));
  console.log(`built ${outdir} (main.cjs, core-process.cjs, preload.cjs) in ${Math.round(performance.now() - t0)} ms`);
}
