import type { Session } from '../../src-main/core/workspace/session';
import { getBoard } from '../../src-main/core/deals/board';
import { listDeals } from '../../src-main/core/deals/list';
import { dealFilter } from '../../src-main/core/deals/schemas';
import { nextTaskForDeals } from '../../src-main/core/tasks/deal-hooks';
import { medianOf, ms, ratio, table } from './measure';

// Deals and tasks together, once both are seeded (the task seed puts a third of the
// tasks on deals): the board whose cards carry their next task, the board and the list
// filtered to deals without a next step, and the next tasks of a page of deals, each
// against a floor over the same indexes without the tasks.

const PAGE = 30;

export interface DealTasksBenchResult {
  linkedTasks: number;
  rows: { name: string; ms: number; floorMs: number }[];
}

export function benchDealTasks(session: Session, rounds: number): DealTasksBenchResult {
  const sqlite = session.workspace.sqlite;
  const ctx = session.ctx();
  sqlite.exec('ANALYZE');
  const linkedTasks = (sqlite.prepare('SELECT count(*) AS n FROM tasks WHERE deal_id IS NOT NULL').get() as { n: number }).n;
  const pipeline = (sqlite.prepare('SELECT pipeline_id AS id FROM deals GROUP BY pipeline_id ORDER BY count(*) DESC LIMIT 1').get() as { id: string }).id;
  const stageIds = (sqlite.prepare('SELECT id FROM stages WHERE pipeline_id = ? AND archived_at IS NULL').all(pipeline) as { id: string }[]).map((s) => s.id);
  const none = dealFilter.parse({});
  const noNextStep = dealFilter.parse({ noNextStep: true });

  // Floor: the deals board with nothing about tasks (totals by stage, then a page of ids per column).
  const bareTotals = sqlite.prepare('SELECT stage_id, count(*), sum(amount_kopecks) FROM deals WHERE pipeline_id = ? AND archived_at IS NULL GROUP BY stage_id');
  const bareColumn = sqlite.prepare(`SELECT id FROM deals WHERE stage_id = ? AND archived_at IS NULL ORDER BY position LIMIT ${PAGE}`);
  const boardFloor = medianOf(rounds, () => {
    bareTotals.all(pipeline);
    for (const s of stageIds) bareColumn.all(s);
  });
  // Bound like the list's own query: with ANALYZE statistics a literal 'open' steers the planner off the sort index.
  const bareList = sqlite.prepare('SELECT d.id FROM deals d JOIN stages st ON st.id = d.stage_id WHERE d.archived_at IS NULL AND st.kind = ? ORDER BY d.updated_at DESC, d.id DESC LIMIT 100');
  const listFloor = medianOf(rounds, () => void bareList.all('open'));
  const page = (sqlite.prepare('SELECT id FROM deals WHERE closed_at IS NULL AND archived_at IS NULL ORDER BY updated_at DESC LIMIT 200').all() as { id: string }[]).map((r) => r.id);
  const bareTasks = sqlite.prepare(`SELECT id FROM tasks WHERE deal_id IN (${page.map(() => '?').join(', ')})`);

  const rows: DealTasksBenchResult['rows'] = [];
  rows.push({ name: 'board with next tasks, no filter', ms: medianOf(rounds, () => void getBoard(ctx, pipeline, none, PAGE)), floorMs: boardFloor });
  rows.push({ name: 'board, without next step', ms: medianOf(rounds, () => void getBoard(ctx, pipeline, noNextStep, PAGE)), floorMs: boardFloor });
  const q = { pipelineId: null, status: 'open' as const, sort: 'updatedAt' as const, desc: true };
  rows.push({ name: 'list page of 100 with next tasks + totals', ms: medianOf(rounds, () => void listDeals(ctx, { ...q, filter: none }, 0, 100)), floorMs: listFloor });
  rows.push({ name: 'list, without next step', ms: medianOf(rounds, () => void listDeals(ctx, { ...q, filter: noNextStep }, 0, 100)), floorMs: listFloor });
  // Scrolling: later pages come without totals (the list asks for them with the first page only).
  const bareLater = sqlite.prepare(`${bareList.source} OFFSET 1000`);
  const laterFloor = medianOf(rounds, () => void bareLater.all('open'));
  rows.push({ name: 'list, 11th page of 100 (scrolling, no totals)', ms: medianOf(rounds, () => void listDeals(ctx, { ...q, filter: none }, 1000, 100, false)), floorMs: laterFloor });
  rows.push({ name: 'next tasks of 200 deals (one query)', ms: medianOf(rounds, () => void nextTaskForDeals(ctx, page)), floorMs: medianOf(rounds, () => void bareTasks.all(...page)) });
  return { linkedTasks, rows };
}

export function dealTasksTable(r: DealTasksBenchResult): string {
  return [
    table(
      [`deals with tasks (${r.linkedTasks} tasks on deals)`, 'ms', 'floor ms', 'ratio'],
      r.rows.map((x) => [x.name, ms(x.ms), ms(x.floorMs), ratio(x.ms, x.floorMs)]),
    ),
    '  floors: boards as in the deals table; the list: 100 open deal ids by last change (the same page for the 11th); next tasks: the ids of every task of those deals',
  ].join('\n');
}
