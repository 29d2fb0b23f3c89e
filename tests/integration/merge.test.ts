import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catchAppError, openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import type { ProcInput } from '../../src-main/core/procedures';

let t: TestWorkspace;
beforeEach(() => {
  t = openTestWorkspace();
});
afterEach(() => t.dispose());

const create = (fields: ProcInput<'clients.create'>) => t.call('clients.create', fields).id;
const contact = (clientId: string, name: string, phones: string[], emails: string[] = []) =>
  t.call('contacts.create', {
    clientId,
    fields: { name, phones: phones.map((raw) => ({ raw })), emails: emails.map((address) => ({ address })) },
  }).id;
const note = (clientId: string, text: string, day: number) =>
  t.call('history.add', { clientId, kind: 'note', occurredAt: `2025-03-${String(day).padStart(2, '0')}T09:00:00Z`, text }).id;

function twoCards() {
  const vip = t.call('tags.create', { name: 'VIP', color: '#e03131' }).id;
  const opt = t.call('tags.create', { name: 'Опт', color: '#f08c00' }).id;
  const budget = t.call('customFields.create', { entity: 'client', name: 'Бюджет', type: 'number' }).id;
  const segment = t.call('customFields.create', { entity: 'client', name: 'Сегмент', type: 'select', options: ['A', 'B'] }).id;
  const keep = create({
    kind: 'organization',
    name: 'ООО «Ромашка»',
    region: 'Москва',
    notes: 'Основная карточка',
    phones: [{ raw: '+7 495 111-11-11' }, { raw: '+7 916 222-22-22' }],
    emails: [{ address: 'info@romashka.ru' }],
    tagIds: [vip],
    custom: { [budget]: 1000 },
  });
  const gone = create({
    kind: 'organization',
    name: 'Ромашка ООО (дубль)',
    region: 'Казань',
    inn: '7707083893',
    kpp: '773601001',
    notes: 'Заведена менеджером по ошибке',
    phones: [{ raw: '8 (495) 111-11-11' }, { raw: '+7 903 333-33-33' }],
    emails: [{ address: 'INFO@romashka.ru' }, { address: 'buh@romashka.ru' }],
    tagIds: [vip, opt],
    custom: { [budget]: 5, [segment]: 'B' },
  });
  const keepContact = contact(keep, 'Иванов Иван', ['8 926 000-00-01']);
  const goneContact = contact(gone, 'Петрова Мария', ['8 926 444-44-44'], ['maria@romashka.ru']);
  note(keep, 'Звонок основной', 1);
  note(keep, 'Встреча основная', 2);
  t.call('history.add', {
    clientId: gone,
    contactId: goneContact,
    kind: 'call',
    direction: 'in',
    occurredAt: '2025-03-03T09:00:00Z',
    text: 'Звонок по дублю',
  });
  return { keep, gone, keepContact, goneContact, vip, opt, budget, segment };
}

