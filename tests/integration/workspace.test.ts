import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, openSync, readdirSync, readFileSync, readlinkSync, closeSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openWorkspace, backupsDirFor } from '../../src-main/core/db/open';
import { seedClients } from '../../src-main/core/seed/generator';
import { checkInn, checkKpp, checkOgrn } from '../../src-main/core/validation/requisites';
import { normalizePhone } from '../../src-main/core/validation/contact-points';
import { workspaceStats } from '../../src-main/core/workspace/stats';
import { AppError } from '../../src-main/core/errors';
import { catchAppError, makeTempDir, openTestWorkspace, removeDir, type TestWorkspace } from '../helpers/workspace';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('open');
});
afterEach(() => removeDir(dir));

function expectDamaged(path: string): AppError {
  const e = catchAppError(() => openWorkspace(path));
  expect(e.code).toBe('workspace.damaged');
  expect(e.params.path).toBe(path);
  return e;
}

/** A real workspace with enough rows to span many pages. */
function realWorkspace(name = 'real.kdb'): string {
  const path = join(dir, name);
  const ws = openWorkspace(path);
  seedClients(ws.sqlite, { clients: 300, seed: 1 });
  ws.close();
  return path;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('opening damaged or foreign files', () => {
  it('reports a file of random bytes as damaged instead of crashing', () => {
    const path = join(dir, 'random.kdb');
    writeFileSync(path, randomBytes(64 * 1024));
    expectDamaged(path);
  });

  it('reports a workspace with garbage over some of its pages as damaged', () => {
    const path = realWorkspace();
    const fd = openSync(path, 'r+');
    writeSync(fd, randomBytes(4096 * 4), 0, 4096 * 4, 4096 * 3);
    closeSync(fd);
    expectDamaged(path);
  });

  it('reports a truncated workspace as damaged', () => {
    const path = realWorkspace();
    truncateSync(path, Math.floor(statSync(path).size / 2));
    expectDamaged(path);
  });

  it('reports a workspace with a wiped header as damaged', () => {
    const path = realWorkspace();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(100, 0xff), 0, 100, 0);
    closeSync(fd);
    expectDamaged(path);
  });

  it.runIf(process.platform === 'linux')('does not keep a damaged file open (Windows could not replace it otherwise)', () => {
    const path = join(dir, 'random.kdb');
    writeFileSync(path, randomBytes(64 * 1024));
    expectDamaged(path);
    const open = readdirSync('/proc/self/fd')
      .map((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return '';
        }
      })
      .filter((target) => target.startsWith(path));
    expect(open).toEqual([]);
  });

  it('refuses another program’s SQLite database and leaves it byte-for-byte untouched', () => {
    for (const [name, ddl] of [
      ['clashing.kdb', `CREATE TABLE clients (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO clients VALUES (1, 'чужая строка');`],
      ['unrelated.kdb', `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes VALUES (1, 'заметка');`],
    ] as const) {
      const path = join(dir, name);
      const db = new Database(path);
      db.exec(ddl);
      db.close();
      const before = sha(path);
      expectDamaged(path);
      expect(sha(path), name).toBe(before);
      expect(existsSync(join(dir, `${name}-wal`)), name).toBe(false);
    }
    expect(existsSync(backupsDirFor(join(dir, 'x.kdb')))).toBe(false);
  });

  it('creates a workspace in an empty file (as left by a cancelled "save as")', () => {
    const path = join(dir, 'empty.kdb');
    writeFileSync(path, '');
    const ws = openWorkspace(path);
    try {
      expect(workspaceStats(ws.sqlite).clients).toBe(0);
    } finally {
      ws.close();
    }
  });

  it('reopens a healthy workspace with its data', () => {
    const path = realWorkspace();
    const copy = join(dir, 'copy.kdb');
    copyFileSync(path, copy);
    const ws = openWorkspace(copy);
    try {
      expect(workspaceStats(ws.sqlite).clients + workspaceStats(ws.sqlite).archivedClients).toBe(300);
    } finally {
      ws.close();
    }
  });
});

