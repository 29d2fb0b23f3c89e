import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { openSqlite } from '../db/driver';

export type CheckResult = { ok: true; detail: string } | { ok: false; problem: 'missing' | 'not_sqlite' | 'damaged'; detail: string };

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Full integrity check of a workspace file on a read-only connection (nothing is
 * written, not even a WAL checkpoint): every page, b-tree and index entry.
 */
export function checkWorkspaceFile(path: string): CheckResult {
  if (!existsSync(path) || !statSync(path).isFile()) return { ok: false, problem: 'missing', detail: `no file at ${path}` };
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (!head.equals(MAGIC)) return { ok: false, problem: 'not_sqlite', detail: 'not an SQLite database (wrong file header)' };
  let db;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check(20)') as { integrity_check: string }[];
    const messages = rows.map((r) => r.integrity_check);
    if (messages.length === 1 && messages[0] === 'ok') return { ok: true, detail: 'ok' };
    return { ok: false, problem: 'damaged', detail: messages.join('; ') };
  } catch (e) {
    return { ok: false, problem: 'damaged', detail: (e as Error).message };
  } finally {
    db?.close();
  }
}
