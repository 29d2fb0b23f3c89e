// The reports as they were before issue 12's performance work (git 2775d81): one
// straightforward query per figure, probing per row. Tests compare the optimised
// reports with these on seeded workspaces; nothing in the app uses them.
import { z } from 'zod';
import type { Ctx } from '../../../src-main/core/context';
import { AppError } from '../../../src-main/core/errors';
import { prepared } from '../../../src-main/core/db/statements';
import { DEAL_DIMENSIONS, bucketOf, dimensionSql, type DealDimension } from './dimensions';
import { monthBuckets, previousPeriod, spanOf, type Period } from '../../../src-main/core/reports/period';
import { dealDrill, dealScope } from '../../../src-main/core/reports/scope';
import { avg, delta, toNumber } from '../../../src-main/core/reports/numbers';
import type { Cell, Drill, Report, ReportQuery, ReportResult } from '../../../src-main/core/reports/types';

// Sales: deals won in the period, by the date they were won (closed_at of a won deal),
// grouped by one or two of manager, month, pipeline, source, client tag, region.
// Sums stay per currency. A deal of a client with two tags counts under each tag;
// the totals count it once.

const WON = "d.stage_id IN (SELECT ws.id FROM stages ws WHERE ws.kind = 'won')";

interface Grouped {
  k0: string | null;
  l0: string | null;
  k1: string | null;
  l1: string | null;
  currency: string;
  count: bigint;
  amount: bigint;
}

function dims(q: ReportQuery): DealDimension[] {
  const by = q.by.length ? q.by : ['manager'];
  for (const d of by) if (!(DEAL_DIMENSIONS as readonly string[]).includes(d)) throw new AppError('report.dimension', `Unknown dimension: ${d}`, { dimension: d });
  if (new Set(by).size !== by.length) throw new AppError('report.dimension', `A dimension twice: ${by.join(',')}`, { dimension: by.join(',') });
  return by as DealDimension[];
}

function grouped(ctx: Ctx, q: ReportQuery, by: DealDimension[], period: Period): Grouped[] {
  const scope = dealScope(ctx, q);
  const span = spanOf(period, q.timeZone);
  const sql = by.map((d) => dimensionSql(d, 'd.closed_at'));
  const select = [0, 1].map((i) => (sql[i] ? `${sql[i]!.key} AS k${i}, ${sql[i]!.label} AS l${i}` : `NULL AS k${i}, NULL AS l${i}`)).join(', ');
  const joins = [...new Set(sql.map((s) => s.join).filter(Boolean))].join(' ');
  const text = `SELECT ${select}, d.currency AS currency, count(DISTINCT d.id) AS count, sum(d.amount_kopecks) AS amount
      FROM deals d ${joins}
     WHERE ${WON} AND d.closed_at >= @start AND d.closed_at < @end AND ${scope.where.join(' AND ')}
     GROUP BY k0, k1, d.currency`;
  const named = { start: span.start, end: span.end, buckets: JSON.stringify(monthBuckets(period, q.timeZone)) };
  // Only the named parameters the text uses may be bound.
  const bind = Object.fromEntries(Object.entries(named).filter(([k]) => text.includes(`@${k}`)));
  return prepared(ctx.ws.sqlite, text).safeIntegers(true).all(...scope.params, bind) as Grouped[];
}

function totalsOf(ctx: Ctx, q: ReportQuery, period: Period) {
  const scope = dealScope(ctx, q);
  const span = spanOf(period, q.timeZone);
  return prepared(
    ctx.ws.sqlite,
    `SELECT d.currency AS currency, count(*) AS count, sum(d.amount_kopecks) AS amount FROM deals d
      WHERE ${WON} AND d.closed_at >= ? AND d.closed_at < ? AND ${scope.where.join(' AND ')} GROUP BY d.currency ORDER BY d.currency != 'RUB', d.currency`,
  )
    .safeIntegers(true)
    .all(span.start, span.end, ...scope.params) as { currency: string; count: bigint; amount: bigint }[];
}

