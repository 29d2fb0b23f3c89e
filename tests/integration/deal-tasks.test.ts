import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catchAppError, issueKeys, openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import type { ProcInput } from '../../src-main/core/procedures';
import { seedClients } from '../../src-main/core/seed/generator';
import { seedDeals } from '../../src-main/core/deals/seed';
import { seedTasks } from '../../src-main/core/tasks/seed';

// Tasks and deals together: the next step of each deal on the board and in the list,
// "no next step" as a filter whose totals agree with the cards, a task's deal checked
// against its client, a completed task's result on the deal's timeline, and a deal's
// tasks following it to another client.

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
const stage = (name: string) => sales().stages.find((s) => s.name === name)!;
const deal = (clientId: string, title: string, amountKopecks = 100_000) =>
  ws.call('deals.create', { title, clientId, pipelineId: sales().id, amountKopecks }).id;
const task = (fields: Partial<TaskFields>) =>
  ws.call('tasks.create', { fields: { title: 'Позвонить', typeId: 'tasktype-call', allDay: false, startsAt: '2026-03-03T07:00:00Z', ...fields }, timeZone: MSK }).id;
const cards = (filter: ProcInput<'deals.board'>['filter'] = {}) =>
  ws.call('deals.board', { pipelineId: sales().id, filter }).columns.flatMap((c) => c.cards);
const cardOf = (id: string) => cards().find((c) => c.id === id)!;

describe('the next task of a deal', () => {
  it('is the earliest open task; done and deleted tasks do not count; board tiles and list rows agree', () => {
    const c = client();
    const a = deal(c, 'Поставка');
    const b = deal(c, 'Монтаж');
    const won = deal(c, 'Сервис');
    ws.call('deals.close', { id: won, outcome: 'won' });

    task({ title: 'Later call', dealId: a, startsAt: '2026-03-05T07:00:00Z' });
    const allDay = task({ title: 'All-day docs', dealId: a, allDay: true, startsAt: '2026-03-04' });
    const deleted = task({ title: 'Deleted', dealId: a, startsAt: '2026-03-02T10:00:00Z' });
    ws.call('tasks.delete', { id: deleted });
    const done = task({ title: 'Done', dealId: a, startsAt: '2026-03-01T07:00:00Z' });
    ws.call('tasks.complete', { id: done, result: 'ok' });
    const onlyDone = task({ title: 'Only done', dealId: b });
    ws.call('tasks.complete', { id: onlyDone, result: null });

    expect(cardOf(a).nextTask).toEqual({ taskId: allDay, title: 'All-day docs', allDay: true, deadlineAt: '2026-03-04' });
    expect(cardOf(a).noNextStep).toBe(false);
    expect(cardOf(b).nextTask).toBeNull();
    expect(cardOf(b).noNextStep).toBe(true);
    // A closed deal needs no next step.
    expect(cardOf(won).nextTask).toBeNull();
    expect(cardOf(won).noNextStep).toBe(false);

    const rows = ws.call('deals.list', { status: 'all' }).rows;
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(row(a).nextTask?.taskId).toBe(allDay);
    expect([row(a).noNextStep, row(b).noNextStep, row(won).noNextStep]).toEqual([false, true, false]);
    // The client card's deals carry the same.
    const ofClient = ws.call('deals.byClient', { clientId: c }).rows;
    expect(ofClient.map((r) => [r.title, r.nextTask?.taskId ?? null, r.noNextStep])).toEqual([
      ['Монтаж', null, true],
      ['Поставка', allDay, false],
      ['Сервис', null, false],
    ]);

    // A due date decides over the start: the task due first is next.
    const due = task({ title: 'Due sooner', dealId: a, startsAt: '2026-03-02T08:00:00Z', dueAt: '2026-03-03T08:00:00Z' });
    expect(cardOf(a).nextTask).toMatchObject({ taskId: due, deadlineAt: '2026-03-03T08:00:00.000Z', allDay: false });
    // Reopening the done task makes it the next one again (it is overdue: the renderer says so).
    ws.call('tasks.reopen', { id: onlyDone });
    expect(cardOf(b).nextTask?.taskId).toBe(onlyDone);
  });

  it('a page of many deals is answered in one query for all of them', () => {
    const c = client();
    const ids = Array.from({ length: 40 }, (_, i) => deal(c, `Сделка ${i}`));
    ids.forEach((id, i) => i % 2 === 0 && task({ title: `Шаг ${i}`, dealId: id }));
    const col = ws.call('deals.column', { stageId: stage('Новая заявка').id, limit: 200 }).cards;
    expect(col).toHaveLength(40);
    for (const card of col) {
      const i = ids.indexOf(card.id);
      expect(card.nextTask?.title ?? null).toBe(i % 2 === 0 ? `Шаг ${i}` : null);
      expect(card.noNextStep).toBe(i % 2 === 1);
    }
  });
});

