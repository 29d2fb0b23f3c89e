import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { Ctx } from '../context';
import { isoNow } from '../context';
import { newId } from '../ids';
import { AppError, NotFoundError, ValidationError } from '../errors';
import { prepared } from '../db/statements';
import type { StageRow } from './pipelines';
import { logDealEvent } from './events';
import type { Deal, Stage } from '../db/schema';

// Positions are fractional-index keys (fractional-indexing): a card dropped between
// two others gets a key between theirs, so a move rewrites one row, never a column.

type DealPlace = Pick<Deal, 'id' | 'title' | 'clientId' | 'stageId' | 'position' | 'archivedAt'> & { stageKind: Stage['kind'] };
/** The lowest or highest position key of a column (null when it is empty). */
type EdgeKey = { p: Deal['position'] | null };

export function dealPlace(ctx: Ctx, dealId: string): DealPlace {
  const row = prepared<DealPlace>(
    ctx.ws.sqlite,
    `SELECT d.id, d.title, d.client_id AS clientId, d.stage_id AS stageId, s.kind AS stageKind, d.position, d.archived_at AS archivedAt
       FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.id = ?`,
  ).get(dealId);
  if (!row) throw new NotFoundError('deal', dealId);
  return row;
}

function positionOf(ctx: Ctx, dealId: string, stageId: string): string | null {
  return prepared<Pick<Deal, 'position'>>(ctx.ws.sqlite, 'SELECT position FROM deals WHERE id = ? AND stage_id = ?').get(dealId, stageId)?.position ?? null;
}

/** A key above every card of the column (new deals and reopened ones go on top). */
export function topKey(ctx: Ctx, stageId: string): string {
  const first = prepared<EdgeKey>(ctx.ws.sqlite, 'SELECT min(position) AS p FROM deals WHERE stage_id = ? AND archived_at IS NULL').get(stageId);
  return generateKeyBetween(null, first?.p ?? null);
}

/** Key between the card above (`afterId`) and the card below (`beforeId`); neither: the top. */
function keyFor(ctx: Ctx, stageId: string, afterId: string | null, beforeId: string | null, selfId: string): string {
  const above = afterId && afterId !== selfId ? positionOf(ctx, afterId, stageId) : null;
  const below = beforeId && beforeId !== selfId ? positionOf(ctx, beforeId, stageId) : null;
  if (above === null && below === null) return topKey(ctx, stageId);
  // Another user may have moved a neighbour meanwhile: an inverted pair falls back to
  // "just below the card above", which keeps the user's intent closest.
  if (above !== null && below !== null && above >= below) return generateKeyBetween(above, null);
  return generateKeyBetween(above, below);
}

export interface MoveInput {
  stageId: string;
  afterId?: string | null;
  beforeId?: string | null;
  lostReasonId?: string | null;
  lostComment?: string | null;
}

function requireLostReason(ctx: Ctx, id: string | null | undefined): string {
  if (!id) throw new ValidationError([{ field: 'lostReasonId', code: 'deal.lost_reason_required' }]);
  if (!prepared(ctx.ws.sqlite, 'SELECT 1 FROM lost_reasons WHERE id = ? AND archived_at IS NULL').get(id)) {
    throw new ValidationError([{ field: 'lostReasonId', code: 'deal.lost_reason_required' }]);
  }
  return id;
}

/**
 * Moves a deal to a stage (any pipeline) at a place in its column. Entering the lost
 * stage needs a reason; entering won or lost closes the deal; leaving them reopens
 * it. A stage change is recorded with who and when.
 */
export function moveDeal(ctx: Ctx, dealId: string, target: StageRow, input: MoveInput): { id: string; stageId: string; position: string } {
  const s = ctx.ws.sqlite;
  return s.transaction(() => {
    const deal = dealPlace(ctx, dealId);
    if (deal.archivedAt) throw new AppError('deal.archived', 'The deal is archived');
    const changing = deal.stageId !== target.id;
    const lostReasonId = target.kind === 'lost' && changing ? requireLostReason(ctx, input.lostReasonId) : null;
    const position = keyFor(ctx, target.id, input.afterId ?? null, input.beforeId ?? null, dealId);
    const now = isoNow(ctx);
    if (!changing) {
      prepared(s, 'UPDATE deals SET position = ?, updated_at = ? WHERE id = ?').run(position, now, dealId);
      return { id: dealId, stageId: target.id, position };
    }
    applyStageChange(ctx, deal, target, position, now);
    if (target.kind === 'lost') {
      prepared(s, 'UPDATE deals SET lost_reason_id = ?, lost_comment = ? WHERE id = ?').run(lostReasonId, input.lostComment?.trim() || null, dealId);
    }
    return { id: dealId, stageId: target.id, position };
  })();
}

function applyStageChange(ctx: Ctx, deal: DealPlace, target: StageRow, position: string, now: string) {
  const s = ctx.ws.sqlite;
  const wasClosed = deal.stageKind !== 'open';
  const closes = target.kind !== 'open';
  // closed_at is the moment the deal left the open stages; won<->lost keeps it.
  prepared(
    s,
    `UPDATE deals SET stage_id = ?, pipeline_id = ?, position = ?, stage_entered_at = ?, updated_at = ?,
       closed_at = CASE WHEN ? THEN coalesce(closed_at, ?) ELSE NULL END,
       lost_reason_id = CASE WHEN ? THEN lost_reason_id ELSE NULL END,
       lost_comment = CASE WHEN ? THEN lost_comment ELSE NULL END
     WHERE id = ?`,
  ).run(target.id, target.pipelineId, position, now, now, closes ? 1 : 0, now, target.kind === 'lost' ? 1 : 0, target.kind === 'lost' ? 1 : 0, deal.id);
  prepared(s, 'INSERT INTO deal_stage_changes (id, deal_id, from_stage_id, to_stage_id, at, by_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    newId(),
    deal.id,
    deal.stageId,
    target.id,
    now,
    ctx.userId,
  );
  if (target.kind !== deal.stageKind && (closes || wasClosed)) {
    logDealEvent(ctx, deal, target.kind === 'open' ? 'reopened' : target.kind, now);
  }
}

/** Moves many deals to the end of a column (deleting a stage); returns how many moved. */
export function moveDeals(ctx: Ctx, dealIds: string[], target: StageRow): number {
  const last = prepared<EdgeKey>(ctx.ws.sqlite, 'SELECT max(position) AS p FROM deals WHERE stage_id = ?').get(target.id);
  const keys = generateNKeysBetween(last?.p ?? null, null, dealIds.length);
  const now = isoNow(ctx);
  dealIds.forEach((id, i) => applyStageChange(ctx, dealPlace(ctx, id), target, keys[i]!, now));
  return dealIds.length;
}
