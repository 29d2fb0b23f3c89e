import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { users, type User } from '../db/schema';
import type { UserRole } from '../db/schema/enums';
import { AppError, NotFoundError, ValidationError } from '../errors';
import { newId } from '../ids';
import type { Db } from '../db/open';
import type { Session } from '../workspace/session';
import type { Ctx } from '../context';
import { loginKey } from '../auth/login';
import { hashPassword, verifyPasswordSync } from '../auth/password';
import { endUserSessions } from '../auth/sessions';

// Users are the people clients and deals are assigned to and, once given a login and a
// password, the people who sign in. The first user is the workspace's owner. A
// password hash never leaves this module's writes: no read returns it.

export function ensureOwner(db: Db, now: string): string {
  const first = db.select({ id: users.id }).from(users).orderBy(asc(users.createdAt)).limit(1).get();
  if (first) return first.id;
  const id = newId();
  // The login «admin» has no password: nobody signs in with it until the owner sets one
  // (first start, Settings → Users, or `cli users passwd admin`).
  db.insert(users).values({ id, name: 'Администратор', color: '#4c6ef5', role: 'owner', login: 'admin', loginKey: 'admin', createdAt: now, updatedAt: now }).run();
  return id;
}

/** What anyone may read about a user: never the hash, only whether there is one. */
export function listUsers(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      color: users.color,
      active: users.active,
      login: users.login,
      role: users.role,
      hasPassword: sql<number>`${users.passwordHash} IS NOT NULL`.mapWith(Boolean),
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .orderBy(asc(users.name))
    .all();
}

export interface NewUser {
  name: string;
  email: string | null;
  color: string;
  login: string | null;
  role: UserRole;
  password: string | null;
}

function assertLoginFree(db: Db, login: string | null, exceptId: string | null): string | null {
  if (login === null) return null;
  const key = loginKey(login);
  const taken = db
    .select({ id: users.id })
    .from(users)
    .where(exceptId ? and(eq(users.loginKey, key), ne(users.id, exceptId)) : eq(users.loginKey, key))
    .get();
  if (taken) throw new ValidationError([{ field: 'login', code: 'users.login_taken', params: { login } }]);
  return key;
}

export function createUser(db: Db, now: string, input: NewUser) {
  if (input.password !== null && input.login === null) throw new ValidationError([{ field: 'login', code: 'users.login_needed' }]);
  const key = assertLoginFree(db, input.login, null);
  const id = newId();
  const { password, ...fields } = input;
  db.insert(users)
    .values({ id, ...fields, loginKey: key, passwordHash: password === null ? null : hashPassword(password), active: true, createdAt: now, updatedAt: now })
    .run();
  assertOwnerKeepsAccess(db);
  return { id };
}

export interface UserPatch {
  name?: string;
  email?: string | null;
  color?: string;
  active?: boolean;
  login?: string | null;
  role?: UserRole;
}

/**
 * Someone must always be able to manage users and passwords: an active owner stays,
 * and once anyone has a password (so every door asks who is there) an owner can sign
 * in too. Otherwise setting a manager's password from the owner's password-less desktop
 * would lock the owner out of their own workspace.
 */
function assertOwnerKeepsAccess(db: Db): void {
  const owner = db.select({ id: users.id }).from(users).where(and(eq(users.role, 'owner'), eq(users.active, true))).get();
  if (!owner) throw new AppError('users.last_owner', 'The workspace needs at least one active owner');
  const anyPassword = db.select({ id: users.id }).from(users).where(and(eq(users.active, true), isNotNull(users.passwordHash))).get();
  const ownerPassword = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'owner'), eq(users.active, true), isNotNull(users.passwordHash)))
    .get();
  if (anyPassword && !ownerPassword) throw new AppError('users.owner_password_first', "Set an owner's password first");
}

/** Runs inside the caller's write transaction: a refused change leaves everything as it was. */
export function updateUser(ctx: Ctx, id: string, patch: UserPatch) {
  const { db } = ctx;
  const now = ctx.now().toISOString();
  const before = db.select().from(users).where(eq(users.id, id)).get();
  if (!before) throw new NotFoundError('user', id);
  const set: Partial<User> = { ...patch, updatedAt: now };
  if (patch.login !== undefined) {
    set.loginKey = assertLoginFree(db, patch.login, id);
    if (patch.login === null && before.passwordHash) throw new ValidationError([{ field: 'login', code: 'users.login_needed' }]);
  }
  db.update(users).set(set).where(eq(users.id, id)).run();
  assertOwnerKeepsAccess(db);
  // A deactivated user is signed out everywhere at once, not at their next idle expiry.
  if (patch.active === false && before.active) endUserSessions(ctx.ws.sqlite, id);
  return { id };
}

const RESETS_OTHERS: ReadonlySet<UserRole> = new Set(['owner', 'admin']);

/**
 * Sets a user's password and ends all their sign-ins. Signed in as that very user, the
 * old password is needed; an owner or an admin may reset another's (an admin not an
 * owner's). The CLI and a workspace without passwords act as the owner.
 */
export function setPassword(s: Session, input: { id: string; password: string; oldPassword?: string | undefined }) {
  const db = s.ctx().db;
  const target = db.select().from(users).where(eq(users.id, input.id)).get();
  if (!target) throw new NotFoundError('user', input.id);
  if (!target.login) throw new ValidationError([{ field: 'login', code: 'users.login_needed' }]);
  const caller = s.caller();
  if (caller.userId === target.id) {
    if (target.passwordHash && !verifyPasswordSync(input.oldPassword ?? '', target.passwordHash)) {
      throw new ValidationError([{ field: 'oldPassword', code: 'users.old_password_wrong' }]);
    }
  } else if (caller.userId) {
    const actor = db.select({ role: users.role }).from(users).where(eq(users.id, caller.userId)).get();
    const allowed = !!actor && RESETS_OTHERS.has(actor.role) && (target.role !== 'owner' || actor.role === 'owner');
    if (!allowed) throw new AppError('forbidden', "Only an owner or an admin may set another user's password", { permission: 'users' });
  }
  db.update(users).set({ passwordHash: hashPassword(input.password), updatedAt: s.now().toISOString() }).where(eq(users.id, target.id)).run();
  assertOwnerKeepsAccess(db);
  const ended = endUserSessions(s.workspace.sqlite, target.id);
  return { id: target.id, sessionsEnded: ended };
}
