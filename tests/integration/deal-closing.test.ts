import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catchAppError, openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import type { ProcInput } from '../../src-main/core/procedures';
import { ensureMaterialized, horizonFrom } from '../../src-main/core/tasks/recurrence';

// Closing a deal (won or lost, from the card or by a move on the board): a closed deal
// has no next step and shows when it was closed; its open tasks are completed,
// cancelled or kept, as the user chose in the closing dialog, in the same transaction.

let ws: TestWorkspace;
let clock = new Date('2026-03-02T09:00:00.000Z'); // Monday 12:00 in Moscow
const MSK = 'Europe/Moscow';

beforeEach(() => {
  clock = new Date('2026-03-02T09:00:00.000Z');
  ws = openTestWorkspace({ clock: () => clock });
});
afterEach(() => ws.dispose());

type TaskFields = ProcInput<'tasks.create'>['fields'];
const client = (name = 'ООО «Ромашка»') => ws.call('clients.create', { kind: 'organization', name, relation: 'client', status: 'active' }).id;
const sales = () => ws.call('pipelines.list', {}).find((p) => p.name === 'Продажа')!;
const stageOf = (kind: 'won' | 'lost') => sales().stages.find((s) => s.kind === kind)!;
const deal = (clientId: string, title: string) => ws.call('deals.create', { title, clientId, pipelineId: sales().id, amountKopecks: 100_000, expectedClose: '2026-06-30' }).id;
const task = (fields: Partial<TaskFields>) =>
  ws.call('tasks.create', { fields: { title: 'Позвонить', typeId: 'tasktype-call', allDay: false, startsAt: '2026-03-03T07:00:00Z', ...fields }, timeZone: MSK }).id;
const cards = () => ws.call('deals.board', { pipelineId: sales().id, filter: {} }).columns.flatMap((c) => c.cards);
const cardOf = (id: string) => cards().find((c) => c.id === id)!;
const rowOf = (id: string) => ws.call('deals.list', { status: 'all', limit: 500 }).rows.find((r) => r.id === id)!;
const lostReason = () => ws.call('lostReasons.list', {})[0]!.id;
const taskRow = (id: string) => ws.sqlite().prepare('SELECT done_at AS doneAt, archived_at AS archivedAt FROM tasks WHERE id = ?').get(id) as { doneAt: string | null; archivedAt: string | null } | undefined;
const openOf = (dealId: string) => ws.count('tasks', `deal_id = '${dealId}' AND done_at IS NULL AND archived_at IS NULL`);
// System entries as 'event:title', entries users wrote as their text.
const dealHistory = (dealId: string) => ws.call('deals.history', { dealId }).map((h) => (h.event && 'title' in h.event ? `${h.event.type}:${h.event.title}` : h.text));

describe('a closed deal', () => {
  it('has no next step and no "no next step" mark, on the board, in the list and on the client card, even with a task left open', () => {
    const c = client();
    const ids = Array.from({ length: 40 }, (_, i) => deal(c, `Сделка ${i}`));
    for (const id of ids) task({ title: `Задача ${id.slice(-4)}`, dealId: id });
    clock = new Date('2026-03-05T10:00:00.000Z');
    // Every other deal is closed, half won and half lost, keeping its open task.
    ids.forEach((id, i) => {
      if (i % 2) return;
      if (i % 4) ws.call('deals.close', { id, outcome: 'lost', lostReasonId: lostReason(), openTasks: 'keep' });
      else ws.call('deals.close', { id, outcome: 'won' });
    });
    for (const [i, id] of ids.entries()) {
      const closed = i % 2 === 0;
      expect(openOf(id)).toBe(1);
      const card = cardOf(id);
      expect([card.nextTask === null, card.noNextStep]).toEqual([closed, false]);
      expect(card.closedAt).toBe(closed ? '2026-03-05T10:00:00.000Z' : null);
      const row = rowOf(id);
      expect([row.nextTask === null, row.noNextStep]).toEqual([closed, false]);
      expect(row.closedAt).toBe(card.closedAt);
      expect(row.expectedClose).toBe('2026-06-30');
    }
    const ofClient = ws.call('deals.byClient', { clientId: c }).rows;
    expect(ofClient.filter((r) => r.stageKind !== 'open').every((r) => r.nextTask === null && !r.noNextStep && r.closedAt === '2026-03-05T10:00:00.000Z')).toBe(true);
    // The "no next step" filter never lists closed deals.
    expect(ws.call('deals.list', { status: 'all', filter: { noNextStep: true } }).totals!.total).toBe(0);
    // Reopened, the deal's open task is its next step again.
    ws.call('deals.reopen', { id: ids[0]! });
    expect(cardOf(ids[0]!).nextTask?.title).toMatch(/^Задача/);
    expect(cardOf(ids[0]!).closedAt).toBeNull();
  });
});

