import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import type { ProcInput } from '../../src-main/core/procedures';

let t: TestWorkspace;
beforeEach(() => {
  t = openTestWorkspace();
});
afterEach(() => t.dispose());

const create = (fields: ProcInput<'clients.create'>) => t.call('clients.create', fields).id;
const search = (text: string, limit = 100) => t.call('clients.list', { query: { search: text }, limit });
const rowOf = (text: string, name: string) => search(text).rows.find((r) => r.name === name);

describe('a capped search says how many clients match', () => {
  it('lists the best 1,000 and counts all 1,234, with filters applied to the count too', () => {
    t.sqlite().transaction(() => {
      for (let i = 0; i < 1234; i++) create({ kind: 'organization', name: `ООО «Сокол ${i}»`, relation: i % 2 ? 'client' : 'partner' });
    })();
    const page = search('сокол');
    expect(page.total).toBe(1000);
    expect(page.capped).toBe(true);
    expect(t.call('clients.searchCount', { query: { search: 'сокол' } })).toEqual({ count: 1234, more: false });
    expect(t.call('clients.searchCount', { query: { search: 'сокол', relation: 'partner' } })).toEqual({ count: 617, more: false });
    // Not capped: the count is the list's own total.
    expect(t.call('clients.searchCount', { query: { search: 'сокол 12' } }).count).toBe(search('сокол 12', 500).total);
  });

  it('an edit between the two calls is counted (the cached count is dropped on write)', () => {
    t.sqlite().transaction(() => {
      for (let i = 0; i < 1001; i++) create({ kind: 'person', lastName: 'Орлов', firstName: `Имя${i}` });
    })();
    expect(t.call('clients.searchCount', { query: { search: 'орлов' } }).count).toBe(1001);
    create({ kind: 'person', lastName: 'Орлов', firstName: 'Новый' });
    expect(t.call('clients.searchCount', { query: { search: 'орлов' } }).count).toBe(1002);
  });
});

describe('a found row shows what matched when its name does not', () => {
  beforeEach(() => {
    const alpha = create({
      kind: 'organization',
      name: 'ООО «Альфа»',
      inn: '7707083893',
      phones: [{ raw: '+7 495 111-11-11' }, { raw: '8 916 222-33-44' }],
      emails: [{ address: 'office@alpha.ru' }, { address: 'buh@alpha.ru' }],
    });
    t.call('contacts.create', {
      clientId: alpha,
      fields: { name: 'Петров Пётр', phones: [{ raw: '+7 903 555-66-77' }], emails: [{ address: 'petrov@alpha-partners.ru' }] },
    });
  });

  it('a second phone, typed the domestic way', () => {
    expect(rowOf('8 916 222', 'ООО «Альфа»')?.match).toEqual({ field: 'phone', value: '+7 916 222-33-44', contact: null });
  });

  it('a contact person’s phone, with whose it is', () => {
    expect(rowOf('903 555', 'ООО «Альфа»')?.match).toEqual({ field: 'phone', value: '+7 903 555-66-77', contact: 'Петров Пётр' });
  });

  it('a contact person’s e-mail and a second e-mail of the client', () => {
    expect(rowOf('petrov', 'ООО «Альфа»')?.match).toEqual({ field: 'email', value: 'petrov@alpha-partners.ru', contact: 'Петров Пётр' });
    expect(rowOf('buh', 'ООО «Альфа»')?.match).toEqual({ field: 'email', value: 'buh@alpha.ru', contact: null });
  });

  it('a contact person by name (ё folded)', () => {
    expect(rowOf('петр', 'ООО «Альфа»')?.match).toEqual({ field: 'contact', value: 'Петров Пётр', contact: 'Петров Пётр' });
  });

  it('the words the name explains are not looked for elsewhere', () => {
    expect(rowOf('альфа петров', 'ООО «Альфа»')?.match).toEqual({ field: 'contact', value: 'Петров Пётр', contact: 'Петров Пётр' });
  });

  it('nothing extra when the row already shows it: the name, the first phone, the first e-mail, the ИНН', () => {
    for (const q of ['альфа', '111-11', 'office', '7707083']) expect(rowOf(q, 'ООО «Альфа»')?.match, q).toBeNull();
  });

  it('a list without a search has no match column', () => {
    expect(t.call('clients.list', { query: {} }).rows[0]!.match).toBeNull();
  });
});
