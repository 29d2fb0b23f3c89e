import type Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from './schema';
import { applyMigrations, pendingMigrations } from './migrate';
import { defaultMigrationsDir } from './paths';
import { takeFileBackup } from '../backup/file-backup';
import { openSqlite } from './driver';
import { AppError } from '../errors';
import { foldText, sortKey } from '../text/fold';
import { localDateMemo } from '../tasks/time';
import { requisitesOk } from '../clients/audit-filters';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Workspace {
  path: string;
  sqlite: Database.Database;
  db: Db;
  close(): void;
}

export interface OpenOptions {
  migrationsDir?: string;
  /** Skip the integrity check at open (benchmarks and short-lived CLI reads). */
  skipIntegrityCheck?: boolean;
  /** Clock for the names of backups taken before migrations. */
  now?: () => Date;
}

export { backupsDirFor } from '../backup/manifest';

/**
 * Opens (creating if missing) a workspace file: pragmas, integrity check, and the
 * pending migrations, with a verified snapshot taken before migrating existing data.
 */
export function openWorkspace(path: string, options: OpenOptions = {}): Workspace {
  const existed = existsSync(path) && statSync(path).size > 0;
  mkdirSync(dirname(path), { recursive: true });
  let sqlite: Database.Database;
  let opened: Database.Database | undefined;
  // The check runs on a read-only connection first: a damaged file is never written
  // to (a read-write connection would checkpoint a leftover WAL into it on close).
  if (existed && !options.skipIntegrityCheck) probeIntegrity(path);
  try {
    sqlite = opened = openSqlite(path);
    // Another program's database is refused before anything writes to it (the WAL
    // pragma below rewrites the file header; migrations would add our tables).
    if (existed && !isWorkspaceOrBlank(sqlite)) throw new Error('it holds tables of another program');
    // WAL: readers never block the writer, so a backup or a long report does not
    // stall typing. synchronous=FULL: each commit is fsynced, so a power cut loses
    // no acknowledged write; our writes are small user actions or one big
    // transaction (import, seed), so the cost is one fsync per action.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MB page cache (default is 2 MB): lists and search over 200k clients stay in memory.
    sqlite.pragma('cache_size = -65536');
    // Unicode-aware fold for filters; SQLite's lower() only folds ASCII.
    sqlite.function('kfold', { deterministic: true }, (v: unknown) => (v == null ? null : foldText(String(v))));
    // The list's sort key, for migrations that recompute clients.name_key.
    sqlite.function('ksortkey', { deterministic: true }, (v: unknown) => (v == null ? null : sortKey(String(v))));
    // Whether a card's ИНН/ОГРН pass their checksums (the base audit lists those that do not).
    sqlite.function('krequisites_ok', { deterministic: true }, requisitesOk);
    // The calendar date of an instant in a zone: "done after its all-day deadline" needs the user's day.
    const localDay = localDateMemo();
    sqlite.function('klocaldate', { deterministic: true }, (instant: unknown, tz: unknown) => (instant == null ? null : localDay(String(instant), String(tz))));
  } catch (e) {
    // Close it, or the damaged file stays locked (Windows cannot replace or delete it).
    opened?.close();
    throw damaged(path, (e as Error).message);
  }
  try {
    const pending = pendingMigrations(sqlite, options.migrationsDir ?? defaultMigrationsDir());
    if (pending.length > 0 && existed && hasUserTables(sqlite)) takeFileBackup(path, 'migration', options.now?.() ?? new Date());
    applyMigrations(sqlite, pending);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = drizzle(sqlite, { schema });
  return {
    path,
    sqlite,
    db,
    close: () => {
      if (sqlite.open) {
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
        sqlite.close();
      }
    },
  };
}

function damaged(path: string, detail: string): AppError {
  return new AppError('workspace.damaged', `The workspace file ${path} is damaged or is not a Kartoteka workspace: ${detail}`, { path, detail });
}

/**
 * PRAGMA quick_check: every page and b-tree of the file is read and its structure
 * checked (not index-vs-table agreement, which integrity_check adds); a few seconds
 * on a 670 MB workspace.
 */
function probeIntegrity(path: string): void {
  let probe: Database.Database | undefined;
  try {
    probe = openSqlite(path, { readonly: true, fileMustExist: true });
    const result = probe.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(String(result));
  } catch (e) {
    throw damaged(path, (e as Error).message);
  } finally {
    probe?.close();
  }
}

/** A file we created (it has the migrations table) or one with no tables yet. */
function isWorkspaceOrBlank(sqlite: Database.Database): boolean {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`).all() as {
    name: string;
  }[];
  return tables.length === 0 || tables.some((t) => t.name === '__drizzle_migrations');
}

function hasUserTables(sqlite: Database.Database): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='clients'`).get();
}
