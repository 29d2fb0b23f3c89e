import type Database from 'better-sqlite3';
import { prepared } from '../db/statements';
import { onCurrentCard } from '../clients/contact-scope';
import { tokens } from '../text/fold';
import { formatPhone } from '../validation/contact-points';
import { parseQuery } from './query';

/** What made a search find a client, when the list row does not already show it. */
export interface SearchMatch {
  field: 'phone' | 'email' | 'contact' | 'inn' | 'ogrn' | 'fullName';
  /** The matched value as the user knows it (a formatted phone, an address, a name). */
  value: string;
  /** The contact person the phone or e-mail belongs to. */
  contact: string | null;
}

interface Shown {
  seq: number;
  name: string;
  phone: string | null;
  email: string | null;
  inn: string | null;
}

interface Candidate extends SearchMatch {
  /** Words of the value, folded as the search index folds them. */
  words: string[];
  digits?: string;
}

// One statement for a page of clients: every place the search index reads
// (names, ИНН, ОГРН, contact persons on the card, e-mails, phones) as rows.
const PLACES_SQL = `
  SELECT c.seq, 'fullName' AS field, trim(coalesce(c.full_name, '') || ' ' || coalesce(c.last_name, '') || ' ' ||
         coalesce(c.first_name, '') || ' ' || coalesce(c.middle_name, '')) AS value, NULL AS contact, NULL AS digits, 0 AS ord
    FROM json_each(@ids) j JOIN clients c ON c.seq = j.value
  UNION ALL SELECT c.seq, 'inn', c.inn, NULL, NULL, 0 FROM json_each(@ids) j JOIN clients c ON c.seq = j.value WHERE c.inn IS NOT NULL
  UNION ALL SELECT c.seq, 'ogrn', c.ogrn, NULL, NULL, 0 FROM json_each(@ids) j JOIN clients c ON c.seq = j.value WHERE c.ogrn IS NOT NULL
  UNION ALL SELECT c.seq, 'contact', k.name, k.name, NULL, k.rowid
    FROM json_each(@ids) j JOIN clients c ON c.seq = j.value JOIN contacts k ON k.client_id = c.id WHERE k.archived_at IS NULL
  UNION ALL SELECT c.seq, 'phone', p.raw, k.name, p.digits, (p.contact_id IS NOT NULL) * 1000 + p.sort
    FROM json_each(@ids) j JOIN clients c ON c.seq = j.value JOIN phones p ON p.client_id = c.id
    LEFT JOIN contacts k ON k.id = p.contact_id WHERE ${onCurrentCard('p')}
  UNION ALL SELECT c.seq, 'email', e.address, k.name, NULL, (e.contact_id IS NOT NULL) * 1000 + e.sort
    FROM json_each(@ids) j JOIN clients c ON c.seq = j.value JOIN emails e ON e.client_id = c.id
    LEFT JOIN contacts k ON k.id = e.contact_id WHERE ${onCurrentCard('e')}
  ORDER BY 1, 6`;

const PRIORITY: SearchMatch['field'][] = ['phone', 'email', 'contact', 'inn', 'ogrn', 'fullName'];

/** Query words the words of a text match, as the index matches them (each a prefix of some word). */
const covered = (queryWords: string[], words: string[]) => queryWords.filter((q) => words.some((w) => w.startsWith(q)));

/**
 * For each found client, what matched the query when its name does not explain it:
 * a second phone, a contact person's e-mail, an ИНН… Null when the name matched, or
 * when the matched value is already in the row (its first phone, e-mail or ИНН).
 * Reads the page's clients only (one statement), so it costs the same at any size.
 */
export function whatMatched(sqlite: Database.Database, query: string, rows: Shown[]): Map<number, SearchMatch | null> {
  const out = new Map<number, SearchMatch | null>();
  const { words: queryWords, phoneDigits } = parseQuery(query);
  // Query words the name does not explain; a row whose name explains them all needs nothing more.
  const unexplained = new Map<number, string[]>();
  for (const row of rows) {
    const nameWords = tokens(row.name);
    const left = queryWords.filter((q) => !nameWords.some((w) => w.startsWith(q)));
    out.set(row.seq, null);
    if (left.length > 0) unexplained.set(row.seq, left);
  }
  if (unexplained.size === 0) return out;

  const places = new Map<number, Candidate[]>();
  const raw = prepared(sqlite, PLACES_SQL).all({ ids: JSON.stringify([...unexplained.keys()]) }) as {
    seq: number;
    field: SearchMatch['field'];
    value: string;
    contact: string | null;
    digits: string | null;
  }[];
  for (const p of raw) {
    if (!p.value) continue;
    const list = places.get(p.seq) ?? [];
    const value = p.field === 'phone' && p.digits ? formatPhone(p.digits) : p.value;
    // Phones are found by their digits only (the word index does not hold them).
    list.push({ field: p.field, value, contact: p.contact, words: p.field === 'phone' ? [] : tokens(p.value), digits: p.digits ?? undefined });
    places.set(p.seq, list);
  }
  for (const row of rows) {
    const left = unexplained.get(row.seq);
    if (!left) continue;
    const candidates = places.get(row.seq) ?? [];
    let best = phoneDigits.length ? (candidates.find((c) => c.digits && phoneDigits.some((d) => c.digits!.includes(d))) ?? null) : null;
    if (!best) {
      let bestScore = 0;
      for (const c of candidates) {
        const score = covered(left, c.words).length;
        if (score > bestScore || (score > 0 && score === bestScore && PRIORITY.indexOf(c.field) < PRIORITY.indexOf(best!.field))) {
          best = c;
          bestScore = score;
        }
      }
    }
    const shown =
      best && ((best.field === 'phone' && best.value === row.phone) || (best.field === 'email' && best.value === row.email) || (best.field === 'inn' && best.value === row.inn));
    if (best && !shown) out.set(row.seq, { field: best.field, value: best.value, contact: best.contact });
  }
  return out;
}
