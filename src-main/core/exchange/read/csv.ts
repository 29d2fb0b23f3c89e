import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../../errors';
import { decodeText, detectDelimiter, type TextEncoding } from './decode';
import type { SourceRow, TableSource } from './types';

// CSV/TXT is read as a stream, twice: once to learn the encoding (decodeText's rules:
// a file valid UTF-8 throughout is UTF-8, else Windows-1251), once to parse. A file
// of a million rows (~150 MB) never sits in memory whole; only a file that is refused
// is read whole, by decodeText, to name the line of its first bad byte.

const READ_BYTES = 1 << 20;
const BOMS: [number[], Exclude<TextEncoding, 'windows-1251'>][] = [
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xef, 0xbb, 0xbf], 'utf-8'],
];

interface Layout {
  encoding: TextEncoding;
  /** Bytes of the byte-order mark the text starts after. */
  bom: number;
}

export async function openCsv(path: string, sliceChars = SLICE_CHARS): Promise<TableSource> {
  const layout = await detectLayout(path);
  const delimiter = detectDelimiter(await headText(path, layout));
  return {
    kind: 'csv',
    encoding: layout.encoding,
    delimiter,
    sheets: async () => [{ index: 0, name: '' }],
    rows: (_sheet, signal) => csvRows(textSlices(path, layout, sliceChars), delimiter, signal),
  };
}

async function detectLayout(path: string): Promise<Layout> {
  const head = Buffer.alloc(64 * 1024);
  const fh = await open(path, 'r');
  let got: number;
  try {
    got = (await fh.read(head, 0, head.length, 0)).bytesRead;
  } finally {
    await fh.close();
  }
  const start = head.subarray(0, got);
  const bom = BOMS.find(([b]) => b.every((x, i) => start[i] === x));
  if (bom) {
    if (await decodesCleanly(path, bom[1], bom[0].length)) return { encoding: bom[1], bom: bom[0].length };
    throw await refused(path);
  }
  if (start.includes(0)) throw new AppError('exchange.file_binary', 'The file is not a table: it contains binary data');
  if (await decodesCleanly(path, 'utf-8', 0)) return { encoding: 'utf-8', bom: 0 };
  // Not clean UTF-8: Windows-1251, unless decodeText would call it damaged UTF-8 or
  // find the byte 1251 leaves undefined (then it is read whole for the message).
  let bad = 0;
  let good = 0;
  let has98 = false;
  const loose = new TextDecoder('utf-8');
  for await (const buf of createReadStream(path, { highWaterMark: READ_BYTES }) as AsyncIterable<Buffer>) {
    has98 ||= buf.includes(0x98);
    const t = loose.decode(buf, { stream: true });
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0xfffd) bad++;
      else if (c > 0x7f) good++;
    }
  }
  if ((good >= 20 && bad * 50 <= good) || has98) throw await refused(path);
  return { encoding: 'windows-1251', bom: 0 };
}

async function decodesCleanly(path: string, encoding: Exclude<TextEncoding, 'windows-1251'>, bom: number): Promise<boolean> {
  const d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  try {
    for await (const buf of createReadStream(path, { highWaterMark: READ_BYTES, start: bom }) as AsyncIterable<Buffer>) d.decode(buf, { stream: true });
    d.decode();
    return true;
  } catch {
    return false;
  }
}

/** decodeText's own error for the file, with the line of its first bad byte. */
async function refused(path: string): Promise<unknown> {
  try {
    decodeText(await readFile(path));
  } catch (e) {
    return e;
  }
  return new AppError('exchange.file_bad_bytes', 'The file is damaged', { line: 1, byte: '', encoding: '' });
}

function decoder(encoding: TextEncoding): (buf?: Buffer) => string {
  if (encoding === 'windows-1251') {
    const d = iconv.getDecoder('win1251');
    return (buf) => (buf ? d.write(buf) : (d.end() ?? ''));
  }
  const d = new TextDecoder(encoding, { ignoreBOM: true });
  return (buf) => (buf ? d.decode(buf, { stream: true }) : d.decode());
}

/** The first 256 KB as text: enough for detectDelimiter's 64 K characters. */
async function headText(path: string, layout: Layout): Promise<string> {
  const buf = Buffer.alloc(256 * 1024);
  const fh = await open(path, 'r');
  try {
    const { bytesRead } = await fh.read(buf, 0, buf.length, layout.bom);
    return decoder(layout.encoding)(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

/** The text in slices of `size` characters, never splitting a surrogate pair. */
async function* textSlices(path: string, layout: Layout, size: number): AsyncGenerator<string> {
  const stream = createReadStream(path, { highWaterMark: READ_BYTES, start: layout.bom });
  const decode = decoder(layout.encoding);
  let carry = '';
  try {
    for await (const buf of stream as AsyncIterable<Buffer>) {
      let text = carry + decode(buf);
      carry = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        carry = text.slice(-1);
        text = text.slice(0, -1);
      }
      yield* slices(text, size);
    }
    const rest = carry + decode();
    if (rest) yield* slices(rest, size);
  } finally {
    stream.destroy();
  }
}

async function* csvRows(text: AsyncIterable<string>, delimiter: string, signal?: AbortSignal): AsyncIterable<SourceRow> {
  // Empty lines are kept (as blank rows) so row numbers match what Excel shows.
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] });
  // Fed in slices, so a preview of the first rows does not parse the whole file.
  const source = Readable.from(text);
  source.pipe(parser);
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
  } finally {
    // A preview stops after a few rows: the file is closed now, not at garbage collection.
    source.destroy();
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
