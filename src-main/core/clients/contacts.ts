import { and, eq } from 'drizzle-orm';
import { contacts, phones, emails, clients } from '../db/schema';
import { NotFoundError, ValidationError, type FieldIssue } from '../errors';
import { isoNow, type Ctx } from '../context';
import { newId } from '../ids';
import type { ContactFields } from './schemas';
import { normalizeEmails, normalizePhones } from './validate';

function prepare(f: ContactFields) {
  const issues: FieldIssue[] = [];
  if (!f.name) issues.push({ field: 'name', code: 'required' });
  const phoneRows = normalizePhones(f.phones, 'phones', issues);
  const emailRows = normalizeEmails(f.emails, 'emails', issues);
  if (issues.length) throw new ValidationError(issues);
  return { phoneRows, emailRows };
}

function writePoints(ctx: Ctx, clientId: string, contactId: string, p: ReturnType<typeof prepare>) {
  ctx.db.delete(phones).where(eq(phones.contactId, contactId)).run();
  ctx.db.delete(emails).where(eq(emails.contactId, contactId)).run();
  p.phoneRows.forEach((r, i) =>
    ctx.db.insert(phones).values({ id: newId(), clientId, contactId, raw: r.raw, digits: r.digits, label: r.label, sort: i }).run(),
  );
  p.emailRows.forEach((r, i) =>
    ctx.db
      .insert(emails)
      .values({ id: newId(), clientId, contactId, address: r.address, addressKey: r.addressKey, label: r.label, sort: i })
      .run(),
  );
}

const touchClient = (ctx: Ctx, clientId: string) =>
  ctx.db.update(clients).set({ updatedAt: isoNow(ctx) }).where(eq(clients.id, clientId)).run();

export function createContact(ctx: Ctx, clientId: string, f: ContactFields): { id: string } {
  if (!ctx.db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)).get()) {
    throw new NotFoundError('client', clientId);
  }
  const p = prepare(f);
  const id = newId();
  const now = isoNow(ctx);
  ctx.ws.sqlite.transaction(() => {
    ctx.db
      .insert(contacts)
      .values({ id, clientId, name: f.name, position: f.position, birthday: f.birthday, notes: f.notes, createdAt: now, updatedAt: now, createdBy: ctx.userId })
      .run();
    writePoints(ctx, clientId, id, p);
    touchClient(ctx, clientId);
  })();
  return { id };
}

export function updateContact(ctx: Ctx, id: string, f: ContactFields): { id: string } {
  const row = ctx.db.select().from(contacts).where(eq(contacts.id, id)).get();
  if (!row) throw new NotFoundError('contact', id);
  const p = prepare(f);
  ctx.ws.sqlite.transaction(() => {
    ctx.db
      .update(contacts)
      .set({ name: f.name, position: f.position, birthday: f.birthday, notes: f.notes, updatedAt: isoNow(ctx) })
      .where(eq(contacts.id, id))
      .run();
    writePoints(ctx, row.clientId, id, p);
    touchClient(ctx, row.clientId);
  })();
  return { id };
}

/** Contact persons are archived, never deleted: history entries may point at them. */
export function archiveContact(ctx: Ctx, id: string, archived: boolean): { id: string } {
  const row = ctx.db.select().from(contacts).where(eq(contacts.id, id)).get();
  if (!row) throw new NotFoundError('contact', id);
  ctx.db
    .update(contacts)
    .set({ archivedAt: archived ? isoNow(ctx) : null, updatedAt: isoNow(ctx) })
    .where(and(eq(contacts.id, id)))
    .run();
  return { id };
}
