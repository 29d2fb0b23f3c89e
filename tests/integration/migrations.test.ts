import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspace, backupsDirFor } from '../../src-main/core/db/open';
import { defaultMigrationsDir } from '../../src-main/core/db/paths';
import { Session } from '../../src-main/core/workspace/session';
import { invoke, INTERNAL_CALLER } from '../../src-main/core/procedures';
import { seedClients } from '../../src-main/core/seed/generator';
import { AppError } from '../../src-main/core/errors';
import { makeTempDir, removeDir } from '../helpers/workspace';
import { listBackupsIn } from '../../src-main/core/backup/manifest';
import { restoreToNewFile } from '../../src-main/core/backup/restore';

// The trap: drizzle-kit rebuilds a table (to change a column, a default, an FK...)
// with PRAGMA foreign_keys=OFF; CREATE __new_x; copy; DROP x; RENAME __new_x TO x.
// Inside a transaction that PRAGMA is a no-op, so with FKs on DROP TABLE clients
// would fire ON DELETE CASCADE and wipe contacts, phones, e-mails and history.

let dir: string;
let wsPath: string;
beforeEach(() => {
  dir = makeTempDir('migrate');
  wsPath = join(dir, 'workspace.kdb');
});
afterEach(() => removeDir(dir));

const CHILD_TABLES = ['contacts', 'phones', 'emails', 'history', 'client_tags', 'client_custom_values'] as const;

function counts(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const table of ['clients', ...CHILD_TABLES, '__drizzle_migrations']) {
      out[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    return out;
  } finally {
    db.close();
  }
}

/** A workspace with hand-made clients (every kind of child row) plus seeded volume. */
function populate(path: string): { vector: string; ivanov: string } {
  const s = new Session();
  s.open(path);
  const call = (name: string, input: unknown) => invoke(s, name, input, INTERNAL_CALLER) as { id: string };
  const tag = call('tags.create', { name: 'VIP', color: '#e03131' }).id;
  const field = call('customFields.create', { entity: 'client', name: 'Бюджет', type: 'number' }).id;
  const vector = call('clients.create', {
    kind: 'organization',
    name: 'ООО «Квазар»',
    inn: '7707083893',
    phones: [{ raw: '+7 (495) 123-45-67' }],
    emails: [{ address: 'info@vector.ru' }],
    tagIds: [tag],
    custom: { [field]: 100 },
  }).id;
  const contact = call('contacts.create', { clientId: vector, fields: { name: 'Сидорова Алёна', phones: [{ raw: '8 916 111-22-33' }] } }).id;
  call('history.add', { clientId: vector, contactId: contact, kind: 'call', occurredAt: '2025-01-10T10:00:00Z', text: 'Первый звонок' });
  const ivanov = call('clients.create', { kind: 'person', lastName: 'Иванов', firstName: 'Иван', phones: [{ raw: '8 903 000-00-07' }] }).id;
  seedClients(s.workspace.sqlite, { clients: 150, seed: 7 });
  s.close();
  return { vector, ivanov };
}

/** Copies the real migrations and appends one more, with its journal entry. */
function migrationsWith(extraSql: string, tag: string): string {
  const out = join(dir, 'migrations');
  cpSync(defaultMigrationsDir(), out, { recursive: true });
  const journalPath = join(out, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
    entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
  };
  const last = journal.entries[journal.entries.length - 1]!;
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 60_000, tag, breakpoints: true });
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  writeFileSync(join(out, `${tag}.sql`), extraSql);
  return out;
}

/**
 * What `drizzle-kit generate` writes when a column is added to `clients` in a way
 * SQLite's ALTER TABLE cannot do, built from the live schema so it stays true as the
 * schema grows. `keepRows` lets a test write a broken copy step. Like a careful
 * author, it recreates the indexes and the search triggers that lived on `clients`.
 */
