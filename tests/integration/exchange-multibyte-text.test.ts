import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openCsv } from '../../src-main/core/exchange/read/csv';
import { openVcards } from '../../src-main/core/exchange/read/vcard';
import { exchangeState } from '../../src-main/core/exchange/jobs';
import { runImport } from '../../src-main/core/exchange/run';
import type { Cell } from '../../src-main/core/exchange/read/types';
import { AppError } from '../../src-main/core/errors';
import { makeTempDir, openTestWorkspace, removeDir, type TestWorkspace } from '../helpers/workspace';
import { multibyteValue } from '../helpers/multibyte';

// Issue 10, the text formats: CSV in every encoding, vCard, .ics and chunked uploads.
// Every value read back is compared with its source; the places where text is cut
// (the CSV parser's slices, vCard/iCalendar line folds, quoted-printable soft breaks,
// upload chunks) are put inside a letter at every offset.

const dir = makeTempDir('multibyte-text');
afterAll(() => removeDir(dir));
let n = 0;
const file = (ext: string, bytes: Buffer) => {
  const path = join(dir, `f${n++}.${ext}`);
  writeFileSync(path, bytes);
  return path;
};

async function allRows(rows: AsyncIterable<{ cells: Cell[] }>): Promise<Cell[][]> {
  const out: Cell[][] = [];
  for await (const r of rows) out.push(r.cells);
  return out;
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

const SLICE = 256 * 1024; // read/csv.ts feeds the parser in slices of this many UTF-16 units

/**
 * A CSV (as text) of three columns; near every parser slice boundary one value is padded
 * so that a 4-byte letter (a surrogate pair in the text) straddles it.
 */
function csvAcrossSlices(slices: number, straddler: string): { text: string; rows: string[][] } {
  const rows: string[][] = [['Наименование', 'Адрес', 'Комментарий']];
  let text = rows[0]!.join(';') + '\r\n';
  for (let i = 0; text.length < slices * SLICE; i++) {
    const boundary = (Math.floor(text.length / SLICE) + 1) * SLICE;
    const row = [multibyteValue(3 * i), multibyteValue(3 * i + 1), multibyteValue(3 * i + 2)];
    const head = `${row[0]};${row[1]};`;
    const room = boundary - text.length - head.length;
    if (room > 0 && room < 400) row[2] = 'ж'.repeat(room - 1) + straddler + 'хвост'; // the straddler's first unit ends the slice
    rows.push(row);
    text += row.join(';') + '\r\n';
  }
  return { text, rows };
}

describe('CSV: every encoding, letters across the parser slices', () => {
  const { text, rows } = csvAcrossSlices(4, '😀');
  for (let k = 1; k <= 3; k++) expect(text.charCodeAt(k * SLICE - 1)).toBe(0xd83d); // the test puts them there

  const encodings: [string, Buffer, string][] = [
    ['utf-8', Buffer.from(text, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]), 'utf-16be'],
  ];
  for (const [name, bytes, encoding] of encodings) {
    it(`${name}: every cell exact`, async () => {
      const table = await openCsv(file('csv', bytes));
      expect([table.encoding, table.delimiter]).toEqual([encoding, ';']);
      expect(await allRows(table.rows(0))).toEqual(rows);
    });
  }

  it('windows-1251 (no emoji in it): every cell exact, «», —, №, €, ё included', async () => {
    const win = csvAcrossSlices(2, '€');
    const table = await openCsv(file('csv', iconv.encode(win.text.replace(/😀/g, '€'), 'win1251')));
    expect(table.encoding).toBe('windows-1251');
    expect(await allRows(table.rows(0))).toEqual(win.rows.map((r) => r.map((v) => v.replace(/😀/g, '€'))));
  });

  it('bytes that are no letter are refused with their line, never imported as U+FFFD', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `Клиент ${i};г. Екатеринбург, ул. Ленина, д. ${i}`);
    // A UTF-8 file with one letter cut short on line 1234 (not taken for 1251).
    const utf8 = Buffer.from(lines.join('\r\n'), 'utf8');
    const at = Buffer.from(lines.slice(0, 1233).join('\r\n') + '\r\nКлиент 1233;г. Екатеринб', 'utf8').length;
    const damaged = Buffer.concat([utf8.subarray(0, at), utf8.subarray(at + 1)]);
    expect((await rejection(openCsv(file('csv', damaged)))).params).toMatchObject({ line: 1234, encoding: 'utf-8' });
    // 1C's export used to write U+FFFD as 0x98, which Windows-1251 does not define.
    const win = iconv.encode(lines.join('\r\n'), 'win1251');
    win[Buffer.from(iconv.encode(lines.slice(0, 6).join('\r\n') + '\r\nКлиент', 'win1251')).length] = 0x98;
    expect((await rejection(openCsv(file('csv', win)))).params).toMatchObject({ line: 7, encoding: 'windows-1251', byte: '0x98' });
    // UTF-16 with half an emoji.
    const half = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Имя;Адрес\r\nА;Б\r\nВ;\ud83dГ', 'utf16le')]);
    expect((await rejection(openCsv(file('csv', half)))).params).toMatchObject({ line: 3, encoding: 'utf-16le' });
  });

  it('a «�» already in a cell (damaged before it reached us) is imported with a warning naming the row and column', async () => {
    const w = openTestWorkspace();
    try {
      const path = file('csv', Buffer.from('Наименование;Фактический адрес\r\nООО «Урал»;г. Екатеринб\ufffd\ufffdрг\r\nООО «Ёлка»;Щёлково\r\n', 'utf8'));
      const r = await runImport(w.session, path, { entity: 'clients' });
      expect(r.created).toBe(2);
      expect(r.issues.map((i) => [i.row, i.field, i.code, i.severity])).toEqual([[2, 'actualAddress', 'exchange.text_damaged', 'warning']]);
    } finally {
      exchangeState(w.session).files.dispose();
      w.dispose();
    }
  });
});

