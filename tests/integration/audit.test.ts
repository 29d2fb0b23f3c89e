import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { invoke, procedures, type Caller } from '../../src-main/core/procedures';
import { proc, writes, type Procedure } from '../../src-main/core/procedures/define';
import { auditCall } from '../../src-main/core/audit/hook';
import { TARGET_TYPES } from '../../src-main/core/audit/spec';
import { pruneAuditIfDue } from '../../src-main/core/audit/retention';
import { AUDIT_ID_CAP } from '../../src-main/core/audit/record';
import { AppError } from '../../src-main/core/errors';
import { buildWorkspace, type Built } from '../helpers/builders';
import { catchAppError } from '../helpers/workspace';
import { ROOT } from '../helpers/cli';

// The audit log: one hook around the procedure table records every change (in the
// write's own transaction), every export and every sign-in call; entries are never
// edited or deleted except by pruning, which is itself recorded.

interface Row {
  action: string;
  user_id: string | null;
  user_name: string | null;
  door: string;
  address: string | null;
  os_user: string | null;
  target_type: string | null;
  target_id: string | null;
  target_ids: string | null;
  target_count: number;
  details: string | null;
}
const entries = (w: Built, where = '1=1', ...params: unknown[]) =>
  w
    .sqlite()
    .prepare(`SELECT * FROM audit_log WHERE ${where} ORDER BY at, id`)
    .all(...params) as Row[];
const last = (w: Built, action: string) => entries(w, 'action = ?', action).at(-1)!;
const details = (r: Row) => JSON.parse(r.details ?? '{}') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let w: Built;
afterEach(() => w?.dispose());

const table = Object.entries(procedures) as [string, Procedure][];

describe('the hook covers the procedure table', () => {
  it('every write, job and session procedure, every export and every sign-in or sign-out is recorded; reads (auth.status too) are not', () => {
    w = buildWorkspace();
    const missed = table.filter(([name, p]) => {
      const recorded = auditCall(w.session, name, p, {}, { door: 'internal', local: true }) !== null;
      const must = p.effect !== 'read' || p.permission === 'export';
      // A `when` decides per call (one entry per uploaded file): tested on its own below.
      return recorded !== must && !(p.audit?.exports && recorded) && !p.audit?.when;
    });
    expect(missed.map(([n]) => n)).toEqual([]);
    expect(table.filter(([, p]) => p.effect === 'write').length).toBeGreaterThan(50);
  });

  it('every declared target is a known kind, and every update of a main record declares one', () => {
    for (const [name, p] of table) if (p.audit?.target) expect(TARGET_TYPES, name).toContain(p.audit.target);
    const mustDeclare =
      /^(clients|contacts|deals|tasks|users|tags|customFields|taskTypes|pipelines|stages|lostReasons)\.(create|update|archive|restore|delete|rename|move|close|reopen|complete|reorder|merge|bulk)$/;
    const undeclared = table.filter(([name, p]) => mustDeclare.test(name) && !p.audit?.target).map(([n]) => n);
    expect(undeclared).toEqual([]);
  });

  it('no procedure edits or deletes entries: only the pruning names the table in a write', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(join(ROOT, 'src-main'));
    const writers = files.filter((f) => /(DELETE\s+FROM|UPDATE|REPLACE\s+INTO)\s+audit_log|\.(delete|update)\(auditLog\)/i.test(readFileSync(f, 'utf8')));
    expect(writers.map((f) => relative(ROOT, f))).toEqual([join('src-main', 'core', 'audit', 'retention.ts')]);
    const auditWrites = table.filter(([name, p]) => name.startsWith('audit.') && p.effect !== 'read').map(([n]) => n);
    expect(auditWrites).toEqual(['audit.saveSettings']);
  });
});

