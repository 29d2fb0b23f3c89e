import { z } from 'zod';
import { TASK_PRIORITIES } from '../db/schema/enums';
import { calendarDate, id, instant, optionalId, optionalText, requiredText } from '../validation/rules';
import { isValidTimeZone } from './time';

export const BUCKETS = ['overdue', 'today', 'tomorrow', 'week', 'later', 'done'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const timeZone = z.string().max(64).refine(isValidTimeZone, 'tasks.time_zone').default('UTC');
/** A start or due: an instant for timed tasks, a 'YYYY-MM-DD' date for all-day ones. */
export const when = z.union([calendarDate, instant]);

export const recurrenceInput = z.object({
  freq: z.enum(['daily', 'weekly', 'monthly']),
  interval: z.number().int().min(1).max(99).default(1),
  // 0 = Monday … 6 = Sunday (weekly only).
  byWeekday: z.array(z.number().int().min(0).max(6)).max(7).default([]),
  until: calendarDate.nullish().transform((v) => v ?? null),
  count: z.number().int().min(1).max(1000).nullish().transform((v) => v ?? null),
});
export type RecurrenceInput = z.output<typeof recurrenceInput>;

const taskShape = {
  title: requiredText(500),
  typeId: id,
  allDay: z.boolean(),
  startsAt: when,
  dueAt: when.nullish().transform((v) => v ?? null),
  durationMin: z.number().int().min(0).max(7 * 24 * 60).nullish().transform((v) => v ?? null),
  assigneeId: optionalId,
  clientId: optionalId,
  contactId: optionalId,
  // A deal of the task's client; given alone, it brings its client along.
  dealId: optionalId,
  priority: z.enum(TASK_PRIORITIES),
  description: optionalText(20000),
  reminders: z.array(z.number().int().min(0).max(60 * 24 * 30)).max(10),
};

export const taskFields = z.object({
  ...taskShape,
  priority: taskShape.priority.default('normal'),
  reminders: taskShape.reminders.default([]),
  recurrence: recurrenceInput.nullish().transform((v) => v ?? null),
});
export type TaskFields = z.output<typeof taskFields>;

export const taskPatch = z.object(taskShape).partial();
export type TaskPatch = z.output<typeof taskPatch>;

export const listFilter = z.object({
  scope: z.enum(['mine', 'all']).default('mine'),
  assigneeId: optionalId,
  typeId: optionalId,
  clientId: optionalId,
  dealId: optionalId,
  // A report's drill-down into the Done list: done within [doneFrom, doneTo) (UTC
  // instants), and only those done after their deadline (in the user's day for all-day tasks).
  doneFrom: z.string().max(40).nullish(),
  doneTo: z.string().max(40).nullish(),
  late: z.boolean().nullish(),
  fromReport: z.string().max(200).nullish(),
});
export type ListFilter = z.output<typeof listFilter>;
