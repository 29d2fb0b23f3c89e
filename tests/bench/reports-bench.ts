import type { Session } from '../../src-main/core/workspace/session';
import { REPORT_NAMES, reportOf } from '../../src-main/core/reports/registry';
import { runReport } from '../../src-main/core/reports/run';
import { reportQuery, type ReportQuery } from '../../src-main/core/reports/types';
import { dashboard } from '../../src-main/core/reports/dashboard';
import { listDeals } from '../../src-main/core/deals/list';
import { dealFilter } from '../../src-main/core/deals/schemas';
import { recordBudget, type BudgetGoal } from './budgets';
import { medianOf, ms, ratio, table } from './measure';

// Every report over a year of a seeded workspace, the dashboard and the first page a
// report's number opens. Each report's floor is its own aggregate SQL — the very
// statements it runs (Report.queries), prepared here and run bare with nothing mapped —
// measured in the same run. Budgets of issue 12: a report ≤ 300 ms and ≤ 1.5× its
// floor; the dashboard ≤ 150 ms in one call; a drill-down's first page ≤ 50 ms.

const REPORT_GOAL: BudgetGoal = { max: 300, maxRatio: 1.5 };

export interface ReportsBenchRow {
  key: string;
  name: string;
  ms: number;
  /** The report's own statements run bare; null where the goal is absolute only. */
  floorMs: number | null;
  goal: BudgetGoal;
}

export interface ReportsBenchResult {
  rows: ReportsBenchRow[];
}

/** The report's statements prepared once (on the connection reports read), then all run bare: what it cannot do without. */
function floorOf(session: Session, name: string, q: ReportQuery, rounds: number): number {
  const sqlite = session.workspace.reader();
  const statements = reportOf(name)
    .queries(session.ctx(), q)
    .map((s) => ({ stmt: sqlite.prepare(s.sql).safeIntegers(s.bigints ?? false), params: s.params }));
  return medianOf(rounds, () => {
    for (const s of statements) s.stmt.all(...s.params);
  });
}

export function benchReports(session: Session, rounds: number): ReportsBenchResult {
  const ctx = session.ctx();
  const to = new Date().toISOString().slice(0, 10);
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  const query = (by: string[]) => reportQuery.parse({ from, to, timeZone: 'Europe/Moscow', by });
  const rows: ReportsBenchRow[] = [];
  const report = (key: string, name: string, q: ReportQuery) =>
    rows.push({ key, name: `${key}`, ms: medianOf(rounds, () => void runReport(ctx, name, q)), floorMs: floorOf(session, name, q, rounds), goal: REPORT_GOAL });
  for (const name of REPORT_NAMES()) report(name, name, query([]));
  report('sales by manager and month', 'sales', query(['manager', 'month']));
  rows.push({ key: 'dashboard (all)', name: 'dashboard', ms: medianOf(rounds, () => void dashboard(session, 'all', 'Europe/Moscow')), floorMs: null, goal: { max: 150 } });
  // What the sales total opens: the won deals of the period, first page with totals.
  const drill = dealFilter.parse({ closedFrom: `${from}T00:00:00Z`, closedTo: `${to}T23:59:59Z` });
  rows.push({
    key: 'drill: first page of the won deals',
    name: 'drill',
    ms: medianOf(rounds, () => void listDeals(ctx, { pipelineId: null, status: 'won', filter: drill, sort: 'updatedAt', desc: true }, 0, 100, true)),
    floorMs: null,
    goal: { max: 50 },
  });
  for (const r of rows) {
    recordBudget({
      key: `reports.${r.key.replace(/[^a-z0-9]+/gi, '-')}`,
      label: `report ${r.key}, a year`,
      figure: r.ms,
      unit: 'ms',
      floor: r.floorMs,
      floorLabel: r.floorMs === null ? undefined : "the report's own aggregate SQL, prepared, run bare",
      goal: r.goal,
    });
  }
  return { rows };
}

const goalText = (g: BudgetGoal) => [g.max !== undefined ? `≤ ${g.max} ms` : '', g.maxRatio !== undefined ? `≤ ${g.maxRatio}×` : ''].filter(Boolean).join(' and ');
const met = (r: ReportsBenchRow) =>
  (r.goal.max === undefined || r.ms <= r.goal.max) && (r.goal.maxRatio === undefined || (r.floorMs !== null && r.ms / r.floorMs <= r.goal.maxRatio));

export function reportsTable(r: ReportsBenchResult): string {
  return [
    table(
      ['reports (a year)', 'ms', 'floor ms', 'ratio', 'goal', ''],
      r.rows.map((x) => [x.key, ms(x.ms), x.floorMs === null ? '-' : ms(x.floorMs), x.floorMs === null ? '-' : ratio(x.ms, x.floorMs), goalText(x.goal), met(x) ? 'ok' : 'MISSED']),
    ),
    "  floor: each report's own aggregate statements (Report.queries), prepared and run bare over the same rows; the dashboard and the drill page have absolute goals",
  ].join('\n');
}
