import { cellText } from '../cells';
import type { Cell } from '../read/types';
import { isoOfRuDate } from './money';

// What 1C writes inside its reports' rows and titles.

export type DocumentKind = 'shipment' | 'invoice' | 'opening';

export interface DocumentTitle {
  title: string;
  kind: DocumentKind;
  number: string;
  date: string;
}

// «Реализация (акт, накладная, УПД) ГР00-000123 от 15.02.2026 12:00:00»
const DOCUMENT = /^(.*?)\s+№?\s*(\S+)\s+от\s+(\d{2}\.\d{2}\.\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:г\.?)?$/iu;

/** A document row's name split into kind, number and date; null when the text is not a document. */
export function documentTitle(text: string): DocumentTitle | null {
  const m = DOCUMENT.exec(text.replace(/[\u00a0\u202f]/g, ' ').trim());
  if (!m) return null;
  const date = isoOfRuDate(m[3]!);
  if (!date) return null;
  const title = m[1]!.trim();
  // «Договор № 7 от 01.01.2026» is a contract, named like a document.
  if (CONTRACT_NAME.test(title)) return null;
  return { title, kind: kindOf(title), number: m[2]!, date };
}

function kindOf(title: string): DocumentKind {
  if (/^сч[её]т(?!-фактура)/iu.test(title)) return 'invoice';
  if (/ввод\s+остатков|корректировка\s+долга|операция/iu.test(title)) return 'opening';
  return 'shipment';
}

/** «62», «62.01», «62.Р», «60.02»: an account row of an ОСВ. */
export const ACCOUNT = /^(\d{2})(?:\.[\dA-Za-zА-Яа-яЁё]+)*$/u;

/** A contract row when the file has no levels to tell it from a counterparty. */
export const CONTRACT_NAME = /^(основной\s+договор|договор|дог\.|контракт|№\s*\S)/iu;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

/**
 * The period a report's title names: «Период: 01.01.2026 - 31.03.2026», «за 01.01.2026 -
 * 31.03.2026», «за 1 квартал 2026 г.», «за Февраль 2026 г.», «за 2026 г.».
 */
export function periodOf(text: string): { from: string; to: string } | null {
  const t = text.replace(/[\u00a0\u202f]/g, ' ');
  const range = /(\d{2}\.\d{2}\.\d{4})\s*[-–—]\s*(\d{2}\.\d{2}\.\d{4})/.exec(t);
  if (range) {
    const from = isoOfRuDate(range[1]!);
    const to = isoOfRuDate(range[2]!);
    return from && to ? { from, to } : null;
  }
  const quarter = /за\s+([1-4])\s*квартал\s+(\d{4})/iu.exec(t);
  if (quarter) {
    const q = Number(quarter[1]);
    const y = Number(quarter[2]);
    return { from: `${y}-${pad(q * 3 - 2)}-01`, to: `${y}-${pad(q * 3)}-${lastDay(y, q * 3)}` };
  }
  const month = /за\s+([А-Яа-яЁё]+)\s+(\d{4})/u.exec(t);
  if (month) {
    const i = MONTHS.findIndex((m) => month[1]!.toLowerCase().startsWith(m));
    if (i >= 0 && (i !== 4 || /^ма[йя]/iu.test(month[1]!))) {
      const y = Number(month[2]);
      return { from: `${y}-${pad(i + 1)}-01`, to: `${y}-${pad(i + 1)}-${lastDay(y, i + 1)}` };
    }
  }
  const year = /за\s+(\d{4})\s*г/iu.exec(t);
  if (year) return { from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  return null;
}

/** «на 31.03.2026», «Дата: 31.03.2026», «по состоянию на …»: a report's as-of day. */
export function asOfOf(text: string): string | null {
  const t = text.replace(/[\u00a0\u202f]/g, ' ');
  const range = periodOf(t);
  if (range && /\d{2}\.\d{2}\.\d{4}\s*[-–—]/.test(t)) return range.to;
  const m = /(?:^|\s)(?:на|дата(?:\s+отч[её]та)?:?|по состоянию на|период:?)\s+(\d{2}\.\d{2}\.\d{4})/iu.exec(t);
  return m ? isoOfRuDate(m[1]!) : null;
}

export const textOf = (c: Cell | undefined): string => cellText(c ?? null) ?? '';

/** Spreadsheet column letters of a 0-based index (messages name columns as Excel shows them). */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
