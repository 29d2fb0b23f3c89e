import { Transform, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { AppError } from '../../errors';
import { OrderedWorkbookReader } from '../read/ordered-workbook-reader';
import { cellValue } from '../read/xlsx';
import type { Cell } from '../read/types';

// 1C's reports (ОСВ, debts by age) carry their hierarchy in the sheet's structure, not
// in a column: Excel row groups (outline levels) and the indent of the first cell. The
// table reader drops both, so the 1C report readers stream rows through this one.
// exceljs's streaming parser ignores a row's outlineLevel attribute: the sheet's text is
// tapped on its way to the parser and each <row> tag's level noted by row number.

export interface OutlineRow {
  n: number;
  cells: Cell[];
  /** Excel outline level (row grouping), 0 when none. */
  level: number;
  /** Indent of the first filled cell (alignment.indent), 0 when none. */
  indent: number;
}

const ROW_TAG = /<row\b[^>]*>/g;

/** Notes `outlineLevel` of every <row> tag passing through; tags cut between chunks are joined. */
function levelTap(levels: Map<number, number>): (text: Readable) => Readable {
  return (text) => {
    let carry = '';
    const tap = new Transform({
      objectMode: true,
      transform(chunk: string, _enc, done) {
        const s = carry + chunk;
        let last = 0;
        for (const m of s.matchAll(ROW_TAG)) {
          const level = /\boutlineLevel="(\d+)"/.exec(m[0]);
          const r = /\br="(\d+)"/.exec(m[0]);
          if (level && r) levels.set(Number(r[1]), Number(level[1]));
          last = m.index + m[0].length;
        }
        // An unfinished tag at the end waits for the next chunk.
        const open = s.lastIndexOf('<');
        carry = open >= last && s.indexOf('>', open) < 0 ? s.slice(open) : '';
        done(null, chunk);
      },
    });
    text.on('error', (e) => tap.destroy(e));
    return text.pipe(tap);
  };
}

/** The rows of a workbook's first sheet with their outline level and indent, streamed. */
export async function* outlineRows(path: string, chunkBytes = 0): AsyncIterable<OutlineRow> {
  const levels = new Map<number, number>();
  const reader = new OrderedWorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
    chunkBytes,
    tapSheet: levelTap(levels),
  });
  try {
    for await (const ws of reader) {
      for await (const raw of ws) {
        const row = raw as ExcelJS.Row;
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        let indent = 0;
        for (let i = 1; i < values.length; i++) {
          const v = cellValue(values[i]);
          cells.push(v);
          if (indent === 0 && v !== null && v !== '') indent = row.getCell(i).alignment?.indent ?? 0;
        }
        const level = levels.get(row.number) ?? 0;
        levels.delete(row.number);
        yield { n: row.number, cells, level, indent };
      }
      return; // the first sheet is the report
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('exchange.xlsx_broken', `The workbook cannot be read (damaged or not an .xlsx): ${(e as Error)?.message ?? e}`);
  }
}
