import { z } from 'zod';
import { spanOf } from './period';
import { dealDrill, dealScope } from './scope';
import { percent, toNumber } from './numbers';
import { sourceCosts } from './source-costs';
import type { Ctx } from '../context';
import type { Cell, Drill, Report, ReportQuery, ReportResult } from './types';
import { rowsOf, type ReportSql } from './sql';

// Lead sources: the deals created in the period, by source — how many, how many of
// them were won (at any time), the conversion, the won sum and the average cycle from
// creation to the win; with the source's cost for the period (Settings → sources),
// the cost per deal, per won deal and the return on it.

/** The deals created in the period by source and currency. */
export function sourcesSql(ctx: Ctx, q: ReportQuery): ReportSql {
  const span = spanOf({ from: q.from, to: q.to }, q.timeZone);
  const scope = dealScope(ctx, q);
  return {
    sql: `SELECT d.source AS source, d.currency AS currency, count(*) AS deals,
              sum(st.kind = 'won') AS won,
              sum(CASE WHEN st.kind = 'won' THEN d.amount_kopecks ELSE 0 END) AS wonAmount,
              avg(CASE WHEN st.kind = 'won' THEN julianday(d.closed_at) - julianday(d.created_at) END) AS cycle
         FROM deals d INDEXED BY deals_created_report_idx JOIN stages st ON st.id = d.stage_id
        WHERE d.created_at >= ? AND d.created_at < ? AND ${scope.where.join(' AND ')}
        GROUP BY d.source, d.currency
        ORDER BY d.currency != 'RUB', d.currency, deals DESC, d.source`,
    params: [span.start, span.end, ...scope.params],
    bigints: true,
  };
}

export const sourcesReport: Report = {
  key: 'sources',
  options: z.object({}),
  queries: (ctx, q) => [sourcesSql(ctx, q)],
  run(ctx, q): ReportResult {
    const period = { from: q.from, to: q.to };
    const span = spanOf(period, q.timeZone);
    const groups = rowsOf< { source: string | null; currency: string; deals: bigint; won: bigint; wonAmount: bigint; cycle: number | null }>(ctx, sourcesSql(ctx, q));
    const costs = sourceCosts(ctx, period);

    const rows: Record<string, Cell>[] = [];
    const drills: Record<string, Drill>[] = [];
    for (const g of groups) {
      const deals = toNumber(g.deals);
      const won = toNumber(g.won);
      const wonAmount = toNumber(g.wonAmount);
      // Costs are in roubles: they apply to the source's rouble deals.
      const cost = g.currency === 'RUB' && g.source !== null ? (costs.get(g.source) ?? null) : null;
      rows.push({
        source: g.source,
        currency: g.currency,
        deals,
        won,
        conversionPercent: percent(won, deals),
        wonAmountKopecks: wonAmount,
        avgCycleDays: g.cycle === null ? null : Math.round(Number(g.cycle) * 10) / 10,
        costKopecks: cost,
        costPerDealKopecks: cost !== null && deals > 0 ? Math.round(cost / deals) : null,
        costPerWonKopecks: cost !== null && won > 0 ? Math.round(cost / won) : null,
        roiPercent: cost ? percent(wonAmount - cost, cost) : null,
      });
      const base = { created: span, currency: g.currency, sources: [g.source ?? 'none'] };
      drills.push({
        deals: dealDrill(q, 'sources', { status: 'all', ...base }),
        won: dealDrill(q, 'sources', { status: 'won', ...base }),
        wonAmountKopecks: dealDrill(q, 'sources', { status: 'won', ...base }),
      });
    }
    const currencies = [...new Set(rows.map((r) => String(r.currency)))];
    const totals = currencies.map((currency) => {
      const of = rows.filter((r) => r.currency === currency);
      const deals = of.reduce((n, r) => n + Number(r.deals), 0);
      const won = of.reduce((n, r) => n + Number(r.won), 0);
      const cost = of.reduce((n, r) => n + Number(r.costKopecks ?? 0), 0);
      const wonAmount = of.reduce((n, r) => n + Number(r.wonAmountKopecks), 0);
      return {
        currency,
        deals,
        won,
        conversionPercent: percent(won, deals),
        wonAmountKopecks: wonAmount,
        costKopecks: cost || null,
        roiPercent: cost ? percent(wonAmount - cost, cost) : null,
      } as Record<string, Cell>;
    });
    const rub = rows.filter((r) => r.currency === 'RUB');
    return {
      report: 'sources',
      period,
      previous: null,
      columns: [
        { key: 'source', type: 'text', label: 'reports.dim.source' },
        { key: 'deals', type: 'count', label: 'reports.col.dealsCreated' },
        { key: 'won', type: 'count', label: 'reports.col.wonOfThem' },
        { key: 'conversionPercent', type: 'percent', label: 'reports.col.conversion' },
        { key: 'wonAmountKopecks', type: 'money', label: 'reports.col.wonAmount' },
        { key: 'avgCycleDays', type: 'days', label: 'reports.col.avgCycle' },
        { key: 'costKopecks', type: 'money', label: 'reports.col.cost' },
        { key: 'costPerDealKopecks', type: 'money', label: 'reports.col.costPerDeal' },
        { key: 'costPerWonKopecks', type: 'money', label: 'reports.col.costPerWon' },
        { key: 'roiPercent', type: 'percent', label: 'reports.col.roi' },
      ],
      rows,
      totals,
      drills,
      totalDrills: totals.map((t) => ({
        deals: dealDrill(q, 'sources', { status: 'all', created: span, currency: t.currency as string }),
        won: dealDrill(q, 'sources', { status: 'won', created: span, currency: t.currency as string }),
      })),
      chart: {
        kind: 'bar',
        labels: rub.map((r) => String(r.source ?? '')),
        series: [
          { label: 'deals', data: rub.map((r) => Number(r.deals)) },
          { label: 'won', data: rub.map((r) => Number(r.won)) },
        ],
      },
      notes: [],
    };
  },
};
