import { z } from 'zod';
import { prepared } from '../db/statements';
import { monthPeriod, monthsBetween } from './period';
import { dealDrill, dealScope } from './scope';
import { plansOf } from './plans';
import { toNumber } from './numbers';
import type { Ctx } from '../context';
import type { Cell, Drill, Report, ReportQuery, ReportResult } from './types';
import { rowsOf, type ReportSql } from './sql';

// Forecast: open deals expected to close in the period's months, by month and manager —
// their sum and the probability-weighted sum (amount × stage probability, accumulated
// as integer kopeck-percents and divided once) — beside the plan of those months.

/** Open deals expected to close in the period's months, by month, manager and currency. */
export function forecastSql(ctx: Ctx, q: ReportQuery): ReportSql {
  const months = monthsBetween({ from: q.from, to: q.to });
  const scope = dealScope(ctx, q);
  return {
    sql: `SELECT substr(d.expected_close, 1, 7) AS month, d.responsible_id AS managerId, u.name AS manager, d.currency AS currency,
              count(*) AS count, sum(d.amount_kopecks) AS openAmount, sum(d.amount_kopecks * st.probability) AS weightedCenti
         FROM deals d JOIN stages st ON st.id = d.stage_id AND st.kind = 'open' LEFT JOIN users u ON u.id = d.responsible_id
        WHERE d.expected_close >= ? AND d.expected_close <= ? AND ${scope.where.join(' AND ')}
        GROUP BY month, d.responsible_id, d.currency
        ORDER BY d.currency != 'RUB', d.currency, month, u.name`,
    params: [monthPeriod(months[0]!).from, monthPeriod(months[months.length - 1]!).to, ...scope.params],
    bigints: true,
  };
}

export const forecastReport: Report = {
  key: 'forecast',
  options: z.object({}),
  queries: (ctx, q) => [forecastSql(ctx, q)],
  run(ctx, q): ReportResult {
    const period = { from: q.from, to: q.to };
    const months = monthsBetween(period);
    const groups = rowsOf<{
      month: string;
      managerId: string | null;
      manager: string | null;
      currency: string;
      count: bigint;
      openAmount: bigint;
      weightedCenti: bigint;
    }>(ctx, forecastSql(ctx, q));
    const plans = plansOf(ctx, months).filter((p) => !q.managerIds.length || q.managerIds.includes(p.managerId));
    const planOf = (month: string, managerId: string | null) => plans.filter((p) => p.month === month && p.managerId === managerId).reduce((n, p) => n + p.amountKopecks, 0);
    const names = new Map((prepared(ctx.ws.sqlite, 'SELECT id, name FROM users').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));

    const rows: Record<string, Cell>[] = [];
    const drills: Record<string, Drill>[] = [];
    const seen = new Set<string>();
    for (const g of groups) {
      seen.add(`${g.month}|${g.managerId}|${g.currency}`);
      rows.push({
        month: g.month,
        manager: g.manager,
        managerId: g.managerId,
        currency: g.currency,
        count: toNumber(g.count),
        openKopecks: toNumber(g.openAmount),
        weightedKopecks: Number((g.weightedCenti + 50n) / 100n),
        planKopecks: g.currency === 'RUB' ? planOf(g.month, g.managerId) : null,
      });
      const m = monthPeriod(g.month);
      const drill = dealDrill(q, 'forecast', { status: 'open', currency: g.currency, responsibleIds: [g.managerId ?? 'none'], expectedFrom: m.from, expectedTo: m.to });
      drills.push({ count: drill, openKopecks: drill });
    }
    // A plan with no open deals behind it still shows (the gap is the point).
    for (const p of plans) {
      if (seen.has(`${p.month}|${p.managerId}|RUB`)) continue;
      seen.add(`${p.month}|${p.managerId}|RUB`);
      rows.push({ month: p.month, manager: names.get(p.managerId) ?? null, managerId: p.managerId, currency: 'RUB', count: 0, openKopecks: 0, weightedKopecks: 0, planKopecks: planOf(p.month, p.managerId) });
      drills.push({});
    }
    const order = rows.map((r, i) => ({ r, d: drills[i]! })).sort((a, b) => String(a.r.currency).localeCompare(String(b.r.currency)) || String(a.r.month).localeCompare(String(b.r.month)) || String(a.r.manager ?? '').localeCompare(String(b.r.manager ?? '')));
    const currencies = [...new Set(order.map((o) => String(o.r.currency)))];
    const totals = currencies.map((currency) => {
      const of = order.filter((o) => o.r.currency === currency).map((o) => o.r);
      const sum = (k: string) => of.reduce((n, r) => n + Number(r[k] ?? 0), 0);
      return { currency, count: sum('count'), openKopecks: sum('openKopecks'), weightedKopecks: sum('weightedKopecks'), planKopecks: currency === 'RUB' ? sum('planKopecks') : null } as Record<string, Cell>;
    });
    const rub = order.map((o) => o.r).filter((r) => r.currency === 'RUB');
    const sumBy = (k: string) => months.map((m) => rub.filter((r) => r.month === m).reduce((n, r) => n + Number(r[k] ?? 0), 0));
    return {
      report: 'forecast',
      period,
      previous: null,
      columns: [
        { key: 'month', type: 'month', label: 'reports.dim.month' },
        { key: 'manager', type: 'text', label: 'reports.dim.manager' },
        { key: 'count', type: 'count', label: 'reports.col.openCount' },
        { key: 'openKopecks', type: 'money', label: 'reports.col.openAmount' },
        { key: 'weightedKopecks', type: 'money', label: 'reports.col.weighted' },
        { key: 'planKopecks', type: 'money', label: 'reports.col.plan' },
      ],
      rows: order.map((o) => o.r),
      totals,
      drills: order.map((o) => o.d),
      totalDrills: totals.map((t) => {
        const d = dealDrill(q, 'forecast', { status: 'open', currency: t.currency as string, expectedFrom: monthPeriod(months[0]!).from, expectedTo: monthPeriod(months[months.length - 1]!).to });
        return { count: d, openKopecks: d };
      }),
      chart: {
        kind: 'bar',
        labels: months,
        series: [
          { label: 'weighted', money: true, data: sumBy('weightedKopecks') },
          { label: 'open', money: true, data: sumBy('openKopecks') },
          { label: 'plan', money: true, data: sumBy('planKopecks') },
        ],
      },
      notes: [],
    };
  },
};
