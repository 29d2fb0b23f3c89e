import { afterEach, describe, expect, it } from 'vitest';
import { catchAppError, issueKeys, openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import type { ProcInput } from '../../src-main/core/procedures';

// A controllable clock: every test sets `now` and the core reads it through the session.
let now = new Date('2026-11-23T20:50:00Z'); // Monday 23:50 in Moscow (UTC+3)
const MSK = 'Europe/Moscow';
let t: TestWorkspace;
const open = () => (t = openTestWorkspace({ clock: () => now }));
afterEach(() => t?.dispose());

type Fields = ProcInput<'tasks.create'>['fields'];
const base = (over: Partial<Fields>): Fields => ({ title: 'Позвонить', typeId: 'tasktype-call', allDay: false, startsAt: '2026-11-24T07:00:00Z', ...over });
const create = (over: Partial<Fields>, timeZone = MSK) => t.call('tasks.create', { fields: base(over), timeZone }).id;
const titles = (bucket: ProcInput<'tasks.list'>['bucket'], timeZone = MSK) =>
  t.call('tasks.list', { bucket, timeZone, filter: { scope: 'all' } }).map((r) => r.title);

describe('task input', () => {
  it('names the field and the reason for a start of the wrong shape, a due before the start, a missing client', () => {
    open();
    expect(issueKeys(catchAppError(() => create({ allDay: true, startsAt: '2026-11-24T07:00:00Z' })))).toEqual(['startsAt:tasks.date_expected']);
    expect(issueKeys(catchAppError(() => create({ startsAt: '2026-11-24' })))).toEqual(['startsAt:tasks.time_expected']);
    expect(issueKeys(catchAppError(() => create({ dueAt: '2026-11-24T06:00:00Z' })))).toEqual(['dueAt:tasks.due_before_start']);
    expect(issueKeys(catchAppError(() => create({ clientId: 'nope' })))).toEqual(['clientId:reference.missing']);
    expect(issueKeys(catchAppError(() => create({ title: '  ' })))).toEqual(['fields.title:required']);
    expect(issueKeys(catchAppError(() => t.callRaw('tasks.create', { fields: base({}), timeZone: 'Mars/Base' })))).toEqual(['timeZone:tasks.time_zone']);
    expect(t.count('tasks')).toBe(0);
  });

  it('takes the client from a chosen contact person and keeps a deal id as given', () => {
    open();
    const client = t.call('clients.create', { kind: 'organization', name: 'ООО Ромашка' }).id;
    const contact = t.call('contacts.create', { clientId: client, fields: { name: 'Анна' } }).id;
    const sales = t.call('pipelines.list', {}).find((p) => p.name === 'Продажа')!;
    const deal = t.call('deals.create', { title: 'Поставка', clientId: client, pipelineId: sales.id }).id;
    const id = create({ contactId: contact, dealId: deal });
    const task = t.call('tasks.get', { id, timeZone: MSK });
    expect([task.clientId, task.clientName, task.contactName, task.dealId, task.dealTitle]).toEqual([client, 'ООО Ромашка', 'Анна', deal, 'Поставка']);
    expect(task.assigneeId).toBeTruthy();
  });
});

describe('lists: overdue rules across midnight (fixed clock)', () => {
  it('moves tasks between Today, Tomorrow and Overdue as the local day changes', () => {
    now = new Date('2026-11-23T20:50:00Z'); // Mon 23:50 MSK
    open();
    create({ title: 'passed 23:40', startsAt: '2026-11-23T20:40:00Z' });
    create({ title: 'today 23:55', startsAt: '2026-11-23T20:55:00Z' });
    create({ title: 'all-day today', allDay: true, startsAt: '2026-11-23' });
    create({ title: 'all-day yesterday', allDay: true, startsAt: '2026-11-22' });
    create({ title: 'tue 00:30', startsAt: '2026-11-23T21:30:00Z' });
    create({ title: 'wed', allDay: true, startsAt: '2026-11-25' });
    create({ title: 'sun 20:00', startsAt: '2026-11-29T17:00:00Z' });
    create({ title: 'next monday', startsAt: '2026-11-30T07:00:00Z' });
    create({ title: 'due tomorrow', allDay: true, startsAt: '2026-11-20', dueAt: '2026-11-24' });

    expect(titles('overdue')).toEqual(['all-day yesterday', 'passed 23:40']);
    expect(titles('today')).toEqual(['all-day today', 'today 23:55']);
    // Within a bucket, tasks sort by their stored deadline text (UTC instants, local dates).
    expect(titles('tomorrow')).toEqual(['tue 00:30', 'due tomorrow']);
    expect(titles('week')).toEqual(['wed', 'sun 20:00']);
    expect(titles('later')).toEqual(['next monday']);
    expect(t.call('tasks.counts', { timeZone: MSK, filter: { scope: 'all' } })).toEqual({ overdue: 2, today: 2, tomorrow: 2, week: 2, later: 1, done: 0 });

    // Ten minutes later it is Tuesday in Moscow: yesterday's all-day task is overdue only now.
    now = new Date('2026-11-23T21:05:00Z');
    expect(titles('overdue')).toEqual(['all-day yesterday', 'all-day today', 'passed 23:40', 'today 23:55']);
    expect(titles('today')).toEqual(['tue 00:30', 'due tomorrow']);
    expect(titles('tomorrow')).toEqual(['wed']);

    // The same moment is still Monday 21:05 in London: the zone decides what "today" is.
    expect(titles('today', 'Europe/London')).toEqual(['all-day today', 'tue 00:30']);
    const overdueFlag = t.call('tasks.list', { bucket: 'overdue', timeZone: MSK, filter: { scope: 'all' } }).every((r) => r.overdue);
    expect(overdueFlag).toBe(true);
  });

  it('filters by type, client and assignee; "mine" hides colleagues\' tasks', () => {
    now = new Date('2026-11-23T08:00:00Z');
    open();
    const colleague = t.call('users.create', { name: 'Коллега', color: '#ff0000' }).id;
    const client = t.call('clients.create', { kind: 'organization', name: 'ООО Вектор' }).id;
    create({ title: 'mine call', clientId: client });
    create({ title: 'mine meeting', typeId: 'tasktype-meeting' });
    create({ title: 'theirs', assigneeId: colleague });
    const list = (filter: ProcInput<'tasks.list'>['filter']) => t.call('tasks.list', { bucket: 'tomorrow', timeZone: MSK, filter }).map((r) => r.title).sort();
    expect(list({ scope: 'mine' })).toEqual(['mine call', 'mine meeting']);
    expect(list({ scope: 'all' })).toEqual(['mine call', 'mine meeting', 'theirs']);
    expect(list({ scope: 'all', typeId: 'tasktype-meeting' })).toEqual(['mine meeting']);
    expect(list({ scope: 'all', clientId: client })).toEqual(['mine call']);
    expect(list({ scope: 'all', assigneeId: colleague })).toEqual(['theirs']);
  });
});

describe('completing', () => {
  it('writes the result into the client history; undo removes it and opens the task again', () => {
    now = new Date('2026-11-23T08:00:00Z');
    open();
    const client = t.call('clients.create', { kind: 'person', lastName: 'Петров', firstName: 'Иван' }).id;
    const id = create({ clientId: client, title: 'Перезвонить' });
    expect(issueKeys(catchAppError(() => t.callRaw('tasks.complete', { id, spentMin: -5 })))).toEqual(['spentMin:invalid']);
    const done = t.call('tasks.complete', { id, result: 'Договорились о показе', spentMin: 12 });
    const h = t.call('history.list', { clientId: client });
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ kind: 'call', text: 'Перезвонить\nДоговорились о показе', durationMin: 12 });
    expect(titles('done')).toEqual(['Перезвонить']);
    expect(catchAppError(() => t.call('tasks.complete', { id, result: 'x' })).code).toBe('tasks.already_done');
    t.call('tasks.reopen', { id, historyId: done.historyId });
    expect(t.call('history.list', { clientId: client })).toHaveLength(0);
    expect(titles('tomorrow')).toEqual(['Перезвонить']);
    const panel = t.call('tasks.forClient', { clientId: client, timeZone: MSK });
    expect([panel.open.length, panel.done.length]).toEqual([1, 0]);
  });
});

