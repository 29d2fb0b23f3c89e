import { and, eq, gte, isNull } from 'drizzle-orm';
import { isoNow, type Ctx } from '../context';
import { newId } from '../ids';
import { NotFoundError, ValidationError } from '../errors';
import { tasks, taskSeries } from '../db/schema';
import type { TaskFields, TaskPatch, RecurrenceInput } from './schemas';
import { checkLinks, normalizeWhen } from './refs';
import { reminderMinutes, setReminders } from './reminders-write';
import {
  addException,
  buildRule,
  createSeries,
  endSeries,
  floatingStart,
  horizonFrom,
  materializeSeries,
  occurrenceKey,
  type SeriesTemplate,
} from './recurrence';
import { dayStart } from './time';

export type Scope = 'one' | 'series';

function loadTask(ctx: Ctx, id: string) {
  const t = ctx.db.select().from(tasks).where(eq(tasks.id, id)).get();
  if (!t || t.archivedAt) throw new NotFoundError('task', id);
  return t;
}

function templateOf(f: Omit<TaskFields, 'recurrence' | 'startsAt' | 'dueAt'>): SeriesTemplate {
  return {
    title: f.title,
    typeId: f.typeId,
    allDay: f.allDay,
    durationMin: f.durationMin,
    assigneeId: f.assigneeId,
    clientId: f.clientId,
    contactId: f.contactId,
    dealId: f.dealId,
    priority: f.priority,
    description: f.description,
    reminders: f.reminders,
  };
}

/** Starts a series at the given first occurrence and creates its occurrences up to the horizon. */
function startSeries(ctx: Ctx, f: TaskFields & { recurrence: RecurrenceInput }, tz: string): string {
  const dtstart = floatingStart(f.allDay, f.startsAt, tz);
  const rule = buildRule(f.recurrence, dtstart);
  const from = f.allDay ? dayStart(f.startsAt, tz) : f.startsAt;
  const seriesId = createSeries(ctx, rule, tz, templateOf(f), from);
  materializeSeries(ctx, seriesId, horizonFrom(ctx.now() > new Date(from) ? ctx.now() : new Date(from)));
  const first = ctx.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(eq(tasks.seriesId, seriesId))
    .orderBy(tasks.startsAt)
    .limit(1)
    .get();
  if (!first) throw new ValidationError([{ field: 'recurrence', code: 'tasks.recurrence_empty' }]);
  return first.id;
}

export function createTask(ctx: Ctx, input: TaskFields, tz: string): { id: string } {
  const when = normalizeWhen(input);
  const links = checkLinks(ctx, { ...input, assigneeId: input.assigneeId ?? ctx.userId }, { newType: true });
  const f = { ...input, ...links, ...when };
  return ctx.ws.sqlite.transaction(() => {
    if (input.recurrence) return { id: startSeries(ctx, { ...f, recurrence: input.recurrence }, tz) };
    const id = newId();
    const now = isoNow(ctx);
    ctx.db
      .insert(tasks)
      .values({
        id,
        ...taskColumns(f),
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.userId,
      })
      .run();
    setReminders(ctx, id, f, f.reminders, tz);
    return { id };
  })();
}

/**
 * Edits a task. In a series, scope 'one' detaches this occurrence (series edits
 * leave it alone); scope 'series' changes this and every following open occurrence:
 * the old series ends here and a new one starts from this task.
 */
