import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Ctx } from '../context';
import { isoNow } from '../context';
import { newId } from '../ids';
import { AppError } from '../errors';
import { headerKey } from './cells';
import { importMappings } from '../db/schema';
import { layoutSignature, type ColumnMapping } from './header';

// Mappings are stored by header name (folded), not by column position, so a preset
// fits any file whose columns carry the same names in another order.

type ByHeader = Record<string, string | null>;

export function toByHeader(headers: string[], mapping: ColumnMapping): ByHeader {
  const out: ByHeader = {};
  headers.forEach((h, i) => {
    const k = headerKey(h);
    if (k && !(k in out)) out[k] = mapping[i] ?? null;
  });
  return out;
}

export function fromByHeader(headers: string[], byHeader: ByHeader, validKeys: Set<string>): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((h, i) => {
    const v = byHeader[headerKey(h)];
    mapping[i] = v && validKeys.has(v) ? v : null;
  });
  return mapping;
}

export function rememberedMapping(ctx: Ctx, entity: string, headers: string[]): ByHeader | null {
  const row = ctx.db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.entity, entity), eq(importMappings.layout, layoutSignature(headers))))
    .get();
  return row ? (JSON.parse(row.mapping) as ByHeader) : null;
}

export function rememberMapping(ctx: Ctx, entity: string, headers: string[], mapping: ColumnMapping): void {
  const layout = layoutSignature(headers);
  const value = JSON.stringify(toByHeader(headers, mapping));
  ctx.db
    .insert(importMappings)
    .values({ id: newId(), entity, name: null, layout, mapping: value, updatedAt: isoNow(ctx) })
    .onConflictDoUpdate({ target: [importMappings.entity, importMappings.layout], set: { mapping: value, updatedAt: isoNow(ctx) } })
    .run();
}

export function listPresets(ctx: Ctx, entity: string): { id: string; name: string; mapping: ByHeader }[] {
  return ctx.db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.entity, entity), isNotNull(importMappings.name)))
    .orderBy(asc(importMappings.name))
    .all()
    .map((r) => ({ id: r.id, name: r.name!, mapping: JSON.parse(r.mapping) as ByHeader }));
}

export function savePreset(ctx: Ctx, entity: string, name: string, headers: string[], mapping: ColumnMapping): { id: string } {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError('validation', 'Preset name required', {}, [{ field: 'name', code: 'required' }]);
  const value = JSON.stringify(toByHeader(headers, mapping));
  const existing = ctx.db.select().from(importMappings).where(and(eq(importMappings.entity, entity), eq(importMappings.name, trimmed))).get();
  if (existing) {
    ctx.db.update(importMappings).set({ mapping: value, updatedAt: isoNow(ctx) }).where(eq(importMappings.id, existing.id)).run();
    return { id: existing.id };
  }
  const id = newId();
  ctx.db.insert(importMappings).values({ id, entity, name: trimmed, layout: null, mapping: value, updatedAt: isoNow(ctx) }).run();
  return { id };
}

export function deletePreset(ctx: Ctx, id: string): void {
  ctx.db.delete(importMappings).where(and(eq(importMappings.id, id), isNotNull(importMappings.name))).run();
}