export const salesReference = {
  key: 'sales',
  dimensions: DEAL_DIMENSIONS,
  options: z.object({}),
  run(ctx, q): ReportResult {
    const by = dims(q);
    const period = { from: q.from, to: q.to };
    const previous = q.compare ? previousPeriod(period) : null;
    const buckets = monthBuckets(period, q.timeZone);
    const prevBuckets = previous ? monthBuckets(previous, q.timeZone) : [];
    // With months, the previous period's month i is compared with this period's month i.
    const matchKey = (r: Grouped, months: { key: string }[]) =>
      [r.k0, r.k1].map((k, i) => (by[i] === 'month' ? String(months.findIndex((m) => m.key === k)) : (k ?? ''))).join('\u0001') + `\u0001${r.currency}`;
    const before = new Map((previous ? grouped(ctx, q, by, previous) : []).map((r) => [matchKey(r, prevBuckets), r]));

    const lines: { row: Record<string, Cell>; drill: Record<string, Drill> }[] = [];
    for (const r of grouped(ctx, q, by, period)) {
      const row: Record<string, Cell> = {};
      const cell: Record<string, unknown> = { status: 'won', closed: spanOf(period, q.timeZone), currency: r.currency };
      by.forEach((d, i) => {
        const key = i === 0 ? r.k0 : r.k1;
        const label = i === 0 ? r.l0 : r.l1;
        row[d] = label;
        if (d !== 'month') row[`${d}Id`] = key;
        Object.assign(cell, dimensionSql(d, 'd.closed_at').drill(key));
        if (d === 'month') cell.closed = bucketOf(buckets, key);
      });
      const count = toNumber(r.count);
      const amount = toNumber(r.amount);
      Object.assign(row, { currency: r.currency, count, amountKopecks: amount, avgKopecks: avg(amount, count) });
      if (previous) {
        const p = before.get(matchKey(r, buckets));
        const prevAmount = p ? toNumber(p.amount) : 0;
        Object.assign(row, { prevCount: p ? toNumber(p.count) : 0, prevAmountKopecks: prevAmount, deltaPercent: delta(amount, prevAmount) });
      }
      const drill = dealDrill(q, 'sales', cell as never);
      lines.push({ row, drill: { count: drill, amountKopecks: drill } });
    }
    // Biggest first within a currency; months in calendar order when they lead.
    lines.sort(
      ({ row: a }, { row: b }) =>
        String(a.currency).localeCompare(String(b.currency)) ||
        (by[0] === 'month' ? String(a.month).localeCompare(String(b.month)) : 0) ||
        Number(b.amountKopecks) - Number(a.amountKopecks) ||
        String(a[by[0]!] ?? '').localeCompare(String(b[by[0]!] ?? '')),
    );
    const rows = lines.map((l) => l.row);
    const drills = lines.map((l) => l.drill);

    const totals = totalsOf(ctx, q, period).map((t) => {
      const count = toNumber(t.count);
      const amount = toNumber(t.amount);
      return { currency: t.currency, count, amountKopecks: amount, avgKopecks: avg(amount, count) } as Record<string, Cell>;
    });
    const columns = [
      ...by.map((d) => ({ key: d, type: d === 'month' ? ('month' as const) : ('text' as const), label: `reports.dim.${d}` })),
      { key: 'count', type: 'count' as const, label: 'reports.col.wonCount' },
      { key: 'amountKopecks', type: 'money' as const, label: 'reports.col.wonAmount' },
      { key: 'avgKopecks', type: 'money' as const, label: 'reports.col.avgDeal' },
      ...(previous
        ? [
            { key: 'prevAmountKopecks', type: 'money' as const, label: 'reports.col.prevAmount' },
            { key: 'deltaPercent', type: 'percent' as const, label: 'reports.col.delta' },
          ]
        : []),
    ];
    // The chart: the first dimension along the axis, the second (if any) as stacked series; roubles only.
    const rub = rows.filter((r) => r.currency === 'RUB');
    const labels = [...new Set(rub.map((r) => String(r[by[0]!] ?? '')))];
    const seriesKeys = by[1] ? [...new Set(rub.map((r) => String(r[by[1]!] ?? '')))] : [''];
    const series = seriesKeys.map((s) => ({
      label: s,
      money: true,
      data: labels.map((l) => rub.filter((r) => String(r[by[0]!] ?? '') === l && (!by[1] || String(r[by[1]] ?? '') === s)).reduce((n, r) => n + Number(r.amountKopecks), 0)),
    }));
    if (previous && !by[1]) series.push({ label: 'previous', money: true, data: labels.map((l) => rub.filter((r) => String(r[by[0]!] ?? '') === l).reduce((n, r) => n + Number(r.prevAmountKopecks), 0)) });
    return {
      report: 'sales',
      period,
      previous,
      columns,
      rows,
      totals,
      drills,
      totalDrills: totals.map((t) => {
        const d = dealDrill(q, 'sales', { status: 'won', closed: spanOf(period, q.timeZone), currency: t.currency as string });
        return { count: d, amountKopecks: d };
      }),
      chart: { kind: by[1] ? 'stacked' : 'bar', labels, series },
      notes: by.includes('tag') ? [{ key: 'reports.notes.tagTwice' }] : [],
    };
  },
} satisfies Omit<Report, 'queries'>;