describe('the "without next step" filter', () => {
  it('narrows board columns, their counts and sums, the totals-only call and the list the same way', () => {
    const c = client();
    const a = deal(c, 'A', 100_00);
    const b = deal(c, 'B', 250_00);
    const d = deal(c, 'D', 400_00);
    const e = deal(c, 'E', 800_00);
    ws.call('deals.move', { id: d, stageId: stage('Квалификация').id, filter: {} });
    ws.call('deals.move', { id: e, stageId: stage('Квалификация').id, filter: {} });
    const won = deal(c, 'Won', 50_00);
    ws.call('deals.close', { id: won, outcome: 'won' });
    task({ dealId: a });
    task({ dealId: d });

    const board = ws.call('deals.board', { pipelineId: sales().id, filter: { noNextStep: true } });
    expect(board.filtered).toBe(true);
    const col = (name: string) => board.columns.find((x) => x.stage.name === name)!;
    expect([col('Новая заявка').count, col('Новая заявка').sumKopecks, col('Новая заявка').cards.map((x) => x.id)]).toEqual([1, 250_00, [b]]);
    expect([col('Квалификация').count, col('Квалификация').sumKopecks, col('Квалификация').cards.map((x) => x.id)]).toEqual([1, 800_00, [e]]);
    // Closed deals are never "without a next step".
    expect(board.columns.filter((x) => x.stage.kind !== 'open').map((x) => x.count)).toEqual([0, 0]);
    // Every column's count and sum is what its cards add up to.
    for (const x of board.columns) {
      expect(x.count).toBe(x.cards.length);
      expect(x.sumKopecks).toBe(x.cards.reduce((s, k) => s + k.amountKopecks, 0));
      expect(x.cards.every((k) => k.noNextStep && k.nextTask === null)).toBe(true);
    }
    const totals = ws.call('deals.boardTotals', { pipelineId: sales().id, filter: { noNextStep: true } });
    expect(totals.map((x) => [x.count, x.sumKopecks])).toEqual(board.columns.map((x) => [x.count, x.sumKopecks]));

    const list = ws.call('deals.list', { status: 'all', filter: { noNextStep: true }, sort: 'title', desc: false });
    expect([list.totals, list.rows.map((r) => r.title)]).toEqual([{ total: 2, sumKopecks: 1050_00 }, ['B', 'E']]);

    // Planning a step takes the deal out of the filter; finishing it brings it back.
    const step = task({ dealId: b });
    expect(ws.call('deals.list', { filter: { noNextStep: true } }).rows.map((r) => r.title)).toEqual(['E']);
    ws.call('tasks.complete', { id: step, result: 'Договорились' });
    expect(ws.call('deals.list', { filter: { noNextStep: true }, sort: 'title', desc: false }).rows.map((r) => r.title)).toEqual(['B', 'E']);
    // A move answers whether the moved card still matches the filter.
    task({ dealId: e });
    expect(ws.call('deals.move', { id: e, stageId: stage('Новая заявка').id, filter: { noNextStep: true } }).matchesFilter).toBe(false);
    expect(ws.call('deals.move', { id: b, stageId: stage('Квалификация').id, filter: { noNextStep: true } }).matchesFilter).toBe(true);
  });
});

