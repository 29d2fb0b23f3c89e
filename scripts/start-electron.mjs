// `npm start`: runs the desktop app from the repo.
//  1. Is the Electron binary installed? (Not with ELECTRON_SKIP_BINARY_DOWNLOAD=1.)
//  2. The Electron-ABI SQLite addon (scripts/electron-native.mjs; skipped when up to date).
//  3. npm run build (renderer + main bundles).
//  4. electron <repo root>
// Extra arguments after `npm start --` go to Electron.

import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const electron = electronBinary(root);
if (!electron) {
  console.error(
    [
      'The Electron binary is not downloaded on this machine (npm install does not fetch it).',
      'To get it, with internet access: npx install-electron --no   Browser mode works without it: npm run serve',
      'Electron не загружен на этом компьютере (npm install его не скачивает). Чтобы загрузить, при доступе к интернету выполните: npx install-electron --no   Браузерный режим работает и так: npm run serve',
    ].join('\n'),
  );
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(command, args) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' && command === npm });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

step(process.execPath, [join(root, 'scripts', 'electron-native.mjs')]);
step(npm, ['run', 'build']);

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
