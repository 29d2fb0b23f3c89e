import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Session } from '../core/workspace/session';
import { AppError } from '../core/errors';
import { backupNowSync, listBackups } from '../core/backup/manager';
import { checkWorkspaceFile } from '../core/backup/check';
import { countsOfFile, replaceDamaged, restoreFromFile, restoreToNewFile } from '../core/backup/restore';
import { backupsDirFor, workspaceName, listBackupsIn } from '../core/backup/manifest';
import { enableAutoBackups } from '../core/backup/scheduler';

// CLI commands of the backup capability: backup, backups, restore, check.

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function existing(db: string): string {
  const path = resolve(db);
  if (!existsSync(path)) throw new AppError('workspace.not_found', `no workspace at ${path}`);
  return path;
}

/** The backup's copy checks the data, so the open skips its own check. */
function openQuick(db: string): Session {
  const s = new Session({ skipIntegrityCheck: true });
  s.open(existing(db));
  return s;
}

export function backupCommand(db: string, to: string | undefined, json: boolean): number {
  const s = openQuick(db);
  try {
    const b = backupNowSync(s, 'manual', to ? resolve(to) : undefined);
    console.log(json ? JSON.stringify({ path: b.path, id: b.id, createdAt: b.createdAt, size: b.size, counts: b.counts }) : b.path);
    return 0;
  } finally {
    s.close();
  }
}

export function backupsCommand(db: string, json: boolean): number {
  const s = openQuick(db);
  try {
    const list = listBackups(s);
    if (json) console.log(JSON.stringify(list.map((b) => ({ id: b.id, path: b.path, createdAt: b.createdAt, reason: b.reason, size: b.size, counts: b.counts }))));
    else if (list.length === 0) console.log(`no backups in ${backupsDirFor(s.workspace.path)}`);
    else for (const b of list) console.log(`${b.createdAt}  ${b.reason.padEnd(9)}  ${mb(b.size).padStart(9)}  clients ${b.counts.clients ?? 0}  ${b.path}`);
    return 0;
  } finally {
    s.close();
  }
}

/** BACKUP is a backup file, or the id of one listed by `backups`. */
function backupFile(backup: string, dbPath: string): string {
  const asPath = resolve(backup);
  if (existsSync(asPath)) return asPath;
  const listed = listBackupsIn(backupsDirFor(dbPath), workspaceName(dbPath)).find((b) => b.id === backup);
  if (!listed) throw new AppError('backup.not_found', `no backup file or id "${backup}"`);
  return listed.path;
}

export function restoreCommand(backup: string, db: string): number {
  const dbPath = resolve(db);
  const file = backupFile(backup, dbPath);
  if (!existsSync(dbPath)) {
    restoreToNewFile(file, dbPath);
    console.log(`restored ${file} into ${dbPath}`);
    return 0;
  }
  const s = new Session();
  try {
    try {
      s.open(dbPath);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'workspace.damaged')) throw e;
      const { movedTo } = replaceDamaged(s, dbPath, file, countsOfFile(file), new Date());
      console.log(`the workspace was damaged and is kept as ${movedTo}; restored ${file} into ${dbPath}`);
      return 0;
    }
    const r = restoreFromFile(s, file);
    console.log(`restored ${file} into ${dbPath}; the previous state is backup ${r.undoId}`);
    return 0;
  } finally {
    s.close();
  }
}

export function checkCommand(db: string): number {
  const path = resolve(db);
  const r = checkWorkspaceFile(path);
  if (r.ok) {
    console.log(`ok: ${path} passed the integrity check`);
    return 0;
  }
  const first = r.detail.split('; ')[0]!.replace(/\s+/g, ' ');
  const more = r.detail.split('; ').length - 1;
  const what = r.problem === 'missing' ? 'not found' : r.problem === 'not_sqlite' ? 'is not a workspace' : 'is damaged';
  console.error(`error: ${path} ${what}: ${first}${more > 0 ? ` (and ${more} more problems)` : ''}`);
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
  try {
    s.open(path);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'workspace.damaged')) throw e;
    console.warn(`warning: ${e.message}\nThe browser page offers the newest good backup.`);
  }
  return s;
}
