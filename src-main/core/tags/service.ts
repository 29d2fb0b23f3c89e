import { asc, eq, sql } from 'drizzle-orm';
import { tags, clientTags } from '../db/schema';
import { AppError, NotFoundError } from '../errors';
import { isoNow, type Ctx } from '../context';
import { newId } from '../ids';

export function listTags(ctx: Ctx) {
  return ctx.db
    .select({
      id: tags.id,
      name: tags.name,
      color: tags.color,
      // Links of live clients = all links of the tag (read from its index) minus those of
      // archived clients (few, found by the archived_at index). Joining every link to
      // its client instead took over a second at 200,000 clients and held up the
      // client list's filter choices. `> ''` (not IS NOT NULL) lets the planner range
      // over the archived_at index without statistics.
      clients: sql<number>`((SELECT count(*) FROM client_tags ct WHERE ct.tag_id = "tags"."id")
        - (SELECT count(*) FROM clients c CROSS JOIN client_tags ct WHERE c.archived_at > '' AND ct.client_id = c.id AND ct.tag_id = "tags"."id"))`,
    })
    .from(tags)
    .orderBy(asc(tags.name))
    .all();
}

function assertUniqueName(ctx: Ctx, name: string, exceptId?: string) {
  const other = ctx.db.select({ id: tags.id }).from(tags).where(eq(tags.name, name)).get();
  if (other && other.id !== exceptId) throw new AppError('tag.exists', `Tag "${name}" already exists`, { name });
}

export function createTag(ctx: Ctx, name: string, color: string): { id: string } {
  assertUniqueName(ctx, name);
  const id = newId();
  const now = isoNow(ctx);
  ctx.db.insert(tags).values({ id, name, color, createdAt: now, updatedAt: now, createdBy: ctx.userId }).run();
  return { id };
}

export function updateTag(ctx: Ctx, id: string, name: string, color: string): { id: string } {
  assertUniqueName(ctx, name, id);
  const r = ctx.db.update(tags).set({ name, color, updatedAt: isoNow(ctx) }).where(eq(tags.id, id)).run();
  if (r.changes === 0) throw new NotFoundError('tag', id);
  return { id };
}

/** Removing a tag only unlinks it from clients; the UI confirms with the count first. */
export function deleteTag(ctx: Ctx, id: string): { id: string } {
  ctx.ws.sqlite.transaction(() => {
    ctx.db.delete(clientTags).where(eq(clientTags.tagId, id)).run();
    ctx.db.delete(tags).where(eq(tags.id, id)).run();
  })();
  return { id };
}
