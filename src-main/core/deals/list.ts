import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { dealFilterSql } from './filter';
import { nextTaskForDeals } from '../tasks/deal-hooks';
import type { DealFilter, DealSort, DealStatus } from './schemas';
import type { Client, Deal, Pipeline, Stage, User } from '../db/schema';
import type { Totals } from './board';

/** A row of the list as read (before its next task is added). */
type ListRow = Pick<Deal, 'id' | 'title' | 'clientId' | 'amountKopecks' | 'currency' | 'expectedClose' | 'closedAt' | 'createdAt' | 'updatedAt'> & {
  clientName: Client['name'];
  stageName: Stage['name'];
  stageKind: Stage['kind'];
  stageColor: Stage['color'];
  pipelineName: Pipeline['name'];
  responsibleName: User['name'] | null;
};

export const SORT_SQL: Record<DealSort, string> = {
  updatedAt: 'd.updated_at',
  createdAt: 'd.created_at',
  title: 'd.title_key',
  amount: 'd.amount_kopecks',
  expectedClose: "coalesce(d.expected_close, '9999')",
  client: 'd.client_name_key',
  stage: 'st.position',
};

export interface DealListQuery {
  pipelineId: string | null;
  status: DealStatus;
  filter: DealFilter;
  sort: DealSort;
  desc: boolean;
}

/** The list's conditions on `d` (deals) and `st` (its stage); the export reuses them. */
export function whereOf(ctx: Ctx, q: DealListQuery) {
  const f = dealFilterSql(ctx, q.filter);
  const where = [...f.where];
  const params = [...f.params];
  if (q.pipelineId) {
    where.push('d.pipeline_id = ?');
    params.push(q.pipelineId);
  }
  if (q.status !== 'all') {
    where.push('st.kind = ?');
    params.push(q.status);
  }
  return { where: where.join(' AND '), params };
}

const FROM = 'FROM deals d JOIN stages st ON st.id = d.stage_id';

/**
 * A page of the deal list, each row with its next task; with `withTotals`, also the
 * count and sum of everything that matches. Totals read every matching deal (tens of
 * milliseconds at 100,000), so the list asks for them with its first page only.
 */
export function listDeals(ctx: Ctx, q: DealListQuery, offset: number, limit: number, withTotals = true) {
  const { where, params } = whereOf(ctx, q);
  const totals = withTotals
    ? prepared<{ total: Totals['count']; sumKopecks: Totals['sumKopecks'] }>(
        ctx.ws.sqlite,
        `SELECT count(*) AS total, coalesce(sum(d.amount_kopecks), 0) AS sumKopecks ${FROM} WHERE ${where}`,
      ).get(...params)!
    : null;
  const dir = q.desc ? 'DESC' : 'ASC';
  const rows = prepared<ListRow>(
    ctx.ws.sqlite,
    `SELECT d.id, d.title, c.id AS clientId, c.name AS clientName, d.amount_kopecks AS amountKopecks, d.currency,
        st.name AS stageName, st.kind AS stageKind, st.color AS stageColor, p.name AS pipelineName, u.name AS responsibleName,
        d.expected_close AS expectedClose, d.closed_at AS closedAt, d.created_at AS createdAt, d.updated_at AS updatedAt
     ${FROM} JOIN clients c ON c.id = d.client_id JOIN pipelines p ON p.id = d.pipeline_id LEFT JOIN users u ON u.id = d.responsible_id
     WHERE ${where} ORDER BY ${SORT_SQL[q.sort]} ${dir}, d.id ${dir} LIMIT ? OFFSET ?`,
  ).all(...params, limit, offset);
  // Closed deals have no next step (a task left open on a lost deal is not one).
  const next = nextTaskForDeals(ctx, rows.filter((r) => r.stageKind === 'open').map((r) => r.id));
  return {
    totals,
    offset,
    rows: rows.map((r) => {
      const nextTask = (r.stageKind === 'open' && next.get(r.id)) || null;
      return { ...r, nextTask, noNextStep: r.stageKind === 'open' && !nextTask };
    }),
  };
}

/** Lead sources in use, for the filter's choices. */
export function dealSources(ctx: Ctx): string[] {
  return prepared<{ source: string }>(ctx.ws.sqlite, 'SELECT DISTINCT source FROM deals WHERE source IS NOT NULL ORDER BY source')
    .all()
    .map((r) => r.source);
}
