import { z } from 'zod';
import { visibleClients } from '../access/visibility';
import type { Ctx } from '../context';
import { AUDIT_PROBLEMS, type AuditProblem } from '../clients/audit-filters';
import { rowsOf, type ReportSql } from './sql';
import { percent } from './numbers';
import type { Cell, Drill, Report, ReportQuery, ReportResult } from './types';

// How complete and clean the base is, now: clients (in use, not archived) without a
// phone, without an e-mail, without either, without a responsible, organisations without
// an ИНН, with an ИНН or ОГРН that fails its checksum, that look like duplicates (the
// same ИНН, phone or e-mail as another card), and with no contact for a year. Each line
// opens the client list with that problem as its filter, to fix in bulk.

const options = z.object({ inactiveDays: z.coerce.number().int().min(30).max(3650).default(365) });

// Every problem counted in one pass over the clients (it was a pass per problem, each
// probing phones, e-mails and history per client): each flag is the client list's audit
// filter (clients/audit-filters) read from the per-client summaries the triggers keep
// (phone_count, email_count, last_contact_at: migration 0016; requisites_bad: 0020), and the duplicates from
// the numbers and e-mail keys two cards share, found from the per-key counts (0019). The flags
// come from one narrow index holding exactly those columns (migration 0017). Tests
// compare every count with the list's own filter.
const FLAGS: Record<AuditProblem, string> = {
  no_phone: 'np',
  no_email: 'ne',
  no_phone_or_email: 'np AND ne',
  no_responsible: 'nr',
  no_inn: 'ni',
  bad_requisites: 'br',
  duplicate: 'dup',
  inactive: 'inactive',
};

/**
 * The clients in use that share a number (e-mail key) with another client in use: only
 * the keys on two rows or more are read (the counts the triggers of migration 0019 keep,
 * through a partial index of them — not a grouping of every phone and e-mail), their rows
 * are checked against the clients' (id, archived_at) index, and a key counts when two
 * different clients in use carry it.
 */
function sharedBy(table: 'phones' | 'emails', key: 'digits' | 'address_key'): string {
  const name = table === 'phones' ? 'dup_phone' : 'dup_email';
  const counts = table === 'phones' ? 'phone_key_counts' : 'email_key_counts';
  return `${name}_rows AS MATERIALIZED (
        SELECT t.${key} AS k, t.client_id AS id FROM ${counts} s INDEXED BY ${counts}_shared_idx
          CROSS JOIN ${table} t INDEXED BY ${table}_${key === 'digits' ? 'digits' : 'key'}_idx ON t.${key} = s.${key}
          JOIN clients o INDEXED BY clients_live_idx ON o.id = t.client_id AND o.archived_at IS NULL
         WHERE s.n > 1),
      ${name} AS (SELECT id FROM ${name}_rows WHERE k IN (SELECT k FROM ${name}_rows GROUP BY k HAVING min(id) != max(id)))`;
}

function sinceOf(ctx: Ctx, q: ReportQuery): { inactiveDays: number; since: string } {
  const { inactiveDays } = options.parse(q.options);
  return { inactiveDays, since: new Date(ctx.now().getTime() - inactiveDays * 86_400_000).toISOString() };
}

export function baseAuditSql(ctx: Ctx, q: ReportQuery): ReportSql {
  const { since } = sinceOf(ctx, q);
  const v = visibleClients(ctx, 'c');
  return {
    sql: `WITH dup_inn AS MATERIALIZED (SELECT o.inn FROM clients o WHERE o.archived_at IS NULL AND o.inn IS NOT NULL GROUP BY o.inn HAVING count(*) > 1),
      ${sharedBy('phones', 'digits')},
      ${sharedBy('emails', 'address_key')},
      dup AS MATERIALIZED (SELECT id FROM dup_phone UNION SELECT id FROM dup_email),
      flags AS MATERIALIZED (
        SELECT c.phone_count = 0 AS np, c.email_count = 0 AS ne, c.responsible_id IS NULL AS nr,
               c.kind = 'organization' AND c.inn IS NULL AS ni,
               c.requisites_bad AS br,
               (c.inn IN (SELECT inn FROM dup_inn) OR c.id IN (SELECT id FROM dup)) AS dup,
               c.created_at < @since AND coalesce(c.last_contact_at < @since, 1) AS inactive
          FROM clients c INDEXED BY clients_audit_idx WHERE c.archived_at IS NULL AND ${v.sql})
      SELECT count(*) AS total, ${AUDIT_PROBLEMS.map((p) => `coalesce(sum(${FLAGS[p]}), 0) AS ${p}`).join(', ')} FROM flags`,
    params: [...v.params, { since }],
  };
}

export const baseAuditReport: Report = {
  key: 'base-audit',
  options,
  queries: (ctx, q) => [baseAuditSql(ctx, q)],
  run(ctx, q): ReportResult {
    const { inactiveDays, since } = sinceOf(ctx, q);
    const counts = rowsOf<Record<AuditProblem | 'total', number>>(ctx, baseAuditSql(ctx, q))[0]!;
    const all = counts.total;
    const rows: Record<string, Cell>[] = [];
    const drills: Record<string, Drill>[] = [];
    for (const problem of AUDIT_PROBLEMS) {
      const n = counts[problem];
      rows.push({ problem, count: n, sharePercent: percent(n, all) });
      drills.push({ count: { list: 'clients', filter: { audit: { problem, since: problem === 'inactive' ? since : null }, fromReport: 'base-audit' } } });
    }
    return {
      report: 'base-audit',
      period: { from: q.from, to: q.to },
      previous: null,
      columns: [
        { key: 'problem', type: 'text', label: 'reports.col.problem' },
        { key: 'count', type: 'count', label: 'reports.col.clients' },
        { key: 'sharePercent', type: 'percent', label: 'reports.col.ofAllClients' },
      ],
      rows,
      totals: [{ problem: null, count: all, sharePercent: 100 }],
      drills,
      totalDrills: [{ count: { list: 'clients', filter: {} } }],
      chart: { kind: 'bar', labels: [...AUDIT_PROBLEMS], series: [{ label: 'count', data: rows.map((r) => Number(r.count)) }] },
      notes: [{ key: 'reports.notes.auditNow', params: { days: inactiveDays } }],
    };
  },
};
