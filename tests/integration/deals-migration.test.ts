import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../../src-main/core/workspace/session';
import { invoke, INTERNAL_CALLER } from '../../src-main/core/procedures';
import { defaultMigrationsDir } from '../../src-main/core/db/paths';
import { backupsDirFor, listBackupsIn } from '../../src-main/core/backup/manifest';
import { makeTempDir, openOldRelease, removeDir } from '../helpers/workspace';

// A workspace made before deals existed gets the deal tables and the default
// pipelines, stages and lost reasons on its next open; its clients and history stay.

let dir: string;
beforeEach(() => (dir = makeTempDir('deals-migrate')));
afterEach(() => removeDir(dir));

/** The real migrations up to the first deals one: the schema of the release before deals. */
function migrationsBeforeDeals(): string {
  const out = join(dir, 'migrations-before');
  cpSync(defaultMigrationsDir(), out, { recursive: true });
  const journalPath = join(out, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag.includes('deals')));
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  return out;
}

describe('migration of an existing workspace', () => {
  it('adds the deal tables with default pipelines and keeps clients and history', () => {
    const path = join(dir, 'old.kdb');
    const old = openOldRelease(path, migrationsBeforeDeals());
    // Written as the old version did: today's code writes today's columns (history.deal_id,
    // clients.phone_count …), which the old file lacks.
    const client = 'c-ivanov';
    old.workspace.sqlite
      .prepare(
        "INSERT INTO clients (seq, id, kind, name, name_key, last_name, first_name, created_at, updated_at) VALUES (NULL, ?, 'person', 'Иванов Иван', 'иванов иван', 'Иванов', 'Иван', '2025-05-01T10:00:00.000Z', '2025-05-01T10:00:00.000Z')",
      )
      .run(client);
    old.workspace.sqlite
      .prepare("INSERT INTO history (id, client_id, kind, occurred_at, text, created_at, updated_at) VALUES ('h1', ?, 'note', '2025-05-01T10:00:00.000Z', 'Старая запись', '2025-05-01T10:00:00.000Z', '2025-05-01T10:00:00.000Z')")
      .run(client);
    expect(old.workspace.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'deals'").get()).toBeUndefined();
    old.close();

    const s = new Session();
    s.open(path);
    try {
      const pipelines = invoke(s, 'pipelines.list', {}, INTERNAL_CALLER) as { name: string; stages: { kind: string }[] }[];
      expect(pipelines.map((p) => p.name)).toEqual(['Продажа', 'Аренда', 'Услуги']);
      expect((invoke(s, 'lostReasons.list', {}, INTERNAL_CALLER) as unknown[]).length).toBeGreaterThan(0);
      const history = invoke(s, 'history.list', { clientId: client }, INTERNAL_CALLER) as { text: string; dealId: string | null }[];
      expect(history.map((h) => [h.text, h.dealId])).toEqual([['Старая запись', null]]);
      const deal = invoke(s, 'deals.create', { title: 'Первая сделка', clientId: client, pipelineId: (invoke(s, 'pipelines.list', {}, INTERNAL_CALLER) as { id: string }[])[0]!.id }, INTERNAL_CALLER) as { id: string };
      expect((invoke(s, 'deals.byClient', { clientId: client }, INTERNAL_CALLER) as { rows: { id: string }[] }).rows.map((r) => r.id)).toEqual([deal.id]);
      expect(listBackupsIn(backupsDirFor(path), 'old').map((b) => b.reason)).toContain('migration');
    } finally {
      s.close();
    }
  });
});
