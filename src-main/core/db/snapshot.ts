import type Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { openSqlite } from './driver';
import { AppError } from '../errors';

/**
 * Writes a consistent copy of a live workspace with VACUUM INTO (one read snapshot,
 * never restarted by concurrent writers, unlike copying the file, which SQLite warns
 * can corrupt). The copy is written under a temporary name, fsynced, checked, and
 * only then renamed into place.
 */
export function snapshotTo(sqlite: Database.Database, dest: string): string {
  mkdirSync(dirname(dest), { recursive: true });
  const tmp = dest + '.partial';
  rmSync(tmp, { force: true });
  sqlite.prepare('VACUUM INTO ?').run(tmp);
  const fd = openSync(tmp, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  const copy = openSqlite(tmp, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new AppError('backup.verify_failed', `Backup copy failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  renameSync(tmp, dest);
  return dest;
}
