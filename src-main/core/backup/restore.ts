import { existsSync, readFileSync, renameSync, rmSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Session } from '../workspace/session';
import { AppError, NotFoundError } from '../errors';
import { runSnapshot, runSnapshotSync, type SnapshotProgress, type UnpackJob } from './run-snapshot';
import { assertNoBackupRunning, backupInBackground, backupNowSync, currentBackup, listBackups, stateOf } from './manager';
import { takeSafetyBackup } from './safety';
import { backupsDirFor, chainOf, ChainError, listBackupsIn, workspaceName, type BackupEntry, type BackupManifest } from './manifest';

// A restore never writes over a workspace in place: the backup is written out next
// to it under a temporary name and checked, the current state is saved as a
// "before restore" backup (so the restore can be undone), the session closes the
// file, and only then is the checked copy renamed over it and reopened.
//
// From the UI the first two steps run off-thread (restoreBackupInBackground), so the
// core keeps answering and backup.status reports the step and its progress: on a large
// workspace they take a minute. The CLI waits (restoreFromFile).

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory; NTFS journals the rename itself.
  }
}

type Chain = UnpackJob['chain'];

/**
 * What to unpack for a backup file: itself when it is full; for an incremental one,
 * the full backup of its chain and every link up to it, from the manifests beside it.
 * A link missing from the folder refuses the restore before anything is written.
 */
function sourceOf(backupPath: string): { base: string; chain: Chain } {
  if (!backupPath.endsWith('.kdelta')) return { base: backupPath, chain: [] };
  const dir = dirname(backupPath);
  const id = basename(backupPath).slice(0, -'.kdelta'.length);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as BackupManifest;
  } catch {
    throw new AppError('backup.chain_broken', `The incremental backup ${id} has no manifest beside it`, { id, missing: `${id}.json` });
  }
  const all = listBackupsIn(dir, manifest.workspace);
  const entry = all.find((b) => b.id === id);
  if (!entry) throw new AppError('backup.chain_broken', `The incremental backup ${id} is not complete`, { id, missing: id });
  try {
    const { base, links } = chainOf(entry, all);
    return { base: base.path, chain: links.map((l) => ({ id: l.id, path: l.path, sha256: l.sha256 ?? '' })) };
  } catch (e) {
    if (e instanceof ChainError) throw new AppError('backup.chain_broken', e.message, { id: e.id, missing: e.missing });
    throw e;
  }
}

/** The backup written out as a checked workspace file at `dest` (which must not be in use). */
function unpack(backupPath: string, expectCounts: Record<string, number> | null, dest: string): void {
  const partial = `${dest}.restoring.partial`;
  const { base, chain } = sourceOf(backupPath);
  runSnapshotSync({ kind: 'unpack', backup: base, chain, dest: partial, expectCounts });
  for (const side of ['-wal', '-shm', '-journal']) rmSync(dest + side, { force: true });
  renameSync(partial, dest);
  fsyncDir(dirname(dest));
}

/** unpack, off this thread, reporting its progress. */
async function unpackInBackground(backupPath: string, expectCounts: Record<string, number> | null, dest: string, onProgress: (p: SnapshotProgress) => void) {
  const partial = `${dest}.restoring.partial`;
  const { base, chain } = sourceOf(backupPath);
  await runSnapshot({ kind: 'unpack', backup: base, chain, dest: partial, expectCounts }, onProgress);
  for (const side of ['-wal', '-shm', '-journal']) rmSync(dest + side, { force: true });
  renameSync(partial, dest);
  fsyncDir(dirname(dest));
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('.', '-').replace('Z', '');
}

/** The manifest's row counts for a backup file given by path, when it has one. */
function countsOfFile(backupPath: string): Record<string, number> | null {
  const manifest = join(dirname(backupPath), basename(backupPath).replace(/\.(kdb(\.gz)?|kdelta)$/, '') + '.json');
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as BackupManifest).counts;
  } catch {
    return null;
  }
}

function findListed(session: Session, id: string): BackupEntry {
  const entry = listBackups(session).find((b) => b.id === id);
  if (!entry) throw new NotFoundError('backup', id);
  return entry;
}

/** The unpacked backup renamed over the workspace, which is reopened. The caller has saved the current state. */
async function replaceWith(session: Session, path: string, partial: string): Promise<void> {
  await session.closeAndRelease();
  for (const side of ['-wal', '-shm']) rmSync(path + side, { force: true });
  renameSync(partial, path);
  fsyncDir(dirname(path));
  session.open(path);
}

