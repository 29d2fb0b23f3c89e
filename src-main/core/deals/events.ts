import type { Ctx } from '../context';
import { logHistoryEvent } from '../history/events';
import type { DealOutcome } from '../db/schema/enums';

export type DealEvent = 'created' | DealOutcome | 'reopened' | 'task_cancelled';

/**
 * A system entry in the shared history, tied to both the client and the deal, so the
 * client's timeline shows what happened to its deals: with the deal's title then, or
 * another subject such as a cancelled task's title.
 */
export function logDealEvent(ctx: Ctx, deal: { id: string; clientId: string; title: string }, event: DealEvent, at: string, subject = deal.title) {
  logHistoryEvent(ctx, { clientId: deal.clientId, dealId: deal.id, at }, { type: `deal_${event}`, title: subject });
}
