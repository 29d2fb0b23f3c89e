import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type ServerHandle } from '../../src-main/http/server';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// Browser mode with passwords: every /api call but auth.login and auth.status needs the
// session cookie; failures are 401, the lockout 429, and a bounded brute force never gets in.

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: { ok: boolean; result?: Record<string, unknown>; error?: { code: string; params: Record<string, unknown> } };
}

let t: TestWorkspace;
let server: ServerHandle;
let mariaId = '';

function api(name: string, input: unknown = {}, cookie?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/api/${name}`,
        headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply['json'] }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

/** The cookie pair a browser would send back, from a Set-Cookie answer. */
function cookieOf(r: Reply): string {
  const set = r.headers['set-cookie'];
  const line = Array.isArray(set) ? set[0]! : String(set);
  return line.split(';')[0]!;
}

async function signIn(login: string, password: string): Promise<string> {
  const r = await api('auth.login', { login, password });
  expect(r.status).toBe(200);
  return cookieOf(r);
}

beforeAll(async () => {
  t = openTestWorkspace();
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Kartoteka</title>');
  server = await startServer(t.session, { host: '127.0.0.1', port: 0, rendererDir });
});
afterAll(() => {
  server.close();
  t.dispose();
});

describe('browser mode without any password', () => {
  it('works as today: the local owner, no cookie needed', async () => {
    const r = await api('clients.list', { query: {} });
    expect(r.status).toBe(200);
    expect((await api('auth.status')).json.result).toMatchObject({ required: false, user: null });
  });
});

describe('browser mode with passwords', () => {
  beforeAll(() => {
    t.call('users.setPassword', { id: t.session.owner, password: 'пароль-владельца' });
    mariaId = t.call('users.create', { name: 'Мария', email: null, color: '#112233', login: 'maria', role: 'manager', password: 'пароль-марии' }).id;
  });

  it('refuses every call without a cookie with 401 and a JSON error, except sign-in and the status', async () => {
    for (const name of ['clients.list', 'workspace.info', 'users.list', 'auth.logout', 'backup.list', 'users.setPassword']) {
      const r = await api(name, name === 'clients.list' ? { query: {} } : {});
      expect(r.status, name).toBe(401);
      expect(r.json).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    }
    const status = await api('auth.status');
    expect(status.status).toBe(200);
    expect(status.json.result).toMatchObject({ required: true, user: null });
    // A made-up cookie is no better than none, and is cleared.
    const forged = await api('clients.list', { query: {} }, 'kartoteka_session=' + 'A'.repeat(43));
    expect(forged.status).toBe(401);
    expect(String(forged.headers['set-cookie'])).toMatch(/kartoteka_session=; Max-Age=0/);
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie (no token in the body) and then serves the user', async () => {
    const r = await api('auth.login', { login: 'Maria', password: 'пароль-марии' });
    expect(r.status).toBe(200);
    const set = String(r.headers['set-cookie']);
    expect(set).toMatch(/^kartoteka_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    const token = cookieOf(r).split('=')[1]!;
    expect(JSON.stringify(r.json)).not.toContain(token);
    expect(r.json.result).toMatchObject({ user: { id: mariaId, login: 'maria', role: 'manager' } });
    const cookie = cookieOf(r);
    expect((await api('clients.list', { query: {} }, cookie)).status).toBe(200);
    expect((await api('auth.status', {}, cookie)).json.result).toMatchObject({ required: true, user: { id: mariaId, name: 'Мария' } });
    const created = await api('clients.create', { kind: 'person', name: 'Клиент Марии' }, cookie);
    expect(
      t
        .sqlite()
        .prepare('SELECT created_by AS by FROM clients WHERE id = ?')
        .get((created.json.result as { id: string }).id),
    ).toEqual({ by: mariaId });
  });

  it('never sends a password hash', async () => {
    const cookie = await signIn('admin', 'пароль-владельца');
    const list = await api('users.list', {}, cookie);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.json)).not.toMatch(/scrypt|hash/i);
  });

  it('answers a wrong password and an unknown login with the same 401', async () => {
    const wrong = await api('auth.login', { login: 'admin', password: 'не-тот-пароль' });
    const unknown = await api('auth.login', { login: 'nobody-here', password: 'не-тот-пароль' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json.error).toMatchObject({ code: 'auth.invalid' });
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('locks after 5 failures: the 6th try is 429, and so is the right password', async () => {
    t.call('users.create', { name: 'Пётр', email: null, color: '#112233', login: 'petr', role: 'manager', password: 'пароль-петра' });
    for (let i = 1; i <= 5; i++) expect((await api('auth.login', { login: 'petr', password: `guess-${i}` })).status, `try ${i}`).toBe(401);
    const sixth = await api('auth.login', { login: 'petr', password: 'guess-6' });
    expect(sixth.status).toBe(429);
    expect(sixth.json.error).toMatchObject({ code: 'auth.locked', params: { minutes: 15 } });
    const right = await api('auth.login', { login: 'petr', password: 'пароль-петра' });
    expect(right.status).toBe(429);
    expect(right.headers['set-cookie']).toBeUndefined();
    // The lock is for that login only.
    expect((await api('auth.login', { login: 'maria', password: 'пароль-марии' })).status).toBe(200);
  });

  it('a bounded brute force (300 tries, 20 at a time, the right password among them, any letter case) never gets in', async () => {
    t.call('users.create', { name: 'Ольга', email: null, color: '#112233', login: 'olga', role: 'manager', password: 'Olga-2026!' });
    const guesses = Array.from({ length: 300 }, (_, i) => (i === 150 || i === 299 ? 'Olga-2026!' : `Olga-${2000 + i}!`));
    const statuses: number[] = [];
    for (let i = 0; i < guesses.length; i += 20) {
      const batch = guesses.slice(i, i + 20).map((password, k) => api('auth.login', { login: k % 2 ? 'OLGA' : 'olga', password }));
      for (const r of await Promise.all(batch)) {
        statuses.push(r.status);
        expect(r.headers['set-cookie']).toBeUndefined();
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(0);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(295);
    expect(t.count('sessions', `user_id = (SELECT id FROM users WHERE login = 'olga')`)).toBe(0);
  });

  it('ends the session after deactivation', async () => {
    const { id } = t.call('users.create', { name: 'Иван', email: null, color: '#112233', login: 'ivan', role: 'manager', password: 'пароль-ивана' });
    const cookie = await signIn('ivan', 'пароль-ивана');
    expect((await api('clients.list', { query: {} }, cookie)).status).toBe(200);
    const owner = await signIn('admin', 'пароль-владельца');
    expect((await api('users.update', { id, active: false }, owner)).status).toBe(200);
    const after = await api('clients.list', { query: {} }, cookie);
    expect(after.status).toBe(401);
    expect(after.json.error).toMatchObject({ code: 'auth.required' });
    expect((await api('auth.login', { login: 'ivan', password: 'пароль-ивана' })).status).toBe(401);
  });

  it('ends every session of the user after a password change, including the one that changed it', async () => {
    const first = await signIn('maria', 'пароль-марии');
    const second = await signIn('maria', 'пароль-марии');
    const r = await api('users.setPassword', { id: mariaId, password: 'новый-пароль-марии', oldPassword: 'пароль-марии' }, first);
    expect(r.status).toBe(200);
    expect((await api('clients.list', { query: {} }, first)).status).toBe(401);
    expect((await api('clients.list', { query: {} }, second)).status).toBe(401);
    expect((await api('auth.login', { login: 'maria', password: 'пароль-марии' })).status).toBe(401);
    expect((await api('clients.list', { query: {} }, await signIn('maria', 'новый-пароль-марии'))).status).toBe(200);
  });

  it('signs out: the cookie is cleared and no longer works', async () => {
    const cookie = await signIn('admin', 'пароль-владельца');
    const out = await api('auth.logout', {}, cookie);
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/^kartoteka_session=; Max-Age=0; HttpOnly; SameSite=Strict; Path=\/$/);
    expect((await api('clients.list', { query: {} }, cookie)).status).toBe(401);
  });
});
