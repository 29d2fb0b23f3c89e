import { afterEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { expandRule, buildRule, floatingStart, occurrenceStart } from '../../src-main/core/tasks/recurrence';

let now = new Date('2026-03-20T08:00:00Z');
const BERLIN = 'Europe/Berlin';
let t: TestWorkspace;
const open = () => (t = openTestWorkspace({ clock: () => now }));
afterEach(() => t?.dispose());

const inRange = (from: string, to: string, tz = BERLIN) =>
  t.call('tasks.range', { range: { from, to }, timeZone: tz }).items.map((r) => ({ id: r.id, title: r.title, startsAt: r.startsAt }));

describe('recurrence expansion (rrule, in the series zone)', () => {
  it('keeps 10:00 local across the DST change: 09:00Z in winter, 08:00Z in summer', () => {
    const rule = buildRule({ freq: 'weekly', interval: 1, byWeekday: [0, 2], until: null, count: 4 }, floatingStart(false, '2026-03-23T09:00:00Z', BERLIN));
    const starts = expandRule(rule, new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')).map((f) => occurrenceStart(false, f, BERLIN));
    expect(starts).toEqual(['2026-03-23T09:00:00.000Z', '2026-03-25T09:00:00.000Z', '2026-03-30T08:00:00.000Z', '2026-04-01T08:00:00.000Z']);
  });

  it('monthly and daily rules with interval and end date; all-day stays on dates', () => {
    const monthly = buildRule({ freq: 'monthly', interval: 1, byWeekday: [], until: '2026-06-30', count: null }, floatingStart(true, '2026-01-31', BERLIN));
    // RFC 5545: months without a 31st are skipped.
    expect(expandRule(monthly, new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')).map((f) => occurrenceStart(true, f, BERLIN))).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
    ]);
    const daily = buildRule({ freq: 'daily', interval: 2, byWeekday: [], until: null, count: 3 }, floatingStart(false, '2026-11-23T07:00:00Z', 'Europe/Moscow'));
    expect(expandRule(daily, new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')).map((f) => occurrenceStart(false, f, 'Europe/Moscow'))).toEqual([
      '2026-11-23T07:00:00.000Z',
      '2026-11-25T07:00:00.000Z',
      '2026-11-27T07:00:00.000Z',
    ]);
  });
});

describe('recurring tasks: edit one occurrence or the series', () => {
  it('materialises occurrences, edits one alone, then the series from a later one, and deletes one', () => {
    now = new Date('2026-03-20T08:00:00Z');
    open();
    t.call('tasks.create', {
      fields: { title: 'Планёрка', typeId: 'tasktype-meeting', allDay: false, startsAt: '2026-03-23T09:00:00Z', durationMin: 30, reminders: [10], recurrence: { freq: 'weekly', byWeekday: [0] } },
      timeZone: BERLIN,
    });
    const april = inRange('2026-03-23', '2026-04-21');
    expect(april.map((r) => r.startsAt)).toEqual(['2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z', '2026-04-06T08:00:00.000Z', '2026-04-13T08:00:00.000Z', '2026-04-20T08:00:00.000Z']);
    expect(t.count('task_reminders')).toBe(t.count('tasks'));

    // One occurrence renamed alone.
    t.call('tasks.update', { id: april[1]!.id, patch: { title: 'Планёрка с директором' }, timeZone: BERLIN, scope: 'one' });
    // The series from 13 April on: new time and title; 23 Mar, 30 Mar (detached) and 6 Apr stay.
    t.call('tasks.update', { id: april[3]!.id, patch: { title: 'Планёрка (новое время)', startsAt: '2026-04-13T09:00:00Z' }, timeZone: BERLIN, scope: 'series' });
    const after = inRange('2026-03-23', '2026-04-28');
    expect(after.map((r) => `${r.startsAt} ${r.title}`)).toEqual([
      '2026-03-23T09:00:00.000Z Планёрка',
      '2026-03-30T08:00:00.000Z Планёрка с директором',
      '2026-04-06T08:00:00.000Z Планёрка',
      '2026-04-13T09:00:00.000Z Планёрка (новое время)',
      '2026-04-20T09:00:00.000Z Планёрка (новое время)',
      '2026-04-27T09:00:00.000Z Планёрка (новое время)',
    ]);
    expect(after[3]!.id).toBe(april[3]!.id);

    // Deleting one leaves a gap that later materialisation does not refill.
    t.call('tasks.delete', { id: after[4]!.id, scope: 'one' });
    now = new Date('2026-09-01T08:00:00Z');
    const later = inRange('2026-04-13', '2026-05-05');
    expect(later.map((r) => r.startsAt)).toEqual(['2026-04-13T09:00:00.000Z', '2026-04-27T09:00:00.000Z', '2026-05-04T09:00:00.000Z']);
    expect(inRange('2026-12-01', '2026-12-08')).toHaveLength(1);

    // Deleting the series from an occurrence on ends it.
    t.call('tasks.delete', { id: later[1]!.id, scope: 'series' });
    expect(inRange('2026-04-13', '2026-06-01').map((r) => r.startsAt)).toEqual(['2026-04-13T09:00:00.000Z']);
    expect(inRange('2026-12-01', '2027-01-01')).toHaveLength(0);
    const details = t.call('tasks.get', { id: later[0]!.id, timeZone: BERLIN });
    expect(details.recurrence).toMatchObject({ freq: 'weekly', byWeekday: [0] });
  });
});