describe('merging two client cards', () => {
  it('keeps the union of phones, e-mails, contacts, history, tags and custom values on the kept card', () => {
    const s = twoCards();
    t.call('clients.merge', { keepId: s.keep, mergeId: s.gone });
    const card = t.call('clients.get', { id: s.keep });

    expect(card.phones.map((p) => p.digits)).toEqual(['74951111111', '79162222222', '79033333333']);
    expect(card.emails.map((e) => e.address)).toEqual(['info@romashka.ru', 'buh@romashka.ru']);
    expect(card.contacts.map((c) => c.name).sort()).toEqual(['Иванов Иван', 'Петрова Мария']);
    const maria = card.contacts.find((c) => c.id === s.goneContact)!;
    expect(maria.phones.map((p) => p.digits)).toEqual(['79264444444']);
    expect(maria.emails.map((e) => e.address)).toEqual(['maria@romashka.ru']);
    expect(card.tags.map((x) => x.name).sort()).toEqual(['VIP', 'Опт']);
    // The kept card's own value wins a conflict; values it lacked are taken over.
    expect(card.fields.custom).toEqual({ [s.budget]: '1000', [s.segment]: 'B' });
    // Empty fields are filled from the merged card, filled ones are kept, notes are joined.
    expect(card.fields).toMatchObject({ region: 'Москва', inn: '7707083893', kpp: '773601001' });
    expect(card.fields.notes).toBe('Основная карточка\n\nЗаведена менеджером по ошибке');

    const history = t.call('history.list', { clientId: s.keep, limit: 200 });
    expect(history.map((h) => h.text)).toEqual(expect.arrayContaining(['Звонок основной', 'Встреча основная', 'Звонок по дублю']));
    expect(history.map((h) => h.event).filter(Boolean)).toEqual([{ type: 'merged', name: 'Ромашка ООО (дубль)' }]);
    expect(history.find((h) => h.text === 'Звонок по дублю')?.contactName).toBe('Петрова Мария');
  });

  it('archives the merged card with a pointer to the kept one and a history entry', () => {
    const s = twoCards();
    t.call('clients.merge', { keepId: s.keep, mergeId: s.gone });
    const gone = t.call('clients.get', { id: s.gone });
    expect(gone.archivedAt).not.toBeNull();
    expect(gone.mergedInto).toEqual({ id: s.keep, name: 'ООО «Ромашка»' });
    expect(t.call('history.list', { clientId: s.gone }).map((h) => [h.kind, h.event])).toEqual([
      ['system', { type: 'merged_into', name: 'ООО «Ромашка»' }],
    ]);
    expect(t.call('clients.list', { query: {} }).rows.map((r) => r.id)).toEqual([s.keep]);
  });

  it('deletes nothing but the collapsed duplicates', () => {
    const s = twoCards();
    const before = {
      clients: t.count('clients'),
      phones: t.count('phones'),
      emails: t.count('emails'),
      contacts: t.count('contacts'),
      history: t.count('history'),
      customValues: t.count('client_custom_values'),
    };
    t.call('clients.merge', { keepId: s.keep, mergeId: s.gone });
    expect({
      clients: t.count('clients'),
      phones: t.count('phones'),
      emails: t.count('emails'),
      contacts: t.count('contacts'),
      history: t.count('history'),
      customValues: t.count('client_custom_values'),
    }).toEqual({
      clients: before.clients,
      phones: before.phones - 1, // 8 (495) 111-11-11 was already on the kept card
      emails: before.emails - 1, // INFO@romashka.ru likewise
      contacts: before.contacts,
      history: before.history + 2, // one 'merged' entry on each card
      customValues: before.customValues + 1, // Сегмент copied; the merged card keeps its own values
    });
    expect(t.count('phones', `client_id = '${s.gone}'`)).toBe(0);
    expect(t.count('contacts', `client_id = '${s.gone}'`)).toBe(0);
    expect(t.sqlite().pragma('foreign_key_check')).toEqual([]);
  });

  it('makes the merged client’s phone, e-mail and contact find the kept card', () => {
    const s = twoCards();
    t.call('clients.merge', { keepId: s.keep, mergeId: s.gone });
    const find = (q: string) => t.call('clients.list', { query: { search: q } }).rows.map((r) => r.id);
    expect(find('8 903 333')).toEqual([s.keep]);
    expect(find('buh@romashka')).toEqual([s.keep]);
    expect(find('петрова')).toEqual([s.keep]);
    expect(t.call('clients.lookupPhone', { phone: '+7 (903) 333-33-33' }).map((h) => h.clientId)).toEqual([s.keep]);
    expect(t.call('clients.lookupPhone', { phone: '89264444444' }).map((h) => [h.clientId, h.contact?.id])).toEqual([
      [s.keep, s.goneContact],
    ]);
  });

  it('does not copy requisites of the other kind, so the kept card stays editable', () => {
    const keep = create({ kind: 'person', lastName: 'Рогов', firstName: 'Пётр' });
    const gone = create({
      kind: 'organization',
      name: 'ООО «Рога»',
      inn: '7707083893',
      kpp: '773601001',
      ogrn: '1027700132195',
      region: 'Тула',
      bankBik: '044525225',
    });
    t.call('clients.merge', { keepId: keep, mergeId: gone });
    const fields = t.call('clients.get', { id: keep }).fields;
    expect(fields).toMatchObject({ inn: null, kpp: null, ogrn: null, region: 'Тула', bankBik: '044525225' });
    expect(() => t.call('clients.update', { id: keep, patch: { notes: 'после слияния' } })).not.toThrow();
    // Same side (person and sole trader both carry a 12-digit ИНН): the ИНН is taken over.
    const ip = create({ kind: 'sole_trader', name: 'ИП Рогов П.', inn: '500100732259', ogrn: '304500116000157' });
    const person = create({ kind: 'person', lastName: 'Рогов', firstName: 'Павел' });
    t.call('clients.merge', { keepId: person, mergeId: ip });
    expect(t.call('clients.get', { id: person }).fields).toMatchObject({ inn: '500100732259' });
  });

  it('refuses to merge a card into itself or to merge the same card twice', () => {
    const s = twoCards();
    expect(catchAppError(() => t.call('clients.merge', { keepId: s.keep, mergeId: s.keep })).code).toBe('merge.same');
    t.call('clients.merge', { keepId: s.keep, mergeId: s.gone });
    const other = create({ kind: 'organization', name: 'ООО «Третья»' });
    expect(catchAppError(() => t.call('clients.merge', { keepId: other, mergeId: s.gone })).code).toBe('merge.already');
    expect(catchAppError(() => t.call('clients.merge', { keepId: s.keep, mergeId: 'missing' })).code).toBe('not_found');
  });
});

