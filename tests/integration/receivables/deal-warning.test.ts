import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkspace, type Built } from '../../helpers/builders';

// A deal whose client is over the credit limit or has debt overdue more than N days
// carries a warning on the card and on the board.

let w: Built;
afterEach(() => w?.dispose());

describe('deal warning', () => {
  it('over the limit, overdue beyond N days, or neither', () => {
    w = buildWorkspace('2026-04-30T09:00:00.000Z');
    w.call('receivables.saveSettings', { paymentDays: 0, warnOverdueDays: 30 });
    const limit = w.client('ООО «Лимит»');
    const late = w.client('ООО «Просрочка»');
    const fine = w.client('ООО «Порядок»');
    w.call('receivables.setTerms', { clientId: limit, paymentDays: 60, creditLimitKopecks: 1000_00 });
    w.call('receivables.createDocument', { clientId: limit, date: '2026-04-20', amountKopecks: 1500_00 });
    w.call('receivables.createDocument', { clientId: late, date: '2026-03-30', amountKopecks: 10_00 }); // 31 days
    w.call('receivables.createDocument', { clientId: fine, date: '2026-03-31', amountKopecks: 10_00 }); // 30 days: not more than N
    const deals = { limit: w.deal(limit), late: w.deal(late), fine: w.deal(fine) };
    expect(w.call('deals.get', { id: deals.limit }).debtWarning).toEqual({ overLimit: true, overdueDays: null, debtKopecks: 1500_00, creditLimitKopecks: 1000_00 });
    expect(w.call('deals.get', { id: deals.late }).debtWarning).toEqual({ overLimit: false, overdueDays: 31, debtKopecks: 10_00, creditLimitKopecks: null });
    expect(w.call('deals.get', { id: deals.fine }).debtWarning).toBeNull();
    const board = w.call('deals.board', { pipelineId: w.pipeline().id, filter: {} as never, pageSize: 30 });
    const cards = board.columns.flatMap((c) => c.cards);
    expect(Object.fromEntries(cards.map((c) => [c.clientName, c.debtWarning?.overLimit ?? c.debtWarning?.overdueDays ?? null]))).toEqual({
      'ООО «Лимит»': true,
      'ООО «Просрочка»': false,
      'ООО «Порядок»': null,
    });
    // Paid: the warning goes.
    w.call('receivables.addPayment', { clientId: late, date: '2026-04-29', amountKopecks: 10_00, purpose: '' });
    expect(w.call('deals.get', { id: deals.late }).debtWarning).toBeNull();
  });
});
