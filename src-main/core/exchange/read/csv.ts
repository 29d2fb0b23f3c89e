import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { AppError } from '../../errors';
import { decodeText, detectDelimiter } from './decode';
import type { SourceRow, TableSource } from './types';

/** CSV/TXT: decoded once (a 100,000-row file is ~15 MB of text), parsed as a stream. */
export async function openCsv(path: string, sliceChars = SLICE_CHARS): Promise<TableSource> {
  const { text, encoding } = decodeText(await readFile(path));
  const delimiter = detectDelimiter(text);
  return {
    kind: 'csv',
    encoding,
    delimiter,
    sheets: async () => [{ index: 0, name: '' }],
    rows: (_sheet, signal) => csvRows(text, delimiter, sliceChars, signal),
  };
}

async function* csvRows(text: string, delimiter: string, sliceChars: number, signal?: AbortSignal): AsyncIterable<SourceRow> {
  // Empty lines are kept (as blank rows) so row numbers match what Excel shows.
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] });
  // Fed in slices, so a preview of the first rows does not parse the whole file.
  Readable.from(slices(text, sliceChars)).pipe(parser);
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (signal?.aborted) throw new AppError('exchange.cancelled', 'Cancelled');
      n++;
      yield { n, cells: record };
    }
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines ?? n + 1;
      if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
        throw new AppError('exchange.csv_quote', `A quote opened near line ${line} is never closed`, { line });
      }
      throw new AppError('exchange.csv_malformed', `The file is not valid CSV near line ${line}: ${e.message}`, { line });
    }
    throw e;
  }
}

const SLICE_CHARS = 256 * 1024;

/**
 * The parser turns each slice into UTF-8 bytes on its own, so a slice must not end
 * between the two halves of a surrogate pair (an emoji, a rare CJK name): that half
 * alone would become U+FFFD.
 */
export function* slices(text: string, size: number): Generator<string> {
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + Math.max(2, size));
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(i, end);
    i = end;
  }
}
