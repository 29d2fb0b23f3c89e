import type { Ctx } from '../context';
import { visibleDeals } from '../access/visibility';
import type { Drill, ReportQuery } from './types';
import type { Span } from './period';

// The filters every deal report shares (pipeline, managers, sources, client tags) and
// what the caller may see, as SQL on `d` — and the same conditions as the deals list's
// filter, so a number clicked opens a list of exactly that many deals.

export interface DealScope {
  where: string[];
  params: unknown[];
}

function anyOf(column: string, values: readonly string[], s: DealScope) {
  const set = values.filter((v) => v !== 'none');
  const parts = set.length ? [`${column} IN (${set.map(() => '?').join(',')})`] : [];
  if (values.includes('none')) parts.push(`${column} IS NULL`);
  s.where.push(`(${parts.join(' OR ')})`);
  s.params.push(...set);
}

export function dealScope(ctx: Ctx, q: ReportQuery): DealScope {
  const s: DealScope = { where: ['d.archived_at IS NULL'], params: [] };
  if (q.pipelineId) {
    s.where.push('d.pipeline_id = ?');
    s.params.push(q.pipelineId);
  }
  if (q.managerIds.length) anyOf('d.responsible_id', q.managerIds, s);
  if (q.sources.length) anyOf('d.source', q.sources, s);
  if (q.tagIds.length) {
    s.where.push(`d.client_id IN (SELECT t.client_id FROM client_tags t WHERE t.tag_id IN (${q.tagIds.map(() => '?').join(',')}))`);
    s.params.push(...q.tagIds);
  }
  const visible = visibleDeals(ctx, 'd');
  s.where.push(visible.sql);
  s.params.push(...visible.params);
  return s;
}

/** The deals list's filter for the report's common filters plus a cell's own conditions. */
export function dealDrill(
  q: ReportQuery,
  report: string,
  cell: { status?: 'open' | 'won' | 'lost' | 'all'; pipelineId?: string | null; closed?: Span; created?: Span } & Record<string, unknown>,
): Drill {
  const { status = 'all', pipelineId, closed, created, ...rest } = cell;
  const filter: Record<string, unknown> = { fromReport: report };
  if (q.managerIds.length) filter.responsibleIds = q.managerIds;
  if (q.sources.length) filter.sources = q.sources;
  if (q.tagIds.length) filter.tagIds = q.tagIds;
  if (closed) Object.assign(filter, { closedFrom: closed.start, closedTo: closed.end });
  if (created) Object.assign(filter, { createdFrom: created.start, createdTo: created.end });
  // A cell's own value of a filter narrows the common one (both hold: it is one of them).
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) filter[k] = v;
  return { list: 'deals', filter: { pipelineId: pipelineId === undefined ? q.pipelineId : pipelineId, status, filter } };
}
