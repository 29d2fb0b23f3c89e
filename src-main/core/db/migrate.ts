import type Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { AppError } from '../errors';

// Applies drizzle-kit migrations ourselves rather than through drizzle's migrate(),
// for two reasons drizzle's runner does not cover:
//  * drizzle-kit's table-rebuild migrations say PRAGMA foreign_keys=OFF, which is a
//    no-op inside a transaction; with FKs on, DROP TABLE of a parent fires
//    ON DELETE CASCADE and silently wipes child rows. We turn FKs off on the
//    connection *before* BEGIN and run foreign_key_check before COMMIT.
//  * the caller must know whether anything is pending to take a backup first.
//  * since SQLite 3.26, ALTER TABLE ... RENAME re-parses every view and trigger; in a
//    rebuild (DROP TABLE x; ALTER TABLE __new_x RENAME TO x) the view and triggers of
//    the search index still name the dropped x, so the rename fails with "error in
//    view client_fts_source: no such table". legacy_alter_table=ON is the rename the
//    SQLite 12-step rebuild procedure was written for. Triggers ON the rebuilt table
//    are dropped with it: a rebuild migration must recreate them (see tests).
// The bookkeeping table is drizzle's own, so drizzle-kit tooling still understands it.

const TABLE = '__drizzle_migrations';

export function pendingMigrations(sqlite: Database.Database, migrationsDir: string): MigrationMeta[] {
  const all = readMigrationFiles({ migrationsFolder: migrationsDir });
  const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name=?`).get(TABLE);
  if (!exists) return all;
  const last = sqlite.prepare(`SELECT created_at FROM ${TABLE} ORDER BY created_at DESC LIMIT 1`).get() as
    | { created_at: number }
    | undefined;
  if (!last) return all;
  // A file already updated by a newer Kartoteka has migrations this one does not know:
  // writing to it with the older schema could damage it.
  const newest = all.length ? all[all.length - 1]!.folderMillis : 0;
  if (Number(last.created_at) > newest) {
    throw new AppError('workspace.newer', 'This workspace was written by a newer version of Kartoteka; update the program to open it');
  }
  return all.filter((m) => m.folderMillis > Number(last.created_at));
}

export function applyMigrations(sqlite: Database.Database, migrations: MigrationMeta[]): void {
  if (migrations.length === 0) return;
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('legacy_alter_table = ON');
  try {
    sqlite.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
    const record = sqlite.prepare(`INSERT INTO ${TABLE} (hash, created_at) VALUES (?, ?)`);
    const searchTriggersBefore = searchTriggers(sqlite);
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      for (const m of migrations) {
        for (const stmt of m.sql) {
          if (stmt.trim()) sqlite.exec(stmt);
        }
        record.run(m.hash, m.folderMillis);
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new AppError(
          'workspace.migration_fk',
          `Migration would leave ${violations.length} rows with broken references; nothing was changed`,
          { count: violations.length },
        );
      }
      // A rebuilt table loses its triggers; a migration that forgets to recreate the
      // search triggers would leave search silently stale, so it is refused.
      const after = new Set(searchTriggers(sqlite));
      const lost = searchTriggersBefore.filter((t) => !after.has(t));
      if (lost.length > 0) {
        throw new AppError('workspace.migration_search', `Migration drops search triggers ${lost.join(', ')}; nothing was changed`, {
          triggers: lost.join(', '),
        });
      }
      sqlite.exec('COMMIT');
    } catch (e) {
      sqlite.exec('ROLLBACK');
      if (e instanceof AppError) throw e;
      throw new AppError('workspace.migration_failed', `Workspace update failed, nothing was changed: ${(e as Error).message}`, {
        detail: (e as Error).message,
      });
    }
  } finally {
    sqlite.pragma('legacy_alter_table = OFF');
    sqlite.pragma('foreign_keys = ON');
  }
}

function searchTriggers(sqlite: Database.Database): string[] {
  return (
    sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\'`).all() as { name: string }[]
  ).map((r) => r.name);
}
