import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { Session } from '../../src-main/core/workspace/session';
import { listClients } from '../../src-main/core/clients/list';
import { listQuery } from '../../src-main/core/clients/schemas';
import type { CheckMode } from '../../src-main/core/db/open';

// Open to a usable first page: the workspace closed cleanly, then opened as `serve`
// opens it (integrity check by its state) and the first page of the client list read;
// against the floor of opening the same file with bare better-sqlite3 and reading the
// first 60 clients by the same index. The background check's own time is reported too.

export interface OpenBenchResult {
  fileMB: number;
  openMs: number;
  floorMs: number;
  check: CheckMode;
  backgroundCheckMs: number;
}

export async function benchOpen(session: Session, rounds: number): Promise<OpenBenchResult> {
  const path = session.workspace.path;
  session.close();
  const fileMB = statSync(path).size / 1e6;
  const opens: number[] = [];
  const floors: number[] = [];
  let check: CheckMode = 'skipped';
  let backgroundCheckMs = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const s = new Session();
    s.open(path);
    listClients(s.ctx(), listQuery.parse({}), 0, 60);
    opens.push(performance.now() - t0);
    check = s.workspace.opened.check;
    await s.workspace.checked;
    backgroundCheckMs = performance.now() - t0;
    s.close();

    const f0 = performance.now();
    const db = new Database(path);
    db.prepare('SELECT id, name FROM clients WHERE archived_at IS NULL ORDER BY name_key, id LIMIT 60').all();
    floors.push(performance.now() - f0);
    db.close();
  }
  session.open(path);
  return { fileMB, openMs: median(opens), floorMs: median(floors), check, backgroundCheckMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