describe('workspace procedures', () => {
  let t: TestWorkspace;
  beforeEach(() => {
    t = openTestWorkspace();
  });
  afterEach(() => t.dispose());

  it('a new workspace is empty and not yet onboarded', () => {
    const info = t.call('workspace.info', {});
    expect(info.path).toBe(t.path);
    expect(info.onboarded).toBe(false);
    expect(info.stats).toEqual({
      clients: 0,
      archivedClients: 0,
      contacts: 0,
      phones: 0,
      emails: 0,
      history: 0,
      tags: 0,
      users: 1, // the owner every action is attributed to
      tasks: 0,
      deals: 0,
      customFields: 0,
    });
  });

  it('a workspace that already holds clients (seeded from the CLI) skips the first-start question', () => {
    seedClients(t.sqlite(), { clients: 3, seed: 1 });
    expect(t.call('workspace.info', {}).onboarded).toBe(true);
  });

  it('initialize without demo data only marks the workspace onboarded', () => {
    const info = t.call('workspace.initialize', { demo: false });
    expect(info.onboarded).toBe(true);
    expect(info.stats.clients).toBe(0);
  });

  it('initialize with demo data seeds searchable clients and marks the workspace onboarded', () => {
    const triggersBefore = t.sqlite().prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
    const info = t.call('workspace.initialize', { demo: true });
    expect(info.onboarded).toBe(true);
    expect(info.stats.clients).toBe(300);
    expect(info.stats.phones).toBeGreaterThan(300);
    expect(info.stats.users).toBeGreaterThan(1);
    expect(info.stats.tags).toBeGreaterThan(0);
    // Bulk indexing drops the search triggers for speed: they must all be back.
    expect(t.sqlite().prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all()).toEqual(triggersBefore);
    expect(t.count('client_fts')).toBe(300);
    expect(t.count('phone_fts')).toBe(info.stats.phones);
    expect(t.sqlite().pragma('foreign_key_check')).toEqual([]);
    // The index answers a search for a seeded name.
    const someName = (t.sqlite().prepare('SELECT name FROM clients ORDER BY seq LIMIT 1').get() as { name: string }).name;
    const lastWord = someName.replace(/[«»".]/g, ' ').trim().split(/\s+/).pop()!;
    expect(t.call('clients.list', { query: { search: lastWord } }).total).toBeGreaterThan(0);
    // Reopening keeps the flag.
    t.session.open(t.path);
    expect(t.call('workspace.info', {}).onboarded).toBe(true);
  });

  it('seeds only valid requisites, phones and e-mails', () => {
    seedClients(t.sqlite(), { clients: 300, seed: 2026 });
    const rows = t.sqlite().prepare('SELECT kind, inn, kpp, ogrn FROM clients').all() as {
      kind: string;
      inn: string | null;
      kpp: string | null;
      ogrn: string | null;
    }[];
    const orgs = rows.filter((r) => r.kind === 'organization');
    const traders = rows.filter((r) => r.kind === 'sole_trader');
    expect(orgs.length).toBeGreaterThan(100);
    expect(traders.length).toBeGreaterThan(10);
    for (const r of orgs) {
      expect(checkInn(r.inn!, 10), r.inn!).toBeNull();
      expect(checkOgrn(r.ogrn!, 13), r.ogrn!).toBeNull();
      expect(checkKpp(r.kpp!), r.kpp!).toBeNull();
    }
    for (const r of traders) {
      expect(checkInn(r.inn!, 12), r.inn!).toBeNull();
      expect(checkOgrn(r.ogrn!, 15), r.ogrn!).toBeNull();
    }
    for (const p of t.sqlite().prepare('SELECT raw, digits FROM phones').all() as { raw: string; digits: string }[]) {
      expect(normalizePhone(p.raw)?.digits, p.raw).toBe(p.digits);
    }
  });

  it('seeded cards pass the app’s own validation when edited', () => {
    seedClients(t.sqlite(), { clients: 60, seed: 5 });
    const ids = (t.sqlite().prepare('SELECT id FROM clients ORDER BY seq').all() as { id: string }[]).map((r) => r.id);
    for (const id of ids) {
      expect(() => t.call('clients.update', { id, patch: { notes: 'проверка' } }), id).not.toThrow();
    }
  });

  it('counts what the workspace holds', () => {
    const tag = t.call('tags.create', { name: 'VIP', color: '#e03131' }).id;
    t.call('customFields.create', { entity: 'client', name: 'Поле', type: 'text' });
    const archivedField = t.call('customFields.create', { entity: 'client', name: 'Старое поле', type: 'text' }).id;
    t.call('customFields.archive', { id: archivedField });
    const a = t.call('clients.create', {
      kind: 'organization',
      name: 'ООО «А»',
      phones: [{ raw: '8 495 000 00 01' }, { raw: '8 495 000 00 02' }],
      emails: [{ address: 'a@a.ru' }],
      tagIds: [tag],
    }).id;
    const b = t.call('clients.create', { kind: 'person', lastName: 'Б' }).id;
    const c1 = t.call('contacts.create', { clientId: a, fields: { name: 'К1', phones: [{ raw: '8 916 000 00 03' }], emails: [{ address: 'k@a.ru' }] } }).id;
    t.call('contacts.create', { clientId: a, fields: { name: 'К2' } });
    t.call('contacts.archive', { id: c1 });
    t.call('history.add', { clientId: a, kind: 'note', occurredAt: '2025-01-01T00:00:00Z', text: 'заметка' });
    t.call('clients.archive', { ids: [b] });
    expect(t.call('workspace.info', {}).stats).toEqual({
      clients: 1,
      archivedClients: 1,
      contacts: 1,
      phones: 3,
      emails: 2,
      history: 2, // the note and the 'archived' system entry
      tags: 1,
      users: 1,
      tasks: 0,
      deals: 0,
      customFields: 1,
    });
  });

  it('validates workspace paths', () => {
    const codes = (path: string) => catchAppError(() => t.callRaw('workspace.create', { path })).issues.map((i) => i.code);
    expect(codes('relative/workspace.kdb')).toContain('workspace.path_absolute');
    expect(codes(join(dir, 'workspace.sqlite'))).toContain('workspace.path_extension');
    expect(catchAppError(() => t.call('workspace.create', { path: t.path })).code).toBe('workspace.exists');
    expect(catchAppError(() => t.call('workspace.open', { path: join(dir, 'missing.kdb') })).code).toBe('workspace.not_found');
  });

  it('switches to a newly created workspace, and back', () => {
    t.call('clients.create', { kind: 'person', lastName: 'Первый' });
    const second = join(dir, 'second.kdb');
    expect(t.call('workspace.create', { path: second }).stats.clients).toBe(0);
    expect(t.session.workspace.path).toBe(second);
    expect(t.call('workspace.open', { path: t.path }).stats.clients).toBe(1);
  });

  it('keeps the current workspace open when opening a damaged one fails', () => {
    t.call('clients.create', { kind: 'person', lastName: 'Остаюсь' });
    const broken = join(dir, 'broken.kdb');
    writeFileSync(broken, randomBytes(10_000));
    expect(catchAppError(() => t.call('workspace.open', { path: broken })).code).toBe('workspace.damaged');
    expect(t.session.workspace.path).toBe(t.path);
    expect(t.call('clients.list', { query: {} }).rows.map((r) => r.name)).toEqual(['Остаюсь']);
  });
});
