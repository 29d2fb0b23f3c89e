import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { users } from '../../db/schema';
import { listCustomFields } from '../../custom-fields/service';
import { canonicalValue, type CustomFieldType } from '../../custom-fields/values';
import { foldText } from '../../text/fold';
import { cellBool, cellDate, cellNumber, cellText, headerKey } from '../cells';
import type { Cell } from '../read/types';
import type { FieldDef } from './types';

// What the client, contact and deal entities share: how a column is declared, the
// workspace's custom fields as columns, and reading a custom value from a row.

type Owner = 'client' | 'deal';

/** A built-in column. The first name is its export header, so an exported file maps back onto the same fields. */
export const field = (key: string, type: FieldDef['type'], names: string[], multi = false): FieldDef => ({
  key,
  header: names[0]!,
  aliases: names.map(headerKey),
  type,
  multi,
});

/** The workspace's active custom fields of clients or deals as import/export columns (key `custom:<id>`). */
export function customFieldDefs(ctx: Ctx, owner: Owner): FieldDef[] {
  return listCustomFields(ctx, owner).map(
    (c): FieldDef => ({
      key: `custom:${c.id}`,
      header: c.name,
      aliases: [headerKey(c.name)],
      type: c.type === 'number' ? 'number' : c.type === 'date' ? 'date' : c.type === 'checkbox' ? 'bool' : 'text',
      customName: c.name,
    }),
  );
}

export type CustomDefs = Map<string, { type: CustomFieldType; options: string[]; name: string }>;

export function customDefs(ctx: Ctx, owner: Owner): CustomDefs {
  return new Map(listCustomFields(ctx, owner).map((d) => [d.id, { type: d.type, options: d.options, name: d.name }]));
}

/** Active users by folded name, for a «Ответственный» column. */
export function usersByName(ctx: Ctx): Map<string, string> {
  return new Map(ctx.db.select().from(users).where(eq(users.active, true)).all().map((u) => [foldText(u.name), u.id]));
}

type Warn = (field: string, code: string, params?: Record<string, string | number>) => void;

/** The user a «Ответственный» cell names; an unknown name is a warning and left empty. */
export function readResponsible(users: Map<string, string>, name: string | null, warn: Warn): string | null {
  if (!name) return null;
  const id = users.get(foldText(name)) ?? null;
  if (!id) warn('responsible', 'exchange.user_unknown', { value: name });
  return id;
}

/** Custom values of one row, checked with the card's rules; a value the card would refuse is a warning and left out. */
export function readCustomValues(defs: CustomDefs, get: (field: string) => Cell[], warn: Warn): Map<string, string> {
  const custom = new Map<string, string>();
  for (const [id, def] of defs) {
    const cell = get(`custom:${id}`).find((c) => cellText(c) !== null);
    if (cell === undefined) continue;
    let raw: string | number | boolean | null = cellText(cell);
    if (def.type === 'number') raw = cellNumber(cell) ?? raw;
    if (def.type === 'date') {
      const d = cellDate(cell);
      raw = d === 'invalid' ? raw : d;
    }
    if (def.type === 'checkbox') {
      const b = cellBool(cell);
      raw = b === 'invalid' ? raw : b;
    }
    const r = canonicalValue(def.type, def.options, raw);
    if ('error' in r) warn(`custom:${id}`, r.error, { name: def.name, value: String(raw) });
    else if (r.value !== null) custom.set(id, r.value);
  }
  return custom;
}
