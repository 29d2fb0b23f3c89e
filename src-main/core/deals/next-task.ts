import type { Ctx } from '../context';

export interface NextTask {
  title: string;
  dueAt: string;
}

/**
 * TASKS JOIN (issue 4): the nearest open task of each deal, for board cards. Tasks
 * are built in their own capability; until they land no deal has one. Replace the
 * body with one query over the tasks table (deal_id IN (...), open, min(due_at)).
 */
export function joinNextTasks(_ctx: Ctx, _dealIds: string[]): Map<string, NextTask> {
  return new Map();
}
