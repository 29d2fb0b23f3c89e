import { z } from 'zod';
import type { Ctx } from '../context';
import { saveSelection } from '../clients/selections';
import { monthBuckets, spanOf } from './period';
import { dealScope } from './scope';
import { percent, toNumber } from './numbers';
import type { Cell, Drill, Report, ReportQuery, ReportResult } from './types';
import { dimensionSql, monthParams } from './dimensions';
import { rowsOf, type ReportSql } from './sql';

// ABC of clients by what they bought in the period (won deals, roubles): ranked by won
// sum, A = the clients making the first 80 % of revenue, B = the next 15 %, C = the rest
// (a client belongs to the class where its revenue starts). With `xyz`, each client also
// gets X/Y/Z by the regularity of its monthly sums (coefficient of variation ≤ 10 %,
// ≤ 25 %, above). Grouped by class, or one row per client.

const options = z.object({ xyz: z.coerce.boolean().default(false) });
const CLASSES = ['A', 'B', 'C'] as const;

export function abcClass(cumulativeBefore: number, total: number): 'A' | 'B' | 'C' {
  const share = total > 0 ? cumulativeBefore / total : 1;
  return share < 0.8 ? 'A' : share < 0.95 ? 'B' : 'C';
}

export function xyzClass(monthly: number[]): 'X' | 'Y' | 'Z' | null {
  if (monthly.length < 2) return null;
  const mean = monthly.reduce((a, b) => a + b, 0) / monthly.length;
  if (mean === 0) return null;
  const sd = Math.sqrt(monthly.reduce((s, x) => s + (x - mean) ** 2, 0) / monthly.length);
  const cv = sd / mean;
  return cv <= 0.1 ? 'X' : cv <= 0.25 ? 'Y' : 'Z';
}

/**
 * Each client's won roubles in the period by month, a client's months together, clients
 * ranked by their sum (largest first; equal sums in the client list's name order). The
 * ranking is the statement's: in JS it was a sort of 20,000 clients with a collator call
 * per tie (sums repeat a lot).
 */
export function abcSql(ctx: Ctx, q: ReportQuery): ReportSql {
  const period = { from: q.from, to: q.to };
  const span = spanOf(period, q.timeZone);
  const scope = dealScope(ctx, q);
  const buckets = monthBuckets(period, q.timeZone);
  return {
    sql: `SELECT s.clientId AS clientId, c.name AS client, s.month AS month, s.amount AS amount, sum(s.amount) OVER (PARTITION BY s.clientId) AS total
       FROM (SELECT d.client_id AS clientId, ${dimensionSql('month', 'd.closed_at', buckets).key} AS month, sum(d.amount_kopecks) AS amount
               FROM deals d
              WHERE d.stage_id IN (SELECT ws.id FROM stages ws WHERE ws.kind = 'won') AND d.currency = 'RUB'
                AND d.closed_at >= @start AND d.closed_at < @end AND ${scope.where.join(' AND ')}
              GROUP BY d.client_id, month) s
       JOIN clients c ON c.id = s.clientId
      ORDER BY total DESC, c.name_key, c.id`,
    params: [...scope.params, { start: span.start, end: span.end, ...monthParams(buckets) }],
    bigints: true,
  };
}

export const abcReport: Report = {
  key: 'abc',
  dimensions: ['class', 'client'],
  options,
  queries: (ctx, q) => [abcSql(ctx, q)],
  run(ctx, q): ReportResult {
    const { xyz } = options.parse(q.options);
    const period = { from: q.from, to: q.to };
    const buckets = monthBuckets(period, q.timeZone);
    const sums = rowsOf<{ clientId: string; client: string; month: string; amount: bigint; total: bigint }>(ctx, abcSql(ctx, q));
    // A client's months come together, clients already ranked: one pass groups them.
    const ranked: { clientId: string; client: string; total: number; monthly: Map<string, number> | null }[] = [];
    for (const s of sums) {
      let c = ranked[ranked.length - 1];
      if (c?.clientId !== s.clientId) ranked.push((c = { clientId: s.clientId, client: s.client, total: toNumber(s.total), monthly: xyz ? new Map() : null }));
      c.monthly?.set(s.month, toNumber(s.amount));
    }
    const total = ranked.reduce((n, c) => n + c.total, 0);
    let cumulative = 0;
    const classified = ranked.map((c) => {
      const cls = abcClass(cumulative, total);
      cumulative += c.total;
      return { clientId: c.clientId, client: c.client, amount: c.total, cls, xyz: c.monthly ? xyzClass(buckets.map((b) => c.monthly?.get(b.key) ?? 0)) : null };
    });

    const byClient = q.by[0] === 'client';
    const rows: Record<string, Cell>[] = [];
    const drills: Record<string, Drill>[] = [];
    if (byClient) {
      for (const c of classified) {
        rows.push({ client: c.client, clientId: c.clientId, abcClass: c.cls, xyzClass: c.xyz, amountKopecks: c.amount, sharePercent: percent(c.amount, total) });
        drills.push({});
      }
    } else {
      for (const cls of CLASSES) {
        const of = classified.filter((c) => c.cls === cls);
        const amount = of.reduce((n, c) => n + c.amount, 0);
        rows.push({
          abcClass: cls,
          clients: of.length,
          clientsPercent: percent(of.length, classified.length),
          amountKopecks: amount,
          sharePercent: percent(amount, total),
          ...(xyz ? Object.fromEntries((['X', 'Y', 'Z'] as const).map((x) => [`xyz${x}`, of.filter((c) => c.xyz === x).length])) : {}),
        });
        drills.push({ clients: { list: 'clients', filter: { selection: saveSelection(of.map((c) => c.clientId)), fromReport: `abc:${cls}` } } });
      }
    }
    return {
      report: 'abc',
      period,
      previous: null,
      columns: byClient
        ? [
            { key: 'client', type: 'text', label: 'reports.col.client' },
            { key: 'abcClass', type: 'text', label: 'reports.col.abcClass' },
            ...(xyz ? [{ key: 'xyzClass', type: 'text' as const, label: 'reports.col.xyzClass' }] : []),
            { key: 'amountKopecks', type: 'money', label: 'reports.col.wonAmount' },
            { key: 'sharePercent', type: 'percent', label: 'reports.col.share' },
          ]
        : [
            { key: 'abcClass', type: 'text', label: 'reports.col.abcClass' },
            { key: 'clients', type: 'count', label: 'reports.col.clients' },
            { key: 'clientsPercent', type: 'percent', label: 'reports.col.clientsShare' },
            { key: 'amountKopecks', type: 'money', label: 'reports.col.wonAmount' },
            { key: 'sharePercent', type: 'percent', label: 'reports.col.share' },
            ...(xyz ? (['X', 'Y', 'Z'] as const).map((x) => ({ key: `xyz${x}`, type: 'count' as const, label: `reports.col.xyz${x}` })) : []),
          ],
      rows,
      totals: [{ abcClass: null, clients: classified.length, amountKopecks: total, sharePercent: total ? 100 : null } as Record<string, Cell>],
      drills,
      totalDrills: [],
      chart: { kind: 'doughnut', labels: [...CLASSES], series: [{ label: 'amount', money: true, data: CLASSES.map((cls) => classified.filter((c) => c.cls === cls).reduce((n, c) => n + c.amount, 0)) }] },
      notes: [{ key: 'reports.notes.abcRule' }, ...(xyz ? [{ key: 'reports.notes.xyzRule' }] : [])],
    };
  },
};
