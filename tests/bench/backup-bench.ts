import { copyFileSync, openSync, fsyncSync, closeSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Session } from '../../src-main/core/workspace/session';
import { listClients } from '../../src-main/core/clients/list';
import { listQuery } from '../../src-main/core/clients/schemas';
import { backupInBackground, backupStatus } from '../../src-main/core/backup/manager';
import type { SnapshotProgress } from '../../src-main/core/backup/run-snapshot';
import { keystrokes, typedQueries } from './keystrokes';
import { dist, type Dist } from './measure';

// A verified backup of the workspace (off-thread: snapshot, integrity check, row
// counts, gzip, read-back) against a plain file copy of the same file with fsync,
// measured in the same run; and the search latency of the serving thread while the
// backup runs, against the same keystrokes with no backup running.

export interface BackupBenchResult {
  fileMB: number;
  copySeconds: number;
  backupSeconds: number;
  phases: Record<SnapshotProgress['phase'], number>;
  backupMB: number;
  rawMB: number;
  searchIdle: Dist;
  searchDuring: Dist;
  searchesDuring: number;
}

function plainCopy(from: string, to: string): number {
  const t0 = performance.now();
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  const s = (performance.now() - t0) / 1000;
  rmSync(to, { force: true });
  return s;
}

export async function benchBackup(session: Session, tmp: string): Promise<BackupBenchResult> {
  const ctx = session.ctx();
  const sqlite = ctx.ws.sqlite;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const path = session.workspace.path;
  const fileMB = statSync(path).size / 1e6;
  const copySeconds = plainCopy(path, join(tmp, 'plain-copy.kdb'));

  const keys = keystrokes(typedQueries(sqlite));
  const search = (q: string) => {
    const t0 = performance.now();
    listClients(ctx, listQuery.parse({ search: q }), 0, 60);
    return performance.now() - t0;
  };
  const idle = keys.map((k) => search(k.query));

  const phases = { copy: 0, verify: 0, compress: 0 };
  let phase: SnapshotProgress['phase'] | null = null;
  let phaseStart = performance.now();
  const t0 = performance.now();
  let done = false;
  const promise = backupInBackground(session, 'manual');
  // Progress arrives through the session's status; it is polled as the UI does.
  const during: number[] = [];
  void promise.finally(() => (done = true));
  let i = 0;
  while (!done) {
    const p = backupStatus(session).running?.progress?.phase ?? null;
    if (p !== phase) {
      if (phase) phases[phase] += (performance.now() - phaseStart) / 1000;
      phase = p;
      phaseStart = performance.now();
    }
    during.push(search(keys[i++ % keys.length]!.query));
    // A user types a few keys a second; yielding lets the worker's messages in.
    await new Promise((r) => setTimeout(r, 20));
  }
  const entry = await promise;
  if (phase) phases[phase] += (performance.now() - phaseStart) / 1000;
  const backupSeconds = (performance.now() - t0) / 1000;
  return {
    fileMB,
    copySeconds,
    backupSeconds,
    phases,
    backupMB: entry.size / 1e6,
    rawMB: entry.rawSize / 1e6,
    searchIdle: dist(idle),
    searchDuring: dist(during),
    searchesDuring: during.length,
  };
}