/** UTF-8 bytes of `s` as quoted-printable (every byte =XX, as phones write Cyrillic). */
const qp = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

describe('vCard: folds and quoted-printable soft breaks inside letters', () => {
  const name = 'Ёжикова-Щукина Алёна «Ёлка» — 😀';
  const note = 'Звонить после 18:00, д. № 5 €';

  it('vCard 3.0 with the FN line folded at every byte of the name', async () => {
    const cards: Buffer[] = [];
    const value = Buffer.from(name, 'utf8');
    for (let k = 1; k < value.length; k++) {
      cards.push(
        Buffer.concat([
          Buffer.from(`BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ёжикова-Щукина;Алёна;;;\r\nFN:`),
          value.subarray(0, k),
          Buffer.from('\r\n '),
          value.subarray(k),
          Buffer.from(`\r\nNOTE:${note}\r\nEND:VCARD\r\n`),
        ]),
      );
    }
    const rows = await allRows((await openVcards(file('vcf', Buffer.concat(cards)))).rows(0));
    expect(rows).toHaveLength(value.length);
    for (const r of rows.slice(1)) expect([r[1], r[2], r[3], r[10]]).toEqual([name, 'Ёжикова-Щукина', 'Алёна', note]);
  });

  it('vCard 2.1 from a phone: quoted-printable UTF-8 with a soft break after every character', async () => {
    const encoded = qp(name);
    const cards = Array.from({ length: encoded.length - 1 }, (_, k) =>
      [
        'BEGIN:VCARD',
        'VERSION:2.1',
        `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('Ёжикова-Щукина')};${qp('Алёна')};;;`,
        `FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${encoded.slice(0, k + 1)}=\r\n${encoded.slice(k + 1)}`,
        `NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=WINDOWS-1251:${[...iconv.encode(note, 'win1251')].map((b) => `=${b.toString(16).toUpperCase()}`).join('')}`,
        'TEL;CELL:+79161234567',
        'END:VCARD',
      ].join('\r\n'),
    );
    const rows = await allRows((await openVcards(file('vcf', Buffer.from(cards.join('\r\n') + '\r\n', 'latin1')))).rows(0));
    expect(rows).toHaveLength(encoded.length);
    for (const r of rows.slice(1)) expect([r[1], r[2], r[3], r[7], r[10]]).toEqual([name, 'Ёжикова-Щукина', 'Алёна', '+79161234567', note]);
  });

  it('a vCard file in Windows-1251 with LF line ends', async () => {
    const text = `BEGIN:VCARD\nVERSION:3.0\nN:Щукина;Алёна;;;\nFN:Щукина Алёна «Ёлка» — №\u00a05\nEND:VCARD\n`;
    const rows = await allRows((await openVcards(file('vcf', iconv.encode(text, 'win1251')))).rows(0));
    expect(rows[1]![1]).toBe('Щукина Алёна «Ёлка» — №\u00a05');
  });
});

