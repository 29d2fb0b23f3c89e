import type { Ctx } from '../context';
import { isoNow } from '../context';
import { prepared } from '../db/statements';
import { foldText, prefixUpperBound } from '../text/fold';

// 1C writes counterparties as «ООО "Ромашка"», «Ромашка ООО», «ИП Иванов И.И.»; the CRM
// card may say «Ромашка» or «ООО «Ромашка»». Names are compared by a key with quotes,
// punctuation, legal forms, ё and case folded. A name that is not exactly one client is
// never guessed: the import lists it and the user maps it once (remembered here).

const LEGAL_FORMS = [
  'общество с ограниченной ответственностью',
  'индивидуальный предприниматель',
  'публичное акционерное общество',
  'непубличное акционерное общество',
  'закрытое акционерное общество',
  'открытое акционерное общество',
  'акционерное общество',
  'ооо', 'ип', 'ао', 'пао', 'зао', 'оао', 'нао', 'нко', 'ано', 'тоо', 'одо', 'фгуп', 'гуп', 'муп', 'нп', 'чу', 'кфх', 'ифнс',
];
const LEGAL_FORM_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${LEGAL_FORMS.map((f) => f.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/** The folded key of a counterparty name: «ООО "Ромашка"», «Ромашка ООО» and «ромашка» are one key. */
export function counterpartyKey(name: string): string {
  const folded = foldText(name).replace(/[«»"'“”„`]/g, ' ');
  const words = folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const stripped = words.replace(LEGAL_FORM_RE, ' ').replace(/\s+/g, ' ').trim();
  return stripped || words;
}

interface ClientName {
  id: string;
  name: string;
  fullName: string | null;
}

/**
 * Clients a counterparty name denotes: the remembered mapping if there is one, else
 * every active client whose name or full name has the same key (none, one, or several:
 * the caller treats anything but one as "ask the user").
 */
export function findClientsByCounterparty(ctx: Ctx, name: string): { id: string; name: string }[] {
  const key = counterpartyKey(name);
  if (!key) return [];
  const mapped = prepared<{ id: string; name: string }>(
    ctx.ws.sqlite,
    `SELECT c.id, c.name FROM counterparty_mappings m JOIN clients c ON c.id = m.client_id
      WHERE m.key = ? AND c.archived_at IS NULL AND c.merged_into_id IS NULL`,
  ).get(key);
  if (mapped) return [mapped];
  // name_key drops a leading legal form and punctuation, so the key's first word is a
  // prefix of every candidate's name_key («Ромашка ООО» → 'ромашка ооо'); the exact
  // comparison is then done on the full key. Full names are searched the same way.
  const first = key.split(' ')[0]!;
  const byName = prepared<ClientName>(
    ctx.ws.sqlite,
    `SELECT id, name, full_name AS fullName FROM clients
      WHERE archived_at IS NULL AND name_key >= ? AND name_key < ? AND merged_into_id IS NULL LIMIT 500`,
  ).all(first, prefixUpperBound(first));
  const matches = new Map<string, string>();
  for (const c of byName) if (counterpartyKey(c.name) === key || (c.fullName && counterpartyKey(c.fullName) === key)) matches.set(c.id, c.name);
  if (matches.size === 0) {
    // A full name such as «Общество с ограниченной ответственностью "Ромашка"» on a card named otherwise.
    const byFull = prepared<ClientName>(
      ctx.ws.sqlite,
      `SELECT id, name, full_name AS fullName FROM clients
        WHERE archived_at IS NULL AND merged_into_id IS NULL AND full_name IS NOT NULL AND kfold(full_name) LIKE ? LIMIT 500`,
    ).all(`%${first}%`);
    for (const c of byFull) if (c.fullName && counterpartyKey(c.fullName) === key) matches.set(c.id, c.name);
  }
  return [...matches].map(([id, n]) => ({ id, name: n }));
}

/** Remembers that a counterparty name is this client (the next import maps it without asking). */
export function rememberCounterparty(ctx: Ctx, name: string, clientId: string): void {
  const key = counterpartyKey(name);
  if (!key) return;
  prepared(
    ctx.ws.sqlite,
    `INSERT INTO counterparty_mappings (key, name, client_id, created_at, created_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET client_id = excluded.client_id, name = excluded.name`,
  ).run(key, name, clientId, isoNow(ctx), ctx.userId);
}
