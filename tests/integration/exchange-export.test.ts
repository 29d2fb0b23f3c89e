import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { runImport } from '../../src-main/core/exchange/run';
import { writeExport, type ExportFormat } from '../../src-main/core/exchange/export/write';

let w: TestWorkspace;
beforeEach(() => {
  w = openTestWorkspace();
});
afterEach(() => w.dispose());

function seedRichClients(t: TestWorkspace) {
  const tag = t.call('tags.create', { name: 'VIP', color: '#ff0000' });
  const field = t.call('customFields.create', { entity: 'client', name: 'Скидка', type: 'number', options: [] });
  const day = t.call('customFields.create', { entity: 'client', name: 'Договор от', type: 'date', options: [] });
  t.call('clients.create', {
    kind: 'organization',
    name: 'ООО «Альфа»',
    fullName: 'Общество с ограниченной ответственностью «Альфа»',
    inn: '0123456788',
    kpp: '010501001',
    phones: [{ raw: '8 (495) 123-45-67', label: null }, { raw: '+7 916 000-11-22', label: null }],
    emails: [{ address: 'a@alfa.ru', label: null }],
    tagIds: [tag.id],
    custom: { [field.id]: 12.5, [day.id]: '2024-02-29' },
    notes: '=HYPERLINK("http://evil")',
    legalAddress: 'Москва; офис 5',
  });
  t.call('clients.create', {
    kind: 'person',
    lastName: 'Петрова',
    firstName: 'Анна',
    middleName: 'Ивановна',
    birthday: '1990-01-31',
    phones: [{ raw: '89161112233', label: null }],
    emails: [{ address: 'anna@example.ru', label: null }, { address: 'petrova@work.ru', label: null }],
  });
  return { tag, field, day };
}

/** What a user compares after moving clients: everything but ids and timestamps. */
function portable(t: TestWorkspace) {
  const s = t.sqlite();
  return (s.prepare('SELECT * FROM clients ORDER BY name').all() as Record<string, unknown>[]).map((c) => ({
    kind: c.kind, name: c.name, fullName: c.full_name, last: c.last_name, first: c.first_name, middle: c.middle_name,
    inn: c.inn, kpp: c.kpp, birthday: c.birthday, notes: c.notes, legal: c.legal_address,
    phones: s.prepare('SELECT digits FROM phones WHERE client_id = ? ORDER BY sort').pluck().all(c.id),
    emails: s.prepare('SELECT address FROM emails WHERE client_id = ? ORDER BY sort').pluck().all(c.id),
    tags: s.prepare('SELECT t.name FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = ?').pluck().all(c.id),
    custom: s.prepare('SELECT f.name, v.value FROM client_custom_values v JOIN custom_fields f ON f.id = v.field_id WHERE v.client_id = ? ORDER BY f.name').all(c.id),
  }));
}

