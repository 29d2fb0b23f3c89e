import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { writeExport } from '../../src-main/core/exchange/export/write';
import { runImport } from '../../src-main/core/exchange/run';
import { openXlsx } from '../../src-main/core/exchange/read/xlsx';
import { openCsv } from '../../src-main/core/exchange/read/csv';
import { openVcards } from '../../src-main/core/exchange/read/vcard';
import { exchangeState } from '../../src-main/core/exchange/jobs';
import { AppError } from '../../src-main/core/errors';
import type { Cell } from '../../src-main/core/exchange/read/types';
import { multibyteValue } from '../helpers/multibyte';
import { cli, expectOneLineError } from '../helpers/cli';

// Issue 10, the exports: every character either written as itself (or, in the 1C file,
// as its Windows-1251 equivalent) or refused with the row, the column and the character;
// never a wrong byte (iconv-lite writes «?», and 0x98 for U+FFFD).

let w: TestWorkspace;
beforeEach(() => {
  w = openTestWorkspace();
});
afterEach(() => {
  exchangeState(w.session).files.dispose();
  w.dispose();
});

const org = (name: string, extra: Record<string, unknown> = {}) => w.call('clients.create', { kind: 'organization', name, ...extra } as never);
const ctx = () => w.session.ctx();

async function rowsOf(rows: AsyncIterable<{ cells: Cell[] }>): Promise<Cell[][]> {
  const out: Cell[][] = [];
  for await (const r of rows) out.push(r.cells);
  return out;
}

