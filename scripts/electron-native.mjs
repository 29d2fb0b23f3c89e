// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node,
// leaving node_modules/better-sqlite3/build (the Node-ABI build used by tests, the
// CLI and browser mode) untouched: the package is copied to a temp dir and built
// there with node-gyp against Electron's headers.
//
// Usage: node scripts/electron-native.mjs [--force] [--arch=x64]
//   --target=VER --runtime=electron|node --dist-url=URL --nodedir=DIR --out=DIR
//   (overrides, e.g. --nodedir=<unpacked electron headers> when offline, or a
//   --runtime=node test build of the pipeline)
// Exit codes: 0 built or already up to date, 1 build failed.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function arg(name) {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : undefined;
}
const force = process.argv.includes('--force');

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function fail(lines, code = 1) {
  console.error(lines.join('\n'));
  process.exit(code);
}

const sqlitePkgDir = join(root, 'node_modules', 'better-sqlite3');
if (!existsSync(join(sqlitePkgDir, 'binding.gyp'))) fail(['node_modules/better-sqlite3 is missing: run npm install first.']);
const sqliteVersion = readJson(join(sqlitePkgDir, 'package.json')).version;

const runtime = arg('runtime') ?? 'electron';
let target = arg('target');
if (!target && runtime === 'electron') {
  const electronPkg = join(root, 'node_modules', 'electron', 'package.json');
  if (!existsSync(electronPkg)) fail(['node_modules/electron is missing: run npm install first.']);
  target = readJson(electronPkg).version;
}
if (!target) target = process.versions.node;
const arch = arg('arch') ?? process.arch;
const distUrl = arg('dist-url') ?? (runtime === 'electron' ? 'https://electronjs.org/headers' : undefined);
const nodedir = arg('nodedir');
const outDir = arg('out') ?? join(root, 'native', 'electron');
const outFile = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'build-info.json');
const stamp = { runtime, target, platform: process.platform, arch, betterSqlite3: sqliteVersion };
// The ABI Electron's headers declare (node_modules/electron/abi_version, e.g. 150 for
// Electron 45): informational, the target version above is what must match.
const abiFile = join(root, 'node_modules', 'electron', 'abi_version');
const abi = runtime === 'electron' && existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : undefined;
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

if (!force && existsSync(outFile) && existsSync(stampFile)) {
  try {
    const old = readJson(stampFile);
    if (Object.keys(stamp).every((k) => old[k] === stamp[k])) {
      // build-main.mjs pins the addon by this checksum (src-main/electron/addon-pin.ts).
      const digest = sha256(outFile);
      if (old.sha256 !== digest) writeFileSync(stampFile, JSON.stringify({ ...old, abi, sha256: digest }, null, 2) + '\n');
      console.log(`${outFile.startsWith(root + sep) ? relative(root, outFile) : outFile} is up to date (${runtime} ${target}, ${process.platform}-${arch}, better-sqlite3 ${sqliteVersion}).`);
      process.exit(0);
    }
  } catch {
    // unreadable stamp: rebuild
  }
}

function findNodeGyp() {
  const candidates = [];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed locally
  }
  if (process.env.npm_config_node_gyp) candidates.push(process.env.npm_config_node_gyp);
  const nodeDir = dirname(process.execPath);
  candidates.push(join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((c) => existsSync(c));
}

const work = mkdtempSync(join(tmpdir(), 'kartoteka-better-sqlite3-'));
const pkgCopy = join(work, 'better-sqlite3');
cpSync(sqlitePkgDir, pkgCopy, {
  recursive: true,
  filter: (src) => {
    const first = relative(sqlitePkgDir, src).split(sep)[0];
    return first !== 'build' && first !== 'node_modules';
  },
});

// First choice: better-sqlite3's own prebuilt binary for this Electron (what its
// install script does for Node), so users need no C++ compiler. Only when none is
// published (or there is no internet) do we compile with node-gyp.
function tryPrebuilt() {
  let bin;
  try {
    bin = require.resolve('prebuild-install/bin.js');
  } catch {
    return false;
  }
  const r = spawnSync(process.execPath, [bin, `--runtime=${runtime}`, `--target=${target}`, `--arch=${arch}`], {
    cwd: pkgCopy,
    stdio: 'inherit',
  });
  return r.status === 0 && existsSync(join(pkgCopy, 'build', 'Release', 'better_sqlite3.node'));
}

const prebuilt = !nodedir && !force && tryPrebuilt();
const nodeGyp = prebuilt ? null : findNodeGyp();
if (!prebuilt && !nodeGyp) fail(['node-gyp was not found (neither in node_modules nor bundled with npm).', 'Install it with: npm install -g node-gyp']);

const gypArgs = [nodeGyp ?? '', 'rebuild', '--release', `--target=${target}`, `--arch=${arch}`, `--runtime=${runtime}`];
if (distUrl) gypArgs.push(`--dist-url=${distUrl}`);
if (nodedir) gypArgs.push(`--nodedir=${nodedir}`);
// Electron's headers get their own cache, as Electron's docs recommend.
if (runtime === 'electron' && !nodedir) gypArgs.push(`--devdir=${join(homedir(), '.electron-gyp')}`);

if (!prebuilt) console.log(`Building better-sqlite3 ${sqliteVersion} for ${runtime} ${target} (${process.platform}-${arch}) in ${work}`);
console.log(`(node_modules/better-sqlite3/build is not touched)`);

let output = '';
const code = prebuilt ? 0 : await new Promise((resolve) => {
  const child = spawn(process.execPath, gypArgs, {
    cwd: pkgCopy,
    env: { ...process.env, npm_config_runtime: runtime, npm_config_target: target, npm_config_disturl: distUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tee = (stream, sink) =>
    stream.on('data', (d) => {
      output += d;
      sink.write(d);
    });
  tee(child.stdout, process.stdout);
  tee(child.stderr, process.stderr);
  child.on('error', (e) => {
    output += String(e);
    resolve(1);
  });
  child.on('close', (c) => resolve(c ?? 1));
});

const built = join(pkgCopy, 'build', 'Release', 'better_sqlite3.node');
if (code !== 0 || !existsSync(built)) {
  rmSync(work, { recursive: true, force: true });
  const offline = /network connectivity|rolling back install|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|headers.*(download|tarball)|(download|tarball).*headers/i.test(output);
  const lines = ['', `Could not build better-sqlite3 for ${runtime} ${target}.`];
  if (offline && runtime === 'electron') {
    lines.push(
      `node-gyp could not download Electron's headers from ${distUrl} (no internet access?).`,
      'Run this script again on a machine with internet access, or pass --nodedir=<unpacked electron headers>.',
      `Не удалось скачать заголовки Electron с ${distUrl} (нет доступа к интернету?). Запустите скрипт там, где есть интернет.`,
    );
  } else {
    lines.push(
      'See the node-gyp output above. Building needs Python 3 and a C++ compiler',
      '(Windows: Visual Studio Build Tools with "Desktop development with C++"; macOS: Xcode Command Line Tools).',
    );
  }
  lines.push('Browser mode does not need this addon: npm run serve');
  fail(lines);
}

mkdirSync(outDir, { recursive: true });
copyFileSync(built, outFile);
writeFileSync(stampFile, JSON.stringify({ ...stamp, abi, sha256: sha256(outFile), builtAt: new Date().toISOString() }, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });
console.log(`Wrote ${outFile.startsWith(root + sep) ? relative(root, outFile) : outFile} (${runtime} ${target}, ${process.platform}-${arch}).`);
