import type { Ctx } from '../context';
import { AppError } from '../errors';
import { prepared } from '../db/statements';
import { dealPlace, moveDeal, type MoveInput } from './moves';
import { requireLiveStage, stagesOf, type StageRow } from './pipelines';
import { settleDealTasks, type OpenTasksOnClose } from '../tasks/deal-close';
import type { Deal, Stage } from '../db/schema';
import type { DealOutcome } from '../db/schema/enums';

const pipelineOf = (ctx: Ctx, dealId: string) =>
  prepared<Pick<Deal, 'pipelineId'>>(ctx.ws.sqlite, 'SELECT pipeline_id AS pipelineId FROM deals WHERE id = ?').get(dealId)?.pipelineId;

/**
 * Moves a deal (board, stage bar) and, when the move closes an open deal, completes or
 * cancels its open tasks as the user chose; all in one transaction.
 */
export function moveClosing(ctx: Ctx, dealId: string, target: StageRow, input: MoveInput, openTasks: OpenTasksOnClose = 'keep') {
  return ctx.ws.sqlite.transaction(() => {
    const closes = target.kind !== 'open' && dealPlace(ctx, dealId).stageKind === 'open';
    const moved = moveDeal(ctx, dealId, target, input);
    const tasks = closes ? settleDealTasks(ctx, dealId, openTasks) : { completed: 0, cancelled: 0 };
    return { ...moved, tasks };
  })();
}

/** Closes a deal as won or lost: it goes to the top of its pipeline's won/lost column. */
export function closeDeal(
  ctx: Ctx,
  dealId: string,
  outcome: DealOutcome,
  lost: { lostReasonId?: string | null; lostComment?: string | null },
  openTasks: OpenTasksOnClose = 'keep',
) {
  const pipelineId = pipelineOf(ctx, dealId);
  const target = pipelineId ? stagesOf(ctx, pipelineId).find((s) => s.kind === outcome) : undefined;
  if (!target) throw new AppError('deal.stage_not_found', `No ${outcome} stage for deal ${dealId}`, { id: dealId });
  return moveClosing(ctx, dealId, target, { stageId: target.id, ...lost }, openTasks);
}

/**
 * Reopens a closed deal into `stageId`, or by default into the open stage it was in
 * when it was closed (the first open stage if that one was deleted since).
 */
export function reopenDeal(ctx: Ctx, dealId: string, stageId: string | null) {
  const deal = dealPlace(ctx, dealId);
  if (deal.stageKind === 'open') throw new AppError('deal.not_closed', 'The deal is not closed');
  const pipelineId = pipelineOf(ctx, dealId)!;
  const open = stagesOf(ctx, pipelineId).filter((s) => s.kind === 'open');
  let target = stageId ? requireLiveStage(ctx, stageId) : null;
  if (!target) {
    const last = prepared<Pick<Stage, 'id'>>(
      ctx.ws.sqlite,
      `SELECT ch.to_stage_id AS id FROM deal_stage_changes ch JOIN stages s ON s.id = ch.to_stage_id
        WHERE ch.deal_id = ? AND s.kind = 'open' AND s.archived_at IS NULL AND s.pipeline_id = ? ORDER BY ch.at DESC, ch.id DESC LIMIT 1`,
    ).get(dealId, pipelineId);
    target = open.find((s) => s.id === last?.id) ?? open[0] ?? null;
  }
  if (!target || target.kind !== 'open') throw new AppError('deal.stage_not_open', 'Reopen needs an open stage');
  return moveDeal(ctx, dealId, target, { stageId: target.id });
}
