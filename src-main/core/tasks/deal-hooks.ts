import type { Ctx } from '../context';
import { prepared } from '../db/statements';

// Hooks for the deals capability (issue 3), which lives on another branch. Tasks
// already carry deal_id; the deals side wires these in:
//  - the board and a list flag open deals with no next task: dealsWithoutNextTaskSql;
//  - a deal card shows its tasks: tasks.forDeal (procedure) / tasksFor(ctx, { dealId });
//  - completing a task with a deal also writes history.deal_id (column added by deals).

export interface NextTask {
  dealId: string;
  taskId: string;
  title: string;
  allDay: boolean;
  deadlineAt: string;
}

/** The earliest open task of each given deal (deals without one are absent from the map). */
export function nextTaskForDeals(ctx: Ctx, dealIds: string[]): Map<string, NextTask> {
  const out = new Map<string, NextTask>();
  const stmt = prepared(
    ctx.ws.sqlite,
    `SELECT id AS taskId, title, all_day AS allDay, deadline_at AS deadlineAt FROM tasks
     WHERE deal_id = ? AND done_at IS NULL AND archived_at IS NULL ORDER BY deadline_at, id LIMIT 1`,
  );
  for (const dealId of new Set(dealIds)) {
    const r = stmt.get(dealId) as { taskId: string; title: string; allDay: number; deadlineAt: string } | undefined;
    if (r) out.set(dealId, { dealId, ...r, allDay: r.allDay === 1 });
  }
  return out;
}

/**
 * A condition for the deals query: true when the deal (the outer query's `<alias>.id`)
 * has no open task. Example: `SELECT … FROM deals d WHERE d.closed_at IS NULL AND
 * ${dealsWithoutNextTaskSql('d')}`. Uses tasks_deal_idx.
 */
export function dealsWithoutNextTaskSql(dealAlias: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(dealAlias)) throw new Error(`Bad SQL alias: ${dealAlias}`);
  return `NOT EXISTS (SELECT 1 FROM tasks nt WHERE nt.deal_id = ${dealAlias}.id AND nt.done_at IS NULL AND nt.archived_at IS NULL)`;
}
