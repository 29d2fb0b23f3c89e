import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { schedulerTick } from '../../../src-main/core/backup/scheduler';

// Promises to pay (kept by payments, broken → a task at once) and the collection
// scenario run by the core's tick on a controllable clock: each step once.

let w: Built;
afterEach(() => w?.dispose());

const doc = (clientId: string, number: string, date: string, rub: number) =>
  w.call('receivables.createDocument', { clientId, number, date, amountKopecks: rub * 100, kind: 'shipment' }).id;
/** Money is formatted with the locale's non-breaking spaces; compared here with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const tasksOf = (clientId: string) =>
  (w.sqlite().prepare('SELECT title, assignee_id AS assigneeId, starts_at AS startsAt FROM tasks WHERE client_id = ? ORDER BY created_at, title').all(clientId) as { title: string; assigneeId: string; startsAt: string }[]).map(
    (t) => ({ ...t, title: plain(t.title) }),
  );
const events = (clientId: string) =>
  (w.sqlite().prepare(`SELECT event, event_data AS data FROM history WHERE client_id = ? AND kind = 'system' ORDER BY occurred_at, rowid`).all(clientId) as { event: string; data: string }[]).map(
    (e) => [e.event, JSON.parse(e.data) as Record<string, string>] as const,
  );
const daily = () => w.call('receivables.runDaily', { timeZone: 'UTC' });

describe('promises to pay', () => {
  it('kept when payments cover it by the date; broken when the date passes unpaid → a task for the responsible manager at once', () => {
    w = buildWorkspace('2026-03-01T09:00:00.000Z');
    const anna = w.user('Анна');
    const kept = w.client('ООО «Честный»', { responsibleId: anna });
    const broken = w.client('ООО «Забывчивый»', { responsibleId: anna });
    doc(kept, '1', '2026-01-10', 1000);
    doc(broken, '2', '2026-01-10', 1000);
    w.call('receivables.takePromise', { clientId: kept, promisedDate: '2026-03-10', amountKopecks: 500_00, comment: 'Обещал бухгалтер' });
    w.call('receivables.takePromise', { clientId: broken, promisedDate: '2026-03-10', amountKopecks: 500_00 });
    // Two payments add up to the promise; a payment for the other client does not count.
    w.call('receivables.addPayment', { clientId: kept, date: '2026-03-05', amountKopecks: 300_00, purpose: '' });
    w.call('receivables.addPayment', { clientId: broken, date: '2026-03-05', amountKopecks: 100_00, purpose: '' });
    w.at('2026-03-08T09:00:00.000Z');
    daily();
    expect(w.call('receivables.client', { clientId: kept, asOf: '2026-03-08' }).promises[0]).toMatchObject({ status: 'open' });
    w.call('receivables.addPayment', { clientId: kept, date: '2026-03-09', amountKopecks: 200_00, purpose: '' });
    w.at('2026-03-10T09:00:00.000Z');
    daily();
    expect(w.call('receivables.client', { clientId: kept, asOf: '2026-03-10' }).promises[0]).toMatchObject({ status: 'kept', takenBy: 'Администратор' });
    // On the promised date itself it is not broken yet.
    expect(w.call('receivables.client', { clientId: broken, asOf: '2026-03-10' }).promises[0]).toMatchObject({ status: 'open' });
    expect(tasksOf(broken).filter((t) => t.title.includes('Обещание'))).toEqual([]);
    // The next day: broken, a task for Анна dated that day, once.
    w.at('2026-03-11T00:01:00.000Z');
    daily();
    daily();
    const card = w.call('receivables.client', { clientId: broken, asOf: '2026-03-11' });
    expect(card.promises[0]).toMatchObject({ status: 'broken', resolvedAt: '2026-03-11T00:01:00.000Z' });
    const tasks = tasksOf(broken).filter((t) => t.title.startsWith('Обещание оплаты нарушено'));
    expect(tasks).toEqual([{ title: 'Обещание оплаты нарушено: ООО «Забывчивый» — 500,00 ₽ до 10.03.2026', assigneeId: anna, startsAt: '2026-03-11' }]);
    expect(card.promises[0]!.taskId).not.toBeNull();
    expect(events(broken).filter(([e]) => e.startsWith('promise'))).toEqual([
      ['promise_taken', { title: '2026-03-10', amountKopecks: '50000' }],
      ['promise_broken', { title: '2026-03-10', amountKopecks: '50000' }],
    ]);
    // The scenario left the client alone while the promise was open; it resumes for what is still owed.
    expect(events(kept).map(([e]) => e)).toEqual(['promise_taken', 'promise_kept', 'collection_claim']);
  });
});

describe('the collection scenario', () => {
  it('default steps: day 1 call task, day 7 letter, day 30 claim — each once per document, through the scheduler tick', () => {
    w = buildWorkspace('2026-02-01T09:00:00.000Z');
    const anna = w.user('Анна');
    const c = w.client('ООО «Должник»', { responsibleId: anna, inn: '7707083893' });
    w.call('receivables.saveSettings', {
      paymentDays: 10,
      warnOverdueDays: 30,
      company: { name: 'ООО «Агентство»', inn: '7701234567', kpp: '', address: 'Москва', bank: '', signer: 'И. И. Иванов', phone: '' },
    });
    doc(c, 'ГР00-1', '2026-02-01', 1000); // due 2026-02-11
    const steps = w.call('collection.steps', {});
    expect(steps.map((s) => [s.day, s.action])).toEqual([[1, 'task'], [7, 'letter'], [30, 'claim']]);
    const tick = (iso: string) => {
      w.at(iso);
      schedulerTick(w.session);
    };
    tick('2026-02-11T10:00:00.000Z'); // due date: nothing yet
    expect(tasksOf(c)).toEqual([]);
    tick('2026-02-12T10:00:00.000Z'); // day 1
    tick('2026-02-12T10:05:00.000Z'); // the same day again: nothing more
    expect(tasksOf(c)).toEqual([{ title: 'Позвонить о долге: ООО «Должник» — 1 000,00 ₽, просрочка 1 дн.', assigneeId: anna, startsAt: '2026-02-12' }]);
    // The report shows the next step: the letter on due + 7.
    expect(w.call('reports.run', { report: 'receivables', query: { from: '2026-02-12', to: '2026-02-12', timeZone: 'UTC' } }).rows[0]).toMatchObject({ nextStep: 'letter', nextStepDate: '2026-02-18' });
    doc(c, 'ГР00-2', '2026-02-10', 500); // due 2026-02-20
    tick('2026-02-18T10:00:00.000Z'); // day 7 of the first: the letter
    tick('2026-02-21T10:00:00.000Z'); // day 1 of the second: a call
    tick('2026-02-21T23:00:00.000Z');
    tick('2026-03-13T10:00:00.000Z'); // day 30 of the first (claim), day 21 of the second (its letter)
    tick('2026-03-14T10:00:00.000Z');
    expect(tasksOf(c).map((t) => t.startsAt)).toEqual(['2026-02-12', '2026-02-21']);
    expect(events(c)).toEqual([
      ['collection_letter', { title: 'ГР00-1', amountKopecks: '100000' }],
      ['collection_claim', { title: 'ГР00-1', amountKopecks: '100000' }],
      ['collection_letter', { title: 'ГР00-2', amountKopecks: '50000' }],
    ]);
    expect(w.count('collection_actions')).toBe(5);
    // The claim's content: requisites, documents, amounts, the deadline.
    const claim = w.call('receivables.letter', { clientId: c, kind: 'claim', asOf: '2026-03-13', lang: 'ru' });
    expect(claim.title).toBe('Претензия');
    expect(claim.from).toMatchObject({ name: 'ООО «Агентство»', signer: 'И. И. Иванов' });
    expect(claim.to).toMatchObject({ name: 'ООО «Должник»', inn: '7707083893' });
    expect(claim.documents.map((d) => [d.number, d.openKopecks, d.daysPastDue])).toEqual([['ГР00-1', 100000, 30], ['ГР00-2', 50000, 21]]);
    expect(claim.totalKopecks).toBe(150000);
    expect(plain(claim.paragraphs[1]!)).toBe('Требуем погасить задолженность в сумме 1 500,00 ₽ в срок до 23.03.2026.');
  });

  it('a document already late when it arrives gets the step due now, not the ones it skipped; a step added later fires once', () => {
    w = buildWorkspace('2026-05-01T09:00:00.000Z');
    const c = w.client('ООО «Старый долг»');
    doc(c, 'S-1', '2026-03-01', 100); // 61 days past due (0 payment days)
    daily();
    expect(tasksOf(c)).toEqual([]);
    expect(events(c).map(([e]) => e)).toEqual(['collection_claim']);
    expect(w.count('collection_actions')).toBe(3);
    // A step added at day 45 was never done for S-1: it fires once, the next day.
    const steps = w.call('collection.steps', {});
    w.call('collection.saveSteps', { steps: [...steps.map((s) => ({ id: s.id, day: s.day, action: s.action, title: s.title, active: s.active })), { day: 45, action: 'task', title: 'Звонок директору', active: true }] });
    daily(); // the same day: the scenario already ran today
    expect(tasksOf(c)).toEqual([]);
    w.at('2026-05-02T09:00:00.000Z');
    daily();
    expect(tasksOf(c).map((t) => t.title)).toEqual(['Звонок директору: ООО «Старый долг»']);
    doc(c, 'S-2', '2026-03-15', 100); // 48 days past due: the day-45 step only
    w.at('2026-05-03T09:00:00.000Z');
    daily();
    w.at('2026-05-04T09:00:00.000Z');
    daily();
    expect(tasksOf(c).map((t) => t.startsAt)).toEqual(['2026-05-02', '2026-05-03']);
    expect(events(c).map(([e]) => e)).toEqual(['collection_claim']);
    expect(w.count('collection_actions')).toBe(8);
  });
});

describe('a letter or claim the user sent', () => {
  it('is recorded in the client’s history with the overdue documents it named and their sum; with nothing overdue it is refused and nothing is written', () => {
    w = buildWorkspace('2026-03-20T09:00:00.000Z');
    const late = w.client('ООО «Должник»');
    doc(late, 'ГР00-000001', '2026-01-10', 1500);
    doc(late, 'ГР00-000002', '2026-02-01', 250);
    doc(late, 'ГР00-000003', '2026-03-25', 999); // not yet due on 20 March
    const r = w.call('receivables.letterSent', { clientId: late, kind: 'claim', asOf: '2026-03-20' });
    expect(r.totalKopecks).toBe(175_000);
    expect(events(late)).toEqual([['collection_claim', { title: 'ГР00-000001, ГР00-000002', amountKopecks: '175000' }]]);

    const paid = w.client('ООО «Аккуратный»');
    expect(() => w.call('receivables.letterSent', { clientId: paid, kind: 'letter', asOf: '2026-03-20' })).toThrow(/Nothing is overdue/);
    expect(events(paid)).toEqual([]);
  });
});