/** «Клиент i» with notes values[i], imported in one go (thousands of clients.create calls are slow on a busy machine). */
async function seedByImport(values: string[]): Promise<void> {
  const path = join(w.dir, 'seed.csv');
  writeFileSync(path, ['Наименование;Комментарий', ...values.map((v, i) => `Клиент ${i};${v}`)].join('\r\n'));
  expect((await runImport(w.session, path, { entity: 'clients' })).created).toBe(values.length);
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

describe('CSV for 1C (Windows-1251)', () => {
  it('writes «», —, №, €, ё as 1251 bytes and characters with a 1251 equivalent as that equivalent; ends with CRLF', async () => {
    // (The client card stores a non-breaking space as a plain one; a narrow one stays and goes out as NBSP.)
    org('ООО «Ёлка» — № 5', { notes: 'Цена 500\u00a0₽ за м² (3×4 м), тел.\u2011доб. 12\u202f345 € …', actualAddress: 'Щёлково,\u2009пр-т Мира' });
    const out = join(w.dir, '1c.csv');
    expect(await writeExport(ctx(), { entity: 'clients', format: 'csv-1c', columns: ['name', 'actualAddress', 'notes'] }, out)).toBe(1);
    const bytes = readFileSync(out);
    expect(bytes.includes(0x98)).toBe(false);
    expect(bytes.subarray(-2).toString('latin1')).toBe('\r\n');
    expect(iconv.decode(bytes, 'win1251')).toBe(
      'Наименование;Фактический адрес;Комментарий\r\n' + 'ООО «Ёлка» — № 5;Щёлково, пр-т Мира;Цена 500 руб. за м2 (3x4 м), тел.-доб. 12\u00a0345 € …\r\n',
    );
    // No character became «?»: decoding gives back exactly what was meant.
    expect(iconv.decode(bytes, 'win1251')).not.toContain('?');
  });

  it('refuses an emoji or a letter 1251 lacks: one error with the row, the record, the column and the character; no file left', async () => {
    for (let i = 0; i < 5; i++) org(`ООО «Клиент ${i}»`);
    org('ООО «Смайлик»', { notes: 'Любит 😀' });
    const out = join(w.dir, 'refused.csv');
    writeFileSync(out, 'an earlier export the user keeps');
    const e = await refusal(writeExport(ctx(), { entity: 'clients', format: 'csv-1c' }, out));
    expect([e.code, e.params]).toEqual(['exchange.unencodable_1251', { row: 7, name: 'ООО «Смайлик»', column: 'Комментарий', char: '😀', code: 'U+1F600' }]);
    expect(readFileSync(out, 'utf8')).toBe('an earlier export the user keeps');
    expect(readdirSync(w.dir).filter((f) => f.includes('.part'))).toEqual([]);

    w.call('clients.update', { id: (w.sqlite().prepare("SELECT id FROM clients WHERE name = 'ООО «Смайлик»'").get() as { id: string }).id, patch: { notes: null, name: 'Müller GmbH' } } as never);
    expect((await refusal(writeExport(ctx(), { entity: 'clients', format: 'csv-1c' }, out))).params).toMatchObject({ row: 7, column: 'Наименование', char: 'ü' });
  });

  it('a letter lost by an earlier import (U+FFFD) is named as such, not written as 0x98', async () => {
    org('ООО «Урал»', { actualAddress: 'г. Екатеринб\ufffd\ufffdрг, ул. Ленина, д. 4' });
    const e = await refusal(writeExport(ctx(), { entity: 'clients', format: 'csv-1c' }, join(w.dir, 'lost.csv')));
    expect([e.code, e.params]).toEqual(['exchange.unencodable_lost', { row: 2, name: 'ООО «Урал»', column: 'Фактический адрес', char: '\ufffd', code: 'U+FFFD' }]);
  });

  it('through the procedure: the error reaches the UI and the temp file is gone; the CLI says one line', async () => {
    org('ООО «Смайлик»', { notes: 'Любит 😀' });
    await expect(w.callRaw('exchange.export', { entity: 'clients', format: 'csv-1c' }) as Promise<unknown>).rejects.toMatchObject({ code: 'exchange.unencodable_1251' });
    const folder = (exchangeState(w.session).files as unknown as { dir: string }).dir;
    expect(readdirSync(folder)).toEqual([]);
    w.session.close();
    const out = join(w.dir, 'cli.csv');
    const r = await cli('export', 'clients', '--db', w.path, '--format', 'csv-1c', '--out', out);
    expectOneLineError(r, /Row 2 \(«ООО «Смайлик»»\), column «Комментарий»: the character «😀» \(U\+1F600\) does not exist in Windows-1251/);
    expect(existsSync(out)).toBe(false);
    w.session.open(w.path);
  });
});

describe('UTF-8 formats hold every character', () => {
  const values = Array.from({ length: 3000 }, (_, i) => multibyteValue(i, 90));

  it('xlsx: 3,000 clients of Cyrillic, «», —, €, emoji read back exactly; control characters Excel cannot store are dealt with', async () => {
    await seedByImport(values);
    org('ООО «Ворд»', { notes: 'строка\u000bвторая\u0001' });
    const out = join(w.dir, 'all.xlsx');
    await writeExport(ctx(), { entity: 'clients', format: 'xlsx', columns: ['name', 'notes'] }, out);
    const rows = await rowsOf((await openXlsx(out)).rows(0));
    const notes = new Map(rows.slice(1).map((r) => [r[0], r[1]]));
    for (let i = 0; i < values.length; i++) expect(notes.get(`Клиент ${i}`), `row of Клиент ${i}`).toBe(values[i]);
    expect(notes.get('ООО «Ворд»')).toBe('строка\nвторая');
  });

  it('CSV for Excel: UTF-8 with BOM, every value back exactly, ends with CRLF', async () => {
    await seedByImport(values.slice(0, 300));
    const out = join(w.dir, 'excel.csv');
    await writeExport(ctx(), { entity: 'clients', format: 'csv', columns: ['name', 'notes'] }, out);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(-2).toString('latin1')).toBe('\r\n');
    const rows = await rowsOf((await openCsv(out)).rows(0));
    const notes = new Map(rows.slice(1).map((r) => [r[0], r[1]]));
    values.slice(0, 300).forEach((v, i) => expect(notes.get(`Клиент ${i}`)).toBe(v));
  });

  it('vCard: an emoji at every fold position of a long value without spaces stays whole', async () => {
    const notes: string[] = [];
    for (let k = 0; k < 80; k++) {
      const note = 'ж'.repeat(k) + '😀' + 'щ'.repeat(200);
      notes.push(note);
      w.call('clients.create', { kind: 'person', lastName: `Иванов${k}`, firstName: 'Ёжик', notes: note } as never);
    }
    const out = join(w.dir, 'people.vcf');
    expect(await writeExport(ctx(), { entity: 'clients', format: 'vcf' }, out)).toBe(80);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('\ufffd');
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const rows = await rowsOf((await openVcards(out)).rows(0));
    const byName = new Map(rows.slice(1).map((r) => [r[2], r[10]]));
    notes.forEach((note, k) => expect(byName.get(`Иванов${k}`)).toBe(note));
  });

  it('.ics: titles with emoji and Cyrillic fold between whole letters and import back exactly; the file ends with CRLF', () => {
    const titles = Array.from({ length: 40 }, (_, k) => `${'ё'.repeat(k)}😀 Встреча «${k}» — ${'ж'.repeat(60)}`);
    titles.forEach((title, k) =>
      w.call('tasks.create', { fields: { title, typeId: 'tasktype-meeting', allDay: false, startsAt: `2026-03-10T${String(k % 24).padStart(2, '0')}:00:00Z` }, timeZone: 'UTC' } as never),
    );
    const { ics } = w.call('tasks.exportIcs', { range: { from: '2026-03-01', to: '2026-04-01' }, timeZone: 'UTC' } as never) as { ics: string };
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const other = openTestWorkspace();
    try {
      other.call('tasks.importIcs', { data: Buffer.from(ics, 'utf8').toString('base64'), typeId: 'tasktype-meeting', timeZone: 'UTC' });
      expect((other.sqlite().prepare('SELECT title FROM tasks').pluck().all() as string[]).sort()).toEqual([...titles].sort());
    } finally {
      other.dispose();
    }
  });
});
