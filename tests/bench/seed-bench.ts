import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../../src-main/core/db/driver';
import { seedClients } from '../../src-main/core/seed/generator';
import type { Session } from '../../src-main/core/workspace/session';

// Seeding through the real generator against a floor: the same number of rows of the
// same average width, inserted by one prepared statement into a bare table (no
// indexes, triggers or FTS) in another file, with the same pragmas and commit count.

const SEEDED_TABLES = ['clients', 'phones', 'emails', 'contacts', 'history', 'client_tags'] as const;
/** seedClients commits every this many clients; the floor commits as often. */
const SEED_CHUNK = 5000;

export interface SeedResult {
  clients: number;
  seconds: number;
  rows: Record<(typeof SEEDED_TABLES)[number], number> & { total: number };
  rowsPerSecond: number;
  avgRowBytes: number;
  floorSeconds: number;
  floorRowsPerSecond: number;
  ratio: number;
  fileMB: number;
}

export function seedWorkspace(session: Session, clients: number, tmp: string, log: (s: string) => void): SeedResult {
  const sqlite = session.workspace.sqlite;
  const t0 = performance.now();
  let lastTick = 0;
  seedClients(sqlite, {
    clients,
    seed: 2026,
    onProgress: (done, total) => {
      if (process.stderr.isTTY && performance.now() - lastTick > 500) {
        lastTick = performance.now();
        process.stderr.write(`\r  seeding ${done}/${total}`);
      }
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (process.stderr.isTTY) process.stderr.write('\r' + ' '.repeat(40) + '\r');

  const counts = Object.fromEntries(
    SEEDED_TABLES.map((t) => [t, (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  ) as Record<(typeof SEEDED_TABLES)[number], number>;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const avgRowBytes = Math.max(8, Math.round(payloadBytes(sqlite) / total));
  log(`  seeded ${clients} clients (${total} rows, ~${avgRowBytes} B/row) in ${seconds.toFixed(1)} s; measuring the insert floor`);

  const floorSeconds = insertFloor(join(tmp, 'floor.sqlite'), total, avgRowBytes, Math.ceil(clients / SEED_CHUNK));
  const fileMB = (sqlite.prepare('SELECT page_count * page_size AS b FROM pragma_page_count(), pragma_page_size()').get() as { b: number }).b / 1e6;
  return {
    clients,
    seconds,
    rows: { ...counts, total },
    rowsPerSecond: total / seconds,
    avgRowBytes,
    floorSeconds,
    floorRowsPerSecond: total / floorSeconds,
    ratio: seconds / floorSeconds,
    fileMB,
  };
}

/** Record payload of the seeded tables (table b-trees only, not their indexes). */
function payloadBytes(sqlite: Database.Database): number {
  let sum = 0;
  const stmt = sqlite.prepare(`SELECT coalesce(sum(payload), 0) AS b FROM dbstat WHERE name = ? AND pagetype = 'leaf'`);
  for (const t of SEEDED_TABLES) sum += (stmt.get(t) as { b: number }).b;
  return sum;
}

function insertFloor(path: string, rows: number, width: number, commits: number): number {
  const db = openSqlite(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -65536');
    db.exec('CREATE TABLE floor (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    // A pool of varied text to slice rows from: no per-row string building in JS.
    const alphabet = 'абвгдеёжзийклмнопрстуфхцчшщыэюяabcdefghijklmnopqrstuvwxyz0123456789 @.-';
    let pool = '';
    for (let i = 0; pool.length < width * 4 + 4096; i++) pool += alphabet[(i * 7919) % alphabet.length];
    // Cyrillic letters take two bytes in UTF-8: size the slices by bytes, not chars.
    const charsPerRow = Math.max(1, Math.round((width * pool.length) / Buffer.byteLength(pool)));
    const ins = db.prepare('INSERT INTO floor (body) VALUES (?)');
    const perCommit = Math.ceil(rows / commits);
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const at = (i * 131) % (pool.length - charsPerRow);
        ins.run(pool.slice(at, at + charsPerRow));
      }
    });
    const t0 = performance.now();
    for (let done = 0; done < rows; done += perCommit) batch(done, Math.min(rows, done + perCommit));
    return (performance.now() - t0) / 1000;
  } finally {
    db.close();
  }
}
