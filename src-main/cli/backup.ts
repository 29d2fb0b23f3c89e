import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Session } from '../core/workspace/session';
import { AppError } from '../core/errors';
import { checkWorkspaceFile } from '../core/backup/check';
import { countsOfFile, replaceDamaged, restoreToNewFile } from '../core/backup/restore';
import { backupsDirFor, workspaceName, listBackupsIn } from '../core/backup/manifest';
import { enableAutoBackups } from '../core/backup/scheduler';
import { openDoor, requiredDb, t, UsageError, useWorkspaceLanguage, withDoor } from './door';

// CLI commands of the backup capability. backup, backups and restore into a sound
// workspace go through the procedure table; check, and restore into a missing or
// damaged file, work on files the core cannot open (see each).

const mb = (bytes: number) => t('megabytes', { n: (bytes / 1024 / 1024).toFixed(1) });

export function backupCommand(db: string | undefined, to: string | undefined, json: boolean): Promise<number> {
  // The backup's own copy is integrity-checked, so the open skips its check.
  return withDoor(db, async ({ call }) => {
    const b = await call('backup.now', { folder: to ? resolve(to) : null });
    console.log(json ? JSON.stringify(b) : b.path);
    return 0;
  });
}

export function backupsCommand(db: string | undefined, json: boolean): Promise<number> {
  return withDoor(db, async ({ call, path }) => {
    const list = await call('backup.list', {});
    if (json) console.log(JSON.stringify(list.map((b) => ({ id: b.id, path: b.path, createdAt: b.createdAt, reason: b.reason, size: b.size, counts: b.counts }))));
    else if (list.length === 0) console.log(t('backupsNone', { dir: backupsDirFor(path) }));
    else
      for (const b of list)
        console.log(t('backupLine', { createdAt: b.createdAt, reason: b.reason.padEnd(9), size: mb(b.size).padStart(9), clients: b.counts.clients ?? 0, path: b.path }));
    return 0;
  });
}

/** BACKUP is a backup file, or the id of one listed by `backups`. */
function backupFile(backup: string, dbPath: string): string {
  const asPath = resolve(backup);
  if (existsSync(asPath)) return asPath;
  const listed = listBackupsIn(backupsDirFor(dbPath), workspaceName(dbPath)).find((b) => b.id === backup);
  if (!listed) throw new UsageError('errors.backupNotFound', { backup });
  return listed.path;
}

export async function restoreCommand(backup: string | undefined, db: string | undefined): Promise<number> {
  if (!backup) throw new UsageError('errors.restoreNeedsBackup');
  const dbPath = requiredDb(db);
  const file = backupFile(backup, dbPath);
  // A missing or damaged workspace cannot be opened, so no procedure can run on it:
  // the backup is unpacked into place as a file operation.
  if (!existsSync(dbPath)) {
    restoreToNewFile(file, dbPath);
    console.log(t('restoredNew', { file, db: dbPath }));
    return 0;
  }
  const s = new Session();
  try {
    try {
      s.open(dbPath);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'workspace.damaged')) throw e;
      const { movedTo } = await replaceDamaged(s, dbPath, file, countsOfFile(file), new Date());
      console.log(t('restoredDamaged', { movedTo, file, db: dbPath }));
      return 0;
    }
    const door = openDoor(dbPath, { session: s });
    const r = await door.call('backup.restoreFile', { path: file });
    console.log(t('restored', { file, db: dbPath, undoId: r.undoId }));
    return 0;
  } finally {
    s.close();
  }
}

/** Not a procedure: it checks a file that may be damaged, without opening it as a workspace. */
export function checkCommand(db: string | undefined): number {
  const path = requiredDb(db);
  const r = checkWorkspaceFile(path);
  if (r.ok) {
    console.log(t('checkOk', { path }));
    return 0;
  }
  const problems = r.detail.split('; ');
  const first = problems[0]!.replace(/\s+/g, ' ');
  const more = problems.length > 1 ? t('checkMore', { n: problems.length - 1 }) : '';
  console.error(`${t('errorPrefix')}: ${t('checkFailed', { path, what: t(`checkWhat.${r.problem}`), first, more })}`);
  return 1;
}

/**
 * The session `serve` runs: automatic backups on, and a damaged workspace does not
 * stop the server, so the browser can show what happened and offer the newest good
 * backup (the file itself is left untouched).
 */
export function openForServing(path: string): Session {
  const s = new Session();
  enableAutoBackups(s);
  // Damage found later by the background check is said where the server was started, too.
  s.onOpened((opened) => {
    const ws = opened.workspace;
    ws.onDamaged = ((tellSession) => (detail: string) => {
      tellSession?.(detail);
      console.warn(t('damagedFound', { path: ws.path, detail }));
    })(ws.onDamaged);
  });
  try {
    s.open(path);
    useWorkspaceLanguage(s);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'workspace.damaged')) throw e;
    console.warn(t('damagedServing', { message: (e as AppError).message }));
  }
  return s;
}
