import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, expectOneLineError } from '../helpers/cli';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { exchangeState } from '../../src-main/core/exchange/jobs';
import { firstUnencodable } from '../../src-main/core/exchange/export/encodable';

// An export writes every character as it is, or refuses naming the row and the field;
// it never writes a wrong byte (iconv's "?", exceljs dropping a control character).

let t: TestWorkspace;
afterEach(() => t?.dispose());

async function exportBytes(format: 'xlsx' | 'csv' | 'csv-1c' | 'vcf', entity = 'clients'): Promise<Buffer> {
  const { fileId } = await (t.callRaw('exchange.export', { entity, format }) as Promise<{ fileId: string }>);
  return readFileSync(exchangeState(t.session).files.get(fileId).path);
}

/** Files the core's file store holds (exports waiting for download). */
const storedFiles = () => (Reflect.get(exchangeState(t.session).files, 'files') as Map<string, unknown>).size;

async function exportError(format: 'xlsx' | 'csv' | 'csv-1c' | 'vcf') {
  const before = storedFiles();
  try {
    await exportBytes(format);
  } catch (e) {
    expect(storedFiles(), 'a refused export leaves no file behind').toBe(before);
    return e as { code: string; params: Record<string, string | number> };
  }
  throw new Error(`${format} export did not refuse`);
}

const org = (name: string, notes: string | null = null, extra: Record<string, unknown> = {}) =>
  t.call('clients.create', { kind: 'organization', name, notes, ...extra } as never);

describe('exports refuse what their encoding cannot hold', () => {
  it('CSV for 1C names the row, the field and the character (an emoji, a U+FFFD left by damaged data)', async () => {
    t = openTestWorkspace();
    org('ООО «Альфа»', 'Всё в порядке — №1, ё «»');
    org('ООО «Смайл»', 'Привет 😀');
    const e = await exportError('csv-1c');
    expect(e.code).toBe('exchange.unencodable');
    expect(e.params).toMatchObject({ row: 3, field: 'Комментарий', record: 'ООО «Смайл»', encoding: 'windows-1251' });
    expect(String(e.params.char)).toContain('U+1F600');

    t.sqlite().prepare(`UPDATE clients SET notes = 'г. Екатеринб\uFFFD\uFFFDрг' WHERE name = 'ООО «Смайл»'`).run();
    const damaged = await exportError('csv-1c');
    // A letter lost earlier: its own message (retype it), not «choose another format».
    expect([damaged.code, damaged.params]).toEqual(['exchange.unencodable_lost', { row: 3, field: 'Комментарий', record: 'ООО «Смайл»' }]);
  });

  it('the same records go to UTF-8 CSV and to Excel with every character intact', async () => {
    t = openTestWorkspace();
    org('ООО «Смайл» 😀', 'Привет 😀 — €');
    const csv = (await exportBytes('csv')).toString('utf8');
    expect(csv).toContain('ООО «Смайл» 😀');
    expect(csv).toContain('Привет 😀 — €');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportBytes('xlsx')) as never);
    const values = wb.worksheets[0]!.getRow(2).values as unknown[];
    expect(values).toContain('ООО «Смайл» 😀');
    expect(values).toContain('Привет 😀 — €');
  });

  it('Excel refuses a control character exceljs would silently drop; UTF-8 CSV keeps it', async () => {
    t = openTestWorkspace();
    org('ООО «Табулятор»', 'строка\u000Bвторая');
    const e = await exportError('xlsx');
    expect(e.params).toMatchObject({ row: 2, field: 'Комментарий', record: 'ООО «Табулятор»', encoding: 'xlsx' });
    expect((await exportBytes('csv')).toString('utf8')).toContain('строка\u000Bвторая');
  });

  it('every 1C-encodable letter arrives in 1C as it was, and every CSV ends with a line break', async () => {
    t = openTestWorkspace();
    const text = 'Ёлкин «Щит» — №5, ул. Ленина, д. 4; «кавычки»\u00A0и пробел';
    org('ООО «Ёж»', text);
    const stored = (t.sqlite().prepare('SELECT notes FROM clients').get() as { notes: string }).notes;
    expect(stored).toMatch(/^Ёлкин «Щит» — №5/);
    const bytes = await exportBytes('csv-1c');
    expect(iconv.decode(bytes, 'win1251')).toContain(`"${stored}"`);
    for (const format of ['csv', 'csv-1c'] as const) {
      for (const entity of ['clients', 'contacts', 'deals']) {
        const b = await exportBytes(format, entity);
        expect(b.subarray(-2).toString('latin1'), `${format} ${entity}`).toBe('\r\n');
      }
    }
  });

  it('knows which characters each target holds', () => {
    expect(firstUnencodable('Ёж «—» №', 'windows-1251')).toBeNull();
    expect(firstUnencodable('€ есть в 1251', 'windows-1251')).toBeNull();
    expect(firstUnencodable('ǅ', 'windows-1251')).toBe('ǅ');
    expect(firstUnencodable('a\uD800b', 'utf-8')).toBe('\uD800');
    expect(firstUnencodable('😀', 'utf-8')).toBeNull();
    expect(firstUnencodable('tab\tok\r\n', 'xlsx')).toBeNull();
    expect(firstUnencodable('bell\u0007', 'xlsx')).toBe('\u0007');
  });
});

describe('the CLI', () => {
  it('refuses in one line naming the row and field, and writes no --out file', async () => {
    t = openTestWorkspace();
    org('ООО «Смайл»', 'Привет 😀');
    const out = join(t.dir, 'out.csv');
    const r = await cli('export', 'clients', '--db', t.path, '--format', 'csv-1c', '--out', out);
    expectOneLineError(r, /Row 2 \(ООО «Смайл»\), field “Комментарий”: the character «😀» \(U\+1F600\)/);
    expect(existsSync(out)).toBe(false);
  });
});
