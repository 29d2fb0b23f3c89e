import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const BACKUP_REASONS = ['scheduled', 'close', 'manual', 'migration', 'import', 'merge', 'bulk', 'restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Written next to each backup (`<id>.json`) once the copy is verified; the list reads only these. */
export interface BackupManifest {
  id: string;
  workspace: string;
  reason: BackupReason;
  createdAt: string;
  verifiedAt: string;
  file: string;
  size: number;
  rawSize: number;
  counts: Record<string, number>;
  /** Missing in backups made before incremental ones existed: those are full. */
  kind?: 'full' | 'incremental';
  /** An incremental backup's predecessor (full or incremental), in the same folder. */
  parent?: string;
  /** Links from the chain's full backup: 0 for a full one. */
  chainLength?: number;
  /** SHA-256 of an incremental backup's file, taken when it was verified. */
  sha256?: string;
  pageSize?: number;
  pageCount?: number;
  changedPages?: number;
}

export interface BackupEntry extends BackupManifest {
  dir: string;
  path: string;
}

export function backupsDirFor(workspacePath: string): string {
  return join(dirname(workspacePath), 'backups');
}

export function workspaceName(workspacePath: string): string {
  return basename(workspacePath).replace(/\.[^.]+$/, '');
}

/** `<workspace>-20261123T184429-123-<reason>`: sorts by time and says why it exists. */
export function backupId(workspacePath: string, at: Date, reason: BackupReason): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '-').replace('Z', '');
  return `${workspaceName(workspacePath)}-${stamp}-${reason}`;
}

export function backupPaths(dir: string, id: string) {
  return {
    rawPath: join(dir, `${id}.kdb`),
    gzPath: join(dir, `${id}.kdb.gz`),
    deltaPath: join(dir, `${id}.kdelta`),
    pagesPath: join(dir, `${id}.pages`),
    manifestPath: join(dir, `${id}.json`),
  };
}

/** Verified backups of one workspace in a folder, newest first. A folder that is missing lists nothing. */
export function listBackupsIn(dir: string, workspace: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupEntry[] = [];
  for (const name of names) {
    if (!name.endsWith('.json') || !name.startsWith(`${workspace}-`)) continue;
    try {
      const m = JSON.parse(readFileSync(join(dir, name), 'utf8')) as BackupManifest;
      if (m.workspace !== workspace || typeof m.file !== 'string' || basename(m.file) !== m.file) continue;
      const path = join(dir, m.file);
      // A manifest whose data file never got renamed into place is an interrupted backup.
      if (!existsSync(path)) continue;
      out.push({ ...m, dir, path });
    } catch {
      // A half-written or foreign .json is not a backup of ours.
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

export function findBackup(dir: string, workspace: string, id: string): BackupEntry | undefined {
  return listBackupsIn(dir, workspace).find((b) => b.id === id);
}

export function deleteBackup(entry: BackupEntry): void {
  // Data first: a manifest without data is ignored by the list, the reverse is not.
  rmSync(entry.path, { force: true });
  rmSync(join(entry.dir, `${entry.id}.pages`), { force: true });
  rmSync(join(entry.dir, `${entry.id}.json`), { force: true });
}

/** Leftovers of interrupted backups (`*.partial`) older than an hour. */
export function removeStalePartials(dir: string, now: Date): void {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith('.partial')) continue;
    const file = join(dir, name);
    try {
      if (now.getTime() - statSync(file).mtimeMs > 3600_000) rmSync(file, { force: true });
    } catch {
      // Gone already.
    }
  }
}

export const isIncremental = (b: BackupManifest) => b.kind === 'incremental';

/**
 * The incremental links from the chain's full backup to `entry` (oldest first) and the
 * full backup itself, or a clear error naming the first missing link: a chain with a
 * gap is refused whole, never half restored.
 */
export function chainOf(entry: BackupEntry, all: BackupEntry[]): { base: BackupEntry; links: BackupEntry[] } {
  const byId = new Map(all.filter((b) => b.dir === entry.dir).map((b) => [b.id, b]));
  const links: BackupEntry[] = [];
  let at: BackupEntry = entry;
  while (isIncremental(at)) {
    links.unshift(at);
    const parent = at.parent ? byId.get(at.parent) : undefined;
    if (!parent || links.length > 10_000) throw new ChainError(entry.id, at.parent ?? '?');
    at = parent;
  }
  return { base: at, links };
}

export class ChainError extends Error {
  constructor(
    readonly id: string,
    readonly missing: string,
  ) {
    super(`The backup ${id} is incremental and needs ${missing}, which is missing`);
  }
}
