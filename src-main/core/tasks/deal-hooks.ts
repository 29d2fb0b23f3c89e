import type { Ctx } from '../context';
import { isoNow } from '../context';
import { prepared } from '../db/statements';
import { rewriteSeriesTemplates } from './recurrence';
import type { Task } from '../db/schema';

// What the deals capability asks of tasks: the next step of each deal on a board or
// list page, the "no next step" condition for its filter, and keeping a deal's tasks
// with the deal when it changes client. A deal card's task panel is tasks.forDeal.

/** The open task a deal waits on: the one with the earliest due moment (its start when it has no due). */
export interface NextTask {
  taskId: string;
  title: string;
  allDay: boolean;
  /** A 'YYYY-MM-DD' date for all-day tasks, a UTC instant otherwise; overdue is for the viewer's clock to say. */
  deadlineAt: string;
}

/**
 * Placeholder lists are padded to the next power of two (with NULL, which matches
 * nothing), so a page of any size reuses one of a dozen prepared statements.
 */
function paddedIn(ids: string[]): { sql: string; params: (string | null)[] } {
  let size = 1;
  while (size < ids.length) size *= 2;
  const params: (string | null)[] = [...ids];
  while (params.length < size) params.push(null);
  return { sql: params.map(() => '?').join(', '), params };
}

/**
 * The next open task of each given deal, in one query for the whole page: the index
 * of open tasks by deal (tasks_open_deal_idx: deal_id, deadline_at, id) gives each
 * deal's open tasks in deadline order and the window keeps the first. Deals without
 * an open task are absent from the map.
 */
export function nextTaskForDeals(ctx: Ctx, dealIds: string[]): Map<string, NextTask> {
  const out = new Map<string, NextTask>();
  const ids = [...new Set(dealIds)];
  if (ids.length === 0) return out;
  const list = paddedIn(ids);
  const rows = prepared<{ dealId: string; taskId: Task['id']; title: Task['title']; allDay: 0 | 1; deadlineAt: Task['deadlineAt'] }>(
    ctx.ws.sqlite,
    `SELECT dealId, taskId, title, allDay, deadlineAt FROM (
       SELECT t.deal_id AS dealId, t.id AS taskId, t.title, t.all_day AS allDay, t.deadline_at AS deadlineAt,
         ROW_NUMBER() OVER (PARTITION BY t.deal_id ORDER BY t.deadline_at, t.id) AS n
       FROM tasks t
       WHERE t.deal_id IN (${list.sql}) AND t.done_at IS NULL AND t.archived_at IS NULL
     ) WHERE n = 1`,
  ).all(...list.params);
  for (const { dealId, allDay, ...r } of rows) out.set(dealId, { ...r, allDay: allDay === 1 });
  return out;
}

/**
 * A condition for the deals query: true when the deal (the outer query's `<alias>.id`)
 * has no open task. Example: `SELECT … FROM deals d WHERE d.closed_at IS NULL AND
 * ${dealsWithoutNextTaskSql('d')}`. A probe of tasks_open_deal_idx: the table is never read.
 */
export function dealsWithoutNextTaskSql(dealAlias: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(dealAlias)) throw new Error(`Bad SQL alias: ${dealAlias}`);
  return `NOT EXISTS (SELECT 1 FROM tasks nt WHERE nt.deal_id = ${dealAlias}.id AND nt.done_at IS NULL AND nt.archived_at IS NULL)`;
}

/** A deal about to be deleted (the undo of an import): running series stop linking to it. */
export function forgetDealInSeries(ctx: Ctx, dealId: string): void {
  rewriteSeriesTemplates(ctx, dealId, (t) => (t.dealId === dealId ? { ...t, dealId: null } : null));
}

/**
 * A deal moved to another client takes its tasks along (as its history entries go
 * along): every task of the deal and the template of every running series get the
 * new client; a contact person of the old client is dropped. Runs inside the deal's
 * update transaction.
 */
export function moveDealTasksToClient(ctx: Ctx, dealId: string, clientId: string): void {
  const s = ctx.ws.sqlite;
  const now = isoNow(ctx);
  prepared(
    s,
    `UPDATE tasks SET client_id = ?,
       contact_id = CASE WHEN contact_id IN (SELECT id FROM contacts WHERE client_id = ?) THEN contact_id ELSE NULL END,
       updated_at = ?
     WHERE deal_id = ?`,
  ).run(clientId, clientId, now, dealId);
  const keep = new Set(
    prepared<{ id: string }>(s, 'SELECT id FROM contacts WHERE client_id = ?')
      .all(clientId)
      .map((c) => c.id),
  );
  rewriteSeriesTemplates(ctx, dealId, (t) =>
    t.dealId === dealId ? { ...t, clientId, contactId: t.contactId && keep.has(t.contactId) ? t.contactId : null } : null,
  );
}
