import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { normalizePhone, formatPhone } from '../validation/contact-points';
import { onCurrentCard } from './contact-scope';
import type { Client, Contact, Phone } from '../db/schema';
import { maySeeClient, seesOwnOnly } from '../access/visibility';

/** A phone that matched: whose it is. */
type PhoneOwner = { client_id: Phone['clientId']; contact_id: Phone['contactId'] };

export interface LookupHit {
  clientId: string;
  clientName: string;
  inn: string | null;
  archived: boolean;
  contact: { id: string; name: string; position: string | null } | null;
  phones: string[];
}

// Phones of contact persons removed from a card (archived) no longer identify a caller.
/**
 * Caller lookup for an incoming call: exact normalised digits first; when nothing
 * matches, numbers ending with the same ten digits (a number stored without its
 * country code, or with another one).
 */
export function lookupPhone(ctx: Ctx, phone: string): LookupHit[] {
  const n = normalizePhone(phone);
  if (!n) return [];
  const sqlite = ctx.ws.sqlite;
  let rows = prepared<PhoneOwner>(
    sqlite,
    `SELECT DISTINCT p.client_id, p.contact_id FROM phones p
     WHERE p.digits = ? AND ${onCurrentCard('p')}
     LIMIT 50`,
  ).all(n.digits);
  if (rows.length === 0 && n.digits.length >= 10) {
    rows = prepared<PhoneOwner>(
      sqlite,
      `SELECT DISTINCT p.client_id, p.contact_id FROM phone_fts JOIN phones p ON p.seq = phone_fts.rowid
       WHERE phone_fts MATCH ? AND substr(p.digits, -10) = ?
         AND ${onCurrentCard('p')} LIMIT 50`,
    ).all(`"${n.digits.slice(-10)}"`, n.digits.slice(-10));
  }
  // A caller whose client the user may not see is not found for them.
  if (seesOwnOnly(ctx)) rows = rows.filter((r) => maySeeClient(ctx, r.client_id));
  return rows.map((r) => {
    // The phone's client exists (a foreign key with ON DELETE CASCADE).
    const c = prepared<Pick<Client, 'id' | 'name' | 'inn'> & { archived_at: Client['archivedAt'] }>(
      sqlite,
      'SELECT id, name, inn, archived_at FROM clients WHERE id = ?',
    ).get(r.client_id)!;
    const contact = r.contact_id
      ? (prepared<Pick<Contact, 'id' | 'name' | 'position'>>(sqlite, 'SELECT id, name, position FROM contacts WHERE id = ?').get(r.contact_id) ?? null)
      : null;
    // `+contact_id` keeps SQLite on phones_client_idx; phones_contact_idx would scan
    // every client-level phone (contact_id IS NULL) in the workspace.
    const phones = prepared<Pick<Phone, 'digits'>>(sqlite, 'SELECT digits FROM phones WHERE client_id = ? AND +contact_id IS ? ORDER BY sort')
      .all(r.client_id, r.contact_id)
      .map((p) => formatPhone(p.digits));
    return { clientId: c.id, clientName: c.name, inn: c.inn, archived: !!c.archived_at, contact, phones };
  });
}
