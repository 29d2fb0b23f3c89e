import { isAbsolute, join, resolve } from 'node:path';

// Where the desktop app finds its parts, as a pure function of how it was started, so
// the rule "an installed app ignores developer variables" is unit-tested.
//
// Developer variables (tests, debugging a checkout):
//   KARTOTEKA_DATA_DIR        another data folder (userData)
//   KARTOTEKA_SQLITE_BINDING  another better_sqlite3.node: loads any native code given
//   KARTOTEKA_MIGRATIONS      another migrations folder: runs any SQL given
// An installed app ignores all three (and every other KARTOTEKA_* variable): an
// environment variable set by another program must not make it load foreign code or
// SQL. Its one documented switch is the `--data-dir=<folder>` command-line flag (a
// shortcut's target), which moves only the data folder.

export interface StartInfo {
  packaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  argv: readonly string[];
  /** The repo root in development, resources/app.asar when packaged. */
  appRoot: string;
  /** process.resourcesPath: where extraResources land when packaged. */
  resourcesPath: string;
  /** The working directory a relative --data-dir is read against. */
  cwd: string;
}

export interface DesktopPaths {
  /** Overrides Electron's userData folder; null keeps <appData>/Kartoteka. */
  dataDir: string | null;
  migrations: string;
  sqliteBinding: string;
}

export const DATA_DIR_FLAG = '--data-dir=';

/** The value of --data-dir=<folder>, if given (the last one wins), resolved against cwd. */
export function dataDirFlag(argv: readonly string[], cwd: string): string | null {
  const hit = [...argv].reverse().find((a) => a.startsWith(DATA_DIR_FLAG));
  const value = hit?.slice(DATA_DIR_FLAG.length).trim();
  if (!value) return null;
  return isAbsolute(value) ? value : resolve(cwd, value);
}

export function desktopPaths(start: StartInfo): DesktopPaths {
  const flag = dataDirFlag(start.argv, start.cwd);
  if (start.packaged) {
    return {
      dataDir: flag,
      migrations: join(start.resourcesPath, 'migrations'),
      sqliteBinding: join(start.resourcesPath, 'native', 'better_sqlite3.node'),
    };
  }
  const env = (name: string) => start.env[name] || undefined;
  return {
    dataDir: flag ?? env('KARTOTEKA_DATA_DIR') ?? null,
    migrations: env('KARTOTEKA_MIGRATIONS') ?? join(start.appRoot, 'migrations'),
    sqliteBinding: env('KARTOTEKA_SQLITE_BINDING') ?? join(start.appRoot, 'native', 'electron', 'better_sqlite3.node'),
  };
}

/**
 * The core process's environment: ours on top of the inherited one. When packaged,
 * inherited KARTOTEKA_* variables are dropped first, so only the values chosen here
 * reach the core (which reads them in core/db and core/workspace).
 */
export function coreEnvironment(
  packaged: boolean,
  inherited: Readonly<Record<string, string | undefined>>,
  ours: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(inherited)) {
    if (value === undefined) continue;
    if (packaged && key.startsWith('KARTOTEKA_')) continue;
    env[key] = value;
  }
  return { ...env, ...ours };
}
