import { and, asc, eq, isNull } from 'drizzle-orm';
import { customFields } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { isoNow, type Ctx } from '../context';
import { newId } from '../ids';
import type { CustomFieldType } from './values';

export interface CustomFieldInput {
  entity: 'client' | 'deal';
  name: string;
  type: CustomFieldType;
  options: string[];
}

function check(input: Pick<CustomFieldInput, 'type' | 'options' | 'name'>) {
  if (!input.name.trim()) throw new ValidationError([{ field: 'name', code: 'required' }]);
  if (input.type === 'select' && input.options.filter((o) => o.trim()).length === 0) {
    throw new ValidationError([{ field: 'options', code: 'custom.options_required' }]);
  }
}

export function listCustomFields(ctx: Ctx, entity: 'client' | 'deal') {
  return ctx.db
    .select()
    .from(customFields)
    .where(and(eq(customFields.entity, entity), isNull(customFields.archivedAt)))
    .orderBy(asc(customFields.sort), asc(customFields.createdAt))
    .all()
    .map((f) => ({ id: f.id, entity: f.entity, name: f.name, type: f.type, options: JSON.parse(f.options) as string[], sort: f.sort }));
}

export function createCustomField(ctx: Ctx, input: CustomFieldInput) {
  check(input);
  const id = newId();
  const now = isoNow(ctx);
  const sort = listCustomFields(ctx, input.entity).length;
  ctx.db
    .insert(customFields)
    .values({
      id,
      entity: input.entity,
      name: input.name.trim(),
      type: input.type,
      options: JSON.stringify(input.options.map((o) => o.trim()).filter(Boolean)),
      sort,
      createdAt: now,
      updatedAt: now,
      createdBy: ctx.userId,
    })
    .run();
  return { id };
}

/** The type of a field is fixed once created: stored values depend on it. */
export function updateCustomField(ctx: Ctx, id: string, input: { name: string; options: string[] }) {
  const row = ctx.db.select().from(customFields).where(eq(customFields.id, id)).get();
  if (!row) throw new NotFoundError('custom_field', id);
  check({ type: row.type, name: input.name, options: input.options });
  ctx.db
    .update(customFields)
    .set({ name: input.name.trim(), options: JSON.stringify(input.options.map((o) => o.trim()).filter(Boolean)), updatedAt: isoNow(ctx) })
    .where(eq(customFields.id, id))
    .run();
  return { id };
}

/** Archived fields disappear from cards and filters; their values are kept. */
export function archiveCustomField(ctx: Ctx, id: string) {
  const r = ctx.db.update(customFields).set({ archivedAt: isoNow(ctx) }).where(eq(customFields.id, id)).run();
  if (r.changes === 0) throw new NotFoundError('custom_field', id);
  return { id };
}
