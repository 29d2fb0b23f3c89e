import { isoNow, type Ctx } from '../context';
import { prepared } from '../db/statements';
import { rewriteSeriesTemplates } from './recurrence';

/**
 * Merging two client cards moves every task of the merged one, done or open, and the
 * template of its running series to the kept card (its contact persons move too, so
 * contact links stay valid). Runs inside the merge's transaction.
 */
export function moveClientTasks(ctx: Ctx, fromClientId: string, toClientId: string): void {
  prepared(ctx.ws.sqlite, 'UPDATE tasks SET client_id = ?, updated_at = ? WHERE client_id = ?').run(toClientId, isoNow(ctx), fromClientId);
  rewriteSeriesTemplates(ctx, fromClientId, (t) => (t.clientId === fromClientId ? { ...t, clientId: toClientId } : null));
}
