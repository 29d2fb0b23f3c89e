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
import { registerFunctions } from './functions';
import { openReader } from './reader';
import { fileIdentity, sameIdentity, takeCleanClose, writeCleanClose, type CleanClose } from './open-state';
import { checkInBackground, type BackgroundCheck, type CheckOutcome } from './background-check';

export type Db = BetterSQLite3Database<typeof schema>;

/**
 * How the open checked the file: `blocking` (quick_check before anything else, after an
 * unclean shutdown or when the file changed behind our back), `background` (the file is
 * as a clean close left it; quick_check runs in a worker while the user works) or
 * `skipped` (a new file, or the caller asked for no check).
 */
export type CheckMode = 'blocking' | 'background' | 'skipped';
export type CheckWhy = 'clean' | 'unclean' | 'changed' | 'new' | 'disabled';

export interface OpenReport {
  ms: number;
  check: CheckMode;
  why: CheckWhy;
}

export interface Integrity {
  /** `checking`: the background check is running; `damaged`: writes are refused. */
  state: 'ok' | 'checking' | 'unchecked' | 'damaged';
  detail: string | null;
  quickCheckedAt: string | null;
  fullCheckedAt: string | null;
}

export interface Workspace {
  path: string;
  sqlite: Database.Database;
  db: Db;
  opened: OpenReport;
  integrity: Integrity;
  /** Settles when the background check (if any) has finished and its verdict is applied. */
  checked: Promise<void>;
  /** Runs a full integrity_check off-thread; a failure marks the file damaged. `null`: closed before it ran. */
  fullCheck(): Promise<CheckOutcome | null>;
  /** Called once when a check finds damage (the session tells the user). */
  onDamaged: ((detail: string) => void) | null;
  /** The read-only connection reports run on (opened on first use; see db/reader.ts). */
  reader(): Database.Database;
  /** Closes the connection and cancels a background check that has not opened the file yet. */
  close(): void;
  /** Settles once no background check holds the file (Windows cannot rename or delete a file held open). */
  released(): Promise<void>;
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
  const t0 = performance.now();
  const existed = existsSync(path) && statSync(path).size > 0;
  mkdirSync(dirname(path), { recursive: true });
  let sqlite: Database.Database;
  let opened: Database.Database | undefined;
  const clean = existed ? takeCleanClose(path) : null;
  const [check, why] = checkPlan(path, existed, clean, options);
  const now = () => (options.now?.() ?? new Date()).toISOString();
  // The check runs on a read-only connection first: a damaged file is never written
  // to (a read-write connection would checkpoint a leftover WAL into it on close).
  if (check === 'blocking') probeIntegrity(path);
  const integrity: Integrity = {
    state: check === 'background' ? 'checking' : check === 'blocking' ? 'ok' : 'unchecked',
    detail: null,
    quickCheckedAt: check === 'blocking' ? now() : (clean?.quickCheckedAt ?? null),
    fullCheckedAt: why === 'new' ? now() : (clean?.fullCheckedAt ?? null),
  };
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
    registerFunctions(sqlite);
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
  const running = new Set<BackgroundCheck>();
  const runCheck = (full: boolean): Promise<CheckOutcome | null> => {
    const c = checkInBackground(path, full);
    running.add(c);
    void c.exited.then(() => running.delete(c));
    return c.outcome;
  };
  let reader: Database.Database | null = null;
  const ws: Workspace = {
    path,
    sqlite,
    db,
    opened: { ms: 0, check, why },
    integrity,
    checked: Promise.resolve(),
    onDamaged: null,
    fullCheck: async () => {
      const r = await runCheck(true);
      if (r === null || !sqlite.open) return r;
      if (r.ok) integrity.fullCheckedAt = integrity.quickCheckedAt = now();
      else markDamaged(ws, r.detail);
      return r;
    },
    reader: () => {
      if (!sqlite.open) throw new Error('The workspace is closed');
      return (reader ??= openReader(path));
    },
    close: () => {
      for (const c of running) c.cancel();
      reader?.close();
      reader = null;
      if (!sqlite.open) return;
      if (integrity.state === 'damaged') return closeWithoutWriting(path, sqlite);
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
      writeCleanClose(path, { closedAt: now(), quickCheckedAt: integrity.quickCheckedAt, fullCheckedAt: integrity.fullCheckedAt });
    },
    released: async () => {
      await Promise.all([...running].map((c) => c.exited));
    },
  };
  if (check === 'background') {
    ws.checked = runCheck(false).then((r) => {
      if (r === null || !sqlite.open) return;
      if (r.ok) {
        integrity.state = 'ok';
        integrity.quickCheckedAt = now();
      } else markDamaged(ws, r.detail);
    });
  }
  ws.opened.ms = performance.now() - t0;
  return ws;
}

/** What the open must check, and why: the marker of a clean close decides. */
function checkPlan(path: string, existed: boolean, clean: CleanClose | null, options: OpenOptions): [CheckMode, CheckWhy] {
  if (!existed) return ['skipped', 'new'];
  if (options.skipIntegrityCheck) return ['skipped', 'disabled'];
  if (!clean) return ['blocking', 'unclean'];
  return sameIdentity(clean.identity, fileIdentity(path)) ? ['background', 'clean'] : ['blocking', 'changed'];
}

/**
 * Damage found while the workspace is open: from this instant the connection refuses
 * every write (query_only), the procedure table refuses write calls with
 * workspace.damaged, and the session offers the newest good backup.
 */
export function markDamaged(ws: Workspace, detail: string): void {
  if (ws.integrity.state === 'damaged') return;
  ws.integrity.state = 'damaged';
  ws.integrity.detail = detail;
  if (ws.sqlite.open) ws.sqlite.pragma('query_only = ON');
  ws.onDamaged?.(detail);
}

/**
 * Closes a damaged file without the checkpoint a last read-write connection does on
 * close: a read-only connection holds a read lock meanwhile (SQLite then skips the
 * checkpoint), and read-only connections never checkpoint. The WAL stays beside it.
 */
function closeWithoutWriting(path: string, sqlite: Database.Database): void {
  let guard: Database.Database | undefined;
  try {
    guard = openSqlite(path, { readonly: true, fileMustExist: true });
    guard.exec('BEGIN');
    guard.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
  } catch {
    // Unreadable: nothing a checkpoint could do to it either.
  }
  sqlite.close();
  guard?.close();
}

export function workspaceDamagedError(ws: Workspace): AppError {
  return damaged(ws.path, ws.integrity.detail ?? 'damaged');
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
