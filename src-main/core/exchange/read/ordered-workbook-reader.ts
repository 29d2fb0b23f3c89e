import { posix } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import unzipper, { type File as ZipFile } from 'unzipper';

// exceljs's streaming reader reads the zip front to back and parses each worksheet as
// soon as it meets it. Files written by exceljs itself (and by other generators) store
// xl/workbook.xml last, and the single pass sometimes has not parsed it when the sheets
// are read: "Cannot read properties of undefined (reading 'sheets')", intermittently,
// more often on a busy machine (exceljs#3064, seen in our CI). This reader opens the
// zip through its central directory instead and parses the parts a sheet depends on
// (relationships, workbook, shared strings, styles) before any sheet, in the workbook's
// own sheet order. Sheets are still streamed row by row, so memory stays bounded.
// It relies on the reader's internal part parsers, which is why exceljs is pinned by
// the lockfile and tests/integration/exchange-xlsx-reader.test.ts covers this class.
//
// Parts reach those parsers as text decoded by one streaming UTF-8 decoder per part.
// exceljs decodes each chunk of bytes on its own (utils/parse-sax.js), so a letter
// whose two bytes fall into two inflate chunks became two U+FFFD (a few letters in a
// 2,000-row 1C list); a decoder that carries the unfinished bytes over cannot do that.

interface Rel {
  Id: string;
  Type: string;
  Target: string;
}
interface SheetModel {
  id: number;
  name: string;
  rId: string;
  state?: string;
}
interface ReaderInternals {
  workbookRels?: Rel[];
  model?: { sheets?: SheetModel[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Iterable<{ eventType: string; value: SheetReader }>;
}
type SheetReader = ExcelJS.stream.xlsx.WorksheetReader & { id: number; name: string; state?: string };

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;

/** Resolves a relationship target against the folder of the part that declares it. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromPart), target));
}

function relsPathOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

async function readRels(file: ZipFile | undefined): Promise<Rel[]> {
  if (!file) return [];
  const xml = (await file.buffer()).toString('utf8');
  const rels: Rel[] = [];
  for (const m of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attr = (name: string) => {
      const a = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)')`).exec(m[1]!);
      return a?.[1] ?? a?.[2] ?? '';
    };
    rels.push({ Id: attr('Id'), Type: attr('Type'), Target: attr('Target') });
  }
  return rels;
}

/** The part's bytes as UTF-8 text; `chunkBytes` re-cuts the bytes first (tests put cuts inside letters). */
function textOf(entry: Readable, chunkBytes = 0): Readable {
  const decoder = new StringDecoder('utf8');
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      if (chunkBytes <= 0) return done(null, decoder.write(chunk) || undefined);
      for (let i = 0; i < chunk.length; i += chunkBytes) {
        const text = decoder.write(chunk.subarray(i, i + chunkBytes));
        if (text) this.push(text);
      }
      done();
    },
    flush(done) {
      done(null, decoder.end() || undefined);
    },
  });
  entry.on('error', (e) => decode.destroy(e));
  return entry.pipe(decode);
}

export interface OrderedReaderOptions extends Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions> {
  /** Tests only: cut every part into pieces of this many bytes before decoding. */
  chunkBytes?: number;
  /** Sees each worksheet's text on its way to the parser (row attributes the parser drops: outline levels). */
  tapSheet?: (text: Readable) => Readable;
}

export class OrderedWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  private readonly chunkBytes: number;
  private readonly tapSheet: (text: Readable) => Readable;

  constructor(
    private readonly path: string,
    options: OrderedReaderOptions,
  ) {
    const { chunkBytes = 0, tapSheet = (t) => t, ...rest } = options;
    super(path, rest);
    this.chunkBytes = chunkBytes;
    this.tapSheet = tapSheet;
  }

  // Only worksheets are emitted; hyperlinks and other parts are not read.
  override async *parse(): AsyncGenerator<{ eventType: string; value: SheetReader }> {
    const self = this as unknown as ReaderInternals;
    const zip = await unzipper.Open.file(this.path);
    const parts = new Map(zip.files.map((f) => [f.path.replace(/^\//, ''), f]));
    const stream = (part: string) => {
      const entry = parts.get(part)?.stream() as Readable | undefined;
      return entry && textOf(entry, this.chunkBytes);
    };

    const rootRels = await readRels(parts.get('_rels/.rels'));
    const workbookTarget = rootRels.find((r) => OFFICE_DOCUMENT.test(r.Type))?.Target;
    const workbookPart = workbookTarget ? resolveTarget('', workbookTarget) : 'xl/workbook.xml';
    if (!parts.has(workbookPart)) throw new Error(`no workbook part (${workbookPart})`);

    const relsPart = relsPathOf(workbookPart);
    if (parts.has(relsPart)) await self._parseRels(stream(relsPart)!);
    await self._parseWorkbook(stream(workbookPart)!);
    const rels = self.workbookRels ?? [];
    const related = (type: RegExp) => rels.filter((r) => type.test(r.Type)).map((r) => resolveTarget(workbookPart, r.Target));
    for (const part of related(/\/sharedStrings$/)) if (parts.has(part)) for await (const _ of self._parseSharedStrings(stream(part)!)) void _;
    for (const part of related(/\/styles$/)) if (parts.has(part)) await self._parseStyles(stream(part)!);

    for (const sheet of self.model?.sheets ?? []) {
      const rel = rels.find((r) => r.Id === sheet.rId && WORKSHEET.test(r.Type));
      const part = rel && resolveTarget(workbookPart, rel.Target);
      if (!part || !parts.has(part)) continue; // chart sheets and dangling references have no rows
      for (const event of self._parseWorksheet(this.tapSheet(stream(part)!), String(sheet.id))) {
        Object.assign(event.value, { id: sheet.id, name: sheet.name, state: sheet.state });
        yield event;
      }
    }
  }
}
