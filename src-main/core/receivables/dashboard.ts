import type { Ctx } from '../context';
import { receivablesRows } from './report';

const TOP = 5;

/**
 * The home screen's receivables widget: overdue and total debt today, and the top
 * debtors by overdue debt ("me": the clients the user is responsible for).
 */
export function receivablesSummary(ctx: Ctx, today: string, me: string | null) {
  const rows = receivablesRows(ctx, today, { managerIds: me ? [me] : [], tagIds: [] });
  const top = rows
    .filter((r) => r.overdueKopecks > 0)
    .sort((a, b) => b.overdueKopecks - a.overdueKopecks || a.client.localeCompare(b.client, 'ru'))
    .slice(0, TOP)
    .map((r) => ({ clientId: r.clientId, client: r.client, overdueKopecks: r.overdueKopecks, debtKopecks: r.debtKopecks, oldestDays: r.oldestDays }));
  return {
    asOf: today,
    debtKopecks: rows.reduce((n, r) => n + r.debtKopecks, 0),
    overdueKopecks: rows.reduce((n, r) => n + r.overdueKopecks, 0),
    debtors: rows.filter((r) => r.overdueKopecks > 0).length,
    top,
  };
}
