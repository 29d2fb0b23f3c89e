import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { ingestDocuments } from '../../../src-main/core/receivables/ingest';

// The reconciliation statement: opening balance, documents, payments, closing balance;
// the .xlsx read back cell by cell.

let w: Built;
afterEach(() => w?.dispose());

describe('reconciliation statement', () => {
  it('balances from documents, payments and what the accounting file settled; the xlsx says the same', async () => {
    w = buildWorkspace();
    w.call('receivables.saveSettings', { paymentDays: 0, warnOverdueDays: 30, company: { name: 'ООО «Агентство»', inn: '', kpp: '', address: '', bank: '', signer: 'Иванов И. И.', phone: '' } });
    const c = w.client('ООО «Ромашка»');
    w.call('receivables.createDocument', { clientId: c, number: '1', date: '2026-01-15', amountKopecks: 1000_00, kind: 'shipment' });
    w.call('receivables.addPayment', { clientId: c, number: '11', date: '2026-01-30', amountKopecks: 400_00, purpose: 'Оплата' });
    w.call('receivables.createDocument', { clientId: c, number: '2', date: '2026-02-10', amountKopecks: 250_50, kind: 'invoice' });
    w.call('receivables.addPayment', { clientId: c, number: '12', date: '2026-02-20', amountKopecks: 300_00, purpose: 'Оплата по счету 2' });
    w.sqlite().transaction(() =>
      ingestDocuments(w.session.ctx(), { kind: 'osv', fileName: 'osv.xlsx', contentHash: 'h', periodFrom: '2026-01-01', periodTo: '2026-03-31', asOf: null }, [
        { clientId: c, contract: null, kind: 'shipment', number: 'ГР00-7', date: '2026-03-05', amountKopecks: 200_00, openKopecks: 50_00, dueDate: null, row: 9 },
      ], []),
    )();
    w.call('receivables.createDocument', { clientId: c, number: '3', date: '2026-04-02', amountKopecks: 99_00, kind: 'shipment' });

    const r = w.call('receivables.reconciliation', { clientId: c, from: '2026-02-01', to: '2026-03-31' });
    expect(r.openingKopecks).toBe(600_00);
    expect(r.lines.map((l) => [l.date, l.kind, l.number, l.debitKopecks, l.creditKopecks])).toEqual([
      ['2026-02-10', 'document', '2', 250_50, 0],
      ['2026-02-20', 'payment', '12', 0, 300_00],
      ['2026-03-05', 'document', 'ГР00-7', 200_00, 0],
      ['2026-03-05', 'settled', 'ГР00-7', 0, 150_00],
    ]);
    expect(r).toMatchObject({ debitKopecks: 450_50, creditKopecks: 450_00, closingKopecks: 600_50 });
    // The closing balance is the debt the report shows on that date.
    expect(w.call('reports.run', { report: 'receivables', query: { from: '2026-03-31', to: '2026-03-31', timeZone: 'UTC' } }).totals[0]!.debtKopecks).toBe(600_50);

    const { fileId } = await w.call('receivables.reconciliationExport', { clientId: c, from: '2026-02-01', to: '2026-03-31', lang: 'ru' });
    const file = join(w.dir, 'akt.xlsx');
    await w.call('exchange.saveLocal', { fileId, path: file });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    // Cell values by row (exceljs leaves holes for empty cells): dates as yyyy-mm-dd, empty as null, no trailing empties.
    const rows = (ws.getSheetValues() as unknown[][]).filter(Boolean).map((v) => {
      const cells = Array.from({ length: v.length - 1 }, (_, i) => v[i + 1]).map((x) => (x instanceof Date ? x.toISOString().slice(0, 10) : (x ?? null)));
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      return cells;
    });
    expect(rows).toEqual([
      ['Акт сверки взаимных расчётов'],
      ['между ООО «Агентство» и ООО «Ромашка»'],
      ['за период с 01.02.2026 по 31.03.2026'],
      ['Дата', 'Документ', 'Дебет', 'Кредит'],
      [null, 'Сальдо на 01.02.2026', 600],
      ['2026-02-10', 'Счёт № 2', 250.5],
      ['2026-02-20', 'Оплата, п/п № 12', null, 300],
      ['2026-03-05', 'Реализация (акт, накладная, УПД) № ГР00-7', 200],
      ['2026-03-05', 'Оплата по данным учёта, документ № ГР00-7', null, 150],
      [null, 'Обороты за период', 450.5, 450],
      [null, 'Сальдо на 31.03.2026', 600.5],
      [expect.stringMatching(/^На 31\.03\.2026 задолженность ООО «Ромашка» перед ООО «Агентство» составляет 600,50 руб\.$/)],
      ['От нас: ________________ Иванов И. И.'],
      ['От клиента: ________________'],
    ]);
  });
});
