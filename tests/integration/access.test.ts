import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { invoke, procedures, type Caller } from '../../src-main/core/procedures';
import { AppError } from '../../src-main/core/errors';
import { httpStatusOf } from '../../src-main/shared/envelope';
import { errorEnvelope } from '../../src-main/core/errors';
import { DEFAULT_MATRIX, GRANTS } from '../../src-main/core/access/matrix';
import type { Procedure } from '../../src-main/core/procedures/define';

// Roles and visibility, checked once in the core for every door: what a manager may
// do, and that someone else's client is hidden from every list, search, lookup,
// report and export, and from the card itself.

let w: TestWorkspace;
let anna: string; // manager
let boris: string; // manager
let vera: string; // viewer
let own: { anna: string; boris: string };

const as = (userId: string) => (name: string, input: unknown = {}) => invoke(w.session, name, input, { door: 'http', local: true, userId } satisfies Caller) as never;
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('not refused');
};

beforeEach(() => {
  w = openTestWorkspace();
  const user = (name: string, role: string) => w.call('users.create', { name, email: null, color: '#336699', role } as never).id;
  anna = user('Анна', 'manager');
  boris = user('Борис', 'manager');
  vera = user('Вера', 'viewer');
  const client = (name: string, responsibleId: string, phone: string) =>
    w.call('clients.create', { kind: 'organization', name, responsibleId, phones: [{ raw: phone }] } as never).id;
  own = { anna: client('ООО «Аннины окна»', anna, '+7 916 111-11-11'), boris: client('ООО «Борисовы двери»', boris, '+7 916 222-22-22') };
  for (let i = 0; i < 30; i++) client(`ООО «Окна ${i}»`, i % 2 ? anna : boris, `+7 903 000-00-${String(i).padStart(2, '0')}`);
  const pipeline = w.call('pipelines.list', {})[0]!;
  w.call('deals.create', { title: 'Окна в офис', clientId: own.anna, pipelineId: pipeline.id, amountKopecks: 100_00, responsibleId: anna } as never);
  w.call('deals.create', { title: 'Двери в офис', clientId: own.boris, pipelineId: pipeline.id, amountKopecks: 200_00, responsibleId: boris } as never);
});
afterEach(() => w.dispose());

describe('the permission matrix', () => {
  it('every procedure declares a permission the matrix knows', () => {
    const known = new Set(['view', ...GRANTS]);
    for (const [name, p] of Object.entries(procedures)) expect(known.has((p as unknown as Procedure).permission), name).toBe(true);
  });

  it('a manager may not export, import, merge, change settings or restore; the refusal names the permission (HTTP 403)', () => {
    const call = as(anna);
    for (const [name, input, permission] of [
      ['exchange.export', { entity: 'clients', format: 'xlsx' }, 'export'],
      ['tags.create', { name: 'VIP', color: '#aa0000' }, 'settings'],
      ['clients.merge', { keepId: own.anna, mergeId: own.anna }, 'merge'],
      ['users.create', { name: 'Гость', email: null, color: '#336699' }, 'users'],
    ] as const) {
      const e = refusal(() => call(name, input));
      expect([e.code, e.params?.permission], name).toEqual(['forbidden', permission]);
      expect(httpStatusOf(errorEnvelope(e).error.code)).toBe(403);
    }
    // What a manager does all day is allowed.
    expect(call('clients.update', { id: own.anna, patch: { notes: 'Позвонить в понедельник' } })).toMatchObject({ id: own.anna });
  });

  it('a viewer reads and changes nothing', () => {
    const call = as(vera);
    expect((call('clients.list', { query: {} }) as { total: number }).total).toBe(32);
    expect(refusal(() => call('clients.update', { id: own.anna, patch: { notes: 'x' } })).code).toBe('forbidden');
  });

  it('only the owner edits the matrix; the owner’s own row cannot be narrowed', async () => {
    const m = structuredClone(DEFAULT_MATRIX);
    m.manager.grants.export = true;
    m.owner.grants.users = false;
    expect(refusal(() => as(anna)('access.setMatrix', { matrix: m })).code).toBe('forbidden');
    const saved = w.call('access.setMatrix', { matrix: m } as never) as { matrix: typeof m };
    expect(saved.matrix.manager.grants.export).toBe(true);
    expect(saved.matrix.owner.grants.users).toBe(true);
    // And the manager may export now.
    expect(await as(anna)('exchange.export', { entity: 'clients', format: 'xlsx' })).toMatchObject({ rows: 16 });
  });
});

