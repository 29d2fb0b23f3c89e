// The reports as they were before issue 12's performance work (git 2775d81): one
// straightforward query per figure, probing per row. Tests compare the optimised
// reports with these on seeded workspaces; nothing in the app uses them.
import { z } from 'zod';
import { prepared } from '../../../src-main/core/db/statements';
import { saveSelection } from '../../../src-main/core/clients/selections';
import { monthBuckets, spanOf } from '../../../src-main/core/reports/period';
import { dealScope } from '../../../src-main/core/reports/scope';
import { percent, toNumber } from '../../../src-main/core/reports/numbers';
import type { Cell, Drill, Report, ReportResult } from '../../../src-main/core/reports/types';

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

export const abcReference = {
  key: 'abc',
  dimensions: ['class', 'client'],
  options,
  run(ctx, q): ReportResult {
    const { xyz } = options.parse(q.options);
    const period = { from: q.from, to: q.to };
    const span = spanOf(period, q.timeZone);
    const scope = dealScope(ctx, q);
    const buckets = monthBuckets(period, q.timeZone);
    const sums = prepared(
      ctx.ws.sqlite,
      `SELECT d.client_id AS clientId, c.name AS client, c.name_key AS nameKey, json_extract(b.value, '$.key') AS month, sum(d.amount_kopecks) AS amount
         FROM deals d JOIN clients c ON c.id = d.client_id
         JOIN json_each(?) b ON d.closed_at >= json_extract(b.value, '$.start') AND d.closed_at < json_extract(b.value, '$.end')
        WHERE d.stage_id IN (SELECT ws.id FROM stages ws WHERE ws.kind = 'won') AND d.currency = 'RUB'
          AND d.closed_at >= ? AND d.closed_at < ? AND ${scope.where.join(' AND ')}
        GROUP BY d.client_id, month`,
    )
      .safeIntegers(true)
      .all(JSON.stringify(buckets), span.start, span.end, ...scope.params) as { clientId: string; client: string; nameKey: string; month: string; amount: bigint }[];
    const clients = new Map<string, { client: string; nameKey: string; total: number; monthly: Map<string, number> }>();
    for (const s of sums) {
      const c = clients.get(s.clientId) ?? { client: s.client, nameKey: s.nameKey, total: 0, monthly: new Map() };
      c.total += toNumber(s.amount);
      c.monthly.set(s.month, toNumber(s.amount));
      clients.set(s.clientId, c);
    }
    // Equal sums in the client list's name order (name_key), then by id — the rule since
    // the ranking moved into the report's SQL (it was the default collator's order of names).
    const ranked = [...clients].sort((a, b) => b[1].total - a[1].total || (a[1].nameKey < b[1].nameKey ? -1 : a[1].nameKey > b[1].nameKey ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const total = ranked.reduce((n, [, c]) => n + c.total, 0);
    let cumulative = 0;
    const classified = ranked.map(([clientId, c]) => {
      const cls = abcClass(cumulative, total);
      cumulative += c.total;
      return { clientId, client: c.client, amount: c.total, cls, xyz: xyz ? xyzClass(buckets.map((b) => c.monthly.get(b.key) ?? 0)) : null };
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
} satisfies Omit<Report, 'queries'>;
