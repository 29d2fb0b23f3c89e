import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import type { ProcInput } from '../../src-main/core/procedures';

let t: TestWorkspace;
beforeEach(() => {
  t = openTestWorkspace();
});
afterEach(() => t.dispose());

const create = (fields: ProcInput<'clients.create'>) => t.call('clients.create', fields).id;
const addContact = (clientId: string, name: string, phones: string[] = [], emails: string[] = []) =>
  t.call('contacts.create', {
    clientId,
    fields: { name, phones: phones.map((raw) => ({ raw })), emails: emails.map((address) => ({ address })) },
  }).id;

type ListQuery = NonNullable<ProcInput<'clients.list'>['query']>;
const search = (text: string, extra: Omit<ListQuery, 'search'> = {}) =>
  t.call('clients.list', { query: { search: text, ...extra }, limit: 500 });
const names = (text: string, extra: Omit<ListQuery, 'search'> = {}) => search(text, extra).rows.map((r) => r.name);
const ids = (text: string, extra: Omit<ListQuery, 'search'> = {}) => search(text, extra).rows.map((r) => r.id);

describe('client search: Cyrillic, ё and prefixes', () => {
  it('finds a name regardless of case', () => {
    create({ kind: 'organization', name: 'ООО «Вектор»' });
    create({ kind: 'organization', name: 'АО «Гранит»' });
    for (const q of ['вектор', 'ВЕКТОР', 'Вектор', 'оОо ВеКтОр']) expect(names(q), q).toEqual(['ООО «Вектор»']);
  });

  it('treats ё and е as the same letter in both directions', () => {
    create({ kind: 'person', lastName: 'Королёв', firstName: 'Пётр' });
    create({ kind: 'person', lastName: 'Семенов', firstName: 'Семен' });
    create({ kind: 'organization', name: 'ООО «Берёзка»' });
    for (const q of ['королев', 'Королёв', 'КОРОЛЁВ', 'королёв петр', 'Петр']) expect(names(q), q).toEqual(['Королёв Пётр']);
    for (const q of ['Семёнов', 'семёнов семён', 'семенов']) expect(names(q), q).toEqual(['Семенов Семен']);
    // Not a prefix of the whole name: goes through the FTS index, which must fold ё as well.
    for (const q of ['березка', 'Берёзка', 'БЕРЁЗ']) expect(names(q), q).toEqual(['ООО «Берёзка»']);
  });

  it('folds ё in contact person names too', () => {
    const id = create({ kind: 'organization', name: 'ООО «Альфа»' });
    addContact(id, 'Фёдорова Алёна');
    expect(ids('федорова')).toEqual([id]);
    expect(ids('Алёна')).toEqual([id]);
  });

  it('matches word prefixes anywhere in the name', () => {
    create({ kind: 'organization', name: 'ООО «Рога и копыта»' });
    create({ kind: 'organization', name: 'ООО «Роговик»' });
    expect(names('рог').sort()).toEqual(['ООО «Роговик»', 'ООО «Рога и копыта»'].sort());
    expect(names('коп')).toEqual(['ООО «Рога и копыта»']);
    expect(names('рога коп')).toEqual(['ООО «Рога и копыта»']);
    expect(names('копытце')).toEqual([]);
  });

  it('matches several words split between the company name and a contact person', () => {
    const vector = create({ kind: 'organization', name: 'ООО «Вектор»' });
    addContact(vector, 'Сидоров Павел');
    const other = create({ kind: 'organization', name: 'ООО «Сфера»' });
    addContact(other, 'Сидоров Игорь');
    expect(ids('вектор сидоров')).toEqual([vector]);
    expect(ids('сидоров павел')).toEqual([vector]);
    expect(ids('сидоров').sort()).toEqual([vector, other].sort());
  });

  it('finds a client by part of an e-mail address, case-insensitively', () => {
    const id = create({ kind: 'organization', name: 'ООО «Альянс»', emails: [{ address: 'Sales@Alliance-Trade.ru' }] });
    create({ kind: 'organization', name: 'ООО «Другая»', emails: [{ address: 'info@example.com' }] });
    expect(ids('alliance')).toEqual([id]);
    expect(ids('sales@alliance')).toEqual([id]);
    expect(ids('SALES@ALLIANCE-TRADE.RU')).toEqual([id]);
  });

  it('finds a client by a prefix of its ИНН or ОГРН', () => {
    const sber = create({ kind: 'organization', name: 'ПАО Сбербанк', inn: '7707083893', ogrn: '1027700132195' });
    create({ kind: 'organization', name: 'ООО «Яндекс»', inn: '7736207543', ogrn: '1027700229193' });
    expect(ids('7707083893')).toEqual([sber]);
    expect(ids('770708')).toEqual([sber]);
    expect(ids('10277001')).toEqual([sber]);
  });
});

