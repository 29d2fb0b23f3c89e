import { z } from 'zod';
import { about, creates } from '../audit/spec';
import { eq } from 'drizzle-orm';
import { proc, reads, writes } from '../procedures/define';
import { NotFoundError } from '../errors';
import type { Ctx } from '../context';
import { BUCKETS, listFilter, recurrenceInput, taskFields, taskPatch, timeZone, when } from './schemas';
import { calendarDate, colour as color, id, limit, name as typeName, offset, requiredText } from '../validation/rules';
import { createTask, deleteTask, moveTask, restoreTask, ruleToInput, updateTask } from './write';
import { completeTask, reopenTask } from './complete';
import { countBuckets, getTaskRow, listBucket, tasksFor, tasksInRange } from './list';
import { dismissReminder, dueReminders, SNOOZES, snoozeReminder } from './reminders';
import { birthdaysBetween, logCongratulated } from './birthdays';
import { exportIcs, icsText, importIcs } from './ics';
import { createTaskType, listTaskTypes, updateTaskType } from './types';
import { ensureMaterialized, horizonFrom } from './recurrence';
import { reminderMinutes } from './reminders-write';
import { taskSeries } from '../db/schema';
import { dayStart, shiftDate } from './time';
import { calendarDayEntries, calendarDays, type CalendarFilter } from './calendar';
import { openTasksOfDeal } from './deal-close';
import { requireClientVisible, requireDealVisible, requireLinksVisible, requireTaskVisible, seesOwnOnly } from '../access/visibility';
import type { Session } from '../workspace/session';

const ids = z.array(id).max(200).default([]);
const scope = z.enum(['one', 'series']).default('one');
/** Calendar ranges are local dates [from, to), at most about three months. */
const range = z
  .object({ from: calendarDate, to: calendarDate })
  .refine((r) => r.from < r.to, { message: 'tasks.range_order', path: ['to'] })
  .refine((r) => new Date(r.to).getTime() - new Date(r.from).getTime() <= 400 * 86_400_000, { message: 'tasks.range_too_long', path: ['to'] });

/** The calendar's days: a month view shows six weeks. */
const calendarRange = z
  .object({ from: calendarDate, to: calendarDate })
  .refine((r) => r.from < r.to, { message: 'tasks.range_order', path: ['to'] })
  .refine((r) => new Date(r.to).getTime() - new Date(r.from).getTime() <= 42 * 86_400_000, { message: 'tasks.range_too_long', path: ['to'] });
/** Whose calendar: mine (the default), everyone's, or the listed assignees'; task types; birthdays on or off. */
const calendarFilter = z.object({
  scope: z.enum(['mine', 'all']).default('mine'),
  assigneeIds: ids,
  typeIds: ids,
  birthdays: z.boolean().default(true),
});

function calendarFilterFor(ctx: Ctx, f: z.output<typeof calendarFilter>): CalendarFilter {
  // Someone who sees only their own gets their own calendar, whatever the filter asks.
  const assigneeIds = seesOwnOnly(ctx) ? [ctx.userId] : f.assigneeIds.length ? f.assigneeIds : f.scope === 'mine' ? [ctx.userId] : [];
  return { assigneeIds, typeIds: f.typeIds, birthdays: f.birthdays };
}

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

/** A task the caller may not see does not exist for them, like a wrong id (access/visibility.ts). */
const ownTask =
  <I extends { id: string }, O>(handler: (session: Session, input: I) => O) =>
  (session: Session, input: I): O => {
    requireTaskVisible(session.ctx(), input.id);
    return handler(session, input);
  };

