import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeTempDir, removeDir } from '../helpers/workspace';
import { startWriter } from '../helpers/backup';
import { Session } from '../../src-main/core/workspace/session';
import { backupNowSync } from '../../src-main/core/backup/manager';
import { restoreToNewFile } from '../../src-main/core/backup/restore';
import { checkWorkspaceFile } from '../../src-main/core/backup/check';

// Other processes writing to the workspace: a backup taken meanwhile, and a writer
// killed with SIGKILL in the middle of its transactions, again and again.

let dir: string;
beforeAll(() => {
  dir = makeTempDir('backup-crash');
});
afterAll(() => removeDir(dir));

function create(path: string): void {
  const s = new Session();
  s.open(path);
  s.close();
}

describe('backups and crashes with another process writing', () => {
  it('a backup taken while another process keeps writing completes and verifies', async () => {
    const path = join(dir, 'busy.kdb');
    create(path);
    const writer = startWriter(path);
    try {
      await writer.waitFor(200);
      const s = new Session({ skipIntegrityCheck: true });
      s.open(path);
      try {
        const b = backupNowSync(s, 'manual');
        const during = writer.committed.length;
        await writer.waitFor(during + 50); // the writer was never stopped by the backup
        expect(b.counts.clients).toBeGreaterThanOrEqual(200);
        // The copy is one consistent moment: every client has all its phones and e-mails.
        const copy = join(dir, 'busy-copy.kdb');
        restoreToNewFile(b.path, copy);
        const db = new Database(copy, { readonly: true });
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
          const clients = n('SELECT count(*) AS n FROM clients');
          expect(clients).toBe(b.counts.clients);
          expect(n('SELECT count(*) AS n FROM phones')).toBe(clients * 3);
          expect(n('SELECT count(*) AS n FROM emails')).toBe(clients * 2);
        } finally {
          db.close();
        }
      } finally {
        s.close();
      }
    } finally {
      writer.child.kill('SIGKILL');
      await writer.exited;
    }
  });

  it('SIGKILL in the middle of heavy writes, five times: the file opens, is sound, and holds every committed row and no half-written one', async () => {
    const path = join(dir, 'crash.kdb');
    create(path);
    const committed: string[] = [];
    for (let round = 0; round < 5; round++) {
      const writer = startWriter(path);
      await writer.waitFor(30 + round * 7);
      writer.child.kill('SIGKILL');
      await writer.exited;
      committed.push(...writer.committed);

      // Opens through the app's own path (quick_check at open), then the full check.
      const s = new Session();
      s.open(path);
      try {
        const db = s.workspace.sqlite;
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const present = new Set((db.prepare('SELECT id FROM clients').all() as { id: string }[]).map((r) => r.id));
        for (const id of committed) expect(present.has(id), `committed client ${id} is missing after round ${round}`).toBe(true);
        // A client is there with all its rows or not at all (the kill may land after a
        // commit but before its "committed" line, so present may exceed committed).
        const partial = db
          .prepare(
            `SELECT c.id FROM clients c
              WHERE (SELECT count(*) FROM phones p WHERE p.client_id = c.id) <> 3
                 OR (SELECT count(*) FROM emails e WHERE e.client_id = c.id) <> 2`,
          )
          .all();
        expect(partial).toEqual([]);
        expect(present.size - committed.length).toBeLessThanOrEqual(round + 1);
      } finally {
        s.close();
      }
      expect(checkWorkspaceFile(path)).toEqual({ ok: true, detail: 'ok' });
    }
  }, 120_000);
});
