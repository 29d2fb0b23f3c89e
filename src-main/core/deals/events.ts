import type { Ctx } from '../context';
import { newId } from '../ids';
import { prepared } from '../db/statements';

export type DealEvent = 'created' | 'won' | 'lost' | 'reopened' | 'task_cancelled';

/**
 * A system entry in the shared history, tied to both the client and the deal, so the
 * client's timeline shows what happened to its deals. The text is a code plus the
 * deal's title ("deal_won:Поставка"), or another subject such as a cancelled task's
 * title ("deal_task_cancelled:Позвонить"), translated by the renderer.
 */
export function logDealEvent(ctx: Ctx, deal: { id: string; clientId: string; title: string }, event: DealEvent, at: string, subject = deal.title) {
  prepared(
    ctx.ws.sqlite,
    `INSERT INTO history (id, client_id, deal_id, kind, occurred_at, text, author_id, created_at, updated_at, created_by)
     VALUES (?, ?, ?, 'system', ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), deal.clientId, deal.id, at, `deal_${event}:${subject}`, ctx.userId, at, at, ctx.userId);
}
