import { z } from 'zod';
import type { Ctx } from '../context';
import { isoNow } from '../context';
import { prepared } from '../db/statements';
import { logDealEvent } from '../deals/events';
import { completeTask } from './complete';
import { deleteTask } from './write';

// What happens to a deal's open tasks when the deal is closed (won or lost). The
// closing dialog lists them and the user chooses:
//  - keep: they stay open (a won deal may still need its invoice sent);
//  - complete: each is done, with its history entry, as completing it by hand;
//  - cancel: each is removed from the plans (kept archived, like a deleted task, so
//    tasks.restore brings it back) and the deal's timeline says which task was
//    cancelled and why, so the history stays honest about what did not happen.
// A repeating task counts once: its next occurrence is completed or cancelled and the
// series stops, so no new occurrence lands on a closed deal.

export const OPEN_TASKS_ON_CLOSE = ['keep', 'complete', 'cancel'] as const;
export type OpenTasksOnClose = (typeof OPEN_TASKS_ON_CLOSE)[number];
export const openTasksOnClose = z.enum(OPEN_TASKS_ON_CLOSE).default('keep');

export interface OpenDealTask {
  id: string;
  title: string;
  allDay: boolean;
  /** As NextTask: a date for all-day tasks, a UTC instant otherwise. */
  deadlineAt: string;
  repeats: boolean;
}

interface OpenRow {
  id: string;
  title: string;
  allDay: number;
  deadlineAt: string;
  seriesId: string | null;
  detached: number;
}

/** Open tasks of the deal in deadline order, a running series as its next occurrence only. */
function openRows(ctx: Ctx, dealId: string): OpenRow[] {
  const rows = prepared(
    ctx.ws.sqlite,
    `SELECT t.id, t.title, t.all_day AS allDay, t.deadline_at AS deadlineAt, t.series_id AS seriesId, t.detached
       FROM tasks t WHERE t.deal_id = ? AND t.done_at IS NULL AND t.archived_at IS NULL ORDER BY t.deadline_at, t.id`,
  ).all(dealId) as OpenRow[];
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (!r.seriesId || r.detached) return true;
    if (seen.has(r.seriesId)) return false;
    seen.add(r.seriesId);
    return true;
  });
}

/** What the closing dialog lists (the first `limit`) and how many there are. */
export function openTasksOfDeal(ctx: Ctx, dealId: string, limit = 20): { total: number; tasks: OpenDealTask[] } {
  const rows = openRows(ctx, dealId);
  return {
    total: rows.length,
    tasks: rows.slice(0, limit).map((r) => ({ id: r.id, title: r.title, allDay: r.allDay === 1, deadlineAt: r.deadlineAt, repeats: !!r.seriesId && !r.detached })),
  };
}

/** The next open occurrence of a series after `afterId` (to stop the series from there). */
function nextOccurrence(ctx: Ctx, seriesId: string, afterId: string): string | null {
  const row = prepared(
    ctx.ws.sqlite,
    `SELECT id FROM tasks WHERE series_id = ? AND id <> ? AND done_at IS NULL AND archived_at IS NULL AND detached = 0 ORDER BY starts_at LIMIT 1`,
  ).get(seriesId, afterId) as { id: string } | undefined;
  return row?.id ?? null;
}

/**
 * Completes or cancels every open task of a deal being closed. Runs inside the
 * closing transaction, so the deal and its tasks change together or not at all.
 */
export function settleDealTasks(ctx: Ctx, dealId: string, action: OpenTasksOnClose): { completed: number; cancelled: number } {
  const out = { completed: 0, cancelled: 0 };
  if (action === 'keep') return out;
  const deal = prepared(ctx.ws.sqlite, 'SELECT id, client_id AS clientId, title FROM deals WHERE id = ?').get(dealId) as
    | { id: string; clientId: string; title: string }
    | undefined;
  if (!deal) return out;
  for (const r of openRows(ctx, dealId)) {
    const series = r.seriesId && !r.detached ? r.seriesId : null;
    if (action === 'complete') {
      completeTask(ctx, r.id, { result: null, spentMin: null });
      const next = series ? nextOccurrence(ctx, series, r.id) : null;
      if (next) deleteTask(ctx, next, 'series');
      out.completed++;
    } else {
      deleteTask(ctx, r.id, series ? 'series' : 'one');
      logDealEvent(ctx, deal, 'task_cancelled', isoNow(ctx), r.title);
      out.cancelled++;
    }
  }
  return out;
}