describe('caller lookup', () => {
  it('finds a client and a contact person by a phone typed in any format', () => {
    const org = create({ kind: 'organization', name: 'ООО «Звонок»', inn: '7736207543', phones: [{ raw: '+7 (495) 123-45-67' }] });
    const person = contact(org, 'Смирнова Ольга', ['8 916 765 43 21']);
    for (const phone of ['84951234567', '8 (495) 123-45-67', '+74951234567', '495 123 45 67', '4951234567', '+7 495 123-45-67 доб. 5']) {
      expect(t.call('clients.lookupPhone', { phone }), phone).toEqual([
        { clientId: org, clientName: 'ООО «Звонок»', inn: '7736207543', archived: false, contact: null, phones: ['+7 495 123-45-67'] },
      ]);
    }
    expect(t.call('clients.lookupPhone', { phone: '+7 (916) 765-43-21' })).toEqual([
      {
        clientId: org,
        clientName: 'ООО «Звонок»',
        inn: '7736207543',
        archived: false,
        contact: { id: person, name: 'Смирнова Ольга', position: null },
        phones: ['+7 916 765-43-21'],
      },
    ]);
  });

  it('returns every card sharing the number and flags archived ones', () => {
    const a = create({ kind: 'person', lastName: 'Муж', phones: [{ raw: '8 495 555 00 00' }] });
    const b = create({ kind: 'person', lastName: 'Жена', phones: [{ raw: '+7 495 555-00-00' }] });
    t.call('clients.archive', { ids: [b] });
    const hits = t.call('clients.lookupPhone', { phone: '84955550000' });
    expect(hits.map((h) => [h.clientId, h.archived]).sort()).toEqual([[a, false], [b, true]].sort());
  });

  it('matches a foreign number dialled with the 00 prefix by its last ten digits', () => {
    const id = create({ kind: 'person', lastName: 'Берлинов', phones: [{ raw: '+49 30 12345678' }] });
    expect(t.call('clients.lookupPhone', { phone: '0049 30 12345678' }).map((h) => h.clientId)).toEqual([id]);
  });

  it('returns nothing for an unknown or unreadable number', () => {
    create({ kind: 'person', lastName: 'Кто-то', phones: [{ raw: '8 495 123 45 67' }] });
    expect(t.call('clients.lookupPhone', { phone: '8 495 765 43 21' })).toEqual([]);
    expect(t.call('clients.lookupPhone', { phone: 'скрытый номер' })).toEqual([]);
    expect(t.call('clients.lookupPhone', { phone: '' })).toEqual([]);
  });
});
