import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import type { Session } from '../../src-main/core/workspace/session';
import { backupInBackground } from '../../src-main/core/backup/manager';

// The hourly backup of a slightly changed workspace: ~1 % of its pages changed by
// updates spread over the clients table, then a backup (incremental, against the
// full one the backup bench just took); its wall time and the process's CPU time
// (process.cpuUsage counts the worker thread too). And the compression options
// measured on a sample of the workspace file, to say where compression pays.

export interface IncrementalBenchResult {
  pages: number;
  changedPages: number;
  kind: string;
  seconds: number;
  cpuSeconds: number;
  sizeMB: number;
}

export async function benchIncremental(session: Session): Promise<IncrementalBenchResult> {
  const sqlite = session.workspace.sqlite;
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  // One row per 100 pages: each update rewrites about one page of the table (its index
  // and search-index pages mostly share pages): ~1 % of the file (the real count is printed).
  const ids = sqlite.prepare('SELECT id FROM clients ORDER BY id').all() as { id: string }[];
  const n = Math.max(1, Math.min(ids.length, Math.round(pages / 100)));
  const upd = sqlite.prepare(`UPDATE clients SET notes = coalesce(notes, '') || ' ·' WHERE id = ?`);
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) upd.run(ids[Math.floor((i * ids.length) / n)]!.id);
  })();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const entry = await backupInBackground(session, 'scheduled');
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { pages, changedPages: entry.changedPages ?? pages, kind: entry.kind ?? 'full', seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, sizeMB: entry.size / 1e6 };
}

export interface CompressionRow {
  method: string;
  mbPerSecond: number;
  ratio: number;
}

/** gzip levels (and zstd where the runtime has it) on up to 64 MB from the middle of the file. */
export function benchCompression(path: string): CompressionRow[] {
  const size = statSync(path).size;
  const len = Math.min(size, 64 << 20);
  const sample = Buffer.alloc(len);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, sample, 0, len, Math.max(0, Math.floor((size - len) / 2 / 4096) * 4096));
  } finally {
    closeSync(fd);
  }
  const rows: CompressionRow[] = [];
  const time = (method: string, fn: () => Buffer) => {
    const t0 = performance.now();
    const out = fn();
    const s = (performance.now() - t0) / 1000;
    rows.push({ method, mbPerSecond: len / 1e6 / s, ratio: out.length / len });
  };
  for (const level of [1, 3, 6]) time(`gzip ${level}`, () => gzipSync(sample, { level }));
  const zstd = (zlib as unknown as { zstdCompressSync?: (b: Buffer) => Buffer }).zstdCompressSync;
  if (zstd) time('zstd (default)', () => zstd(sample));
  return rows;
}

const WORDS = ['Иванов', 'Петрова', 'ООО', 'Ромашка', 'звонок', 'договор', 'счёт', 'оплата', 'Москва', 'Казань', 'доставка', 'скидка', 'менеджер', 'встреча', 'обсудили', 'цена'];

/**
 * Grows the workspace to about `mb` MB with a table of note-like text (as compressible
 * as a CRM's own pages, roughly), so the backup lines can be measured at 1 GB without
 * seeding millions of clients. The row counts of this table are checked like any other.
 */
export function padWorkspace(session: Session, mb: number): void {
  const sqlite = session.workspace.sqlite;
  sqlite.exec('CREATE TABLE IF NOT EXISTS bench_padding (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const ins = sqlite.prepare('INSERT INTO bench_padding(body) VALUES (?)');
  const size = () => (sqlite.pragma('page_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number);
  let seed = 1;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  while (size() < mb * 1e6) {
    sqlite.transaction(() => {
      for (let i = 0; i < 20_000; i++) {
        const parts: string[] = [];
        for (let w = 0; w < 40; w++) parts.push(rnd() < 0.3 ? String(Math.floor(rnd() * 1e9)) : WORDS[Math.floor(rnd() * WORDS.length)]!);
        ins.run(parts.join(' '));
      }
    })();
  }
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}
