import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { catchAppError, issueKeys } from '../../helpers/workspace';
import { ingestDocuments } from '../../../src-main/core/receivables/ingest';

// Invoices entered by hand from a deal (lines, amount, due date), edited and deleted;
// terms and credit limits; imported documents are the file's.

let w: Built;
afterEach(() => w?.dispose());

describe('documents by hand', () => {
  it('an invoice from a deal: lines make the amount, numbers follow on, edit, delete; bad input names the field', () => {
    w = buildWorkspace();
    const c = w.client('ООО «Ромашка»', { inn: '7707083893' });
    const deal = w.deal(c);
    const first = w.call('receivables.createDocument', {
      clientId: c,
      dealId: deal,
      date: '2026-03-01',
      dueDate: '2026-03-15',
      lines: [
        { name: 'Разработка сайта', quantity: 1, unit: 'усл', priceKopecks: 120_000_00 },
        { name: 'Хостинг, мес.', quantity: 12, priceKopecks: 1_500_50 },
      ],
    });
    expect(first.number).toBe('1');
    const printable = w.call('receivables.document', { id: first.id, asOf: '2026-03-20' });
    expect(printable).toMatchObject({ amountKopecks: 138_006_00, due: '2026-03-15', openKopecks: 138_006_00, dealId: deal, client: { name: 'ООО «Ромашка»', inn: '7707083893' } });
    expect(printable.lines.map((l) => l.amountKopecks)).toEqual([120_000_00, 18_006_00]);
    const second = w.call('receivables.createDocument', { clientId: c, date: '2026-03-02', amountKopecks: 500_00 });
    expect(second.number).toBe('2');
    expect(catchAppError(() => w.call('receivables.createDocument', { clientId: c, number: '2', date: '2026-03-02', amountKopecks: 1 })).code).toBe('receivables.document_duplicate');
    expect(issueKeys(catchAppError(() => w.callRaw('receivables.createDocument', { clientId: c, date: '2026-03-02', dueDate: '2026-03-01', amountKopecks: 1 })))).toEqual(['dueDate:receivables.due_before_date']);
    expect(issueKeys(catchAppError(() => w.callRaw('receivables.createDocument', { clientId: c, date: '2026-03-02' })))).toEqual(['amountKopecks:receivables.amount_positive']);
    w.call('receivables.updateDocument', { id: second.id, document: { clientId: c, number: '2', date: '2026-03-02', amountKopecks: 700_00, comment: 'исправлено' } });
    expect(w.call('receivables.client', { clientId: c, asOf: '2026-03-31' }).debtKopecks).toBe(138_706_00);
    w.call('receivables.deleteDocument', { id: second.id });
    expect(w.count('receivable_documents')).toBe(1);
  });

  it('imported documents cannot be edited by hand', () => {
    w = buildWorkspace();
    const c = w.client('ООО «Ромашка»');
    w.sqlite().transaction(() =>
      ingestDocuments(w.session.ctx(), { kind: 'list', fileName: 'docs.csv', contentHash: 'x', periodFrom: null, periodTo: null, asOf: '2026-03-01' }, [
        { clientId: c, contract: null, kind: 'shipment', number: 'Р-1', date: '2026-02-01', amountKopecks: 100, openKopecks: 100, dueDate: null, row: 2 },
      ], []),
    )();
    const id = (w.sqlite().prepare('SELECT id FROM receivable_documents').get() as { id: string }).id;
    expect(catchAppError(() => w.call('receivables.deleteDocument', { id })).code).toBe('receivables.document_imported');
  });

  it('terms: the client’s days and credit limit; over the limit on the card', () => {
    w = buildWorkspace();
    const c = w.client('ООО «Ромашка»');
    expect(w.call('receivables.terms', { clientId: c })).toMatchObject({ paymentDays: null, effectiveDays: 0, creditLimitKopecks: null });
    w.call('receivables.saveSettings', { paymentDays: 14, warnOverdueDays: 30 });
    expect(w.call('receivables.terms', { clientId: c }).effectiveDays).toBe(14);
    w.call('receivables.setTerms', { clientId: c, paymentDays: 30, creditLimitKopecks: 1000_00 });
    w.call('receivables.createDocument', { clientId: c, date: '2026-03-01', amountKopecks: 1500_00 });
    const card = w.call('receivables.client', { clientId: c, asOf: '2026-03-20' });
    expect(card).toMatchObject({ debtKopecks: 1500_00, overdueKopecks: 0, overLimit: true, terms: { effectiveDays: 30 } });
    expect(card.documents[0]!.due).toBe('2026-03-31');
  });
});
