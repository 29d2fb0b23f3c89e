import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, timestamps } from './columns';
import { USER_ROLES } from './enums';

export const users = sqliteTable(
  'users',
  {
    id: id(),
    name: text('name').notNull(),
    email: text('email'),
    color: text('color').notNull().default('#4c6ef5'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...timestamps(),
    /** The sign-in name as typed; null for a user who never signs in. */
    login: text('login'),
    /**
     * The login folded for comparison (core/auth/login-key.ts): unique, so «Иванов» and
     * «иванов» are one login. SQLite's NOCASE folds ASCII only.
     */
    loginKey: text('login_key'),
    /** scrypt$N$r$p$salt$hash (core/auth/password.ts); never returned by any procedure. */
    passwordHash: text('password_hash'),
    role: text('role', { enum: USER_ROLES }).notNull().default('manager'),
    lastLoginAt: text('last_login_at'),
  },
  (t) => [uniqueIndex('users_login_key_idx').on(t.loginKey)],
);

/**
 * A signed-in browser or window. The token itself is only ever in the cookie (or the
 * desktop core's memory); the table keeps its SHA-256, so a copy of the file or a
 * backup signs nobody in.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    address: text('address'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per login (known or not, so the answer never tells which logins
 * exist). The failure that makes five within 15 minutes carries `locks_until`.
 */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loginKey: text('login_key').notNull(),
    at: text('at').notNull(),
    address: text('address'),
    locksUntil: text('locks_until'),
  },
  (t) => [index('sign_in_failures_login_idx').on(t.loginKey, t.at)],
);

// Row types of the tables above (what a select of all columns returns), for typing raw-SQL rows too.
export type User = typeof users.$inferSelect;