describe('a manager sees only their own clients, deals and tasks', () => {
  it('in the list, the search and its count, the caller lookup and the card', () => {
    const call = as(anna);
    const list = call('clients.list', { query: {} }) as { total: number; rows: { id: string }[] };
    expect(list.total).toBe(16);
    expect(list.rows.map((r) => r.id)).not.toContain(own.boris);
    expect((call('clients.list', { query: { search: 'Борисовы' } }) as { total: number }).total).toBe(0);
    expect((call('clients.list', { query: { search: 'Окна' } }) as { total: number }).total).toBe(16);
    expect(call('clients.searchCount', { query: { search: 'ООО' } })).toEqual({ count: 16, more: false });
    expect(call('clients.lookupPhone', { phone: '+7 916 222-22-22' })).toEqual([]);
    expect((call('clients.lookupPhone', { phone: '+7 916 111-11-11' }) as unknown[]).length).toBe(1);
    expect(refusal(() => call('clients.get', { id: own.boris })).code).toBe('not_found');
    expect(refusal(() => call('clients.update', { id: own.boris, patch: { notes: 'x' } })).code).toBe('not_found');
    expect(refusal(() => call('history.list', { clientId: own.boris })).code).toBe('not_found');
    // The owner still sees everyone's (a cached list of the manager is never reused).
    expect(w.call('clients.list', { query: {} }).total).toBe(32);
  });

  it('a duplicate warning says only that the client exists and who is responsible', () => {
    const hits = as(anna)('clients.duplicates', { phones: ['+7 916 222-22-22'] }) as { id: string; name: string; hidden?: { responsible: string } }[];
    expect(hits).toEqual([expect.objectContaining({ id: '', name: '', hidden: { responsible: 'Борис' } })]);
  });

  it('in the deals list, board totals, reports and the dashboard', () => {
    const call = as(anna);
    const pipeline = w.call('pipelines.list', {})[0]!;
    const deals = call('deals.list', { pipelineId: pipeline.id, status: 'open', filter: {} }) as { rows: { title: string }[]; totals: { total: number } };
    expect(deals.rows.map((r) => r.title)).toEqual(['Окна в офис']);
    expect(deals.totals.total).toBe(1);
    const funnel = (who: (n: string, i: unknown) => never) =>
      (who('reports.run', { report: 'funnel', query: { from: '2020-01-01', to: '2099-12-31', timeZone: 'Europe/Moscow' } }) as { rows: { reached: number }[] }).rows[0]!.reached;
    expect(funnel(call)).toBe(1);
    expect(funnel(as(w.session.owner))).toBe(2);
  });

  it('every call that names a colleague’s client, deal, task or contact answers as for a wrong id; own ones work', () => {
    const call = as(anna);
    const pipeline = w.call('pipelines.list', {})[0]!;
    const borisDeal = (w.call('deals.list', { pipelineId: pipeline.id, status: 'open', filter: {} } as never) as { rows: { id: string; title: string }[] }).rows.find((r) => r.title === 'Двери в офис')!.id;
    const annaDeal = (call('deals.list', { pipelineId: pipeline.id, status: 'open', filter: {} }) as { rows: { id: string }[] }).rows[0]!.id;
    const task = (fields: Record<string, unknown>) =>
      w.call('tasks.create', { fields: { title: 'Позвонить', typeId: 'tasktype-call', allDay: false, startsAt: '2026-03-10T09:00:00Z', ...fields }, timeZone: 'UTC' } as never).id as string;
    const borisTask = task({ assigneeId: boris, clientId: own.boris });
    // The owner asks Anna to call Boris's client: her task, about a client she cannot open.
    const annasTaskOnBorisClient = task({ assigneeId: anna, clientId: own.boris });
    const borisContact = w.call('contacts.create', { clientId: own.boris, fields: { name: 'Пётр', phones: [], emails: [] } } as never).id as string;
    const tz = { timeZone: 'UTC' };
    for (const [name, input] of [
      ['deals.byClient', { clientId: own.boris }],
      ['deals.history', { dealId: borisDeal }],
      ['deals.update', { id: borisDeal, patch: { title: 'Моя' } }],
      ['deals.archive', { id: borisDeal }],
      ['deals.close', { id: borisDeal, outcome: 'won' }],
      ['deals.reopen', { id: borisDeal }],
      ['deals.move', { id: borisDeal, stageId: (w.call('pipelines.list', {})[0] as { stages: { id: string }[] }).stages[1]!.id, filter: {} }],
      ['deals.create', { title: 'Чужая', clientId: own.boris, pipelineId: pipeline.id }],
      ['deals.update', { id: annaDeal, patch: { clientId: own.boris } }],
      ['tasks.forClient', { clientId: own.boris, ...tz }],
      ['tasks.forDeal', { dealId: borisDeal, ...tz }],
      ['tasks.openForDeal', { dealId: borisDeal }],
      ['tasks.get', { id: borisTask, ...tz }],
      ['tasks.update', { id: borisTask, patch: { title: 'x' }, ...tz, scope: 'one' }],
      ['tasks.complete', { id: borisTask }],
      ['tasks.delete', { id: borisTask, scope: 'one' }],
      ['tasks.move', { id: borisTask, allDay: true, startsAt: '2026-03-11', ...tz }],
      ['tasks.create', { fields: { title: 'Чужой клиент', typeId: 'tasktype-call', allDay: true, startsAt: '2026-03-11', clientId: own.boris }, ...tz }],
      ['tasks.create', { fields: { title: 'Чужая сделка', typeId: 'tasktype-call', allDay: true, startsAt: '2026-03-11', dealId: borisDeal }, ...tz }],
      ['tasks.update', { id: annasTaskOnBorisClient, patch: { dealId: borisDeal }, ...tz, scope: 'one' }],
      ['birthdays.congratulate', { clientId: own.boris, name: 'Пётр' }],
      ['contacts.update', { id: borisContact, fields: { name: 'Павел', phones: [], emails: [] } }],
      ['contacts.archive', { id: borisContact }],
    ] as const) {
      expect(refusal(() => call(name, input)).code, `${name} ${JSON.stringify(input)}`).toBe('not_found');
    }
    // Nothing of Boris's changed.
    expect(w.call('deals.get', { id: borisDeal } as never)).toMatchObject({ title: 'Двери в офис', archivedAt: null });
    expect(w.call('tasks.get', { id: borisTask, timeZone: 'UTC' } as never)).toMatchObject({ title: 'Позвонить', doneAt: null });
    // Her own task stays hers to work on, though its client is Boris's.
    expect(call('tasks.update', { id: annasTaskOnBorisClient, patch: { title: 'Позвонить и напомнить', clientId: own.boris }, ...tz, scope: 'one' })).toBeTruthy();
    expect(call('tasks.complete', { id: annasTaskOnBorisClient, result: 'Дозвонилась' })).toBeTruthy();
    expect(call('tasks.create', { fields: { title: 'Своя', typeId: 'tasktype-call', allDay: true, startsAt: '2026-03-11', dealId: annaDeal }, ...tz })).toBeTruthy();
    expect((call('tasks.forClient', { clientId: own.anna, ...tz }) as { open: { title: string }[] }).open.map((t) => t.title)).toEqual(['Своя']);
    expect(call('deals.update', { id: annaDeal, patch: { title: 'Окна в офис и склад' } })).toBeTruthy();
  });

  it('when the owner lets managers see all, they do', () => {
    const m = structuredClone(DEFAULT_MATRIX);
    m.manager.see = 'all';
    w.call('access.setMatrix', { matrix: m } as never);
    expect((as(anna)('clients.list', { query: {} }) as { total: number }).total).toBe(32);
    expect((as(anna)('clients.get', { id: own.boris }) as { id: string }).id).toBe(own.boris);
  });
});

describe('the owner role', () => {
  it('an admin manages users but cannot make anyone an owner or change an owner', () => {
    const admin = w.call('users.create', { name: 'Админ', email: null, color: '#336699', role: 'admin' } as never).id;
    const call = as(admin);
    expect(call('users.update', { id: anna, role: 'viewer' })).toBeTruthy();
    expect(refusal(() => call('users.update', { id: admin, role: 'owner' })).code).toBe('forbidden');
    expect(refusal(() => call('users.update', { id: w.session.owner, role: 'manager' })).code).toBe('forbidden');
    expect(refusal(() => call('users.create', { name: 'Новый владелец', email: null, color: '#336699', role: 'owner' })).code).toBe('forbidden');
  });
});
