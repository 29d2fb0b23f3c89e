import { cellText, headerKey } from './cells';
import type { Cell, SourceRow } from './read/types';
import type { FieldDef } from './entities/types';

export const isBlankRow = (cells: Cell[]): boolean => cells.every((c) => cellText(c) === null);

/** «Итого», «Всего», "Total" in one of the first filled cells: a totals row, not a record. */
export function isTotalsRow(cells: Cell[]): boolean {
  const filled = cells.map(cellText).filter((v): v is string => v !== null).slice(0, 3);
  return filled.some((v) => /^(итого|всего|total)(?![\p{L}\p{N}])/iu.test(v));
}

/** The field a header names: an exact alias, else an alias the header starts with ("ИНН контрагента"). */
export function fieldForHeader(fields: FieldDef[], header: string): FieldDef | null {
  const k = headerKey(header);
  if (!k) return null;
  const exact = fields.find((f) => f.aliases.includes(k));
  if (exact) return exact;
  let best: FieldDef | null = null;
  let bestLen = 0;
  for (const f of fields) {
    for (const a of f.aliases) {
      if (a.length >= 3 && a.length > bestLen && (k.startsWith(a + ' ') || k.endsWith(' ' + a))) {
        best = f;
        bestLen = a.length;
      }
    }
  }
  return best;
}

/**
 * The header row among the first rows of a sheet: the row naming the most known
 * fields, so title rows above it (1C writes the list's name first) are passed over.
 * Without any known name: the first row of two or more text cells.
 */
export function detectHeaderRow(rows: SourceRow[], fields: FieldDef[]): number | null {
  let best: SourceRow | null = null;
  let bestScore = 0;
  for (const r of rows) {
    const score = r.cells.filter((c) => typeof c === 'string' && fieldForHeader(fields, c)).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best) return best.n;
  const firstText = rows.find((r) => r.cells.filter((c) => typeof c === 'string' && c.trim() !== '').length >= 2);
  return firstText?.n ?? rows.find((r) => !isBlankRow(r.cells))?.n ?? null;
}

/** Column index → field key, one column per single-valued field (the first wins). */
export type ColumnMapping = Record<number, string | null>;

export function autoMapping(headers: string[], fields: FieldDef[]): ColumnMapping {
  const taken = new Set<string>();
  const mapping: ColumnMapping = {};
  headers.forEach((h, i) => {
    const f = fieldForHeader(fields, h);
    if (f && (f.multi || !taken.has(f.key))) {
      mapping[i] = f.key;
      taken.add(f.key);
    } else mapping[i] = null;
  });
  return mapping;
}

/** Identifies a file layout: its folded header names in order. */
export function layoutSignature(headers: string[]): string {
  return headers.map(headerKey).join('|');
}
