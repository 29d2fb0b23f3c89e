import { z } from 'zod';
import { AppError } from '../errors';
import { LOST_FROM_SQL } from '../deals/filter';
import { spanOf } from './period';
import { dealDrill, dealScope } from './scope';
import { percent, toNumber } from './numbers';
import type { Ctx } from '../context';
import type { Cell, Drill, Report, ReportQuery, ReportResult } from './types';
import { rowsOf, type ReportSql } from './sql';

// Lost deals: the deals lost in the period (by the date they were lost), by lost
// reason, by the stage they were lost at, or by manager; count, sum, share of all
// lost deals, and the comments the managers wrote.

const LOST = "d.stage_id IN (SELECT ls.id FROM stages ls WHERE ls.kind = 'lost')";
const BY = ['reason', 'stage', 'manager'] as const;
type By = (typeof BY)[number];

const GROUPS: Record<By, { key: string; label: string; join: string; drill(k: string | null): Record<string, unknown> }> = {
  reason: { key: 'd.lost_reason_id', label: 'lr.name', join: 'LEFT JOIN lost_reasons lr ON lr.id = d.lost_reason_id', drill: (k) => ({ lostReasonId: k ?? 'none' }) },
  stage: { key: LOST_FROM_SQL, label: `(SELECT s.name FROM stages s WHERE s.id = ${LOST_FROM_SQL})`, join: '', drill: (k) => ({ lostAtStageId: k }) },
  manager: { key: 'd.responsible_id', label: 'u.name', join: 'LEFT JOIN users u ON u.id = d.responsible_id', drill: (k) => ({ responsibleIds: [k ?? 'none'] }) },
};

const COMMENTS_SHOWN = 5;

function byOf(q: ReportQuery): By {
  const by = (q.by[0] ?? 'reason') as By;
  if (!BY.includes(by)) throw new AppError('report.dimension', `Unknown dimension: ${by}`, { dimension: by });
  return by;
}

/** The lost deals of the period by the group, and each group's latest comments. */
export function lostReasonsSql(ctx: Ctx, q: ReportQuery): { groups: ReportSql; comments: ReportSql } {
  const g = GROUPS[byOf(q)];
  const span = spanOf({ from: q.from, to: q.to }, q.timeZone);
  const scope = dealScope(ctx, q);
  const where = `${LOST} AND d.closed_at >= ? AND d.closed_at < ? AND ${scope.where.join(' AND ')}`;
  const params = [span.start, span.end, ...scope.params];
  return {
    groups: {
      sql: `SELECT ${g.key} AS k, ${g.label} AS label, d.currency AS currency, count(*) AS count, sum(d.amount_kopecks) AS amount
         FROM deals d ${g.join} WHERE ${where} GROUP BY k, d.currency ORDER BY d.currency != 'RUB', d.currency, count DESC, amount DESC`,
      params,
      bigints: true,
    },
    // The latest comments of each group, newest first.
    comments: {
      sql: `SELECT k, text FROM (SELECT ${g.key} AS k, d.lost_comment AS text, row_number() OVER (PARTITION BY ${g.key} ORDER BY d.closed_at DESC, d.id) AS n
         FROM deals d WHERE ${where} AND coalesce(trim(d.lost_comment), '') != '') WHERE n <= ${COMMENTS_SHOWN}`,
      params,
    },
  };
}

export const lostReasonsReport: Report = {
  key: 'lost-reasons',
  dimensions: BY,
  options: z.object({}),
  queries: (ctx, q) => Object.values(lostReasonsSql(ctx, q)),
  run(ctx, q): ReportResult {
    const by = byOf(q);
    const g = GROUPS[by];
    const period = { from: q.from, to: q.to };
    const span = spanOf(period, q.timeZone);
    const sql = lostReasonsSql(ctx, q);
    const groups = rowsOf<{ k: string | null; label: string | null; currency: string; count: bigint; amount: bigint }>(ctx, sql.groups);
    const comments = rowsOf<{ k: string | null; text: string }>(ctx, sql.comments);
    const totals = new Map<string, number>();
    for (const r of groups) totals.set(r.currency, (totals.get(r.currency) ?? 0) + toNumber(r.count));

    const rows: Record<string, Cell>[] = [];
    const drills: Record<string, Drill>[] = [];
    for (const r of groups) {
      const count = toNumber(r.count);
      rows.push({
        [by]: r.label,
        [`${by}Id`]: r.k,
        currency: r.currency,
        count,
        amountKopecks: toNumber(r.amount),
        sharePercent: percent(count, totals.get(r.currency) ?? 0),
        comments: comments
          .filter((c) => c.k === r.k)
          .map((c) => c.text.trim())
          .join(' · '),
      });
      const drill = dealDrill(q, 'lost-reasons', { status: 'lost', closed: span, currency: r.currency, ...g.drill(r.k) });
      drills.push({ count: drill, amountKopecks: drill });
    }
    const totalRows = [...totals].map(([currency, count]) => ({
      currency,
      count,
      amountKopecks: rows.filter((r) => r.currency === currency).reduce((n, r) => n + Number(r.amountKopecks), 0),
      sharePercent: 100,
    }));
    const rub = rows.filter((r) => r.currency === 'RUB');
    return {
      report: 'lost-reasons',
      period,
      previous: null,
      columns: [
        { key: by, type: 'text', label: `reports.dim.${by}` },
        { key: 'count', type: 'count', label: 'reports.col.lostCount' },
        { key: 'amountKopecks', type: 'money', label: 'reports.col.lostAmount' },
        { key: 'sharePercent', type: 'percent', label: 'reports.col.share' },
        { key: 'comments', type: 'text', label: 'reports.col.comments' },
      ],
      rows,
      totals: totalRows,
      drills,
      totalDrills: totalRows.map((t) => {
        const d = dealDrill(q, 'lost-reasons', { status: 'lost', closed: span, currency: t.currency });
        return { count: d, amountKopecks: d };
      }),
      chart: { kind: 'doughnut', labels: rub.map((r) => String(r[by] ?? '')), series: [{ label: 'count', data: rub.map((r) => Number(r.count)) }] },
      notes: [],
    };
  },
};
