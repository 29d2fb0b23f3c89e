import iconv from 'iconv-lite';
import { AppError } from '../../errors';

// What each export's encoding can hold. iconv-lite writes «?» for a character
// Windows-1251 lacks (and 0x98, a byte 1251 leaves undefined, for U+FFFD), so a
// wrong byte would reach 1C without a word; instead a character with a faithful 1251
// form is written in that form, and any other stops the export with the row, the
// column and the character, so the user can correct it or choose a format that holds it.
//
// The UTF-8 formats (CSV for Excel, xlsx, vCard, .ics) hold every character the
// workspace can return: SQLite gives back only whole characters (half a surrogate pair
// stored by some client comes back as U+FFFD), so they need no such check. XML (xlsx)
// is the exception for control characters: see xmlText.

/** Characters 1251 lacks that have an equivalent in it, as people write them in plain text. */
const EQUIVALENTS_1251: Record<string, string> = {
  // Spaces of other widths: a plain or a non-breaking space (both exist in 1251).
  '\u2000': ' ', '\u2001': ' ', '\u2002': ' ', '\u2003': ' ', '\u2004': ' ', '\u2005': ' ', '\u2006': ' ', '\u2008': ' ', '\u2009': ' ', '\u200a': ' ', '\u205f': ' ', '\u3000': ' ',
  '\u2007': '\u00a0', '\u202f': '\u00a0',
  // Invisible marks that carry no text.
  '\u200b': '', '\u200c': '', '\u200d': '', '\u200e': '', '\u200f': '', '\u2060': '', '\ufeff': '',
  // Hyphens and minus as the hyphen-minus; figure dash and bar as the dashes 1251 has.
  '\u2010': '-', '\u2011': '-', '\u2212': '-', '\u2012': '\u2013', '\u2015': '\u2014',
  '\u2032': "'", '\u2033': '"', '\u201b': '\u2018', '\u201f': '\u201c',
  '\u20bd': 'руб.', '\u00b2': '2', '\u00b3': '3', '\u00d7': 'x',
};
const EQUIVALENT = new RegExp(`[${Object.keys(EQUIVALENTS_1251).join('')}]`, 'gu');
const HAS_EQUIVALENT = new RegExp(EQUIVALENT.source, 'u');

// Every character 1251 defines: its 255 bytes decoded (0x98 is undefined and decodes to U+FFFD).
const IN_1251 = [...iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, b) => b)), 'win1251')].filter((c) => c !== '\ufffd');
const NOT_1251 = new RegExp(`[^${IN_1251.map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('')}]`, 'u');

/** Text as it goes into a 1C file: characters 1251 lacks replaced by their 1251 equivalents. */
export const for1251 = (text: string): string => (HAS_EQUIVALENT.test(text) ? text.replace(EQUIVALENT, (c) => EQUIVALENTS_1251[c]!) : text);

/** The first character of `text` (after for1251) that Windows-1251 cannot hold, or null. */
function not1251(text: string): string | null {
  const m = NOT_1251.exec(text);
  return m ? m[0] : null;
}

/**
 * Text for an xlsx cell. XML cannot hold control characters other than tab and line
 * breaks (exceljs silently drops them); vertical tab and form feed are line breaks
 * pasted from Word and stay line breaks, the rest are invisible and carry no text.
 */
export const xmlText = (text: string): string =>
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text) ? text.replace(/[\x0b\x0c]/g, '\n').replace(/[\x00-\x08\x0e-\x1f\x7f]/g, '') : text;

export interface Place {
  /** Row of the file as the user sees it (the header is row 1). */
  row: number;
  /** The record's name, so the user finds it in the app. */
  name: string;
  /** The column (field) as the file names it. */
  column: string;
}

/** Stops the export at a character Windows-1251 cannot hold. */
function refuseCharacter(char: string, at: Place): never {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const where = `Row ${at.row} («${at.name}»), column «${at.column}»`;
  const params = { row: at.row, name: at.name, column: at.column, char, code };
  // U+FFFD: a letter already lost by an earlier bad conversion, not something to pick another format for.
  if (char === '\ufffd') throw new AppError('exchange.unencodable_lost', `${where}: a letter was lost earlier (U+FFFD «�»); retype the value`, params);
  throw new AppError('exchange.unencodable_1251', `${where}: the character «${char}» (${code}) does not exist in Windows-1251; correct the value or export to .xlsx`, params);
}

/** Text for a 1C file: 1251 equivalents put in, any other character 1251 lacks refused. */
export function checked1251(text: string, at: () => Place): string {
  const out = for1251(text);
  const bad = not1251(out);
  if (bad !== null) refuseCharacter(bad, at());
  return out;
}
