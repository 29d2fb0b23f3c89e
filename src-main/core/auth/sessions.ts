import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { prepared } from '../db/statements';
import type { User } from '../db/schema';
import type { Session } from '../workspace/session';
import { readAuthSettings } from './settings';

// A sign-in is an opaque random token (32 bytes) held by the browser's cookie or the
// desktop core's memory. The table keeps only its SHA-256: a stolen file or backup
// holds no usable token, and a fast hash is enough for 256 random bits.

export type SignedInUser = Pick<User, 'id' | 'name' | 'login' | 'role'>;

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** last_seen_at is refreshed at most this often: a read is not a write on every call. */
const TOUCH_EVERY_MS = 60_000;

export function startSession(sqlite: Database.Database, userId: string, address: string | null, now: Date): string {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  prepared(sqlite, 'INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, address) VALUES (?, ?, ?, ?, ?)').run(
    tokenHash(token),
    userId,
    at,
    at,
    address,
  );
  return token;
}

/**
 * The user a token signs in, or null: unknown, idle past the workspace's limit (then it
 * is deleted), or the user deactivated. Refreshes the session's last use.
 */
export function sessionUser(s: Session, token: string | null | undefined): SignedInUser | null {
  if (!token || !s.isOpen || token.length > 200) return null;
  const sqlite = s.workspace.sqlite;
  const hash = tokenHash(token);
  const row = prepared<SignedInUser & { lastSeenAt: string; active: number }>(
    sqlite,
    `SELECT u.id, u.name, u.login, u.role, u.active, s.last_seen_at AS lastSeenAt
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
  ).get(hash);
  if (!row) return null;
  const now = s.now();
  const idleMs = readAuthSettings(s).sessionIdleHours * 3_600_000;
  const seen = Date.parse(row.lastSeenAt);
  if (!row.active || now.getTime() - seen > idleMs) {
    prepared(sqlite, 'DELETE FROM sessions WHERE token_hash = ?').run(hash);
    return null;
  }
  if (now.getTime() - seen > TOUCH_EVERY_MS) prepared(sqlite, 'UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now.toISOString(), hash);
  return { id: row.id, name: row.name, login: row.login, role: row.role };
}

export function endSession(sqlite: Database.Database, token: string): void {
  prepared(sqlite, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
}

/** Deactivation and a password change end every sign-in of the user, on every PC. */
export function endUserSessions(sqlite: Database.Database, userId: string): number {
  return prepared(sqlite, 'DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
}

/** Whether any active user has a password: then every door but the CLI asks who is there. */
export function passwordsRequired(s: Session): boolean {
  if (!s.isOpen) return false;
  return !!prepared(s.workspace.sqlite, 'SELECT 1 FROM users WHERE active = 1 AND password_hash IS NOT NULL LIMIT 1').get();
}