describe('the open tasks of a deal being closed', () => {
  it('are listed for the closing dialog, a repeating task once', () => {
    const c = client();
    const d = deal(c, 'Поставка');
    expect(ws.call('tasks.openForDeal', { dealId: d })).toEqual({ total: 0, tasks: [] });
    const call = task({ title: 'Позвонить', dealId: d, startsAt: '2026-03-04T07:00:00Z' });
    const weekly = task({ title: 'Еженедельный отчёт', dealId: d, startsAt: '2026-03-03T07:00:00Z', recurrence: { freq: 'weekly', byWeekday: [1] } });
    const done = task({ title: 'Сделано', dealId: d });
    ws.call('tasks.complete', { id: done, result: null });
    expect(openOf(d)).toBeGreaterThan(5); // the series' occurrences for the next months
    const open = ws.call('tasks.openForDeal', { dealId: d });
    expect(open.total).toBe(2);
    expect(open.tasks.map((t) => [t.id, t.title, t.repeats])).toEqual([
      [weekly, 'Еженедельный отчёт', true],
      [call, 'Позвонить', false],
    ]);
  });

  it('are completed when the user says so: each with its history entry, and a repeating task stops', () => {
    const c = client();
    const d = deal(c, 'Поставка');
    const call = task({ title: 'Позвонить', dealId: d, startsAt: '2026-03-04T07:00:00Z', reminders: [15] });
    const weekly = task({ title: 'Еженедельный отчёт', dealId: d, startsAt: '2026-03-03T07:00:00Z', recurrence: { freq: 'weekly', byWeekday: [1] } });
    const other = deal(c, 'Другая');
    const untouched = task({ title: 'Чужая задача', dealId: other });

    const res = ws.call('deals.close', { id: d, outcome: 'won', openTasks: 'complete' });
    expect(res.tasks).toEqual({ completed: 2, cancelled: 0 });
    expect(taskRow(call)!.doneAt).toBe(clock.toISOString());
    expect(taskRow(weekly)!.doneAt).toBe(clock.toISOString());
    expect(openOf(d)).toBe(0);
    // The series is ended: looking further ahead creates no new occurrence on the closed deal.
    ensureMaterialized(ws.session.ctx(), horizonFrom(new Date('2026-09-01T00:00:00Z')));
    expect(openOf(d)).toBe(0);
    expect(taskRow(untouched)!.doneAt).toBeNull();
    const texts = dealHistory(d);
    expect(texts).toContain('Позвонить');
    expect(texts).toContain('Еженедельный отчёт');
    expect(texts).toContain('deal_won:Поставка');
    // Their reminders are not shown any more.
    clock = new Date('2026-03-04T06:50:00.000Z');
    expect(ws.call('reminders.due', {}).map((r) => r.taskId)).not.toContain(call);
  });

  it('are cancelled by a move to the lost column: removed from the plans, the timeline says so, and they can be restored', () => {
    const c = client();
    const d = deal(c, 'Поставка');
    const call = task({ title: 'Позвонить', dealId: d, startsAt: '2026-03-04T07:00:00Z', reminders: [15] });
    const weekly = task({ title: 'Еженедельный отчёт', dealId: d, startsAt: '2026-03-03T07:00:00Z', recurrence: { freq: 'weekly', byWeekday: [1] } });
    const before = ws.count('history', `deal_id = '${d}'`);

    const res = ws.call('deals.move', { id: d, stageId: stageOf('lost').id, lostReasonId: lostReason(), filter: {}, openTasks: 'cancel' });
    expect(res.card.nextTask).toBeNull();
    expect(openOf(d)).toBe(0);
    expect(taskRow(call)!.archivedAt).toBe(clock.toISOString());
    expect(taskRow(call)!.doneAt).toBeNull();
    expect(taskRow(weekly)!.archivedAt).toBe(clock.toISOString());
    ensureMaterialized(ws.session.ctx(), horizonFrom(new Date('2026-09-01T00:00:00Z')));
    expect(openOf(d)).toBe(0);
    // Not done: no "call" entries, but one line per cancelled task next to the closing.
    expect(ws.count('history', `deal_id = '${d}'`)).toBe(before + 3);
    expect(dealHistory(d).slice(0, 3).sort()).toEqual(['deal_lost:Поставка', 'deal_task_cancelled:Еженедельный отчёт', 'deal_task_cancelled:Позвонить']);
    // The tasks lists do not show them; a cancelled task can be brought back.
    expect(ws.call('tasks.forDeal', { dealId: d, timeZone: MSK }).open).toHaveLength(0);
    clock = new Date('2026-03-04T06:50:00.000Z');
    expect(ws.call('reminders.due', {}).map((r) => r.taskId)).not.toContain(call);
    ws.call('tasks.restore', { id: call });
    expect(openOf(d)).toBe(1);
  });

  it('stay open when the user keeps them (and by default, as imports close deals)', () => {
    const c = client();
    const d = deal(c, 'Поставка');
    const t = task({ dealId: d });
    ws.call('deals.close', { id: d, outcome: 'won', openTasks: 'keep' });
    expect(taskRow(t)).toEqual({ doneAt: null, archivedAt: null });
    ws.call('deals.reopen', { id: d });
    ws.call('deals.close', { id: d, outcome: 'won' });
    expect(taskRow(t)).toEqual({ doneAt: null, archivedAt: null });
  });

  it('are left alone by moves that do not close an open deal: won to lost, reopening, open to open', () => {
    const c = client();
    const d = deal(c, 'Поставка');
    ws.call('deals.close', { id: d, outcome: 'won' });
    const t = task({ dealId: d });
    ws.call('deals.move', { id: d, stageId: stageOf('lost').id, lostReasonId: lostReason(), filter: {}, openTasks: 'cancel' });
    expect(taskRow(t)).toEqual({ doneAt: null, archivedAt: null });
    ws.call('deals.reopen', { id: d });
    const open2 = sales().stages.filter((s) => s.kind === 'open')[1]!;
    ws.call('deals.move', { id: d, stageId: open2.id, filter: {}, openTasks: 'complete' });
    expect(taskRow(t)).toEqual({ doneAt: null, archivedAt: null });
  });

  it('are untouched when the closing is refused (a lost deal needs a reason): one transaction', () => {
    const c = client();
    const d = deal(c, 'Поставка');
    const t = task({ dealId: d });
    const e = catchAppError(() => ws.call('deals.close', { id: d, outcome: 'lost', openTasks: 'cancel' }));
    expect(e.code).toBe('validation');
    expect(taskRow(t)).toEqual({ doneAt: null, archivedAt: null });
    expect(cardOf(d).nextTask?.taskId).toBe(t);
    expect(ws.count('history', `deal_id = '${d}' AND event = 'deal_task_cancelled'`)).toBe(0);
  });
});
