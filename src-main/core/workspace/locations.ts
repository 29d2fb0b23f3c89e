import { homedir } from 'node:os';
import { join } from 'node:path';

/** Per-user data folder, the same one Electron's app.getPath('userData') gives for "Kartoteka". */
export function defaultDataDir(): string {
  if (process.env.KARTOTEKA_DATA_DIR) return process.env.KARTOTEKA_DATA_DIR;
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Kartoteka');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Kartoteka');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Kartoteka');
}

export function defaultWorkspacePath(): string {
  return join(defaultDataDir(), 'workspace.kdb');
}
