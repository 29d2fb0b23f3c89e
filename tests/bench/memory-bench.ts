// Resident memory of the core with a workspace open and idle, and after one search,
// each measured in a child process that does nothing else (the bench's own seeding
// does not count; SQLite's page cache does). The floor: a bare Node process with
// better-sqlite3 loaded and the same file opened with default pragmas, after the same
// moments (open; one bare FTS5 query).
//
//   npx tsx tests/bench/memory-bench.ts --workspace FILE

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { collectGarbage, table } from './measure';

const SELF = fileURLToPath(import.meta.url);
const MB = 1024 * 1024;
const QUERY = 'иван';

const rss = (): number => {
  collectGarbage();
  return process.memoryUsage().rss / MB;
};

interface Figures {
  idleMB: number;
  afterSearchMB: number;
  rows: number;
}

/** The core as the app runs it: a session opens the workspace, the list searches. */
async function core(path: string): Promise<Figures> {
  const { Session } = await import('../../src-main/core/workspace/session');
  const { listClients } = await import('../../src-main/core/clients/list');
  const { listQuery } = await import('../../src-main/core/clients/schemas');
  const session = new Session({ skipIntegrityCheck: true });
  session.open(path);
  const idleMB = rss();
  const page = listClients(session.ctx(), listQuery.parse({ search: QUERY }), 0, 60);
  const afterSearchMB = rss();
  session.close();
  return { idleMB, afterSearchMB, rows: page.rows.length };
}

async function floor(path: string): Promise<Figures> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path);
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  const idleMB = rss();
  const rows = db.prepare('SELECT rowid FROM client_fts WHERE client_fts MATCH ? LIMIT 60').all(`"${QUERY}"*`).length;
  const afterSearchMB = rss();
  db.close();
  return { idleMB, afterSearchMB, rows };
}

export interface MemoryBenchResult {
  core: Figures;
  floor: Figures;
}

export function benchMemory(workspace: string, log: (s: string) => void): MemoryBenchResult {
  const child = (kind: string): Figures => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', SELF, '--case', kind, '--workspace', workspace], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as Figures;
  };
  const f = child('floor');
  const c = child('core');
  log(
    table(
      ['resident memory, MB', 'idle', 'after one search'],
      [
        ['core (session open, listClients)', c.idleMB.toFixed(0), c.afterSearchMB.toFixed(0)],
        ['  floor: better-sqlite3, default pragmas', f.idleMB.toFixed(0), f.afterSearchMB.toFixed(0)],
      ],
    ),
  );
  return { core: c, floor: f };
}

if (process.argv[1] === SELF) {
  const { values } = parseArgs({ options: { case: { type: 'string' }, workspace: { type: 'string' } } });
  if (values.case) console.log(JSON.stringify(values.case === 'core' ? await core(values.workspace!) : await floor(values.workspace!)));
  else benchMemory(values.workspace!, console.log);
}