export function updateTask(ctx: Ctx, id: string, patch: TaskPatch, tz: string, scope: Scope = 'one', recurrence?: RecurrenceInput | null) {
  const cur = loadTask(ctx, id);
  const merged = {
    title: patch.title ?? cur.title,
    typeId: patch.typeId ?? cur.typeId,
    allDay: patch.allDay ?? cur.allDay,
    startsAt: patch.startsAt ?? cur.startsAt,
    dueAt: patch.dueAt !== undefined ? patch.dueAt : cur.dueAt,
    durationMin: patch.durationMin !== undefined ? patch.durationMin : cur.durationMin,
    assigneeId: patch.assigneeId !== undefined ? patch.assigneeId : cur.assigneeId,
    clientId: patch.clientId !== undefined ? patch.clientId : cur.clientId,
    contactId: patch.contactId !== undefined ? patch.contactId : cur.contactId,
    dealId: patch.dealId !== undefined ? patch.dealId : cur.dealId,
    priority: patch.priority ?? cur.priority,
    description: patch.description !== undefined ? patch.description : cur.description,
    reminders: patch.reminders ?? reminderMinutes(ctx, id),
  };
  // Switching between timed and all-day without a new start keeps the day.
  if (patch.allDay !== undefined && patch.startsAt === undefined && patch.allDay !== cur.allDay) {
    throw new ValidationError([{ field: 'startsAt', code: patch.allDay ? 'tasks.date_expected' : 'tasks.time_expected' }]);
  }
  const when = normalizeWhen(merged);
  const links = checkLinks(ctx, merged, { newType: merged.typeId !== cur.typeId, current: cur });
  const f = { ...merged, ...links, ...when };
  ctx.ws.sqlite.transaction(() => {
    const seriesEdit = cur.seriesId && (scope === 'series' || recurrence !== undefined);
    if (seriesEdit) {
      const series = ctx.db.select().from(taskSeries).where(eq(taskSeries.id, cur.seriesId!)).get()!;
      dropFollowing(ctx, cur.seriesId!, cur.startsAt, id);
      endSeries(ctx, cur.seriesId!);
      if (recurrence !== null) {
        const r = recurrence ?? ruleToInput(series.rrule);
        const seriesTz = tz;
        const rule = buildRule(r, floatingStart(f.allDay, f.startsAt, seriesTz));
        const from = f.allDay ? dayStart(f.startsAt, seriesTz) : f.startsAt;
        const newSeries = createSeries(ctx, rule, seriesTz, templateOf(f), from);
        writeRow(ctx, id, f, { seriesId: newSeries, occurrence: occurrenceKey(f.allDay, floatingStart(f.allDay, f.startsAt, seriesTz)), detached: false });
        materializeSeries(ctx, newSeries, horizonFrom(ctx.now() > new Date(from) ? ctx.now() : new Date(from)));
      } else {
        writeRow(ctx, id, f, { seriesId: null, occurrence: null, detached: false });
      }
    } else if (!cur.seriesId && recurrence) {
      const rule = buildRule(recurrence, floatingStart(f.allDay, f.startsAt, tz));
      const from = f.allDay ? dayStart(f.startsAt, tz) : f.startsAt;
      const newSeries = createSeries(ctx, rule, tz, templateOf(f), from);
      writeRow(ctx, id, f, { seriesId: newSeries, occurrence: occurrenceKey(f.allDay, floatingStart(f.allDay, f.startsAt, tz)), detached: false });
      materializeSeries(ctx, newSeries, horizonFrom(ctx.now() > new Date(from) ? ctx.now() : new Date(from)));
    } else {
      writeRow(ctx, id, f, cur.seriesId ? { detached: true } : {});
    }
    const timeChanged = f.startsAt !== cur.startsAt || f.allDay !== cur.allDay;
    if (timeChanged || patch.reminders) setReminders(ctx, id, f, f.reminders, tz);
  })();
  return { id };
}

type Row = ReturnType<typeof normalizeWhen> & Omit<ReturnType<typeof templateOf>, 'reminders' | 'allDay' | 'durationMin'>;

/** The columns a task's fields fill, the same on create and on every edit. */
function taskColumns(f: Row) {
  const { reminders: _reminders, ...template } = templateOf({ ...f, reminders: [] });
  return { ...template, startsAt: f.startsAt, dueAt: f.dueAt, deadlineAt: f.dueAt ?? f.startsAt };
}