function rebuildClientsSql(path: string, keepRows = '1 = 1', recreateTriggers = true): string {
  const db = new Database(path, { readonly: true });
  try {
    const table = (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'clients'`).get() as { sql: string }).sql;
    const columns = (db.prepare(`PRAGMA table_info(clients)`).all() as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
    const indexes = (
      db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'clients' AND sql IS NOT NULL`).all() as { sql: string }[]
    ).map((r) => r.sql);
    const triggers = (
      db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'clients'`).all() as { sql: string }[]
    ).map((r) => r.sql);
    expect(triggers.length).toBeGreaterThanOrEqual(3);
    const newTable = table
      .replace(/^CREATE TABLE [`"]?clients[`"]? \(/, 'CREATE TABLE `__new_clients` (\n\t`vip` integer DEFAULT false NOT NULL,');
    expect(newTable).toContain('__new_clients');
    return [
      'PRAGMA foreign_keys=OFF;',
      `${newTable};`,
      `INSERT INTO \`__new_clients\`(${columns}) SELECT ${columns} FROM \`clients\` WHERE ${keepRows};`,
      'DROP TABLE `clients`;',
      'ALTER TABLE `__new_clients` RENAME TO `clients`;',
      'PRAGMA foreign_keys=ON;',
      ...indexes.map((s) => `${s};`),
      ...(recreateTriggers ? triggers.map((s) => `${s};`) : []),
    ].join('--> statement-breakpoint\n');
  } finally {
    db.close();
  }
}

function backups(): string[] {
  try {
    return readdirSync(backupsDirFor(wsPath));
  } catch {
    return [];
  }
}

