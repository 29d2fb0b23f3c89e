import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
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

  // Cancelling unwinds the async iterators down to the file stream, which closes: on
  // Windows an open handle would keep the upload from being deleted.
  it('a read stopped half-way (cancel) leaves no handle open on the file', async (t) => {
    if (process.platform !== 'linux') {
      console.log('[xlsx reader] skipped: open handles are counted through /proc/self/fd, which only Linux has');
      t.skip();
    }
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Много');
    for (let i = 0; i < 30_000; i++) ws.addRow([`Клиент ${i}`, i, `${i}@example.com`, Math.random().toString(36)]);
    const path = join(dir, 'big.xlsx');
    await wb.xlsx.writeFile(path);
    const handles = () => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false;
      }
    }).length;
    const stop = new AbortController();
    let seen = 0;
    let during = 0;
    await expect(
      (async () => {
        for await (const _row of (await openXlsx(path)).rows(0, stop.signal)) {
          if (++seen < 100) continue;
          during = handles();
          stop.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'exchange.cancelled' });
    expect([seen, during]).toEqual([100, 1]); // the check sees the handle while the sheet is read
    await new Promise((r) => setTimeout(r, 50)); // a destroyed stream closes its handle on the next turn
    expect(handles()).toBe(0);
  });
});
