import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';

// What a workspace file looked like when Kartoteka last closed it cleanly, kept in a
// small file next to it (`<file>.clean`). The open reads it and removes it, so a
// process that dies with the file open leaves no marker: the next open knows the
// shutdown was unclean. When the marker is there and the file still has the same
// identity (size, modification time, header change counter, no WAL), nobody wrote
// to it since it was checked, and the blocking check at open can be skipped.

export interface FileIdentity {
  size: number;
  mtimeMs: number;
  /** Bytes 24..27 of the SQLite header: bumped by every committed change in rollback mode and by checkpoints. */
  changeCounter: number;
  /** Size of the -wal file (0 when absent): a clean close leaves none. */
  walSize: number;
}

export interface CleanClose {
  identity: FileIdentity;
  closedAt: string;
  /** When a quick_check last passed on this file (at or after open). */
  quickCheckedAt: string | null;
  /** When a full integrity_check last passed on this file. */
  fullCheckedAt: string | null;
}

export const markerPath = (path: string) => `${path}.clean`;

export function fileIdentity(path: string): FileIdentity {
  const st = statSync(path);
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 4, 24);
  } finally {
    closeSync(fd);
  }
  const wal = `${path}-wal`;
  return { size: st.size, mtimeMs: st.mtimeMs, changeCounter: head.readUInt32BE(0), walSize: existsSync(wal) ? statSync(wal).size : 0 };
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && Math.floor(a.mtimeMs) === Math.floor(b.mtimeMs) && a.changeCounter === b.changeCounter && a.walSize === b.walSize && b.walSize === 0;
}

/** The marker of the last clean close, removed as it is read (this open makes the file "in use"). */
export function takeCleanClose(path: string): CleanClose | null {
  const marker = markerPath(path);
  let parsed: CleanClose | null = null;
  try {
    parsed = JSON.parse(readFileSync(marker, 'utf8')) as CleanClose;
    if (typeof parsed?.identity?.size !== 'number') parsed = null;
  } catch {
    parsed = null;
  }
  rmSync(marker, { force: true });
  return parsed;
}

/** Written after the last connection closed and the WAL was folded in. */
export function writeCleanClose(path: string, state: Omit<CleanClose, 'identity'>): void {
  try {
    writeFileSync(markerPath(path), JSON.stringify({ ...state, identity: fileIdentity(path) }));
  } catch {
    // No marker only costs a blocking check at the next open.
  }
}
