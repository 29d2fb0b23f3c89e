import { z } from 'zod';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { history, users, contacts, clients, deals } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { isoNow, type Ctx } from '../context';
import { newId } from '../ids';
import { eventOf } from './events';
import { CALL_DIRECTIONS, LOGGED_HISTORY_KINDS } from '../db/schema/enums';
import { id, instant, optionalId, requiredText } from '../validation/rules';

export const historyInput = z.object({
  clientId: id,
  contactId: optionalId,
  // Logged on a deal: shown on the deal card and on the client card.
  dealId: optionalId,
  kind: z.enum(LOGGED_HISTORY_KINDS),
  direction: z.enum(CALL_DIRECTIONS).nullish().transform((v) => v ?? null),
  occurredAt: instant,
  durationMin: z.number().int().min(0).max(24 * 60).nullish().transform((v) => v ?? null),
  text: requiredText(20000),
});

export function addHistory(ctx: Ctx, input: z.output<typeof historyInput>): { id: string } {
  if (!ctx.db.select({ id: clients.id }).from(clients).where(eq(clients.id, input.clientId)).get()) {
    throw new NotFoundError('client', input.clientId);
  }
  if (input.contactId) {
    const contact = ctx.db.select({ clientId: contacts.clientId }).from(contacts).where(eq(contacts.id, input.contactId)).get();
    if (contact?.clientId !== input.clientId) throw new ValidationError([{ field: 'contactId', code: 'reference.missing' }]);
  }
  if (input.dealId) {
    const deal = ctx.db.select({ clientId: deals.clientId }).from(deals).where(eq(deals.id, input.dealId)).get();
    if (deal?.clientId !== input.clientId) throw new ValidationError([{ field: 'dealId', code: 'reference.missing' }]);
  }
  const id = newId();
  const now = isoNow(ctx);
  ctx.db
    .insert(history)
    .values({
      id,
      ...input,
      occurredAt: new Date(input.occurredAt).toISOString(),
      authorId: ctx.userId,
      createdAt: now,
      updatedAt: now,
      createdBy: ctx.userId,
    })
    .run();
  return { id };
}

export type HistoryCursor = { occurredAt: string; id: string } | null;

/**
 * A page of a timeline, newest first, paged by an (occurredAt, id) cursor so long
 * histories load in slices: a client's (entries of its deals included) or one deal's.
 */
export function historyPage(ctx: Ctx, of: { clientId: string } | { dealId: string }, before: HistoryCursor, limit: number) {
  const cursor = before
    ? or(lt(history.occurredAt, before.occurredAt), and(eq(history.occurredAt, before.occurredAt), lt(history.id, before.id)))
    : undefined;
  const owner = 'clientId' in of ? eq(history.clientId, of.clientId) : eq(history.dealId, of.dealId);
  return ctx.db
    .select({
      id: history.id,
      kind: history.kind,
      direction: history.direction,
      occurredAt: history.occurredAt,
      durationMin: history.durationMin,
      text: history.text,
      event: history.event,
      eventData: history.eventData,
      author: users.name,
      contactName: contacts.name,
      dealId: history.dealId,
      dealTitle: deals.title,
    })
    .from(history)
    .leftJoin(users, eq(users.id, history.authorId))
    .leftJoin(contacts, eq(contacts.id, history.contactId))
    .leftJoin(deals, eq(deals.id, history.dealId))
    .where(and(owner, cursor))
    .orderBy(desc(history.occurredAt), desc(history.id))
    .limit(limit)
    .all()
    .map(({ event, eventData, ...row }) => ({ ...row, event: eventOf(event, eventData) }));
}

export const listHistory = (ctx: Ctx, clientId: string, before: HistoryCursor, limit: number) => historyPage(ctx, { clientId }, before, limit);
