import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { id, timestamps } from './columns';
import { TASK_PRIORITIES } from './enums';
import { users } from './users';
import { clients, contacts } from './clients';
import { deals } from './deals';

// Tasks, their reminders and recurrence. Instants are ISO-8601 UTC strings; an
// all-day task keeps a plain 'YYYY-MM-DD' date instead, so it stays on its date in
// every time zone. Both shapes sort correctly as text within their kind.

/** The configurable list of task types; built-in ones carry a code (their name is translated). */
export const taskTypes = sqliteTable(
  'task_types',
  {
    id: id(),
    code: text('code'),
    name: text('name').notNull(),
    color: text('color').notNull().default('#4c6ef5'),
    sort: integer('sort').notNull().default(0),
    archivedAt: text('archived_at'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('task_types_code_idx').on(t.code)],
);

/**
 * A recurring task: the RRULE (daily / weekly on days / monthly) expanded in the
 * zone it was planned in, so "every Monday 10:00" stays 10:00 across DST changes.
 * Occurrences are materialised as tasks up to `materialized_until`.
 */
export const taskSeries = sqliteTable(
  'task_series',
  {
    id: id(),
    rrule: text('rrule').notNull(),
    timeZone: text('time_zone').notNull(),
    // JSON of the task fields every new occurrence starts from.
    template: text('template').notNull(),
    materializedUntil: text('materialized_until').notNull(),
    endedAt: text('ended_at'),
    ...timestamps(),
  },
  (t) => [index('task_series_materialized_idx').on(t.endedAt, t.materializedUntil)],
);

/** Occurrences removed from a series one by one ("delete only this one"). */
export const taskSeriesExceptions = sqliteTable(
  'task_series_exceptions',
  {
    seriesId: text('series_id')
      .notNull()
      .references(() => taskSeries.id, { onDelete: 'cascade' }),
    occurrence: text('occurrence').notNull(),
  },
  (t) => [uniqueIndex('task_series_exceptions_pk').on(t.seriesId, t.occurrence)],
);

export const tasks = sqliteTable(
  'tasks',
  {
    id: id(),
    title: text('title').notNull(),
    typeId: text('type_id')
      .notNull()
      .references(() => taskTypes.id),
    allDay: integer('all_day', { mode: 'boolean' }).notNull().default(false),
    startsAt: text('starts_at').notNull(),
    dueAt: text('due_at'),
    // coalesce(due_at, starts_at), kept by the core: list buckets and "overdue" use it.
    deadlineAt: text('deadline_at').notNull(),
    durationMin: integer('duration_min'),
    assigneeId: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    clientId: text('client_id').references(() => clients.id, { onDelete: 'set null' }),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    dealId: text('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    priority: text('priority', { enum: TASK_PRIORITIES }).notNull().default('normal'),
    description: text('description'),
    doneAt: text('done_at'),
    result: text('result'),
    spentMin: integer('spent_minutes'),
    seriesId: text('series_id').references(() => taskSeries.id, { onDelete: 'set null' }),
    // The occurrence's original start in its series; set also after it is moved.
    occurrence: text('occurrence'),
    // Edited on its own: series edits leave it alone.
    detached: integer('detached', { mode: 'boolean' }).notNull().default(false),
    // UID of an event imported from an .ics file: importing the same file twice adds nothing.
    externalUid: text('external_uid'),
    archivedAt: text('archived_at'),
    ...timestamps(),
  },
  // Partial indexes: open tasks by deadline (lists), done ones by completion; links
  // only where set, so the planner never skip-scans a mostly-NULL column instead.
  // all_day is in the open-task indexes so bucket counts never touch the table; each
  // ends with id, the lists' tie-breaker, so pages come in index order.
  (t) => [
    index('tasks_open_deadline_idx').on(t.deadlineAt, t.allDay, t.id).where(sql`done_at IS NULL AND archived_at IS NULL`),
    index('tasks_open_assignee_deadline_idx').on(t.assigneeId, t.deadlineAt, t.allDay, t.id).where(sql`done_at IS NULL AND archived_at IS NULL`),
    index('tasks_done_idx').on(t.doneAt, t.id).where(sql`done_at IS NOT NULL AND archived_at IS NULL`),
    index('tasks_done_assignee_idx').on(t.assigneeId, t.doneAt, t.id).where(sql`done_at IS NOT NULL AND archived_at IS NULL`),
    index('tasks_starts_idx').on(t.startsAt, t.allDay),
    index('tasks_assignee_starts_idx').on(t.assigneeId, t.startsAt, t.allDay),
    index('tasks_client_idx').on(t.clientId, t.deadlineAt).where(sql`client_id IS NOT NULL`),
    index('tasks_contact_idx').on(t.contactId).where(sql`contact_id IS NOT NULL`),
    index('tasks_deal_idx').on(t.dealId, t.deadlineAt).where(sql`deal_id IS NOT NULL`),
    // A deal's open tasks in deadline order: its next step is the first entry, and "no
    // next step" is an index probe that never reads the table (board and list filters).
    index('tasks_open_deal_idx').on(t.dealId, t.deadlineAt, t.id).where(sql`deal_id IS NOT NULL AND done_at IS NULL AND archived_at IS NULL`),
    index('tasks_series_idx').on(t.seriesId, t.occurrence).where(sql`series_id IS NOT NULL`),
    index('tasks_external_uid_idx').on(t.externalUid).where(sql`external_uid IS NOT NULL`),
  ],
);

/** Several reminders per task, each so many minutes before its start. */
export const taskReminders = sqliteTable(
  'task_reminders',
  {
    id: id(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    minutesBefore: integer('minutes_before').notNull(),
    fireAt: text('fire_at').notNull(),
    snoozedUntil: text('snoozed_until'),
    // When a door first showed it (a desktop notification is shown once).
    notifiedAt: text('notified_at'),
    dismissedAt: text('dismissed_at'),
  },
  (t) => [
    index('task_reminders_task_idx').on(t.taskId),
    index('task_reminders_pending_idx').on(t.fireAt).where(sql`dismissed_at IS NULL`),
  ],
);

// Row types of the tables above (what a select of all columns returns), for typing raw-SQL rows too.
export type TaskType = typeof taskTypes.$inferSelect;
export type TaskSeries = typeof taskSeries.$inferSelect;
export type Task = typeof tasks.$inferSelect;
export type TaskReminder = typeof taskReminders.$inferSelect;
