import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { BUCKETS, type Bucket, type ListFilter } from './schemas';
import type { Client, Contact, Deal, Task, TaskType, User } from '../db/schema';
import { dayStart, localDate, shiftDate, weekMonday } from './time';
import { seesOwnOnly } from '../access/visibility';

// Lists and calendar ranges are index range scans: open tasks by deadline (partial
// indexes over open tasks, per assignee or all), done ones by completion time,
// calendar by start. An all-day task keeps its date ('YYYY-MM-DD'); a timed one an
// instant. Each bucket is one text range covering both shapes (a date sorts just
// before the instants of that day) refined by the exact condition for each shape.

const FAR_PAST = '';
const FAR_FUTURE = '9999';

interface Bounds {
  /** Instants [a, b) for timed tasks. */
  a: string;
  b: string;
  /** Dates [da, db) for all-day tasks. */
  da: string;
  db: string;
}

/** The open buckets for a moment in a zone; overdue is "deadline passed", the rest are local days. */
export function bucketBounds(now: Date, tz: string): Record<Exclude<Bucket, 'done'>, Bounds> {
  const nowIso = now.toISOString();
  const today = localDate(now, tz);
  const tomorrow = shiftDate(today, 1);
  const dayAfter = shiftDate(today, 2);
  const nextMonday = shiftDate(weekMonday(today), 7);
  const weekEnd = nextMonday > dayAfter ? nextMonday : dayAfter;
  return {
    overdue: { a: FAR_PAST, b: nowIso, da: FAR_PAST, db: today },
    today: { a: nowIso, b: dayStart(tomorrow, tz), da: today, db: tomorrow },
    tomorrow: { a: dayStart(tomorrow, tz), b: dayStart(dayAfter, tz), da: tomorrow, db: dayAfter },
    week: { a: dayStart(dayAfter, tz), b: dayStart(weekEnd, tz), da: dayAfter, db: weekEnd },
    later: { a: dayStart(weekEnd, tz), b: FAR_FUTURE, da: weekEnd, db: FAR_FUTURE },
  };
}

export const SELECT = `SELECT t.id, t.title, t.type_id AS typeId, tt.code AS typeCode, tt.name AS typeName, tt.color AS typeColor,
  t.all_day AS allDay, t.starts_at AS startsAt, t.due_at AS dueAt, t.deadline_at AS deadlineAt, t.duration_min AS durationMin,
  t.assignee_id AS assigneeId, u.name AS assigneeName, u.color AS assigneeColor,
  t.client_id AS clientId, c.name AS clientName, t.contact_id AS contactId, k.name AS contactName, t.deal_id AS dealId, dl.title AS dealTitle,
  t.priority, t.description, t.done_at AS doneAt, t.result, t.spent_minutes AS spentMin, t.series_id AS seriesId
FROM tasks t
JOIN task_types tt ON tt.id = t.type_id
LEFT JOIN users u ON u.id = t.assignee_id
LEFT JOIN clients c ON c.id = t.client_id
LEFT JOIN contacts k ON k.id = t.contact_id
LEFT JOIN deals dl ON dl.id = t.deal_id`;

/** A task as SELECT reads it: raw SQL keeps all_day as SQLite's 0/1. */
export type RawRow = Pick<
  Task,
  | 'id'
  | 'title'
  | 'typeId'
  | 'startsAt'
  | 'dueAt'
  | 'deadlineAt'
  | 'durationMin'
  | 'assigneeId'
  | 'clientId'
  | 'contactId'
  | 'dealId'
  | 'priority'
  | 'description'
  | 'doneAt'
  | 'result'
  | 'spentMin'
  | 'seriesId'
> & {
  allDay: 0 | 1;
  typeCode: TaskType['code'];
  typeName: TaskType['name'];
  typeColor: TaskType['color'];
  assigneeName: User['name'] | null;
  assigneeColor: User['color'] | null;
  clientName: Client['name'] | null;
  contactName: Contact['name'] | null;
  dealTitle: Deal['title'] | null;
};

export type TaskRow = Omit<RawRow, 'allDay'> & { allDay: boolean; overdue: boolean };

/** "Now" in both shapes, computed once per call (a zone conversion per row would dominate a page). */
export interface Moment {
  iso: string;
  today: string;
}
export const momentOf = (now: Date, tz: string): Moment => ({ iso: now.toISOString(), today: localDate(now, tz) });

export function toRow(r: RawRow, m: Moment): TaskRow {
  const allDay = r.allDay === 1;
  const overdue = !r.doneAt && (allDay ? r.deadlineAt < m.today : r.deadlineAt < m.iso);
  return { ...r, allDay, overdue };
}

function filterSql(ctx: Ctx, f: ListFilter, params: Record<string, unknown>, tz = 'UTC'): string {
  const userId = ctx.userId;
  let sql = '';
  // A user who sees only their own: tasks assigned to them or set by them.
  if (seesOwnOnly(ctx)) {
    sql += ' AND (t.assignee_id = @me OR t.created_by = @me)';
    params.me = userId;
  }
  if (f.late) {
    sql += ` AND ${LATE_SQL}`;
    params.tz = tz;
  }
  const conditions: [key: string, value: string | null | undefined, condition: string][] = [
    ['doneFrom', f.doneFrom, 't.done_at >= @doneFrom'],
    ['doneTo', f.doneTo, 't.done_at < @doneTo'],
    ['assignee', f.assigneeId ?? (f.scope === 'mine' ? userId : null), 't.assignee_id = @assignee'],
    ['typeId', f.typeId, 't.type_id = @typeId'],
    ['clientId', f.clientId, 't.client_id = @clientId'],
    ['dealId', f.dealId, 't.deal_id = @dealId'],
  ];
  for (const [key, value, condition] of conditions) {
    if (!value) continue;
    sql += ` AND ${condition}`;
    params[key] = value;
  }
  return sql;
}