describe('what an entry says', () => {
  it('a realistic call of each kind of write leaves its entry, with the user, the door and the records', () => {
    w = buildWorkspace();
    const manager = w.user('Ольга Смирнова');
    const tag = w.tag('VIP');
    const client = w.client('ООО «Ромашка»', { inn: '7707083893' });
    w.call('clients.update', { id: client, patch: { responsibleId: manager, notes: 'Звонить после обеда' } } as never);
    const contact = w.call('contacts.create', { clientId: client, fields: { name: 'Анна', phones: [], emails: [] } } as never).id;
    w.call('contacts.update', { id: contact, fields: { name: 'Анна Петровна', position: 'Бухгалтер', phones: [], emails: [] } } as never);
    w.call('history.add', { clientId: client, kind: 'note', occurredAt: '2026-01-01T09:00:00.000Z', text: 'Встреча назначена' } as never);
    const deal = w.deal(client);
    w.call('deals.update', { id: deal, patch: { amountKopecks: 250_000_00 } } as never);
    const stages = w.pipeline().stages;
    w.call('deals.move', { id: deal, stageId: stages[1]!.id });
    const task = w.call('tasks.create', {
      fields: { title: 'Позвонить', typeId: 'tasktype-call', allDay: false, clientId: client, startsAt: '2026-01-02T09:00:00.000Z' },
      timeZone: 'Europe/Moscow',
    } as never).id;
    w.call('tasks.update', { id: task, patch: { title: 'Позвонить в 10' }, timeZone: 'Europe/Moscow', scope: 'one' } as never);
    w.call('tasks.complete', { id: task, result: 'Поговорили' });
    w.call('users.update', { id: manager, name: 'Ольга Кузнецова', email: null, color: '#336699', active: true });
    w.call('tags.update', { id: tag, name: 'VIP-клиент', color: '#aa3366' });
    w.call('pipelines.rename', { id: w.pipeline().id, name: 'Продажи' });
    w.call('stages.update', { id: stages[0]!.id, fields: { name: 'Первый звонок', color: '#336699', probability: 10, normDays: 3 } } as never);
    w.call('workspace.setLanguage', { language: 'en' });
    w.call('audit.saveSettings', { retentionYears: 5 });
    w.call('clients.archive', { ids: [client] });

    const calls = [
      'clients.create',
      'clients.update',
      'contacts.create',
      'contacts.update',
      'history.add',
      'deals.create',
      'deals.update',
      'deals.move',
      'tasks.create',
      'tasks.update',
      'tasks.complete',
      'users.create',
      'users.update',
      'tags.create',
      'tags.update',
      'pipelines.rename',
      'stages.update',
      'workspace.setLanguage',
      'audit.saveSettings',
      'clients.archive',
    ];
    for (const action of calls) expect(entries(w, 'action = ?', action).length, action).toBeGreaterThan(0);
    for (const r of entries(w)) {
      expect(r.user_name, r.action).toBe('Администратор');
      expect(r.door).toBe('internal');
    }
    const upd = last(w, 'clients.update');
    expect([upd.target_type, upd.target_id, upd.target_count]).toEqual(['client', client, 1]);
    expect(details(upd).changes).toEqual({ responsible: [null, 'Ольга Смирнова'], notes: [null, 'Звонить после обеда'] });
    expect(details(last(w, 'deals.update')).changes).toEqual({ amount_kopecks: [100_000, 250_000_00] });
    expect(details(last(w, 'deals.move')).changes.stage).toEqual([stages[0]!.name, stages[1]!.name]);
    expect(details(last(w, 'tasks.update')).changes.title).toEqual(['Позвонить', 'Позвонить в 10']);
    expect(details(last(w, 'tasks.complete')).changes.result).toEqual([null, 'Поговорили']);
    expect(details(last(w, 'users.update')).changes).toEqual({ name: ['Ольга Смирнова', 'Ольга Кузнецова'] });
    expect(details(last(w, 'contacts.update')).changes).toEqual({ name: ['Анна', 'Анна Петровна'], position: [null, 'Бухгалтер'] });
    expect(details(last(w, 'pipelines.rename')).changes).toEqual({ name: ['Продажа', 'Продажи'] });
    expect(details(last(w, 'workspace.setLanguage')).changes).toEqual({ language: [null, 'en'] });
    expect(details(last(w, 'audit.saveSettings')).changes).toEqual({ 'audit.settings.retentionYears': [null, 5] });
    expect(details(last(w, 'clients.create')).changes).toMatchObject({ name: [null, 'ООО «Ромашка»'], inn: [null, '7707083893'] });
    expect(details(last(w, 'history.add')).input).toMatchObject({ text: 'Встреча назначена' });
    // The user's name is kept as it was at the time of the entry.
    const renamed = entries(w, 'action = ?', 'users.create')[0]!;
    expect(details(renamed).changes.name).toEqual([null, 'Ольга Смирнова']);
  });

  it('the caller: a LAN address over HTTP, the OS user on the command line, the signed-in user when the door names one', () => {
    w = buildWorkspace();
    const other = w.user('Пётр', 'admin');
    const http: Caller = { door: 'http', local: false, address: '192.168.1.20' };
    invoke(w.session, 'tags.create', { name: 'A', color: '#aa3366' }, http);
    invoke(w.session, 'tags.create', { name: 'B', color: '#aa3366' }, { door: 'cli', local: true, osUser: 'olga' });
    invoke(w.session, 'tags.create', { name: 'C', color: '#aa3366' }, { door: 'electron', local: true, userId: other } as Caller);
    const [a, b, c] = entries(w, 'action = ?', 'tags.create');
    expect([a!.door, a!.address, a!.os_user]).toEqual(['http', '192.168.1.20', null]);
    expect([b!.door, b!.address, b!.os_user]).toEqual(['cli', null, 'olga']);
    expect([c!.door, c!.user_id, c!.user_name]).toEqual(['electron', other, 'Пётр']);
  });

  it('a bulk change of 1,000 clients is one entry: the ids capped, the count whole', () => {
    w = buildWorkspace();
    const manager = w.user('Ольга');
    w.sqlite().exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
      INSERT INTO clients (id, kind, name, name_key, relation, status, created_at, updated_at)
      SELECT printf('00000000-0000-7000-8000-%012d', i), 'organization', 'Клиент ' || i, 'клиент ' || i, 'client', 'active', '2026-01-01', '2026-01-01' FROM n`);
    w.call('clients.bulk', { target: { query: { search: '' } as never }, op: { action: 'setResponsible', responsibleId: manager } });
    const [bulk, ...more] = entries(w, 'action = ?', 'clients.bulk');
    expect(more).toEqual([]);
    expect(bulk!.target_count).toBe(1000);
    expect(bulk!.target_id).toBeNull();
    expect(JSON.parse(bulk!.target_ids!)).toHaveLength(AUDIT_ID_CAP);
    expect(details(bulk!)).toMatchObject({ input: { op: { action: 'setResponsible', responsibleId: manager } }, result: { count: 1000 } });
  });
});

describe('transactions', () => {
  it('a write that fails part-way leaves neither its change nor an entry', () => {
    w = buildWorkspace();
    const client = w.client('ООО «Ромашка»');
    const before = entries(w).length;
    // The bulk change refers to a user that does not exist: refused inside the handler.
    const e = catchAppError(() =>
      w.call('clients.bulk', { target: { ids: [client] }, op: { action: 'setResponsible', responsibleId: '01900000-0000-7000-8000-000000000000' } }),
    );
    expect(e.code).toBe('validation');
    expect(entries(w).length).toBe(before);
  });

  it('the entry is written in the write’s transaction: when it cannot be written, the change is rolled back too', () => {
    w = buildWorkspace();
    const client = w.client('ООО «Ромашка»');
    w.sqlite().exec(`CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
    expect(() => w.call('clients.update', { id: client, patch: { notes: 'не сохранится' } } as never)).toThrow('audit refused');
    w.sqlite().exec('DROP TRIGGER refuse_audit');
    expect(w.sqlite().prepare('SELECT notes FROM clients WHERE id = ?').get(client)).toEqual({ notes: null });
  });
});

