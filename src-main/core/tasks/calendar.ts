import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { SELECT, momentOf, toRow, type RawRow, type TaskRow } from './list';
import { dayStart, shiftDate } from './time';
import { monthDaysOn, type BirthdayEntry } from './birthdays';

// The calendar asks for each day of the visible range the first few entries and the
// number of the rest, so a busy office's month shows every day (today included) with
// a «+N», instead of the first 2,000 tasks of the period piled on its first days.
// Every count and page is an index range query on one local day:
//  - tasks by start through partial covering indexes over live tasks (migration
//    0010_calendar_indexes), per assignee or for everyone, with the type in the index,
//    so counting a day's tasks never reads the table;
//  - birthdays by month-day through the expression indexes of 0007 (and, for one
//    person, the responsible's index of 0010).
// A day's entries come in one order: all-day tasks, timed tasks by start, then the
// birthdays of clients and of their contact persons. Pages of a day's list (the «+N»)
// walk that same order.

export interface CalendarFilter {
  /** Tasks of these assignees and birthdays of the clients they are responsible for; empty: everyone. */
  assigneeIds: string[];
  /** Task types shown; empty: every type. */
  typeIds: string[];
  /** Birthdays of clients and contact persons shown as all-day entries. */
  birthdays: boolean;
}

export type CalendarBirthday = BirthdayEntry;

export interface CalendarDay {
  date: string;
  /** The day's first tasks: all-day ones first, then timed ones by start. */
  tasks: TaskRow[];
  birthdays: CalendarBirthday[];
  /** Every entry of the day under the filter (tasks and birthdays). */
  total: number;
  /** Entries of the day not shown: the «+N». */
  more: number;
}

export type DayEntry = { task: TaskRow; birthday?: undefined } | { birthday: CalendarBirthday; task?: undefined };

export interface Caps {
  /** Entries shown per day at most. */
  perDay: number;
  /** Of those, all-day entries (all-day tasks and birthdays) at most: the week view's all-day row stays short. */
  allDayPerDay: number;
}

interface Segment<T> {
  count(): number;
  rows(offset: number, limit: number): T[];
}

type BirthdayRow = Omit<BirthdayEntry, 'date' | 'age'>;

/** `(@key0, …)` with its parameters set. */
function placeholders(values: string[], key: string, params: Record<string, unknown>): string {
  values.forEach((v, i) => (params[`${key}${i}`] = v));
  return `(${values.map((_, i) => `@${key}${i}`).join(', ')})`;
}

/** `AND col IN (…)`, or nothing for an empty list; lists are short (the UI sends one id). */
const inList = (col: string, ids: string[], key: string, params: Record<string, unknown>): string =>
  ids.length ? ` AND ${col} IN ${placeholders(ids, key, params)}` : '';

// By start, as the covering indexes hold them, so a day's first rows come without a
// sort. Tasks starting at the same moment come in index order (type, assignee, row):
// the same for every page of a day, as every page walks the same index.
const TASK_ORDER = 't.starts_at';

function taskSegment(ctx: Ctx, where: string, params: Record<string, unknown>): Segment<RawRow> {
  const sqlite = ctx.ws.sqlite;
  return {
    count: () => (prepared(sqlite, `SELECT count(*) AS n FROM tasks t WHERE ${where}`).get(params) as { n: number }).n,
    rows: (offset, limit) =>
      prepared(sqlite, `${SELECT} WHERE ${where} ORDER BY ${TASK_ORDER} LIMIT @limit OFFSET @offset`).all({ ...params, limit, offset }) as RawRow[],
  };
}

function birthdaySegment(ctx: Ctx, sql: { from: string; where: string; order: string; select: string }, params: Record<string, unknown>): Segment<BirthdayRow> {
  const sqlite = ctx.ws.sqlite;
  return {
    count: () => (prepared(sqlite, `SELECT count(*) AS n FROM ${sql.from} WHERE ${sql.where}`).get(params) as { n: number }).n,
    rows: (offset, limit) =>
      prepared(sqlite, `SELECT ${sql.select} FROM ${sql.from} WHERE ${sql.where} ORDER BY ${sql.order} LIMIT @limit OFFSET @offset`).all({
        ...params,
        limit,
        offset,
      }) as BirthdayRow[],
  };
}

