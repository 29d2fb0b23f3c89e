import { z } from 'zod';
import { prepared } from '../db/statements';
import { localDate } from '../tasks/time';
import { daysIn, monthsBetween, spanOf } from './period';
import { dealDrill, dealScope } from './scope';
import { plansOf } from './plans';
import { percent, toNumber } from './numbers';
import type { Ctx } from '../context';
import type { Cell, Drill, Report, ReportQuery, ReportResult } from './types';
import { rowsOf, type ReportSql } from './sql';

// Plan vs fact: each manager's plan for the period's months (roubles) against what they
// won in it (deals won, by the date they were won); % done, the gap, and for a period
// that is still running a run-rate projection (the fact so far spread over the whole
// period). The agency's line is the sum.

/** What each manager won in the period (roubles). */
export function planFactSql(ctx: Ctx, q: ReportQuery): ReportSql {
  const span = spanOf({ from: q.from, to: q.to }, q.timeZone);
  const scope = dealScope(ctx, q);
  return {
    sql: `SELECT d.responsible_id AS managerId, sum(d.amount_kopecks) AS fact, count(*) AS count FROM deals d
        WHERE d.stage_id IN (SELECT ws.id FROM stages ws WHERE ws.kind = 'won') AND d.currency = 'RUB'
          AND d.closed_at >= ? AND d.closed_at < ? AND ${scope.where.join(' AND ')}
        GROUP BY d.responsible_id`,
    params: [span.start, span.end, ...scope.params],
    bigints: true,
  };
}

export const planFactReport: Report = {
  key: 'plan-fact',
  options: z.object({}),
  queries: (ctx, q) => [planFactSql(ctx, q)],
  run(ctx, q): ReportResult {
    const period = { from: q.from, to: q.to };
    const span = spanOf(period, q.timeZone);
    const facts = rowsOf<{ managerId: string | null; fact: bigint; count: bigint }>(ctx, planFactSql(ctx, q));
    const plans = plansOf(ctx, monthsBetween(period));
    const users = prepared(ctx.ws.sqlite, 'SELECT id, name, active FROM users ORDER BY name').all() as { id: string; name: string; active: number }[];
    const wanted = (id: string | null) => !q.managerIds.length || q.managerIds.includes(id ?? 'none');
    const ids = new Set<string | null>([...users.filter((u) => u.active).map((u) => u.id), ...plans.map((p) => p.managerId), ...facts.map((f) => f.managerId)]);
    const today = localDate(ctx.now(), q.timeZone);
    const running = today >= period.from && today <= period.to;
    const elapsed = running ? daysIn({ from: period.from, to: today }) : 0;

    const rows: Record<string, Cell>[] = [];
    const drills: Record<string, Drill>[] = [];
    for (const id of [...ids].filter(wanted)) {
      const plan = plans.filter((p) => p.managerId === id).reduce((n, p) => n + p.amountKopecks, 0);
      const f = facts.find((x) => x.managerId === id);
      const fact = toNumber(f?.fact);
      rows.push({
        manager: id ? (users.find((u) => u.id === id)?.name ?? null) : null,
        managerId: id,
        planKopecks: plan,
        factKopecks: fact,
        donePercent: percent(fact, plan),
        gapKopecks: plan - fact,
        projectionKopecks: running ? Math.round((fact * daysIn(period)) / elapsed) : null,
      });
      drills.push({ factKopecks: dealDrill(q, 'plan-fact', { status: 'won', closed: span, currency: 'RUB', responsibleIds: [id ?? 'none'] }) });
    }
    const order = rows.map((r, i) => ({ r, d: drills[i]! })).sort((a, b) => String(a.r.manager ?? '').localeCompare(String(b.r.manager ?? '')));
    const sum = (k: string) => rows.reduce((n, r) => n + Number(r[k] ?? 0), 0);
    const plan = sum('planKopecks');
    const fact = sum('factKopecks');
    const totals = [
      {
        manager: null,
        planKopecks: plan,
        factKopecks: fact,
        donePercent: percent(fact, plan),
        gapKopecks: plan - fact,
        projectionKopecks: running ? Math.round((fact * daysIn(period)) / elapsed) : null,
      } as Record<string, Cell>,
    ];
    return {
      report: 'plan-fact',
      period,
      previous: null,
      columns: [
        { key: 'manager', type: 'text', label: 'reports.dim.manager' },
        { key: 'planKopecks', type: 'money', label: 'reports.col.plan' },
        { key: 'factKopecks', type: 'money', label: 'reports.col.fact' },
        { key: 'donePercent', type: 'percent', label: 'reports.col.done' },
        { key: 'gapKopecks', type: 'money', label: 'reports.col.gap' },
        { key: 'projectionKopecks', type: 'money', label: 'reports.col.projection' },
      ],
      rows: order.map((o) => o.r),
      totals,
      drills: order.map((o) => o.d),
      totalDrills: [{ factKopecks: dealDrill(q, 'plan-fact', { status: 'won', closed: span, currency: 'RUB' }) }],
      chart: {
        kind: 'bar',
        labels: order.map((o) => String(o.r.manager ?? '')),
        series: [
          { label: 'plan', money: true, data: order.map((o) => Number(o.r.planKopecks)) },
          { label: 'fact', money: true, data: order.map((o) => Number(o.r.factKopecks)) },
        ],
      },
      notes: [{ key: 'reports.notes.planRoubles' }],
    };
  },
};
