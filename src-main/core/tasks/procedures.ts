import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { proc } from '../procedures/define';
import { NotFoundError } from '../errors';
import type { Ctx } from '../context';
import { BUCKETS, date, listFilter, recurrenceInput, taskFields, taskPatch, timeZone, when } from './schemas';
import { createTask, deleteTask, moveTask, restoreTask, ruleToInput, updateTask } from './write';
import { completeTask, reopenTask } from './complete';
import { countBuckets, getTaskRow, listBucket, tasksFor, tasksInRange } from './list';
import { dismissReminder, dueReminders, SNOOZES, snoozeReminder } from './reminders';
import { birthdaysBetween, logCongratulated } from './birthdays';
import { exportIcs, importIcs } from './ics';
import { createTaskType, listTaskTypes, updateTaskType } from './types';
import { ensureMaterialized, horizonFrom } from './recurrence';
import { reminderMinutes } from './reminders-write';
import { taskSeries } from './tables';
import { dayStart } from './time';
import { openTasksOfDeal } from './deal-close';

const id = z.string().min(1).max(64);
const ids = z.array(id).max(200).default([]);
const scope = z.enum(['one', 'series']).default('one');
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'color');
const typeName = z.string().trim().min(1, 'required').max(100);
/** Calendar ranges are local dates [from, to), at most about three months. */
const range = z
  .object({ from: date, to: date })
  .refine((r) => r.from < r.to, { message: 'tasks.range_order', path: ['to'] })
  .refine((r) => new Date(r.to).getTime() - new Date(r.from).getTime() <= 400 * 86_400_000, { message: 'tasks.range_too_long', path: ['to'] });

/** Recurring tasks get their occurrences created up to what is being looked at. */
function materializeFor(ctx: Ctx, until?: string) {
  const horizon = horizonFrom(ctx.now());
  ensureMaterialized(ctx, until && until > horizon ? until : horizon);
}

function taskDetails(ctx: Ctx, taskId: string, tz: string) {
  const row = getTaskRow(ctx, taskId, tz);
  if (!row) throw new NotFoundError('task', taskId);
  const series = row.seriesId ? ctx.db.select({ rrule: taskSeries.rrule }).from(taskSeries).where(eq(taskSeries.id, row.seriesId)).get() : undefined;
  return { ...row, reminders: reminderMinutes(ctx, taskId).sort((a, b) => a - b), recurrence: series ? ruleToInput(series.rrule) : null };
}

