import { afterEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// Reminder scheduling with a controllable clock: no Electron, no timers.
let now = new Date('2026-11-23T06:00:00Z');
const MSK = 'Europe/Moscow';
let t: TestWorkspace;
const at = (iso: string) => (now = new Date(iso));
afterEach(() => t?.dispose());

const poll = () => t.call('reminders.due', {});

describe('reminders', () => {
  it('fire at their minutes before the start, once as fresh, until dismissed, snoozed or done', () => {
    at('2026-11-23T06:00:00Z');
    t = openTestWorkspace({ clock: () => now });
    const id = t.call('tasks.create', {
      fields: { title: 'Звонок Петрову', typeId: 'tasktype-call', allDay: false, startsAt: '2026-11-23T07:00:00Z', reminders: [15, 60] },
      timeZone: MSK,
    }).id;
    at('2026-11-23T05:59:00Z');
    expect(poll()).toEqual([]);
    at('2026-11-23T06:00:30Z');
    const first = poll();
    expect(first.map((r) => [r.minutesBefore, r.fresh, r.missed])).toEqual([[60, true, false]]);
    // The next poll still shows it, but not as fresh: a desktop notification pops up once.
    expect(poll().map((r) => r.fresh)).toEqual([false]);
    t.call('reminders.dismiss', { id: first[0]!.id });
    expect(poll()).toEqual([]);

    at('2026-11-23T06:45:00Z');
    const second = poll();
    expect(second.map((r) => r.minutesBefore)).toEqual([15]);
    const snoozed = t.call('reminders.snooze', { id: second[0]!.id, snooze: '10m', timeZone: MSK });
    expect(snoozed.until).toBe('2026-11-23T06:55:00.000Z');
    at('2026-11-23T06:54:00Z');
    expect(poll()).toEqual([]);
    at('2026-11-23T06:55:00Z');
    expect(poll().map((r) => [r.minutesBefore, r.fresh])).toEqual([[15, true]]);
    t.call('reminders.snooze', { id: second[0]!.id, snooze: '1h', timeZone: MSK });
    at('2026-11-23T07:54:00Z');
    expect(poll()).toEqual([]);
    at('2026-11-23T07:55:00Z');
    expect(poll()).toHaveLength(1);
    t.call('tasks.complete', { id, result: 'Дозвонились' });
    expect(poll()).toEqual([]);
  });

  it('shows reminders that fell due while the app was closed as missed at the next start', () => {
    at('2026-11-23T06:00:00Z');
    t = openTestWorkspace({ clock: () => now });
    t.call('tasks.create', { fields: { title: 'Встреча', typeId: 'tasktype-meeting', allDay: false, startsAt: '2026-11-23T09:00:00Z', reminders: [30] }, timeZone: MSK });
    t.call('tasks.create', { fields: { title: 'Отчёт', typeId: 'tasktype-document', allDay: true, startsAt: '2026-11-23', reminders: [0] }, timeZone: MSK });
    // The app is closed at 06:00Z and started again at 10:00Z.
    t.session.close();
    at('2026-11-23T10:00:00Z');
    t.session.open(t.path);
    const shown = poll();
    expect(shown.map((r) => [r.title, r.at, r.missed])).toEqual([
      ['Встреча', '2026-11-23T08:30:00.000Z', true],
      ['Отчёт', '2026-11-23T06:00:00.000Z', true], // all-day: 09:00 Moscow
    ]);
    // Shown once, they are no longer "missed" on the next poll.
    expect(poll().map((r) => r.missed)).toEqual([false, false]);
  });

  it('snoozes until tomorrow morning in the user zone and re-times reminders of a moved task', () => {
    at('2026-11-23T20:30:00Z'); // 23:30 Moscow
    t = openTestWorkspace({ clock: () => now });
    const id = t.call('tasks.create', { fields: { title: 'Письмо', typeId: 'tasktype-email', allDay: false, startsAt: '2026-11-23T20:40:00Z', reminders: [10] }, timeZone: MSK }).id;
    const r = poll()[0]!;
    expect(t.call('reminders.snooze', { id: r.id, snooze: 'tomorrow', timeZone: MSK }).until).toBe('2026-11-24T06:00:00.000Z');
    t.call('tasks.move', { id, allDay: false, startsAt: '2026-11-25T07:00:00Z', timeZone: MSK });
    at('2026-11-24T07:00:00Z');
    expect(poll()).toEqual([]);
    at('2026-11-25T06:50:00Z');
    expect(poll().map((x) => x.title)).toEqual(['Письмо']);
  });
});
