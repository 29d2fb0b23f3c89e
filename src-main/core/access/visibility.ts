import type { Ctx } from '../context';
import { NotFoundError } from '../errors';

// What the caller may see, as SQL added to every list, search, lookup, report and
// export (never a filter over rows already read, so counts, pages and sums agree). A
// role limited to its own records (the matrix's `see: 'own'`, a manager by default)
// sees the clients and deals it is responsible for and the tasks assigned to it or
// set by it; everyone else sees everything.

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

const EVERYTHING: SqlCondition = Object.freeze({ sql: '1 = 1', params: [] as unknown[] }) as SqlCondition;

export const seesOwnOnly = (ctx: Ctx): boolean => ctx.sees === 'own';

/** Clients (alias `c` or another) the caller may see. */
export function visibleClients(ctx: Ctx, alias: string): SqlCondition {
  return seesOwnOnly(ctx) ? { sql: `${alias}.responsible_id = ?`, params: [ctx.userId] } : EVERYTHING;
}

/** Deals the caller may see. */
export function visibleDeals(ctx: Ctx, alias: string): SqlCondition {
  return seesOwnOnly(ctx) ? { sql: `${alias}.responsible_id = ?`, params: [ctx.userId] } : EVERYTHING;
}

/** Tasks the caller may see. */
export function visibleTasks(ctx: Ctx, alias: string): SqlCondition {
  return seesOwnOnly(ctx) ? { sql: `(${alias}.assignee_id = ? OR ${alias}.created_by = ?)`, params: [ctx.userId, ctx.userId] } : EVERYTHING;
}

/** One client's visibility, for cards and writes that name a client by id. */
export function maySeeClient(ctx: Ctx, clientId: string): boolean {
  if (!seesOwnOnly(ctx)) return true;
  return !!ctx.ws.sqlite.prepare('SELECT 1 FROM clients WHERE id = ? AND responsible_id = ?').get(clientId, ctx.userId);
}

/** A client the caller may not see does not exist for them: the same answer as a wrong id. */
export function requireClientVisible(ctx: Ctx, clientId: string): void {
  if (!maySeeClient(ctx, clientId)) throw new NotFoundError('client', clientId);
}

/** The same for a deal. */
export function requireDealVisible(ctx: Ctx, dealId: string): void {
  if (!seesOwnOnly(ctx)) return;
  if (!ctx.ws.sqlite.prepare('SELECT 1 FROM deals WHERE id = ? AND responsible_id = ?').get(dealId, ctx.userId)) throw new NotFoundError('deal', dealId);
}
