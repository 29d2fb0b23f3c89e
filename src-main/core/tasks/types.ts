import { asc, eq, isNull } from 'drizzle-orm';
import { isoNow, type Ctx } from '../context';
import { newId } from '../ids';
import { NotFoundError } from '../errors';
import { taskTypes } from '../db/schema';

// Built-in types (call, meeting, e-mail, showing, document, other) come with the
// migration; an office adds its own, renames, recolours or archives any of them.
// Archived types stay on the tasks that use them but are not offered for new ones.

/** The names the migration gave the built-in types; while unchanged, the UI shows them translated. */
export const BUILTIN_NAMES: Record<string, string> = {
  call: 'Звонок',
  meeting: 'Встреча',
  email: 'Письмо',
  showing: 'Показ',
  document: 'Документы',
  other: 'Другое',
};

export function listTaskTypes(ctx: Ctx, includeArchived: boolean) {
  const rows = ctx.db
    .select({ id: taskTypes.id, code: taskTypes.code, name: taskTypes.name, color: taskTypes.color, sort: taskTypes.sort, archivedAt: taskTypes.archivedAt })
    .from(taskTypes)
    .where(includeArchived ? undefined : isNull(taskTypes.archivedAt))
    .orderBy(asc(taskTypes.sort), asc(taskTypes.name))
    .all();
  return rows.map((r) => ({ ...r, builtin: r.code !== null && BUILTIN_NAMES[r.code] === r.name }));
}

export function createTaskType(ctx: Ctx, input: { name: string; color: string }) {
  const id = newId();
  const now = isoNow(ctx);
  const last = ctx.db.select({ sort: taskTypes.sort }).from(taskTypes).orderBy(asc(taskTypes.sort)).all().at(-1)?.sort ?? 0;
  ctx.db.insert(taskTypes).values({ id, name: input.name, color: input.color, sort: last + 1, createdAt: now, updatedAt: now, createdBy: ctx.userId }).run();
  return { id };
}

/** A renamed built-in type keeps its code (a call still lands in history as a call) and shows the user's name. */
export function updateTaskType(ctx: Ctx, id: string, input: { name?: string; color?: string; archived?: boolean }) {
  const cur = ctx.db.select().from(taskTypes).where(eq(taskTypes.id, id)).get();
  if (!cur) throw new NotFoundError('task_type', id);
  const now = isoNow(ctx);
  ctx.db
    .update(taskTypes)
    .set({
      ...(input.name !== undefined && input.name !== cur.name ? { name: input.name } : {}),
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(input.archived !== undefined ? { archivedAt: input.archived ? now : null } : {}),
      updatedAt: now,
    })
    .where(eq(taskTypes.id, id))
    .run();
  return { id };
}
