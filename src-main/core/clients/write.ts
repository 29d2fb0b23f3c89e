import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { clients, phones, emails, clientTags, clientCustomValues, tags, users } from '../db/schema';
import { ValidationError, NotFoundError, type FieldIssue } from '../errors';
import { newId } from '../ids';
import { isoNow, type Ctx } from '../context';
import { sortKey } from '../text/fold';
import { restoreInn } from '../validation/requisites';
import { validateCustomValues } from '../custom-fields/values';
import { clientFields, type ClientFields, type ClientPatch } from './schemas';
import { displayName, normalizeEmails, normalizePhones, requisiteIssues } from './validate';
import { readClientFields } from './read';
import { logHistoryEvent } from '../history/events';
import { requireClientVisible } from '../access/visibility';

type ClientRow = typeof clients.$inferInsert;

export function columnsOf(f: ClientFields): Omit<ClientRow, 'seq' | 'id' | 'createdAt' | 'updatedAt' | 'createdBy'> {
  const name = displayName(f);
  return {
    kind: f.kind,
    name,
    nameKey: sortKey(name),
    fullName: f.fullName,
    lastName: f.lastName,
    firstName: f.firstName,
    middleName: f.middleName,
    relation: f.relation,
    status: f.status,
    source: f.source,
    region: f.region,
    industry: f.industry,
    responsibleId: f.responsibleId,
    inn: f.inn ? restoreInn(f.inn) : null,
    kpp: f.kpp ? f.kpp.toUpperCase() : null,
    ogrn: f.ogrn,
    legalAddress: f.legalAddress,
    actualAddress: f.actualAddress,
    bankName: f.bankName,
    bankBik: f.bankBik,
    bankAccount: f.bankAccount,
    bankCorrAccount: f.bankCorrAccount,
    birthday: f.birthday,
    website: f.website,
    notes: f.notes,
  };
}

function checkReferences(ctx: Ctx, f: ClientFields, issues: FieldIssue[]): void {
  if (f.responsibleId && !ctx.db.select({ id: users.id }).from(users).where(eq(users.id, f.responsibleId)).get()) {
    issues.push({ field: 'responsibleId', code: 'reference.missing' });
  }
  if (f.tagIds.length > 0) {
    const found = ctx.db.select({ id: tags.id }).from(tags).where(inArray(tags.id, f.tagIds)).all();
    if (found.length !== new Set(f.tagIds).size) issues.push({ field: 'tagIds', code: 'reference.missing' });
  }
}

interface Prepared {
  f: ClientFields;
  phoneRows: ReturnType<typeof normalizePhones>;
  emailRows: ReturnType<typeof normalizeEmails>;
  custom: Map<string, string | null>;
}

// Fields whose validity depends on another one: editing the key re-checks them.
const DEPENDENTS: Record<string, string[]> = {
  kind: ['inn', 'kpp', 'ogrn', 'name', 'lastName'],
  bankBik: ['bankAccount', 'bankCorrAccount'],
  name: ['lastName'],
  lastName: ['name'],
  firstName: ['name', 'lastName'],
  middleName: ['name', 'lastName'],
};

/**
 * Validates a record. `touched` (on update) limits the reported problems to the
 * fields being edited and those depending on them: a value that was valid when
 * stored (a custom field since archived, a select option since removed) must not
 * lock the whole card against an unrelated edit.
 */