describe('sign-in calls', () => {
  const login = 'auth.login';
  afterEach(() => delete (procedures as Record<string, unknown>)[login]);

  it('every auth.* call is recorded, a failure with its error code and the address, never the password', () => {
    w = buildWorkspace();
    // A stand-in for the sign-in procedure (its real one comes with the accounts work).
    (procedures as Record<string, unknown>)[login] = proc(writes('view'), z.object({ login: z.string(), password: z.string() }), (_s, i) => {
      if (i.password !== 'верный') throw new AppError('auth.bad_credentials', 'Wrong login or password');
      return { ok: true };
    });
    const lan: Caller = { door: 'http', local: false, address: '10.0.0.7' };
    expect(catchAppError(() => invoke(w.session, login, { login: 'olga', password: 'неверный' }, lan)).code).toBe('auth.bad_credentials');
    invoke(w.session, login, { login: 'olga', password: 'верный' }, lan);
    const failed = last(w, 'auth.login_failed');
    expect([failed.door, failed.address]).toEqual(['http', '10.0.0.7']);
    expect(details(failed)).toEqual({ error: 'auth.bad_credentials', input: { login: 'olga' } });
    expect(details(last(w, 'auth.login')).input).toEqual({ login: 'olga' });
    expect(w.sqlite().prepare(`SELECT count(*) AS n FROM audit_log WHERE details LIKE '%верный%'`).get()).toEqual({ n: 0 });
  });
});

describe('exports', () => {
  it('an export is recorded with what and how many rows', async () => {
    w = buildWorkspace();
    for (let i = 0; i < 7; i++) w.client(`Клиент ${i}`);
    const out = (await w.call('exchange.export', { entity: 'clients', format: 'xlsx' })) as { rows: number };
    expect(out.rows).toBe(7);
    const e = last(w, 'exchange.export');
    expect(details(e)).toMatchObject({ input: { entity: 'clients', format: 'xlsx' }, result: { rows: 7 } });
    const log = (await w.call('audit.export', { filter: {}, lang: 'ru', timeZone: 'Europe/Moscow' })) as { rows: number };
    expect(log.rows).toBe(entries(w).length - 1);
    expect(details(last(w, 'audit.export')).result.rows).toBe(log.rows);
  });
});

