import type { Ctx } from '../../context';
import { customFields } from '../../db/schema';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { headerKey } from '../cells';
import type { FieldDef } from './types';

// Column names people and 1C use for client data. The first alias of each field is
// its export header, so an exported file maps back onto the same fields.
const f = (key: string, type: FieldDef['type'], names: string[], multi = false): FieldDef => ({
  key,
  header: names[0]!,
  aliases: names.map(headerKey),
  type,
  multi,
});

export const CLIENT_FIELDS: FieldDef[] = [
  f('kind', 'enum', ['Вид', 'Тип', 'Юр./физ. лицо', 'Юр. / физ. лицо', 'Юридическое/физическое лицо', 'Вид контрагента', 'Тип контрагента', 'Kind', 'Type']),
  f('name', 'text', ['Наименование', 'Название', 'Контрагент', 'Клиент', 'Организация', 'Компания', 'Имя клиента', 'Name', 'Company', 'Client', 'Organization', 'Organisation']),
  f('fullName', 'text', ['Полное наименование', 'Полное название', 'Наименование полное', 'Full name', 'Legal name']),
  f('lastName', 'text', ['Фамилия', 'Last name', 'Surname']),
  f('firstName', 'text', ['Имя', 'First name']),
  f('middleName', 'text', ['Отчество', 'Middle name', 'Patronymic']),
  f('inn', 'code', ['ИНН', 'INN', 'TIN', 'Tax ID']),
  f('kpp', 'code', ['КПП', 'KPP']),
  f('ogrn', 'code', ['ОГРН', 'ОГРНИП', 'ОГРН/ОГРНИП', 'Основной государственный регистрационный номер', 'OGRN']),
  f('phones', 'phones', ['Телефоны', 'Телефон', 'Тел', 'Мобильный телефон', 'Мобильный', 'Рабочий телефон', 'Контактный телефон', 'Phone', 'Phones', 'Mobile', 'Telephone', 'Tel'], true),
  f('emails', 'emails', ['Электронная почта', 'Адрес электронной почты', 'E-mail', 'Email', 'Эл. почта', 'Почта', 'Emails', 'Mail'], true),
  f('contactName', 'text', ['Контактное лицо', 'Контакт', 'Contact person', 'Contact']),
  f('legalAddress', 'text', ['Юридический адрес', 'Юр. адрес', 'Адрес юридический', 'Legal address', 'Registered address']),
  f('actualAddress', 'text', ['Фактический адрес', 'Адрес', 'Почтовый адрес', 'Адрес фактический', 'Address', 'Actual address']),
  f('relation', 'enum', ['Отношение', 'Категория', 'Relation', 'Category']),
  f('status', 'enum', ['Статус', 'Status']),
  f('source', 'text', ['Источник', 'Source']),
  f('region', 'text', ['Регион', 'Город', 'Region', 'City']),
  f('industry', 'text', ['Отрасль', 'Сфера деятельности', 'Industry']),
  f('responsible', 'text', ['Ответственный', 'Менеджер', 'Ответственный менеджер', 'Основной менеджер', 'Responsible', 'Manager', 'Owner']),
  f('tags', 'list', ['Метки', 'Теги', 'Группа', 'Группы', 'Tags', 'Labels', 'Group']),
  f('bankName', 'text', ['Банк', 'Наименование банка', 'Bank']),
  f('bankBik', 'code', ['БИК', 'БИК банка', 'BIK']),
  f('bankAccount', 'code', ['Расчетный счет', 'Р/с', 'Номер счета', 'Account']),
  f('bankCorrAccount', 'code', ['Корр. счет', 'Корреспондентский счет', 'К/с', 'Корр счет', 'Correspondent account']),
  f('birthday', 'date', ['Дата рождения', 'День рождения', 'Birthday', 'Date of birth']),
  f('website', 'text', ['Сайт', 'Веб-сайт', 'Website', 'Web']),
  f('notes', 'text', ['Комментарий', 'Примечание', 'Заметки', 'Описание', 'Comment', 'Notes', 'Note']),
];

/** The built-in fields plus the workspace's active custom fields (key `custom:<id>`). */
export function clientFieldDefs(ctx: Ctx): FieldDef[] {
  const custom = ctx.db
    .select()
    .from(customFields)
    .where(and(eq(customFields.entity, 'client'), isNull(customFields.archivedAt)))
    .orderBy(asc(customFields.sort))
    .all();
  return [
    ...CLIENT_FIELDS,
    ...custom.map(
      (c): FieldDef => ({
        key: `custom:${c.id}`,
        header: c.name,
        aliases: [headerKey(c.name)],
        type: c.type === 'number' ? 'number' : c.type === 'date' ? 'date' : c.type === 'checkbox' ? 'bool' : 'text',
        customName: c.name,
      }),
    ),
  ];
}

// Values of the enum columns as people write them (and as the export writes them).
export const KIND_WORDS: Record<'person' | 'organization' | 'sole_trader', string[]> = {
  organization: ['юр лицо', 'юридическое лицо', 'юр', 'юл', 'организация', 'компания', 'organization', 'organisation', 'company', 'legal entity'],
  person: ['физ лицо', 'физическое лицо', 'физ', 'фл', 'частное лицо', 'person', 'individual', 'private person'],
  sole_trader: ['ип', 'индивидуальный предприниматель', 'sole trader', 'sole_trader', 'entrepreneur'],
};
export const KIND_EXPORT = { organization: 'Юр. лицо', person: 'Физ. лицо', sole_trader: 'ИП' } as const;

export const RELATION_WORDS: Record<string, string[]> = {
  client: ['клиент', 'покупатель', 'client', 'customer'],
  prospect: ['потенциальный', 'потенциальный клиент', 'лид', 'prospect', 'lead'],
  partner: ['партнер', 'partner'],
  agent: ['агент', 'agent'],
  supplier: ['поставщик', 'supplier', 'vendor'],
  competitor: ['конкурент', 'competitor'],
};
export const RELATION_EXPORT: Record<string, string> = {
  client: 'Клиент',
  prospect: 'Потенциальный',
  partner: 'Партнёр',
  agent: 'Агент',
  supplier: 'Поставщик',
  competitor: 'Конкурент',
};
export const STATUS_WORDS: Record<string, string[]> = {
  active: ['активный', 'действующий', 'active'],
  inactive: ['неактивный', 'не активный', 'inactive'],
  blocked: ['заблокирован', 'заблокированный', 'blocked'],
};
export const STATUS_EXPORT: Record<string, string> = { active: 'Активный', inactive: 'Неактивный', blocked: 'Заблокирован' };

/** The enum value a cell names, by folded word; null when it names none. */
export function enumOf<K extends string>(words: Record<K, string[]>, text: string): K | null {
  const k = headerKey(text);
  for (const [value, list] of Object.entries(words) as [K, string[]][]) {
    if (value === k || list.some((w) => headerKey(w) === k)) return value;
  }
  return null;
}
