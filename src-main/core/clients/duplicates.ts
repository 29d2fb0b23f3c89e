import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { normalizePhone, emailKey } from '../validation/contact-points';
import { restoreInn } from '../validation/requisites';
import { onCurrentCard } from './contact-scope';
import { maySeeClient } from '../access/visibility';

export interface DuplicateHit {
  id: string;
  name: string;
  archived: boolean;
  matchedBy: 'inn' | 'phone' | 'email';
  value: string;
  /**
   * A client the user may not see: only that it exists and who is responsible for it
   * (so they can ask a colleague), never its name or card; `id` and `name` are empty.
   */
  hidden?: { responsible: string | null };
}

/** Existing clients sharing an ИНН, a phone or an e-mail with what is being typed. */
export function findDuplicates(
  ctx: Ctx,
  input: { inn?: string | null; phones?: string[]; emails?: string[]; excludeId?: string | null },
): DuplicateHit[] {
  const sqlite = ctx.ws.sqlite;
  const hits: DuplicateHit[] = [];
  const seen = new Set<string>();
  const add = (rows: { id: string; name: string; archived_at: string | null }[], matchedBy: DuplicateHit['matchedBy'], value: string) => {
    for (const r of rows) {
      if (r.id === input.excludeId || seen.has(r.id + matchedBy)) continue;
      seen.add(r.id + matchedBy);
      if (!maySeeClient(ctx, r.id)) {
        const responsible = prepared<{ name: string }>(sqlite, 'SELECT u.name FROM clients c JOIN users u ON u.id = c.responsible_id WHERE c.id = ?').get(r.id)?.name ?? null;
        hits.push({ id: '', name: '', archived: !!r.archived_at, matchedBy, value, hidden: { responsible } });
      } else hits.push({ id: r.id, name: r.name, archived: !!r.archived_at, matchedBy, value });
    }
  };
  const inn = input.inn?.trim() ? restoreInn(input.inn) : null;
  if (inn) {
    add(prepared(sqlite, 'SELECT id, name, archived_at FROM clients WHERE inn = ? LIMIT 5').all(inn) as never, 'inn', inn);
  }
  for (const raw of input.phones ?? []) {
    const n = normalizePhone(raw);
    if (!n) continue;
    add(
      prepared(
        sqlite,
        `SELECT DISTINCT c.id, c.name, c.archived_at FROM phones p JOIN clients c ON c.id = p.client_id
         WHERE p.digits = ? AND ${onCurrentCard('p')} LIMIT 5`,
      ).all(n.digits) as never,
      'phone',
      raw,
    );
  }
  for (const raw of input.emails ?? []) {
    if (!raw.trim()) continue;
    add(
      prepared(
        sqlite,
        `SELECT DISTINCT c.id, c.name, c.archived_at FROM emails e JOIN clients c ON c.id = e.client_id
         WHERE e.address_key = ? AND ${onCurrentCard('e')} LIMIT 5`,
      ).all(emailKey(raw)) as never,
      'email',
      raw,
    );
  }
  return hits;
}
