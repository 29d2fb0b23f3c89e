import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, parseHash, verifyPassword, verifyPasswordSync, CURRENT_PARAMS } from '../../src-main/core/auth/password';
import { invoke, INTERNAL_CALLER, type Caller } from '../../src-main/core/procedures';
import type { SignInHolder } from '../../src-main/core/procedures/caller';
import { sessionUser, passwordsRequired } from '../../src-main/core/auth/sessions';
import { AppError } from '../../src-main/core/errors';
import { openTestWorkspace, catchAppError, issueKeys, type TestWorkspace } from '../helpers/workspace';

// Accounts and sign-in in the core: hashes, the lockout, sessions and who acts in a call,
// against a real workspace file.

let t: TestWorkspace;
let clock = new Date('2026-03-02T09:00:00Z');
afterEach(() => t?.dispose());

function open() {
  clock = new Date('2026-03-02T09:00:00Z');
  t = openTestWorkspace({ clock: () => clock });
  return t;
}
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

/** A browser or window as its door sees it: the token it holds, the user it signs in. */
function door(kind: Caller['door'] = 'http') {
  const holder: SignInHolder = { token: null, keep: (tok) => void (holder.token = tok) };
  const caller = (): Caller => {
    const userId = sessionUser(t.session, holder.token)?.id;
    return { door: kind, local: true, address: '127.0.0.1', signIn: holder, ...(userId ? { userId } : {}) };
  };
  return {
    holder,
    call: (name: string, input: unknown = {}) => Promise.resolve(invoke(t.session, name, input, caller())),
    fail: async (name: string, input: unknown = {}) => {
      try {
        await invoke(t.session, name, input, caller());
      } catch (e) {
        if (e instanceof AppError) return e;
        throw e;
      }
      throw new Error(`${name} did not fail`);
    },
  };
}

const ownerId = () => t.session.owner;
/** The owner's password, which any other password needs first. */
const ownerPassword = () => t.call('users.setPassword', { id: ownerId(), password: 'пароль-владельца' });