describe('retention', () => {
  it('prunes entries past the retention period at most daily, and records the pruning with its count', () => {
    w = buildWorkspace('2020-01-01T09:00:00.000Z');
    for (let i = 0; i < 3; i++) w.tag(`Старая ${i}`);
    w.at('2022-06-01T09:00:00.000Z');
    w.tag('Новая');
    w.at('2022-12-31T10:00:00.000Z');
    expect(pruneAuditIfDue(w.session)).toBe(0); // nothing is three years old yet
    w.at('2023-01-01T09:30:00.000Z');
    expect(pruneAuditIfDue(w.session)).toBe(0); // due by age, but pruned less than a day ago
    expect(entries(w, "action = 'audit.pruned'")).toEqual([]);
    w.at('2023-01-02T10:00:00.000Z');
    expect(pruneAuditIfDue(w.session)).toBe(3);
    const pruned = last(w, 'audit.pruned');
    expect([pruned.door, pruned.user_id]).toEqual(['internal', null]);
    expect(details(pruned)).toEqual({ count: 3, before: '2020-01-02T10:00:00.000Z' });
    expect(entries(w, "action = 'tags.create'")).toHaveLength(1);
    // A longer retention keeps more; null keeps everything.
    w.call('audit.saveSettings', { retentionYears: null });
    w.at('2040-01-01T00:00:00.000Z');
    expect(pruneAuditIfDue(w.session)).toBe(0);
  });
});

describe('audit.list', () => {
  it('filters by user, action family, record and period, newest first, with the total', () => {
    w = buildWorkspace('2026-01-01T09:00:00.000Z');
    const a = w.client('А');
    w.at('2026-02-01T09:00:00.000Z');
    const b = w.client('Б');
    w.call('clients.update', { id: a, patch: { notes: 'x' } } as never);
    invoke(w.session, 'tags.create', { name: 'T', color: '#aa3366' }, { door: 'internal', local: true, userId: w.user('Ольга', 'admin') } as Caller);
    const all = w.call('audit.list', { filter: {} });
    expect(all.rows.map((r) => r.action)).toEqual(['tags.create', 'users.create', 'clients.update', 'clients.create', 'clients.create']);
    expect(all.total).toBe(5);
    expect(w.call('audit.list', { filter: { action: 'clients.' } }).total).toBe(3);
    expect(w.call('audit.list', { filter: { targetType: 'client', targetId: a } }).rows.map((r) => r.action)).toEqual(['clients.update', 'clients.create']);
    expect(w.call('audit.list', { filter: { from: '2026-01-15T00:00:00.000Z' } }).total).toBe(4);
    expect(w.call('audit.list', { filter: { to: '2026-01-15T00:00:00.000Z' } }).rows[0]!.targetName).toBe('А');
    const olga = w.call('audit.list', { filter: { userId: all.rows[0]!.userId } });
    expect(olga.rows.map((r) => [r.action, r.userName])).toEqual([['tags.create', 'Ольга']]);
    expect(b).toBeTruthy();
  });
});

describe('import', () => {
  it('a file sent in pieces is one entry (at its last piece), not one per piece', () => {
    w = buildWorkspace();
    const bytes = Buffer.from('Наименование;ИНН\n' + 'ООО «Альфа»;7707083893\n'.repeat(30));
    const piece = (from: number, to: number, uploadId: string | null) =>
      w.call('exchange.upload', { uploadId, name: 'клиенты.csv', data: bytes.subarray(from, to).toString('base64'), last: to >= bytes.length } as never) as { fileId: string };
    const first = piece(0, 200, null);
    const id = first.fileId;
    piece(200, 400, id);
    piece(400, bytes.length, id);
    expect(entries(w, 'action = ?', 'exchange.upload').length).toBe(1);
  });


  it('an import is recorded with its counts and batch id', async () => {
    w = buildWorkspace();
    const file = join(w.dir, 'clients.csv');
    writeFileSync(file, 'Наименование;ИНН\nООО «Альфа»;7707083893\nООО «Бета»;\n');
    const { fileId } = w.call('exchange.openLocal', { path: file });
    await w.call('exchange.run', { fileId, entity: 'clients' } as never);
    const d = details(last(w, 'exchange.run'));
    expect(d.result).toMatchObject({ created: 2 });
    expect(typeof d.result.batchId).toBe('string');
  });
});
