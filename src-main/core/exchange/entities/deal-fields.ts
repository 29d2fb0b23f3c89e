import type { Ctx } from '../../context';
import { cellText } from '../cells';
import type { Cell } from '../read/types';
import type { FieldDef } from './types';
import { customFieldDefs, field } from './field-kit';
import type { StageKind } from '../../db/schema/enums';

// Column names of deal lists in Russian and English office files, amoCRM/Bitrix24 and
// 1C exports. The first name of each field is its export header, so an exported file
// maps back onto the same fields.

export const DEAL_FIELDS: FieldDef[] = [
  field('title', 'text', ['Сделка', 'Наименование сделки', 'Название сделки', 'Название', 'Наименование', 'Предмет сделки', 'Deal', 'Deal name', 'Title', 'Name']),
  field('client', 'text', ['Клиент', 'Контрагент', 'Организация', 'Компания', 'Покупатель', 'Заказчик', 'Наименование клиента', 'Client', 'Company', 'Customer', 'Organization', 'Organisation']),
  field('clientTaxId', 'code', ['ИНН', 'ИНН клиента', 'ИНН контрагента', 'ИНН организации', 'INN', 'TIN']),
  field('clientPhone', 'phones', ['Телефон', 'Телефон клиента', 'Телефоны', 'Phone'], true),
  field('clientEmail', 'emails', ['E-mail', 'Email', 'Электронная почта', 'Эл. почта', 'Почта', 'E-mail клиента']),
  field('pipeline', 'text', ['Воронка', 'Направление', 'Воронка продаж', 'Pipeline', 'Funnel']),
  field('stage', 'text', ['Этап', 'Стадия', 'Этап сделки', 'Стадия сделки', 'Stage', 'Deal stage']),
  field('outcome', 'enum', ['Статус', 'Результат', 'Итог', 'Статус сделки', 'Status', 'Outcome', 'Result']),
  field('amount', 'money', ['Сумма', 'Сумма сделки', 'Бюджет', 'Сумма, руб.', 'Сумма руб', 'Amount', 'Sum', 'Budget', 'Value']),
  field('currency', 'text', ['Валюта', 'Currency']),
  field('createdAt', 'date', ['Дата создания', 'Создана', 'Дата создания сделки', 'Дата начала', 'Created', 'Created at', 'Date created', 'Creation date']),
  field('expectedClose', 'date', ['Дата закрытия', 'Ожидаемая дата закрытия', 'Плановая дата закрытия', 'Предполагаемая дата закрытия', 'Срок', 'Expected close', 'Close date', 'Closing date']),
  field('responsible', 'text', ['Ответственный', 'Менеджер', 'Ответственный менеджер', 'Responsible', 'Manager', 'Owner']),
  field('source', 'text', ['Источник', 'Источник сделки', 'Канал', 'Source', 'Lead source']),
  field('description', 'text', ['Комментарий', 'Описание', 'Примечание', 'Comment', 'Description', 'Notes']),
  field('lostReason', 'text', ['Причина отказа', 'Причина провала', 'Причина проигрыша', 'Причина', 'Lost reason', 'Reason']),
  field('lostComment', 'text', ['Комментарий к отказу', 'Комментарий к причине', 'Lost comment']),
];

/** The built-in deal fields plus the workspace's active custom deal fields (key `custom:<id>`). */
export function dealFieldDefs(ctx: Ctx): FieldDef[] {
  return [...DEAL_FIELDS, ...customFieldDefs(ctx, 'deal')];
}

/** What the export writes in the status column and what the import understands there. */
export const STATUS_EXPORT = { open: 'Открыта', won: 'Успешно', lost: 'Провалено' } as const;
export const DEAL_STATUS_WORDS: Record<StageKind, string[]> = {
  open: ['открыта', 'открытая', 'в работе', 'активна', 'активная', 'новая', 'open', 'in progress', 'active'],
  won: ['успешно', 'успешна', 'успешная', 'успех', 'выиграна', 'выиграно', 'выигрыш', 'заключена', 'сделка заключена', 'реализована', 'won', 'win', 'success', 'closed won'],
  lost: ['провалено', 'провалена', 'проиграна', 'проиграно', 'проигрыш', 'отказ', 'отказано', 'потеряна', 'отменена', 'lost', 'lose', 'failed', 'closed lost'],
};

// Currency words and signs as people type them after an amount.
const CURRENCY_WORDS: [RegExp, string][] = [
  [/^(руб(лей|ля|ль)?\.?|р\.?|₽|rub|rur|рубли)$/iu, 'RUB'],
  [/^(\$|usd|долл\.?|доллар(ов|а)?)$/iu, 'USD'],
  [/^(€|eur|евро)$/iu, 'EUR'],
];

/** A currency word, sign or ISO code as its code; null when it names none. */
export function currencyOf(text: string): string | null {
  const t = text.trim();
  for (const [re, code] of CURRENCY_WORDS) if (re.test(t)) return code;
  return /^[A-Za-z]{3}$/.test(t) ? t.toUpperCase() : null;
}

/**
 * An amount in exact kopecks: `1 234,56`, `1234.56`, `1.234,56`, `12 000 руб.`,
 * `₽ 500`, `1 500 RUB` and number cells. Text is read digit by digit (no binary
 * fractions); a number cell is rounded to the kopeck. 'invalid' when it is not an amount.
 */
export function cellMoney(c: Cell): { kopecks: number; currency: string | null } | null | 'invalid' {
  if (c === null) return null;
  if (typeof c === 'number') {
    if (!Number.isFinite(c) || c < 0) return 'invalid';
    // The number as Excel shows it (15 significant digits), rounded by the same rule as
    // text: 1.005 is 1,01 ₽ (binary 1.00499… would round down).
    const [whole, frac] = Number(c.toPrecision(15)).toFixed(3).split('.');
    return kopecksOf(whole!, frac!, null);
  }
  const s = cellText(c);
  if (s === null) return null;
  // A currency before or after the digits.
  const m = /^([^\d\s.,-]*)\s*(-?[\d\s.,]+?)\s*([^\d\s.,]*\.?)$/u.exec(s);
  if (!m) return 'invalid';
  const word = (m[1] || m[3] || '').trim();
  const currency = word ? currencyOf(word) : null;
  if (word && !currency) return 'invalid';
  let t = m[2]!.replace(/\s+/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '');
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  t = t.replace(',', '.');
  const parts = /^(\d+)(?:\.(\d*))?$/.exec(t);
  if (!parts) return 'invalid';
  return kopecksOf(parts[1]!, parts[2] ?? '', currency);
}

function kopecksOf(whole: string, fraction: string, currency: string | null): { kopecks: number; currency: string | null } | 'invalid' {
  const frac = fraction.padEnd(3, '0');
  // Half a kopeck and more rounds up, as a bank does.
  const kopecks = Number(whole) * 100 + Number(frac.slice(0, 2)) + (Number(frac[2]) >= 5 ? 1 : 0);
  return Number.isSafeInteger(kopecks) ? { kopecks, currency } : 'invalid';
}
