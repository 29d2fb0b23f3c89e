import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeTempDir, removeDir, catchAppError } from '../helpers/workspace';
import { Session } from '../../src-main/core/workspace/session';
import { seedClients } from '../../src-main/core/seed/generator';
import { backupNowSync, listBackups } from '../../src-main/core/backup/manager';
import { restoreFromFile, restoreToNewFile } from '../../src-main/core/backup/restore';
import { backupsToPrune } from '../../src-main/core/backup/retention';

// Page-level incremental backups: a backup of a slightly changed workspace holds only
// the changed pages; restoring one applies its chain over the full backup, checked link
// by link first; a chain with a missing or damaged link is refused whole.

let dir: string;
beforeAll(() => {
  dir = makeTempDir('backup-incremental');
});
afterAll(() => removeDir(dir));

const names = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT id, name, updated_at FROM clients ORDER BY id').all();
  } finally {
    db.close();
  }
};

function rename(s: Session, n: number, tag: string): void {
  // n clients spread over the table: a few pages change, most do not.
  const ids = s.workspace.sqlite.prepare('SELECT id FROM clients ORDER BY id').all() as { id: string }[];
  const upd = s.workspace.sqlite.prepare('UPDATE clients SET name = ? WHERE id = ?');
  for (let i = 0; i < n; i++) upd.run(`${tag} ${i}`, ids[Math.floor((i * ids.length) / n)]!.id);
}

function setup(name: string) {
  const path = join(dir, name);
  const s = new Session({ skipIntegrityCheck: true });
  s.open(path);
  seedClients(s.workspace.sqlite, { clients: 4000, seed: 11 });
  const full = backupNowSync(s, 'manual');
  rename(s, 20, 'Первое');
  const inc1 = backupNowSync(s, 'manual');
  const afterFirst = names(path);
  rename(s, 20, 'Второе');
  const inc2 = backupNowSync(s, 'manual');
  return { path, s, full, inc1, inc2, afterFirst };
}

describe('incremental backups', () => {
  it('a backup after a small change holds only the changed pages and restores exactly, at every link', async () => {
    const { path, s, full, inc1, inc2, afterFirst } = setup('ws.kdb');
    try {
      expect(full.kind).toBe('full');
      expect(inc1).toMatchObject({ kind: 'incremental', parent: full.id, chainLength: 1 });
      expect(inc2).toMatchObject({ kind: 'incremental', parent: inc1.id, chainLength: 2 });
      expect(inc2.size).toBeLessThan(inc2.rawSize / 10);
      expect(inc2.changedPages).toBeGreaterThan(0);
      const now = names(path);
      restoreToNewFile(inc2.path, join(dir, 'r2.kdb'));
      expect(names(join(dir, 'r2.kdb'))).toEqual(now);
      restoreToNewFile(inc1.path, join(dir, 'r1.kdb'));
      expect(names(join(dir, 'r1.kdb'))).toEqual(afterFirst);
      // Into the open workspace, as the Settings screen does.
      rename(s, 5, 'Третье');
      await restoreFromFile(s, inc1.path);
      expect(names(path)).toEqual(afterFirst);
      expect(listBackups(s)[0]!.reason).toBe('restore');
    } finally {
      s.close();
    }
  });

  it('a chain with a missing link is refused with a clear message, nothing written', () => {
    const { s, inc1, inc2 } = setup('gap.kdb');
    s.close();
    rmSync(inc1.path);
    const dest = join(dir, 'gap-restored.kdb');
    const e = catchAppError(() => restoreToNewFile(inc2.path, dest));
    expect(e.code).toBe('backup.chain_broken');
    expect(e.message).toContain(inc1.id);
    expect(existsSync(dest)).toBe(false);
  });

  it('a chain with a damaged link is refused, nothing written', () => {
    const { s, inc1, inc2 } = setup('rot.kdb');
    s.close();
    const data = readFileSync(inc1.path);
    data.writeUInt8(data.readUInt8(data.length - 100) ^ 0xff, data.length - 100);
    writeFileSync(inc1.path, data);
    const dest = join(dir, 'rot-restored.kdb');
    const e = catchAppError(() => restoreToNewFile(inc2.path, dest));
    expect(e.code).toBe('backup.verify_failed');
    expect(e.message).toContain(`${inc1.id} is damaged`);
    expect(existsSync(dest)).toBe(false);
    expect(existsSync(`${dest}.restoring.partial`)).toBe(false);
  });

  it('a one-off copy to another folder is full and stands alone', () => {
    const path = join(dir, 'oneoff.kdb');
    const s = new Session({ skipIntegrityCheck: true });
    s.open(path);
    seedClients(s.workspace.sqlite, { clients: 500, seed: 3 });
    backupNowSync(s, 'manual');
    rename(s, 3, 'x');
    const b = backupNowSync(s, 'manual', join(dir, 'elsewhere'));
    expect(b.kind).toBe('full');
    expect(statSync(b.path).size).toBeGreaterThan(0);
    s.close();
  });
});

describe('retention keeps chains restorable', () => {
  it('never prunes a link a kept incremental backup needs', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 0, 10, h)).toISOString();
    // Day 10: a full at 00:00 and increments each hour; pruned 3 days later only the newest of the day is kept by policy.
    const backups = [{ id: 'f', createdAt: at(0) }, ...[1, 2, 3].map((h) => ({ id: `i${h}`, createdAt: at(h), parent: h === 1 ? 'f' : `i${h - 1}` }))];
    const pruned = backupsToPrune(backups, new Date(Date.UTC(2026, 0, 13)), { keepAllHours: 24, dailyDays: 30, monthlyMonths: 12 });
    expect(pruned).toEqual([]);
    const flat = backupsToPrune(backups.map(({ id, createdAt }) => ({ id, createdAt })), new Date(Date.UTC(2026, 0, 13)), { keepAllHours: 24, dailyDays: 30, monthlyMonths: 12 });
    expect(flat.map((b) => b.id).sort()).toEqual(['f', 'i1', 'i2']);
  });
});
