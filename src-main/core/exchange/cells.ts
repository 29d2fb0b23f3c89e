import { isCalendarDate } from '../validation/dates';
import type { Cell } from './read/types';

// What office files put in a cell, reduced to the values a record needs.

/** Text with non-breaking spaces made plain and the ends trimmed; '' is no value. */
export function cellText(c: Cell): string | null {
  if (c === null) return null;
  let s: string;
  if (c instanceof Date) s = isoDay(c);
  else if (typeof c === 'number') s = plainNumber(c);
  else s = String(c);
  // A leading apostrophe before = + - @ is how exports neutralise formulas.
  s = s.replace(/[\u00a0\u2007\u202f]/g, ' ').trim().replace(/^'(?=[=+\-@])/, '');
  return s === '' ? null : s;
}

/** A number without exponent or grouping: 7707083893 stays 7707083893. */
function plainNumber(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
  return String(n);
}

/** Identifiers kept as digits (ИНН, КПП, ОГРН, accounts): spaces inside dropped. */
export function cellCode(c: Cell): string | null {
  const s = cellText(c);
  return s === null ? null : s.replace(/\s+/g, '');
}

/** `1 234,56`, `1234.56`, `1.234,56` and real numbers; null when not a number. */
export function cellNumber(c: Cell): number | null {
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  const s = cellText(c);
  if (s === null) return null;
  let t = s.replace(/\s+/g, '').replace(/(руб\.?|₽|р\.)$/iu, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '');
  t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

function isoDay(d: Date): string {
  // exceljs gives date cells as UTC midnight of the day shown.
  return d.toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A calendar day as yyyy-mm-dd from a date cell, an Excel serial number or text
 * (dd.mm.yyyy, dd.mm.yy, dd/mm/yyyy, yyyy-mm-dd). 'invalid' when it is not a day.
 */
export function cellDate(c: Cell): string | null | 'invalid' {
  if (c === null) return null;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? 'invalid' : isoDay(c);
  if (typeof c === 'number') {
    // Excel's serial: days since 1899-12-30 (the 1900 leap-year bug is before March 1900).
    if (c < 1 || c > 2958465) return 'invalid';
    return isoDay(new Date(Date.UTC(1899, 11, 30) + Math.floor(c) * 86400000));
  }
  const s = cellText(c);
  if (s === null) return null;
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s.*)?$/.exec(s);
  if (m) {
    let year = Number(m[3]);
    if (m[3]!.length === 2) year += year > 40 ? 1900 : 2000;
    const iso = `${year}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
    return isCalendarDate(iso) ? iso : 'invalid';
  }
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) {
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    return isCalendarDate(iso) ? iso : 'invalid';
  }
  if (/^\d+$/.test(s)) return cellDate(Number(s));
  return 'invalid';
}

/** Several e-mails in one cell: `a@x.ru, b@y.ru; c@z.ru`. */
export function splitEmails(c: Cell): string[] {
  const s = cellText(c);
  return s ? s.split(/[,;\s]+/).filter(Boolean) : [];
}

/**
 * Several phones in one cell: separated by `;`, new lines or `,` — except a comma
 * that introduces an extension (`8 495 123-45-67, доб. 12`).
 */
export function splitPhones(c: Cell): string[] {
  const s = cellText(typeof c === 'number' ? String(c) : c);
  if (!s) return [];
  return s
    .split(/[;\n]|,(?!\s*(?:доб|ext|x|#))/iu)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Yes/no cells: да/нет, yes/no, 1/0, true/false, + / -. */
export function cellBool(c: Cell): boolean | null | 'invalid' {
  if (typeof c === 'boolean') return c;
  const s = cellText(c)?.toLowerCase();
  if (!s) return null;
  if (['да', 'yes', 'y', '1', 'true', 'истина', '+', 'x', 'д'].includes(s)) return true;
  if (['нет', 'no', 'n', '0', 'false', 'ложь', '-', 'н'].includes(s)) return false;
  return 'invalid';
}

/** Header text folded for matching: lower case, ё→е, punctuation and spaces squeezed. */
export function headerKey(c: Cell): string {
  const s = cellText(c);
  if (!s) return '';
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
