import type { Ctx } from '../context';
import { isoNow } from '../context';
import { prepared } from '../db/statements';
import { logHistoryEvent } from '../history/events';
import { NotFoundError } from '../errors';
import { shiftDate } from './time';

// Birthdays are looked up by month-day through expression indexes
// (migration tasks_sql), so a week costs seven index probes at any size. Named with
// INDEXED BY: without statistics the planner preferred the (archived_at) prefix of a
// list index and read every client in use — 3 s at 200k clients against 2 ms.

/** A client's or contact person's birthday as celebrated on a date of an asked range. */
export interface BirthdayEntry {
  kind: 'client' | 'contact';
  clientId: string;
  clientName: string;
  contactId: string | null;
  name: string;
  birthday: string;
  /** The day it is celebrated on within the asked range (29 February on the 28th in common years). */
  date: string;
  age: number | null;
}

export interface Birthday extends BirthdayEntry {
  congratulated: boolean;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Month-days celebrated on a date: 29 February birthdays fall on the 28th in common years. */
export function monthDaysOn(date: string): string[] {
  const md = date.slice(5);
  return md === '02-28' && !isLeap(Number(date.slice(0, 4))) ? [md, '02-29'] : [md];
}

// One collator for every comparison: localeCompare(…, 'ru') builds one per call.
const byName = new Intl.Collator('ru');

/** Birthdays falling on local dates [from, to) (at most a few months), the first `limit` of them by date and name. */
export function birthdaysBetween(ctx: Ctx, from: string, to: string, limit = 2000): Birthday[] {
  const days = new Map<string, string>();
  for (let d = from; d < to && days.size < 400; d = shiftDate(d, 1)) {
    for (const md of monthDaysOn(d)) days.set(md, d);
  }
  if (!days.size) return [];
  const keys = [...days.keys()];
  const inList = keys.map((_, i) => `@d${i}`).join(', ');
  const params = Object.fromEntries(keys.map((k, i) => [`d${i}`, k]));
  const rows = prepared(
    ctx.ws.sqlite,
    `SELECT 'client' AS kind, c.id AS clientId, c.name AS clientName, NULL AS contactId, c.name AS name, c.birthday
       FROM clients c INDEXED BY clients_birthday_md_idx WHERE c.birthday IS NOT NULL AND c.archived_at IS NULL AND substr(c.birthday, 6, 5) IN (${inList})
     UNION ALL
     SELECT 'contact', c.id, c.name, k.id, k.name, k.birthday
       FROM contacts k INDEXED BY contacts_birthday_md_idx JOIN clients c ON c.id = k.client_id
       WHERE k.birthday IS NOT NULL AND k.archived_at IS NULL AND c.archived_at IS NULL AND substr(k.birthday, 6, 5) IN (${inList})
     LIMIT 2000`,
  ).all(params) as Omit<Birthday, 'date' | 'age' | 'congratulated'>[];
  const yearStart = `${from.slice(0, 4)}-01-01`;
  const dated = rows
    .map((r) => {
      const date = days.get(r.birthday.slice(5))!;
      const born = Number(r.birthday.slice(0, 4));
      return { ...r, date, age: born > 1900 ? Number(date.slice(0, 4)) - born : null };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byName.compare(a.name, b.name)));
  // Only the birthdays shown are looked up in the history.
  return dated.slice(0, limit).map((r) => ({ ...r, congratulated: wasCongratulated(ctx, r.clientId, r.name, yearStart) }));
}

function wasCongratulated(ctx: Ctx, clientId: string, name: string, since: string): boolean {
  // Prepared once: a busy week has a couple of thousand birthdays to look up.
  return !!prepared(
    ctx.ws.sqlite,
    `SELECT 1 FROM history WHERE client_id = ? AND occurred_at >= ? AND event = 'congratulated' AND json_extract(event_data, '$.name') = ? LIMIT 1`,
  ).get(clientId, since, name);
}

/** The one-click "congratulated" entry in the client's history. */
export function logCongratulated(ctx: Ctx, clientId: string, contactId: string | null, name: string) {
  const now = isoNow(ctx);
  if (!ctx.ws.sqlite.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId)) throw new NotFoundError('client', clientId);
  if (contactId && !ctx.ws.sqlite.prepare('SELECT 1 FROM contacts WHERE id = ? AND client_id = ?').get(contactId, clientId)) {
    throw new NotFoundError('contact', contactId);
  }
  return { id: logHistoryEvent(ctx, { clientId, contactId, at: now }, { type: 'congratulated', name }) };
}
