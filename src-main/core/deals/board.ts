import type { Ctx } from '../context';
import { AppError } from '../errors';
import { prepared } from '../db/statements';
import { dealFilterSql, isFiltered } from './filter';
import type { DealFilter } from './schemas';
import { stagesOf, type StageRow } from './pipelines';
import { nextTaskForDeals, type NextTask } from '../tasks/deal-hooks';
import { debtWarnings, type DebtWarning } from '../receivables/deal-warning';
import type { Client, Deal, Pipeline, Stage, User } from '../db/schema';

/** A card as read from the database (CARD_SQL). */
type CardRow = Pick<Deal, 'id' | 'title' | 'clientId' | 'amountKopecks' | 'currency' | 'expectedClose' | 'closedAt' | 'stageEnteredAt' | 'position'> & {
  clientName: Client['name'];
  responsibleName: User['name'] | null;
  normDays: Stage['normDays'];
  stageKind: Stage['kind'];
};

/** `closedAt`: when the deal left the open stages (null while open), shown instead of the expected close. */
export interface BoardCard extends Omit<CardRow, 'normDays' | 'stageKind'> {
  daysInStage: number;
  /** Longer in the stage than its norm (days). */
  overNorm: boolean;
  /** An open deal's earliest open task (overdue is for the renderer to tell by the user's clock); null once closed. */
  nextTask: NextTask | null;
  /** An open deal with no open task: nobody has planned what happens next. */
  noNextStep: boolean;
  /** The client is over their credit limit or has debt overdue too long (receivables/deal-warning.ts); null: none. */
  debtWarning: DebtWarning | null;
}

export interface ColumnCursor {
  position: string;
  id: string;
}

const DAY = 86_400_000;

const CARD_SQL = `SELECT d.id, d.title, d.client_id AS clientId, c.name AS clientName, d.amount_kopecks AS amountKopecks, d.currency,
    u.name AS responsibleName, d.expected_close AS expectedClose, d.closed_at AS closedAt, d.stage_entered_at AS stageEnteredAt, d.position, s.norm_days AS normDays, s.kind AS stageKind
  FROM deals d JOIN clients c ON c.id = d.client_id JOIN stages s ON s.id = d.stage_id LEFT JOIN users u ON u.id = d.responsible_id`;

/**
 * Next tasks for a page come from one query over the page's open deal ids: a won or
 * lost deal has no next step, even when a task on it was left open.
 */
function toCards(ctx: Ctx, rows: CardRow[]): BoardCard[] {
  const now = ctx.now().getTime();
  const tasks = nextTaskForDeals(ctx, rows.filter((r) => r.stageKind === 'open').map((r) => r.id));
  const warnings = debtWarnings(ctx, rows.map((r) => r.clientId));
  return rows.map(({ normDays, stageKind, ...r }) => {
    const daysInStage = Math.max(0, Math.floor((now - Date.parse(r.stageEnteredAt)) / DAY));
    const nextTask = (stageKind === 'open' && tasks.get(r.id)) || null;
    return { ...r, daysInStage, overNorm: normDays != null && daysInStage > normDays, nextTask, noNextStep: stageKind === 'open' && !nextTask, debtWarning: warnings.get(r.clientId) ?? null };
  });
}

/** One page of a column in board order, after `cursor` (exclusive). */
export function columnPage(ctx: Ctx, stageId: string, filter: DealFilter, cursor: ColumnCursor | null, limit: number) {
  const f = dealFilterSql(ctx, filter);
  const where = ['d.stage_id = ?', ...f.where];
  const params: unknown[] = [stageId, ...f.params];
  if (cursor) {
    where.push('(d.position > ? OR (d.position = ? AND d.id > ?))');
    params.push(cursor.position, cursor.position, cursor.id);
  }
  const rows = prepared<CardRow>(ctx.ws.sqlite, `${CARD_SQL} WHERE ${where.join(' AND ')} ORDER BY d.position, d.id LIMIT ?`).all(...params, limit + 1);
  const hasMore = rows.length > limit;
  return { cards: toCards(ctx, rows.slice(0, limit)), hasMore };
}

export function cardById(ctx: Ctx, dealId: string): BoardCard | null {
  const rows = prepared<CardRow>(ctx.ws.sqlite, `${CARD_SQL} WHERE d.id = ?`).all(dealId);
  return rows.length ? toCards(ctx, rows)[0]! : null;
}

export function matchesFilter(ctx: Ctx, dealId: string, filter: DealFilter): boolean {
  const f = dealFilterSql(ctx, filter);
  return !!prepared(ctx.ws.sqlite, `SELECT 1 FROM deals d WHERE d.id = ? AND ${f.where.join(' AND ')}`).get(
    dealId,
    ...f.params,
  );
}

/** Count and sum per stage of a pipeline, computed by the core over the filtered deals. */
export interface Totals {
  count: number;
  sumKopecks: number;
}

export function columnTotals(ctx: Ctx, pipelineId: string, filter: DealFilter): Map<string, Totals> {
  const f = dealFilterSql(ctx, filter);
  const rows = prepared<Pick<Deal, 'stageId'> & Totals>(
    ctx.ws.sqlite,
    `SELECT d.stage_id AS stageId, count(*) AS count, coalesce(sum(d.amount_kopecks), 0) AS sumKopecks
       FROM deals d WHERE d.pipeline_id = ? AND ${f.where.join(' AND ')} GROUP BY d.stage_id`,
  ).all(pipelineId, ...f.params);
  return new Map(rows.map((r) => [r.stageId, { count: r.count, sumKopecks: r.sumKopecks }]));
}

export interface BoardColumn extends Totals {
  stage: StageRow;
  cards: BoardCard[];
  hasMore: boolean;
}

/** The board as first shown: every column's totals and its first page of cards. */
export function getBoard(ctx: Ctx, pipelineId: string, filter: DealFilter, pageSize: number) {
  const pipeline = prepared<Pick<Pipeline, 'id' | 'name'>>(ctx.ws.sqlite, 'SELECT id, name FROM pipelines WHERE id = ? AND archived_at IS NULL').get(pipelineId);
  if (!pipeline) throw new AppError('deal.pipeline_not_found', `Pipeline not found: ${pipelineId}`, { id: pipelineId });
  const totals = columnTotals(ctx, pipelineId, filter);
  const columns: BoardColumn[] = stagesOf(ctx, pipelineId).map((stage) => {
    const t = totals.get(stage.id) ?? { count: 0, sumKopecks: 0 };
    const page = t.count > 0 ? columnPage(ctx, stage.id, filter, null, pageSize) : { cards: [], hasMore: false };
    return { stage, ...t, ...page };
  });
  return { pipeline, filtered: isFiltered(filter), columns };
}

/** Totals only (after a move the board refreshes its headers without reloading cards). */
export function boardTotals(ctx: Ctx, pipelineId: string, filter: DealFilter) {
  const totals = columnTotals(ctx, pipelineId, filter);
  return stagesOf(ctx, pipelineId).map((s) => ({ stageId: s.id, ...(totals.get(s.id) ?? { count: 0, sumKopecks: 0 }) }));
}
