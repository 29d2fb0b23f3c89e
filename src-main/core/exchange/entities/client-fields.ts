import type { Ctx } from '../../context';
import { headerKey } from '../cells';
import type { FieldDef } from './types';
import { customFieldDefs, field } from './field-kit';

// Column names people and 1C use for client data. The first alias of each field is
// its export header, so an exported file maps back onto the same fields.

export const CLIENT_FIELDS: FieldDef[] = [
  field('kind', 'enum', ['Вид', 'Тип', 'Юр./физ. лицо', 'Юр. / физ. лицо', 'Юридическое/физическое лицо', 'Вид контрагента', 'Тип контрагента', 'Kind', 'Type']),
  field('name', 'text', ['Наименование', 'Название', 'Контрагент', 'Клиент', 'Организация', 'Компания', 'Имя клиента', 'ФИО', 'Ф.И.О.', 'Фамилия, имя, отчество', 'Name', 'Company', 'Client', 'Organization', 'Organisation']),
  field('fullName', 'text', ['Полное наименование', 'Полное название', 'Наименование полное', 'Full name', 'Legal name']),
  field('lastName', 'text', ['Фамилия', 'Last name', 'Surname']),
  field('firstName', 'text', ['Имя', 'First name']),
  field('middleName', 'text', ['Отчество', 'Middle name', 'Patronymic']),
  field('inn', 'code', ['ИНН', 'INN', 'TIN', 'Tax ID']),
  field('kpp', 'code', ['КПП', 'KPP']),
  field('ogrn', 'code', ['ОГРН', 'ОГРНИП', 'ОГРН/ОГРНИП', 'Основной государственный регистрационный номер', 'OGRN']),
  field('phones', 'phones', ['Телефоны', 'Телефон', 'Тел', 'Мобильный телефон', 'Мобильный', 'Рабочий телефон', 'Контактный телефон', 'Phone', 'Phones', 'Mobile', 'Telephone', 'Tel'], true),
  field('emails', 'emails', ['Электронная почта', 'Адрес электронной почты', 'E-mail', 'Email', 'Эл. почта', 'Почта', 'Emails', 'Mail'], true),
  field('contactName', 'text', ['Контактное лицо', 'Контакт', 'Contact person', 'Contact']),
  field('legalAddress', 'text', ['Юридический адрес', 'Юр. адрес', 'Адрес юридический', 'Legal address', 'Registered address']),
  field('actualAddress', 'text', ['Фактический адрес', 'Адрес', 'Почтовый адрес', 'Адрес фактический', 'Address', 'Actual address']),
  field('relation', 'enum', ['Отношение', 'Категория', 'Relation', 'Category']),
  field('status', 'enum', ['Статус', 'Status']),
  field('source', 'text', ['Источник', 'Source']),
  field('region', 'text', ['Регион', 'Город', 'Region', 'City']),
  field('industry', 'text', ['Отрасль', 'Сфера деятельности', 'Industry']),
  field('responsible', 'text', ['Ответственный', 'Менеджер', 'Ответственный менеджер', 'Основной менеджер', 'Responsible', 'Manager', 'Owner']),
  field('tags', 'list', ['Метки', 'Теги', 'Группа', 'Группы', 'Tags', 'Labels', 'Group']),
  field('bankName', 'text', ['Банк', 'Наименование банка', 'Bank']),
  field('bankBik', 'code', ['БИК', 'БИК банка', 'BIK']),
  field('bankAccount', 'code', ['Расчетный счет', 'Р/с', 'Номер счета', 'Account']),
  field('bankCorrAccount', 'code', ['Корр. счет', 'Корреспондентский счет', 'К/с', 'Корр счет', 'Correspondent account']),
  field('birthday', 'date', ['Дата рождения', 'День рождения', 'Birthday', 'Date of birth']),
  field('website', 'text', ['Сайт', 'Веб-сайт', 'Website', 'Web']),
  field('notes', 'text', ['Комментарий', 'Примечание', 'Заметки', 'Описание', 'Comment', 'Notes', 'Note']),
];

/** The built-in fields plus the workspace's active custom fields (key `custom:<id>`). */
export function clientFieldDefs(ctx: Ctx): FieldDef[] {
  return [...CLIENT_FIELDS, ...customFieldDefs(ctx, 'client')];
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
