// Where the Electron executable is, or null when it has not been downloaded. Shared by
// `npm start` and the Electron smoke test.
//
// Since Electron 42 `npm install` never downloads the binary (there is no postinstall
// any more), and require('electron') downloads it on first use. This looks where
// that download puts it (node_modules/electron/path.txt names the executable under
// dist/) without requiring the package, so asking never touches the network.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinary(root) {
  const pkg = join(root, 'node_modules', 'electron');
  let executable;
  try {
    executable = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return null; // not downloaded (or no node_modules/electron at all)
  }
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg, 'dist');
  const path = join(dist, executable);
  return executable && existsSync(path) ? path : null;
}