describe('export', () => {
  for (const format of ['xlsx', 'csv', 'csv-1c'] as ExportFormat[]) {
    it(`round trip through ${format} into an empty workspace keeps clients, phones, e-mails, requisites, tags and custom fields`, async () => {
      seedRichClients(w);
      const out = join(w.dir, `export.${format === 'xlsx' ? 'xlsx' : 'csv'}`);
      expect(await writeExport(w.session.ctx(), { entity: 'clients', format }, out)).toBe(2);
      const target = openTestWorkspace();
      try {
        // The target has the same custom fields (they are the workspace's configuration).
        target.call('customFields.create', { entity: 'client', name: 'Скидка', type: 'number', options: [] });
        target.call('customFields.create', { entity: 'client', name: 'Договор от', type: 'date', options: [] });
        const r = await runImport(target.session, out, { entity: 'clients' });
        expect(r.issues).toEqual([]);
        expect(r.created).toBe(2);
        expect(portable(target)).toEqual(portable(w));
      } finally {
        target.dispose();
      }
    });
  }

  it('xlsx: typed cells, text ИНН and phones, bold frozen header, neutralised formulas', async () => {
    seedRichClients(w);
    const out = join(w.dir, 'clients.xlsx');
    await writeExport(w.session.ctx(), { entity: 'clients', format: 'xlsx', columns: ['name', 'inn', 'phones', 'birthday', 'notes'] }, out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getRow(1).values).toEqual([undefined, 'Наименование', 'ИНН', 'Телефоны', 'Дата рождения', 'Комментарий']);
    const alfa = ws.getRow(2);
    expect(alfa.getCell(2).value).toBe('0123456788');
    expect(alfa.getCell(3).value).toBe('+7 495 123-45-67, +7 916 000-11-22');
    expect(alfa.getCell(5).value).toBe(`'=HYPERLINK("http://evil")`);
    const anna = ws.getRow(3);
    expect(anna.getCell(4).value).toEqual(new Date(Date.UTC(1990, 0, 31)));
    expect(anna.getCell(4).numFmt).toBe('dd.mm.yyyy');
  });

  it('CSV has a UTF-8 BOM and «;»; the 1C preset is Windows-1251 with 1C column names and dd.mm.yyyy', async () => {
    seedRichClients(w);
    const csv = join(w.dir, 'a.csv');
    await writeExport(w.session.ctx(), { entity: 'clients', format: 'csv' }, csv);
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toContain('Наименование;');
    const c1 = join(w.dir, 'b.csv');
    await writeExport(w.session.ctx(), { entity: 'clients', format: 'csv-1c' }, c1);
    const raw = readFileSync(c1);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(raw)).toThrow();
    const text = iconv.decode(raw, 'win1251');
    expect(text.split('\r\n')[0]).toMatch(/^Юр\. \/ физ\. лицо;Наименование;.*;Адрес электронной почты;/);
    expect(text).toContain('31.01.1990');
    expect(text).toContain(';12,5');
    expect(text).toContain(`"Москва; офис 5"`);
  });

  it('exports only the list the user filtered', async () => {
    seedRichClients(w);
    const out = join(w.dir, 'people.csv');
    expect(await writeExport(w.session.ctx(), { entity: 'clients', format: 'csv', query: { kind: 'person' } }, out)).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('Петрова Анна Ивановна');
    expect(readFileSync(out, 'utf8')).not.toContain('Альфа');
  });

  it('vCard 3.0: people and contact persons out, and back in', async () => {
    seedRichClients(w);
    const alfa = w.sqlite().prepare("SELECT id FROM clients WHERE name = 'ООО «Альфа»'").pluck().get() as string;
    w.call('contacts.create', { clientId: alfa, fields: { name: 'Сидоров Пётр', position: 'Директор', phones: [{ raw: '+7 903 000-00-01', label: null }] } });
    const people = join(w.dir, 'people.vcf');
    expect(await writeExport(w.session.ctx(), { entity: 'clients', format: 'vcf' }, people)).toBe(1);
    const text = readFileSync(people, 'utf8');
    expect(text).toContain('VERSION:3.0');
    expect(text).toContain('N:Петрова;Анна;Ивановна;;');
    expect(text).toContain('TEL;TYPE=VOICE:+7 916 111-22-33');
    const contacts = join(w.dir, 'contacts.vcf');
    expect(await writeExport(w.session.ctx(), { entity: 'contacts', format: 'vcf' }, contacts)).toBe(1);
    expect(readFileSync(contacts, 'utf8')).toContain('ORG:ООО «Альфа»');

    const target = openTestWorkspace();
    try {
      const r = await runImport(target.session, people, { entity: 'clients' });
      expect(r.created).toBe(1);
      const p = target.sqlite().prepare('SELECT last_name, first_name, middle_name FROM clients').get();
      expect(p).toEqual({ last_name: 'Петрова', first_name: 'Анна', middle_name: 'Ивановна' });
    } finally {
      target.dispose();
    }
  });

  const debianPython = '/usr/bin/python3';
  const hasOpenpyxl = existsSync(debianPython) && (() => {
    try {
      execFileSync(debianPython, ['-c', 'import openpyxl']);
      return true;
    } catch {
      return false;
    }
  })();
  if (!hasOpenpyxl) console.warn('SKIP openpyxl check: Debian python3-openpyxl is not installed (.ci/run installs it)');
  it.skipIf(!hasOpenpyxl)('an exported workbook opens in an independent reader (Debian python3-openpyxl)', async () => {
    seedRichClients(w);
    const out = join(w.dir, 'clients.xlsx');
    await writeExport(w.session.ctx(), { entity: 'clients', format: 'xlsx' }, out);
    const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
rows = [[c.value.isoformat() if hasattr(c.value, 'isoformat') else c.value for c in r] for r in ws.iter_rows()]
print(json.dumps({"title": ws.title, "freeze": ws.freeze_panes, "bold": ws.cell(1, 1).font.b, "rows": rows, "innType": ws.cell(2, 7).data_type}, ensure_ascii=False))`;
    const res = JSON.parse(execFileSync(debianPython, ['-c', script, out], { encoding: 'utf8' })) as { title: string; freeze: string; bold: boolean; rows: unknown[][]; innType: string };
    expect(res.title).toBe('Клиенты');
    expect(res.freeze).toBe('A2');
    expect(res.bold).toBe(true);
    const header = res.rows[0]!;
    const alfa = res.rows.find((r) => r[header.indexOf('Наименование')] === 'ООО «Альфа»')!;
    expect(alfa[header.indexOf('ИНН')]).toBe('0123456788');
    expect(res.innType).toBe('s');
    expect(alfa[header.indexOf('Скидка')]).toBe(12.5);
    const anna = res.rows.find((r) => r[header.indexOf('Фамилия')] === 'Петрова')!;
    expect(anna[header.indexOf('Дата рождения')]).toBe('1990-01-31T00:00:00');
  });
});
