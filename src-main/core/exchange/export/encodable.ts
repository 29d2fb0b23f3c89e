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
  throw new AppError(
    'exchange.unencodable',
    `Row ${where.row} (${where.record}), field "${where.field}": the character ${shown(ch)} cannot be written to ${target}`,
    { row: where.row, field: where.field, record: where.record, char: shown(ch), encoding: target },
  );
}
