import { asc, eq } from 'drizzle-orm';
import { users } from '../db/schema';
import { NotFoundError } from '../errors';
import { newId } from '../ids';
import type { Db } from '../db/open';

// Users are the managers clients are assigned to. Login and roles come later; until
// then every action is attributed to the workspace owner (the first user).

export function ensureOwner(db: Db, now: string): string {
  const first = db.select({ id: users.id }).from(users).orderBy(asc(users.createdAt)).limit(1).get();
  if (first) return first.id;
  const id = newId();
  db.insert(users).values({ id, name: 'Администратор', color: '#4c6ef5', createdAt: now, updatedAt: now }).run();
  return id;
}

export function listUsers(db: Db) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, color: users.color, active: users.active })
    .from(users)
    .orderBy(asc(users.name))
    .all();
}

export function createUser(db: Db, now: string, input: { name: string; email: string | null; color: string }) {
  const id = newId();
  db.insert(users).values({ id, ...input, active: true, createdAt: now, updatedAt: now }).run();
  return { id };
}

export function updateUser(
  db: Db,
  now: string,
  id: string,
  input: { name: string; email: string | null; color: string; active: boolean },
) {
  const r = db.update(users).set({ ...input, updatedAt: now }).where(eq(users.id, id)).run();
  if (r.changes === 0) throw new NotFoundError('user', id);
  return { id };
}