export interface RestoreResult {
  restored: string;
  /** The "before restore" backup: restoring it undoes this restore. */
  undoId: string;
}

/** Replaces the open workspace with a backup file, keeping the current state as a "before restore" backup. */
export async function restoreFromFile(session: Session, backupPath: string, expectCounts = countsOfFile(backupPath)): Promise<RestoreResult> {
  assertNoBackupRunning(session);
  const path = session.workspace.path;
  const partial = `${path}.incoming`;
  // Checked before anything else happens: a bad backup changes nothing.
  unpack(backupPath, expectCounts, partial);
  let before;
  try {
    before = takeSafetyBackup(session, 'restore');
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  await replaceWith(session, path, partial);
  return { restored: basename(backupPath), undoId: before.id };
}

/**
 * The same restore, leaving this thread free while the backup is checked and the
 * current state saved; backup.status shows the step and its progress meanwhile.
 * Writes made by other requests during those steps are not lost: if the workspace
 * changed after the "before restore" backup began, a second one is taken (waiting)
 * just before the file is replaced.
 */
export async function restoreBackupInBackground(session: Session, id: string): Promise<RestoreResult> {
  const entry = findListed(session, id);
  assertNoBackupRunning(session);
  const st = stateOf(session);
  const { path, sqlite } = session.workspace;
  const partial = `${path}.incoming`;
  const restoring: NonNullable<typeof st.restoring> = { step: 'check', startedAt: session.now().toISOString(), progress: null };
  st.restoring = restoring;
  try {
    // Checked before anything else happens: a bad backup changes nothing.
    await unpackInBackground(entry.path, entry.counts, partial, (p) => (restoring.progress = p));
    restoring.step = 'save';
    restoring.progress = null;
    await backupInBackground(session, 'restore');
    if (!session.isOpen || session.workspace.sqlite !== sqlite) {
      throw new AppError('backup.restore_interrupted', 'Another workspace was opened during the restore');
    }
    // The background backup counts only if nothing was written since it began.
    const before = currentBackup(session) ?? backupNowSync(session, 'restore');
    restoring.step = 'replace';
    await replaceWith(session, path, partial);
    return { restored: entry.id, undoId: before.id };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    st.restoring = null;
  }
}

/** Writes a backup out as a new workspace file and switches to it; the current one stays as it is. */
export function restoreIntoNew(session: Session, id: string, newPath: string): void {
  assertNoBackupRunning(session); // a restore in progress must not find another file open when it ends
  if (existsSync(newPath)) throw new AppError('workspace.exists', `A file already exists at ${newPath}`, { path: newPath });
  const entry = findListed(session, id);
  unpack(entry.path, entry.counts, newPath);
  session.open(newPath);
}

/** Backups of a workspace that could not be opened (its settings are unreadable, so only its own folder). */
export function backupsOfDamaged(path: string): BackupEntry[] {
  return listBackupsIn(backupsDirFor(path), workspaceName(path));
}

/**
 * Puts a good backup in place of a damaged workspace. The damaged file is not
 * written to: it is renamed aside (with its WAL) for whoever wants to look at it.
 */
export function recoverDamaged(session: Session, path: string, id: string, at: Date): Promise<{ movedTo: string }> {
  const entry = backupsOfDamaged(path).find((b) => b.id === id);
  if (!entry) throw new NotFoundError('backup', id);
  return replaceDamaged(session, path, entry.path, entry.counts, at);
}

export async function replaceDamaged(
  session: Session,
  path: string,
  backupPath: string,
  expectCounts: Record<string, number> | null,
  at: Date,
): Promise<{ movedTo: string }> {
  const incoming = `${path}.incoming`;
  unpack(backupPath, expectCounts, incoming);
  const movedTo = join(dirname(path), `${workspaceName(path)}.damaged-${stamp(at)}.kdb`);
  // Found damaged while open: closed first (without writing to it), or Windows cannot rename it.
  if (session.isOpen && session.workspace.path === path) await session.closeAndRelease();
  renameSync(path, movedTo);
  for (const side of ['-wal', '-shm']) if (existsSync(path + side)) renameSync(path + side, movedTo + side);
  renameSync(incoming, path);
  fsyncDir(dirname(path));
  session.open(path);
  return { movedTo };
}

export { countsOfFile };

/** CLI: a backup file into a path where no workspace exists yet. */
export function restoreToNewFile(backupPath: string, dest: string): void {
  if (existsSync(dest)) throw new AppError('workspace.exists', `A file already exists at ${dest}`, { path: dest });
  unpack(backupPath, countsOfFile(backupPath), dest);
}
