import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src-main/core/exchange/run';
import { exchangeState } from '../../src-main/core/exchange/jobs';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { inn12 } from '../fixtures/exchange/make-fixtures';

// Issue 10 item 6, for workspaces that already hold the damage: 286 sole traders were
// imported as persons with no name parts. Importing the same 1C list again (the default
// «fill empty fields») makes them sole traders with their parts; undo puts them back.

let w: TestWorkspace;
beforeEach(() => {
  w = openTestWorkspace();
});
afterEach(() => {
  exchangeState(w.session).files.dispose();
  w.dispose();
});

const INNS = [inn12('5001234570'), inn12('5001234571'), inn12('5001234572')];
const client = (inn: string) =>
  w.sqlite().prepare('SELECT kind, name, last_name AS last, first_name AS first, middle_name AS middle, full_name AS full FROM clients WHERE inn = ?').get(inn);

function csv1c(rows: string[][]): string {
  const path = join(w.dir, `list-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, iconv.encode(rows.map((r) => r.join(';')).join('\r\n') + '\r\n', 'win1251'));
  return path;
}

describe('sole traders imported earlier as persons', () => {
  it('the same 1C list imported again makes them sole traders with their name in parts; undo puts the persons back', async () => {
    // As the old import left them: person, name only.
    for (const [i, name] of ['ИП Иванов Иван Иванович', 'ИП Петрова Анна Сергеевна', 'Сидоров Сидор Сидорович'].entries()) {
      w.call('clients.create', { kind: 'person', name, inn: INNS[i] } as never);
    }
    const before = INNS.map(client);
    const list = csv1c([
      ['Наименование', 'Полное наименование', 'ИНН', 'Юр. / физ. лицо'],
      ['ИП Иванов Иван Иванович', 'Индивидуальный предприниматель Иванов Иван Иванович', INNS[0]!, 'Физ. лицо'],
      ['ИП Петрова Анна Сергеевна', '', INNS[1]!, 'Физ. лицо'],
      // A real person stays a person (and gets the parts of the name).
      ['Сидоров Сидор Сидорович', '', INNS[2]!, 'Физ. лицо'],
    ]);
    const r = await runImport(w.session, list, { entity: 'clients' });
    expect([r.created, r.updated]).toEqual([0, 3]);
    expect(INNS.map(client)).toEqual([
      { kind: 'sole_trader', name: 'ИП Иванов Иван Иванович', last: 'Иванов', first: 'Иван', middle: 'Иванович', full: 'Индивидуальный предприниматель Иванов Иван Иванович' },
      { kind: 'sole_trader', name: 'ИП Петрова Анна Сергеевна', last: 'Петрова', first: 'Анна', middle: 'Сергеевна', full: null },
      { kind: 'person', name: 'Сидоров Сидор Сидорович', last: 'Сидоров', first: 'Сидор', middle: 'Сидорович', full: null },
    ]);
    // The card shows them as sole traders with their parts.
    const id = (w.sqlite().prepare('SELECT id FROM clients WHERE inn = ?').get(INNS[0]) as { id: string }).id;
    expect(w.call('clients.get', { id }).fields).toMatchObject({ kind: 'sole_trader', lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович' });

    w.call('exchange.undo', { batchId: r.batchId! });
    expect(INNS.map(client)).toEqual(before);
  });

  it('a sole trader is never turned into a person by a file unless the user chose to overwrite', async () => {
    w.call('clients.create', { kind: 'sole_trader', name: 'ИП Иванов Иван Иванович', lastName: 'Иванов', inn: INNS[0] } as never);
    const list = csv1c([['Наименование', 'ИНН', 'Юр. / физ. лицо'], ['Иванов Иван Иванович', INNS[0]!, 'Физ. лицо']]);
    await runImport(w.session, list, { entity: 'clients' });
    expect(client(INNS[0]!)).toMatchObject({ kind: 'sole_trader', name: 'ИП Иванов Иван Иванович' });
    await runImport(w.session, list, { entity: 'clients', policy: 'overwrite' });
    expect(client(INNS[0]!)).toMatchObject({ kind: 'person', name: 'Иванов Иван Иванович' });
  });

  it('a «ФИО» column is the name, split into its parts', async () => {
    const list = csv1c([['ФИО', 'ИНН', 'Телефон'], ['Кузнецова Мария Петровна', INNS[1]!, '8 916 123-45-67']]);
    expect((await runImport(w.session, list, { entity: 'clients' })).created).toBe(1);
    expect(client(INNS[1]!)).toMatchObject({ kind: 'person', name: 'Кузнецова Мария Петровна', last: 'Кузнецова', first: 'Мария', middle: 'Петровна' });
  });
});
