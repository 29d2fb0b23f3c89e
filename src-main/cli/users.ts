import { createInterface } from 'node:readline';
import { loginKey } from '../core/auth/login';
import { USER_ROLES, type UserRole } from '../core/db/schema/enums';
import { t, UsageError, withDoor, type Door } from './door';

// `users add | list | passwd | deactivate`: the owner's tools on this PC, through the
// procedure table like every other command (the CLI acts as the owner). A password is
// read from standard input, never from the command line, where other users of the PC
// could see it in the process list and it would stay in the shell's history.

export interface UsersOptions {
  db?: string;
  name?: string;
  login?: string;
  role?: string;
  json?: boolean;
  'password-stdin'?: boolean;
}

/** The first line of standard input (a prompt first when a person types it). */
export function readPassword(): Promise<string> {
  return new Promise((ok, fail) => {
    if (process.stdin.isTTY) process.stderr.write(t('passwordPrompt'));
    const rl = createInterface({ input: process.stdin, terminal: false });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      if (line === '') fail(new UsageError('errors.passwordEmpty'));
      else ok(line);
    });
    rl.once('close', () => {
      if (!done) fail(new UsageError('errors.passwordEmpty'));
    });
  });
}

function roleOption(value: string | undefined): UserRole {
  if (value === undefined) throw new UsageError('errors.optionRequired', { name: 'role' });
  if (!(USER_ROLES as readonly string[]).includes(value)) throw new UsageError('errors.roleOneOf', { value });
  return value as UserRole;
}

async function userByLogin(door: Door, login: string) {
  const key = loginKey(login);
  const user = (await door.call('users.list', {})).find((u) => u.login !== null && loginKey(u.login) === key);
  if (!user) throw new UsageError('errors.noSuchLogin', { login });
  return user;
}

export async function usersCommand(action: string | undefined, args: string[], o: UsersOptions): Promise<number> {
  switch (action) {
    case 'add': {
      if (!o.name) throw new UsageError('errors.optionRequired', { name: 'name' });
      if (!o.login) throw new UsageError('errors.optionRequired', { name: 'login' });
      const role = roleOption(o.role);
      const password = o['password-stdin'] ? await readPassword() : null;
      return withDoor(o.db, async ({ call }) => {
        await call('users.create', { name: o.name!, email: null, color: '#4c6ef5', login: o.login!, role, password });
        console.log(t('userAdded', { name: o.name!, login: o.login!, role }));
        return 0;
      });
    }
    case 'list':
      return withDoor(o.db, async ({ call }) => {
        const list = await call('users.list', {});
        if (o.json) console.log(JSON.stringify({ users: list }));
        else
          for (const u of list)
            console.log(
              t('userLine', {
                login: u.login ?? t('userWords.noLogin'),
                name: u.name,
                role: u.role,
                active: t(u.active ? 'userWords.active' : 'userWords.inactive'),
                password: t(u.hasPassword ? 'userWords.password' : 'userWords.noPassword'),
                last: u.lastLoginAt ?? t('userWords.never'),
              }),
            );
        return 0;
      });
    case 'passwd': {
      const login = args[0];
      if (!login) throw new UsageError('errors.usersNeedsLogin', { action });
      if (!o['password-stdin']) throw new UsageError('errors.passwordStdinRequired');
      const password = await readPassword();
      return withDoor(o.db, async (door) => {
        const user = await userByLogin(door, login);
        const r = await door.call('users.setPassword', { id: user.id, password });
        console.log(t('passwordSet', { login: user.login!, ended: r.sessionsEnded }));
        return 0;
      });
    }
    case 'deactivate': {
      const login = args[0];
      if (!login) throw new UsageError('errors.usersNeedsLogin', { action });
      return withDoor(o.db, async (door) => {
        const user = await userByLogin(door, login);
        await door.call('users.update', { id: user.id, active: false });
        console.log(t('userDeactivated', { login: user.login! }));
        return 0;
      });
    }
    default:
      throw new UsageError('errors.usersSubcommand');
  }
}
