import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

/**
 * migrations/ ships next to the code: at the repo root in development, and as an
 * extra resource in the packaged app (the Electron door passes that path in
 * KARTOTEKA_MIGRATIONS).
 */
export function defaultMigrationsDir(): string {
  if (process.env.KARTOTEKA_MIGRATIONS) return process.env.KARTOTEKA_MIGRATIONS;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('migrations folder not found; set KARTOTEKA_MIGRATIONS');
}
