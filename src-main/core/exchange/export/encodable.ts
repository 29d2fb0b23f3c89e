import iconv from 'iconv-lite';
import { AppError } from '../../errors';

// An export never writes a character its file cannot hold: iconv writes "?" for a
// letter Windows-1251 lacks, exceljs drops control characters, and a lone half of
// a surrogate pair becomes U+FFFD in UTF-8. Each of these silently changes the
// user's data on the way to 1C or Excel, so the export stops and names the cell.

export type Target = 'windows-1251' | 'utf-8' | 'xlsx';

const WIN1251 = new Set(
  [...iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'win1251')].filter((c) => c !== '\uFFFD'),
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// XML 1.0 allows tab, LF, CR and everything from U+0020 except U+FFFE/U+FFFF; exceljs also drops DEL.
const NOT_IN_XLSX = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

/** The first character of `text` the target cannot hold, or null. */
export function firstUnencodable(text: string, target: Target): string | null {
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return lone[0];
  if (target === 'xlsx') return NOT_IN_XLSX.exec(text)?.[0] ?? null;
  if (target === 'windows-1251') {
    for (const ch of text) if (!WIN1251.has(ch)) return ch;
  }
  return null;
}

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Shown in the message: the character itself when it is visible, its code always. */
const shown = (ch: string) => (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) ? `«${ch}» (${codePoint(ch)})` : codePoint(ch));

/**
 * Throws when a value cannot be written. `row` is the record's row in the file as
 * a spreadsheet numbers it (the header is row 1), `record` its name.
 */
export function assertEncodable(text: string, target: Target, where: { row: number; field: string; record: string }): void {
  const ch = firstUnencodable(text, target);
  if (ch === null) return;
  // U+FFFD stands where an earlier bad conversion lost a letter: no format is the remedy, retyping it is.
  if (ch === '\uFFFD') {
    throw new AppError('exchange.unencodable_lost', `Row ${where.row} (${where.record}), field "${where.field}": a letter was lost earlier (U+FFFD); retype the value`, {
      row: where.row,
      field: where.field,
      record: where.record,
    });
  }
  throw new AppError(
    'exchange.unencodable',
    `Row ${where.row} (${where.record}), field "${where.field}": the character ${shown(ch)} cannot be written to ${target}`,
    { row: where.row, field: where.field, record: where.record, char: shown(ch), encoding: target },
  );
}

/**
 * Characters Windows-1251 lacks that have an equivalent in it, as people write them in
 * plain text: spaces of other widths, invisible marks, hyphens and the minus sign, «₽»,
 * «м²», «3×4». They are written as that equivalent, so a 1C export stops only for what
 * has none (emoji, letters of other alphabets).
 */
const EQUIVALENTS_1251: Record<string, string> = {
  '\u2000': ' ', '\u2001': ' ', '\u2002': ' ', '\u2003': ' ', '\u2004': ' ', '\u2005': ' ', '\u2006': ' ', '\u2008': ' ', '\u2009': ' ', '\u200a': ' ', '\u205f': ' ', '\u3000': ' ',
  '\u2007': '\u00a0', '\u202f': '\u00a0',
  '\u200b': '', '\u200c': '', '\u200d': '', '\u200e': '', '\u200f': '', '\u2060': '', '\ufeff': '',
  '\u2010': '-', '\u2011': '-', '\u2212': '-', '\u2012': '\u2013', '\u2015': '\u2014',
  '\u2032': "'", '\u2033': '"', '\u201b': '\u2018', '\u201f': '\u201c',
  '\u20bd': 'руб.', '\u00b2': '2', '\u00b3': '3', '\u00d7': 'x',
};
const EQUIVALENT = new RegExp(`[${Object.keys(EQUIVALENTS_1251).join('')}]`, 'gu');
const HAS_EQUIVALENT = new RegExp(EQUIVALENT.source, 'u');

/** Text as it goes into a 1C file: what 1251 lacks but has an equivalent for, as that equivalent. */
export const for1251 = (text: string): string => (HAS_EQUIVALENT.test(text) ? text.replace(EQUIVALENT, (c) => EQUIVALENTS_1251[c]!) : text);
