import { eq } from 'drizzle-orm';
import { clients } from '../db/schema';
import { AppError, NotFoundError } from '../errors';
import { isoNow, type Ctx } from '../context';
import { sortKey } from '../text/fold';
import { moveClientTasks } from '../tasks/client-merge';
import { personName } from './validate';
import { logHistoryEvent } from '../history/events';

// Fields copied from the merged client when the kept one has them empty.
const FILLABLE = [
  'full_name', 'last_name', 'first_name', 'middle_name', 'source', 'region', 'industry', 'responsible_id',
  'inn', 'kpp', 'ogrn', 'legal_address', 'actual_address', 'birthday', 'website',
] as const;
const REQUISITES = new Set<string>(['inn', 'kpp', 'ogrn']);
// Bank details only make sense together (the account's key depends on the БИК): they
// are copied as a group, and only onto a card that has none.
const BANK = ['bank_name', 'bank_bik', 'bank_account', 'bank_corr_account'] as const;

const derivedName = (row: Record<string, unknown>) => personName(row.last_name, row.first_name, row.middle_name);

/**
 * Merges `mergeId` into `keepId`: every phone, e-mail, contact person, history entry,
 * tag and custom value of both ends up on the kept card (duplicates collapsed, empty
 * fields filled, notes concatenated). The merged card is archived with a pointer to
 * the kept one rather than deleted, so nothing is lost and the link still resolves.
 */
export function mergeClients(ctx: Ctx, keepId: string, mergeId: string): { id: string } {
  if (keepId === mergeId) throw new AppError('merge.same', 'Cannot merge a client with itself');
  const s = ctx.ws.sqlite;
  const get = (id: string) => {
    const row = s.prepare('SELECT * FROM clients WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    if (!row) throw new NotFoundError('client', id);
    return row;
  };
  const keep = get(keepId);
  const gone = get(mergeId);
  if (gone.merged_into_id || keep.merged_into_id) throw new AppError('merge.already', 'This client was already merged');
  const now = isoNow(ctx);
  s.transaction(() => {
    // ИНН/КПП/ОГРН differ in shape between organisations and people: copied across,
    // they would fail validation and leave the kept card uneditable.
    const sameSide = (keep.kind === 'organization') === (gone.kind === 'organization');
    const fills = FILLABLE.filter(
      (col) =>
        (sameSide || !REQUISITES.has(col)) && (keep[col] == null || keep[col] === '') && gone[col] != null && gone[col] !== '',
    );
    const empty = (row: Record<string, unknown>, col: string) => row[col] == null || row[col] === '';
    const bank = BANK.every((c) => empty(keep, c)) ? BANK.filter((c) => !empty(gone, c)) : [];
    const columns = [...fills, ...bank];
    if (columns.length) {
      s.prepare(`UPDATE clients SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
        ...columns.map((c) => gone[c] as string),
        keepId,
      );
    }
    // A person's name that was derived from its parts follows the parts just filled in.
    if (keep.kind !== 'organization' && keep.name === derivedName(keep)) {
      const after = s.prepare('SELECT * FROM clients WHERE id = ?').get(keepId) as Record<string, unknown>;
      const name = derivedName(after);
      if (name && name !== keep.name) s.prepare('UPDATE clients SET name = ?, name_key = ? WHERE id = ?').run(name, sortKey(name), keepId);
    }
    if (gone.notes) {
      const notes = keep.notes ? `${keep.notes as string}\n\n${gone.notes as string}` : (gone.notes as string);
      s.prepare('UPDATE clients SET notes = ? WHERE id = ?').run(notes, keepId);
    }
    // Client-level phones/e-mails already on the kept card are dropped; the rest move.
    s.prepare(
      `DELETE FROM phones WHERE client_id = ? AND contact_id IS NULL
         AND digits IN (SELECT digits FROM phones WHERE client_id = ? AND contact_id IS NULL)`,
    ).run(mergeId, keepId);
    s.prepare(
      `DELETE FROM emails WHERE client_id = ? AND contact_id IS NULL
         AND address_key IN (SELECT address_key FROM emails WHERE client_id = ? AND contact_id IS NULL)`,
    ).run(mergeId, keepId);
    const offset = (table: string) =>
      (s.prepare(`SELECT coalesce(max(sort) + 1, 0) AS n FROM ${table} WHERE client_id = ?`).get(keepId) as { n: number }).n;
    s.prepare('UPDATE phones SET client_id = ?, sort = sort + ? WHERE client_id = ?').run(keepId, offset('phones'), mergeId);
    s.prepare('UPDATE emails SET client_id = ?, sort = sort + ? WHERE client_id = ?').run(keepId, offset('emails'), mergeId);
    s.prepare('UPDATE contacts SET client_id = ? WHERE client_id = ?').run(keepId, mergeId);
    s.prepare('UPDATE history SET client_id = ? WHERE client_id = ?').run(keepId, mergeId);
    s.prepare('UPDATE deals SET client_id = ? WHERE client_id = ?').run(keepId, mergeId);
    moveClientTasks(ctx, mergeId, keepId);
    s.prepare('INSERT OR IGNORE INTO client_tags (client_id, tag_id) SELECT ?, tag_id FROM client_tags WHERE client_id = ?').run(keepId, mergeId);
    s.prepare('DELETE FROM client_tags WHERE client_id = ?').run(mergeId);
    s.prepare(
      'INSERT OR IGNORE INTO client_custom_values (client_id, field_id, value) SELECT ?, field_id, value FROM client_custom_values WHERE client_id = ?',
    ).run(keepId, mergeId);
    s.prepare('UPDATE clients SET archived_at = ?, merged_into_id = ?, updated_at = ? WHERE id = ?').run(now, keepId, now, mergeId);
    s.prepare('UPDATE clients SET updated_at = ? WHERE id = ?').run(now, keepId);
    logHistoryEvent(ctx, { clientId: keepId, at: now }, { type: 'merged', name: gone.name as string });
    logHistoryEvent(ctx, { clientId: mergeId, at: now }, { type: 'merged_into', name: keep.name as string });
  })();
  return { id: ctx.db.select({ id: clients.id }).from(clients).where(eq(clients.id, keepId)).get()!.id };
}
