import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { catchAppError } from '../../helpers/workspace';
import { recomputeAllocations } from '../../../src-main/core/receivables/allocate';

// Payments to documents: the named document first, then the oldest; partial payments;
// an overpayment is an advance that pays the next document; the user's reassignment
// stays; a recompute changes nothing the second time.

let w: Built;
afterEach(() => w?.dispose());

const doc = (clientId: string, number: string, date: string, rub: number) =>
  w.call('receivables.createDocument', { clientId, number, date, amountKopecks: rub * 100, kind: 'shipment' }).id;
const pay = (clientId: string, date: string, rub: number, purpose: string, number = '') =>
  w.call('receivables.addPayment', { clientId, number, date, amountKopecks: rub * 100, purpose }).id;
const openOf = (clientId: string) =>
  Object.fromEntries(w.call('receivables.client', { clientId, asOf: '2026-12-31' }).documents.map((d) => [d.number, d.openKopecks / 100]));
const allocations = () =>
  w.sqlite().prepare('SELECT id, payment_id, document_id, kopecks, manual FROM receivable_allocations ORDER BY id').all();

describe('allocation', () => {
  it('named document first, then the oldest; partial; overpayment is an advance that pays a later document', () => {
    w = buildWorkspace();
    const c = w.client('ООО «Ромашка»');
    doc(c, '101', '2026-01-10', 100);
    doc(c, 'ГР00-000124', '2026-02-10', 200);
    doc(c, 'ГР00-000045', '2026-03-10', 300);
    pay(c, '2026-03-01', 150, 'Оплата по УПД № ГР00-000124 от 10.02.2026, в т.ч. НДС');
    expect(openOf(c)).toEqual({ '101': 100, 'ГР00-000124': 50, 'ГР00-000045': 300 });
    pay(c, '2026-03-02', 60, 'Оплата за товар');
    expect(openOf(c)).toEqual({ '101': 40, 'ГР00-000124': 50, 'ГР00-000045': 300 });
    pay(c, '2026-03-20', 250, 'Оплата по счету 45 от 10.03.2026');
    expect(openOf(c)).toEqual({ '101': 40, 'ГР00-000124': 50, 'ГР00-000045': 50 });
    // 50 to the named one, then the oldest (40, then 50), 60 left: an advance.
    pay(c, '2026-03-25', 200, 'сч. № 45');
    expect(openOf(c)).toEqual({ '101': 0, 'ГР00-000124': 0, 'ГР00-000045': 0 });
    const card = w.call('receivables.client', { clientId: c, asOf: '2026-12-31' });
    expect(card.advanceKopecks).toBe(60_00);
    expect(card.debtKopecks).toBe(0);
    // The advance pays the next document.
    doc(c, '130', '2026-04-01', 80);
    expect(openOf(c)['130']).toBe(20);
    expect(w.call('receivables.client', { clientId: c, asOf: '2026-12-31' }).advanceKopecks).toBe(0);
  });

  it('the user reassigns a payment; it stays there when others recompute; back to automatic', () => {
    w = buildWorkspace();
    const c = w.client('ООО «Ромашка»');
    const a = doc(c, '1', '2026-01-10', 100);
    const b = doc(c, '2', '2026-02-10', 100);
    const p = pay(c, '2026-03-01', 100, 'Оплата');
    expect(openOf(c)).toEqual({ '1': 0, '2': 100 });
    w.call('receivables.reassignPayment', { paymentId: p, allocations: [{ documentId: b, kopecks: 100_00 }] });
    expect(openOf(c)).toEqual({ '1': 100, '2': 0 });
    const p2 = pay(c, '2026-03-05', 30, 'Оплата по счету 2');
    // Document 2 is paid by the manual allocation; the named payment goes on to the oldest.
    expect(openOf(c)).toEqual({ '1': 70, '2': 0 });
    // Beyond what the document owes: refused, nothing changed.
    const before = allocations();
    const e = catchAppError(() => w.call('receivables.reassignPayment', { paymentId: p, allocations: [{ documentId: a, kopecks: 100_00 }, { documentId: b, kopecks: 1 }] }));
    expect(e.code).toBe('receivables.allocation_exceeds_payment');
    expect(allocations()).toEqual(before);
    w.call('receivables.reassignPayment', { paymentId: p2, allocations: [{ documentId: a, kopecks: 30_00 }] });
    const manual = allocations();
    // 30 of document 1 is paid by hand already: 100 more would pay it beyond its amount.
    expect(catchAppError(() => w.call('receivables.reassignPayment', { paymentId: p, allocations: [{ documentId: a, kopecks: 100_00 }] })).code).toBe('receivables.document_overpaid');
    expect(allocations()).toEqual(manual);
    w.call('receivables.reassignPayment', { paymentId: p, allocations: null });
    // p back to automatic: 70 to the oldest (30 of it is p2's by hand), 30 to the next.
    expect(openOf(c)).toEqual({ '1': 0, '2': 70 });
  });

  it('a payment moved to another client leaves the first one owing', () => {
    w = buildWorkspace();
    const c1 = w.client('ООО «Ромашка»');
    const c2 = w.client('ООО «Лютик»');
    doc(c1, '1', '2026-01-10', 100);
    doc(c2, '7', '2026-01-10', 100);
    const p = pay(c1, '2026-02-01', 100, 'Оплата');
    w.call('receivables.reassignPayment', { paymentId: p, clientId: c2, allocations: null });
    expect(openOf(c1)).toEqual({ '1': 100 });
    expect(openOf(c2)).toEqual({ '7': 0 });
  });

  it('recompute is deterministic and idempotent: the second run writes nothing', () => {
    w = buildWorkspace();
    const c = w.client('ООО «Ромашка»');
    for (let i = 1; i <= 40; i++) doc(c, String(i), `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, 10 + i);
    for (let i = 1; i <= 25; i++) pay(c, `2026-02-${String((i % 28) + 1).padStart(2, '0')}`, 17 + i, i % 3 ? 'Оплата' : `по счету ${i}`, String(i));
    const first = allocations();
    const ctx = w.session.ctx();
    w.sqlite().transaction(() => recomputeAllocations(ctx, c))();
    w.sqlite().transaction(() => recomputeAllocations(ctx, c))();
    expect(allocations()).toEqual(first);
    const sums = w.sqlite().prepare(`SELECT (SELECT sum(kopecks) FROM receivable_allocations) AS a, (SELECT sum(amount_kopecks) FROM receivable_payments) AS p`).get() as { a: number; p: number };
    expect(sums.a).toBe(sums.p);
  });
});
