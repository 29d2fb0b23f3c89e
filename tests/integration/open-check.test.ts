import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { makeTempDir, removeDir, catchAppError } from '../helpers/workspace';
import { Session } from '../../src-main/core/workspace/session';
import { invoke, INTERNAL_CALLER } from '../../src-main/core/procedures';
import { seedClients } from '../../src-main/core/seed/generator';
import { backupNowSync } from '../../src-main/core/backup/manager';
import { markerPath } from '../../src-main/core/db/open-state';

// The check at open: skipped in favour of a background check when the file is as a
// clean close left it, blocking when it is not (unclean shutdown, changed behind our
// back); damage found in the background stops every write and offers the backup.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
beforeAll(() => {
  dir = makeTempDir('open-check');
});
afterAll(() => removeDir(dir));

function create(name: string, clients = 2000): string {
  const path = join(dir, name);
  const s = new Session();
  s.open(path);
  seedClients(s.workspace.sqlite, { clients, seed: 7 });
  backupNowSync(s, 'manual');
  s.close();
  return path;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const write = (s: Session) => invoke(s, 'workspace.setLanguage', { language: 'en' }, INTERNAL_CALLER);

describe('open: integrity check by the state the file was left in', () => {
  it('a clean close, then reopen: no blocking check, quick_check in the background', async () => {
    const path = create('clean.kdb');
    expect(statSync(markerPath(path)).isFile()).toBe(true);
    const s = new Session();
    s.open(path);
    expect(s.workspace.opened).toMatchObject({ check: 'background', why: 'clean' });
    expect(s.workspace.integrity.state).toBe('checking');
    await s.workspace.checked;
    expect(s.workspace.integrity.state).toBe('ok');
    expect(invoke(s, 'workspace.health', {}, INTERNAL_CALLER)).toMatchObject({ opened: { check: 'background' }, integrity: { state: 'ok' } });
    write(s);
    s.close();
    // Closed cleanly again after a write: the next open is again a background one.
    const again = new Session();
    again.open(path);
    expect(again.workspace.opened.check).toBe('background');
    again.close();
  });

  it('closed before the background check opened the file: the check never touches it, nothing is left beside it', async () => {
    const path = create('closed-at-once.kdb');
    for (let round = 0; round < 5; round++) {
      const s = new Session();
      s.open(path);
      const ws = s.workspace;
      s.close();
      await ws.released();
      // A check that opened the file after the close would leave -wal/-shm behind (and on
      // Windows keep the file locked against the restore that renames over it).
      expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`)).toBe(false);
      await ws.checked;
      expect(ws.integrity.state).toBe('checking');
    }
  });

  it('a file changed behind our back is checked before the first write', () => {
    const path = create('changed.kdb');
    const other = new Database(path);
    other.prepare(`INSERT INTO meta(key, value) VALUES ('elsewhere', '1')`).run();
    other.close();
    const s = new Session();
    s.open(path);
    expect(s.workspace.opened).toMatchObject({ check: 'blocking', why: 'changed' });
    expect(s.workspace.integrity.state).toBe('ok');
    s.close();
  });

  it('after an unclean shutdown (the process holding it was killed) the check blocks the open', async () => {
    const path = create('unclean.kdb');
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/fixtures/open/holder.ts'), path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((ok, fail) => {
      child.stdout!.on('data', (d) => String(d).includes('ready') && ok());
      child.on('exit', (code) => fail(new Error(`holder exited with ${code}`)));
    });
    const exited = new Promise((ok) => child.on('close', ok));
    child.kill('SIGKILL');
    await exited;
    const s = new Session();
    s.open(path);
    expect(s.workspace.opened).toMatchObject({ check: 'blocking', why: 'unclean' });
    expect(s.getMeta('holder')).not.toBeNull(); // its committed write survived
    s.close();
  });

  it('damage found by the background check: writes refused, the user is offered the newest good backup, the file is not written to', async () => {
    const path = create('rot.kdb', 5000);
    // Bit rot: a leaf page of the clients table overwritten, the file's size and time kept,
    // so the identity still matches the clean close.
    const db = new Database(path, { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const { pageno } = db.prepare(`SELECT pageno FROM dbstat WHERE name = 'clients' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 5`).get() as { pageno: number };
    db.close();
    const before = statSync(path);
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(pageSize - 200, 0xee), 0, pageSize - 200, (pageno - 1) * pageSize + 100);
    closeSync(fd);
    utimesSync(path, before.atimeMs / 1000, before.mtimeMs / 1000);
    const damagedHash = sha(path);

    const s = new Session();
    s.open(path);
    expect(s.workspace.opened.check).toBe('background');
    await s.workspace.checked;
    expect(s.workspace.integrity.state).toBe('damaged');
    expect(catchAppError(() => write(s)).code).toBe('workspace.damaged');
    // Even a write that bypasses the procedure table is refused by the connection.
    expect(() => s.setMeta('x', '1')).toThrow(/readonly|query_only|attempt to write/i);
    expect(() => backupNowSync(s, 'manual')).toThrow(/damaged/);
    const recovery = invoke(s, 'backup.recovery', {}, INTERNAL_CALLER) as { path: string; backups: { id: string }[] };
    expect(recovery.path).toBe(path);
    expect(recovery.backups.length).toBe(1);
    s.close();
    expect(sha(path)).toBe(damagedHash);
  });

  it('recovering a workspace found damaged while open puts the good backup in its place', async () => {
    const path = create('rot2.kdb', 3000);
    const db = new Database(path, { readonly: true });
    const { pageno } = db.prepare(`SELECT pageno FROM dbstat WHERE name = 'clients' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 3`).get() as { pageno: number };
    db.close();
    const before = statSync(path);
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(3000, 0xee), 0, 3000, (pageno - 1) * 4096 + 500);
    closeSync(fd);
    utimesSync(path, before.atimeMs / 1000, before.mtimeMs / 1000);
    const s = new Session();
    s.open(path);
    await s.workspace.checked;
    const recovery = invoke(s, 'backup.recovery', {}, INTERNAL_CALLER) as { backups: { id: string }[] };
    const r = (await invoke(s, 'backup.recover', { id: recovery.backups[0]!.id }, INTERNAL_CALLER)) as { movedTo: string; stats: { clients: number } };
    expect(r.stats.clients).toBe(3000);
    expect(s.workspace.integrity.state).not.toBe('damaged');
    write(s);
    s.close();
  });
});
