import type { Ctx } from '../context';
import { newId } from '../ids';
import { prepared } from '../db/statements';
import type { HistoryEventType } from '../db/schema/enums';

/** The details each system event keeps, stored as JSON in `history.event_data`. */
interface EventDetails {
  deal_created: { title: string };
  deal_won: { title: string };
  deal_lost: { title: string };
  deal_reopened: { title: string };
  /** An open task of the deal cancelled when the deal was closed: the task's title. */
  deal_task_cancelled: { title: string };
  archived: object;
  restored: object;
  /** The client that was merged into this one. */
  merged: { name: string };
  /** The client this one was merged into. */
  merged_into: { name: string };
  /** The person (the client or one of its contact persons) congratulated. */
  congratulated: { name: string };
  /** A promise to pay: title = the promised date (yyyy-mm-dd), the amount in kopecks as text. */
  promise_taken: { title: string; amountKopecks: string };
  promise_kept: { title: string; amountKopecks: string };
  promise_broken: { title: string; amountKopecks: string };
  /** A collection letter / claim sent: title = the documents' numbers, the debt they carry in kopecks. */
  collection_letter: { title: string; amountKopecks: string };
  collection_claim: { title: string; amountKopecks: string };
}

/**
 * A system entry of the history timeline: what happened, with its details. The core
 * stores no wording; the renderer words it in the reader's language.
 */
export type HistoryEvent = { [K in HistoryEventType]: { type: K } & EventDetails[K] }[HistoryEventType];

/** The event of a stored row (event, event_data), or null for an entry a user logged. */
export function eventOf(type: HistoryEventType | null, data: Record<string, string> | null): HistoryEvent | null {
  return type ? ({ ...data, type } as HistoryEvent) : null;
}

export interface EventPlace {
  clientId: string;
  /** Also shown on this deal's timeline. */
  dealId?: string | null;
  contactId?: string | null;
  /** ISO instant; the entry's created_at too. */
  at: string;
}

/**
 * Appends a system entry. A prepared statement: imports and bulk archiving write one
 * per record.
 */
export function logHistoryEvent(ctx: Ctx, place: EventPlace, event: HistoryEvent): string {
  const id = newId();
  const { type, ...details } = event;
  prepared(
    ctx.ws.sqlite,
    `INSERT INTO history (id, client_id, deal_id, contact_id, kind, occurred_at, text, event, event_data, author_id, created_at, updated_at, created_by)
     VALUES (@id, @clientId, @dealId, @contactId, 'system', @at, '', @event, @eventData, @userId, @at, @at, @userId)`,
  ).run({
    id,
    clientId: place.clientId,
    dealId: place.dealId ?? null,
    contactId: place.contactId ?? null,
    at: place.at,
    event: type,
    eventData: Object.keys(details).length ? JSON.stringify(details) : null,
    userId: ctx.userId,
  });
  return id;
}