describe('calendar range and moving', () => {
  it('returns tasks of local days, keeps all-day tasks on their date, moves by drag', () => {
    now = new Date('2026-11-23T08:00:00Z');
    open();
    const late = create({ title: 'late evening', startsAt: '2026-11-24T22:30:00Z', durationMin: 30 }); // Tue 22:30 UTC = Wed 01:30 MSK
    create({ title: 'all-day', allDay: true, startsAt: '2026-11-25' });
    const range = (from: string, to: string, timeZone = MSK) =>
      t.call('tasks.range', { range: { from, to }, timeZone }).items.map((r) => r.title).sort();
    expect(range('2026-11-24', '2026-11-25')).toEqual([]);
    expect(range('2026-11-25', '2026-11-26')).toEqual(['all-day', 'late evening']);
    expect(range('2026-11-24', '2026-11-25', 'UTC')).toEqual(['late evening']);
    expect(range('2026-11-25', '2026-11-26', 'UTC')).toEqual(['all-day']);
    t.call('tasks.move', { id: late, allDay: false, startsAt: '2026-11-26T06:00:00Z', durationMin: 90, timeZone: MSK });
    const moved = t.call('tasks.get', { id: late, timeZone: MSK });
    expect([moved.startsAt, moved.durationMin]).toEqual(['2026-11-26T06:00:00.000Z', 90]);
    expect(issueKeys(catchAppError(() => t.call('tasks.range', { range: { from: '2026-11-26', to: '2026-11-20' }, timeZone: MSK })))).toEqual(['range.to:tasks.range_order']);
  });
});

describe('task types', () => {
  it('lists built-ins in order, adds, renames and archives; archived types are not offered for new tasks', () => {
    open();
    expect(t.call('taskTypes.list', {}).map((x) => x.code)).toEqual(['call', 'meeting', 'email', 'showing', 'document', 'other']);
    const id = t.call('taskTypes.create', { name: 'Замер', color: '#123456' }).id;
    t.call('taskTypes.update', { id: 'tasktype-call', name: 'Созвон' });
    const types = t.call('taskTypes.list', {});
    expect(types.find((x) => x.id === 'tasktype-call')).toMatchObject({ name: 'Созвон', builtin: false, code: 'call' });
    expect(types.at(-1)).toMatchObject({ id, name: 'Замер', builtin: false });
    t.call('taskTypes.update', { id, archived: true });
    expect(issueKeys(catchAppError(() => create({ typeId: id })))).toEqual(['typeId:reference.missing']);
  });
});
