import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkspace, type Built } from '../helpers/builders';
import { inn10 } from '../helpers/onec-fixtures';

// A plain list of documents (.csv / .xlsx), columns found by their Russian or English names.

let w: Built;
afterEach(() => w?.dispose());

async function run(file: string, extra: Record<string, unknown> = {}) {
  const { fileId } = w.call('exchange.openLocal', { path: file });
  return (await w.call('exchange.receivables.run', { fileId, entity: 'receivables', lang: 'en', ...extra } as never)) as unknown as Awaited<ReturnType<typeof import('../../src-main/core/exchange/receivables/service').runStored>>;
}
const docs = () => w.sqlite().prepare(`SELECT c.name AS client, d.number, d.date, d.kind, d.amount_kopecks AS amount, d.settled_outside_kopecks AS settled, d.due_date AS due FROM receivable_documents d JOIN clients c ON c.id = d.client_id ORDER BY d.number`).all();

describe('document list', () => {
  it('.csv with Russian headers: by ИНН, else by name; paid becomes settled; every value as written', async () => {
    w = buildWorkspace();
    w.client('Ромашка', { inn: inn10(1) });
    w.client('ООО «Лютик»');
    const file = join(w.dir, 'docs.csv');
    writeFileSync(
      file,
      ['Список документов', '', 'Контрагент;ИНН;Номер;Дата;Сумма;Оплачено;Срок оплаты', `"ООО ""Ромашка""";${inn10(1)};УПД-1;15.02.2026;1 234 567,89;234 567,89;17.03.2026`, 'Лютик ООО;;Сч-45;01.03.2026;500,00;;', 'Итого;;;;1 235 067,89;;'].join('\r\n'),
    );
    const r = await run(file);
    expect(r).toMatchObject({ applied: true, kind: 'list', asOf: '2026-03-01', created: 2 });
    expect(docs()).toEqual([
      { client: 'ООО «Лютик»', number: 'Сч-45', date: '2026-03-01', kind: 'shipment', amount: 50000, settled: 0, due: null },
      { client: 'Ромашка', number: 'УПД-1', date: '2026-02-15', kind: 'shipment', amount: 123456789, settled: 23456789, due: '2026-03-17' },
    ]);
  });

  it('.xlsx with English headers; a bad row is named with its column and nothing is written', async () => {
    w = buildWorkspace();
    w.client('Acme', { inn: inn10(2) });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Docs');
    ws.addRow(['Customer', 'Tax ID', 'Invoice number', 'Invoice date', 'Amount', 'Paid']);
    ws.addRow(['Acme', inn10(2), 'INV-1', new Date(Date.UTC(2026, 1, 3)), 1000.5, 0]);
    ws.addRow(['Acme', inn10(2), 'INV-2', '31.02.2026', 10, 0]);
    const file = join(w.dir, 'docs.xlsx');
    await wb.xlsx.writeFile(file);
    const { fileId } = w.call('exchange.openLocal', { path: file });
    const a = (await w.call('exchange.receivables.analyse', { fileId, entity: 'receivables', lang: 'en' })) as { errors: { row: number; message: string }[] };
    expect(a.errors).toEqual([{ row: 3, field: 'date', code: 'receivables_import.cell_date', message: 'Invoice date: «31.02.2026» is not a date' }]);
    await expect(run(file)).rejects.toMatchObject({ code: 'receivables_import.rows_invalid', params: { row: 3, column: 'Invoice date' } });
    expect(w.count('receivable_documents')).toBe(0);
    expect(w.count('receivable_batches')).toBe(0);
  });
});
