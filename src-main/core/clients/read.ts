import { and, asc, eq, isNotNull, isNull, inArray } from 'drizzle-orm';
import { clients, phones, emails, clientTags, clientCustomValues, contacts, tags, users } from '../db/schema';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { formatPhone, normalizePhone } from '../validation/contact-points';
import type { ClientFields } from './schemas';
import { personName } from './validate';
import { requireClientVisible } from '../access/visibility';

type ClientRow = typeof clients.$inferSelect;

/** The editable fields of a client, in the shape create/update accept. */
export function readClientFields(ctx: Ctx, id: string): ClientFields | null {
  const c = ctx.db.select().from(clients).where(eq(clients.id, id)).get();
  if (!c) return null;
  const ph = ctx.db
    .select()
    .from(phones)
    .where(and(eq(phones.clientId, id), isNull(phones.contactId)))
    .orderBy(asc(phones.sort))
    .all();
  const em = ctx.db
    .select()
    .from(emails)
    .where(and(eq(emails.clientId, id), isNull(emails.contactId)))
    .orderBy(asc(emails.sort))
    .all();
  return fieldsOf(ctx, c, ph, em);
}

/** `ownPhones`/`ownEmails`: the client's own points (not its contact persons'), in order. */
function fieldsOf(
  ctx: Ctx,
  c: ClientRow,
  ownPhones: { raw: string; label: string | null }[],
  ownEmails: { address: string; label: string | null }[],
): ClientFields {
  const tg = ctx.db.select({ tagId: clientTags.tagId }).from(clientTags).where(eq(clientTags.clientId, c.id)).all();
  const cv = ctx.db.select().from(clientCustomValues).where(eq(clientCustomValues.clientId, c.id)).all();
  return {
    kind: c.kind,
    // A person's name is derived from the name parts unless one was typed.
    name: c.kind === 'organization' || c.name !== personName(c.lastName, c.firstName, c.middleName) ? c.name : null,
    fullName: c.fullName,
    lastName: c.lastName,
    firstName: c.firstName,
    middleName: c.middleName,
    relation: c.relation,
    status: c.status,
    source: c.source,
    region: c.region,
    industry: c.industry,
    responsibleId: c.responsibleId,
    inn: c.inn,
    kpp: c.kpp,
    ogrn: c.ogrn,
    legalAddress: c.legalAddress,
    actualAddress: c.actualAddress,
    bankName: c.bankName,
    bankBik: c.bankBik,
    bankAccount: c.bankAccount,
    bankCorrAccount: c.bankCorrAccount,
    birthday: c.birthday,
    website: c.website,
    notes: c.notes,
    phones: ownPhones.map((p) => ({ raw: p.raw, label: p.label })),
    emails: ownEmails.map((e) => ({ address: e.address, label: e.label })),
    tagIds: tg.map((t) => t.tagId),
    custom: Object.fromEntries(cv.map((v) => [v.fieldId, v.value])),
  };
}

function phonesOf(ctx: Ctx, clientId: string) {
  return ctx.db
    .select()
    .from(phones)
    .where(eq(phones.clientId, clientId))
    .orderBy(asc(phones.sort))
    .all()
    .map((p) => ({
      contactId: p.contactId,
      raw: p.raw,
      digits: p.digits,
      display: formatPhone(p.digits),
      // Extension typed after the number ("доб. 12"), shown next to it.
      extension: normalizePhone(p.raw)?.extension ?? null,
      label: p.label,
    }));
}

/** Everything the client card shows except the history timeline (paged separately). */
export function getClientCard(ctx: Ctx, id: string) {
  const c = ctx.db.select().from(clients).where(eq(clients.id, id)).get();
  if (!c) throw new NotFoundError('client', id);
  requireClientVisible(ctx, id);
  const allPhones = phonesOf(ctx, id);
  const allEmails = ctx.db.select().from(emails).where(eq(emails.clientId, id)).orderBy(asc(emails.sort)).all();
  const fields = fieldsOf(
    ctx,
    c,
    allPhones.filter((p) => !p.contactId),
    allEmails.filter((e) => !e.contactId),
  );
  const contactRows = ctx.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.clientId, id), isNull(contacts.archivedAt)))
    .orderBy(asc(contacts.createdAt))
    .all();
  // Removed contact persons stay in the file (history may name them) and can be brought back.
  const archivedContacts = ctx.db
    .select({ id: contacts.id, name: contacts.name, position: contacts.position })
    .from(contacts)
    .where(and(eq(contacts.clientId, id), isNotNull(contacts.archivedAt)))
    .orderBy(asc(contacts.name))
    .all();
  const tagRows = fields.tagIds.length
    ? ctx.db.select().from(tags).where(inArray(tags.id, fields.tagIds)).orderBy(asc(tags.name)).all()
    : [];
  const responsible = c.responsibleId
    ? ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, c.responsibleId)).get()
    : undefined;
  const mergedInto = c.mergedIntoId
    ? ctx.db.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.id, c.mergedIntoId)).get()
    : undefined;
  return {
    id: c.id,
    name: c.name,
    fields,
    phones: allPhones.filter((p) => !p.contactId),
    emails: allEmails.filter((e) => !e.contactId).map((e) => ({ address: e.address, label: e.label })),
    contacts: contactRows.map((k) => ({
      id: k.id,
      name: k.name,
      position: k.position,
      birthday: k.birthday,
      notes: k.notes,
      phones: allPhones.filter((p) => p.contactId === k.id),
      emails: allEmails.filter((e) => e.contactId === k.id).map((e) => ({ address: e.address, label: e.label })),
    })),
    archivedContacts,
    tags: tagRows.map((t) => ({ id: t.id, name: t.name, color: t.color })),
    responsible: responsible ?? null,
    archivedAt: c.archivedAt,
    mergedInto: mergedInto ?? null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
