import { setTimeout as sleep } from 'node:timers/promises';
import { randomInt } from 'node:crypto';
import { AppError } from '../errors';
import { prepared } from '../db/statements';
import type { User } from '../db/schema';
import type { Session } from '../workspace/session';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { loginKey } from './login';
import { clearFailure, forgetFailures, lockedUntil, lockIfTooMany, LOCK_MS, recordFailure, tooManyInFlight } from './lockout';
import { startSession, type SignedInUser } from './sessions';

// Signing in: the same answer for an unknown login, a wrong password, a user without a
// password and a deactivated user (nothing tells a guesser which logins exist), each
// failure answered after a short pause, and the lockout of lockout.ts.

/** Every failed try is answered after 0.3–0.6 s: a guesser's pace drops, a person does not notice. */
const FAILURE_PAUSE_MS = [300, 600] as const;

export interface SignInResult {
  user: SignedInUser;
  token: string;
}

function lockedError(until: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError('auth.locked', `Too many failed sign-ins: try again in ${minutes} min`, { minutes });
}

const invalid = () => new AppError('auth.invalid', 'Wrong login or password');

export async function signIn(s: Session, login: string, password: string, address: string | null): Promise<SignInResult> {
  const sqlite = s.workspace.sqlite;
  const key = loginKey(login);
  const now = s.now();
  const until = lockedUntil(sqlite, key, now);
  if (until) throw lockedError(until, now);
  if (tooManyInFlight(sqlite, key, now)) throw lockedError(new Date(now.getTime() + LOCK_MS), now);
  const attempt = recordFailure(sqlite, key, address, now);

  const user = prepared<Pick<User, 'id' | 'name' | 'login' | 'role' | 'passwordHash'>>(
    sqlite,
    'SELECT id, name, login, role, password_hash AS passwordHash FROM users WHERE login_key = ? AND active = 1',
  ).get(key);
  const ok = await verifyPassword(password, user?.passwordHash ?? null);
  // The workspace may have been switched or closed during the check.
  if (!s.isOpen || s.workspace.sqlite !== sqlite) throw new AppError('workspace.closed', 'The workspace was closed');
  const at = s.now();
  if (!ok || !user) {
    // The fifth failure is still "wrong password"; the lock answers the tries after it.
    lockIfTooMany(sqlite, key, attempt, at);
    await sleep(randomInt(FAILURE_PAUSE_MS[0], FAILURE_PAUSE_MS[1]));
    throw invalid();
  }
  clearFailure(sqlite, attempt);
  sqlite
    .transaction(() => {
      forgetFailures(sqlite, key, at);
      prepared(sqlite, 'UPDATE users SET last_login_at = ? WHERE id = ?').run(at.toISOString(), user.id);
      // Parameters raised since this hash was made: store a stronger one now that the password is known.
      if (user.passwordHash && needsRehash(user.passwordHash)) {
        prepared(sqlite, 'UPDATE users SET password_hash = ? WHERE id = ?').run(hashPassword(password), user.id);
      }
    })
    .immediate();
  const token = startSession(sqlite, user.id, address, at);
  return { user: { id: user.id, name: user.name, login: user.login, role: user.role }, token };
}
