import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { plansOf } from '../helpers/plans';
import { invoke, INTERNAL_CALLER, type ProcInput, type ProcOutput } from '../../src-main/core/procedures';

// The calendar of a busy office: per day of the visible range the first entries and
// the count of the rest, so every day shows its tasks (today included) instead of
// the first 2,000 tasks of the period piled on its first days. Each count is checked
// against the day's tasks read through `tasks.range` and its birthdays.

const MSK = 'Europe/Moscow';
const now = new Date('2026-11-18T09:00:00Z'); // Wednesday 12:00 in Moscow
const MONTH = { from: '2026-10-26', to: '2026-12-07' }; // the six weeks a month view of November shows
let t: TestWorkspace;
let me: string;
let colleague: string;

type Fields = ProcInput<'tasks.create'>['fields'];
type Calendar = ProcOutput<'tasks.calendar'>;
const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}`;

beforeAll(() => {
  t = openTestWorkspace({ clock: () => now });
  me = t.sqlite().prepare('SELECT id FROM users').pluck().get() as string;
  colleague = t.call('users.create', { name: 'Коллега', color: '#aa3355' }).id;
  const task = (f: Partial<Fields>) => t.call('tasks.create', { fields: { title: 'Задача', typeId: 'tasktype-call', allDay: false, startsAt: '', ...f } as Fields, timeZone: MSK });
  t.sqlite().transaction(() => {
    // The first two days of the month: 300 tasks each (the old calendar showed only these).
    for (const d of [2, 3]) {
      for (let i = 0; i < 300; i++) {
        const hh = String(8 + (i % 10)).padStart(2, '0');
        task({ title: `Звонок ${d}/${i}`, startsAt: `${day(d)}T${String(Number(hh) - 3).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`, assigneeId: i % 3 ? me : colleague });
      }
      for (let i = 0; i < 12; i++) task({ title: `Весь день ${d}/${i}`, allDay: true, startsAt: day(d), typeId: 'tasktype-document', assigneeId: i % 2 ? me : colleague });
    }
    // A few on every other day, today included; a late-evening one stays on its local day.
    for (let d = 4; d <= 30; d++) {
      task({ title: `Встреча ${d}`, startsAt: `${day(d)}T07:00:00Z`, typeId: 'tasktype-meeting', assigneeId: me });
      task({ title: `Поздний звонок ${d}`, startsAt: `${day(d)}T20:30:00Z`, assigneeId: colleague }); // 23:30 in Moscow
    }
    // Birthdays: 20 clients on the 18th (half of them mine), contact persons, one archived.
    for (let i = 0; i < 20; i++) {
      t.call('clients.create', { kind: 'person', lastName: `Именинник${i}`, birthday: `1990-11-18`, responsibleId: i % 2 ? me : colleague });
    }
    const org = t.call('clients.create', { kind: 'organization', name: 'ООО «Праздник»', responsibleId: me }).id;
    for (let i = 0; i < 5; i++) t.call('contacts.create', { clientId: org, fields: { name: `Контакт ${i}`, birthday: '1985-11-18' } });
    const gone = t.call('clients.create', { kind: 'person', lastName: 'Архивный', birthday: '1970-11-18' }).id;
    t.call('clients.archive', { ids: [gone] });
    t.call('clients.create', { kind: 'person', lastName: 'Ноябрьский', birthday: '1980-11-25', responsibleId: colleague });
  })();
});
afterAll(() => t.dispose());

const calendar = (over: Partial<ProcInput<'tasks.calendar'>> = {}): Calendar =>
  t.call('tasks.calendar', { range: MONTH, timeZone: MSK, filter: { scope: 'all' }, perDay: 4, ...over });
const dayOf = (cal: Calendar, date: string) => cal.days.find((d) => d.date === date)!;
/** The day's tasks as the plain range query returns them (no cap: at most 2,000). */
const tasksOn = (date: string, assigneeIds: string[] = []) =>
  t.call('tasks.range', { range: { from: date, to: nextDay(date) }, timeZone: MSK, assigneeIds, limit: 5000 }).items;
const nextDay = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('calendar: every day of the range with its first entries and a «+N»', () => {
  it('every day that has tasks shows some, today included; counts match the day’s tasks and birthdays', () => {
    const cal = calendar();
    expect(cal.days.map((d) => d.date)).toHaveLength(42);
    for (const d of cal.days) {
      const tasks = tasksOn(d.date);
      const birthdays = d.date === day(18) ? 25 : d.date === day(25) ? 1 : 0;
      expect(d.total, d.date).toBe(tasks.length + birthdays);
      expect(d.more, d.date).toBe(d.total - d.tasks.length - d.birthdays.length);
      expect(d.tasks.length + d.birthdays.length, d.date).toBe(Math.min(4, d.total));
      if (tasks.length > 0) expect(d.tasks.length, d.date).toBeGreaterThan(0);
    }
    const today = dayOf(cal, day(18));
    expect(today.tasks.map((x) => x.title)).toEqual(['Встреча 18', 'Поздний звонок 18']);
    expect(today.birthdays).toHaveLength(2);
    expect(today.more).toBe(23);
    expect(dayOf(cal, day(2)).more).toBe(312 - 4);
  });

  it('all-day entries first, then timed ones by start; the week view keeps the all-day row short', () => {
    const d2 = dayOf(calendar({ perDay: 10 }), day(2));
    expect(d2.tasks.slice(0, 10).map((x) => x.allDay)).toEqual(Array(10).fill(true));
    const week = dayOf(calendar({ range: { from: day(2), to: day(9) }, perDay: 10, allDayPerDay: 2 }), day(2));
    expect(week.tasks.map((x) => x.allDay)).toEqual([true, true, false, false, false, false, false, false, false, false]);
    const starts = week.tasks.slice(2).map((x) => x.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(starts[0]).toBe(tasksOn(day(2)).filter((x) => !x.allDay)[0]!.startsAt);
    // Birthdays are all-day entries: within the all-day cap, after the day's tasks.
    const d18 = dayOf(calendar({ range: { from: day(16), to: day(23) }, perDay: 10, allDayPerDay: 3 }), day(18));
    expect([d18.tasks.length, d18.birthdays.length, d18.more]).toEqual([2, 3, 22]);
  });

  it('birthdays switched off leave the tasks and drop from the counts', () => {
    const d18 = dayOf(calendar({ filter: { scope: 'all', birthdays: false } }), day(18));
    expect([d18.birthdays.length, d18.total, d18.more]).toEqual([0, 2, 0]);
  });

  it('«mine» (the default): my tasks and the birthdays of my clients and of their contact persons', () => {
    const mine = t.call('tasks.calendar', { range: MONTH, timeZone: MSK, perDay: 4 });
    const d2 = dayOf(mine, day(2));
    expect(d2.total).toBe(tasksOn(day(2), [me]).length);
    expect(d2.tasks.every((x) => x.assigneeId === me)).toBe(true);
    const d18 = dayOf(mine, day(18));
    expect(d18.total).toBe(1 + 10 + 5);
    expect([dayOf(mine, day(25)).total, dayOf(mine, day(25)).birthdays.length]).toEqual([1, 0]);
  });

  it('a type filter', () => {
    const docs = calendar({ filter: { scope: 'all', typeIds: ['tasktype-document'], birthdays: false } });
    expect(dayOf(docs, day(2)).total).toBe(12);
    expect(dayOf(docs, day(18)).total).toBe(0);
  });

  it('the «+N» list: every entry of the day once, page by page, in the calendar’s order', () => {
    const filter = { scope: 'all' as const };
    const shown = dayOf(calendar(), day(18));
    const all: ProcOutput<'tasks.calendarDay'>['entries'] = [];
    let total = 0;
    for (let offset = 0; ; offset += 7) {
      const page = t.call('tasks.calendarDay', { date: day(18), filter, timeZone: MSK, offset, limit: 7 });
      total = page.total;
      all.push(...page.entries);
      if (page.entries.length < 7) break;
    }
    expect(total).toBe(shown.total);
    expect(all).toHaveLength(25 + 2);
    expect(all.slice(0, 2).map((e) => e.task?.title)).toEqual(shown.tasks.map((x) => x.title));
    expect(all.slice(2).every((e) => e.birthday)).toBe(true);
    expect(new Set(all.slice(2).map((e) => e.birthday!.contactId ?? e.birthday!.clientId)).size).toBe(25);
    expect(all.some((e) => e.birthday?.name === 'Архивный')).toBe(false);
    const d2 = t.call('tasks.calendarDay', { date: day(2), filter, timeZone: MSK, offset: 300, limit: 100 });
    expect([d2.total, d2.entries.length]).toEqual([312, 12]);
  });

  it('29 February birthdays on the 28th in a common year', () => {
    t.call('clients.create', { kind: 'person', lastName: 'Високосный', birthday: '2000-02-29' });
    const cal = calendar({ range: { from: '2027-02-22', to: '2027-03-01' } });
    expect(cal.days.filter((d) => d.birthdays.length).map((d) => [d.date, d.birthdays[0]!.name, d.birthdays[0]!.age])).toEqual([
      ['2027-02-28', 'Високосный', 27],
    ]);
  });

  it('a range longer than six weeks is refused', () => {
    expect(() => calendar({ range: { from: '2026-10-01', to: '2026-12-31' } })).toThrow();
  });

  it('every count and page is an index range: no scan of the tasks, no sort', () => {
    for (const filter of [{ scope: 'all' as const }, { scope: 'mine' as const, typeIds: ['tasktype-call'] }]) {
      const plans = plansOf(t.path, (s) => {
        invoke(s, 'tasks.calendar', { range: MONTH, timeZone: MSK, filter, perDay: 4 }, INTERNAL_CALLER);
        invoke(s, 'tasks.calendarDay', { date: day(2), timeZone: MSK, filter, offset: 10, limit: 10 }, INTERNAL_CALLER);
      });
      const calendarSql = plans.filter((p) => /FROM tasks t|FROM clients c WHERE c\.birthday|FROM contacts k/.test(p.sql));
      expect(calendarSql.length).toBeGreaterThan(3);
      for (const p of calendarSql) expect(p.plan, p.sql).not.toMatch(/TEMP B-TREE|SCAN t\b|SCAN c\b|SCAN k\b/);
      // A day's tasks are counted from the index alone, however many there are.
      const counts = calendarSql.filter((p) => p.sql.startsWith('SELECT count(*) AS n FROM tasks t'));
      expect(counts.length).toBeGreaterThan(0);
      for (const p of counts) expect(p.plan, p.sql).toMatch(/COVERING INDEX tasks_calendar/);
    }
  });
});
