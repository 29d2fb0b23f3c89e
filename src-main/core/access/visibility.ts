import type { Ctx } from '../context';

// What the caller may see, as SQL added to every list, search, lookup, report and
// export (never a filter over rows already read). Users and roles fill these in: a
// manager limited to their own clients gets `responsible_id = ?` here. Until then
// every caller is the workspace owner and sees everything.

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

const EVERYTHING: SqlCondition = Object.freeze({ sql: '1 = 1', params: [] as unknown[] }) as SqlCondition;

/** Clients (alias `c` or another) the caller may see. */
export function visibleClients(_ctx: Ctx, _alias: string): SqlCondition {
  return EVERYTHING;
}

/** Deals the caller may see. */
export function visibleDeals(_ctx: Ctx, _alias: string): SqlCondition {
  return EVERYTHING;
}

/** Tasks the caller may see. */
export function visibleTasks(_ctx: Ctx, _alias: string): SqlCondition {
  return EVERYTHING;
}
