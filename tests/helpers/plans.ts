import type Database from 'better-sqlite3';
import { Session } from '../../src-main/core/workspace/session';

/**
 * Runs `fn` on a connection of its own to the workspace at `path` and returns every
 * SQL text it prepared with its query plan (statements are prepared once per
 * connection, so a fresh one sees them all). Lets a test say "this page is an index
 * walk, never a sort or a scan of the table" without timing anything.
 */
export interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

export function plansOf(path: string, fn: (s: Session) => void): { sql: string; plan: string; rows: PlanRow[] }[] {
  const session = new Session();
  session.open(path);
  const seen: string[] = [];
  // Reports read on the workspace's report connection, everything else on the main one.
  const spy = (sqlite: Database.Database) => {
    const original = sqlite.prepare.bind(sqlite);
    (sqlite as { prepare: unknown }).prepare = (sql: string) => {
      seen.push(sql);
      return original(sql);
    };
    return original;
  };
  const original = spy(session.workspace.sqlite);
  spy(session.workspace.reader());
  try {
    fn(session);
    return seen.map((sql) => {
      // Every parameter is bound to NULL: the plan does not depend on the values.
      const named = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1]!, null]));
      const positional = (sql.match(/\?/g) ?? []).map(() => null);
      const stmt = original(`EXPLAIN QUERY PLAN ${sql}`);
      const rows = (Object.keys(named).length ? stmt.all(named) : stmt.all(...positional)) as PlanRow[];
      const plan = rows.map((p) => p.detail).join(' | ');
      return { sql, plan, rows };
    });
  } finally {
    session.close();
  }
}
