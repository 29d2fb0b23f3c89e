import { z } from 'zod';
import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { visibleClients } from '../access/visibility';
import type { Cell, Drill, Report, ReportQuery, ReportResult } from '../reports/types';
import { agingByClient, BUCKETS, type ClientAging } from './aging';
import { nextSteps } from './collection-steps';

// Receivables by client as of a date (the query's `to`): total debt, not yet due, the
// overdue buckets, the oldest document, the responsible manager, the last contact and
// the next collection step; sorted by debt. Filters: managers (and client tags) from
// the common report filters, `bucket` as an option (only clients with debt in it).

const options = z.object({
  bucket: z.enum(['all', 'overdue', ...BUCKETS]).default('all'),
});

export interface ReceivablesRow {
  clientId: string;
  client: string;
  inn: string | null;
  responsibleId: string | null;
  responsible: string | null;
  debtKopecks: number;
  notDueKopecks: number;
  overdueKopecks: number;
  b0_30: number;
  b31_60: number;
  b61_90: number;
  b90plus: number;
  advanceKopecks: number;
  creditLimitKopecks: number | null;
  oldestDocument: string | null;
  oldestDate: string | null;
  oldestDays: number;
  lastContact: string | null;
  nextStep: string | null;
  nextStepDate: string | null;
}

const MONEY = ['debtKopecks', 'notDueKopecks', 'overdueKopecks', 'b0_30', 'b31_60', 'b61_90', 'b90plus', 'advanceKopecks'] as const;

interface ClientInfo {
  id: string;
  name: string;
  inn: string | null;
  responsibleId: string | null;
  responsible: string | null;
  creditLimit: number | null;
  oldestNumber: string | null;
  lastContact: string | null;
}

