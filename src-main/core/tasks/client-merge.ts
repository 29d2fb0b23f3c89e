import { isoNow, type Ctx } from '../context';
import { prepared } from '../db/statements';
import type { SeriesTemplate } from './recurrence';

/**
 * Merging two client cards moves every task of the merged one, done or open, and the
 * template of its running series to the kept card (its contact persons move too, so
 * contact links stay valid). Runs inside the merge's transaction.
 */
export function moveClientTasks(ctx: Ctx, fromClientId: string, toClientId: string): void {
  const s = ctx.ws.sqlite;
  const now = isoNow(ctx);
  prepared(s, 'UPDATE tasks SET client_id = ?, updated_at = ? WHERE client_id = ?').run(toClientId, now, fromClientId);
  for (const row of prepared(s, 'SELECT id, template FROM task_series WHERE ended_at IS NULL').all() as { id: string; template: string }[]) {
    const t = JSON.parse(row.template) as SeriesTemplate;
    if (t.clientId !== fromClientId) continue;
    prepared(s, 'UPDATE task_series SET template = ?, updated_at = ? WHERE id = ?').run(JSON.stringify({ ...t, clientId: toClientId }), now, row.id);
  }
}
