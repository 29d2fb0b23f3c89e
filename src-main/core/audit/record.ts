import type Database from 'better-sqlite3';
import { prepared } from '../db/statements';
import { newId } from '../ids';
import type { AUDIT_DOORS } from '../db/schema/enums';

/** At most this many ids are kept with an entry; `target_count` says how many there were. */
export const AUDIT_ID_CAP = 100;

export interface Who {
  userId: string | null;
  door: (typeof AUDIT_DOORS)[number];
  address: string | null;
  osUser: string | null;
}

export interface Entry {
  action: string;
  targetType?: string | null;
  ids?: readonly string[];
  /** The number of records when more than `ids` (a bulk change over a filter). */
  count?: number;
  details?: Record<string, unknown> | null;
}

const INSERT = `INSERT INTO audit_log (id, at, user_id, user_name, door, address, os_user, action, target_type, target_id, target_ids, target_count, details)
  VALUES (?, ?, ?, (SELECT name FROM users WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const present = new WeakMap<Database.Database, boolean>();

/**
 * Whether the open file has the log. Always, for a workspace migrated by this code; not
 * for a file opened with an older migrations folder (the migration tests open "the
 * release before" with today's code), where there is nowhere to write.
 */
export function hasAuditLog(s: Database.Database): boolean {
  let known = present.get(s);
  if (known === undefined) {
    known = !!s.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
    present.set(s, known);
  }
  return known;
}

/** Appends one entry; the user's name is copied as it is now, so renaming them later does not rewrite history. */
export function appendEntry(s: Database.Database, at: string, who: Who, e: Entry): void {
  if (!hasAuditLog(s)) return;
  const ids = e.ids ?? [];
  const count = Math.max(e.count ?? 0, ids.length);
  const details = e.details && Object.keys(e.details).length ? JSON.stringify(e.details) : null;
  prepared(s, INSERT).run(
    newId(),
    at,
    who.userId,
    who.userId,
    who.door,
    who.address,
    who.osUser,
    e.action,
    e.targetType ?? null,
    ids.length === 1 && count === 1 ? ids[0] : null,
    ids.length ? JSON.stringify(ids.slice(0, AUDIT_ID_CAP)) : null,
    count,
    details,
  );
}

const SECRET = /pass|secret|token|hash|salt/i;
const MAX_STRING = 200;
const MAX_ITEMS = 20;

/**
 * A call's input as the log keeps it: no secrets (a password never reaches the log),
 * long text and file chunks cut, long lists shortened with their length.
 */
export function summarise(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… (${value.length})` : value;
  if (value === null || typeof value !== 'object') return value ?? null;
  if (depth > 3) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => summarise(v, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… (${value.length})`] : items;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET.test(k)) continue;
    if (v === undefined) continue;
    out[k] = summarise(v, depth + 1);
  }
  return out;
}

/** What a result says worth keeping: its counts, ids and short words (rows exported, an import's counts and id). */
export function resultFacts(result: unknown): Record<string, unknown> | null {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(result)) {
    if (SECRET.test(k)) continue;
    if (typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= MAX_STRING)) out[k] = v;
  }
  return Object.keys(out).length ? out : null;
}