describe("a task's deal", () => {
  it('must exist and be the client\'s; given alone it brings its client; an archived deal is not offered', () => {
    const romashka = client();
    const petrov = client('ИП Петров');
    const contact = ws.call('contacts.create', { clientId: petrov, fields: { name: 'Анна' } }).id;
    const dealR = deal(romashka, 'Поставка');
    const dealP = deal(petrov, 'Ремонт');

    expect(issueKeys(catchAppError(() => task({ dealId: 'no-such-deal' })))).toEqual(['dealId:reference.missing']);
    expect(issueKeys(catchAppError(() => task({ clientId: petrov, dealId: dealR })))).toEqual(['dealId:tasks.deal_other_client']);
    // The contact person brings Petrov, whose deal this is not.
    expect(issueKeys(catchAppError(() => task({ contactId: contact, dealId: dealR })))).toEqual(['dealId:tasks.deal_other_client']);
    expect(ws.count('tasks')).toBe(0);

    const alone = task({ dealId: dealR });
    expect(ws.call('tasks.get', { id: alone, timeZone: MSK })).toMatchObject({ clientId: romashka, clientName: 'ООО «Ромашка»', dealId: dealR, dealTitle: 'Поставка' });
    const withContact = task({ contactId: contact, dealId: dealP });
    expect(ws.call('tasks.get', { id: withContact, timeZone: MSK })).toMatchObject({ clientId: petrov, contactId: contact, dealId: dealP });

    // Edits: moving the task to another client's deal is refused; to the other deal with its client is fine.
    const edited = catchAppError(() => ws.call('tasks.update', { id: alone, patch: { dealId: dealP }, timeZone: MSK }));
    expect(issueKeys(edited)).toEqual(['dealId:tasks.deal_other_client']);
    ws.call('tasks.update', { id: alone, patch: { clientId: petrov, dealId: dealP }, timeZone: MSK });
    expect(ws.call('tasks.get', { id: alone, timeZone: MSK })).toMatchObject({ clientId: petrov, dealId: dealP });
    // Unlinking the deal keeps the client.
    ws.call('tasks.update', { id: alone, patch: { dealId: null }, timeZone: MSK });
    expect(ws.call('tasks.get', { id: alone, timeZone: MSK })).toMatchObject({ clientId: petrov, dealId: null });

    // An archived deal: no new tasks on it, but a task already on it can still be edited.
    ws.call('deals.archive', { id: dealP });
    expect(issueKeys(catchAppError(() => task({ dealId: dealP })))).toEqual(['dealId:tasks.deal_archived']);
    ws.call('tasks.update', { id: withContact, patch: { title: 'Позвонить Анне' }, timeZone: MSK });
    expect(ws.call('tasks.get', { id: withContact, timeZone: MSK }).title).toBe('Позвонить Анне');
  });

  it('a task list filters by deal', () => {
    const c = client();
    const a = deal(c, 'A');
    const b = deal(c, 'B');
    task({ title: 'on A', dealId: a });
    task({ title: 'on B', dealId: b });
    task({ title: 'no deal', clientId: c });
    const titles = (dealId: string | null) =>
      ws.call('tasks.list', { bucket: 'tomorrow', timeZone: MSK, filter: { scope: 'all', dealId } }).map((r) => [r.title, r.dealTitle]);
    expect(titles(a)).toEqual([['on A', 'A']]);
    expect(titles(null)).toHaveLength(3);
    expect(ws.call('tasks.counts', { timeZone: MSK, filter: { scope: 'all', dealId: b } }).tomorrow).toBe(1);
    expect(ws.call('tasks.forDeal', { dealId: a, timeZone: MSK }).open.map((r) => r.title)).toEqual(['on A']);
  });
});

