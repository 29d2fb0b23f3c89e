import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { ingestDocuments, ingestPayments, type BatchInfo, type IncomingDocument } from '../../../src-main/core/receivables/ingest';
import { counterpartyKey, findClientsByCounterparty, rememberCounterparty } from '../../../src-main/core/receivables/names';

// The seam the 1C imports write through: snapshots, no-op on the same file, dedupe.

let w: Built;
afterEach(() => w?.dispose());

const osv = (hash: string, periodTo = '2026-03-31'): BatchInfo => ({ kind: 'osv', fileName: 'osv.xlsx', contentHash: hash, periodFrom: '2026-01-01', periodTo, asOf: null });
const doc = (clientId: string, number: string, date: string, amount: number, open = amount): IncomingDocument => ({
  clientId, contract: 'Основной договор', kind: 'shipment', number, date, amountKopecks: amount, openKopecks: open, dueDate: null, row: 1,
});
const ctx = () => w.session.ctx();
const tx = <T>(f: () => T): T => w.sqlite().transaction(f)();

describe('ingest', () => {
  it('a newer snapshot replaces the older, the same file again changes nothing', () => {
    w = buildWorkspace();
    const a = w.client('Ромашка');
    const first = tx(() => ingestDocuments(ctx(), osv('h1'), [doc(a, 'ГР00-1', '2026-02-01', 10_000), doc(a, 'ГР00-2', '2026-02-10', 5_000)], []));
    expect(first).toMatchObject({ created: 2, updated: 0, removed: 0, unchanged: 0 });
    expect(tx(() => ingestDocuments(ctx(), osv('h1'), [], []))).toMatchObject({ batchId: null, removed: 0 });
    expect(w.count('receivable_documents')).toBe(2);
    const second = tx(() => ingestDocuments(ctx(), osv('h2'), [doc(a, 'ГР00-2', '2026-02-10', 5_000, 2_000)], [{ clientId: a, kopecks: 700 }]));
    expect(second).toMatchObject({ created: 0, updated: 1, removed: 1, unchanged: 0 });
    expect(w.sqlite().prepare('SELECT number, settled_outside_kopecks AS s FROM receivable_documents').all()).toEqual([{ number: 'ГР00-2', s: 3_000 }]);
    // The advance (credit balance) is a payment and is allocated to the open document.
    expect(w.sqlite().prepare('SELECT sum(kopecks) AS k FROM receivable_allocations').get()).toEqual({ k: 700 });
    expect(w.count('receivable_contracts')).toBe(1);
  });

  it('payments: the same payment twice counts once; an unknown payer attaches later', () => {
    w = buildWorkspace();
    const a = w.client('Ромашка');
    const bank = (hash: string): BatchInfo => ({ kind: 'bank', fileName: 'kl_to_1c.txt', contentHash: hash, periodFrom: null, periodTo: null, asOf: null });
    const p = { clientId: null, number: '15', date: '2026-03-01', amountKopecks: 1_000, payerInn: '7701234567', payerName: 'ООО Ромашка', purpose: 'Оплата', row: 3 };
    expect(tx(() => ingestPayments(ctx(), bank('b1'), [p, p]))).toMatchObject({ added: 1, duplicates: 1 });
    expect(tx(() => ingestPayments(ctx(), bank('b2'), [{ ...p, clientId: a }]))).toMatchObject({ added: 0, duplicates: 1 });
    expect(w.count('receivable_payments', `client_id = '${a}'`)).toBe(1);
  });

  it('counterparty names fold quotes, legal forms and ё; a mapping is remembered', () => {
    w = buildWorkspace();
    expect(counterpartyKey('ООО "Ромашка"')).toBe('ромашка');
    expect(counterpartyKey('«Ромашка» ООО')).toBe('ромашка');
    expect(counterpartyKey('Общество с ограниченной ответственностью «Ёлка»')).toBe('елка');
    const a = w.client('ООО «Ромашка»');
    expect(findClientsByCounterparty(ctx(), 'Ромашка ООО').map((c) => c.id)).toEqual([a]);
    w.client('Ромашка');
    expect(findClientsByCounterparty(ctx(), 'Ромашка ООО')).toHaveLength(2);
    tx(() => rememberCounterparty(ctx(), '"Ромашка" ООО', a));
    expect(findClientsByCounterparty(ctx(), 'ООО Ромашка').map((c) => c.id)).toEqual([a]);
  });
});
