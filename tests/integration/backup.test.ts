import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openTestWorkspace, catchAppError, type TestWorkspace } from '../helpers/workspace';
import { listBackups, backupNowSync, backupInBackground, backupStatus } from '../../src-main/core/backup/manager';
import { takeSafetyBackup } from '../../src-main/core/backup/safety';
import { schedulerTick, enableAutoBackups } from '../../src-main/core/backup/scheduler';
import { backupsDirFor } from '../../src-main/core/backup/manifest';
import { Session } from '../../src-main/core/workspace/session';
import Database from 'better-sqlite3';

let t: TestWorkspace;
let now: Date;
const clock = () => now;

beforeEach(() => {
  now = new Date('2026-03-01T09:00:00Z');
  t = openTestWorkspace({ clock });
});
afterEach(() => t.dispose());

const addClient = (name: string) => t.call('clients.create', { kind: 'person', name, phones: [{ raw: '+7 916 123-45-67' }] }).id;
const clientNames = () => (t.sqlite().prepare('SELECT name FROM clients ORDER BY name').all() as { name: string }[]).map((r) => r.name);

describe('backups', () => {
  it('a backup is verified, compressed when that pays, and listed with date, size and record counts', () => {
    addClient('Иванов');
    addClient('Петров');
    const b = backupNowSync(t.session, 'manual');
    expect(b.path.endsWith('.kdb.gz')).toBe(true);
    expect(b.size).toBeLessThan(b.rawSize * 0.8);
    expect(b.counts.clients).toBe(2);
    expect(b.counts.phones).toBe(2);
    const list = t.call('backup.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: b.id, reason: 'manual', createdAt: now.toISOString(), size: b.size, records: { clients: 2 }, location: 'primary' });
    // Nothing half-written is left behind.
    expect(readdirSync(backupsDirFor(t.path)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('restore round trip, and the restore itself can be undone', async () => {
    addClient('Иванов');
    const first = backupNowSync(t.session, 'manual');
    now = new Date(now.getTime() + 60_000);
    addClient('Петров');
    expect(clientNames()).toEqual(['Иванов', 'Петров']);

    const r = await t.call('backup.restore', { id: first.id });
    expect(clientNames()).toEqual(['Иванов']);
    expect(r.workspace.stats.clients).toBe(1);
    // The state before the restore was saved as a backup of its own.
    const before = listBackups(t.session).find((b) => b.id === r.undoId)!;
    expect(before.reason).toBe('restore');
    expect(before.counts.clients).toBe(2);
    // The restored workspace is a normal one: writes work, search works.
    addClient('Сидоров');
    expect((t.call('clients.list', { query: { search: 'Сидор' } }) as { rows: unknown[] }).rows).toHaveLength(1);

    now = new Date(now.getTime() + 60_000);
    await t.call('backup.restore', { id: r.undoId });
    expect(clientNames()).toEqual(['Иванов', 'Петров']);
  });

  it('a restore runs off this thread: status reports its steps with progress, the core answers meanwhile, and a write made meanwhile is kept in the "before restore" backup', async () => {
    addClient('Иванов');
    // A few megabytes, so that saving takes many progress messages over many turns of the
    // event loop: a tiny file's whole backup can arrive in one turn on a loaded machine,
    // and the poll below would never see its progress.
    t.session.setMeta('test.padding', randomBytes(3_000_000).toString('base64'));
    const first = backupNowSync(t.session, 'manual');
    now = new Date(now.getTime() + 60_000);
    addClient('Петров');

    const seen: { step: string; progress: { phase: string; done: number; total: number } | null }[] = [];
    let settled = false;
    let wrote = false;
    const restore = t.call('backup.restore', { id: first.id }).finally(() => (settled = true));
    while (!settled) {
      const r = backupStatus(t.session).restoring;
      if (r) {
        seen.push({ step: r.step, progress: r.progress && { ...r.progress } });
        // Another user keeps working while the current state is being saved.
        if (r.step === 'save' && !wrote) {
          addClient('Сохранён во время восстановления');
          wrote = true;
        }
      }
      await new Promise((ok) => setImmediate(ok));
    }
    const r = await restore;
    const steps = [...new Set(seen.map((x) => x.step))];
    expect(steps).toEqual(['check', 'save']);
    const checked = seen.filter((x) => x.step === 'check' && x.progress);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.every((x) => x.progress!.done <= x.progress!.total && x.progress!.total > 0)).toBe(true);
    expect(seen.some((x) => x.step === 'save' && x.progress && x.progress.total > 0)).toBe(true);
    expect(wrote).toBe(true);

    expect(clientNames()).toEqual(['Иванов']);
    expect(backupStatus(t.session).restoring).toBeNull();
    // Nothing written before the file was replaced is lost: it is in the backup that undoes the restore.
    const before = listBackups(t.session).find((b) => b.id === r.undoId)!;
    expect(before.counts.clients).toBe(3);
    await t.call('backup.restore', { id: r.undoId });
    expect(clientNames()).toEqual(['Иванов', 'Петров', 'Сохранён во время восстановления']);
  });

  it('while a restore runs, another restore or a backup is refused', async () => {
    addClient('Иванов');
    const first = backupNowSync(t.session, 'manual');
    const restore = t.call('backup.restore', { id: first.id });
    await expect(t.call('backup.restore', { id: first.id })).rejects.toMatchObject({ code: 'backup.busy' });
    await expect(backupInBackground(t.session, 'manual')).rejects.toMatchObject({ code: 'backup.busy' });
    expect(schedulerTick(t.session)).toBeNull();
    await restore;
    expect(backupStatus(t.session).restoring).toBeNull();
  });

  it('restore into a new workspace leaves the current file as it was', () => {
    addClient('Иванов');
    const b = backupNowSync(t.session, 'manual');
    addClient('Петров');
    const target = join(t.dir, 'restored.kdb');
    const info = t.call('backup.restoreIntoNew', { id: b.id, path: target });
    expect(info.path).toBe(target);
    expect(clientNames()).toEqual(['Иванов']);
    const e = catchAppError(() => t.call('backup.restoreIntoNew', { id: b.id, path: target }));
    expect(e.code).toBe('workspace.exists');
    t.session.open(t.path);
    expect(clientNames()).toEqual(['Иванов', 'Петров']);
  });

  it('an unknown backup id is refused and nothing changes', async () => {
    addClient('Иванов');
    await expect(t.call('backup.restore', { id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    expect(clientNames()).toEqual(['Иванов']);
  });

  it('a damaged backup is refused before anything is touched', async () => {
    addClient('Иванов');
    const b = backupNowSync(t.session, 'manual');
    addClient('Петров');
    truncateSync(b.path, Math.floor(b.size / 2));
    await expect(t.call('backup.restore', { id: b.id })).rejects.toMatchObject({ code: expect.stringMatching(/^backup\./) });
    expect(clientNames()).toEqual(['Иванов', 'Петров']);
    expect(listBackups(t.session).map((x) => x.reason)).toEqual(['manual']);
    expect(readdirSync(t.dir).filter((f) => f.includes('.incoming'))).toEqual([]);
  });

  it('merge and bulk changes take a safety backup first', () => {
    const a = addClient('Иванов');
    const b = addClient('Иванов И.');
    t.call('clients.merge', { keepId: a, mergeId: b });
    t.call('clients.bulk', { target: { ids: [a, b] }, op: { action: 'archive' } });
    const reasons = listBackups(t.session).map((x) => x.reason);
    expect(reasons.sort()).toEqual(['bulk', 'merge']);
    const beforeMerge = listBackups(t.session).find((x) => x.reason === 'merge')!;
    expect(beforeMerge.counts.clients).toBe(2);
  });

  it('a safety backup that cannot be written stops the operation', () => {
    const a = addClient('Иванов');
    const b = addClient('Петров');
    // A file where the backups folder should be: nothing can be written there.
    writeFileSync(backupsDirFor(t.path), 'not a folder');
    const e = catchAppError(() => t.call('clients.merge', { keepId: a, mergeId: b }));
    expect(e.code).toBe('backup.failed');
    expect(t.count('clients', 'merged_into_id IS NOT NULL')).toBe(0);
    expect(backupStatus(t.session).lastError?.error.code).toBe('backup.failed');
  });

  it('takeSafetyBackup returns the verified backup with its reason, and copies nothing twice', () => {
    addClient('Иванов');
    const b = takeSafetyBackup(t.session, 'import');
    expect(b.reason).toBe('import');
    expect(existsSync(b.path)).toBe(true);
    // Nothing written since: the same backup serves.
    expect(takeSafetyBackup(t.session, 'bulk').id).toBe(b.id);
    addClient('Петров');
    const c = takeSafetyBackup(t.session, 'bulk');
    expect(c.id).not.toBe(b.id);
    expect(c.counts.clients).toBe(2);
    expect(listBackups(t.session)).toHaveLength(2);
    // A write by another connection (another process) counts as a change too.
    const other = new Database(t.path);
    other.prepare("INSERT INTO meta (key, value) VALUES ('other', 'x')").run();
    other.close();
    expect(takeSafetyBackup(t.session, 'bulk').id).not.toBe(c.id);
    // Same clock reading, same reason: a distinct backup all the same.
    expect(listBackups(t.session)).toHaveLength(3);
  });

  it('a background backup reports progress and the UI can keep reading meanwhile', async () => {
    for (let i = 0; i < 50; i++) addClient(`Клиент ${i}`);
    const started = t.call('backup.run', {});
    expect(started.running?.reason).toBe('manual');
    // The serving thread is free: a search answers while the worker copies.
    expect((t.call('clients.list', { query: { search: 'Клиент' } }) as { rows: unknown[] }).rows.length).toBe(50);
    const entry = await backupInBackground(t.session, 'manual'); // joins the running one
    expect(entry.counts.clients).toBe(50);
    const status = t.call('backup.status', {});
    expect(status.running).toBeNull();
    expect(status.last?.id).toBe(entry.id);
    expect(status.tooOld).toBe(false);
  });

  it('a running backup can be cancelled; nothing of it is left and no failure is reported', async () => {
    for (let i = 0; i < 20; i++) addClient(`Клиент ${i}`);
    const p = backupInBackground(t.session, 'manual');
    t.call('backup.cancel', {});
    const e = await p.then(
      () => null,
      (err: unknown) => err as { code?: string },
    );
    expect(e?.code).toBe('backup.cancelled');
    const status = t.call('backup.status', {});
    expect(status.running).toBeNull();
    expect(status.lastError).toBeNull();
    expect(listBackups(t.session)).toEqual([]);
    const dir = backupsDirFor(t.path);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    // The next backup works as usual.
    expect((await backupInBackground(t.session, 'manual')).counts.clients).toBe(20);
  });

  it('the second folder receives a copy; an unavailable one is reported, the backup still succeeds', () => {
    addClient('Иванов');
    const second = join(t.dir, 'usb');
    t.call('backup.saveSettings', { ...t.call('backup.status', {}).settings, secondDir: second });
    const b = backupNowSync(t.session, 'manual');
    expect(existsSync(join(second, `${b.id}.json`))).toBe(true);
    expect(t.call('backup.status', {}).second).toMatchObject({ dir: second, ok: true });

    // The stick is pulled out: its path is now a file.
    const gone = join(t.dir, 'gone');
    writeFileSync(gone, '');
    t.call('backup.saveSettings', { ...t.call('backup.status', {}).settings, secondDir: join(gone, 'sub') });
    now = new Date(now.getTime() + 60_000);
    const b2 = backupNowSync(t.session, 'manual');
    expect(existsSync(b2.path)).toBe(true);
    const st = t.call('backup.status', {});
    expect(st.second?.ok).toBe(false);
    expect(st.second?.error).toBeTruthy();
    expect(st.last?.id).toBe(b2.id);
  });

  it('settings are validated: the second folder must be a full path', () => {
    const settings = t.call('backup.status', {}).settings;
    const e = catchAppError(() => t.call('backup.saveSettings', { ...settings, secondDir: 'relative/dir' }));
    expect(e.issues[0]).toMatchObject({ field: 'secondDir', code: 'backup.dir_absolute' });
  });

  it('the scheduler backs up hourly only when the workspace changed, and once on close', async () => {
    const session = new Session({ clock });
    enableAutoBackups(session, { setInterval: () => 0, clearInterval: () => {} });
    session.open(t.path);
    const s2 = session;
    expect(schedulerTick(s2)).toBeNull(); // not an hour yet
    now = new Date(now.getTime() + 61 * 60_000);
    const p = schedulerTick(s2);
    expect(p).not.toBeNull(); // never backed up: the first one is due
    await p;
    expect(listBackups(s2)).toHaveLength(1);
    now = new Date(now.getTime() + 61 * 60_000);
    expect(schedulerTick(s2)).toBeNull(); // nothing changed since
    touch(s2);
    now = new Date(now.getTime() + 61 * 60_000);
    await schedulerTick(s2);
    expect(listBackups(s2)).toHaveLength(2);
    touch(s2);
    s2.close();
    expect(listBackups(t.session).map((b) => b.reason)).toContain('close');
  });

  it('pruning over simulated months keeps the files the policy names, on disk and in the second folder', () => {
    const second = join(t.dir, 'second');
    t.call('backup.saveSettings', { ...t.call('backup.status', {}).settings, secondDir: second });
    const start = now.getTime();
    // A backup every 5 days for 4 months, then 3 hourly ones.
    for (let d = 0; d < 120; d += 5) {
      now = new Date(start + d * 24 * 3600_000);
      touch(t.session);
      backupNowSync(t.session, 'scheduled');
    }
    for (let h = 1; h <= 3; h++) {
      now = new Date(start + 119 * 24 * 3600_000 + h * 3600_000);
      backupNowSync(t.session, 'scheduled');
    }
    const kept = listBackups(t.session).filter((b) => b.dir === backupsDirFor(t.path));
    const ages = kept.map((b) => (now.getTime() - Date.parse(b.createdAt)) / 3600_000);
    expect(ages.filter((a) => a < 24)).toHaveLength(3);
    const monthly = kept.filter((b) => now.getTime() - Date.parse(b.createdAt) >= 30 * 24 * 3600_000);
    expect(new Set(monthly.map((b) => b.createdAt.slice(0, 7))).size).toBe(monthly.length);
    // 3 of the last day + 6 dailies (days 90–115) + the newest of March and of April (May's and June's are dailies).
    expect(kept).toHaveLength(11);
    // Files of pruned backups are gone from both folders; each kept one has its data file.
    const files = readdirSync(backupsDirFor(t.path));
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(kept.length);
    expect(readdirSync(second).filter((f) => f.endsWith('.json'))).toHaveLength(kept.length);
  });

  it('warns when the newest backup is older than the configured limit', () => {
    addClient('Иванов');
    backupNowSync(t.session, 'manual');
    now = new Date(now.getTime() + 49 * 3600_000);
    expect(t.call('backup.status', {}).tooOld).toBe(true);
  });
});

function touch(s: Session) {
  s.workspace.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('touch', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(Math.random()));
}
