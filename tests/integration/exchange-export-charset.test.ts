import { readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { writeExport } from '../../src-main/core/exchange/export/write';
import { runImport } from '../../src-main/core/exchange/run';
import { openXlsx } from '../../src-main/core/exchange/read/xlsx';
import { openVcards } from '../../src-main/core/exchange/read/vcard';
import { exchangeState } from '../../src-main/core/exchange/jobs';
import { AppError } from '../../src-main/core/errors';
import type { Cell } from '../../src-main/core/exchange/read/types';
import { multibyteValue } from '../helpers/multibyte';

// Issue 10, the exports, beyond exchange-export-encoding.test.ts: the 1C file writes
// 1251's equivalents instead of refusing them, a refusal leaves the user's earlier file
// and no open handle, and the formats that fold lines (vCard, .ics) never cut a letter.

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
  it('writes a character 1251 lacks but has an equivalent for as that equivalent (₽, м², ×, thin spaces, hyphens), not as «?»', async () => {
    // (The client card stores a non-breaking space as a plain one; a narrow one stays and goes out as NBSP.)
    org('ООО «Ёлка» — № 5', { notes: 'Цена 500\u00a0₽ за м² (3×4 м), тел.\u2011доб. 12\u202f345 € … \u2212 1', actualAddress: 'Щёлково,\u2009пр-т\u200b Мира' });
    const out = join(w.dir, '1c.csv');
    expect(await writeExport(ctx(), { entity: 'clients', format: 'csv-1c', columns: ['name', 'actualAddress', 'notes'] }, out)).toBe(1);
    const bytes = readFileSync(out);
    expect(bytes.includes(0x98)).toBe(false);
    expect(iconv.decode(bytes, 'win1251')).toBe(
      'Наименование;Фактический адрес;Комментарий\r\n' + 'ООО «Ёлка» — № 5;Щёлково, пр-т Мира;Цена 500 руб. за м2 (3x4 м), тел.-доб. 12\u00a0345 € … - 1\r\n',
    );
  });

  it('a refused export leaves neither a half file nor a damaged earlier file of the same name', async () => {
    // Enough rows before the refused one that the writers have flushed (and truncated) by then.
    await seedByImport(Array.from({ length: 2500 }, (_, i) => multibyteValue(i, 80).replace(/😀/g, '€')));
    org('ООО «Смайлик»', { notes: 'Любит 😀' });
    for (const [format, name] of [['csv-1c', 'refused.csv'], ['xlsx', 'refused.xlsx']] as const) {
      const out = join(w.dir, name);
      writeFileSync(out, 'an earlier export the user keeps');
      if (format === 'xlsx') w.sqlite().prepare("UPDATE clients SET notes = 'звонок\u0007' WHERE name = 'ООО «Смайлик»'").run();
      const e = await refusal(writeExport(ctx(), { entity: 'clients', format }, out));
      expect([e.code, e.params.row, e.params.record, e.params.field]).toEqual(['exchange.unencodable', 2502, 'ООО «Смайлик»', 'Комментарий']);
      expect(readFileSync(out, 'utf8')).toBe('an earlier export the user keeps');
      expect(readdirSync(w.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
      // The writer stopped half-way closed its file (Windows cannot remove an open file).
      if (process.platform === 'linux') expect(readdirSync('/proc/self/fd').filter((fd) => { try { return readlinkSync(`/proc/self/fd/${fd}`).startsWith(out); } catch { return false; } })).toEqual([]);
    }
  });
});

describe('UTF-8 formats hold every character', () => {
  const values = Array.from({ length: 3000 }, (_, i) => multibyteValue(i, 90));

  it('xlsx: 3,000 clients of Cyrillic, «», —, €, emoji through the streaming writer read back exactly', async () => {
    await seedByImport(values);
    const out = join(w.dir, 'all.xlsx');
    await writeExport(ctx(), { entity: 'clients', format: 'xlsx', columns: ['name', 'notes'] }, out);
    const rows = await rowsOf((await openXlsx(out)).rows(0));
    const notes = new Map(rows.slice(1).map((r) => [r[0], r[1]]));
    for (let i = 0; i < values.length; i++) expect(notes.get(`Клиент ${i}`), `row of Клиент ${i}`).toBe(values[i]);
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