/** One local day's entries as four ordered segments. */
function daySegments(ctx: Ctx, date: string, f: CalendarFilter, tz: string) {
  const taskParams: Record<string, unknown> = { d: date, a: dayStart(date, tz), b: dayStart(shiftDate(date, 1), tz) };
  const taskFilter =
    inList('t.assignee_id', f.assigneeIds, 'u', taskParams) + inList('t.type_id', f.typeIds, 'ty', taskParams);
  const allDay = taskSegment(ctx, `t.archived_at IS NULL AND t.starts_at = @d AND t.all_day = 1${taskFilter}`, taskParams);
  // A date sorts among the instants of its day, hence all_day = 0 (read from the index).
  const timed = taskSegment(ctx, `t.archived_at IS NULL AND t.starts_at >= @a AND t.starts_at < @b AND t.all_day = 0${taskFilter}`, taskParams);

  const none: Segment<BirthdayRow> = { count: () => 0, rows: () => [] };
  if (!f.birthdays) return { allDay, timed, clients: none, contacts: none };
  const bParams: Record<string, unknown> = {};
  const md = placeholders(monthDaysOn(date), 'm', bParams);
  const responsible = inList('c.responsible_id', f.assigneeIds, 'u', bParams);
  const clients = birthdaySegment(
    ctx,
    {
      select: `'client' AS kind, c.id AS clientId, c.name AS clientName, NULL AS contactId, c.name AS name, c.birthday`,
      from: 'clients c',
      where: `c.birthday IS NOT NULL AND c.archived_at IS NULL AND substr(c.birthday, 6, 5) IN ${md}${responsible}`,
      order: 'c.seq',
    },
    bParams,
  );
  const contacts = birthdaySegment(
    ctx,
    {
      select: `'contact' AS kind, c.id AS clientId, c.name AS clientName, k.id AS contactId, k.name AS name, k.birthday`,
      from: 'contacts k JOIN clients c ON c.id = k.client_id',
      where: `k.birthday IS NOT NULL AND k.archived_at IS NULL AND substr(k.birthday, 6, 5) IN ${md} AND c.archived_at IS NULL${responsible}`,
      order: 'k.rowid',
    },
    bParams,
  );
  return { allDay, timed, clients, contacts };
}

function toBirthday(r: BirthdayRow, date: string): CalendarBirthday {
  const born = Number(r.birthday.slice(0, 4));
  return { ...r, date, age: born > 1900 ? Number(date.slice(0, 4)) - born : null };
}

/** Each local day of [from, to): its first entries within the caps and the count of the rest. */
export function calendarDays(ctx: Ctx, range: { from: string; to: string }, f: CalendarFilter, tz: string, caps: Caps): { days: CalendarDay[] } {
  const m = momentOf(ctx.now(), tz);
  const days: CalendarDay[] = [];
  for (let date = range.from; date < range.to; date = shiftDate(date, 1)) {
    const s = daySegments(ctx, date, f, tz);
    const n = { allDay: s.allDay.count(), timed: s.timed.count(), clients: s.clients.count(), contacts: s.contacts.count() };
    let room = caps.perDay;
    let allDayRoom = Math.min(caps.allDayPerDay, caps.perDay);
    const take = <T>(seg: Segment<T>, have: number, upTo: number): T[] => (have > 0 && upTo > 0 ? seg.rows(0, Math.min(have, upTo)) : []);
    const allDay = take(s.allDay, n.allDay, allDayRoom);
    room -= allDay.length;
    allDayRoom -= allDay.length;
    const timed = take(s.timed, n.timed, room);
    room -= timed.length;
    const clientBirthdays = take(s.clients, n.clients, Math.min(room, allDayRoom));
    const contactBirthdays = take(s.contacts, n.contacts, Math.min(room, allDayRoom) - clientBirthdays.length);
    const tasks = [...allDay, ...timed].map((r) => toRow(r, m));
    const birthdays = [...clientBirthdays, ...contactBirthdays].map((r) => toBirthday(r, date));
    const total = n.allDay + n.timed + n.clients + n.contacts;
    days.push({ date, tasks, birthdays, total, more: total - tasks.length - birthdays.length });
  }
  return { days };
}

/** A page of one day's entries in the calendar's order (the list behind a day's «+N»). */
export function calendarDayEntries(ctx: Ctx, date: string, f: CalendarFilter, tz: string, offset: number, limit: number) {
  const m = momentOf(ctx.now(), tz);
  const s = daySegments(ctx, date, f, tz);
  const entries: DayEntry[] = [];
  let total = 0;
  let skip = offset;
  const walk = <T>(seg: Segment<T>, add: (row: T) => DayEntry) => {
    const n = seg.count();
    total += n;
    if (skip >= n) {
      skip -= n;
      return;
    }
    const want = limit - entries.length;
    if (want > 0) for (const r of seg.rows(skip, want)) entries.push(add(r));
    skip = 0;
  };
  walk(s.allDay, (r) => ({ task: toRow(r, m) }));
  walk(s.timed, (r) => ({ task: toRow(r, m) }));
  walk(s.clients, (r) => ({ birthday: toBirthday(r, date) }));
  walk(s.contacts, (r) => ({ birthday: toBirthday(r, date) }));
  return { total, entries };
}
