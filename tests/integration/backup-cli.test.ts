import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, openSync, writeSync, closeSync, statSync, readFileSync, readdirSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, removeDir, catchAppError } from '../helpers/workspace';
import { Session } from '../../src-main/core/workspace/session';
import { seedClients } from '../../src-main/core/seed/generator';
import { workspaceStats } from '../../src-main/core/workspace/stats';
import { cli, expectOneLineError } from '../helpers/cli';

// The CLI commands of the backup capability, run as `npm run cli` runs them, and a
// corrupted workspace seen by `check` and by the open of the app.


const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** Overwrites 64 KB in the middle of the file with deterministic junk, as a failing disk would. */
function corrupt(path: string): void {
  const size = statSync(path).size;
  const junk = Buffer.alloc(64 * 1024);
  let x = 12345;
  for (let i = 0; i < junk.length; i++) junk[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  const fd = openSync(path, 'r+');
  writeSync(fd, junk, 0, junk.length, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
}

let dir: string;
let db: string;
beforeAll(() => {
  dir = makeTempDir('backup-cli');
  db = join(dir, 'office.kdb');
  const s = new Session();
  s.open(db);
  seedClients(s.workspace.sqlite, { clients: 400, seed: 7 });
  s.close();
});
afterAll(() => removeDir(dir));

describe('cli: backup, backups, restore, check', () => {
  it('backup prints the verified backup path; --json gives details; --to writes elsewhere', async () => {
    const r = await cli('backup', '--db', db);
    expect(r.code, r.stderr).toBe(0);
    const path = r.stdout.trim();
    expect(path).toMatch(/backups[\\/]office-\d{8}T\d{6}-\d{3}-manual\.kdb(\.gz)?$/);
    expect(existsSync(path)).toBe(true);

    const to = join(dir, 'usb');
    const j = await cli('backup', '--db', db, '--to', to, '--json');
    expect(j.code, j.stderr).toBe(0);
    const info = JSON.parse(j.stdout) as { path: string; counts: Record<string, number> };
    expect(info.path.startsWith(to)).toBe(true);
    expect(info.counts.clients).toBe(400);
  });

  it('backups lists them, newest first', async () => {
    const r = await cli('backups', '--db', db, '--json');
    expect(r.code, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; reason: string; counts: Record<string, number> }[];
    expect(list.length).toBeGreaterThanOrEqual(1);
    expect(list[0]!.reason).toBe('manual');
    expect(list[0]!.counts.clients).toBe(400);
    const text = await cli('backups', '--db', db);
    expect(text.stdout).toMatch(/manual .* clients 400 /);
  });

  it('check passes a sound workspace', async () => {
    const r = await cli('check', '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ok: /);
  });

  it('a corrupted file is reported by check in one line, and refused at open without being written to', async () => {
    const broken = join(dir, 'broken.kdb');
    copyFileSync(db, broken);
    corrupt(broken);
    const before = sha(broken);
    expectOneLineError(await cli('check', '--db', broken), /broken\.kdb is damaged: /);

    const s = new Session();
    const e = catchAppError(() => s.open(broken));
    expect(e.code).toBe('workspace.damaged');
    expect(e.message).toMatch(/damaged/);
    expect(s.lastFailure?.path).toBe(broken);
    expect(sha(broken)).toBe(before);
    // The read-only check may leave an empty WAL beside it; never a frame written.
    expect(existsSync(`${broken}-wal`) ? statSync(`${broken}-wal`).size : 0).toBe(0);

    expectOneLineError(await cli('check', '--db', join(dir, 'nothing.kdb')), /not found/);
    const text = join(dir, 'notes.kdb');
    copyFileSync(fileURLToPath(import.meta.url), text);
    expectOneLineError(await cli('check', '--db', text), /is not a workspace/);
  });

  it('restore into the workspace keeps a before-restore backup; over a damaged one it keeps the damaged file aside', async () => {
    const list = JSON.parse((await cli('backups', '--db', db, '--json')).stdout) as { id: string; path: string }[];
    const backup = list[list.length - 1]!;
    // Change the workspace, then restore the backup by id.
    const s = new Session();
    s.open(db);
    seedClients(s.workspace.sqlite, { clients: 10, seed: 8 });
    s.close();
    const r = await cli('restore', backup.id, '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/previous state is backup office-.*-restore/);
    const after = new Session();
    after.open(db);
    expect(workspaceStats(after.workspace.sqlite).clients).toBe(400);
    after.close();

    corrupt(db);
    const damaged = await cli('check', '--db', db);
    expect(damaged.code).not.toBe(0);
    const fix = await cli('restore', backup.path, '--db', db);
    expect(fix.code, fix.stderr).toBe(0);
    expect(fix.stdout).toMatch(/damaged and is kept as .*office\.damaged-.*\.kdb/);
    expect((await cli('check', '--db', db)).code).toBe(0);
    expect(readdirSync(dir).some((f) => /^office\.damaged-.*\.kdb$/.test(f))).toBe(true);

    // Into a path with no workspace yet.
    const fresh = join(dir, 'fresh.kdb');
    expect((await cli('restore', backup.path, '--db', fresh)).code).toBe(0);
    expect((await cli('check', '--db', fresh)).code).toBe(0);
    expectOneLineError(await cli('restore', 'no-such-backup', '--db', fresh), /no backup file or id/);
  });
});
