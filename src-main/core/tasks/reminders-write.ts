import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { newId } from '../ids';
import { taskReminders } from '../db/schema';
import { zonedInstant } from './time';

/** All-day tasks remind relative to 09:00 of their day in the planner's zone. */
export const ALL_DAY_REMINDER_HOUR = 9;

export function reminderFireAt(allDay: boolean, startsAt: string, minutesBefore: number, tz: string): string {
  const base = allDay ? zonedInstant(startsAt, ALL_DAY_REMINDER_HOUR, 0, tz) : startsAt;
  return new Date(new Date(base).getTime() - minutesBefore * 60_000).toISOString();
}

/** Replaces a task's reminders; a moved task reminds afresh. */
export function setReminders(ctx: Ctx, taskId: string, when: { allDay: boolean; startsAt: string }, minutes: number[], tz: string): void {
  ctx.db.delete(taskReminders).where(eq(taskReminders.taskId, taskId)).run();
  for (const m of [...new Set(minutes)].sort((a, b) => a - b)) {
    ctx.db
      .insert(taskReminders)
      .values({ id: newId(), taskId, minutesBefore: m, fireAt: reminderFireAt(when.allDay, when.startsAt, m, tz) })
      .run();
  }
}

export function reminderMinutes(ctx: Ctx, taskId: string): number[] {
  return ctx.db
    .select({ m: taskReminders.minutesBefore })
    .from(taskReminders)
    .where(eq(taskReminders.taskId, taskId))
    .all()
    .map((r) => r.m);
}
