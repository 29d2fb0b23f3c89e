import type { Ctx } from '../../src-main/core/context';
import { seedTasks } from '../../src-main/core/tasks/seed';
import { countBuckets, listBucket, tasksInRange } from '../../src-main/core/tasks/list';
import { calendarDays } from '../../src-main/core/tasks/calendar';
import { listFilter, BUCKETS } from '../../src-main/core/tasks/schemas';
import { localDate, shiftDate, weekMonday } from '../../src-main/core/tasks/time';
import { medianOf } from './measure';

// Tasks at scale: list buckets (first page of 50 and the counts) and calendar ranges
// (a week, a month), for everyone and for one person. Each is set against a floor
// measured in the same run: reading the same number of task rows by rowid, the
// cheapest way SQLite can hand back that many rows of this table; for the counts,
// counting all open and all done tasks through their indexes. The calendar is
// measured as the page asks for it (per day: its first entries and the count of the
// rest, with the view's caps), with and without birthdays, next to the old call that
// read the first 2,000 tasks of the period.

const TZ = 'Europe/Moscow';
const PAGE = 50;

export interface TaskBenchRow {
  name: string;
  rows: number;
  ms: number;
  floorMs: number;
}

export interface TaskBenchResult {
  tasks: number;
  seedSeconds: number;
  rows: TaskBenchRow[];
}

export function benchTasks(ctx: Ctx, tasks: number, rounds: number, log: (s: string) => void): TaskBenchResult {
  const sqlite = ctx.ws.sqlite;
  const t0 = performance.now();
  seedTasks(sqlite, { tasks, seed: 2026, timeZone: TZ });
  const seedSeconds = (performance.now() - t0) / 1000;
  log(`  seeded ${tasks} tasks in ${seedSeconds.toFixed(1)} s`);

  const maxRowid = (sqlite.prepare('SELECT max(rowid) AS m FROM tasks').get() as { m: number }).m;
  const bare = sqlite.prepare('SELECT * FROM tasks WHERE rowid >= ? LIMIT ?');
  let at = 1;
  // Each floor read starts somewhere else, so it is not served by the same few pages.
  const floor = (n: number) =>
    medianOf(rounds, () => void bare.all(at, n), () => {
      at = (at * 7919 + 104_729) % Math.max(1, maxRowid - n);
    });

  const someone = (sqlite.prepare('SELECT assignee_id AS id FROM tasks GROUP BY assignee_id ORDER BY count(*) DESC LIMIT 1').get() as { id: string }).id;
  const all = listFilter.parse({ scope: 'all' });
  const one = listFilter.parse({ scope: 'all', assigneeId: someone });
  const rows: TaskBenchRow[] = [];
  const measure = (name: string, fn: () => number, floorMs?: number) => {
    let n = 0;
    const ms = medianOf(rounds, () => void (n = fn()));
    rows.push({ name, rows: n, ms, floorMs: floorMs ?? floor(Math.max(1, n)) });
  };
  // Counting every open and every done task once through their partial indexes.
  const countOpen = sqlite.prepare('SELECT count(*) FROM tasks WHERE done_at IS NULL AND archived_at IS NULL');
  const countDone = sqlite.prepare('SELECT count(*) FROM tasks WHERE done_at IS NOT NULL AND archived_at IS NULL');
  const countFloor = medianOf(rounds, () => void (countOpen.get(), countDone.get()));

  for (const [label, filter] of [['everyone', all], ['one person', one]] as const) {
    for (const bucket of BUCKETS) measure(`list ${bucket}, ${label}`, () => listBucket(ctx, bucket, filter, TZ, 0, PAGE).length);
    measure(`counts of 6 buckets, ${label}`, () => Object.keys(countBuckets(ctx, filter, TZ)).length, countFloor);
  }
  const today = localDate(new Date(), TZ);
  const monday = weekMonday(today);
  const monthStart = `${today.slice(0, 8)}01`;
  const ranges = [
    ['week', { from: monday, to: shiftDate(monday, 7) }],
    ['month', { from: weekMonday(monthStart), to: shiftDate(weekMonday(monthStart), 42) }],
  ] as const;
  // The caps CalendarPage uses (src-renderer/tasks/useCalendarDays.ts).
  const caps = { week: { perDay: 30, allDayPerDay: 3 }, month: { perDay: 4, allDayPerDay: 4 } };
  const shown = (days: { tasks: unknown[]; birthdays: unknown[] }[]) => days.reduce((n, d) => n + d.tasks.length + d.birthdays.length, 0);
  for (const [label, r] of ranges) {
    for (const [who, assigneeIds] of [['everyone', []], ['one person', [someone]]] as const) {
      for (const birthdays of [true, false]) {
        measure(`calendar ${label}, ${who}${birthdays ? ', birthdays' : ''}`, () =>
          shown(calendarDays(ctx, r, { assigneeIds: [...assigneeIds], typeIds: [], birthdays }, TZ, caps[label]).days),
        );
      }
      measure(`(old) first 2,000 tasks of the ${label}, ${who}`, () => tasksInRange(ctx, { ...r, assigneeIds: [...assigneeIds], typeIds: [] }, TZ, 2000).items.length);
    }
  }
  return { tasks, seedSeconds, rows };
}
