import { AppError } from '../errors';
import type { Caller } from '../procedures/caller';
import type { Session } from '../workspace/session';
import { passwordsRequired } from './sessions';

// Who acts in a call. The door says who signed in (caller.userId); here, once for every
// door, a call without a sign-in is refused when the workspace has passwords.

/** What may be called before signing in: signing in, and asking whether one must. */
export const OPEN_PROCEDURES: ReadonlySet<string> = new Set(['auth.login', 'auth.status']);

/**
 * The user a call acts as: the signed-in user; else the owner for the CLI and the core
 * itself (this PC's administrator), and for everyone while no user has a password (the
 * single-user laptop stays frictionless). Otherwise `auth.required` (HTTP 401).
 */
export function actingUser(s: Session, name: string, caller: Caller): string {
  if (caller.userId) return caller.userId;
  if (caller.door === 'cli' || caller.door === 'internal') return s.owner;
  if (OPEN_PROCEDURES.has(name) || !passwordsRequired(s)) return s.owner;
  throw new AppError('auth.required', 'Sign in first');
}