describe('migrations over existing data', () => {
  it('a drizzle-kit table rebuild of clients keeps every child row', () => {
    const { vector } = populate(wsPath);
    const before = counts(wsPath);
    expect(before.phones).toBeGreaterThan(150);
    expect(before.history).toBeGreaterThan(0);
    const migrationsDir = migrationsWith(rebuildClientsSql(wsPath), '0099_clients_vip');

    const ws = openWorkspace(wsPath, { migrationsDir });
    try {
      const cols = (ws.sqlite.prepare('PRAGMA table_info(clients)').all() as { name: string }[]).map((c) => c.name);
      expect(cols).toContain('vip');
      expect(ws.sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((ws.sqlite.prepare('SELECT vip FROM clients WHERE id = ?').get(vector) as { vip: number }).vip).toBe(0);
    } finally {
      ws.close();
    }
    const after = counts(wsPath);
    for (const table of ['clients', ...CHILD_TABLES]) expect(after[table], table).toBe(before[table]);
    expect(after.__drizzle_migrations).toBe(before.__drizzle_migrations! + 1);
  });

  it('takes a verified backup of the old file before migrating', () => {
    populate(wsPath);
    const before = counts(wsPath);
    expect(backups()).toEqual([]);
    const migrationsDir = migrationsWith(rebuildClientsSql(wsPath), '0099_clients_vip');
    openWorkspace(wsPath, { migrationsDir }).close();

    // One verified backup (data file, manifest, and the page hashes a later incremental
    // backup compares against), made before the migration ran.
    expect(backups()).toHaveLength(3);
    expect(backups().filter((f) => f.endsWith('.pages'))).toHaveLength(1);
    const listed = listBackupsIn(backupsDirFor(wsPath), 'workspace');
    expect(listed).toHaveLength(1);
    expect(listed[0]!.reason).toBe('migration');
    expect(listed[0]!.id).toMatch(/^workspace-\d{8}T\d{6}-\d{3}-migration$/);
    const backup = join(dir, 'from-backup.kdb');
    restoreToNewFile(listed[0]!.path, backup);
    expect(counts(backup)).toEqual(before);
    const db = new Database(backup, { readonly: true });
    try {
      expect((db.prepare('PRAGMA table_info(clients)').all() as { name: string }[]).map((c) => c.name)).not.toContain('vip');
    } finally {
      db.close();
    }

    // Nothing pending any more: the next start takes no backup.
    openWorkspace(wsPath, { migrationsDir }).close();
    expect(backups()).toHaveLength(3);
  });

  it('search keeps working after the rebuild, for old and new clients', () => {
    const { vector, ivanov } = populate(wsPath);
    const migrationsDir = migrationsWith(rebuildClientsSql(wsPath), '0099_clients_vip');
    const s = new Session({ migrationsDir });
    s.open(wsPath);
    try {
      const find = (q: string) =>
        (invoke(s, 'clients.list', { query: { search: q } }, INTERNAL_CALLER) as { rows: { id: string }[] }).rows.map((r) => r.id);
      expect(find('квазар')).toEqual([vector]);
      expect(find('сидорова')).toEqual([vector]);
      expect(find('770708')).toEqual([vector]);
      expect(find('495 123-45')).toEqual([vector]);
      expect(find('иванов иван')).toContain(ivanov);
      // Triggers on the rebuilt table still index new and edited clients.
      const fresh = (invoke(s, 'clients.create', { kind: 'organization', name: 'ООО «После миграции»' }, INTERNAL_CALLER) as { id: string }).id;
      expect(find('миграции')).toEqual([fresh]);
      invoke(s, 'clients.update', { id: vector, patch: { name: 'ООО «Квазар Омега»' } }, INTERNAL_CALLER);
      expect(find('омега')).toEqual([vector]);
      expect(find('квазар')).toEqual([vector]);
      expect(s.workspace.sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      s.close();
    }
  });

  it('rolls back a migration that would leave broken references, changing nothing', () => {
    populate(wsPath);
    const before = counts(wsPath);
    // A botched copy step: organisations are not copied, their children are orphaned.
    const migrationsDir = migrationsWith(rebuildClientsSql(wsPath, `kind <> 'organization'`), '0099_broken');

    let error: unknown;
    try {
      openWorkspace(wsPath, { migrationsDir }).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('workspace.migration_fk');
    expect((error as AppError).params.count).toBeGreaterThan(0);

    expect(counts(wsPath)).toEqual(before);
    const ws = openWorkspace(wsPath);
    try {
      expect((ws.sqlite.prepare('PRAGMA table_info(clients)').all() as { name: string }[]).map((c) => c.name)).not.toContain('vip');
      expect(ws.sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(ws.sqlite.prepare(`SELECT count(*) AS n FROM client_fts WHERE client_fts MATCH '"квазар"*'`).get()).toEqual({ n: 1 });
    } finally {
      ws.close();
    }
  });

  it('refuses a rebuild that forgets the search triggers, so search cannot go silently stale', () => {
    populate(wsPath);
    const before = counts(wsPath);
    const migrationsDir = migrationsWith(rebuildClientsSql(wsPath, '1 = 1', false), '0099_no_triggers');
    let error: unknown;
    try {
      openWorkspace(wsPath, { migrationsDir }).close();
    } catch (e) {
      error = e;
    }
    expect((error as AppError).code).toBe('workspace.migration_search');
    expect(String((error as AppError).params.triggers)).toContain('clients_fts_insert');
    expect(counts(wsPath)).toEqual(before);
  });

  it('reports any other failing migration as workspace.migration_failed and changes nothing', () => {
    populate(wsPath);
    const before = counts(wsPath);
    const migrationsDir = migrationsWith('ALTER TABLE clients ADD COLUMN vip integer;--> statement-breakpoint\nSELECT * FROM no_such_table;', '0099_typo');
    let error: unknown;
    try {
      openWorkspace(wsPath, { migrationsDir }).close();
    } catch (e) {
      error = e;
    }
    expect((error as AppError).code).toBe('workspace.migration_failed');
    expect(counts(wsPath)).toEqual(before);
  });

  it('refuses a workspace already updated by a newer version, without touching it', () => {
    populate(wsPath);
    const migrationsDir = migrationsWith(rebuildClientsSql(wsPath), '0099_clients_vip');
    openWorkspace(wsPath, { migrationsDir }).close();
    const before = counts(wsPath);
    let error: unknown;
    try {
      openWorkspace(wsPath).close();
    } catch (e) {
      error = e;
    }
    expect((error as AppError).code).toBe('workspace.newer');
    expect(counts(wsPath)).toEqual(before);
  });

  it('a fresh workspace gets every migration and no backup', () => {
    const migrationsDir = migrationsWith(rebuildClientsSql(populateTemplate()), '0099_clients_vip');
    const ws = openWorkspace(wsPath, { migrationsDir });
    try {
      expect((ws.sqlite.prepare('PRAGMA table_info(clients)').all() as { name: string }[]).map((c) => c.name)).toContain('vip');
      expect((ws.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(
        readMigrationFiles({ migrationsFolder: migrationsDir }).length,
      );
    } finally {
      ws.close();
    }
    expect(backups()).toEqual([]);
  });
});

/** An empty workspace elsewhere in the temp dir, only to read the current schema from. */
function populateTemplate(): string {
  const p = join(dir, 'template', 'schema.kdb');
  openWorkspace(p).close();
  return p;
}
