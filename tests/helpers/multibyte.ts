import { pipeline, Transform, type Readable } from 'node:stream';
import JSZip from 'jszip';

// Text that breaks decoders which work chunk by chunk: letters of 2 (Cyrillic, ё, «»),
// 3 (—, €, №) and 4 (emoji) UTF-8 bytes, each value shifted by a different number of
// ASCII bytes so that, over the rows, every byte offset of every letter meets a chunk
// boundary somewhere.

const PIECES = ['г. Екатеринбург, ул. Ленина, д. 4', 'ООО «Ёлка» — № 15', 'Щёлково, пр-т Мира, 7 € 😀', 'Индивидуальный предприниматель Ёжиков'];

/** The i-th test value: a different mix and alignment for every i. */
export function multibyteValue(i: number, length = 60): string {
  const pad = 'x'.repeat(i % 7);
  let s = `${pad}${i}:`;
  for (let k = 0; s.length < length; k++) s += PIECES[(i + k) % PIECES.length]!;
  return s;
}

/** A transform re-cutting a byte stream into chunks of `size` bytes. */
export function rechunk(size: number): (bytes: Readable) => Readable {
  return (bytes) => {
    const cut = new Transform({
      transform(chunk: Buffer, _enc, done) {
        for (let i = 0; i < chunk.length; i += size) this.push(chunk.subarray(i, i + size));
        done();
      },
    });
    // pipeline: an error or a destroy on either side reaches the other (cancel closes the file).
    return pipeline(bytes, cut, () => {});
  };
}

/** Whether byte `offset` of `buf` falls inside a multi-byte UTF-8 letter (a continuation byte). */
export const insideLetter = (buf: Buffer, offset: number): boolean => offset > 0 && offset < buf.length && (buf[offset]! & 0xc0) === 0x80;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An .xlsx zipped by hand (not by exceljs): sheet 1 «Общие» uses shared strings, sheet 2
 * «Встроенные» inline strings, both with `rows` (arrays of text cells).
 */
export async function handZippedWorkbook(rows: string[][]): Promise<Buffer> {
  const col = (i: number) => String.fromCharCode(65 + i);
  const shared: string[] = [];
  const index = new Map<string, number>();
  const sharedSheet = rows
    .map((r, ri) => {
      const cells = r.map((v, ci) => {
        if (!index.has(v)) index.set(v, shared.push(v) - 1);
        return `<c r="${col(ci)}${ri + 1}" t="s"><v>${index.get(v)}</v></c>`;
      });
      return `<row r="${ri + 1}">${cells.join('')}</row>`;
    })
    .join('');
  const inlineSheet = rows
    .map((r, ri) => `<row r="${ri + 1}">${r.map((v, ci) => `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`).join('')}</row>`)
    .join('');
  const sheetXml = (data: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const zip = new JSZip();
  // Parts as bytes: JSZip encodes a string part in 16K-unit slices, which splits an
  // emoji's surrogate pair at a slice boundary into two U+FFFD (exceljs's non-streaming
  // writer goes through the same path, so the tests write workbooks with the streaming one).
  const file = (name: string, text: string) => zip.file(name, Buffer.from(text, 'utf8'));
  file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets><sheet name="Общие" sheetId="1" r:id="rId1"/><sheet name="Встроенные" sheetId="2" r:id="rId2"/></sheets></workbook>`,
  );
  file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  file('xl/worksheets/sheet1.xml', sheetXml(sharedSheet));
  file('xl/worksheets/sheet2.xml', sheetXml(inlineSheet));
  file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