describe('client search: phones typed in another format', () => {
  it('finds "+7 (495) 123-45-67" by fragments typed differently', () => {
    const id = create({ kind: 'organization', name: 'ООО «Телефон»', phones: [{ raw: '+7 (495) 123-45-67' }] });
    create({ kind: 'organization', name: 'ООО «Другой номер»', phones: [{ raw: '+7 (812) 765-43-21' }] });
    for (const q of ['495 123-45', '4951234567', '8 (495) 123-45-67', '84951234567', '123-45-67', '45-67', '+7 495']) {
      expect(ids(q), q).toEqual([id]);
    }
  });

  it('reads a domestic "8 916 12" as the start of a +7 916 12… number', () => {
    const id = create({ kind: 'person', lastName: 'Мобильный', phones: [{ raw: '+7 916 123-45-67' }] });
    create({ kind: 'person', lastName: 'Другой', phones: [{ raw: '+7 903 891-61-20' }] });
    // "891612" also literally occurs in the second number: both are legitimate hits,
    // but the +7 916 12… number must be among them.
    expect(ids('8 916 12')).toContain(id);
    expect(ids('8 916 123')).toEqual([id]);
  });

  it('finds a client through the phone of its contact person', () => {
    const id = create({ kind: 'organization', name: 'ООО «Контакт»' });
    addContact(id, 'Петров Пётр', ['8 (926) 555-44-33']);
    expect(ids('926 555')).toEqual([id]);
  });
});

describe('client search: ranking', () => {
  it('puts names starting with the query first, exact match first, and contact-person hits last', () => {
    const roga = create({ kind: 'organization', name: 'ООО «Рога»' });
    addContact(roga, 'Иванов Сергей');
    const ip = create({ kind: 'sole_trader', name: 'ИП Иванов И. И.' });
    const ivanovIvan = create({ kind: 'person', lastName: 'Иванов', firstName: 'Иван' });
    const ivanovskiy = create({ kind: 'organization', name: 'Ивановский завод' });
    const exact = create({ kind: 'organization', name: 'Иванов' });
    const found = ids('Иванов');
    // The legal form does not count: «ИП Иванов И. И.» starts with "Иванов".
    expect(found).toEqual([exact, ip, ivanovIvan, ivanovskiy, roga]);
  });

  it('finds and orders organisations by their name without the legal form', () => {
    const plus = create({ kind: 'organization', name: 'ООО «Ромашка Плюс»' });
    const other = create({ kind: 'organization', name: 'АО «Цветы»' });
    addContact(other, 'Ромашка Анна');
    const romashka = create({ kind: 'organization', name: 'ООО «Ромашка»' });
    expect(ids('ромашка')).toEqual([romashka, plus, other]);
    expect(ids('ооо ромашка')).toEqual([romashka, plus]);
    const page = t.call('clients.list', { query: { sort: 'name' } }).rows.map((r) => r.name);
    expect(page).toEqual(['ООО «Ромашка»', 'ООО «Ромашка Плюс»', 'АО «Цветы»']);
  });

  it('ranks "Иванов Иван" above the company whose contact is Иванов', () => {
    const roga = create({ kind: 'organization', name: 'ООО «Рога»' });
    addContact(roga, 'Иванов Иван');
    const person = create({ kind: 'person', lastName: 'Иванов', firstName: 'Иван' });
    expect(ids('иванов иван')).toEqual([person, roga]);
  });
});

describe('client search: archive and filters', () => {
  it('excludes archived clients unless the archive is asked for', () => {
    const a = create({ kind: 'organization', name: 'ООО «Архивная»' });
    const b = create({ kind: 'organization', name: 'ООО «Архивариус»' });
    t.call('clients.archive', { ids: [a] });
    expect(ids('архив')).toEqual([b]);
    expect(ids('архив', { archived: true })).toEqual([a]);
    t.call('clients.restore', { ids: [a] });
    expect(ids('архив').sort()).toEqual([a, b].sort());
  });

  it('combines search with kind, tag, responsible, region and custom field filters', () => {
    const manager = t.call('users.create', { name: 'Ковалёва Анна', color: '#e64980' }).id;
    const vip = t.call('tags.create', { name: 'VIP', color: '#e03131' }).id;
    const segment = t.call('customFields.create', { entity: 'client', name: 'Сегмент', type: 'select', options: ['A', 'B'] }).id;
    const target = create({
      kind: 'organization',
      name: 'ООО «Звезда Север»',
      region: 'Москва',
      responsibleId: manager,
      tagIds: [vip],
      custom: { [segment]: 'A' },
    });
    create({ kind: 'organization', name: 'ООО «Звезда Юг»', region: 'Казань', responsibleId: manager, tagIds: [vip], custom: { [segment]: 'A' } });
    create({ kind: 'organization', name: 'ООО «Звезда Запад»', region: 'Москва', tagIds: [vip], custom: { [segment]: 'A' } });
    create({ kind: 'organization', name: 'ООО «Звезда Восток»', region: 'Москва', responsibleId: manager, custom: { [segment]: 'B' } });
    create({ kind: 'person', lastName: 'Звездин', region: 'Москва', responsibleId: manager, tagIds: [vip], custom: { [segment]: 'A' } });

    expect(ids('звезд')).toHaveLength(5);
    expect(ids('звезд', { kind: 'organization' })).toHaveLength(4);
    expect(ids('звезд', { tagId: vip })).toHaveLength(4);
    expect(ids('звезд', { responsibleId: manager })).toHaveLength(4);
    expect(ids('звезд', { responsibleId: 'none' })).toHaveLength(1);
    expect(ids('звезд', { region: 'Москва' })).toHaveLength(4);
    expect(ids('звезд', { custom: [{ fieldId: segment, value: 'A' }] })).toHaveLength(4);
    expect(
      ids('звезд', {
        kind: 'organization',
        tagId: vip,
        responsibleId: manager,
        region: 'Москва',
        custom: [{ fieldId: segment, value: 'A' }],
      }),
    ).toEqual([target]);
  });
});

