import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../src-main/core/db/open';
import { Session } from '../../src-main/core/workspace/session';
import { defaultMigrationsDir } from '../../src-main/core/db/paths';
import { makeTempDir, removeDir } from '../helpers/workspace';

// A workspace of the release before sign-in (migration 0013) opened by today's code:
// its first user becomes the owner with the login admin, the others managers without
// logins, and nobody has a password (so nothing asks for one).

let dir: string;
beforeEach(() => (dir = makeTempDir('users-migration')));
afterEach(() => removeDir(dir));

function migrationsBefore(tag: string): string {
  const out = join(dir, 'migrations-before');
  cpSync(defaultMigrationsDir(), out, { recursive: true });
  const journalPath = join(out, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.includes(tag));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  return out;
}

describe('migration 0013 (users sign in)', () => {
  it('makes the first user the owner «admin», keeps the others as managers, and asks nobody for a password', () => {
    const path = join(dir, 'old.kdb');
    const old = openWorkspace(path, { migrationsDir: migrationsBefore('users_sign_in'), skipIntegrityCheck: true });
    const insert = old.sqlite.prepare('INSERT INTO users (id, name, color, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)');
    insert.run('u-2', 'Мария', '#111111', '2025-02-01T00:00:00Z', '2025-02-01T00:00:00Z');
    insert.run('u-1', 'Владелец', '#222222', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
    insert.run('u-3', 'Пётр', '#333333', '2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z');
    old.close();

    const s = new Session({ skipIntegrityCheck: true });
    s.open(path);
    try {
      expect(s.owner).toBe('u-1');
      expect(s.workspace.sqlite.prepare('SELECT id, role, login, login_key AS loginKey, password_hash AS hash FROM users ORDER BY id').all()).toEqual([
        { id: 'u-1', role: 'owner', login: 'admin', loginKey: 'admin', hash: null },
        { id: 'u-2', role: 'manager', login: null, loginKey: null, hash: null },
        { id: 'u-3', role: 'manager', login: null, loginKey: null, hash: null },
      ]);
      expect(s.workspace.sqlite.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    } finally {
      s.close();
    }
  });
});
