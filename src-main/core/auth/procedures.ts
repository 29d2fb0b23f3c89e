import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { proc, reads, runs, writes } from '../procedures/define';
import { users } from '../db/schema';
import type { Session } from '../workspace/session';
import { signIn } from './sign-in';
import { endSession, passwordsRequired, type SignedInUser } from './sessions';
import { authSettingsSchema, readAuthSettings, writeAuthSettings } from './settings';

// Signing in and out. The token goes to the door's holder (caller.signIn), never into
// a result: the HTTP door makes it an HttpOnly cookie, the desktop core keeps it.

function signedIn(s: Session): SignedInUser | null {
  const userId = s.caller().userId;
  if (!userId) return null;
  return s.ctx().db.select({ id: users.id, name: users.name, login: users.login, role: users.role }).from(users).where(eq(users.id, userId)).get() ?? null;
}

function status(s: Session) {
  const required = passwordsRequired(s);
  return { required, user: required ? signedIn(s) : null, lockAfterMinutes: s.isOpen ? readAuthSettings(s).lockAfterMinutes : null };
}

export const authProcedures = {
  /** Whether this workspace asks who is there, and who is signed in. Callable signed out. */
  'auth.status': proc(reads('view'), z.object({}), (s) => status(s)),
  /**
   * Callable signed out. A job: the failed try must stay recorded (the lockout counts
   * it), which a write transaction would roll back with the error, and the answer to a
   * failure waits a little (sign-in.ts).
   */
  'auth.login': proc(runs('view'), z.object({ login: z.string().max(200), password: z.string().max(1000) }), async (s, i) => {
    const caller = s.caller();
    const { user, token } = await signIn(s, i.login, i.password, caller.address ?? null);
    // Signing in again in the same browser replaces the sign-in it had.
    if (caller.signIn?.token) endSession(s.workspace.sqlite, caller.signIn.token);
    caller.signIn?.keep(token);
    return { required: passwordsRequired(s), user, lockAfterMinutes: readAuthSettings(s).lockAfterMinutes };
  }),
  'auth.logout': proc(writes('view'), z.object({}), (s) => {
    const holder = s.caller().signIn;
    if (holder?.token) endSession(s.workspace.sqlite, holder.token);
    holder?.keep(null);
    return { signedOut: true };
  }),
  'auth.settings': proc(reads('view'), z.object({}), (s) => readAuthSettings(s)),
  'auth.updateSettings': proc(writes('users'), authSettingsSchema, (s, i) => writeAuthSettings(s, i)),
};
