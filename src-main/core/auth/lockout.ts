import type Database from 'better-sqlite3';
import { prepared } from '../db/statements';

// Five failed sign-ins for one login within 15 minutes lock that login for 15 minutes,
// whatever the password then tried: a guesser gets five tries per quarter hour. Kept in
// the workspace file, so a restarted server does not forget a lock.

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/** Failures are kept a day: enough for every window, small however long a guesser tries. */
const KEEP_MS = 24 * 3_600_000;

/** The moment the login's lock ends, or null when it may try. */
export function lockedUntil(sqlite: Database.Database, key: string, now: Date): Date | null {
  const row = prepared<{ until: string | null }>(sqlite, 'SELECT max(locks_until) AS until FROM sign_in_failures WHERE login_key = ?').get(key);
  const until = row?.until ? new Date(row.until) : null;
  return until && until > now ? until : null;
}

/**
 * A failed try. Recorded before the password is checked (and cleared when it matched),
 * so tries sent at once all count: the sixth concurrent one is already refused.
 */
export function recordFailure(sqlite: Database.Database, key: string, address: string | null, now: Date): number {
  prepared(sqlite, 'DELETE FROM sign_in_failures WHERE at < ?').run(new Date(now.getTime() - KEEP_MS).toISOString());
  return Number(
    prepared(sqlite, 'INSERT INTO sign_in_failures (login_key, at, address) VALUES (?, ?, ?)').run(key, now.toISOString(), address).lastInsertRowid,
  );
}

/** After a failure is confirmed: the fifth within the window (since the last lock ended) locks the login. */
export function lockIfTooMany(sqlite: Database.Database, key: string, failureId: number, now: Date): Date | null {
  const lastLock = prepared<{ until: string | null }>(sqlite, 'SELECT max(locks_until) AS until FROM sign_in_failures WHERE login_key = ?').get(key)?.until;
  const from = new Date(now.getTime() - WINDOW_MS).toISOString();
  const since = lastLock && lastLock > from ? lastLock : from;
  const { n } = prepared<{ n: number }>(sqlite, 'SELECT count(*) AS n FROM sign_in_failures WHERE login_key = ? AND at > ? AND locks_until IS NULL').get(
    key,
    since,
  )!;
  if (n < MAX_FAILURES) return null;
  const until = new Date(now.getTime() + LOCK_MS);
  prepared(sqlite, 'UPDATE sign_in_failures SET locks_until = ? WHERE id = ?').run(until.toISOString(), failureId);
  return until;
}

/** Tries recorded and not yet settled count as failures: refuse the login while that many are in flight. */
export function tooManyInFlight(sqlite: Database.Database, key: string, now: Date): boolean {
  const from = new Date(now.getTime() - WINDOW_MS).toISOString();
  const { n } = prepared<{ n: number }>(sqlite, 'SELECT count(*) AS n FROM sign_in_failures WHERE login_key = ? AND at > ? AND locks_until IS NULL').get(
    key,
    from,
  )!;
  return n >= MAX_FAILURES;
}

/** A successful sign-in forgets the login's failures. */
export function clearFailure(sqlite: Database.Database, failureId: number): void {
  prepared(sqlite, 'DELETE FROM sign_in_failures WHERE id = ?').run(failureId);
}

export function forgetFailures(sqlite: Database.Database, key: string, now: Date): void {
  prepared(sqlite, 'DELETE FROM sign_in_failures WHERE login_key = ? AND (locks_until IS NULL OR locks_until <= ?)').run(key, now.toISOString());
}