describe('client search stays in sync with edits', () => {
  it('reflects a renamed client immediately', () => {
    const id = create({ kind: 'organization', name: 'ООО «Старое имя»' });
    expect(ids('старое')).toEqual([id]);
    t.call('clients.update', { id, patch: { name: 'ООО «Новое имя»' } });
    expect(ids('старое')).toEqual([]);
    expect(ids('новое')).toEqual([id]);
    expect(ids('имя')).toEqual([id]);
  });

  it('reflects changed phones, e-mails, ИНН and contact persons', () => {
    const id = create({ kind: 'organization', name: 'ООО «Правка»', phones: [{ raw: '8 495 111 22 33' }], emails: [{ address: 'old@pravka.ru' }] });
    const contact = addContact(id, 'Сергеев Олег');
    t.call('clients.update', {
      id,
      patch: { phones: [{ raw: '8 495 999 88 77' }], emails: [{ address: 'new@pravka.ru' }], inn: '7736207543' },
    });
    t.call('contacts.update', { id: contact, fields: { name: 'Олегов Сергей' } });
    expect(ids('111 22 33')).toEqual([]);
    expect(ids('999 88 77')).toEqual([id]);
    expect(ids('old@pravka')).toEqual([]);
    expect(ids('new@pravka')).toEqual([id]);
    expect(ids('773620')).toEqual([id]);
    expect(ids('сергеев')).toEqual([]);
    expect(ids('олегов')).toEqual([id]);
    t.call('contacts.archive', { id: contact });
    expect(ids('олегов')).toEqual([]);
  });

  it('finds the kept client by everything the merged one had', () => {
    const keep = create({ kind: 'organization', name: 'ООО «Основная»' });
    const gone = create({
      kind: 'organization',
      name: 'ООО «Дубль»',
      phones: [{ raw: '+7 903 333-22-11' }],
      emails: [{ address: 'dubl@mail.ru' }],
      inn: '7707083893',
    });
    addContact(gone, 'Дублёров Кирилл');
    t.call('clients.merge', { keepId: keep, mergeId: gone });
    expect(ids('903 333-22')).toEqual([keep]);
    expect(ids('dubl@mail')).toEqual([keep]);
    expect(ids('дублеров')).toEqual([keep]);
    expect(ids('770708')).toEqual([keep]);
    expect(ids('дубль')).toEqual([]);
    expect(ids('дубль', { archived: true })).toEqual([gone]);
  });
});

describe('client search: hostile input', () => {
  it.each(['"', '*', '(', ')', '-', 'AND', 'OR', 'NOT', 'NEAR(', '"Иванов', 'Иванов*', 'name:Иванов', '^Иванов', "O'Brien", '\\', 'a AND (b OR', '***', '""""', '%', '_', '{name}: x'])(
    'does not throw on %j',
    (q) => {
      create({ kind: 'person', lastName: 'Иванов', firstName: 'Иван' });
      expect(() => search(q)).not.toThrow();
    },
  );

  it('treats FTS operators typed by the user as words', () => {
    const and = create({ kind: 'organization', name: 'ООО «AND Group»' });
    create({ kind: 'organization', name: 'ООО «Иное»' });
    expect(ids('AND')).toEqual([and]);
    expect(ids('"and group"')).toEqual([and]);
    expect(ids('and*')).toEqual([and]);
  });
});

describe('client list paging', () => {
  it('pages a search result and reports the total', () => {
    for (let i = 0; i < 30; i++) create({ kind: 'person', lastName: 'Кузнецов', firstName: `Имя${String(i).padStart(2, '0')}` });
    const first = t.call('clients.list', { query: { search: 'кузнецов' }, offset: 0, limit: 10 });
    const second = t.call('clients.list', { query: { search: 'кузнецов' }, offset: 10, limit: 10 });
    expect(first.total).toBe(30);
    expect(first.rows).toHaveLength(10);
    expect(second.rows).toHaveLength(10);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(20);
    expect(first.rows[0]!.name).toBe('Кузнецов Имя00');
  });

  it('pages the unfiltered list in name order', () => {
    for (const n of ['Вера', 'Анна', 'Галина', 'Борис']) create({ kind: 'person', lastName: n });
    const page = t.call('clients.list', { query: {}, offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.name)).toEqual(['Борис', 'Вера']);
    const desc = t.call('clients.list', { query: { sort: 'name', dir: 'desc' }, limit: 1 });
    expect(desc.rows[0]!.name).toBe('Галина');
  });
});
