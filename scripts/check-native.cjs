// electron-builder beforePack hook: refuses to pack without an Electron-ABI
// better_sqlite3.node built for the platform and arch being packed, or with a main.cjs
// that does not pin exactly that addon (src-main/electron/addon-pin.ts: the installed
// app refuses to start with any other addon, and says so).
const { createHash } = require('node:crypto');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const ARCH = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

exports.default = async function checkNative(context) {
  const root = context.packager.projectDir;
  const dir = join(root, 'native', 'electron');
  const stampFile = join(dir, 'build-info.json');
  if (!existsSync(join(dir, 'better_sqlite3.node')) || !existsSync(stampFile)) {
    throw new Error('native/electron/better_sqlite3.node is missing: run `node scripts/electron-native.mjs` first.');
  }
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  const electronVersion = context.packager.config.electronVersion
    ?? JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const want = { runtime: 'electron', target: electronVersion, platform: context.electronPlatformName, arch: ARCH[context.arch] ?? String(context.arch) };
  const wrong = Object.entries(want).filter(([k, v]) => stamp[k] !== v);
  if (wrong.length) {
    throw new Error(
      `native/electron/better_sqlite3.node was built for ${stamp.runtime} ${stamp.target} ${stamp.platform}-${stamp.arch}, ` +
        `but this package needs electron ${want.target} ${want.platform}-${want.arch}. ` +
        'Build packages on the target OS, or run `node scripts/electron-native.mjs --force --arch=<arch>`.',
    );
  }
  const digest = createHash('sha256').update(readFileSync(join(dir, 'better_sqlite3.node'))).digest('hex');
  const mainBundle = join(root, 'dist-main', 'electron', 'main.cjs');
  if (!existsSync(mainBundle) || !readFileSync(mainBundle, 'utf8').includes(JSON.stringify(digest))) {
    throw new Error(
      'dist-main/electron/main.cjs does not pin this better_sqlite3.node (its SHA-256 is baked in at build time): ' +
        'build the addon first, then the bundles (`npm run dist` does: electron-native, then build).',
    );
  }
};
