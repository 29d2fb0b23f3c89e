import type { Ctx } from '../context';
import { prepared } from '../db/statements';

export interface ForecastRow {
  pipelineId: string;
  pipelineName: string;
  responsibleId: string | null;
  responsibleName: string | null;
  /** yyyy-mm of the expected close date; null when the deal has none. */
  month: string | null;
  count: number;
  openKopecks: number;
  /** Σ amount × stage probability / 100, rounded half up once per row (exact kopecks). */
  weightedKopecks: number;
}

/** A group as read: SQLite's 64-bit sums as bigints (safeIntegers). */
type ForecastSums = Omit<ForecastRow, 'weightedKopecks' | 'count' | 'openKopecks'> & { count: bigint; openKopecks: bigint; weightedCentiKopecks: bigint };

/**
 * Open deals by pipeline, manager and expected close month. The weighted sum is
 * accumulated as integer kopeck-percents (amount × probability) and divided once, so
 * no rounding error piles up across deals.
 */
export function forecast(ctx: Ctx, q: { pipelineId: string | null; responsibleId: string | null }): ForecastRow[] {
  const where = ["st.kind = 'open'", 'd.archived_at IS NULL'];
  const params: unknown[] = [];
  if (q.pipelineId) {
    where.push('d.pipeline_id = ?');
    params.push(q.pipelineId);
  }
  if (q.responsibleId === 'none') where.push('d.responsible_id IS NULL');
  else if (q.responsibleId) {
    where.push('d.responsible_id = ?');
    params.push(q.responsibleId);
  }
  // 64-bit integers end to end: amount × probability summed over many deals can pass 2^53.
  const rows = prepared<ForecastSums>(
    ctx.ws.sqlite,
    `SELECT d.pipeline_id AS pipelineId, p.name AS pipelineName, d.responsible_id AS responsibleId, u.name AS responsibleName,
        substr(d.expected_close, 1, 7) AS month, count(*) AS count, sum(d.amount_kopecks) AS openKopecks,
        sum(d.amount_kopecks * st.probability) AS weightedCentiKopecks
       FROM deals d JOIN stages st ON st.id = d.stage_id JOIN pipelines p ON p.id = d.pipeline_id LEFT JOIN users u ON u.id = d.responsible_id
      WHERE ${where.join(' AND ')}
      GROUP BY d.pipeline_id, d.responsible_id, month
      ORDER BY p.position, p.name, month IS NULL, month, u.name`,
  )
    .safeIntegers(true)
    .all(...params);
  return rows.map(({ weightedCentiKopecks, count, openKopecks, ...r }) => ({
    ...r,
    count: Number(count),
    openKopecks: Number(openKopecks),
    weightedKopecks: Number((weightedCentiKopecks + 50n) / 100n),
  }));
}
