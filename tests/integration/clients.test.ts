import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catchAppError, issueKeys, openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import type { ProcInput } from '../../src-main/core/procedures';
import { ValidationError } from '../../src-main/core/errors';

let t: TestWorkspace;
beforeEach(() => {
  t = openTestWorkspace();
});
afterEach(() => t.dispose());

const create = (fields: ProcInput<'clients.create'>) => t.call('clients.create', fields).id;
const card = (id: string) => t.call('clients.get', { id });
const systemHistory = (clientId: string) =>
  t
    .call('history.list', { clientId })
    .filter((h) => h.kind === 'system')
    .map((h) => h.event?.type);

describe('creating clients: validation', () => {
  it('rejects a bad ИНН with a field-level issue', () => {
    const e = catchAppError(() => t.call('clients.create', { kind: 'organization', name: 'ООО «Ошибка»', inn: '7707083894' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.code).toBe('validation');
    expect(e.issues).toContainEqual({ field: 'inn', code: 'inn.checksum' });
    expect(t.count('clients')).toBe(0);
  });

  it('checks requisites against the kind of counterparty', () => {
    const org = catchAppError(() =>
      t.call('clients.create', { kind: 'organization', name: 'ООО «Икс»', inn: '500100732259', ogrn: '304500116000157' }),
    );
    expect(issueKeys(org)).toEqual(['inn:inn.length10', 'ogrn:ogrn.length13']);
    const person = catchAppError(() => t.call('clients.create', { kind: 'person', lastName: 'Петров', inn: '7707083893', kpp: '773601001' }));
    expect(issueKeys(person)).toEqual(['inn:inn.length12', 'kpp:kpp.only_organization']);
  });

  it('reports every broken requisite at once', () => {
    const e = catchAppError(() =>
      t.call('clients.create', {
        kind: 'organization',
        name: 'ООО «Много ошибок»',
        kpp: '7736010',
        ogrn: '1027700132196',
        bankBik: '44525225',
        bankAccount: '123',
        bankCorrAccount: '3010181040000000022',
        phones: [{ raw: '8 495 123 45 67' }, { raw: 'не помню' }],
        emails: [{ address: 'ok@mail.ru' }, { address: 'broken@' }],
      }),
    );
    expect(issueKeys(e).sort()).toEqual(
      [
        'kpp:kpp.pattern',
        'ogrn:ogrn.checksum',
        'bankBik:bik.pattern',
        'bankAccount:account.pattern',
        'bankCorrAccount:corr_account.pattern',
        'phones.1:phone.invalid',
        'emails.1:email.invalid',
      ].sort(),
    );
  });

  it('accepts a full set of real requisites', () => {
    const id = create({
      kind: 'organization',
      name: 'ПАО Сбербанк',
      inn: '7707083893',
      kpp: '773601001',
      ogrn: '1027700132195',
      bankBik: '044525225',
      bankCorrAccount: '30101810400000000225',
    });
    expect(card(id).fields).toMatchObject({ inn: '7707083893', kpp: '773601001', ogrn: '1027700132195' });
  });

  it('restores the leading zero of an ИНН pasted from a spreadsheet', () => {
    const id = create({ kind: 'organization', name: 'ООО «Башкирия»', inn: '274062111' });
    expect(card(id).fields.inn).toBe('0274062111');
  });

  it('rejects schema violations through the procedure layer with field paths', () => {
    const e = catchAppError(() => t.callRaw('clients.create', { kind: 'alien', name: 'X', phones: [{ raw: 5 }] }));
    expect(e.code).toBe('validation');
    expect(e.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['kind', 'phones.0.raw']));
  });

  it('rejects a birthday that is not a calendar date', () => {
    for (const birthday of ['1990-13-45', '1990-02-30', '31.12.1990']) {
      const e = catchAppError(() => t.callRaw('clients.create', { kind: 'person', lastName: 'Датов', birthday }));
      expect(e.issues.map((i) => i.field), birthday).toContain('birthday');
    }
    const ok = create({ kind: 'person', lastName: 'Датов', birthday: '1992-02-29' });
    expect(card(ok).fields.birthday).toBe('1992-02-29');
  });
});

describe('creating clients: names, phones, e-mails', () => {
  it('requires a name for an organisation', () => {
    const e = catchAppError(() => t.call('clients.create', { kind: 'organization', name: '   ' }));
    expect(issueKeys(e)).toEqual(['name:required']);
  });

  it('requires a name or a surname for a person', () => {
    const e = catchAppError(() => t.call('clients.create', { kind: 'person' }));
    expect(issueKeys(e)).toEqual(['lastName:required']);
  });

  it('derives a person’s name from last, first and middle names', () => {
    const id = create({ kind: 'person', lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович' });
    expect(card(id).name).toBe('Иванов Иван Иванович');
    const noMiddle = create({ kind: 'person', lastName: 'Петрова', firstName: 'Анна' });
    expect(card(noMiddle).name).toBe('Петрова Анна');
  });

  it('stores phones as typed and collapses the same number typed twice', () => {
    const id = create({
      kind: 'organization',
      name: 'ООО «Телефоны»',
      phones: [
        { raw: '8 (495) 123-45-67', label: 'work' },
        { raw: '+7 495 123 45 67' },
        { raw: '  ' },
        { raw: '+375 29 123-45-67' },
      ],
    });
    const phones = card(id).phones;
    expect(phones.map((p) => [p.raw, p.digits, p.label])).toEqual([
      ['8 (495) 123-45-67', '74951234567', 'work'],
      ['+375 29 123-45-67', '375291234567', null],
    ]);
    expect(phones[0]!.display).toBe('+7 495 123-45-67');
  });

  it('collapses e-mails that differ only in case', () => {
    const id = create({ kind: 'organization', name: 'ООО «Почта»', emails: [{ address: 'Info@Pochta.ru' }, { address: 'info@pochta.ru' }] });
    expect(card(id).emails).toEqual([{ address: 'Info@Pochta.ru', label: null }]);
  });

  it('rejects references to missing users and tags', () => {
    const e = catchAppError(() => t.call('clients.create', { kind: 'organization', name: 'ООО «Ссылки»', responsibleId: 'nobody', tagIds: ['nope'] }));
    expect(issueKeys(e)).toEqual(['responsibleId:reference.missing', 'tagIds:reference.missing']);
  });
});

describe('updating clients', () => {
  function fullClient() {
    const manager = t.call('users.create', { name: 'Сидоров Игорь', color: '#1c7ed6' }).id;
    const tag = t.call('tags.create', { name: 'Опт', color: '#f08c00' }).id;
    const field = t.call('customFields.create', { entity: 'client', name: 'Сегмент', type: 'select', options: ['A', 'B'] }).id;
    const id = create({
      kind: 'organization',
      name: 'ООО «Полная карточка»',
      relation: 'partner',
      status: 'inactive',
      region: 'Казань',
      responsibleId: manager,
      inn: '7707083893',
      notes: 'Важный партнёр',
      phones: [{ raw: '8 (843) 111-22-33', label: 'office' }],
      emails: [{ address: 'office@full.ru' }],
      tagIds: [tag],
      custom: { [field]: 'B' },
    });
    return { id, manager, tag, field };
  }

  it('an inline edit of one field keeps every other field', () => {
    const { id } = fullClient();
    const before = card(id);
    t.call('clients.update', { id, patch: { region: 'Москва' } });
    const after = card(id);
    expect(after.fields.region).toBe('Москва');
    expect({ ...after.fields, region: before.fields.region }).toEqual(before.fields);
    expect(after.phones).toEqual(before.phones);
    expect(after.emails).toEqual(before.emails);
    expect(after.tags).toEqual(before.tags);
    expect(after.responsible).toEqual(before.responsible);
  });

  it('renaming keeps phones, tags, custom values, relation and status', () => {
    const { id, tag, field } = fullClient();
    t.call('clients.update', { id, patch: { name: 'ООО «Новое название»' } });
    const c = card(id);
    expect(c.name).toBe('ООО «Новое название»');
    expect(c.fields).toMatchObject({ relation: 'partner', status: 'inactive', tagIds: [tag], custom: { [field]: 'B' } });
    expect(c.phones.map((p) => p.digits)).toEqual(['78431112233']);
    expect(c.emails.map((e) => e.address)).toEqual(['office@full.ru']);
  });

  it('clears a field set to null and validates the merged record', () => {
    const { id } = fullClient();
    t.call('clients.update', { id, patch: { notes: null } });
    expect(card(id).fields.notes).toBeNull();
    const e = catchAppError(() => t.call('clients.update', { id, patch: { kind: 'person' } }));
    // The organisation's 10-digit ИНН does not fit a person.
    expect(issueKeys(e)).toContain('inn:inn.length12');
  });

  it('re-derives a person’s name when a part of it changes', () => {
    const id = create({ kind: 'person', lastName: 'Иванов', firstName: 'Иван' });
    t.call('clients.update', { id, patch: { middleName: 'Петрович' } });
    expect(card(id).name).toBe('Иванов Иван Петрович');
  });

  it('keeps a person’s own display name through an unrelated edit', () => {
    const id = create({ kind: 'person', name: 'Ваня (сосед)', lastName: 'Иванов', firstName: 'Иван' });
    expect(card(id).name).toBe('Ваня (сосед)');
    t.call('clients.update', { id, patch: { notes: 'позвонить в пятницу' } });
    expect(card(id).name).toBe('Ваня (сосед)');
    // The seed and imports name sole traders "ИП Фамилия И. О." next to the name parts.
    const ip = create({ kind: 'sole_trader', name: 'ИП Иванов И. И.', lastName: 'Иванов', firstName: 'Иван', middleName: 'Ильич' });
    t.call('clients.update', { id: ip, patch: { region: 'Тверь' } });
    expect(card(ip).name).toBe('ИП Иванов И. И.');
  });

  it('fails with not_found for an unknown client', () => {
    expect(catchAppError(() => t.call('clients.update', { id: 'missing', patch: { notes: 'x' } })).code).toBe('not_found');
  });
});

describe('custom fields', () => {
  function fields() {
    const mk = (name: string, type: 'text' | 'number' | 'date' | 'select' | 'checkbox', options: string[] = []) =>
      t.call('customFields.create', { entity: 'client', name, type, options }).id;
    return {
      text: mk('Комментарий', 'text'),
      number: mk('Бюджет', 'number'),
      date: mk('Дата договора', 'date'),
      select: mk('Сегмент', 'select', ['Малый', 'Средний', 'Крупный']),
      checkbox: mk('Рассылка', 'checkbox'),
    };
  }

  it('stores values of every type in a canonical form', () => {
    const f = fields();
    const id = create({
      kind: 'organization',
      name: 'ООО «Поля»',
      custom: { [f.text]: '  Ёлочная игрушка ', [f.number]: '1 234,5', [f.date]: '2025-03-01', [f.select]: 'Средний', [f.checkbox]: true },
    });
    expect(card(id).fields.custom).toEqual({
      [f.text]: 'Ёлочная игрушка',
      [f.number]: '1234.5',
      [f.date]: '2025-03-01',
      [f.select]: 'Средний',
      [f.checkbox]: '1',
    });
  });

  it('rejects values that do not fit the field type, naming the field', () => {
    const f = fields();
    const e = catchAppError(() =>
      t.call('clients.create', {
        kind: 'organization',
        name: 'ООО «Плохие поля»',
        custom: { [f.number]: 'много', [f.date]: '01.03.2025', [f.select]: 'Огромный', [f.checkbox]: 'да', unknownField: 'x' },
      }),
    );
    expect(issueKeys(e).sort()).toEqual(
      [
        `custom.${f.number}:custom.number`,
        `custom.${f.date}:custom.date`,
        `custom.${f.select}:custom.option`,
        `custom.${f.checkbox}:custom.checkbox`,
        'custom.unknownField:custom.unknown',
      ].sort(),
    );
    expect(e.issues.find((i) => i.field === `custom.${f.number}`)?.params).toEqual({ name: 'Бюджет' });
  });

  it('rejects an impossible date such as 30 February', () => {
    const f = fields();
    const e = catchAppError(() => t.call('clients.create', { kind: 'organization', name: 'ООО «Дата»', custom: { [f.date]: '2025-02-30' } }));
    expect(issueKeys(e)).toEqual([`custom.${f.date}:custom.date`]);
  });

  it('treats a blank number as "no value", not zero', () => {
    const f = fields();
    const id = create({ kind: 'organization', name: 'ООО «Пусто»', custom: { [f.number]: '   ' } });
    expect(card(id).fields.custom).toEqual({});
  });

  it('removes a value set to null or empty and keeps the others', () => {
    const f = fields();
    const id = create({ kind: 'organization', name: 'ООО «Удаление»', custom: { [f.text]: 'a', [f.number]: 5 } });
    t.call('clients.update', { id, patch: { custom: { [f.text]: null } } });
    expect(card(id).fields.custom).toEqual({ [f.number]: '5' });
    t.call('clients.update', { id, patch: { custom: { [f.number]: '' } } });
    expect(card(id).fields.custom).toEqual({});
  });

  it('filters the list by custom values: text as a folded substring, others exactly', () => {
    const f = fields();
    const a = create({ kind: 'organization', name: 'ООО «А»', custom: { [f.text]: 'Ёлочные ИГРУШКИ', [f.number]: 10, [f.checkbox]: true } });
    const b = create({ kind: 'organization', name: 'ООО «Б»', custom: { [f.text]: 'игрушки', [f.number]: 100, [f.checkbox]: false } });
    create({ kind: 'organization', name: 'ООО «В»' });
    const list = (custom: { fieldId: string; value: string }[]) =>
      t.call('clients.list', { query: { custom } }).rows.map((r) => r.id).sort();
    expect(list([{ fieldId: f.text, value: 'елочн' }])).toEqual([a]);
    expect(list([{ fieldId: f.text, value: 'ИГРУШ' }])).toEqual([a, b].sort());
    expect(list([{ fieldId: f.number, value: '10' }])).toEqual([a]);
    expect(list([{ fieldId: f.checkbox, value: '0' }])).toEqual([b]);
    expect(list([{ fieldId: f.text, value: 'игрушки' }, { fieldId: f.number, value: '100' }])).toEqual([b]);
  });

  it('requires options for a select field and keeps archived fields’ values', () => {
    const e = catchAppError(() => t.call('customFields.create', { entity: 'client', name: 'Пустой выбор', type: 'select', options: [' '] }));
    expect(issueKeys(e)).toEqual(['options:custom.options_required']);
    const f = fields();
    const id = create({ kind: 'organization', name: 'ООО «Архив поля»', custom: { [f.text]: 'значение' } });
    t.call('customFields.archive', { id: f.text });
    expect(t.call('customFields.list', { entity: 'client' }).map((x) => x.id)).not.toContain(f.text);
    expect(t.count('client_custom_values', `field_id = '${f.text}' AND client_id = '${id}'`)).toBe(1);
  });
});

describe('tags', () => {
  it('tags clients, counts them, filters by tag and unlinks on delete', () => {
    const vip = t.call('tags.create', { name: 'VIP', color: '#e03131' }).id;
    const a = create({ kind: 'organization', name: 'ООО «А»', tagIds: [vip] });
    create({ kind: 'organization', name: 'ООО «Б»' });
    expect(t.call('tags.list', {})).toEqual([{ id: vip, name: 'VIP', color: '#e03131', clients: 1 }]);
    expect(t.call('clients.list', { query: { tagId: vip } }).rows.map((r) => r.id)).toEqual([a]);
    expect(t.call('clients.list', { query: { tagId: vip } }).rows[0]!.tags).toEqual([{ id: vip, name: 'VIP', color: '#e03131' }]);
    expect(catchAppError(() => t.call('tags.create', { name: 'VIP', color: '#000000' })).code).toBe('tag.exists');
    t.call('tags.delete', { id: vip });
    expect(card(a).tags).toEqual([]);
    expect(t.count('client_tags')).toBe(0);
  });
});

describe('archive and restore', () => {
  it('archives and restores with system history entries, never deleting', () => {
    const id = create({ kind: 'organization', name: 'ООО «Архив»', phones: [{ raw: '8 495 000 00 01' }] });
    expect(t.call('clients.archive', { ids: [id] })).toEqual({ count: 1 });
    expect(card(id).archivedAt).not.toBeNull();
    expect(t.call('clients.list', { query: {} }).total).toBe(0);
    expect(t.call('clients.list', { query: { archived: true } }).total).toBe(1);
    expect(t.call('workspace.info', {}).stats).toMatchObject({ clients: 0, archivedClients: 1, phones: 1 });
    expect(t.call('clients.restore', { ids: [id] })).toEqual({ count: 1 });
    expect(card(id).archivedAt).toBeNull();
    expect(systemHistory(id).sort()).toEqual(['archived', 'restored']);
  });

  it('archiving an archived client changes nothing: same date, no second history entry', () => {
    const id = create({ kind: 'organization', name: 'ООО «Дважды»' });
    t.call('clients.archive', { ids: [id] });
    const first = card(id).archivedAt;
    expect(t.call('clients.archive', { ids: [id] })).toEqual({ count: 0 });
    expect(card(id).archivedAt).toBe(first);
    expect(systemHistory(id)).toEqual(['archived']);
  });

  it('accepts a КПП typed in lower case and stores it upper-cased', () => {
    const id = create({ kind: 'organization', name: 'ООО «Регистр»', kpp: '7736ab001' });
    expect(card(id).fields.kpp).toBe('7736AB001');
  });

  it('skips ids that no longer exist instead of failing the whole action', () => {
    const id = create({ kind: 'organization', name: 'ООО «Есть»' });
    expect(t.call('clients.archive', { ids: ['gone-meanwhile', id] })).toEqual({ count: 1 });
    expect(card(id).archivedAt).not.toBeNull();
    expect(t.call('clients.bulk', { target: { ids: ['gone-meanwhile', id] }, op: { action: 'restore' } })).toEqual({ count: 1 });
  });
});

describe('bulk actions', () => {
  it('adds and removes a tag on selected clients', () => {
    const tag = t.call('tags.create', { name: 'Тендер', color: '#5c940d' }).id;
    const a = create({ kind: 'organization', name: 'ООО «А»' });
    const b = create({ kind: 'organization', name: 'ООО «Б»' });
    const c = create({ kind: 'organization', name: 'ООО «В»' });
    expect(t.call('clients.bulk', { target: { ids: [a, b] }, op: { action: 'addTag', tagId: tag } })).toEqual({ count: 2 });
    expect(t.call('clients.bulk', { target: { ids: [a, b] }, op: { action: 'addTag', tagId: tag } })).toEqual({ count: 0 });
    expect(card(c).tags).toEqual([]);
    t.call('clients.bulk', { target: { ids: [a] }, op: { action: 'removeTag', tagId: tag } });
    expect(t.call('clients.list', { query: { tagId: tag } }).rows.map((r) => r.id)).toEqual([b]);
    expect(catchAppError(() => t.call('clients.bulk', { target: { ids: [a] }, op: { action: 'addTag', tagId: 'nope' } })).issues).toEqual([
      { field: 'tagId', code: 'reference.missing' },
    ]);
  });

  it('hands every client of a departing employee to a colleague via a filter', () => {
    const leaving = t.call('users.create', { name: 'Уходящий Менеджер', color: '#e64980' }).id;
    const staying = t.call('users.create', { name: 'Остающийся Менеджер', color: '#37b24d' }).id;
    const theirs = [1, 2, 3, 4].map((i) => create({ kind: 'person', lastName: `Клиент${i}`, responsibleId: leaving }));
    const others = [create({ kind: 'person', lastName: 'Чужой', responsibleId: staying }), create({ kind: 'person', lastName: 'Ничей' })];
    const archivedTheirs = create({ kind: 'person', lastName: 'Архивный', responsibleId: leaving });
    t.call('clients.archive', { ids: [archivedTheirs] });

    const r = t.call('clients.bulk', { target: { query: { responsibleId: leaving } }, op: { action: 'setResponsible', responsibleId: staying } });
    expect(r).toEqual({ count: 4 });
    for (const id of theirs) expect(card(id).responsible?.id).toBe(staying);
    expect(card(others[1]!).responsible).toBeNull();
    expect(t.call('clients.list', { query: { responsibleId: leaving } }).total).toBe(0);
  });

  it('applies an action to the current search result only', () => {
    const a = create({ kind: 'organization', name: 'ООО «Север»' });
    const b = create({ kind: 'organization', name: 'АО «Северсталь»' });
    const c = create({ kind: 'organization', name: 'ООО «Юг»' });
    expect(t.call('clients.bulk', { target: { query: { search: 'север' } }, op: { action: 'archive' } })).toEqual({ count: 2 });
    expect(t.call('clients.list', { query: {} }).rows.map((r) => r.id)).toEqual([c]);
    expect(card(a).archivedAt).not.toBeNull();
    expect(card(b).archivedAt).not.toBeNull();
  });
});

describe('duplicates', () => {
  it('finds an existing client by ИНН, by a phone typed another way and by e-mail in another case', () => {
    const sber = create({ kind: 'organization', name: 'ПАО Сбербанк', inn: '7707083893' });
    const phone = create({ kind: 'person', lastName: 'Звонков', phones: [{ raw: '+7 (495) 123-45-67' }] });
    const mail = create({ kind: 'person', lastName: 'Почтов', emails: [{ address: 'Pochtov@Mail.ru' }] });
    const bashkir = create({ kind: 'organization', name: 'ООО «Башкирия»', inn: '0274062111' });

    expect(t.call('clients.duplicates', { inn: '7707083893' })).toEqual([
      { id: sber, name: 'ПАО Сбербанк', archived: false, matchedBy: 'inn', value: '7707083893' },
    ]);
    expect(t.call('clients.duplicates', { inn: '274062111' }).map((h) => h.id)).toEqual([bashkir]);
    expect(t.call('clients.duplicates', { phones: ['8 495 1234567'] }).map((h) => [h.id, h.matchedBy])).toEqual([[phone, 'phone']]);
    expect(t.call('clients.duplicates', { emails: ['POCHTOV@mail.RU'] }).map((h) => [h.id, h.matchedBy])).toEqual([[mail, 'email']]);
    expect(t.call('clients.duplicates', { inn: '7736207543', phones: ['8 800 000 00 00'], emails: ['nobody@mail.ru'] })).toEqual([]);
  });

  it('does not report the card being edited and flags archived matches', () => {
    const id = create({ kind: 'organization', name: 'ПАО Сбербанк', inn: '7707083893' });
    expect(t.call('clients.duplicates', { inn: '7707083893', excludeId: id })).toEqual([]);
    t.call('clients.archive', { ids: [id] });
    expect(t.call('clients.duplicates', { inn: '7707083893' })[0]?.archived).toBe(true);
  });

  it('finds the client through a contact person’s phone', () => {
    const id = create({ kind: 'organization', name: 'ООО «Контакты»' });
    t.call('contacts.create', { clientId: id, fields: { name: 'Петров', phones: [{ raw: '8 916 000-11-22' }] } });
    expect(t.call('clients.duplicates', { phones: ['+79160001122'] }).map((h) => h.id)).toEqual([id]);
  });
});

describe('contacts and history', () => {
  it('validates contact persons and pages the history newest first', () => {
    const id = create({ kind: 'organization', name: 'ООО «История»' });
    const e = catchAppError(() => t.call('contacts.create', { clientId: id, fields: { name: ' ', phones: [{ raw: 'x' }] } }));
    expect(issueKeys(e)).toEqual(['name:required', 'phones.0:phone.invalid']);
    for (let d = 1; d <= 5; d++) {
      t.call('history.add', { clientId: id, kind: 'call', direction: 'in', occurredAt: `2025-01-0${d}T10:00:00+03:00`, text: `звонок ${d}` });
    }
    const page1 = t.call('history.list', { clientId: id, limit: 2 });
    expect(page1.map((h) => h.text)).toEqual(['звонок 5', 'звонок 4']);
    const last = page1[1]!;
    const page2 = t.call('history.list', { clientId: id, limit: 2, before: { occurredAt: last.occurredAt, id: last.id } });
    expect(page2.map((h) => h.text)).toEqual(['звонок 3', 'звонок 2']);
    expect(page1[0]!.occurredAt).toBe('2025-01-05T07:00:00.000Z');
  });
});
