import type Database from 'better-sqlite3';

/** Counts of what a workspace holds (CLI `stats`, settings screen, backups later). */
export function workspaceStats(sqlite: Database.Database) {
  const n = (sql: string) => sqlite.prepare<[], { n: number }>(sql).get()!.n;
  return {
    clients: n('SELECT count(*) AS n FROM clients WHERE archived_at IS NULL'),
    archivedClients: n('SELECT count(*) AS n FROM clients WHERE archived_at IS NOT NULL'),
    contacts: n('SELECT count(*) AS n FROM contacts WHERE archived_at IS NULL'),
    phones: n('SELECT count(*) AS n FROM phones'),
    emails: n('SELECT count(*) AS n FROM emails'),
    history: n('SELECT count(*) AS n FROM history'),
    tags: n('SELECT count(*) AS n FROM tags'),
    users: n('SELECT count(*) AS n FROM users'),
    tasks: n('SELECT count(*) AS n FROM tasks WHERE archived_at IS NULL'),
    deals: n('SELECT count(*) AS n FROM deals WHERE archived_at IS NULL'),
    customFields: n('SELECT count(*) AS n FROM custom_fields WHERE archived_at IS NULL'),
  };
}
