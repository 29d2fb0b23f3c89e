import { and, eq, isNull } from 'drizzle-orm';
import { customFields } from '../db/schema';
import type { Db } from '../db/open';
import type { FieldIssue } from '../errors';
import { isCalendarDate } from '../validation/dates';

export type CustomFieldType = 'text' | 'number' | 'date' | 'select' | 'checkbox';
export type CustomRaw = string | number | boolean | null;

/**
 * Custom values are stored as text in a canonical form per type (numbers with a dot,
 * dates as yyyy-mm-dd, checkboxes as "1"/"0"), so they filter and export uniformly.
 * Returns null for "no value" (the row is removed).
 */
export function canonicalValue(
  type: CustomFieldType,
  options: string[],
  raw: CustomRaw,
): { value: string | null } | { error: string } {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { value: null };
  switch (type) {
    case 'text':
      return { value: String(raw).trim() || null };
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).replace(/[\s\u00a0]/g, '').replace(',', '.'));
      return Number.isFinite(n) ? { value: String(n) } : { error: 'custom.number' };
    }
    case 'date': {
      const s = String(raw).trim();
      return isCalendarDate(s) ? { value: s } : { error: 'custom.date' };
    }
    case 'checkbox':
      if (typeof raw === 'boolean') return { value: raw ? '1' : '0' };
      return raw === '1' || raw === '0' ? { value: raw } : { error: 'custom.checkbox' };
    case 'select': {
      const s = String(raw).trim();
      return options.includes(s) ? { value: s } : { error: 'custom.option' };
    }
  }
}

export function validateCustomValues(
  db: Db,
  entity: 'client' | 'deal',
  values: Record<string, CustomRaw>,
  issues: FieldIssue[],
): Map<string, string | null> {
  const defs = db
    .select()
    .from(customFields)
    .where(and(eq(customFields.entity, entity), isNull(customFields.archivedAt)))
    .all();
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out = new Map<string, string | null>();
  for (const [fieldId, raw] of Object.entries(values)) {
    const def = byId.get(fieldId);
    if (!def) {
      issues.push({ field: `custom.${fieldId}`, code: 'custom.unknown' });
      continue;
    }
    const r = canonicalValue(def.type, JSON.parse(def.options) as string[], raw);
    if ('error' in r) issues.push({ field: `custom.${fieldId}`, code: r.error, params: { name: def.name } });
    else out.set(fieldId, r.value);
  }
  return out;
}
