import { afterEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { catchAppError, openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { nextTaskForDeals, dealsWithoutNextTaskSql } from '../../src-main/core/tasks/deal-hooks';
import { seedClients } from '../../src-main/core/seed/generator';
import { seedTasks } from '../../src-main/core/tasks/seed';
import { workspaceStats } from '../../src-main/core/workspace/stats';

const now = new Date('2026-11-23T08:00:00Z');
const MSK = 'Europe/Moscow';
const spaces: TestWorkspace[] = [];
const open = () => {
  const w = openTestWorkspace({ clock: () => now });
  spaces.push(w);
  return w;
};
afterEach(() => spaces.splice(0).forEach((w) => w.dispose()));

describe('iCalendar export and import', () => {
  it('exports a user calendar that an independent parser (ical.js) reads back exactly', () => {
    const t = open();
    const client = t.call('clients.create', { kind: 'organization', name: 'ООО Ромашка' }).id;
    t.call('tasks.create', { fields: { title: 'Встреча, обсудить; договор', typeId: 'tasktype-meeting', allDay: false, startsAt: '2026-11-24T07:00:00Z', durationMin: 90, clientId: client, description: 'Взять\nобразцы' }, timeZone: MSK });
    t.call('tasks.create', { fields: { title: 'Сдать отчёт', typeId: 'tasktype-document', allDay: true, startsAt: '2026-11-25', dueAt: '2026-11-26' }, timeZone: MSK });
    t.call('tasks.create', { fields: { title: 'Вне диапазона', typeId: 'tasktype-call', allDay: false, startsAt: '2027-03-01T07:00:00Z' }, timeZone: MSK });
    const { ics, count } = t.call('tasks.exportIcs', { range: { from: '2026-11-01', to: '2026-12-01' }, timeZone: MSK });
    expect(count).toBe(2);

    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const meeting = events.find((e) => e.summary.startsWith('Встреча'))!;
    expect(meeting.summary).toBe('Встреча, обсудить; договор');
    expect(meeting.startDate.toJSDate().toISOString()).toBe('2026-11-24T07:00:00.000Z');
    expect(meeting.endDate.toJSDate().toISOString()).toBe('2026-11-24T08:30:00.000Z');
    expect(meeting.description).toBe('ООО Ромашка\nВзять\nобразцы');
    const report = events.find((e) => e.summary === 'Сдать отчёт')!;
    expect([report.startDate.isDate, report.startDate.toString(), report.endDate.toString()]).toEqual([true, '2026-11-25', '2026-11-27']);
    expect(events.every((e) => e.uid.endsWith('@kartoteka'))).toBe(true);

    // Imported into another workspace: same times; a second import adds nothing.
    const other = open();
    expect(other.call('tasks.importIcs', { text: ics, typeId: 'tasktype-meeting', timeZone: MSK })).toEqual({ imported: 2, skipped: 0, problems: [] });
    expect(other.call('tasks.importIcs', { text: ics, typeId: 'tasktype-meeting', timeZone: MSK })).toMatchObject({ imported: 0, skipped: 2 });
    const back = other.call('tasks.range', { range: { from: '2026-11-01', to: '2026-12-01' }, timeZone: MSK }).items;
    expect(back.map((r) => [r.title, r.allDay, r.startsAt, r.dueAt, r.durationMin])).toEqual([
      ['Встреча, обсудить; договор', false, '2026-11-24T07:00:00.000Z', null, 90],
      ['Сдать отчёт', true, '2026-11-25', '2026-11-26', null],
    ]);
    // The same file into the exporting workspace is recognised by its UIDs.
    expect(t.call('tasks.importIcs', { text: ics, typeId: 'tasktype-meeting', timeZone: MSK })).toMatchObject({ imported: 0, skipped: 2 });
  });

  it('imports zoned and recurring events from other calendars; refuses a file that is not iCalendar', () => {
    const t = open();
    const text = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Other//EN',
      'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
      'BEGIN:STANDARD', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD',
      'BEGIN:DAYLIGHT', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'END:DAYLIGHT',
      'END:VTIMEZONE',
      'BEGIN:VEVENT', 'UID:weekly-1@other', 'DTSTAMP:20261101T000000Z', 'DTSTART;TZID=Europe/Berlin:20261202T100000', 'DTEND;TZID=Europe/Berlin:20261202T110000',
      'RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=3', 'SUMMARY:Стендап', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:broken@other', 'DTSTAMP:20261101T000000Z', 'SUMMARY:Без даты', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const r = t.call('tasks.importIcs', { text, typeId: 'tasktype-meeting', timeZone: 'Europe/Berlin' });
    expect(r).toEqual({ imported: 1, skipped: 0, problems: [{ index: 2, summary: 'Без даты', code: 'tasks.ics_no_start' }] });
    const items = t.call('tasks.range', { range: { from: '2026-12-01', to: '2026-12-31' }, timeZone: 'Europe/Berlin' }).items;
    expect(items.map((i) => [i.title, i.startsAt, i.durationMin])).toEqual([
      ['Стендап', '2026-12-02T09:00:00.000Z', 60],
      ['Стендап', '2026-12-09T09:00:00.000Z', 60],
      ['Стендап', '2026-12-16T09:00:00.000Z', 60],
    ]);
    expect(catchAppError(() => t.call('tasks.importIcs', { text: 'Фамилия;Телефон\nИванов;123', typeId: 'tasktype-meeting', timeZone: 'UTC' })).code).toBe('tasks.ics_invalid');
  });
});

describe('birthdays', () => {
  it('lists birthdays of clients and contact persons in a week, 29 February on the 28th, and logs congratulations once', () => {
    const t = open();
    const person = t.call('clients.create', { kind: 'person', lastName: 'Петров', firstName: 'Иван', birthday: '1980-11-25' }).id;
    const org = t.call('clients.create', { kind: 'organization', name: 'ООО Вектор' }).id;
    t.call('contacts.create', { clientId: org, fields: { name: 'Анна Смирнова', birthday: '1992-11-29' } });
    t.call('clients.create', { kind: 'person', lastName: 'Високосный', birthday: '2000-02-29' });
    t.call('clients.create', { kind: 'person', lastName: 'Декабрь', birthday: '1990-12-01' });
    const week = t.call('birthdays.range', { range: { from: '2026-11-23', to: '2026-11-30' } });
    expect(week.map((b) => [b.name, b.kind, b.date, b.age, b.congratulated])).toEqual([
      ['Петров Иван', 'client', '2026-11-25', 46, false],
      ['Анна Смирнова', 'contact', '2026-11-29', 34, false],
    ]);
    expect(t.call('birthdays.range', { range: { from: '2027-02-22', to: '2027-03-01' } }).map((b) => b.date)).toEqual(['2027-02-28']);
    t.call('birthdays.congratulate', { clientId: person, name: 'Петров Иван' });
    expect(t.call('birthdays.range', { range: { from: '2026-11-23', to: '2026-11-30' } })[0]!.congratulated).toBe(true);
    expect(t.call('history.list', { clientId: person }).map((h) => [h.kind, h.event])).toEqual([['system', { type: 'congratulated', name: 'Петров Иван' }]]);
  });
});

describe('deal hooks, seed and stats', () => {
  it('finds the next task per deal and deals without one (for the deals capability)', () => {
    const t = open();
    const client = t.call('clients.create', { kind: 'organization', name: 'ООО Ромашка' }).id;
    const sales = t.call('pipelines.list', {}).find((p) => p.name === 'Продажа')!;
    const [d1, d2, d3] = ['Первая', 'Вторая', 'Третья'].map((title) => t.call('deals.create', { title, clientId: client, pipelineId: sales.id }).id) as [string, string, string];
    const mk = (dealId: string, startsAt: string) =>
      t.call('tasks.create', { fields: { title: `${dealId} ${startsAt}`, typeId: 'tasktype-call', allDay: false, startsAt, dealId }, timeZone: MSK }).id;
    mk(d1, '2026-11-26T07:00:00Z');
    const soon = mk(d1, '2026-11-24T07:00:00Z');
    const only = mk(d2, '2026-11-24T07:00:00Z');
    t.call('tasks.complete', { id: only, result: null });
    const next = nextTaskForDeals(t.session.ctx(), [d1, d2, d3]);
    expect([...next.keys()]).toEqual([d1]);
    expect(next.get(d1)!.taskId).toBe(soon);
    const flagged = t
      .sqlite()
      .prepare(`SELECT d.id FROM deals d WHERE d.id IN (?, ?, ?) AND ${dealsWithoutNextTaskSql('d')} ORDER BY d.id`)
      .all(d1, d2, d3);
    expect(flagged).toEqual([{ id: d2 }, { id: d3 }].sort((a, b) => a.id.localeCompare(b.id)));
    expect(() => dealsWithoutNextTaskSql('d; DROP TABLE tasks')).toThrow();
  });

  it('seeds done, overdue and future tasks and stats counts them', () => {
    const t = open();
    seedClients(t.sqlite(), { clients: 50, seed: 1, now });
    seedTasks(t.sqlite(), { tasks: 2000, seed: 1, now, timeZone: MSK });
    expect(workspaceStats(t.sqlite()).tasks).toBe(2000);
    const counts = t.call('tasks.counts', { timeZone: MSK, filter: { scope: 'all' } });
    expect(counts.done).toBeGreaterThan(400);
    expect(counts.overdue).toBeGreaterThan(100);
    expect(counts.later).toBeGreaterThan(800);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(2000);
    expect(t.count('task_reminders', `fire_at <= '${now.toISOString()}'`)).toBe(0);
  });
});
