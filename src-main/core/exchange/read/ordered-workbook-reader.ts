import { posix } from 'node:path';
import type { Readable } from 'node:stream';
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
// Those parsers decode every chunk of bytes on its own (exceljs utils/parse-sax.js), so
// a letter whose two UTF-8 bytes fall on either side of an inflate chunk boundary
// became two U+FFFD («Екатеринб��рг»). Every part is therefore handed over as text
// decoded by one stream decoder per part; chunks that are already strings pass
// through exceljs untouched.

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

/** Reshapes the raw bytes of a zip entry before they are decoded (tests: chunks of any size). */
export type EntryBytes = (bytes: Readable) => Readable;

/** A zip entry's bytes as UTF-8 text, decoded as one stream (a letter split across chunks stays whole). */
export function entryText(bytes: Readable, reshape?: EntryBytes): Readable {
  const source = reshape ? reshape(bytes) : bytes;
  // A leading BOM stays in the text; the XML parser skips it.
  return source.setEncoding('utf8');
}

export class OrderedWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  constructor(
    private readonly path: string,
    options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
    private readonly reshape?: EntryBytes,
  ) {
    super(path, options);
  }

  // Only worksheets are emitted; hyperlinks and other parts are not read.
  override async *parse(): AsyncGenerator<{ eventType: string; value: SheetReader }> {
    const self = this as unknown as ReaderInternals;
    const zip = await unzipper.Open.file(this.path);
    const parts = new Map(zip.files.map((f) => [f.path.replace(/^\//, ''), f]));
    const stream = (part: string) => {
      const file = parts.get(part);
      return file && entryText(file.stream(), this.reshape);
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
      for (const event of self._parseWorksheet(stream(part)!, String(sheet.id))) {
        Object.assign(event.value, { id: sheet.id, name: sheet.name, state: sheet.state });
        yield event;
      }
    }
  }
}
