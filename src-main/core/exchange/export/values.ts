import type { ExportValue, FieldDef } from '../entities/types';

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, and tab/CR that some
 * programs strip first) gets a leading apostrophe; the importer drops it again.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A stored yyyy-mm-dd day (or ISO timestamp) as a UTC Date for a date cell. */
export function toDate(v: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

export const joinList = (v: ExportValue): string => (Array.isArray(v) ? v.join(', ') : v === null ? '' : String(v));

/** The value of a cell in text form (CSV): dd.mm.yyyy dates, comma decimals. */
/** Money arrives as integer kopecks. */
export function textValue(f: FieldDef, v: ExportValue): string {
  if (v === null || v === undefined) return '';
  switch (f.type) {
    case 'date': {
      const d = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(v) : null;
      return d ? `${d[3]}.${d[2]}.${d[1]}` : String(v);
    }
    case 'money':
      return (Number(v) / 100).toFixed(2).replace('.', ',');
    case 'number':
      return String(v).replace('.', ',');
    case 'bool':
      return v === '1' || v === true ? 'да' : 'нет';
    case 'code':
    case 'phones':
      return joinList(v);
    default:
      return neutralise(joinList(v));
  }
}
