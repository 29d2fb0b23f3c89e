// Bundles the Electron door into dist-main/electron/:
//   main.cjs          main process (package.json "main")
//   core-process.cjs  the core in an Electron utility process
//   preload.cjs       sandboxed preload (must be CommonJS)
// 'electron' is provided by the runtime; 'better-sqlite3' stays a real package so
// the Electron-ABI addon can be handed to it by path (see docs/electron.md).
// Usage: node scripts/build-main.mjs [--watch] [--minify]

import { build, context } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist-main', 'electron');
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

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
  external: ['electron', 'better-sqlite3'],
  // The core finds files relative to import.meta.url (e.g. core/db/paths.ts); in a
  // CommonJS bundle that is the bundle file itself.
  define: { 'import.meta.url': '__kartoteka_import_meta_url' },
  banner: { js: 'const __kartoteka_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
};

const builds = [
  // Main process and utility process: Node 22 inside Electron 38.
  { ...common, platform: 'node', target: 'node22', entryPoints: { main: 'src-main/electron/main.ts', 'core-process': 'src-main/electron/core-process.ts' }, outdir },
  // Sandboxed preload: only require('electron') is available; no Node built-ins.
  { ...common, platform: 'browser', target: 'chrome140', entryPoints: { preload: 'src-main/electron/preload.ts' }, outdir, define: {}, banner: {} },
];

if (watch) {
  for (const options of builds) await (await context(options)).watch();
  console.log(`watching src-main -> ${outdir}`);
} else {
  rmSync(outdir, { recursive: true, force: true });
  const t0 = performance.now();
  await Promise.all(builds.map((options) => build(options)));
  console.log(`built dist-main/electron (main.cjs, core-process.cjs, preload.cjs) in ${Math.round(performance.now() - t0)} ms`);
}
