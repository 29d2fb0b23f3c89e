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

/** The same for a task: assigned to the caller or set by them. */
export function requireTaskVisible(ctx: Ctx, taskId: string): void {
  if (!seesOwnOnly(ctx)) return;
  const row = ctx.ws.sqlite.prepare('SELECT 1 FROM tasks WHERE id = ? AND (assignee_id = ? OR created_by = ?)').get(taskId, ctx.userId, ctx.userId);
  if (!row) throw new NotFoundError('task', taskId);
}

/** The same for a contact person: its client must be visible. */
export function requireContactVisible(ctx: Ctx, contactId: string): void {
  if (!seesOwnOnly(ctx)) return;
  const row = ctx.ws.sqlite.prepare('SELECT 1 FROM contacts p JOIN clients c ON c.id = p.client_id WHERE p.id = ? AND c.responsible_id = ?').get(contactId, ctx.userId);
  if (!row) throw new NotFoundError('contact', contactId);
}

/**
 * Ids a write names (a task's client and deal, a deal's new client) must be visible too.
 * With `current`, only a link that changes is checked: a task assigned to a manager
 * about a colleague's client stays editable by them as long as they do not relink it.
 */
export function requireLinksVisible(
  ctx: Ctx,
  links: { clientId?: string | null; dealId?: string | null },
  current: { clientId: string | null; dealId?: string | null } | null = null,
): void {
  if (links.clientId && links.clientId !== current?.clientId) requireClientVisible(ctx, links.clientId);
  if (links.dealId && links.dealId !== current?.dealId) requireDealVisible(ctx, links.dealId);
}
