import type Database from 'better-sqlite3';

/**
 * Runs `insertNewClients` (inside the caller's transaction) with the search triggers
 * off, then indexes the new rows in one pass: per-row trigger maintenance costs
 * ~3x more than a bulk insert into FTS5. Only for work that *appends* clients with
 * their own children; edits to existing clients must go through the triggers.
 */
export function withBulkSearchIndexing<T>(sqlite: Database.Database, insertNewClients: () => T): T {
  if (!sqlite.inTransaction) throw new Error('withBulkSearchIndexing must run inside a transaction');
  const triggers = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\'`)
    .all() as { name: string; sql: string }[];
  const lastClient = (sqlite.prepare('SELECT coalesce(max(seq), 0) AS n FROM clients').get() as { n: number }).n;
  const lastPhone = (sqlite.prepare('SELECT coalesce(max(seq), 0) AS n FROM phones').get() as { n: number }).n;
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  const result = insertNewClients();
  sqlite
    .prepare('INSERT INTO client_fts (rowid, name, extra) SELECT seq, name, extra FROM client_fts_source WHERE seq > ?')
    .run(lastClient);
  sqlite.prepare('INSERT INTO phone_fts (rowid, digits) SELECT seq, digits FROM phones WHERE seq > ?').run(lastPhone);
  // The reports' per-client summaries (migration 0016) are kept by triggers on phones,
  // e-mails and history; rows written before their client's row (the seed writes the
  // card last) found no client to count on, so the new clients' are counted here.
  sqlite
    .prepare(
      `UPDATE clients SET phone_count = (SELECT count(*) FROM phones p WHERE p.client_id = clients.id),
         email_count = (SELECT count(*) FROM emails e WHERE e.client_id = clients.id),
         last_contact_at = (SELECT max(h.occurred_at) FROM history h WHERE h.client_id = clients.id AND h.kind != 'system')
       WHERE seq > ?`,
    )
    .run(lastClient);
  for (const t of triggers) sqlite.exec(t.sql);
  return result;
}