describe('password hashes', () => {
  it('are scrypt with the parameters and a per-user salt in the string, and verify only the right password', async () => {
    const a = hashPassword('correct horse');
    const b = hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b); // salted
    expect(parseHash(a)!.params).toEqual(CURRENT_PARAMS);
    expect(parseHash(a)!.salt.length).toBe(16);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsf', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
    expect(verifyPasswordSync('correct horse', b)).toBe(true);
    expect(await verifyPassword('x', null)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });

  it('verify with their own parameters, so weaker old hashes still work and are marked for a rehash', async () => {
    const weak = hashPassword('пароль-старый', { N: 1024, r: 8, p: 1, keylen: 32 });
    expect(weak.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('пароль-старый', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(hashPassword('x'))).toBe(false);
  });

  it('a weak stored hash is replaced by a current one at the next sign-in', async () => {
    open();
    t.sqlite()
      .prepare("UPDATE users SET password_hash = ? WHERE login = 'admin'")
      .run(hashPassword('пароль-владельца', { N: 1024, r: 8, p: 1, keylen: 32 }));
    await door().call('auth.login', { login: 'admin', password: 'пароль-владельца' });
    const stored = (t.sqlite().prepare("SELECT password_hash AS h FROM users WHERE login = 'admin'").get() as { h: string }).h;
    expect(parseHash(stored)!.params).toEqual(CURRENT_PARAMS);
  });
});

describe('users with logins, roles and passwords', () => {
  it('the first user is the owner with the login admin; nobody reads a hash', () => {
    open();
    const list = t.call('users.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ login: 'admin', role: 'owner', hasPassword: false, lastLoginAt: null });
    ownerPassword();
    t.call('users.create', { name: 'Мария', email: null, color: '#112233', login: 'Мария', role: 'manager', password: 'пароль-марии' });
    expect(JSON.stringify(t.call('users.list', {}))).not.toMatch(/scrypt|password_hash|passwordHash/);
    expect(t.call('users.list', {}).find((u) => u.login === 'Мария')).toMatchObject({ hasPassword: true, role: 'manager' });
  });

  it('logins are unique whatever the case (Cyrillic too) and checked for their characters', () => {
    open();
    t.call('users.create', { name: 'Мария', email: null, color: '#112233', login: 'Мария' });
    const taken = catchAppError(() => t.call('users.create', { name: 'Другая', email: null, color: '#112233', login: 'МАРИЯ' }));
    expect(issueKeys(taken)).toEqual(['login:users.login_taken']);
    expect(issueKeys(catchAppError(() => t.call('users.create', { name: 'X', email: null, color: '#112233', login: 'с пробелом' })))).toEqual([
      'login:users.login_chars',
    ]);
    expect(issueKeys(catchAppError(() => t.call('users.create', { name: 'X', email: null, color: '#112233', login: 'x', password: 'short' })))).toEqual([
      'password:users.password_short',
    ]);
    expect(t.count('users')).toBe(2);
  });

  it('keeps one active owner: the last one can be neither demoted nor deactivated', () => {
    open();
    expect(catchAppError(() => t.call('users.update', { id: ownerId(), role: 'manager' })).code).toBe('users.last_owner');
    expect(catchAppError(() => t.call('users.update', { id: ownerId(), active: false })).code).toBe('users.last_owner');
    expect(t.call('users.list', {})[0]).toMatchObject({ role: 'owner', active: true });
  });

  it("refuses a password while no owner has one (the owner's own desktop would then ask a password they lack)", () => {
    open();
    expect(catchAppError(() => t.call('users.create', { name: 'М', email: null, color: '#112233', login: 'm', password: 'пароль-менеджера' })).code).toBe(
      'users.owner_password_first',
    );
    const { id } = t.call('users.create', { name: 'М', email: null, color: '#112233', login: 'm' });
    expect(catchAppError(() => t.call('users.setPassword', { id, password: 'пароль-менеджера' })).code).toBe('users.owner_password_first');
    ownerPassword();
    t.call('users.setPassword', { id, password: 'пароль-менеджера' });
    // Nor may the only owner with a password then be deactivated or demoted.
    const { id: second } = t.call('users.create', { name: 'Второй', email: null, color: '#112233', login: 'owner2', role: 'owner' });
    expect(catchAppError(() => t.call('users.update', { id: ownerId(), role: 'admin' })).code).toBe('users.owner_password_first');
    expect(t.call('users.update', { id: second, active: false })).toEqual({ id: second });
  });
});

describe('signing in', () => {
  async function withManager() {
    open();
    ownerPassword();
    const { id } = t.call('users.create', { name: 'Мария', email: null, color: '#112233', login: 'maria', role: 'manager', password: 'пароль-марии' });
    return id;
  }

  it('a workspace without passwords needs no sign-in; one password makes every door but the CLI ask', async () => {
    open();
    expect(passwordsRequired(t.session)).toBe(false);
    const browser = door();
    await expect(browser.call('clients.list', { query: {} })).resolves.toBeTruthy();
    expect(await browser.call('auth.status')).toMatchObject({ required: false, user: null });
    ownerPassword();
    const b2 = door();
    expect((await b2.fail('clients.list', { query: {} })).code).toBe('auth.required');
    expect((await door('electron').fail('workspace.info')).code).toBe('auth.required');
    expect(await b2.call('auth.status')).toMatchObject({ required: true, user: null });
    // The CLI and the core itself act as the owner.
    expect(invoke(t.session, 'workspace.info', {}, { door: 'cli', local: true, osUser: 'u' })).toBeTruthy();
    expect(invoke(t.session, 'workspace.info', {}, INTERNAL_CALLER)).toBeTruthy();
  });

  it('signs in by login in any case, records the last sign-in, and the call acts as that user', async () => {
    const maria = await withManager();
    const browser = door();
    const r = (await browser.call('auth.login', { login: 'MARIA', password: 'пароль-марии' })) as { user: { id: string; role: string } };
    expect(r.user).toMatchObject({ id: maria, role: 'manager', login: 'maria' });
    expect(JSON.stringify(r)).not.toContain(browser.holder.token!);
    expect(browser.holder.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the token's SHA-256 is stored.
    const stored = t.sqlite().prepare('SELECT token_hash AS h FROM sessions').all() as { h: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.h).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.h).not.toContain(browser.holder.token!);
    expect(await browser.call('auth.status')).toMatchObject({ required: true, user: { id: maria, name: 'Мария', login: 'maria', role: 'manager' } });
    expect(t.call('users.list', {}).find((u) => u.id === maria)!.lastLoginAt).toBe(clock.toISOString());
    // Authorship follows the signed-in user, not the owner.
    const { id } = (await browser.call('clients.create', { kind: 'person', name: 'Клиент Марии' })) as { id: string };
    expect(t.sqlite().prepare('SELECT created_by AS by FROM clients WHERE id = ?').get(id)).toEqual({ by: maria });
    expect((await browser.call('workspace.info')) as { userId: string }).toMatchObject({ userId: maria });
  });

  it('answers an unknown login, a wrong password, a user without a password and a deactivated one alike', async () => {
    const maria = await withManager();
    t.call('users.create', { name: 'Без пароля', email: null, color: '#112233', login: 'nopass' });
    const answers = [];
    for (const [login, password] of [
      ['nobody', 'x'],
      ['maria', 'wrong-password'],
      ['nopass', ''],
    ])
      answers.push(await door().fail('auth.login', { login, password }));
    t.call('users.update', { id: maria, active: false });
    answers.push(await door().fail('auth.login', { login: 'maria', password: 'пароль-марии' }));
    expect(new Set(answers.map((e) => `${e.code}|${e.message}`))).toEqual(new Set(['auth.invalid|Wrong login or password']));
  });

  it('locks a login after 5 failures in 15 minutes: refused for 15 minutes even with the right password', async () => {
    await withManager();
    for (let i = 0; i < 5; i++) {
      expect((await door().fail('auth.login', { login: 'maria', password: `guess-${i}` })).code).toBe('auth.invalid');
      later(60_000);
    }
    const locked = await door().fail('auth.login', { login: 'Maria', password: 'пароль-марии' });
    expect(locked.code).toBe('auth.locked');
    expect(locked.params.minutes).toBe(14); // 15 from the fifth failure, a minute ago
    // Another login is not affected.
    expect((await door().fail('auth.login', { login: 'admin', password: 'x' })).code).toBe('auth.invalid');
    later(13 * 60_000);
    expect((await door().fail('auth.login', { login: 'maria', password: 'пароль-марии' })).code).toBe('auth.locked');
    later(60_000 + 1);
    await expect(door().call('auth.login', { login: 'maria', password: 'пароль-марии' })).resolves.toMatchObject({ user: { login: 'maria' } });
  });

  it('failures spread over more than 15 minutes do not lock, and a success forgets them', async () => {
    await withManager();
    for (let i = 0; i < 8; i++) {
      expect((await door().fail('auth.login', { login: 'maria', password: 'nope' })).code).toBe('auth.invalid');
      later(4 * 60_000);
    }
    await door().call('auth.login', { login: 'maria', password: 'пароль-марии' });
    expect(t.count('sign_in_failures', "login_key = 'maria'")).toBe(0);
  });

  it('tries sent at once count before they are checked: the sixth concurrent one is already refused', async () => {
    await withManager();
    const tries = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => door().call('auth.login', { login: 'maria', password: `parallel-${i}` })));
    const codes = tries.map((r) => (r.status === 'rejected' ? (r.reason as AppError).code : 'ok'));
    expect(codes.filter((c) => c === 'auth.invalid')).toHaveLength(5);
    expect(codes.filter((c) => c === 'auth.locked')).toHaveLength(7);
    expect((await door().fail('auth.login', { login: 'maria', password: 'пароль-марии' })).code).toBe('auth.locked');
  });
});