describe('.ics import: lines folded inside letters', () => {
  let w: TestWorkspace;
  afterEach(() => w.dispose());

  it('an event per fold offset, sent as the file bytes: every title and description exact', () => {
    w = openTestWorkspace();
    const title = 'Встреча в «Ёлке» — обсудить № 5 😀';
    const description = 'Щёлково, пр-т Мира, 7\nвзять образцы';
    const bytes = Buffer.from(title, 'utf8');
    const events: Buffer[] = [];
    for (let k = 1; k < bytes.length; k++) {
      events.push(
        Buffer.concat([
          Buffer.from(`BEGIN:VEVENT\r\nUID:fold-${k}@test\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260310T0${k % 10}0000Z\r\nSUMMARY:`),
          bytes.subarray(0, k),
          Buffer.from('\r\n\t'),
          bytes.subarray(k),
          Buffer.from(`\r\nDESCRIPTION:${description.replace('\n', '\\n')}\r\nEND:VEVENT\r\n`),
        ]),
      );
    }
    const ics = Buffer.concat([Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//RU\r\n'), ...events, Buffer.from('END:VCALENDAR\r\n')]);
    const r = w.call('tasks.importIcs', { data: ics.toString('base64'), typeId: 'tasktype-meeting', timeZone: 'Europe/Moscow' });
    expect(r).toEqual({ imported: bytes.length - 1, skipped: 0, problems: [] });
    const rows = w.sqlite().prepare('SELECT title, description FROM tasks').all() as { title: string; description: string }[];
    expect(rows).toHaveLength(bytes.length - 1);
    for (const t of rows) expect(t).toEqual({ title, description });
  });
});

describe('upload in chunks', () => {
  let w: TestWorkspace;
  afterEach(() => {
    exchangeState(w.session).files.dispose();
    w.dispose();
  });

  it('a file cut into two chunks at every byte offset arrives byte for byte and reads back exactly', async () => {
    w = openTestWorkspace();
    const rows = [['Наименование', 'Адрес'], ...Array.from({ length: 6 }, (_, i) => [multibyteValue(2 * i, 30), multibyteValue(2 * i + 1, 30)])];
    const bytes = Buffer.from(rows.map((r) => r.join(';')).join('\r\n') + '\r\n', 'utf8');
    const files = exchangeState(w.session).files;
    for (let cut = 1; cut < bytes.length; cut++) {
      const first = w.call('exchange.upload', { uploadId: null, name: 'клиенты.csv', data: bytes.subarray(0, cut).toString('base64'), last: false });
      const done = w.call('exchange.upload', { uploadId: first.fileId, name: 'клиенты.csv', data: bytes.subarray(cut).toString('base64'), last: true });
      const path = files.get(done.fileId).path;
      expect(readFileSync(path).equals(bytes), `cut at ${cut}`).toBe(true);
      if (cut % 37 === 1) expect(await allRows((await openCsv(path)).rows(0))).toEqual(rows);
      files.remove(done.fileId);
    }
  });

  it('a chunk whose base64 is cut inside a 4-character group is refused, not stored short', () => {
    w = openTestWorkspace();
    const b64 = Buffer.from('Наименование;ИНН\r\nООО «Ёлка»;7712345678\r\n', 'utf8').toString('base64');
    const first = w.call('exchange.upload', { uploadId: null, name: 'a.csv', data: b64.slice(0, 8), last: false });
    expect(() => w.call('exchange.upload', { uploadId: first.fileId, name: 'a.csv', data: b64.slice(8, 18), last: false })).toThrow(
      expect.objectContaining({ code: 'exchange.upload_damaged' }),
    );
    expect(() => exchangeState(w.session).files.get(first.fileId)).toThrow(expect.objectContaining({ code: 'exchange.file_unknown' }));
  });
});
