import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../src-main/core/exchange/read/xlsx';
import type { SourceRow } from '../../src-main/core/exchange/read/types';
import { makeTempDir, removeDir } from '../helpers/workspace';

// The streaming xlsx reader (read/ordered-workbook-reader.ts): sheets in the
// workbook's order with their names, shared strings and date styles resolved, and
// part locations taken from the relationships rather than from fixed file names.

const dir = makeTempDir('xlsx-reader');
afterAll(() => removeDir(dir));

async function rowsOf(path: string, sheet: number): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const r of (await openXlsx(path)).rows(sheet)) rows.push(r);
  return rows;
}

async function threeSheets(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Клиенты').addRows([['Наименование', 'Дата'], ['ООО «Ромашка»', new Date(Date.UTC(2026, 0, 15))]]);
  const second = wb.addWorksheet('Сделки');
  second.addRows([['Сделка', 'Сумма'], ['Аренда офиса', 1234.56], ['Продажа', 99]]);
  second.getColumn(2).numFmt = '#,##0.00 ₽';
  wb.addWorksheet('Пустой');
  const path = join(dir, `three-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('streaming xlsx reader', () => {
  it('lists sheets by name in workbook order and reads one with shared strings and dates', async () => {
    const path = await threeSheets();
    expect((await (await openXlsx(path)).sheets()).map((s) => s.name)).toEqual(['Клиенты', 'Сделки', 'Пустой']);
    expect(await rowsOf(path, 1)).toEqual([
      { n: 1, cells: ['Сделка', 'Сумма'] },
      { n: 2, cells: ['Аренда офиса', 1234.56] },
      { n: 3, cells: ['Продажа', 99] },
    ]);
    const first = await rowsOf(path, 0);
    expect(first[1]!.cells[1]).toEqual(new Date(Date.UTC(2026, 0, 15)));
  });

  it('reads a workbook written by exceljs many times at once without losing the workbook part (exceljs#3064)', async () => {
    const path = await threeSheets();
    const reads = Array.from({ length: 40 }, async () => (await rowsOf(path, 1)).length);
    expect(await Promise.all(reads)).toEqual(Array(40).fill(3));
  });

  it('follows the relationships: absolute targets, other part names, sheet order unlike file order', async () => {
    const zip = await JSZip.loadAsync(readFileSync(await threeSheets()));
    // Rename the second sheet's part and point to it with an absolute target, and list
    // the sheets in the workbook in another order than their file numbers.
    const sheet2 = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    zip.remove('xl/worksheets/sheet2.xml');
    zip.file('xl/worksheets/deals.xml', sheet2);
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('Target="worksheets/sheet2.xml"', 'Target="/xl/worksheets/deals.xml"'));
    const book = await zip.file('xl/workbook.xml')!.async('string');
    const sheets = /<sheets>(.*)<\/sheets>/s.exec(book)![1]!;
    const [a, b, c] = sheets.match(/<sheet [^>]*\/>/g)!;
    zip.file('xl/workbook.xml', book.replace(sheets, [b, c, a].join('')));
    const path = join(dir, 'relocated.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));

    expect((await (await openXlsx(path)).sheets()).map((s) => s.name)).toEqual(['Сделки', 'Пустой', 'Клиенты']);
    expect((await rowsOf(path, 0)).map((r) => r.cells[0])).toEqual(['Сделка', 'Аренда офиса', 'Продажа']);
  });
});
