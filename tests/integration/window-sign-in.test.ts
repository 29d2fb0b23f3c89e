import { afterEach, describe, expect, it } from 'vitest';
import { WindowSignIn } from '../../src-main/electron/window-sign-in';
import { ChosenPaths, invoke } from '../../src-main/core/procedures';
import { AppError } from '../../src-main/core/errors';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// The desktop door: the core process keeps the window's sign-in (never the page), and
// every call of the window acts as the user signed in to it.

let t: TestWorkspace;
afterEach(() => t.dispose());

describe("the desktop window's sign-in", () => {
  it('opens without a prompt while nobody has a password; then asks, signs in, acts as the user and signs out', async () => {
    t = openTestWorkspace();
    const window = new WindowSignIn(new ChosenPaths());
    const call = (name: string, input: unknown = {}) => new Promise<unknown>((ok) => ok(invoke(t.session, name, input, window.caller(t.session))));
    const code = (name: string, input: unknown = {}) =>
      call(name, input).then(
        () => 'ok',
        (e: AppError) => e.code,
      );

    expect(await code('workspace.info')).toBe('ok');
    expect(window.caller(t.session)).toMatchObject({ door: 'electron', local: true });
    t.call('users.setPassword', { id: t.session.owner, password: 'пароль-владельца' });
    const maria = t.call('users.create', { name: 'Мария', email: null, color: '#112233', login: 'maria', role: 'manager', password: 'пароль-марии' }).id;

    expect(await code('workspace.info')).toBe('auth.required');
    expect(await call('auth.status')).toMatchObject({ required: true, user: null });
    expect(await code('auth.login', { login: 'maria', password: 'не-тот' })).toBe('auth.invalid');
    const signed = await call('auth.login', { login: 'maria', password: 'пароль-марии' });
    expect(JSON.stringify(signed)).not.toMatch(/token/i);
    expect(window.caller(t.session).userId).toBe(maria);
    expect(await call('workspace.info')).toMatchObject({ userId: maria });

    await call('auth.logout');
    expect(window.caller(t.session).userId).toBeUndefined();
    expect(await code('workspace.info')).toBe('auth.required');
  });

  it('a deactivation elsewhere signs the window out at its next call', async () => {
    t = openTestWorkspace();
    const window = new WindowSignIn(new ChosenPaths());
    t.call('users.setPassword', { id: t.session.owner, password: 'пароль-владельца' });
    const maria = t.call('users.create', { name: 'Мария', email: null, color: '#112233', login: 'maria', role: 'manager', password: 'пароль-марии' }).id;
    await invoke(t.session, 'auth.login', { login: 'maria', password: 'пароль-марии' }, window.caller(t.session));
    t.call('users.update', { id: maria, active: false });
    expect(window.caller(t.session).userId).toBeUndefined();
  });
});