describe('completing a task of a deal', () => {
  it('writes the result into history with the deal: it shows on the deal timeline and on the client timeline; undo removes it', () => {
    const c = client();
    const d = deal(c, 'Поставка');
    const id = task({ title: 'Созвон по КП', dealId: d, typeId: 'tasktype-call' });
    clock = new Date('2026-03-03T08:00:00.000Z');
    const done = ws.call('tasks.complete', { id, result: 'Клиент согласен на скидку 5%', spentMin: 15 });
    expect(done.historyId).toBeTruthy();

    const onDeal = ws.call('deals.history', { dealId: d }).find((h) => h.id === done.historyId)!;
    expect(onDeal).toMatchObject({ kind: 'call', text: 'Созвон по КП\nКлиент согласен на скидку 5%', durationMin: 15, dealId: d });
    const onClient = ws.call('history.list', { clientId: c }).find((h) => h.id === done.historyId)!;
    expect(onClient).toMatchObject({ dealId: d, dealTitle: 'Поставка' });
    expect(ws.call('tasks.forDeal', { dealId: d, timeZone: MSK }).done.map((r) => r.result)).toEqual(['Клиент согласен на скидку 5%']);
    expect(cardOf(d).noNextStep).toBe(true);

    ws.call('tasks.reopen', { id, historyId: done.historyId });
    expect(ws.call('deals.history', { dealId: d }).some((h) => h.id === done.historyId)).toBe(false);
    expect(cardOf(d).nextTask?.taskId).toBe(id);
  });
});

describe("a deal's client changes", () => {
  it('its tasks and its running series go to the new client; a contact person of the old client is dropped', () => {
    const old = client('ООО «Старый»');
    const fresh = client('ООО «Новый»');
    const other = client('ООО «Чужой»');
    const anna = ws.call('contacts.create', { clientId: old, fields: { name: 'Анна' } }).id;
    const d = deal(old, 'Переезд');
    const open = task({ title: 'open', dealId: d, contactId: anna });
    const done = task({ title: 'done', dealId: d });
    ws.call('tasks.complete', { id: done, result: 'ok' });
    const weekly = task({ title: 'weekly', dealId: d, recurrence: { freq: 'weekly', byWeekday: [0] } });
    const untouched = task({ title: 'other', clientId: old });
    task({ title: 'stranger', clientId: other });

    ws.call('deals.update', { id: d, patch: { clientId: fresh } });

    const forFresh = ws.call('tasks.forClient', { clientId: fresh, timeZone: MSK });
    expect(forFresh.open.map((r) => r.title)).toContain('open');
    expect(forFresh.open.filter((r) => r.title === 'weekly').length).toBeGreaterThan(3);
    expect(forFresh.done.map((r) => r.title)).toEqual(['done']);
    expect(ws.call('tasks.get', { id: open, timeZone: MSK })).toMatchObject({ clientId: fresh, contactId: null, dealId: d });
    expect(ws.call('tasks.get', { id: weekly, timeZone: MSK }).clientId).toBe(fresh);
    expect(ws.call('tasks.get', { id: untouched, timeZone: MSK }).clientId).toBe(old);
    expect(ws.call('tasks.forClient', { clientId: old, timeZone: MSK }).open.map((r) => r.title)).toEqual(['other']);

    // Occurrences created later, from the series, belong to the new client too.
    clock = new Date('2026-07-01T09:00:00.000Z');
    ws.call('tasks.range', { range: { from: '2026-09-01', to: '2026-10-01' }, timeZone: MSK });
    const stray = ws.sqlite().prepare("SELECT count(*) AS n FROM tasks WHERE deal_id = ? AND client_id IS NOT ?").get(d, fresh) as { n: number };
    expect(stray.n).toBe(0);
    expect(ws.count('tasks', `deal_id = '${d}' AND starts_at >= '2026-09-01'`)).toBeGreaterThan(0);
  });
});

