import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Ctx } from '../context';
import { isoNow } from '../context';
import { newId } from '../ids';
import { RRule, rrulestr } from './rrule-lib';
import type { RecurrenceInput } from './schemas';
import { taskSeries, taskSeriesExceptions, tasks, deals, type TaskSeries } from '../db/schema';
import { localParts, zonedInstant } from './time';
import { setReminders } from './reminders-write';
import { prepared } from '../db/statements';

// A series is expanded in "floating" wall-clock time: rrule works on Dates whose
// UTC fields are read as the local time of the series' zone, and each occurrence is
// then placed in that zone. So "Mondays 10:00 Berlin" is 09:00Z in winter and 08:00Z
// in summer, and an all-day series stays on its dates.

/** Occurrences created ahead of today; calendar ranges further out extend it. */
export const HORIZON_DAYS = 92;
const MAX_PER_PASS = 1000;
const WEEKDAYS = () => [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

export interface SeriesTemplate {
  title: string;
  typeId: string;
  allDay: boolean;
  durationMin: number | null;
  assigneeId: string | null;
  clientId: string | null;
  contactId: string | null;
  dealId: string | null;
  priority: 'low' | 'normal' | 'high';
  description: string | null;
  reminders: number[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Floating Date for a task start: its wall-clock time in `tz` (or its date) as UTC fields. */
export function floatingStart(allDay: boolean, startsAt: string, tz: string): Date {
  if (allDay) return new Date(`${startsAt}T00:00:00Z`);
  const p = localParts(startsAt, tz);
  return new Date(Date.UTC(p.y, p.m - 1, p.d, p.h, p.min));
}

const floatingOf = (instant: string, tz: string): Date => floatingStart(false, instant, tz);

/** The key of an occurrence in its series: its planned local date (and time). */
export function occurrenceKey(allDay: boolean, floating: Date): string {
  const date = floating.toISOString().slice(0, 10);
  return allDay ? date : `${date}T${pad(floating.getUTCHours())}:${pad(floating.getUTCMinutes())}`;
}

export function buildRule(r: RecurrenceInput, dtstart: Date): string {
  const freq = { daily: RRule.DAILY, weekly: RRule.WEEKLY, monthly: RRule.MONTHLY }[r.freq];
  return new RRule({
    freq,
    interval: r.interval,
    dtstart,
    byweekday: r.freq === 'weekly' && r.byWeekday.length ? r.byWeekday.map((d) => WEEKDAYS()[d]!) : null,
    until: r.until ? new Date(`${r.until}T23:59:59Z`) : null,
    count: r.count,
  }).toString();
}

/** Floating occurrence starts of a rule within [from, to] (both floating). */
export function expandRule(rule: string, from: Date, to: Date, limit = MAX_PER_PASS): Date[] {
  const out: Date[] = [];
  rrulestr(rule).between(from, to, true, (d) => {
    out.push(d);
    return out.length < limit;
  });
  return out;
}

/** The stored start of an occurrence: an instant in the series' zone, or the date. */
export function occurrenceStart(allDay: boolean, floating: Date, tz: string): string {
  const date = floating.toISOString().slice(0, 10);
  return allDay ? date : zonedInstant(date, floating.getUTCHours(), floating.getUTCMinutes(), tz);
}

/**
 * Rewrites the template of every running series that refers to `id` (a client or a
 * deal moved, merged or removed); `change` returns the new template, or null to leave
 * it. Templates are JSON, so the id is found by text first and confirmed by `change`.
 */
export function rewriteSeriesTemplates(ctx: Ctx, id: string, change: (t: SeriesTemplate) => SeriesTemplate | null): void {
  const s = ctx.ws.sqlite;
  const rows = prepared<Pick<TaskSeries, 'id' | 'template'>>(s, 'SELECT id, template FROM task_series WHERE ended_at IS NULL AND instr(template, ?) > 0').all(id);
  for (const row of rows) {
    const next = change(JSON.parse(row.template) as SeriesTemplate);
    if (next) prepared(s, 'UPDATE task_series SET template = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(next), isoNow(ctx), row.id);
  }
}

export function createSeries(ctx: Ctx, rule: string, tz: string, template: SeriesTemplate, fromIso: string): string {
  const id = newId();
  const now = isoNow(ctx);
  ctx.db
    .insert(taskSeries)
    .values({ id, rrule: rule, timeZone: tz, template: JSON.stringify(template), materializedUntil: fromIso, createdAt: now, updatedAt: now, createdBy: ctx.userId })
    .run();
  return id;
}

/** Creates the occurrences of one series up to `untilIso`; existing and removed ones are skipped. */
export function materializeSeries(ctx: Ctx, seriesId: string, untilIso: string): number {
  const s = ctx.db.select().from(taskSeries).where(eq(taskSeries.id, seriesId)).get();
  if (!s || s.endedAt || s.materializedUntil >= untilIso) return 0;
  const t = JSON.parse(s.template) as SeriesTemplate;
  // A deal removed since the series was planned (an undone import) leaves the link empty,
  // rather than failing its foreign key on every list of tasks.
  const dealId = t.dealId && ctx.db.select({ id: deals.id }).from(deals).where(eq(deals.id, t.dealId)).get() ? t.dealId : null;
  const from = floatingOf(s.materializedUntil, s.timeZone);
  const to = floatingOf(untilIso, s.timeZone);
  const taken = new Set(
    ctx.db.select({ k: tasks.occurrence }).from(tasks).where(eq(tasks.seriesId, seriesId)).all().map((r) => r.k),
  );
  for (const e of ctx.db.select().from(taskSeriesExceptions).where(eq(taskSeriesExceptions.seriesId, seriesId)).all()) taken.add(e.occurrence);
  const now = isoNow(ctx);
  let added = 0;
  let last = s.materializedUntil;
  const dates = expandRule(s.rrule, from, to);
  for (const f of dates) {
    const key = occurrenceKey(t.allDay, f);
    const startsAt = occurrenceStart(t.allDay, f, s.timeZone);
    if (!t.allDay) last = startsAt;
    if (taken.has(key)) continue;
    const id = newId();
    ctx.db
      .insert(tasks)
      .values({
        id,
        title: t.title,
        typeId: t.typeId,
        allDay: t.allDay,
        startsAt,
        dueAt: null,
        deadlineAt: startsAt,
        durationMin: t.durationMin,
        assigneeId: t.assigneeId,
        clientId: t.clientId,
        contactId: t.contactId,
        dealId,
        priority: t.priority,
        description: t.description,
        seriesId,
        occurrence: key,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.userId,
      })
      .run();
    setReminders(ctx, id, { allDay: t.allDay, startsAt }, t.reminders, s.timeZone);
    added++;
  }
  // A pass cut short by MAX_PER_PASS resumes after its last occurrence next time.
  const reachedEnd = dates.length < MAX_PER_PASS;
  ctx.db
    .update(taskSeries)
    .set({ materializedUntil: reachedEnd ? untilIso : t.allDay ? zonedInstant(dates.at(-1)!.toISOString().slice(0, 10), 23, 59, s.timeZone) : last })
    .where(eq(taskSeries.id, seriesId))
    .run();
  return added;
}

/** Makes sure every running series has its occurrences up to `untilIso`. Cheap when nothing is due. */
export function ensureMaterialized(ctx: Ctx, untilIso: string): void {
  const due = ctx.db
    .select({ id: taskSeries.id })
    .from(taskSeries)
    .where(and(isNull(taskSeries.endedAt), lt(taskSeries.materializedUntil, untilIso)))
    .all();
  if (!due.length) return;
  ctx.ws.sqlite.transaction(() => {
    for (const s of due) materializeSeries(ctx, s.id, untilIso);
  })();
}

export const horizonFrom = (now: Date, days = HORIZON_DAYS): string => new Date(now.getTime() + days * 86_400_000).toISOString();

/** Stops a series from producing more occurrences (an edit of "this and following" starts a new one). */
export function endSeries(ctx: Ctx, seriesId: string): void {
  ctx.db.update(taskSeries).set({ endedAt: isoNow(ctx), updatedAt: isoNow(ctx) }).where(eq(taskSeries.id, seriesId)).run();
}

export function addException(ctx: Ctx, seriesId: string, occurrence: string): void {
  ctx.db.insert(taskSeriesExceptions).values({ seriesId, occurrence }).onConflictDoNothing().run();
}
