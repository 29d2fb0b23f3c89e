// Where the Electron executable is, or null when npm installed the package without
// it (ELECTRON_SKIP_BINARY_DOWNLOAD=1, no internet). Shared by `npm start` and the
// Electron smoke test.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export function electronBinary(root) {
  try {
    const path = createRequire(join(root, 'package.json'))('electron'); // the executable's path when downloaded
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null; // "Electron failed to install correctly" or no node_modules/electron at all
  }
}
