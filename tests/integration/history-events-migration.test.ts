import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../../src-main/core/workspace/session';
import { invoke, INTERNAL_CALLER, type ProcOutput } from '../../src-main/core/procedures';
import { defaultMigrationsDir } from '../../src-main/core/db/paths';
import { makeTempDir, openOldRelease, removeDir } from '../helpers/workspace';

// Until migration 0010 a system entry of the history encoded its event in the text
// ('deal_won:<title>', 'merged:<name>', 'archived'). A workspace written by that release
// is opened by today's code: every such entry becomes a typed event, nothing else changes.

let dir: string;
beforeEach(() => (dir = makeTempDir('history-events')));
afterEach(() => removeDir(dir));

/** The real migrations before the history events one: the schema of the release before. */
function migrationsOfReleaseBefore(): string {
  const out = join(dir, 'migrations-before');
  cpSync(defaultMigrationsDir(), out, { recursive: true });
  const journalPath = join(out, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.includes('history_events'));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  return out;
}

type Entry = ProcOutput<'history.list'>[number];
const BULK = 3000;

describe('history events migration', () => {
  it('turns encoded system texts of the release before into typed events and keeps every other entry', () => {
    const path = join(dir, 'old.kdb');
    const old = openOldRelease(path, migrationsOfReleaseBefore());
    const sql = old.workspace.sqlite;
    expect((sql.prepare('PRAGMA table_info(history)').all() as { name: string }[]).map((c) => c.name)).not.toContain('event');
    const at = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
    // Rows exactly as the release before wrote them (raw SQL: today's code writes the new columns).
    const client = (id: string, name: string) =>
      sql
        .prepare("INSERT INTO clients (seq, id, kind, name, name_key, created_at, updated_at) VALUES (NULL, ?, 'organization', ?, ?, ?, ?)")
        .run(id, name, name.toLowerCase(), at(0), at(0));
    client('c1', 'ООО «Ромашка»');
    client('c2', 'Ромашка ООО (дубль)');
    const stage = sql.prepare("SELECT id, pipeline_id AS pipelineId FROM stages WHERE kind = 'open' ORDER BY position LIMIT 1").get() as {
      id: string;
      pipelineId: string;
    };
    const title = 'Поставка: этап 2 «Север» — 50% предоплата';
    sql
      .prepare(
        `INSERT INTO deals (id, title, title_key, client_id, pipeline_id, stage_id, stage_entered_at, position, created_at, updated_at)
         VALUES ('d1', ?, ?, 'c1', ?, ?, ?, 'a0', ?, ?)`,
      )
      .run(title, title.toLowerCase(), stage.pipelineId, stage.id, at(0), at(0), at(0));
    let n = 0;
    const entry = sql.prepare(
      'INSERT INTO history (id, client_id, deal_id, kind, occurred_at, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const add = (clientId: string, dealId: string | null, kind: string, text: string) => {
      n++;
      entry.run(`h${String(n).padStart(5, '0')}`, clientId, dealId, kind, at(n), text, at(n), at(n));
    };
    add('c1', 'd1', 'system', `deal_created:${title}`);
    add('c1', 'd1', 'call', 'Обсудили цену');
    add('c1', 'd1', 'system', `deal_lost:${title}`);
    add('c1', 'd1', 'system', `deal_reopened:${title}`);
    add('c1', 'd1', 'system', `deal_won:${title}`);
    add('c1', null, 'system', 'merged:Ромашка ООО (дубль)');
    add('c2', null, 'system', 'merged_into:ООО «Ромашка»');
    add('c2', null, 'system', 'archived');
    add('c2', null, 'system', 'restored');
    add('c1', null, 'system', 'congratulated:Петрова Мария');
    // A user's note that merely looks like a code stays a note, word for word.
    add('c1', null, 'note', 'deal_won:это заметка, а не событие');
    add('c1', null, 'note', 'archived');
    // A system text this release does not know is kept as it was (shown as text).
    add('c1', null, 'system', 'something_else:x');
    const bulk = sql.transaction(() => {
      for (let i = 0; i < BULK; i++) add('c2', null, 'system', `congratulated:Гость ${i}: ё «${i}»`);
    });
    bulk();
    old.close();

    const s = new Session();
    s.open(path);
    try {
      const page = (clientId: string, limit = 200) => invoke(s, 'history.list', { clientId, limit }, INTERNAL_CALLER) as Entry[];
      const shape = (h: Entry) => [h.kind, h.text, h.event];
      expect(page('c1').map(shape).reverse()).toEqual([
        ['system', '', { type: 'deal_created', title }],
        ['call', 'Обсудили цену', null],
        ['system', '', { type: 'deal_lost', title }],
        ['system', '', { type: 'deal_reopened', title }],
        ['system', '', { type: 'deal_won', title }],
        ['system', '', { type: 'merged', name: 'Ромашка ООО (дубль)' }],
        ['system', '', { type: 'congratulated', name: 'Петрова Мария' }],
        ['note', 'deal_won:это заметка, а не событие', null],
        ['note', 'archived', null],
        ['system', 'something_else:x', null],
      ]);
      expect((invoke(s, 'deals.history', { dealId: 'd1' }, INTERNAL_CALLER) as Entry[]).map((h) => h.event?.type ?? h.text)).toEqual([
        'deal_won',
        'deal_reopened',
        'deal_lost',
        'Обсудили цену',
        'deal_created',
      ]);
      const c2 = s.workspace.sqlite
        .prepare("SELECT event, event_data AS data, text FROM history WHERE client_id = 'c2' ORDER BY id")
        .all() as { event: string; data: string | null; text: string }[];
      expect(c2.slice(0, 3)).toEqual([
        { event: 'merged_into', data: JSON.stringify({ name: 'ООО «Ромашка»' }), text: '' },
        { event: 'archived', data: null, text: '' },
        { event: 'restored', data: null, text: '' },
      ]);
      // Every one of the thousands of rows, each with its own name (':' inside kept).
      expect(c2.slice(3)).toHaveLength(BULK);
      c2.slice(3).forEach((r, i) => expect([r.event, JSON.parse(r.data!).name, r.text]).toEqual(['congratulated', `Гость ${i}: ё «${i}»`, '']));
      expect(s.workspace.sqlite.prepare("SELECT count(*) AS n FROM history WHERE kind = 'system' AND event IS NULL").get()).toEqual({ n: 1 });
    } finally {
      s.close();
    }
  });

  it('a birthday congratulated in the release before still counts as congratulated', () => {
    const path = join(dir, 'old.kdb');
    const old = openOldRelease(path, migrationsOfReleaseBefore());
    // Raw SQL: today's code writes today's columns, which the old release's tables lack.
    const client = 'c-petrov';
    old.workspace.sqlite
      .prepare(
        "INSERT INTO clients (seq, id, kind, name, name_key, last_name, first_name, birthday, created_at, updated_at) VALUES (NULL, ?, 'person', 'Петров Иван', 'петров иван', 'Петров', 'Иван', '1980-11-25', '2026-11-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z')",
      )
      .run(client);
    old.workspace.sqlite
      .prepare(
        "INSERT INTO history (id, client_id, kind, occurred_at, text, created_at, updated_at) VALUES ('h1', ?, 'system', '2026-11-24T09:00:00.000Z', 'congratulated:Петров Иван', '2026-11-24T09:00:00.000Z', '2026-11-24T09:00:00.000Z')",
      )
      .run(client);
    old.close();

    const s = new Session();
    s.open(path);
    try {
      const week = invoke(s, 'birthdays.range', { range: { from: '2026-11-23', to: '2026-11-30' } }, INTERNAL_CALLER) as { name: string; congratulated: boolean }[];
      expect(week.map((b) => [b.name, b.congratulated])).toEqual([['Петров Иван', true]]);
      expect((invoke(s, 'birthdays.range', { range: { from: '2027-11-22', to: '2027-11-29' } }, INTERNAL_CALLER) as { congratulated: boolean }[])[0]!.congratulated).toBe(false);
    } finally {
      s.close();
    }
  });
});
