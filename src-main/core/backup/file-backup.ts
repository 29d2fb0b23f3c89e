import { existsSync } from 'node:fs';
import { backupId, backupPaths, backupsDirFor, workspaceName, type BackupEntry, type BackupManifest, type BackupReason } from './manifest';
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
  return {
    kind: 'snapshot',
    source: workspacePath,
    ...backupPaths(dir, id),
    compress: options.compress ?? true,
    gzipLevel: GZIP_LEVEL,
    manifest: { id, workspace: workspaceName(workspacePath), reason, createdAt: iso, verifiedAt: iso },
  };
}

const entry = (job: SnapshotJob, m: BackupManifest): BackupEntry => {
  const dir = job.manifestPath.slice(0, -(`${m.id}.json`.length + 1));
  return { ...m, dir, path: m.file.endsWith('.gz') ? job.gzPath : job.rawPath };
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