export const taskProcedures = {
  'taskTypes.list': proc(z.object({ includeArchived: z.boolean().default(false) }), (s, i) => listTaskTypes(s.ctx(), i.includeArchived)),
  'taskTypes.create': proc(z.object({ name: typeName, color }), (s, i) => createTaskType(s.ctx(), i)),
  'taskTypes.update': proc(z.object({ id, name: typeName.optional(), color: color.optional(), archived: z.boolean().optional() }), (s, i) =>
    updateTaskType(s.ctx(), i.id, i),
  ),
  'tasks.create': proc(z.object({ fields: taskFields, timeZone }), (s, i) => createTask(s.ctx(), i.fields, i.timeZone)),
  'tasks.update': proc(
    z.object({ id, patch: taskPatch, timeZone, scope, recurrence: recurrenceInput.nullish() }),
    (s, i) => updateTask(s.ctx(), i.id, i.patch, i.timeZone, i.scope, i.recurrence),
  ),
  'tasks.move': proc(
    z.object({ id, allDay: z.boolean(), startsAt: when, durationMin: z.number().int().min(5).max(7 * 24 * 60).nullish(), timeZone }),
    (s, i) => moveTask(s.ctx(), i.id, { allDay: i.allDay, startsAt: i.startsAt, durationMin: i.durationMin }, i.timeZone),
  ),
  'tasks.delete': proc(z.object({ id, scope }), (s, i) => deleteTask(s.ctx(), i.id, i.scope)),
  'tasks.restore': proc(z.object({ id }), (s, i) => restoreTask(s.ctx(), i.id)),
  'tasks.complete': proc(
    z.object({
      id,
      result: z.string().trim().max(5000).nullish().transform((v) => v || null),
      spentMin: z.number().int().min(0).max(24 * 60).nullish().transform((v) => v ?? null),
    }),
    (s, i) => completeTask(s.ctx(), i.id, i),
  ),
  'tasks.reopen': proc(z.object({ id, historyId: id.nullish() }), (s, i) => reopenTask(s.ctx(), i.id, i.historyId ?? null)),
  'tasks.get': proc(z.object({ id, timeZone }), (s, i) => taskDetails(s.ctx(), i.id, i.timeZone)),
  'tasks.list': proc(
    z.object({
      bucket: z.enum(BUCKETS),
      filter: listFilter.prefault({}),
      timeZone,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    (s, i) => {
      const ctx = s.ctx();
      materializeFor(ctx);
      return listBucket(ctx, i.bucket, i.filter, i.timeZone, i.offset, i.limit);
    },
  ),
  'tasks.counts': proc(z.object({ filter: listFilter.prefault({}), timeZone }), (s, i) => {
    const ctx = s.ctx();
    materializeFor(ctx);
    return countBuckets(ctx, i.filter, i.timeZone);
  }),
  'tasks.range': proc(
    z.object({ range, assigneeIds: ids, typeIds: ids, timeZone, limit: z.number().int().min(1).max(5000).default(2000) }),
    (s, i) => {
      const ctx = s.ctx();
      materializeFor(ctx, dayStart(i.range.to, i.timeZone));
      return tasksInRange(ctx, { ...i.range, assigneeIds: i.assigneeIds, typeIds: i.typeIds }, i.timeZone, i.limit);
    },
  ),
  'tasks.forClient': proc(z.object({ clientId: id, timeZone, limit: z.number().int().min(1).max(200).default(50) }), (s, i) =>
    tasksFor(s.ctx(), { clientId: i.clientId }, i.timeZone, i.limit),
  ),
  // For the deal card (issue 3): the same panel as the client card's.
  'tasks.forDeal': proc(z.object({ dealId: id, timeZone, limit: z.number().int().min(1).max(200).default(50) }), (s, i) =>
    tasksFor(s.ctx(), { dealId: i.dealId }, i.timeZone, i.limit),
  ),
  /** The deal's open tasks, for the dialog that closes the deal (complete, cancel or keep them). */
  'tasks.openForDeal': proc(z.object({ dealId: id }), (s, i) => openTasksOfDeal(s.ctx(), i.dealId)),
  'tasks.exportIcs': proc(
    z.object({ range, assigneeIds: ids, timeZone, calendarName: z.string().trim().min(1).max(200).default('Kartoteka') }),
    (s, i) => {
      const ctx = s.ctx();
      materializeFor(ctx, dayStart(i.range.to, i.timeZone));
      return exportIcs(ctx, { ...i.range, assigneeIds: i.assigneeIds, calendarName: i.calendarName }, i.timeZone);
    },
  ),
  'tasks.importIcs': proc(z.object({ text: z.string().min(1, 'required').max(10_000_000), typeId: id, timeZone }), (s, i) =>
    importIcs(s.ctx(), i.text, i.typeId, i.timeZone),
  ),
  'reminders.due': proc(z.object({}), (s) => dueReminders(s.ctx())),
  'reminders.snooze': proc(z.object({ id, snooze: z.enum(SNOOZES), timeZone }), (s, i) => snoozeReminder(s.ctx(), i.id, i.snooze, i.timeZone)),
  'reminders.dismiss': proc(z.object({ id }), (s, i) => dismissReminder(s.ctx(), i.id)),
  'birthdays.range': proc(z.object({ range }), (s, i) => birthdaysBetween(s.ctx(), i.range.from, i.range.to)),
  'birthdays.congratulate': proc(z.object({ clientId: id, contactId: id.nullish(), name: z.string().trim().min(1).max(500) }), (s, i) =>
    logCongratulated(s.ctx(), i.clientId, i.contactId ?? null, i.name),
  ),
};
