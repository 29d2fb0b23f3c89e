import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { openTable } from '../../src-main/core/exchange/read/open';
import { slices } from '../../src-main/core/exchange/read/csv';
import type { Cell } from '../../src-main/core/exchange/read/types';
import { makeTempDir, openTestWorkspace, removeDir } from '../helpers/workspace';

// Every place bytes become text, with multi-byte letters put across every possible
// cut: a 2-byte Cyrillic letter, 3-byte «—€» and 4-byte emoji, compared value by value
// with the source (a count of rows would not have caught three damaged addresses).

const dir = makeTempDir('chunks');
afterAll(() => removeDir(dir));

const WORDS = ['Екатеринбург', 'ул. Ленина', 'д. 4', '«Ромашка»', 'тире — и €', 'ёлка Ёж', 'смайл 😀 и 🏠', 'Щёлково'];

/** Texts whose lengths differ by one byte, so over many rows every cut lands inside some letter. */
function texts(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${'я'.repeat(i % 7)}${'a'.repeat(i % 5)} ${WORDS[i % WORDS.length]}, ${WORDS[(i * 3) % WORDS.length]} №${i}`);
}

async function readAll(path: string, tuning: Parameters<typeof openTable>[2] = {}): Promise<Cell[][]> {
  const table = await openTable(path, path, tuning);
  const rows: Cell[][] = [];
  for await (const r of table.rows(0)) rows.push(r.cells);
  return rows;
}

async function sharedStringsBook(values: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист');
  ws.addRow(['Адрес', 'Ещё']);
  for (const v of values) ws.addRow([v, `${v}!`]);
  const path = join(dir, `shared-${values.length}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

async function inlineStringsBook(values: string[]): Promise<string> {
  const path = join(dir, `inline-${values.length}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const ws = wb.addWorksheet('Лист');
  ws.addRow(['Адрес', 'Ещё']).commit();
  for (const v of values) ws.addRow([v, `${v}!`]).commit();
  await wb.commit();
  return path;
}

/** A workbook as another program writes it: hand-made XML, rich-text runs, stored uncompressed. */
async function handMadeBook(values: string[]): Promise<string> {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const zip = new JSZip();
  // As bytes: JSZip's own string encoder cuts long texts between the halves of an emoji.
  const put = (name: string, xml: string) => zip.file(name, Buffer.from(xml, 'utf8'));
  put('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>');
  put('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  put('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Лист" sheetId="1" r:id="rId1"/></sheets></workbook>');
  put('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>');
  // Rich text: the value split into two runs, as Excel writes a partly bold cell.
  const si = values.map((v) => `<si><r><t xml:space="preserve">${esc(v.slice(0, 3))}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${esc(v.slice(3))}</t></r></si>`);
  put('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${values.length}" uniqueCount="${values.length}">${si.join('')}</sst>`);
  const rows = values.map((v, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>${esc(v)}!</t></is></c></row>`);
  put('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`);
  const path = join(dir, `hand-${values.length}.xlsx`);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
  return path;
}

describe('xlsx: letters cut between two chunks of a part', () => {
  const values = texts(400);
  const expected = [['Адрес', 'Ещё'], ...values.map((v) => [v, `${v}!`])];

  it.each([1, 2, 3, 5, 7, 13, 64, 4093])('shared strings, inline strings and hand-made parts cut every %i bytes read back exactly', async (chunkBytes) => {
    expect(await readAll(await sharedStringsBook(values), { chunkBytes })).toEqual(expected);
    expect(await readAll(await inlineStringsBook(values), { chunkBytes })).toEqual(expected);
    expect(await readAll(await handMadeBook(values), { chunkBytes })).toEqual(values.map((v) => [v, `${v}!`]));
  });

  it('a large workbook read as the import reads it (the inflater cuts where it likes) keeps every letter', async () => {
    const many = texts(6000);
    const rows = await readAll(await sharedStringsBook(many));
    expect(rows.flat().filter((c) => String(c).includes('\uFFFD'))).toEqual([]);
    expect(rows).toEqual([['Адрес', 'Ещё'], ...many.map((v) => [v, `${v}!`])]);
  });
});

describe('CSV in every encoding, the text cut into slices for the parser', () => {
  const values = texts(300);
  const csv = (vals: string[]) => ['Адрес;Ещё', ...vals.map((v) => `"${v}";"${v}!"`)].join('\r\n') + '\r\n';
  const only1251 = values.map((v) => v.replace(/😀|🏠|€/gu, '$'));
  const files: [string, Buffer, string[]][] = [
    ['utf-8', Buffer.from(csv(values), 'utf8'), values],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(values), 'utf8')]), values],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv(values), 'utf16le')]), values],
    ['windows-1251', iconv.encode(csv(only1251), 'win1251'), only1251],
  ];

  it.each(files)('%s', async (label, bytes, vals) => {
    const path = join(dir, `${label.replace(/\W/g, '')}.csv`);
    writeFileSync(path, bytes);
    for (const csvSliceChars of [1, 2, 3, 7, 1000, 256 * 1024]) {
      expect(await readAll(path, { csvSliceChars }), `${label}, slices of ${csvSliceChars}`).toEqual([['Адрес', 'Ещё'], ...vals.map((v) => [v, `${v}!`])]);
    }
  });

  it('slices never end between the halves of a surrogate pair', () => {
    const text = '😀a😀😀bb😀';
    for (let size = 1; size <= text.length + 1; size++) {
      const parts = [...slices(text, size)];
      expect(parts.join('')).toBe(text);
      for (const p of parts) expect(p, `size ${size}`).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
    }
  });
});

