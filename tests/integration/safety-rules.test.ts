import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, catchAppError, type TestWorkspace } from '../helpers/workspace';
import type { ProcInput } from '../../src-main/core/procedures';

// Rules that keep a working database consistent when settings change, cards are
// merged, contact persons are removed, or many clients are changed at once.

let t: TestWorkspace;
beforeEach(() => {
  t = openTestWorkspace();
});
afterEach(() => t.dispose());

const create = (fields: ProcInput<'clients.create'>) => t.call('clients.create', fields).id;
const card = (id: string) => t.call('clients.get', { id });

describe('a card stays editable when settings change under it', () => {
  it('an archived custom field or a removed select option does not block editing other fields', () => {
    const budget = t.call('customFields.create', { entity: 'client', name: 'Бюджет', type: 'select', options: ['малый', 'большой'] }).id;
    const note = t.call('customFields.create', { entity: 'client', name: 'Пометка', type: 'text' }).id;
    const id = create({ kind: 'organization', name: 'ООО «Настройки»', custom: { [budget]: 'большой', [note]: 'x' } });
    t.call('customFields.update', { id: budget, name: 'Бюджет', options: ['малый'] });
    t.call('customFields.archive', { id: note });
    t.call('clients.update', { id, patch: { region: 'Омск' } });
    expect(card(id).fields.region).toBe('Омск');
    // The stale value is still reported when that very field is edited.
    const e = catchAppError(() => t.call('clients.update', { id, patch: { custom: { [budget]: 'большой' } } }));
    expect(e.issues.map((i) => i.code)).toEqual(['custom.option']);
  });

  it('still re-checks the account when its БИК is edited', () => {
    const id = create({ kind: 'organization', name: 'ООО «Банк»', bankBik: '044525225', bankCorrAccount: '30101810400000000225' });
    const e = catchAppError(() => t.call('clients.update', { id, patch: { bankBik: '044030653' } }));
    expect(e.issues.map((i) => i.field)).toEqual(['bankCorrAccount']);
  });
});

describe('merge', () => {
  it('recomputes a person’s derived name from the parts it gained', () => {
    const keep = create({ kind: 'person', lastName: 'Иванов' });
    const gone = create({ kind: 'person', lastName: 'Иванов', firstName: 'Пётр', middleName: 'Ильич' });
    t.call('clients.merge', { keepId: keep, mergeId: gone });
    expect(card(keep).name).toBe('Иванов Пётр Ильич');
    expect(t.call('clients.list', { query: { search: 'иванов петр' } }).rows.map((r) => r.id)).toEqual([keep]);
  });

  it('copies bank details only as a whole, and only onto a card without any', () => {
    const keep = create({ kind: 'organization', name: 'ООО «Свой банк»', bankName: 'Свой', bankBik: '044525974' });
    const gone = create({ kind: 'organization', name: 'ООО «Чужой банк»', bankBik: '044525225', bankCorrAccount: '30101810400000000225' });
    t.call('clients.merge', { keepId: keep, mergeId: gone });
    expect(card(keep).fields).toMatchObject({ bankName: 'Свой', bankBik: '044525974', bankCorrAccount: null });
    t.call('clients.update', { id: keep, patch: { notes: 'редактируется' } });
  });

  it('refuses to merge into a card that was itself merged away, and keeps merged cards archived on restore', () => {
    const a = create({ kind: 'organization', name: 'ООО «А»' });
    const b = create({ kind: 'organization', name: 'ООО «Б»' });
    const c = create({ kind: 'organization', name: 'ООО «В»' });
    t.call('clients.merge', { keepId: a, mergeId: b });
    expect(catchAppError(() => t.call('clients.merge', { keepId: b, mergeId: c })).code).toBe('merge.already');
    expect(t.call('clients.restore', { ids: [b] })).toEqual({ count: 0 });
    expect(card(b).archivedAt).not.toBeNull();
  });
});

describe('contact persons removed from a card', () => {
  it('no longer find the client by their phone or e-mail, nor answer a caller lookup', () => {
    const id = create({ kind: 'organization', name: 'ООО «Кадры»' });
    const contact = t.call('contacts.create', {
      clientId: id,
      fields: { name: 'Уволенный Сотрудник', phones: [{ raw: '+7 916 700-00-01' }], emails: [{ address: 'left@kadry.ru' }] },
    }).id;
    expect(t.call('clients.list', { query: { search: 'left@kadry' } }).total).toBe(1);
    expect(t.call('clients.lookupPhone', { phone: '89167000001' })).toHaveLength(1);
    t.call('contacts.archive', { id: contact, archived: true });
    expect(t.call('clients.list', { query: { search: 'left@kadry' } }).total).toBe(0);
    expect(t.call('clients.list', { query: { search: '916 700' } }).total).toBe(0);
    expect(t.call('clients.lookupPhone', { phone: '89167000001' })).toEqual([]);
    expect(t.call('clients.duplicates', { phones: ['+79167000001'], emails: ['left@kadry.ru'] })).toEqual([]);
    // Restoring brings everything back.
    t.call('contacts.archive', { id: contact, archived: false });
    expect(t.call('clients.list', { query: { search: 'left@kadry' } }).total).toBe(1);
    expect(card(id).archivedContacts).toEqual([]);
  });
});

describe('bulk actions on "everything matching"', () => {
  it('touch exactly the clients the capped search lists, never more', () => {
    const users = t.call('users.list', {});
    const manager = t.call('users.create', { name: 'Новый', color: '#123456' }).id;
    for (let i = 0; i < 1010; i++) create({ kind: 'organization', name: `ООО «Север ${i}»`, responsibleId: users[0]!.id });
    const shown = t.call('clients.list', { query: { search: 'север' }, limit: 1 });
    expect(shown).toMatchObject({ total: 1000, capped: true });
    const r = t.call('clients.bulk', { target: { query: { search: 'север' } }, op: { action: 'setResponsible', responsibleId: manager } });
    expect(r.count).toBe(1000);
    expect(t.count('clients', `responsible_id = '${manager}'`)).toBe(1000);
  });
});

describe('small guards', () => {
  it('a history entry cannot name another client’s contact person', () => {
    const a = create({ kind: 'organization', name: 'ООО «А»' });
    const b = create({ kind: 'organization', name: 'ООО «Б»' });
    const theirs = t.call('contacts.create', { clientId: b, fields: { name: 'Чужой' } }).id;
    const e = catchAppError(() =>
      t.call('history.add', { clientId: a, contactId: theirs, kind: 'call', occurredAt: new Date().toISOString(), text: 'x' }),
    );
    expect(e.issues[0]).toMatchObject({ field: 'contactId', code: 'reference.missing' });
  });

  it('the first-start question is answered once: no second demo load into a working database', () => {
    t.call('workspace.initialize', { demo: false });
    expect(catchAppError(() => t.call('workspace.initialize', { demo: true })).code).toBe('workspace.initialized');
    expect(t.call('workspace.info', {}).stats.clients).toBe(0);
  });
});

describe('office numbers with extensions', () => {
  it('keeps one number with two extensions as two phones, each showing its extension', () => {
    const id = create({ kind: 'organization', name: 'ООО «Коммутатор»', phones: [{ raw: '+7 495 123-45-67 доб. 12' }, { raw: '8 (495) 123-45-67 (доб. 14)' }] });
    expect(card(id).phones.map((p) => [p.display, p.extension])).toEqual([
      ['+7 495 123-45-67', '12'],
      ['+7 495 123-45-67', '14'],
    ]);
    expect(t.call('clients.lookupPhone', { phone: '84951234567' }).map((h) => h.clientId)).toEqual([id]);
  });
});
