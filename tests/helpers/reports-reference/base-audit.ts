// The reports as they were before issue 12's performance work (git 2775d81): one
// straightforward query per figure, probing per row. Tests compare the optimised
// reports with these on seeded workspaces; nothing in the app uses them.
import { z } from 'zod';
import { prepared } from '../../../src-main/core/db/statements';
import { visibleClients } from '../../../src-main/core/access/visibility';
import { AUDIT_PROBLEMS, auditSql } from '../../../src-main/core/clients/audit-filters';
import { percent } from '../../../src-main/core/reports/numbers';
import type { Cell, Drill, Report, ReportResult } from '../../../src-main/core/reports/types';

// How complete and clean the base is, now: clients (in use, not archived) without a
// phone, without an e-mail, without either, without a responsible, organisations without
// an ИНН, with an ИНН or ОГРН that fails its checksum, that look like duplicates (the
// same ИНН, phone or e-mail as another card), and with no contact for a year. Each line
// opens the client list with that problem as its filter, to fix in bulk.

const options = z.object({ inactiveDays: z.coerce.number().int().min(30).max(3650).default(365) });

export const baseAuditReference = {
  key: 'base-audit',
  options,
  run(ctx, q): ReportResult {
    const { inactiveDays } = options.parse(q.options);
    const since = new Date(ctx.now().getTime() - inactiveDays * 86_400_000).toISOString();
    const v = visibleClients(ctx, 'c');
    const base = `c.archived_at IS NULL AND ${v.sql}`;
    const all = (prepared(ctx.ws.sqlite, `SELECT count(*) AS n FROM clients c WHERE ${base}`).get(...v.params) as { n: number }).n;
    const rows: Record<string, Cell>[] = [];
    const drills: Record<string, Drill>[] = [];
    for (const problem of AUDIT_PROBLEMS) {
      const filter = { problem, since: problem === 'inactive' ? since : null };
      const a = auditSql(filter);
      const n = (prepared(ctx.ws.sqlite, `SELECT count(*) AS n FROM clients c WHERE ${base} AND ${a.sql}`).get(...v.params, ...a.params) as { n: number }).n;
      rows.push({ problem, count: n, sharePercent: percent(n, all) });
      drills.push({ count: { list: 'clients', filter: { audit: filter, fromReport: 'base-audit' } } });
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
} satisfies Omit<Report, 'queries'>;
