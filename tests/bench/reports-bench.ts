import type { Session } from '../../src-main/core/workspace/session';
import { REPORT_NAMES } from '../../src-main/core/reports/registry';
import { runReport } from '../../src-main/core/reports/run';
import { reportQuery } from '../../src-main/core/reports/types';
import { dashboard } from '../../src-main/core/reports/dashboard';
import { listDeals } from '../../src-main/core/deals/list';
import { dealFilter } from '../../src-main/core/deals/schemas';
import { medianOf, ms, ratio, table } from './measure';

// Every report over a year of a seeded workspace, the dashboard and the first page a
// report's number opens, against bare SQL over the same rows measured in the same run:
// the sum of won deals by month and manager (what the simplest report must at least read).
// Budgets of issue 12: a report ≤ 1.5× its floor, the dashboard and a drill page a few floors.

export interface ReportsBenchResult {
  rows: { name: string; ms: number; floorMs: number }[];
}

export function benchReports(session: Session, rounds: number): ReportsBenchResult {
  const sqlite = session.workspace.sqlite;
  const ctx = session.ctx();
  const to = new Date().toISOString().slice(0, 10);
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  const query = (by: string[]) => reportQuery.parse({ from, to, timeZone: 'Europe/Moscow', by });
  const bare = sqlite.prepare(
    `SELECT d.responsible_id, substr(d.closed_at, 1, 7), count(*), sum(d.amount_kopecks)
     FROM deals d JOIN stages s ON s.id = d.stage_id
     WHERE s.kind = 'won' AND d.archived_at IS NULL AND d.closed_at >= ? AND d.closed_at < ? GROUP BY 1, 2`,
  );
  const floorMs = medianOf(rounds, () => void bare.all(`${from}T00:00:00Z`, `${to}T23:59:59Z`));
  const rows: ReportsBenchResult['rows'] = [];
  for (const name of REPORT_NAMES()) {
    rows.push({ name, ms: medianOf(rounds, () => void runReport(ctx, name, query([]))), floorMs });
  }
  rows.push({ name: 'sales by manager and month', ms: medianOf(rounds, () => void runReport(ctx, 'sales', query(['manager', 'month']))), floorMs });
  rows.push({ name: 'dashboard (all)', ms: medianOf(rounds, () => void dashboard(session, 'all', 'Europe/Moscow')), floorMs });
  // What the sales total opens: the won deals of the period, first page with totals.
  const drill = dealFilter.parse({ closedFrom: `${from}T00:00:00Z`, closedTo: `${to}T23:59:59Z` });
  rows.push({
    name: 'drill: first page of the won deals',
    ms: medianOf(rounds, () => void listDeals(ctx, { pipelineId: null, status: 'won', filter: drill, sort: 'updatedAt', desc: true }, 0, 100, true)),
    floorMs,
  });
  return { rows };
}

export function reportsTable(r: ReportsBenchResult): string {
  return [
    table(
      ['reports (a year)', 'ms', 'floor ms', 'ratio'],
      r.rows.map((x) => [x.name, ms(x.ms), ms(x.floorMs), ratio(x.ms, x.floorMs)]),
    ),
    '  floor: bare SQL summing the won deals of the year by manager and month over the same rows',
  ].join('\n');
}
