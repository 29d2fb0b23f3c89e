import { and, eq, isNull } from 'drizzle-orm';
import { clients, contacts, users, taskTypes, deals } from '../db/schema';
import { ValidationError, type FieldIssue } from '../errors';
import type { Ctx } from '../context';
import { isDateOnly, toIso } from './time';

export interface When {
  allDay: boolean;
  startsAt: string;
  dueAt: string | null;
  durationMin: number | null;
}

/** One shape per kind of task: all-day ones carry dates, timed ones UTC instants. */
export function normalizeWhen(w: When): When {
  const issues: FieldIssue[] = [];
  const check = (field: 'startsAt' | 'dueAt', v: string | null) => {
    if (v === null) return null;
    if (w.allDay !== isDateOnly(v)) issues.push({ field, code: w.allDay ? 'tasks.date_expected' : 'tasks.time_expected' });
    return w.allDay ? v : toIso(v);
  };
  const startsAt = check('startsAt', w.startsAt)!;
  const dueAt = check('dueAt', w.dueAt);
  if (!issues.length && dueAt !== null && dueAt < startsAt) issues.push({ field: 'dueAt', code: 'tasks.due_before_start' });
  if (issues.length) throw new ValidationError(issues);
  return { allDay: w.allDay, startsAt, dueAt, durationMin: w.allDay ? null : w.durationMin };
}

export interface Links {
  typeId: string;
  assigneeId: string | null;
  clientId: string | null;
  contactId: string | null;
  dealId: string | null;
}

/**
 * Every link must point at something that exists; a contact person, or else a deal,
 * brings their client along when none was chosen, and a deal must be the task's
 * client's. Links an edit leaves as they were are not judged again (`current`): a
 * task may stay on a deal that has since been archived.
 */
export function checkLinks(ctx: Ctx, l: Links, opts: { newType: boolean; current?: Pick<Links, 'clientId' | 'dealId'> }): Links {
  const issues: FieldIssue[] = [];
  const type = ctx.db.select({ archivedAt: taskTypes.archivedAt }).from(taskTypes).where(eq(taskTypes.id, l.typeId)).get();
  if (!type || (opts.newType && type.archivedAt)) issues.push({ field: 'typeId', code: 'reference.missing' });
  if (l.assigneeId && !ctx.db.select({ id: users.id }).from(users).where(eq(users.id, l.assigneeId)).get()) {
    issues.push({ field: 'assigneeId', code: 'reference.missing' });
  }
  let clientId = l.clientId;
  if (clientId && !ctx.db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)).get()) {
    issues.push({ field: 'clientId', code: 'reference.missing' });
  }
  if (l.contactId) {
    const c = ctx.db
      .select({ clientId: contacts.clientId })
      .from(contacts)
      .where(and(eq(contacts.id, l.contactId), isNull(contacts.archivedAt)))
      .get();
    if (!c || (clientId && c.clientId !== clientId)) issues.push({ field: 'contactId', code: 'reference.missing' });
    else clientId = c.clientId;
  }
  if (l.dealId) {
    const deal = ctx.db.select({ clientId: deals.clientId, archivedAt: deals.archivedAt }).from(deals).where(eq(deals.id, l.dealId)).get();
    const kept = opts.current?.dealId === l.dealId;
    if (!deal) issues.push({ field: 'dealId', code: 'reference.missing' });
    else if (!(kept && opts.current?.clientId === clientId)) {
      if (deal.archivedAt && !kept) issues.push({ field: 'dealId', code: 'tasks.deal_archived' });
      else if (clientId && deal.clientId !== clientId) issues.push({ field: 'dealId', code: 'tasks.deal_other_client' });
      else clientId = deal.clientId;
    }
  }
  if (issues.length) throw new ValidationError(issues);
  return { ...l, clientId };
}
