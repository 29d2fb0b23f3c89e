import type ExcelJS from 'exceljs';
import { AppError } from '../../errors';
import { OrderedWorkbookReader, type OrderedReaderOptions } from './ordered-workbook-reader';
import type { Cell, SheetInfo, SourceRow, TableSource } from './types';

// The streaming reader keeps one row at a time (plus shared strings), so a
// 100,000-row workbook needs tens of megabytes, not the gigabytes of the full reader.
function reader(path: string, tuning: ReadTuning) {
  return new OrderedWorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // date-formatted cells come out as Date
    worksheets: 'emit',
    entries: 'ignore',
    chunkBytes: tuning.chunkBytes,
  });
}

/** Test seams of the readers: how the bytes are cut before decoding. */
export type ReadTuning = Pick<OrderedReaderOptions, 'chunkBytes'>;

function unreadable(e: unknown): AppError {
  if (e instanceof AppError) return e;
  return new AppError('exchange.xlsx_broken', `The workbook cannot be read (damaged or not an .xlsx): ${(e as Error)?.message ?? e}`);
}

/** A cell's value reduced to what an import needs: formulas give their result, rich text its text. */
export function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o) return cellValue(o.result);
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('text' in o) return cellValue(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

export async function openXlsx(path: string, tuning: ReadTuning = {}): Promise<TableSource> {
  let cached: SheetInfo[] | null = null;
  return {
    kind: 'xlsx',
    async sheets() {
      if (cached) return cached;
      const list: SheetInfo[] = [];
      try {
        for await (const ws of reader(path, tuning)) {
          list.push({ index: list.length, name: (ws as unknown as { name: string }).name });
          // Draining each sheet is what lets the reader move on to the next one.
          for await (const _row of ws) void _row;
        }
      } catch (e) {
        throw unreadable(e);
      }
      if (list.length === 0) throw new AppError('exchange.xlsx_broken', 'The workbook has no sheets');
      return (cached = list);
    },
    rows: (sheet, signal) => xlsxRows(path, sheet, tuning, signal),
  };
}

async function* xlsxRows(path: string, sheet: number, tuning: ReadTuning, signal?: AbortSignal): AsyncIterable<SourceRow> {
  let index = 0;
  try {
    for await (const ws of reader(path, tuning)) {
      if (index++ !== sheet) {
        for await (const _row of ws) void _row;
        continue;
      }
      for await (const row of ws) {
        if (signal?.aborted) throw new AppError('exchange.cancelled', 'Cancelled');
        const values = (row as ExcelJS.Row).values as unknown[];
        const cells: Cell[] = [];
        // row.values is 1-based and sparse.
        for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
        yield { n: (row as ExcelJS.Row).number, cells };
      }
      return;
    }
  } catch (e) {
    throw unreadable(e);
  }
}
