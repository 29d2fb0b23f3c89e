import type Database from 'better-sqlite3';
import { newId } from '../ids';
import { mulberry32 } from '../seed/generator';
import { localDate, shiftDate, zonedInstant } from './time';

// Demo and benchmark tasks: about a third done in the past (with a result), a tenth
// overdue, the rest planned over the coming year; a fifth are all-day. Spread over
// the workspace's users and linked to random clients. When the workspace has deals
// (seed deals first), a third of the tasks belong to a deal and its client: open
// tasks to open deals, so the board shows next steps and some deals without one.
// Written through prepared statements in chunks so 300,000 take seconds.

export interface SeedTasksOptions {
  tasks: number;
  seed?: number;
  now?: Date;
  timeZone?: string;
  onProgress?: (done: number, total: number) => void;
}

const TITLES: Record<string, string[]> = {
  'tasktype-call': ['Перезвонить по договору', 'Уточнить сроки оплаты', 'Созвон по КП', 'Напомнить о встрече'],
  'tasktype-meeting': ['Встреча в офисе клиента', 'Переговоры по условиям', 'Подписание договора'],
  'tasktype-email': ['Отправить коммерческое предложение', 'Выслать счёт', 'Отправить акт сверки'],
  'tasktype-showing': ['Показ объекта', 'Повторный показ квартиры', 'Показ офиса'],
  'tasktype-document': ['Подготовить договор', 'Собрать документы для сделки', 'Проверить реквизиты'],
  'tasktype-other': ['Подготовить презентацию', 'Обновить данные клиента'],
};
const RESULTS = ['Договорились о встрече', 'Клиент думает, перезвонить через неделю', 'Отправили документы', 'Согласовали условия', 'Не дозвонились'];
const TYPE_IDS = Object.keys(TITLES);
const DAY = 86_400_000;

export function seedTasks(sqlite: Database.Database, opts: SeedTasksOptions): { tasks: number } {
  const rng = mulberry32(opts.seed ?? Date.now());
  const now = opts.now ?? new Date();
  const tz = opts.timeZone ?? 'Europe/Moscow';
  const nowIso = now.toISOString();
  const today = localDate(now, tz);
  const userIds = (sqlite.prepare('SELECT id FROM users WHERE active = 1 ORDER BY created_at').all() as { id: string }[]).map((u) => u.id);
  const clientRows = sqlite.prepare('SELECT id FROM clients WHERE archived_at IS NULL').all() as { id: string }[];
  const dealRows = sqlite.prepare('SELECT id, client_id AS clientId, closed_at IS NULL AS open, created_at AS createdAt FROM deals WHERE archived_at IS NULL').all() as {
    id: string;
    clientId: string;
    open: number;
    createdAt: string;
  }[];
  const openDeals = dealRows.filter((d) => d.open === 1);
  const pick = <T>(list: T[]): T => list[Math.floor(rng() * list.length)]!;
  // A few hundred distinct local days and half-hours: converting each once keeps 300,000 tasks in seconds.
  const instants = new Map<string, string>();
  const at = (date: string, h: number, m: number) => {
    const key = `${date} ${h}:${m}`;
    let v = instants.get(key);
    if (!v) instants.set(key, (v = zonedInstant(date, h, m, tz)));
    return v;
  };
  const dates = new Map<number, string>();
  const dayFromToday = (offset: number) => {
    let v = dates.get(offset);
    if (!v) dates.set(offset, (v = shiftDate(today, offset)));
    return v;
  };

  const insert = sqlite.prepare(
    `INSERT INTO tasks (id, title, type_id, all_day, starts_at, deadline_at, duration_min, assignee_id, client_id, deal_id, priority,
       done_at, result, spent_minutes, created_at, updated_at, created_by)
     VALUES (@id, @title, @typeId, @allDay, @startsAt, @startsAt, @duration, @assignee, @client, @deal, @priority,
       @doneAt, @result, @spent, @created, @created, @assignee)`,
  );
  const reminder = sqlite.prepare('INSERT INTO task_reminders (id, task_id, minutes_before, fire_at) VALUES (?, ?, ?, ?)');

  const one = () => {
    const r = rng();
    // Days from today: done in the past year, overdue within the last month, open up to a year ahead.
    const state = r < 0.3 ? 'done' : r < 0.4 ? 'overdue' : 'open';
    const deals = state === 'done' || openDeals.length === 0 ? dealRows : openDeals;
    const deal = deals.length > 0 && rng() < 1 / 3 ? pick(deals) : null;
    // A deal's past tasks fall within its life: no call done before the deal existed.
    const age = deal ? Math.max(1, Math.floor((now.getTime() - Date.parse(deal.createdAt)) / DAY)) : 365;
    const offset =
      state === 'done' ? -Math.floor(rng() * Math.min(365, age)) : state === 'overdue' ? -1 - Math.floor(rng() * Math.min(30, age)) : Math.floor(rng() * 365);
    const date = dayFromToday(offset);
    const allDay = rng() < 0.2;
    const startsAt = allDay ? date : at(date, 9 + Math.floor(rng() * 9), rng() < 0.5 ? 0 : 30);
    const typeId = pick(TYPE_IDS);
    const id = newId();
    const done = state === 'done';
    insert.run({
      id,
      title: pick(TITLES[typeId]!),
      typeId,
      allDay: allDay ? 1 : 0,
      startsAt,
      duration: allDay ? null : pick([15, 30, 30, 60, 90]),
      assignee: userIds.length ? pick(userIds) : null,
      client: deal ? deal.clientId : clientRows.length && rng() < 0.9 ? pick(clientRows).id : null,
      deal: deal?.id ?? null,
      priority: rng() < 0.15 ? 'high' : rng() < 0.1 ? 'low' : 'normal',
      doneAt: done ? new Date(Math.min(now.getTime(), new Date(allDay ? `${date}T12:00:00Z` : startsAt).getTime() + DAY / 24)).toISOString() : null,
      result: done ? pick(RESULTS) : null,
      spent: done ? pick([5, 10, 15, 30, 60]) : null,
      created: new Date(Math.min(now.getTime(), new Date(allDay ? `${date}T00:00:00Z` : startsAt).getTime() - 7 * DAY)).toISOString(),
    });
    // Future tasks remind 15 minutes (timed) or at 09:00 (all-day) before they start.
    if (state === 'open') {
      const fireAt = allDay ? at(date, 9, 0) : new Date(new Date(startsAt).getTime() - 15 * 60_000).toISOString();
      if (fireAt > nowIso) reminder.run(newId(), id, allDay ? 0 : 15, fireAt);
    }
  };

  const CHUNK = 10_000;
  const chunk = sqlite.transaction((n: number) => {
    for (let i = 0; i < n; i++) one();
  });
  let done = 0;
  while (done < opts.tasks) {
    const n = Math.min(CHUNK, opts.tasks - done);
    chunk(n);
    done += n;
    opts.onProgress?.(done, opts.tasks);
  }
  return { tasks: done };
}
