import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src-main/core/exchange/run';
import { splitPersonName } from '../../src-main/core/exchange/entities/client-build';
import { makeTempDir, openTestWorkspace, removeDir } from '../helpers/workspace';
import { inn10, inn12 } from '../fixtures/exchange/make-fixtures';

// 1C marks sole traders «Физ. лицо»: 286 «ИП …» rows once became persons with no
// surname, name or patronymic. Every form a sole trader takes in a 1C list, checked
// field by field.

const dir = makeTempDir('sole-traders');
afterAll(() => removeDir(dir));

/** A valid 15-digit ОГРНИП from 14 digits. */
const ogrnip = (body: string) => body + String((BigInt(body) % 13n) % 10n);

const ROWS = [
  // name, full name, ИНН, ОГРН, 1C's type, address → kind, last, first, middle
  ['ИП Иванов Иван Иванович', 'Индивидуальный предприниматель Иванов Иван Иванович', inn12('5001234560'), '', 'Физ. лицо', 'г. Москва, ул. Ленина, 1', 'sole_trader', 'Иванов', 'Иван', 'Иванович'],
  ['Петров П.П.', 'Индивидуальный предприниматель Петров П. П.', inn12('5001234561'), '', 'Физ. лицо', 'г. Тверь', 'sole_trader', 'Петров', 'П.', 'П.'],
  ['Сидоров Сидор Сидорович', '', inn12('5001234562'), ogrnip('30450010000000'), 'Физ. лицо', '', 'sole_trader', 'Сидоров', 'Сидор', 'Сидорович'],
  ['ИП Ёлкина-Щукина Анна', '', inn12('5001234563'), '', 'ИП', 'г. Щёлково', 'sole_trader', 'Ёлкина-Щукина', 'Анна', null],
  ['Кузнецова Мария Петровна', '', inn12('5001234564'), '', 'Физ. лицо', 'г. Казань, ул. Баумана, 5', 'person', 'Кузнецова', 'Мария', 'Петровна'],
  ['ООО «Ромашка»', 'Общество с ограниченной ответственностью «Ромашка»', inn10('771234567'), '', 'Юр. лицо', 'г. Москва', 'organization', null, null, null],
] as const;

describe('sole traders in a 1C counterparty list', () => {
  it('become sole traders with their name split into its parts, and persons keep their address', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Контрагенты');
    ws.addRow(['Наименование', 'Полное наименование', 'ИНН', 'ОГРН', 'Юр. / физ. лицо', 'Фактический адрес']);
    for (const r of ROWS) ws.addRow(r.slice(0, 6));
    const file = join(dir, 'list.xlsx');
    await wb.xlsx.writeFile(file);

    const t = openTestWorkspace();
    try {
      const result = await runImport(t.session, file, { entity: 'clients' });
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const got = t
        .sqlite()
        .prepare('SELECT inn, kind, name, last_name AS last, first_name AS first, middle_name AS middle, actual_address AS address, ogrn FROM clients ORDER BY rowid')
        .all();
      expect(got).toEqual(
        ROWS.map(([name, , inn, ogrn, , address, kind, last, first, middle]) => ({
          inn,
          kind,
          name,
          last,
          first,
          middle,
          address: address || null,
          ogrn: ogrn || null,
        })),
      );
      // The card of a person shows the address (it was hidden for persons).
      const person = t.call('clients.list', { query: { search: 'Кузнецова' } }).rows[0]!;
      expect(t.call('clients.get', { id: person.id }).fields.actualAddress).toBe('г. Казань, ул. Баумана, 5');
    } finally {
      t.dispose();
    }
  });

  it('splits names only when they look like names', () => {
    expect(splitPersonName('ИП Иванов Иван Иванович')).toEqual({ lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович' });
    expect(splitPersonName('индивидуальный предприниматель Петров П.П.')).toEqual({ lastName: 'Петров', firstName: 'П.', middleName: 'П.' });
    expect(splitPersonName('Оглы Мамедов Рашид Гасан оглы')).toBeNull();
    expect(splitPersonName('ИП «Рога и копыта»')).toBeNull();
    expect(splitPersonName('Магазин 24 часа')).toBeNull();
    expect(splitPersonName('')).toBeNull();
  });
});
