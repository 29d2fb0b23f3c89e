import type { Report, ReportResult } from '../reports/types';
import { monthsBetween } from '../reports/period';
import { prepared } from '../db/statements';
import { receivablesRows } from './report';

// DSO (days sales outstanding) by month: debt at the month's end ÷ what was shipped and
// invoiced in the month × the month's days — how many days of sales stay unpaid. Same
// clients as the receivables report (visibility, managers, tags); a month without
// sales has no DSO.

export const receivablesDsoReport: Report = {
  key: 'receivables-dso',
  run(ctx, q): ReportResult {
    const months = monthsBetween({ from: q.from, to: q.to });
    const rows = months.map((month) => {
      const [y, m] = month.split('-').map(Number) as [number, number];
      const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const end = `${month}-${String(days).padStart(2, '0')}`;
      const clients = receivablesRows(ctx, end, q);
      const debt = clients.reduce((n, r) => n + r.debtKopecks, 0);
      const sales = salesOf(month);
      return { month, salesKopecks: sales, debtKopecks: debt, dso: sales > 0 ? Math.round((debt * days * 10) / sales) / 10 : null };
    });
    return {
      report: 'receivables-dso',
      period: { from: q.from, to: q.to },
      previous: null,
      columns: [
        { key: 'month', type: 'month', label: 'reports.dim.month' },
        { key: 'salesKopecks', type: 'money', label: 'receivables.col.sales' },
        { key: 'debtKopecks', type: 'money', label: 'receivables.col.debtAtEnd' },
        { key: 'dso', type: 'days', label: 'receivables.col.dso' },
      ],
      rows,
      totals: [],
      drills: rows.map(() => ({})),
      totalDrills: [],
      chart: { kind: 'line', labels: months, series: [{ label: 'dso', data: rows.map((r) => r.dso ?? 0) }] },
      notes: [{ key: 'receivables.notes.dso' }],
    };

    function salesOf(month: string): number {
      const c = ctx;
      const v = c.sees === 'own' ? `AND d.client_id IN (SELECT id FROM clients WHERE responsible_id = ?)` : '';
      const managers = q.managerIds.filter((x) => x !== 'none');
      const mgr = q.managerIds.length
        ? `AND d.client_id IN (SELECT id FROM clients WHERE responsible_id IN (${managers.map(() => '?').join(',') || 'NULL'})${q.managerIds.includes('none') ? ' OR responsible_id IS NULL' : ''})`
        : '';
      const tags = q.tagIds.length ? `AND d.client_id IN (SELECT t.client_id FROM client_tags t WHERE t.tag_id IN (${q.tagIds.map(() => '?').join(',')}))` : '';
      const r = prepared<{ k: number | null }>(
        c.ws.sqlite,
        `SELECT sum(d.amount_kopecks) AS k FROM receivable_documents d
          WHERE d.kind != 'opening' AND d.date >= ? AND d.date <= ? ${v} ${mgr} ${tags}`,
      ).get(`${month}-01`, `${month}-31`, ...(c.sees === 'own' ? [c.userId] : []), ...managers, ...q.tagIds);
      return r?.k ?? 0;
    }
  },
};
