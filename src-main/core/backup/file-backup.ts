import { existsSync } from 'node:fs';
import { backupId, backupPaths, backupsDirFor, chainOf, listBackupsIn, workspaceName, type BackupEntry, type BackupManifest, type BackupReason } from './manifest';
import { runSnapshot, runSnapshotSync, type SnapshotJob, type SnapshotProgress } from './run-snapshot';

// gzip level 3: on SQLite pages of a CRM (text, phone digits, UUIDs) it saves ~2/3 of
// the size at a fraction of level 6's time (see README: Backups, and the benchmark).
const GZIP_LEVEL = 3;

export interface FileBackupOptions {
  /** Folder to write into; the workspace's own backups/ folder by default. */
  dir?: string;
  compress?: boolean;
}

function jobFor(workspacePath: string, reason: BackupReason, at: Date, options: FileBackupOptions): SnapshotJob {
  const dir = options.dir ?? backupsDirFor(workspacePath);
  // Two backups in the same millisecond (a test clock, a second folder shared by two
  // PCs) must not overwrite each other.
  const base = backupId(workspacePath, at, reason);
  let id = base;
  for (let n = 2; Object.values(backupPaths(dir, id)).some((p) => existsSync(p)); n++) id = `${base}-${n}`;
  const iso = at.toISOString();
  // One-off copies (`backup --to DIR`) stand alone: full, and no page hashes kept.
  const inRotation = options.dir === undefined;
  const paths = backupPaths(dir, id);
  return {
    kind: 'snapshot',
    source: workspacePath,
    ...paths,
    pagesPath: inRotation ? paths.pagesPath : undefined,
    parent: inRotation ? incrementalParent(dir, workspaceName(workspacePath), at) : undefined,
    compress: options.compress ?? true,
    gzipLevel: GZIP_LEVEL,
    manifest: { id, workspace: workspaceName(workspacePath), reason, createdAt: iso, verifiedAt: iso },
  };
}

/**
 * The backup the next one may be an increment of: the newest in the folder, if it kept
 * its page hashes, its chain is shorter than a day of hourly backups and its full
 * backup is less than a day old. So a full backup is taken at least daily, and
 * restoring any backup applies at most 24 increments.
 */
function incrementalParent(dir: string, workspace: string, at: Date): SnapshotJob['parent'] {
  const all = listBackupsIn(dir, workspace);
  const newest = all[0];
  if (!newest?.pageSize || (newest.chainLength ?? 0) >= MAX_CHAIN) return undefined;
  const pagesPath = backupPaths(dir, newest.id).pagesPath;
  if (!existsSync(pagesPath)) return undefined;
  try {
    const { base } = chainOf(newest, all);
    if (at.getTime() - Date.parse(base.createdAt) >= DAY_MS) return undefined;
  } catch {
    return undefined;
  }
  return { id: newest.id, pagesPath, pageSize: newest.pageSize, chainLength: newest.chainLength ?? 0 };
}

const MAX_CHAIN = 24;
const DAY_MS = 24 * 3600_000;

const entry = (job: SnapshotJob, m: BackupManifest): BackupEntry => {
  const dir = job.manifestPath.slice(0, -(`${m.id}.json`.length + 1));
  return { ...m, dir, path: m.file.endsWith('.kdelta') ? job.deltaPath! : m.file.endsWith('.gz') ? job.gzPath : job.rawPath };
};

/** A verified backup of a workspace file, taken off-thread while this thread waits. */
export function takeFileBackup(workspacePath: string, reason: BackupReason, at: Date, options: FileBackupOptions = {}): BackupEntry {
  const job = jobFor(workspacePath, reason, at, options);
  return entry(job, runSnapshotSync(job));
}

/** The same, leaving this thread free to serve requests meanwhile. */
export async function takeFileBackupAsync(
  workspacePath: string,
  reason: BackupReason,
  at: Date,
  options: FileBackupOptions & { onProgress?: (p: SnapshotProgress) => void; signal?: AbortSignal } = {},
): Promise<BackupEntry> {
  const job = jobFor(workspacePath, reason, at, options);
  return entry(job, await runSnapshot(job, options.onProgress, options.signal));
}
