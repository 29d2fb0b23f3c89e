import { z } from 'zod';
import { isAbsolute } from 'node:path';
import { proc } from '../procedures/define';
import { AppError } from '../errors';
import type { Session } from '../workspace/session';
import { backupInBackground, backupStatus, cancelBackup, listBackups } from './manager';
import { backupSettingsSchema, writeBackupSettings } from './settings';
import { backupsDirFor, type BackupEntry } from './manifest';
import { backupsOfDamaged, recoverDamaged, restoreBackupInBackground, restoreIntoNew } from './restore';
import { workspaceStats } from '../workspace/stats';

const id = z.string().min(1).max(300);
const newWorkspacePath = z
  .string()
  .max(1000)
  .refine((p) => isAbsolute(p), 'workspace.path_absolute')
  .refine((p) => /\.kdb$/i.test(p), 'workspace.path_extension');

// What the restore screen shows of a backup: the counts users recognise.
const RECORD_TABLES = ['clients', 'contacts', 'history', 'deals', 'tasks'] as const;

function view(b: BackupEntry, primaryDir: string) {
  return {
    id: b.id,
    createdAt: b.createdAt,
    reason: b.reason,
    size: b.size,
    records: Object.fromEntries(RECORD_TABLES.filter((t) => t in b.counts).map((t) => [t, b.counts[t]!])) as Partial<Record<(typeof RECORD_TABLES)[number], number>>,
    location: b.dir === primaryDir ? ('primary' as const) : ('second' as const),
  };
}

const info = (s: Session) => ({ path: s.workspace.path, stats: workspaceStats(s.workspace.sqlite) });

export const backupProcedures = {
  'backup.status': proc(z.object({}), (s) => backupStatus(s)),
  'backup.list': proc(z.object({}), (s) => listBackups(s).map((b) => view(b, backupsDirFor(s.workspace.path)))),
  /** Starts a backup in the background; progress and the result come through backup.status. */
  'backup.run': proc(z.object({}), (s) => {
    void backupInBackground(s, 'manual').catch(() => {});
    return backupStatus(s);
  }),
  'backup.cancel': proc(z.object({}), (s) => {
    cancelBackup(s);
    return backupStatus(s);
  }),
  'backup.saveSettings': proc(backupSettingsSchema, (s, i) => {
    writeBackupSettings(s, i);
    return backupStatus(s);
  }),
  /** Answers when the restore is done; meanwhile backup.status reports its step and progress. */
  'backup.restore': proc(z.object({ id }), async (s, i) => ({ ...(await restoreBackupInBackground(s, i.id)), workspace: info(s) })),
  'backup.restoreIntoNew': proc(z.object({ id, path: newWorkspacePath }), (s, i) => {
    restoreIntoNew(s, i.id, i.path);
    return info(s);
  }),
  /** The workspace that failed to open as damaged, and the backups that can replace it. */
  'backup.recovery': proc(z.object({}), (s) => {
    const failure = s.lastFailure;
    if (!failure) return null;
    const dir = backupsDirFor(failure.path);
    return { path: failure.path, error: failure.error, backups: backupsOfDamaged(failure.path).map((b) => view(b, dir)) };
  }),
  'backup.recover': proc(z.object({ id }), (s, i) => {
    const failure = s.lastFailure;
    if (!failure) throw new AppError('backup.nothing_to_recover', 'No damaged workspace to recover');
    const { movedTo } = recoverDamaged(s, failure.path, i.id, s.now());
    return { movedTo, ...info(s) };
  }),
};

/** Procedures that pick files on this PC's disk or replace the workspace: refused to LAN clients. */
export const BACKUP_LOCAL_ONLY = ['backup.saveSettings', 'backup.restore', 'backup.restoreIntoNew', 'backup.recover'] as const;