function prepare(ctx: Ctx, f: ClientFields, customInput: ClientFields['custom'], touched?: Set<string>): Prepared {
  const all = requisiteIssues(f);
  const phoneRows = normalizePhones(f.phones, 'phones', all);
  const emailRows = normalizeEmails(f.emails, 'emails', all);
  const custom = validateCustomValues(ctx.db, 'client', customInput, all);
  checkReferences(ctx, f, all);
  let issues = all;
  if (touched) {
    const scope = new Set([...touched, ...[...touched].flatMap((k) => DEPENDENTS[k] ?? [])]);
    issues = all.filter((i) => scope.has(i.field.split('.')[0]!));
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { f, phoneRows, emailRows, custom };
}

function replacePhones(ctx: Ctx, clientId: string, p: Prepared): void {
  ctx.db.delete(phones).where(and(eq(phones.clientId, clientId), isNull(phones.contactId))).run();
  p.phoneRows.forEach((r, i) =>
    ctx.db.insert(phones).values({ id: newId(), clientId, raw: r.raw, digits: r.digits, label: r.label, sort: i }).run(),
  );
}

function replaceEmails(ctx: Ctx, clientId: string, p: Prepared): void {
  ctx.db.delete(emails).where(and(eq(emails.clientId, clientId), isNull(emails.contactId))).run();
  p.emailRows.forEach((r, i) =>
    ctx.db
      .insert(emails)
      .values({ id: newId(), clientId, address: r.address, addressKey: r.addressKey, label: r.label, sort: i })
      .run(),
  );
}

function replaceTags(ctx: Ctx, clientId: string, tagIds: string[]): void {
  ctx.db.delete(clientTags).where(eq(clientTags.clientId, clientId)).run();
  for (const tagId of new Set(tagIds)) ctx.db.insert(clientTags).values({ clientId, tagId }).run();
}

function writeCustom(ctx: Ctx, clientId: string, values: Map<string, string | null>): void {
  for (const [fieldId, value] of values) {
    const where = and(eq(clientCustomValues.clientId, clientId), eq(clientCustomValues.fieldId, fieldId));
    ctx.db.delete(clientCustomValues).where(where).run();
    if (value !== null) ctx.db.insert(clientCustomValues).values({ clientId, fieldId, value }).run();
  }
}

export function createClient(ctx: Ctx, input: ClientFields): { id: string } {
  const p = prepare(ctx, input, input.custom);
  const id = newId();
  const now = isoNow(ctx);
  ctx.ws.sqlite.transaction(() => {
    ctx.db
      .insert(clients)
      .values({ id, ...columnsOf(p.f), createdAt: now, updatedAt: now, createdBy: ctx.userId })
      .run();
    replacePhones(ctx, id, p);
    replaceEmails(ctx, id, p);
    replaceTags(ctx, id, p.f.tagIds);
    writeCustom(ctx, id, p.custom);
  })();
  return { id };
}

/** Inline edits send only the changed fields; they are checked against the merged record. */
export function updateClient(ctx: Ctx, id: string, patch: ClientPatch): { id: string } {
  const current = readClientFields(ctx, id);
  if (!current) throw new NotFoundError('client', id);
  requireClientVisible(ctx, id);
  const given = stripUndefined(patch);
  const merged = clientFields.parse({ ...current, ...given });
  const p = prepare(ctx, merged, given.custom ?? {}, new Set(Object.keys(given)));
  ctx.ws.sqlite.transaction(() => {
    ctx.db
      .update(clients)
      .set({ ...columnsOf(p.f), updatedAt: isoNow(ctx) })
      .where(eq(clients.id, id))
      .run();
    if (patch.phones !== undefined) replacePhones(ctx, id, p);
    if (patch.emails !== undefined) replaceEmails(ctx, id, p);
    if (patch.tagIds !== undefined) replaceTags(ctx, id, p.f.tagIds);
    if (patch.custom !== undefined) writeCustom(ctx, id, p.custom);
  })();
  return { id };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function setArchived(ctx: Ctx, ids: string[], archived: boolean): { count: number } {
  for (const id of ids) requireClientVisible(ctx, id);
  const now = isoNow(ctx);
  let count = 0;
  ctx.ws.sqlite.transaction(() => {
    for (const chunk of chunks(ids, 500)) {
      // Only clients whose state changes: ids from a stale selection may be gone, and
      // archiving an archived client must not move its date or repeat the history entry.
      const changing = ctx.db
        .select({ id: clients.id })
        .from(clients)
        // A merged card stays archived: its phones, contacts and history live on the
        // kept card, so restoring it would bring back an empty duplicate.
        .where(
          and(
            inArray(clients.id, chunk),
            archived ? isNull(clients.archivedAt) : and(isNotNull(clients.archivedAt), isNull(clients.mergedIntoId)),
          ),
        )
        .all()
        .map((r) => r.id);
      if (changing.length === 0) continue;
      count += ctx.db
        .update(clients)
        .set({ archivedAt: archived ? now : null, updatedAt: now })
        .where(inArray(clients.id, changing))
        .run().changes;
      for (const clientId of changing) logHistoryEvent(ctx, { clientId, at: now }, { type: archived ? 'archived' : 'restored' });
    }
  })();
  return { count };
}

export function* chunks<T>(list: T[], size: number): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}