export const taskProcedures = {
  'taskTypes.list': proc(reads('view'), z.object({ includeArchived: z.boolean().default(false) }), (s, i) => listTaskTypes(s.ctx(), i.includeArchived)),
  'taskTypes.create': proc(writes('settings', { audit: creates('task_type') }), z.object({ name: typeName, color }), (s, i) => createTaskType(s.ctx(), i)),
  'taskTypes.update': proc(writes('settings', { audit: about('task_type', (i) => i.id) }), z.object({ id, name: typeName.optional(), color: color.optional(), archived: z.boolean().optional() }), (s, i) =>
    updateTaskType(s.ctx(), i.id, i),
  ),
  'tasks.create': proc(writes('change', { audit: creates('task') }), z.object({ fields: taskFields, timeZone }), (s, i) => {
    requireLinksVisible(s.ctx(), i.fields);
    return createTask(s.ctx(), i.fields, i.timeZone);
  }),
  'tasks.update': proc(writes('change', { audit: about('task', (i) => i.id) }), z.object({ id, patch: taskPatch, timeZone, scope, recurrence: recurrenceInput.nullish() }),
    (s, i) => {
      requireTaskVisible(s.ctx(), i.id);
      const now = s.workspace.sqlite.prepare<[string], { clientId: string | null; dealId: string | null }>('SELECT client_id AS clientId, deal_id AS dealId FROM tasks WHERE id = ?').get(i.id);
      requireLinksVisible(s.ctx(), i.patch, now ?? null);
      return updateTask(s.ctx(), i.id, i.patch, i.timeZone, i.scope, i.recurrence);
    },
  ),
  'tasks.move': proc(writes('change', { audit: about('task', (i) => i.id) }), z.object({ id, allDay: z.boolean(), startsAt: when, durationMin: z.number().int().min(5).max(7 * 24 * 60).nullish(), timeZone }),
    ownTask((s, i) => moveTask(s.ctx(), i.id, { allDay: i.allDay, startsAt: i.startsAt, durationMin: i.durationMin }, i.timeZone)),
  ),
  'tasks.delete': proc(writes('archive', { audit: about('task', (i) => i.id) }), z.object({ id, scope }), ownTask((s, i) => deleteTask(s.ctx(), i.id, i.scope))),
  'tasks.restore': proc(writes('archive', { audit: about('task', (i) => i.id) }), z.object({ id }), ownTask((s, i) => restoreTask(s.ctx(), i.id))),
  'tasks.complete': proc(writes('change', { audit: about('task', (i) => i.id) }), z.object({
      id,
      result: z.string().trim().max(5000).nullish().transform((v) => v || null),
      spentMin: z.number().int().min(0).max(24 * 60).nullish().transform((v) => v ?? null),
    }),
    ownTask((s, i) => completeTask(s.ctx(), i.id, i)),
  ),
  'tasks.reopen': proc(writes('change', { audit: about('task', (i) => i.id) }), z.object({ id, historyId: id.nullish() }), ownTask((s, i) => reopenTask(s.ctx(), i.id, i.historyId ?? null))),
  'tasks.get': proc(reads('view'), z.object({ id, timeZone }), ownTask((s, i) => taskDetails(s.ctx(), i.id, i.timeZone))),
  'tasks.list': proc(reads('view'), z.object({
      bucket: z.enum(BUCKETS),
      filter: listFilter.prefault({}),
      timeZone,
      offset,
      limit: limit(500, 100),
    }),
    (s, i) => {
      const ctx = s.ctx();
      materializeFor(ctx);
      return listBucket(ctx, i.bucket, i.filter, i.timeZone, i.offset, i.limit);
    },
  ),
  'tasks.counts': proc(reads('view'), z.object({ filter: listFilter.prefault({}), timeZone }), (s, i) => {
    const ctx = s.ctx();
    materializeFor(ctx);
    return countBuckets(ctx, i.filter, i.timeZone);
  }),
  'tasks.range': proc(reads('view'),
    z.object({ range, assigneeIds: ids, typeIds: ids, timeZone, limit: limit(5000, 2000) }),
    (s, i) => {
      const ctx = s.ctx();
      materializeFor(ctx, dayStart(i.range.to, i.timeZone));
      return tasksInRange(ctx, { ...i.range, assigneeIds: i.assigneeIds, typeIds: i.typeIds }, i.timeZone, i.limit);
    },
  ),
  // The calendar: per day of the visible range its first entries and the count of the rest.
  'tasks.calendar': proc(reads('view'), 
    z.object({
      range: calendarRange,
      filter: calendarFilter.prefault({}),
      timeZone,
      perDay: z.number().int().min(1).max(200).default(4),
      allDayPerDay: z.number().int().min(0).max(200).optional(),
    }),
    (s, i) => {
      const ctx = s.ctx();
      materializeFor(ctx, dayStart(i.range.to, i.timeZone));
      return calendarDays(ctx, i.range, calendarFilterFor(ctx, i.filter), i.timeZone, { perDay: i.perDay, allDayPerDay: i.allDayPerDay ?? i.perDay });
    },
  ),
  // A page of one day's entries in the calendar's order: the list behind a day's «+N».
  'tasks.calendarDay': proc(reads('view'), 
    z.object({
      date: calendarDate,
      filter: calendarFilter.prefault({}),
      timeZone,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    (s, i) => {
      const ctx = s.ctx();
      materializeFor(ctx, dayStart(shiftDate(i.date, 1), i.timeZone));
      return calendarDayEntries(ctx, i.date, calendarFilterFor(ctx, i.filter), i.timeZone, i.offset, i.limit);
    },
  ),
  'tasks.forClient': proc(reads('view'), z.object({ clientId: id, timeZone, limit: limit(200, 50) }), (s, i) => {
    requireClientVisible(s.ctx(), i.clientId);
    return tasksFor(s.ctx(), { clientId: i.clientId }, i.timeZone, i.limit);
  }),
  // For the deal card (issue 3): the same panel as the client card's.
  'tasks.forDeal': proc(reads('view'), z.object({ dealId: id, timeZone, limit: limit(200, 50) }), (s, i) => {
    requireDealVisible(s.ctx(), i.dealId);
    return tasksFor(s.ctx(), { dealId: i.dealId }, i.timeZone, i.limit);
  }),
  /** The deal's open tasks, for the dialog that closes the deal (complete, cancel or keep them). */
  'tasks.openForDeal': proc(reads('view'), z.object({ dealId: id }), (s, i) => {
    requireDealVisible(s.ctx(), i.dealId);
    return openTasksOfDeal(s.ctx(), i.dealId);
  }),
  'tasks.exportIcs': proc(reads('export'), 
    z.object({
      range,
      // «mine»: the calling user's tasks (the calendar's default); the listed assignees win when given.
      scope: z.enum(['mine', 'all']).default('all'),
      assigneeIds: ids,
      timeZone,
      calendarName: z.string().trim().min(1).max(200).default('Kartoteka'),
    }),
    (s, i) => {
      const ctx = s.ctx();
      materializeFor(ctx, dayStart(i.range.to, i.timeZone));
      const assigneeIds = i.assigneeIds.length || i.scope === 'all' ? i.assigneeIds : [ctx.userId];
      return exportIcs(ctx, { ...i.range, assigneeIds, calendarName: i.calendarName }, i.timeZone);
    },
  ),
  // The UI sends the file's bytes (`data`, base64) so the core decodes them whole; `text` is for callers that already hold text.
  'tasks.importIcs': proc(writes('import'),
    z
      .object({ text: z.string().min(1, 'required').max(10_000_000).optional(), data: z.string().min(1, 'required').max(14_000_000).optional(), typeId: id, timeZone })
      .refine((i) => i.text !== undefined || i.data !== undefined, { message: 'required', path: ['data'] }),
    (s, i) => importIcs(s.ctx(), i.data !== undefined ? icsText(Buffer.from(i.data, 'base64')) : i.text!, i.typeId, i.timeZone),
  ),
  'reminders.due': proc(reads('view'), z.object({}), (s) => dueReminders(s.ctx())),
  'reminders.snooze': proc(writes('view'), z.object({ id, snooze: z.enum(SNOOZES), timeZone }), (s, i) => snoozeReminder(s.ctx(), i.id, i.snooze, i.timeZone)),
  'reminders.dismiss': proc(writes('view'), z.object({ id }), (s, i) => dismissReminder(s.ctx(), i.id)),
  'birthdays.range': proc(reads('view'), z.object({ range }), (s, i) => birthdaysBetween(s.ctx(), i.range.from, i.range.to)),
  'birthdays.congratulate': proc(writes('change', { audit: about('client', (i) => i.clientId) }), z.object({ clientId: id, contactId: id.nullish(), name: requiredText(500) }), (s, i) => {
    requireClientVisible(s.ctx(), i.clientId);
    return logCongratulated(s.ctx(), i.clientId, i.contactId ?? null, i.name);
  }),
};