describe('merging two client cards', () => {
  it("moves the merged card's tasks, deals' tasks and running series to the kept card; the result goes into the kept card's history", () => {
    const keep = client('ООО «Ромашка»');
    const gone = client('Ромашка ООО');
    const anna = ws.call('contacts.create', { clientId: gone, fields: { name: 'Анна' } }).id;
    const d = deal(gone, 'Поставка');
    const onDeal = task({ title: 'по сделке', dealId: d, contactId: anna });
    task({ title: 'просто звонок', clientId: gone });
    const weekly = task({ title: 'планёрка', clientId: gone, recurrence: { freq: 'weekly', byWeekday: [0] } });

    ws.call('clients.merge', { keepId: keep, mergeId: gone });

    const kept = ws.call('tasks.forClient', { clientId: keep, timeZone: MSK }).open.map((r) => r.title);
    expect(kept).toEqual(expect.arrayContaining(['по сделке', 'просто звонок', 'планёрка']));
    expect(ws.count('tasks', `client_id = '${gone}'`)).toBe(0);
    expect(ws.call('tasks.get', { id: onDeal, timeZone: MSK })).toMatchObject({ clientId: keep, contactId: anna, dealId: d });
    expect(ws.call('tasks.get', { id: weekly, timeZone: MSK }).clientId).toBe(keep);
    // Editing the task keeps a valid deal link (the deal moved with the card).
    ws.call('tasks.update', { id: onDeal, patch: { title: 'по сделке (перенос)', startsAt: '2026-03-04T07:00:00Z' }, timeZone: MSK });
    ws.call('tasks.complete', { id: onDeal, result: 'Договорились' });
    expect(ws.call('history.list', { clientId: keep }).map((h) => h.text)).toContain('по сделке (перенос)\nДоговорились');

    clock = new Date('2026-07-01T09:00:00.000Z');
    ws.call('tasks.range', { range: { from: '2026-09-01', to: '2026-10-01' }, timeZone: MSK });
    expect(ws.count('tasks', `client_id = '${gone}'`)).toBe(0);
    expect(ws.count('tasks', `title = 'планёрка' AND starts_at >= '2026-09-01'`)).toBeGreaterThan(0);
  });
});

describe('seed', () => {
  it('links about a third of the tasks to deals of the same client; open tasks to open deals', () => {
    // The demo workspace's proportions.
    const now = new Date('2026-03-02T09:00:00.000Z');
    seedClients(ws.sqlite(), { clients: 300, seed: 3, now });
    seedDeals(ws.sqlite(), { deals: 150, seed: 4, now });
    seedTasks(ws.sqlite(), { tasks: 400, seed: 5, now, timeZone: MSK });
    const linked = ws.count('tasks', 'deal_id IS NOT NULL');
    expect(linked).toBeGreaterThan(90);
    expect(linked).toBeLessThan(180);
    expect(ws.count('tasks t', 'deal_id IS NOT NULL AND client_id IS NOT (SELECT client_id FROM deals d WHERE d.id = t.deal_id)')).toBe(0);
    expect(ws.count('tasks t', 'deal_id IS NOT NULL AND done_at IS NULL AND (SELECT closed_at FROM deals d WHERE d.id = t.deal_id) IS NOT NULL')).toBe(0);
    // Nothing was done on a deal before the deal existed.
    expect(ws.count('tasks t', "deal_id IS NOT NULL AND substr(starts_at, 1, 10) < date((SELECT created_at FROM deals d WHERE d.id = t.deal_id), '-1 day')")).toBe(0);
    // Some open deals have a next step and some do not: both marks show on a demo board.
    const withStep = ws.count('deals d', `closed_at IS NULL AND EXISTS (SELECT 1 FROM tasks t WHERE t.deal_id = d.id AND t.done_at IS NULL)`);
    const without = ws.count('deals d', `closed_at IS NULL AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.deal_id = d.id AND t.done_at IS NULL)`);
    expect(withStep).toBeGreaterThan(0);
    expect(without).toBeGreaterThan(0);
  });
});