describe('uploads in chunks', () => {
  it('a file cut at any byte, inside a letter too, is stored as it was sent', () => {
    const t = openTestWorkspace();
    try {
      const bytes = Buffer.from('Наименование;Адрес\r\nООО «Ёлка»;Щёлково, ул. 😀 —\r\n', 'utf8');
      for (let cut = 0; cut <= bytes.length; cut++) {
        const first = t.call('exchange.upload', { name: 'список.csv', data: bytes.subarray(0, cut).toString('base64'), last: false });
        const done = t.call('exchange.upload', { uploadId: first.fileId, name: 'список.csv', data: bytes.subarray(cut).toString('base64'), last: true });
        let stored = Buffer.alloc(0);
        for (let offset = 0; ; ) {
          const part = t.call('exchange.download', { fileId: done.fileId, offset });
          stored = Buffer.concat([stored, Buffer.from(part.data, 'base64')]);
          offset = stored.length;
          if (part.done) break;
        }
        expect(stored.equals(bytes), `cut at ${cut}`).toBe(true);
      }
    } finally {
      t.dispose();
    }
  });
});

describe('vCard', () => {
  it('names and notes with multi-byte letters across a large file read back exactly', async () => {
    const values = texts(500);
    const cards = values.map((v, i) => ['BEGIN:VCARD', 'VERSION:3.0', `N:Фамилия${i};${v.replace(/[,;]/g, ' ')};;;`, `FN:${v.replace(/[,;]/g, ' ')}`, `NOTE:${v.replace(/[,;]/g, ' ')}`, 'END:VCARD'].join('\r\n'));
    const path = join(dir, 'contacts.vcf');
    writeFileSync(path, cards.join('\r\n') + '\r\n');
    const rows = await readAll(path);
    expect(rows.filter((r) => r.some((c) => String(c).includes('\uFFFD')))).toEqual([]);
    const notes = rows.slice(1).map((r) => r[r.length - 1]);
    expect(notes).toEqual(values.map((v) => v.replace(/[,;]/g, ' ')));
    expect(readFileSync(path, 'utf8')).toContain('😀');
  });
});