function openWhere(b: Bounds, col: 'deadline_at' | 'starts_at', params: Record<string, unknown>): string {
  Object.assign(params, b, { lo: b.a < b.da ? b.a : b.da, hi: b.b > b.db ? b.b : b.db });
  return `t.${col} >= @lo AND t.${col} < @hi
    AND ((t.all_day = 0 AND t.${col} >= @a AND t.${col} < @b) OR (t.all_day = 1 AND t.${col} >= @da AND t.${col} < @db))`;
}

/**
 * Done after its deadline: a timed task after the moment, an all-day one after its day in
 * the user's zone — `doneDay` is SQL for the local date of `t.done_at`.
 */
export const lateSql = (doneDay: string): string =>
  `(t.done_at IS NOT NULL AND ((t.all_day = 0 AND t.done_at > t.deadline_at) OR (t.all_day = 1 AND ${doneDay} > t.deadline_at)))`;

/** lateSql for any done task, the local date by klocaldate with the zone bound as @tz. */
export const LATE_SQL = lateSql('klocaldate(t.done_at, @tz)');

function bucketQuery(ctx: Ctx, bucket: Bucket, f: ListFilter, now: Date, tz: string) {
  const params: Record<string, unknown> = {};
  const filters = filterSql(ctx, f, params, tz);
  if (bucket === 'done') {
    return { where: `t.done_at IS NOT NULL AND t.archived_at IS NULL${filters}`, order: 't.done_at DESC, t.id DESC', params };
  }
  const where = `t.done_at IS NULL AND t.archived_at IS NULL AND ${openWhere(bucketBounds(now, tz)[bucket], 'deadline_at', params)}${filters}`;
  return { where, order: 't.deadline_at, t.all_day, t.id', params };
}

export function listBucket(ctx: Ctx, bucket: Bucket, f: ListFilter, tz: string, offset: number, limit: number) {
  const now = ctx.now();
  const q = bucketQuery(ctx, bucket, f, now, tz);
  const rows = prepared<RawRow>(ctx.ws.sqlite, `${SELECT} WHERE ${q.where} ORDER BY ${q.order} LIMIT @limit OFFSET @offset`).all({
    ...q.params,
    limit,
    offset,
  });
  const m = momentOf(now, tz);
  return rows.map((r) => toRow(r, m));
}

export function countBuckets<B extends Bucket = Bucket>(ctx: Ctx, f: ListFilter, tz: string, buckets: readonly B[] = BUCKETS as unknown as readonly B[]): Record<B, number> {
  const now = ctx.now();
  const out = {} as Record<B, number>;
  for (const bucket of buckets) {
    const q = bucketQuery(ctx, bucket, f, now, tz);
    out[bucket] = prepared<{ n: number }>(ctx.ws.sqlite, `SELECT count(*) AS n FROM tasks t WHERE ${q.where}`).get(q.params)!.n;
  }
  return out;
}

/** Calendar: tasks starting within local days [from, to), at most `limit` (the caller says when cut). */
export function tasksInRange(
  ctx: Ctx,
  range: { from: string; to: string; assigneeIds: string[]; typeIds: string[] },
  tz: string,
  limit: number,
) {
  const now = ctx.now();
  const params: Record<string, unknown> = { limit: limit + 1 };
  let where = `t.archived_at IS NULL AND ${openWhere(
    { a: dayStart(range.from, tz), b: dayStart(range.to, tz), da: range.from, db: range.to },
    'starts_at',
    params,
  )}`;
  // Ids go in as parameters; the list lengths are bounded by the schema.
  const inList = (col: string, ids: string[], key: string) => {
    if (!ids.length) return;
    where += ` AND t.${col} IN (${ids.map((_, i) => `@${key}${i}`).join(', ')})`;
    ids.forEach((id, i) => (params[`${key}${i}`] = id));
  };
  inList('assignee_id', range.assigneeIds, 'u');
  inList('type_id', range.typeIds, 'ty');
  const rows = prepared<RawRow>(ctx.ws.sqlite, `${SELECT} WHERE ${where} ORDER BY t.starts_at, t.id LIMIT @limit`).all(params);
  const m = momentOf(now, tz);
  return { items: rows.slice(0, limit).map((r) => toRow(r, m)), truncated: rows.length > limit };
}

/** A client's (or deal's) open tasks soonest first and the latest done ones. */
export function tasksFor(ctx: Ctx, link: { clientId?: string | null; dealId?: string | null }, tz: string, limit: number) {
  const now = ctx.now();
  const col = link.clientId ? 'client_id' : 'deal_id';
  const id = link.clientId ?? link.dealId;
  const open = prepared<RawRow>(
    ctx.ws.sqlite,
    `${SELECT} WHERE t.${col} = @id AND t.done_at IS NULL AND t.archived_at IS NULL ORDER BY t.deadline_at, t.id LIMIT @limit`,
  ).all({ id, limit });
  const done = prepared<RawRow>(
    ctx.ws.sqlite,
    `${SELECT} WHERE t.${col} = @id AND t.done_at IS NOT NULL AND t.archived_at IS NULL ORDER BY t.done_at DESC, t.id DESC LIMIT @limit`,
  ).all({ id, limit });
  const m = momentOf(now, tz);
  return { open: open.map((r) => toRow(r, m)), done: done.map((r) => toRow(r, m)) };
}

export function getTaskRow(ctx: Ctx, id: string, tz: string): TaskRow | null {
  const r = prepared<RawRow>(ctx.ws.sqlite, `${SELECT} WHERE t.id = @id AND t.archived_at IS NULL`).get({ id });
  return r ? toRow(r, momentOf(ctx.now(), tz)) : null;
}
