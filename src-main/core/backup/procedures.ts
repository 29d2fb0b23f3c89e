import { z } from 'zod';
import { settingsChange } from '../audit/spec';
import { proc, reads, writes, runs, switches } from '../procedures/define';
import { AppError } from '../errors';
import type { Session } from '../workspace/session';
import { backupInBackground, backupNowSync, backupStatus, cancelBackup, listBackups } from './manager';
import { backupSettingsSchema, readBackupSettings, writeBackupSettings } from './settings';
import { backupsDirFor, type BackupEntry } from './manifest';
import { backupsOfDamaged, recoverDamaged, restoreBackupInBackground, restoreFromFile, restoreIntoNew } from './restore';
import { workspaceStats } from '../workspace/stats';
import { localPath, workspacePath as newWorkspacePath } from '../validation/rules';

// A backup's id is its file name (time and reason), longer than a record id.
const id = z.string().min(1).max(300);

// What the restore screen shows of a backup: the counts users recognise.
const RECORD_TABLES = ['clients', 'contacts', 'history', 'deals', 'tasks'] as const;

function view(b: BackupEntry, primaryDir: string) {
  return {
    id: b.id,
    createdAt: b.createdAt,
    reason: b.reason,
    size: b.size,
    /** Incremental: holds only the pages changed since the backup before it (restored together with its chain). */
    incremental: b.kind === 'incremental',
    records: Object.fromEntries(RECORD_TABLES.filter((t) => t in b.counts).map((t) => [t, b.counts[t]!])) as Partial<Record<(typeof RECORD_TABLES)[number], number>>,
    location: b.dir === primaryDir ? ('primary' as const) : ('second' as const),
    /** Where the file is on the PC that runs Kartoteka (the CLI prints it). */
    path: b.path,
    counts: b.counts,
  };
}

const info = (s: Session) => ({ path: s.workspace.path, stats: workspaceStats(s.workspace.sqlite) });

export const backupProcedures = {
  'backup.status': proc(reads('backup'), z.object({}), (s) => backupStatus(s)),
  'backup.list': proc(reads('backup'), z.object({}), (s) => listBackups(s).map((b) => view(b, backupsDirFor(s.workspace.path)))),
  /** Starts a backup in the background; progress and the result come through backup.status. */
  'backup.run': proc(runs('backup'), z.object({}), (s) => {
    void backupInBackground(s, 'manual').catch(() => {});
    return backupStatus(s);
  }),
  /** A verified backup now, waiting for it (the CLI); `folder` writes a one-off copy there instead. */
  'backup.now': proc(runs('backup', { localOnly: true, paths: { folder: { purpose: 'backup.folder' } } }), z.object({ folder: localPath.nullish() }), (s, i) => {
    const b = backupNowSync(s, 'manual', i.folder ?? undefined);
    return { id: b.id, path: b.path, createdAt: b.createdAt, size: b.size, counts: b.counts };
  }),
  'backup.cancel': proc(runs('backup'), z.object({}), (s) => {
    cancelBackup(s);
    return backupStatus(s);
  }),
  'backup.saveSettings': proc(
    // The form sends the saved second folder back as it is; a new one must be chosen.
    writes('backup', { audit: settingsChange, localOnly: true, paths: { secondDir: { purpose: 'backup.folder', current: (s) => readBackupSettings(s).secondDir } } }),
    backupSettingsSchema, (s, i) => {
    writeBackupSettings(s, i);
    return backupStatus(s);
  }),
  /** Answers when the restore is done; meanwhile backup.status reports its step and progress. */
  'backup.restore': proc(switches('restore', { localOnly: true }), z.object({ id }), async (s, i) => ({ ...(await restoreBackupInBackground(s, i.id)), workspace: info(s) })),
  /** A backup file anywhere on this PC (not only a listed one) into the open workspace. */
  'backup.restoreFile': proc(switches('restore', { localOnly: true, paths: { path: { purpose: 'backup.file' } } }), z.object({ path: localPath }), async (s, i) => ({
    ...(await restoreFromFile(s, i.path)),
    workspace: info(s),
  })),
  'backup.restoreIntoNew': proc(switches('restore', { localOnly: true, paths: { path: { purpose: 'workspace.create' } } }), z.object({ id, path: newWorkspacePath }), (s, i) => {
    restoreIntoNew(s, i.id, i.path);
    return info(s);
  }),
  /** The workspace that failed to open as damaged, and the backups that can replace it. */
  'backup.recovery': proc(reads('restore'), z.object({}), (s) => {
    const failure = s.lastFailure;
    if (!failure) return null;
    const dir = backupsDirFor(failure.path);
    return { path: failure.path, error: failure.error, backups: backupsOfDamaged(failure.path).map((b) => view(b, dir)) };
  }),
  'backup.recover': proc(switches('restore', { localOnly: true }), z.object({ id }), async (s, i) => {
    const failure = s.lastFailure;
    if (!failure) throw new AppError('backup.nothing_to_recover', 'No damaged workspace to recover');
    const { movedTo } = await recoverDamaged(s, failure.path, i.id, s.now());
    return { movedTo, ...info(s) };
  }),
};