function writeRow(ctx: Ctx, id: string, f: Row, extra: { seriesId?: string | null; occurrence?: string | null; detached?: boolean }) {
  ctx.db
    .update(tasks)
    .set({
      ...taskColumns(f),
      ...extra,
      updatedAt: isoNow(ctx),
    })
    .where(eq(tasks.id, id))
    .run();
}

/** Removes the open, never-edited occurrences of a series from `fromStart` on (except `keepId`). */
function dropFollowing(ctx: Ctx, seriesId: string, fromStart: string, keepId: string) {
  const rows = ctx.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.seriesId, seriesId), gte(tasks.startsAt, fromStart), isNull(tasks.doneAt), eq(tasks.detached, false)))
    .all();
  for (const r of rows) if (r.id !== keepId) ctx.db.delete(tasks).where(eq(tasks.id, r.id)).run();
}

/** Reads the stored rule back into the form's shape (for "edit the series" without touching the rule). */
export function ruleToInput(rule: string): RecurrenceInput {
  const freq = /FREQ=(DAILY|WEEKLY|MONTHLY)/.exec(rule)?.[1]?.toLowerCase() as RecurrenceInput['freq'] | undefined;
  const days = /BYDAY=([A-Z,]+)/.exec(rule)?.[1]?.split(',') ?? [];
  const until = /UNTIL=(\d{4})(\d{2})(\d{2})/.exec(rule);
  return {
    freq: freq ?? 'daily',
    interval: Number(/INTERVAL=(\d+)/.exec(rule)?.[1] ?? 1),
    byWeekday: days.map((d) => ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].indexOf(d)).filter((d) => d >= 0),
    until: until ? `${until[1]}-${until[2]}-${until[3]}` : null,
    count: Number(/COUNT=(\d+)/.exec(rule)?.[1] ?? 0) || null,
  };
}

/** Drag in the calendar: a new start (and duration when resized); the day stays whole for all-day tasks. */
export function moveTask(ctx: Ctx, id: string, to: { allDay: boolean; startsAt: string; durationMin?: number | null }, tz: string) {
  const cur = loadTask(ctx, id);
  // A due date moves with the task so it never ends before it starts.
  let dueAt: string | null = null;
  if (cur.dueAt && cur.allDay === to.allDay) {
    const shift = to.allDay
      ? new Date(`${to.startsAt}T00:00:00Z`).getTime() - new Date(`${cur.startsAt}T00:00:00Z`).getTime()
      : new Date(to.startsAt).getTime() - new Date(cur.startsAt).getTime();
    const moved = new Date(new Date(to.allDay ? `${cur.dueAt}T00:00:00Z` : cur.dueAt).getTime() + shift).toISOString();
    dueAt = to.allDay ? moved.slice(0, 10) : moved;
  }
  return updateTask(ctx, id, { allDay: to.allDay, startsAt: to.startsAt, dueAt, ...(to.durationMin !== undefined ? { durationMin: to.durationMin } : {}) }, tz, 'one');
}

/** Removes a task (kept archived); in a series, 'one' leaves a gap, 'series' ends it from here on. */
export function deleteTask(ctx: Ctx, id: string, scope: Scope = 'one') {
  const cur = loadTask(ctx, id);
  ctx.ws.sqlite.transaction(() => {
    const now = isoNow(ctx);
    ctx.db.update(tasks).set({ archivedAt: now, updatedAt: now }).where(eq(tasks.id, id)).run();
    if (!cur.seriesId) return;
    if (scope === 'series') {
      dropFollowing(ctx, cur.seriesId, cur.startsAt, id);
      endSeries(ctx, cur.seriesId);
    } else if (cur.occurrence) {
      addException(ctx, cur.seriesId, cur.occurrence);
    }
  })();
  return { id };
}

export function restoreTask(ctx: Ctx, id: string) {
  const r = ctx.db.update(tasks).set({ archivedAt: null, updatedAt: isoNow(ctx) }).where(eq(tasks.id, id)).run();
  if (r.changes === 0) throw new NotFoundError('task', id);
  return { id };
}
