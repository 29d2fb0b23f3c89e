import { z } from 'zod';
import { isCalendarDate } from '../validation/dates';
import { isValidTimeZone } from './time';

export const PRIORITIES = ['low', 'normal', 'high'] as const;
export const BUCKETS = ['overdue', 'today', 'tomorrow', 'week', 'later', 'done'] as const;
export type Bucket = (typeof BUCKETS)[number];

const ref = z.string().max(64).nullish().transform((v) => v || null);
const optText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => v?.trim() || null);

export const timeZone = z.string().max(64).refine(isValidTimeZone, 'tasks.time_zone').default('UTC');
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date').refine(isCalendarDate, 'date');
const instant = z.iso.datetime({ offset: true });
/** A start or due: an instant for timed tasks, a 'YYYY-MM-DD' date for all-day ones. */
export const when = z.union([date, instant]);

export const recurrenceInput = z.object({
  freq: z.enum(['daily', 'weekly', 'monthly']),
  interval: z.number().int().min(1).max(99).default(1),
  // 0 = Monday … 6 = Sunday (weekly only).
  byWeekday: z.array(z.number().int().min(0).max(6)).max(7).default([]),
  until: date.nullish().transform((v) => v ?? null),
  count: z.number().int().min(1).max(1000).nullish().transform((v) => v ?? null),
});
export type RecurrenceInput = z.output<typeof recurrenceInput>;

const taskShape = {
  title: z.string().trim().min(1, 'required').max(500),
  typeId: z.string().min(1, 'required').max(64),
  allDay: z.boolean(),
  startsAt: when,
  dueAt: when.nullish().transform((v) => v ?? null),
  durationMin: z.number().int().min(0).max(7 * 24 * 60).nullish().transform((v) => v ?? null),
  assigneeId: ref,
  clientId: ref,
  contactId: ref,
  // A deal of the task's client; given alone, it brings its client along.
  dealId: ref,
  priority: z.enum(PRIORITIES),
  description: optText(20000),
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
  assigneeId: ref,
  typeId: ref,
  clientId: ref,
  dealId: ref,
  // A report's drill-down into the Done list: done within [doneFrom, doneTo) (UTC
  // instants), and only those done after their deadline (in the user's day for all-day tasks).
  doneFrom: z.string().max(40).nullish(),
  doneTo: z.string().max(40).nullish(),
  late: z.boolean().nullish(),
  fromReport: z.string().max(200).nullish(),
});
export type ListFilter = z.output<typeof listFilter>;
