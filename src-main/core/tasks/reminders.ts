import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { NotFoundError } from '../errors';
import { taskReminders, type Client, type Task, type TaskReminder } from '../db/schema';
import { localDate, shiftDate, zonedInstant } from './time';

// The doors poll `due` while the app runs (every 30 s). A reminder is shown until
// dismissed, snoozed or its task is done. One that was never shown and came due
// more than MISSED_AFTER_MS ago fell due while the app was closed: it is flagged as
// missed at the next start. `fresh` ones (shown for the first time by this poll)
// are the ones a desktop notification announces, so each pops up once.

export const MISSED_AFTER_MS = 5 * 60_000;
export const SNOOZES = ['10m', '1h', 'tomorrow'] as const;
export type Snooze = (typeof SNOOZES)[number];
/** "Tomorrow" means tomorrow morning at this hour, in the user's zone. */
export const SNOOZE_MORNING_HOUR = 9;
const MAX_SHOWN = 50;

/** A reminder that is due, with what the notice shows of its task. */
type DueRow = Pick<TaskReminder, 'id' | 'taskId' | 'minutesBefore' | 'notifiedAt'> &
  Pick<Task, 'title' | 'startsAt' | 'clientId'> & { at: string; allDay: 0 | 1; clientName: Client['name'] | null };

export function dueReminders(ctx: Ctx) {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const rows = prepared<DueRow>(
    ctx.ws.sqlite,
    `SELECT r.id, r.task_id AS taskId, r.minutes_before AS minutesBefore, coalesce(r.snoozed_until, r.fire_at) AS at,
       r.notified_at AS notifiedAt, t.title, t.all_day AS allDay, t.starts_at AS startsAt, t.client_id AS clientId, c.name AS clientName
     FROM task_reminders r
     JOIN tasks t ON t.id = r.task_id
     LEFT JOIN clients c ON c.id = t.client_id
     WHERE r.dismissed_at IS NULL AND r.fire_at <= @now AND coalesce(r.snoozed_until, r.fire_at) <= @now
       AND t.done_at IS NULL AND t.archived_at IS NULL AND (t.assignee_id = @user OR t.assignee_id IS NULL)
     ORDER BY at DESC LIMIT ${MAX_SHOWN}`,
  ).all({ now: nowIso, user: ctx.userId });
  const missedBefore = new Date(now.getTime() - MISSED_AFTER_MS).toISOString();
  const out = rows.map((r) => ({
    id: r.id,
    taskId: r.taskId,
    title: r.title,
    allDay: r.allDay === 1,
    startsAt: r.startsAt,
    at: r.at,
    minutesBefore: r.minutesBefore,
    clientId: r.clientId,
    clientName: r.clientName,
    fresh: r.notifiedAt === null,
    missed: r.notifiedAt === null && r.at < missedBefore,
  }));
  const mark = prepared(ctx.ws.sqlite, 'UPDATE task_reminders SET notified_at = ? WHERE id = ? AND notified_at IS NULL');
  ctx.ws.sqlite.transaction(() => {
    for (const r of out) if (r.fresh) mark.run(nowIso, r.id);
  })();
  return out;
}

export function snoozeUntil(now: Date, snooze: Snooze, tz: string): string {
  if (snooze === '10m') return new Date(now.getTime() + 10 * 60_000).toISOString();
  if (snooze === '1h') return new Date(now.getTime() + 60 * 60_000).toISOString();
  return zonedInstant(shiftDate(localDate(now, tz), 1), SNOOZE_MORNING_HOUR, 0, tz);
}

export function snoozeReminder(ctx: Ctx, id: string, snooze: Snooze, tz: string) {
  const until = snoozeUntil(ctx.now(), snooze, tz);
  const r = ctx.db
    .update(taskReminders)
    .set({ snoozedUntil: until, notifiedAt: null })
    .where(and(eq(taskReminders.id, id), isNull(taskReminders.dismissedAt)))
    .run();
  if (r.changes === 0) throw new NotFoundError('reminder', id);
  return { id, until };
}

export function dismissReminder(ctx: Ctx, id: string) {
  const r = ctx.db.update(taskReminders).set({ dismissedAt: ctx.now().toISOString() }).where(eq(taskReminders.id, id)).run();
  if (r.changes === 0) throw new NotFoundError('reminder', id);
  return { id };
}
