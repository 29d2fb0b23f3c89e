import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeTempDir, removeDir } from '../helpers/workspace';
import { cli, cliWithStdin, expectOneLineError, ROOT } from '../helpers/cli';
import { verifyPassword } from '../../src-main/core/auth/password';

// `users add | list | passwd | deactivate` and `serve --host` as a person runs them:
// the password always from standard input, never from the command line.

let dir: string;
let db: string;
beforeAll(async () => {
  dir = makeTempDir('users-cli');
  db = join(dir, 'office.kdb');
  expect((await cli('init', '--db', db)).code).toBe(0);
});
afterAll(() => removeDir(dir));

function row(login: string) {
  const sqlite = new Database(db, { readonly: true });
  try {
    return sqlite.prepare('SELECT name, login, role, active, password_hash AS hash FROM users WHERE login = ?').get(login) as
      { name: string; login: string; role: string; active: number; hash: string | null } | undefined;
  } finally {
    sqlite.close();
  }
}

type Listed = { users: { login: string | null; name: string; role: string; active: boolean; hasPassword: boolean; lastLoginAt: string | null }[] };

/** `serve --host 0.0.0.0` until it prints its address (then stopped) or exits. */
function serveLan(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const ui = join(dir, 'ui');
  mkdirSync(ui, { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html>');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'serve', '--db', db, '--host', '0.0.0.0', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, KARTOTEKA_LANG: 'en', KARTOTEKA_RENDERER_DIR: ui },
  });
  let stdout = '';
  let stderr = '';
  // Stopped once it has said both lines: where it is open, and the LAN warning.
  const stopWhenServing = () => {
    if (/open at http/.test(stdout) && /LAN access is ON/.test(stderr)) child.kill('SIGTERM');
  };
  child.stderr.on('data', (d) => {
    stderr += String(d);
    stopWhenServing();
  });
  child.stdout.on('data', (d) => {
    stdout += String(d);
    stopWhenServing();
  });
  return new Promise((ok) => child.on('exit', (code) => ok({ code, stdout, stderr })));
}

describe('cli users', () => {
  it('serve --host refuses to start while no user has a password, saying in one line how to set one', async () => {
    const r = await serveLan();
    expect(r.code).not.toBe(0);
    expect(r.stdout).not.toMatch(/open at/);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: LAN access \(--host 0\.0\.0\.0\) stays closed while no user has a password: set one in Settings → Users or with npm run cli -- users passwd LOGIN/,
    );
  });

  it('list shows the owner «admin» without a password; --json gives every user, never a hash', async () => {
    const r = await cli('users', 'list', '--db', db, '--json');
    expect(r.code, r.stderr).toBe(0);
    const listed = JSON.parse(r.stdout) as Listed;
    expect(listed.users).toEqual([expect.objectContaining({ login: 'admin', role: 'owner', active: true, hasPassword: false })]);
    expect(r.stdout).not.toMatch(/scrypt|hash/i);
  });

  it('refuses a password given anywhere but standard input', async () => {
    expectOneLineError(await cli('users', 'passwd', 'admin', '--db', db), /read from standard input only/);
    expectOneLineError(await cli('users', 'passwd', 'admin', '--db', db, '--password', 'x'), /unknown option --password/);
    expectOneLineError(await cliWithStdin('\n', 'users', 'passwd', 'admin', '--db', db, '--password-stdin'), /no password came on standard input/);
  });

  it("passwd sets the owner's password from stdin (first line only, a Cyrillic one too)", async () => {
    const r = await cliWithStdin('Пароль владельца 1\nignored\n', 'users', 'passwd', 'ADMIN', '--db', db, '--password-stdin');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/password of admin set; sign-ins ended: 0/);
    expect(await verifyPassword('Пароль владельца 1', row('admin')!.hash)).toBe(true);
  });

  it('add creates a user with a login, a role and a password from stdin', async () => {
    const r = await cliWithStdin(
      'пароль-марии\r\n',
      'users',
      'add',
      '--db',
      db,
      '--name',
      'Мария Иванова',
      '--login',
      'Мария',
      '--role',
      'manager',
      '--password-stdin',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(row('Мария')).toMatchObject({ name: 'Мария Иванова', role: 'manager', active: 1 });
    expect(await verifyPassword('пароль-марии', row('Мария')!.hash)).toBe(true);
    const noPassword = await cli('users', 'add', '--db', db, '--name', 'Пётр', '--login', 'petr', '--role', 'viewer');
    expect(noPassword.code, noPassword.stderr).toBe(0);
    expect(row('petr')).toMatchObject({ role: 'viewer', hash: null });
    expectOneLineError(await cli('users', 'add', '--db', db, '--name', 'X', '--login', 'мария', '--role', 'manager'), /login: The login “мария” is taken/);
    expectOneLineError(
      await cli('users', 'add', '--db', db, '--name', 'X', '--login', 'x', '--role', 'boss'),
      /--role must be one of owner, admin, manager, viewer/,
    );
    expectOneLineError(await cli('users', 'add', '--db', db, '--name', 'X', '--role', 'viewer'), /--login is required/);
    const list = JSON.parse((await cli('users', 'list', '--db', db, '--json')).stdout) as Listed;
    expect(list.users.map((u) => [u.login, u.role, u.hasPassword])).toEqual([
      ['admin', 'owner', true],
      ['Мария', 'manager', true],
      ['petr', 'viewer', false],
    ]);
  });

  it('serve --host starts once a password exists', async () => {
    const r = await serveLan();
    expect(r.stdout).toMatch(/open at http:\/\/127\.0\.0\.1:\d+\//);
    expect(r.stderr).toMatch(/LAN access is ON/);
  });

  it('deactivate stops a user signing in; unknown logins are named', async () => {
    const r = await cli('users', 'deactivate', 'МАРИЯ', '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(row('Мария')!.active).toBe(0);
    expectOneLineError(await cli('users', 'deactivate', 'nobody', '--db', db), /no user with the login "nobody"/);
    expectOneLineError(await cli('users', 'deactivate', '--db', db), /users deactivate needs a LOGIN/);
    expectOneLineError(await cli('users', 'fly', '--db', db), /say what to do: add, list, passwd or deactivate/);
    const text = await cli('users', 'list', '--db', db);
    expect(text.stdout).toMatch(/^Мария {2}Мария Иванова {2}manager {2}deactivated {2}password set {2}never signed in$/m);
  });
});