describe('sessions', () => {
  async function signedInMaria() {
    open();
    ownerPassword();
    const { id } = t.call('users.create', { name: 'Мария', email: null, color: '#112233', login: 'maria', role: 'manager', password: 'пароль-марии' });
    const a = door();
    const b = door('electron');
    await a.call('auth.login', { login: 'maria', password: 'пароль-марии' });
    await b.call('auth.login', { login: 'maria', password: 'пароль-марии' });
    return { id, a, b };
  }

  it('end after the idle time (8 hours by default, a workspace setting), not while in use', async () => {
    const { a } = await signedInMaria();
    for (let i = 0; i < 5; i++) {
      later(7 * 3_600_000);
      await expect(a.call('clients.list', { query: {} })).resolves.toBeTruthy();
    }
    later(8 * 3_600_000 + 1);
    expect((await a.fail('clients.list', { query: {} })).code).toBe('auth.required');
    t.call('auth.updateSettings', { sessionIdleHours: 1, lockAfterMinutes: 10 });
    const c = door();
    await c.call('auth.login', { login: 'maria', password: 'пароль-марии' });
    expect(await c.call('auth.status')).toMatchObject({ lockAfterMinutes: 10 });
    later(3_600_000 + 1);
    expect((await c.fail('clients.list', { query: {} })).code).toBe('auth.required');
  });

  it("all of a user's sessions end when the user is deactivated", async () => {
    const { id, a, b } = await signedInMaria();
    t.call('users.update', { id, active: false });
    expect(t.count('sessions')).toBe(0);
    expect((await a.fail('clients.list', { query: {} })).code).toBe('auth.required');
    expect((await b.fail('clients.list', { query: {} })).code).toBe('auth.required');
  });

  it("all of a user's sessions end when the password changes; their own change needs the old password", async () => {
    const { id, a, b } = await signedInMaria();
    const wrong = await a.fail('users.setPassword', { id, password: 'новый-пароль', oldPassword: 'не-тот' });
    expect(issueKeys(wrong)).toEqual(['oldPassword:users.old_password_wrong']);
    expect(issueKeys(await a.fail('users.setPassword', { id, password: 'новый-пароль' }))).toEqual(['oldPassword:users.old_password_wrong']);
    await a.call('users.setPassword', { id, password: 'новый-пароль', oldPassword: 'пароль-марии' });
    expect((await a.fail('clients.list', { query: {} })).code).toBe('auth.required');
    expect((await b.fail('clients.list', { query: {} })).code).toBe('auth.required');
    expect((await door().fail('auth.login', { login: 'maria', password: 'пароль-марии' })).code).toBe('auth.invalid');
    await door().call('auth.login', { login: 'maria', password: 'новый-пароль' });
  });

  it("an owner or an admin resets another's password; a manager may not, an admin not an owner's", async () => {
    const { id: maria, a } = await signedInMaria();
    t.call('users.update', { id: ownerId(), login: 'boss' });
    t.call('users.setPassword', { id: ownerId(), password: 'пароль-босса' }); // the CLI and the core act as the owner: no old password
    const { id: admin } = t.call('users.create', { name: 'Админ', email: null, color: '#112233', login: 'adm', role: 'admin', password: 'пароль-админа' });
    expect((await a.fail('users.setPassword', { id: admin, password: 'захват-админа' })).code).toBe('forbidden');
    const adm = door();
    await adm.call('auth.login', { login: 'adm', password: 'пароль-админа' });
    expect((await adm.fail('users.setPassword', { id: ownerId(), password: 'захват-владельца' })).code).toBe('forbidden');
    await adm.call('users.setPassword', { id: maria, password: 'сброшенный-пароль' });
    expect((await a.fail('clients.list', { query: {} })).code).toBe('auth.required');
    const boss = door();
    await boss.call('auth.login', { login: 'boss', password: 'пароль-босса' });
    await boss.call('users.setPassword', { id: admin, password: 'новый-пароль-админа' });
  });

  it('sign-out ends only that session', async () => {
    const { a, b } = await signedInMaria();
    await a.call('auth.logout');
    expect(a.holder.token).toBeNull();
    expect((await a.fail('clients.list', { query: {} })).code).toBe('auth.required');
    await expect(b.call('clients.list', { query: {} })).resolves.toBeTruthy();
  });

  it('concurrent calls of two users each act as their own user across awaits', async () => {
    const { id: maria, a } = await signedInMaria();
    const boss = door();
    t.call('users.update', { id: ownerId(), login: 'boss' });
    t.call('users.setPassword', { id: ownerId(), password: 'пароль-босса' });
    await boss.call('auth.login', { login: 'boss', password: 'пароль-босса' });
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : boss).call('clients.create', { kind: 'person', name: `Клиент ${i}` }) as Promise<{ id: string }>),
    );
    made.forEach(({ id }, i) => {
      expect(t.sqlite().prepare('SELECT created_by AS by FROM clients WHERE id = ?').get(id)).toEqual({ by: i % 2 ? maria : ownerId() });
    });
  });
});
