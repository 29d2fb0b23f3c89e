import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../src-main/core/exchange/read/xlsx';
import type { EntryBytes } from '../../src-main/core/exchange/read/ordered-workbook-reader';
import type { Cell } from '../../src-main/core/exchange/read/types';
import { makeTempDir, removeDir } from '../helpers/workspace';
import { handZippedWorkbook, insideLetter, multibyteValue, rechunk } from '../helpers/multibyte';

// Issue 10: exceljs decodes each chunk of a zip entry on its own, so a letter whose
// bytes straddle two chunks became «Екатеринб��рг». Every cell of these workbooks is
// compared with its source, with the entries cut into chunks of every small size
// (size 1 puts a boundary inside every letter) and, without any cutting, by size.

const dir = makeTempDir('xlsx-multibyte');
afterAll(() => removeDir(dir));

async function cells(path: string, sheet: number, reshape?: EntryBytes): Promise<Cell[][]> {
  const out: Cell[][] = [];
  for await (const r of (await openXlsx(path, reshape)).rows(sheet)) out.push(r.cells);
  return out;
}

/** The first cell that differs from its source, or null: a readable failure instead of a 2,000-row diff. */
function firstDifference(got: Cell[][], want: string[][]): string | null {
  if (got.length !== want.length) return `${got.length} rows read, ${want.length} written`;
  for (let r = 0; r < want.length; r++) {
    for (let c = 0; c < want[r]!.length; c++) if (got[r]![c] !== want[r]![c]) return `row ${r + 1} col ${c + 1}: ${JSON.stringify(got[r]![c])} ≠ ${JSON.stringify(want[r]![c])}`;
  }
  return null;
}

const table = (rows: number, cols: number, length: number) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => multibyteValue(r * cols + c, length)));

/** Written by exceljs's streaming writer with shared strings (its non-streaming writer damages emoji itself: see helpers/multibyte). */
async function exceljsWorkbook(name: string, rows: string[][]): Promise<string> {
  const path = join(dir, name);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('Контрагенты');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return path;
}

describe('xlsx: multi-byte letters across chunk boundaries', () => {
  const small = table(40, 3, 70);

  it('written by exceljs (shared strings): every cell exact for entry chunks of 1–8, 13 and 4097 bytes', async () => {
    const path = await exceljsWorkbook('exceljs-small.xlsx', small);
    for (const size of [1, 2, 3, 4, 5, 6, 7, 8, 13, 4097]) expect(firstDifference(await cells(path, 0, rechunk(size)), small), `chunks of ${size}`).toBeNull();
  });

  it('zipped by hand: shared strings and inline strings, every cell exact for chunks of 1–8 and 13 bytes', async () => {
    const path = join(dir, 'hand.xlsx');
    writeFileSync(path, await handZippedWorkbook(small));
    for (const size of [1, 2, 3, 4, 5, 6, 7, 8, 13]) {
      expect(firstDifference(await cells(path, 0, rechunk(size)), small), `shared, chunks of ${size}`).toBeNull();
      expect(firstDifference(await cells(path, 1, rechunk(size)), small), `inline, chunks of ${size}`).toBeNull();
    }
  });

  it('sheet and workbook parts too: Cyrillic sheet names survive 1-byte chunks', async () => {
    const path = join(dir, 'hand-names.xlsx');
    writeFileSync(path, await handZippedWorkbook(small));
    expect((await (await openXlsx(path, rechunk(1))).sheets()).map((s) => s.name)).toEqual(['Общие', 'Встроенные']);
  });

  // No seam: the inflate stream's own chunks (16 KiB of output, shorter at input
  // boundaries). The test first proves that boundaries do fall inside letters.
  it('thousands of rows of long Cyrillic text through the real inflate chunks: every cell exact', async () => {
    const big = table(4000, 2, 120);
    for (const [name, path] of [
      ['exceljs', await exceljsWorkbook('exceljs-big.xlsx', big)],
      ['hand', join(dir, 'hand-big.xlsx')],
    ] as const) {
      if (name === 'hand') writeFileSync(path, await handZippedWorkbook(big));
      const part = await (await JSZip.loadAsync(readFileSync(path))).file('xl/sharedStrings.xml')!.async('nodebuffer');
      const splitLetters = Array.from({ length: Math.floor(part.length / 16384) }, (_, k) => (k + 1) * 16384).filter((o) => insideLetter(part, o)).length;
      expect(splitLetters, `${name}: 16 KiB boundaries inside a letter`).toBeGreaterThan(10);
      expect(firstDifference(await cells(path, 0), big), `${name}, shared strings`).toBeNull();
      if (name === 'hand') expect(firstDifference(await cells(path, 1), big), 'hand, inline strings').toBeNull();
    }
  });
});
