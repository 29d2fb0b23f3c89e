import type Database from 'better-sqlite3';
import { prepared } from '../db/statements';
import { prefixUpperBound } from '../text/fold';
import { parseQuery } from './query';
import { onCurrentCard } from '../clients/contact-scope';

// SQLite-specific search (FTS5) lives here, behind one function, so a future
// PostgreSQL core can swap it without touching the client services.

export interface SqlFilter {
  /** Conditions on alias `c` (clients), ANDed. */
  where: string[];
  params: unknown[];
}

/**
 * Client seqs matching a search, best first, at most `cap`:
 *  1. names starting with the query (exact match first), in name order;
 *  2. clients whose name words start with the query's words;
 *  3. clients with a phone containing the typed digits;
 *  4. any other match (contact persons, e-mails, ИНН, ОГРН).
 * Every tier is LIMITed and follows an index or the FTS doclist order, so the
 * cost per keystroke is bounded by the cap, not by the number of matches.
 */
export function searchClientSeqs(sqlite: Database.Database, q: string, filter: SqlFilter, cap: number): number[] {
  const parsed = parseQuery(q);
  const where = filter.where.length ? ' AND ' + filter.where.join(' AND ') : '';
  const out: number[] = [];
  const seen = new Set<number>();
  const take = (rows: { seq: number }[]) => {
    for (const r of rows) {
      if (out.length >= cap) return;
      if (!seen.has(r.seq)) {
        seen.add(r.seq);
        out.push(r.seq);
      }
    }
  };
  const run = (sql: string, params: unknown[]) => {
    if (out.length < cap) take(prepared<{ seq: number }>(sqlite, sql).all(...params, cap));
  };

  if (parsed.key) {
    run(
      `SELECT c.seq FROM clients c WHERE c.name_key >= ? AND c.name_key < ?${where} ORDER BY c.name_key, c.seq LIMIT ?`,
      [parsed.key, prefixUpperBound(parsed.key), ...filter.params],
    );
  }
  const ftsTier = (expr: string) =>
    run(
      `SELECT c.seq FROM client_fts JOIN clients c ON c.seq = client_fts.rowid WHERE client_fts MATCH ?${where} LIMIT ?`,
      [expr, ...filter.params],
    );
  if (parsed.fts) ftsTier(`name : (${parsed.fts})`);
  if (parsed.phoneFts) {
    run(
      `SELECT DISTINCT c.seq FROM phone_fts JOIN phones p ON p.seq = phone_fts.rowid JOIN clients c ON c.id = p.client_id
       WHERE phone_fts MATCH ? AND ${onCurrentCard('p')}${where} LIMIT ?`,
      [parsed.phoneFts, ...filter.params],
    );
  }
  if (parsed.fts) ftsTier(parsed.fts);
  return out;
}