/** The rows of the report: every client (the caller may see) with debt or an advance as of `asOf`. */
export function receivablesRows(ctx: Ctx, asOf: string, q: Pick<ReportQuery, 'managerIds' | 'tagIds'>, bucket: z.output<typeof options>['bucket'] = 'all'): ReceivablesRow[] {
  const aging = new Map<string, ClientAging>(agingByClient(ctx, asOf).map((a) => [a.clientId, a]));
  const advances = new Map(
    prepared<{ clientId: string; k: number }>(
      ctx.ws.sqlite,
      `SELECT p.client_id AS clientId,
              p.amount_kopecks - coalesce((SELECT sum(a.kopecks) FROM receivable_allocations a JOIN receivable_documents d ON d.id = a.document_id
                                           WHERE a.payment_id = p.id AND d.date <= @asOf), 0) AS k
         FROM receivable_payments p WHERE p.client_id IS NOT NULL AND p.date <= @asOf`,
    )
      .all({ asOf })
      .reduce((m, r) => (r.k > 0 ? m.set(r.clientId, (m.get(r.clientId) ?? 0) + r.k) : m), new Map<string, number>()),
  );
  const ids = [...new Set([...aging.keys(), ...advances.keys()])];
  const v = visibleClients(ctx, 'c');
  const managers = q.managerIds.filter((m) => m !== 'none');
  const managerSql = q.managerIds.length
    ? `AND (c.responsible_id IN (${managers.map(() => '?').join(',') || 'NULL'})${q.managerIds.includes('none') ? ' OR c.responsible_id IS NULL' : ''})`
    : '';
  const tags = q.tagIds.length ? `AND c.id IN (SELECT t.client_id FROM client_tags t WHERE t.tag_id IN (${q.tagIds.map(() => '?').join(',')}))` : '';
  const info = prepared<ClientInfo>(
    ctx.ws.sqlite,
    `SELECT c.id, c.name, c.inn, c.responsible_id AS responsibleId, u.name AS responsible, t.credit_limit_kopecks AS creditLimit,
            (SELECT max(h.occurred_at) FROM history h WHERE h.client_id = c.id AND h.kind != 'system') AS lastContact
       FROM clients c LEFT JOIN users u ON u.id = c.responsible_id LEFT JOIN client_credit_terms t ON t.client_id = c.id
      WHERE c.id IN (SELECT value FROM json_each(?)) AND ${v.sql} ${managerSql} ${tags}`,
  ).all(JSON.stringify(ids), ...v.params, ...managers, ...q.tagIds);
  const oldestIds = info.map((c) => aging.get(c.id)?.oldestId).filter((x): x is string => !!x);
  const numbers = new Map(
    prepared<{ id: string; number: string }>(ctx.ws.sqlite, `SELECT id, number FROM receivable_documents WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(oldestIds))
      .map((d) => [d.id, d.number]),
  );
  const next = nextSteps(
    ctx,
    info.flatMap((c) => {
      const a = aging.get(c.id);
      return a ? [{ clientId: c.id, documentId: a.oldestId, due: a.oldestDue }] : [];
    }),
  );
  const rows: ReceivablesRow[] = info.map((c) => {
    const a = aging.get(c.id);
    const step = next.get(c.id);
    const overdue = a ? a.b0_30 + a.b31_60 + a.b61_90 + a.b90plus : 0;
    return {
      clientId: c.id,
      client: c.name,
      inn: c.inn,
      responsibleId: c.responsibleId,
      responsible: c.responsible,
      debtKopecks: a?.debtKopecks ?? 0,
      notDueKopecks: a?.notDueKopecks ?? 0,
      overdueKopecks: overdue,
      b0_30: a?.b0_30 ?? 0,
      b31_60: a?.b31_60 ?? 0,
      b61_90: a?.b61_90 ?? 0,
      b90plus: a?.b90plus ?? 0,
      advanceKopecks: advances.get(c.id) ?? 0,
      creditLimitKopecks: c.creditLimit,
      oldestDocument: a ? (numbers.get(a.oldestId) ?? null) : null,
      oldestDate: a?.oldestDate ?? null,
      oldestDays: a ? Math.max(0, a.oldestDays) : 0,
      lastContact: c.lastContact?.slice(0, 10) ?? null,
      nextStep: step ? step.title || step.action : null,
      nextStepDate: step?.date ?? null,
    };
  });
  const kept = rows.filter((r) => (bucket === 'all' ? true : bucket === 'overdue' ? r.overdueKopecks > 0 : r[bucket === 'notDue' ? 'notDueKopecks' : bucket] > 0));
  return kept.sort((a, b) => b.debtKopecks - a.debtKopecks || b.overdueKopecks - a.overdueKopecks || a.client.localeCompare(b.client, 'ru'));
}

export function totalsOf(rows: ReceivablesRow[]): Record<(typeof MONEY)[number], number> {
  const t = Object.fromEntries(MONEY.map((k) => [k, 0])) as Record<(typeof MONEY)[number], number>;
  for (const r of rows) for (const k of MONEY) t[k] += r[k];
  return t;
}

/** What `report receivables --json` prints: these exact names, integer kopecks. */
export function receivablesJson(rows: readonly Record<string, Cell>[], totals: Record<string, Cell>) {
  const money = ['debtKopecks', 'notDueKopecks', 'b0_30', 'b31_60', 'b61_90', 'b90plus'] as const;
  const pick = (r: Record<string, Cell>) => Object.fromEntries(money.map((k) => [k, Number(r[k] ?? 0)]));
  return {
    rows: rows.map((r) => ({ client: String(r.client), inn: (r.inn as string | null) ?? null, ...pick(r) })),
    totals: pick(totals),
  };
}

const drill = (clientId: string, asOf: string, bucket: string | null): Drill => ({ list: 'receivables', filter: { clientId, asOf, bucket } });

export const receivablesReport: Report = {
  key: 'receivables',
  options,
  run(ctx, q): ReportResult {
    const { bucket } = options.parse(q.options);
    const asOf = q.to;
    const rows = receivablesRows(ctx, asOf, q, bucket);
    const totals = totalsOf(rows);
    return {
      report: 'receivables',
      period: { from: asOf, to: asOf },
      previous: null,
      columns: [
        { key: 'client', type: 'text', label: 'reports.col.client' },
        { key: 'inn', type: 'text', label: 'receivables.col.inn' },
        { key: 'responsible', type: 'text', label: 'reports.dim.manager' },
        { key: 'debtKopecks', type: 'money', label: 'receivables.col.debt' },
        { key: 'notDueKopecks', type: 'money', label: 'receivables.col.notDue' },
        { key: 'b0_30', type: 'money', label: 'receivables.col.b0_30' },
        { key: 'b31_60', type: 'money', label: 'receivables.col.b31_60' },
        { key: 'b61_90', type: 'money', label: 'receivables.col.b61_90' },
        { key: 'b90plus', type: 'money', label: 'receivables.col.b90plus' },
        { key: 'advanceKopecks', type: 'money', label: 'receivables.col.advance' },
        { key: 'oldestDocument', type: 'text', label: 'receivables.col.oldestDocument' },
        { key: 'oldestDate', type: 'date', label: 'receivables.col.oldestDate' },
        { key: 'oldestDays', type: 'count', label: 'receivables.col.oldestDays' },
        { key: 'lastContact', type: 'date', label: 'reports.col.lastContact' },
        { key: 'nextStep', type: 'text', label: 'receivables.col.nextStep' },
        { key: 'nextStepDate', type: 'date', label: 'receivables.col.nextStepDate' },
      ],
      rows: rows as unknown as Record<string, Cell>[],
      totals: [{ client: null, count: rows.length, ...totals }],
      drills: rows.map((r) => ({
        debtKopecks: drill(r.clientId, asOf, null),
        ...Object.fromEntries(BUCKETS.map((b) => [b === 'notDue' ? 'notDueKopecks' : b, drill(r.clientId, asOf, b)])),
      })),
      totalDrills: [{}],
      chart: {
        kind: 'stacked',
        labels: rows.slice(0, 15).map((r) => r.client),
        series: BUCKETS.map((b) => ({ label: b, money: true, data: rows.slice(0, 15).map((r) => r[b === 'notDue' ? 'notDueKopecks' : b]) })),
      },
      notes: [{ key: 'receivables.notes.asOf', params: { asOf } }],
    };
  },
};
