import { copyFileSync, existsSync, fsyncSync, openSync, closeSync, renameSync, statSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import type { Session } from '../workspace/session';
import { workspaceDamagedError } from '../db/open';
import { AppError, toErrorPayload, type ErrorPayload } from '../errors';
import { backupsDirFor, chainOf, deleteBackup, listBackupsIn, removeStalePartials, workspaceName, type BackupEntry, type BackupReason } from './manifest';
import { takeFileBackup, takeFileBackupAsync } from './file-backup';
import { backupsToPrune } from './retention';
import { readBackupSettings, type BackupSettings } from './settings';
import { isOnNetworkShare } from './network';
import type { SnapshotProgress } from './run-snapshot';

// Per-session backup state: the running job and its progress, the last failure,
// the second folder's status, and what the workspace looked like at the last backup
// (automatic and safety backups skip a workspace nobody changed since).

/** A restore's steps: check the backup (unpack it), save the current state, replace the file. */
export type RestoreStep = 'check' | 'save' | 'replace';

interface State {
  path: string;
  connection: object;
  running: { reason: BackupReason; startedAt: string; progress: SnapshotProgress | null; promise: Promise<BackupEntry>; abort: AbortController } | null;
  restoring: { step: RestoreStep; startedAt: string; progress: SnapshotProgress | null } | null;
  lastError: { at: string; error: ErrorPayload } | null;
  second: { dir: string; ok: boolean; at: string; error: string | null } | null;
  changesAtBackup: string | null;
  lastEntry: BackupEntry | null;
  lastAttemptAt: number;
}

const states = new WeakMap<Session, State>();

export function stateOf(session: Session): State {
  const { path, sqlite } = session.workspace;
  let st = states.get(session);
  // A reopened file (restore, switch) starts afresh: change counts are per connection.
  if (!st || st.connection !== sqlite) {
    st = { path, connection: sqlite, running: null, restoring: null, lastError: null, second: null, changesAtBackup: null, lastEntry: null, lastAttemptAt: 0 };
    states.set(session, st);
  }
  return st;
}

/**
 * Changes made through this connection (total_changes) and commits by any other
 * connection or process (data_version): equal signatures mean equal contents.
 */
function totalChanges(session: Session): string {
  const sqlite = session.workspace.sqlite;
  const n = (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${n}:${String(sqlite.pragma('data_version', { simple: true }))}`;
}

/**
 * Folds the WAL into the file through the session's own connection, without waiting
 * for anyone, so the worker can usually take an incremental backup without a
 * checkpoint of its own (which resets the WAL under this connection and moves its
 * data_version: the backup would then not count as "of the current contents").
 */
function foldWal(session: Session): void {
  const sqlite = session.workspace.sqlite;
  const wait = sqlite.pragma('busy_timeout', { simple: true }) as number;
  try {
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Busy: the worker tries its own checkpoint, or takes a full backup.
  } finally {
    sqlite.pragma(`busy_timeout = ${wait}`);
  }
}

export function listBackups(session: Session): BackupEntry[] {
  const path = session.workspace.path;
  const primary = listBackupsIn(backupsDirFor(path), workspaceName(path));
  const secondDir = readBackupSettings(session).secondDir;
  if (!secondDir) return primary;
  const ids = new Set(primary.map((b) => b.id));
  // Copies that only the second folder still has (the PC's disk was replaced, say).
  const extra = listBackupsIn(secondDir, workspaceName(path)).filter((b) => !ids.has(b.id));
  return [...primary, ...extra].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** A backup into the second folder, with the links of its chain that folder lacks (oldest first). */
function copyToSecond(entry: BackupEntry, dir: string): void {
  const there = new Set(listBackupsIn(dir, entry.workspace).map((b) => b.id));
  const { base, links } = chainOf(entry, listBackupsIn(entry.dir, entry.workspace));
  for (const b of [base, ...links]) if (b.id === entry.id || !there.has(b.id)) copyOneToSecond(b, dir);
}

function copyOneToSecond(entry: BackupEntry, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [from, name] of [
    [entry.path, basename(entry.path)],
    [join(entry.dir, `${entry.id}.json`), `${entry.id}.json`],
  ] as const) {
    const tmp = join(dir, `${name}.partial`);
    copyFileSync(from, tmp);
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (statSync(tmp).size !== statSync(from).size) throw new Error(`copy of ${name} is incomplete`);
    // The manifest is copied last, so the second folder lists only complete backups.
    renameSync(tmp, join(dir, name));
  }
}

function prune(dir: string, workspace: string, settings: BackupSettings, now: Date): void {
  removeStalePartials(dir, now);
  for (const b of backupsToPrune(listBackupsIn(dir, workspace), now, settings)) deleteBackup(b);
}

/** After a verified backup: the second folder's copy, then pruning of both folders. */
function afterBackup(session: Session, st: State, entry: BackupEntry, changes: string): void {
  st.changesAtBackup = changes;
  st.lastEntry = entry;
  st.lastError = null;
  const settings = readBackupSettings(session);
  const now = session.now();
  if (entry.dir !== backupsDirFor(st.path)) return; // `backup --to DIR`: a one-off copy, not part of the rotation
  if (settings.secondDir) {
    try {
      copyToSecond(entry, settings.secondDir);
      prune(settings.secondDir, workspaceName(st.path), settings, now);
      st.second = { dir: settings.secondDir, ok: true, at: now.toISOString(), error: null };
    } catch (e) {
      st.second = { dir: settings.secondDir, ok: false, at: now.toISOString(), error: (e as Error).message };
    }
  } else {
    st.second = null;
  }
  prune(entry.dir, workspaceName(st.path), settings, now);
}

function failed(session: Session, st: State, e: unknown): never {
  st.lastError = { at: session.now().toISOString(), error: toErrorPayload(e) };
  throw e;
}

/** A backup taken now, waiting for it (before risky operations, at close, from the CLI). */
export function backupNowSync(session: Session, reason: BackupReason, dir?: string): BackupEntry {
  // A damaged file's copy would not be a good backup; the newest good one stays the newest.
  session.assertWritable();
  const st = stateOf(session);
  foldWal(session);
  const changes = totalChanges(session);
  st.lastAttemptAt = session.now().getTime();
  let entry: BackupEntry;
  try {
    entry = takeFileBackup(st.path, reason, session.now(), { dir });
  } catch (e) {
    failed(session, st, e);
  }
  afterBackup(session, st, entry, changes);
  return entry;
}

/** Starts a backup off-thread (or joins the one running); progress shows in status. */
export function backupInBackground(session: Session, reason: BackupReason): Promise<BackupEntry> {
  const st = stateOf(session);
  // A restore takes its own "before restore" backup; nothing else starts meanwhile.
  if (st.restoring && reason !== 'restore') return Promise.reject(new AppError('backup.busy', 'A restore is running'));
  if (st.running) return st.running.promise;
  if (session.workspace.integrity.state === 'damaged') return Promise.reject(workspaceDamagedError(session.workspace));
  foldWal(session);
  const changes = totalChanges(session);
  const path = st.path;
  st.lastAttemptAt = session.now().getTime();
  const abort = new AbortController();
  const running: NonNullable<State['running']> = {
    reason,
    startedAt: session.now().toISOString(),
    progress: null,
    abort,
    promise: takeFileBackupAsync(path, reason, session.now(), { onProgress: (p) => (running.progress = p), signal: abort.signal }).then(
      (entry) => {
        st.running = null;
        // The workspace may have been switched or closed meanwhile: the copy stays, the bookkeeping does not apply.
        if (states.get(session) === st && session.isOpen && session.workspace.sqlite === st.connection) afterBackup(session, st, entry, changes);
        return entry;
      },
      (e: unknown) => {
        st.running = null;
        if (e instanceof AppError && e.code === 'backup.cancelled') throw e; // the user's choice, not a failure
        return failed(session, st, e);
      },
    ),
  };
  st.running = running;
  running.promise.catch(() => {}); // reported through status; callers that care await it
  return running.promise;
}

/** Stops the running background backup, if any; nothing of it is left behind. */
export function cancelBackup(session: Session): void {
  stateOf(session).running?.abort.abort();
}

/** Whether the workspace changed since the last backup of this session (or was never backed up). */
export function needsBackup(session: Session): boolean {
  const st = stateOf(session);
  const changes = totalChanges(session);
  if (st.changesAtBackup !== null) return changes !== st.changesAtBackup;
  return !changes.startsWith('0:') || listBackups(session).length === 0;
}

/** The backup this session made of exactly the current contents, if there is one. */
export function currentBackup(session: Session): BackupEntry | null {
  const st = stateOf(session);
  return st.lastEntry && st.changesAtBackup === totalChanges(session) && existsSync(st.lastEntry.path) ? st.lastEntry : null;
}

export interface BackupStatus {
  running: { reason: BackupReason; startedAt: string; progress: SnapshotProgress | null } | null;
  /** A restore under way: its step and the progress of that step (the UI polls this while it waits). */
  restoring: { step: RestoreStep; startedAt: string; progress: SnapshotProgress | null } | null;
  last: { id: string; createdAt: string; size: number; reason: BackupReason } | null;
  lastError: { at: string; error: ErrorPayload } | null;
  second: State['second'];
  tooOld: boolean;
  networkShare: boolean;
  settings: BackupSettings;
}

export function backupStatus(session: Session): BackupStatus {
  const st = stateOf(session);
  const settings = readBackupSettings(session);
  const newest = listBackups(session)[0];
  const age = newest ? session.now().getTime() - Date.parse(newest.createdAt) : Infinity;
  return {
    running: st.running && { reason: st.running.reason, startedAt: st.running.startedAt, progress: st.running.progress },
    restoring: st.restoring && { ...st.restoring, progress: st.restoring.step === 'save' ? (st.running?.progress ?? null) : st.restoring.progress },
    last: newest ? { id: newest.id, createdAt: newest.createdAt, size: newest.size, reason: newest.reason } : null,
    lastError: st.lastError,
    second: settings.secondDir ? (st.second ?? { dir: settings.secondDir, ok: true, at: '', error: null }) : null,
    tooOld: age > settings.warnAfterHours * 3600_000,
    networkShare: isOnNetworkShare(st.path),
    settings,
  };
}

export function assertNoBackupRunning(session: Session): void {
  const st = stateOf(session);
  if (st.running || st.restoring) throw new AppError('backup.busy', 'A backup or restore is running; try again when it has finished');
}
