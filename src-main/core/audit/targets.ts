import type Database from 'better-sqlite3';
import { prepared } from '../db/statements';
import type { TargetType } from './spec';

// How each kind of record reads for the log: its fields as a user knows them, so that
// a diff of two readings is the change worth recording. References are read as the
// names they point to (a responsible's name, not its id), bookkeeping columns (sort
// keys, search keys, timestamps) are left out.

export type Fields = Record<string, unknown>;
type Reader = (s: Database.Database, ids: string[]) => Map<string, Fields>;

const BOOKKEEPING = ['seq', 'id', 'created_at', 'updated_at', 'created_by'];

/** Columns holding another record's id, read as that record's name. */
const REFERENCES: Record<string, string> = {
  responsible_id: 'SELECT name FROM users WHERE id = ?',
  assignee_id: 'SELECT name FROM users WHERE id = ?',
  manager_id: 'SELECT name FROM users WHERE id = ?',
  client_id: 'SELECT name FROM clients WHERE id = ?',
  contact_id: 'SELECT name FROM contacts WHERE id = ?',
  deal_id: 'SELECT title AS name FROM deals WHERE id = ?',
  pipeline_id: 'SELECT name FROM pipelines WHERE id = ?',
  stage_id: 'SELECT name FROM stages WHERE id = ?',
  lost_reason_id: 'SELECT name FROM lost_reasons WHERE id = ?',
  type_id: 'SELECT name FROM task_types WHERE id = ?',
};

function rowsOf(table: string, skip: readonly string[], extra?: (s: Database.Database, id: string, f: Fields) => void): Reader {
  const drop = new Set([...BOOKKEEPING, ...skip]);
  return (s, ids) => {
    const out = new Map<string, Fields>();
    const one = prepared<Record<string, unknown>>(s, `SELECT * FROM ${table} WHERE id = ?`);
    for (const id of ids) {
      const row = one.get(id);
      if (!row) continue;
      const f: Fields = {};
      for (const [col, value] of Object.entries(row)) {
        if (drop.has(col)) continue;
        const ref = REFERENCES[col];
        if (ref && typeof value === 'string') f[col.slice(0, -3)] = prepared<{ name: string }>(s, ref).get(value)?.name ?? value;
        else f[ref ? col.slice(0, -3) : col] = value;
      }
      extra?.(s, id, f);
      out.set(id, f);
    }
    return out;
  };
}

const joined = (s: Database.Database, sql: string, id: string): string | null => {
  const values = prepared<{ v: string }>(s, sql)
    .all(id)
    .map((r) => r.v);
  return values.length ? values.join(', ') : null;
};

function customValues(s: Database.Database, table: string, key: string, id: string, f: Fields): void {
  const rows = prepared<{ name: string; value: string }>(
    s,
    `SELECT cf.name, v.value FROM ${table} v JOIN custom_fields cf ON cf.id = v.field_id WHERE v.${key} = ? ORDER BY cf.sort, cf.name`,
  ).all(id);
  for (const r of rows) f[`custom:${r.name}`] = r.value;
}

const readers: Record<TargetType, Reader | null> = {
  // The counts and the last contact are the reports' summaries, kept by triggers.
  client: rowsOf('clients', ['name_key', 'sort_key', 'phone_count', 'email_count', 'last_contact_at'], (s, id, f) => {
    f.phones = joined(s, 'SELECT raw AS v FROM phones WHERE client_id = ? AND contact_id IS NULL ORDER BY sort, raw', id);
    f.emails = joined(s, 'SELECT address AS v FROM emails WHERE client_id = ? AND contact_id IS NULL ORDER BY sort, address', id);
    f.tags = joined(s, 'SELECT t.name AS v FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = ? ORDER BY t.name', id);
    customValues(s, 'client_custom_values', 'client_id', id, f);
  }),
  contact: rowsOf('contacts', [], (s, id, f) => {
    f.phones = joined(s, 'SELECT raw AS v FROM phones WHERE contact_id = ? ORDER BY sort, raw', id);
    f.emails = joined(s, 'SELECT address AS v FROM emails WHERE contact_id = ? ORDER BY sort, address', id);
  }),
  deal: rowsOf('deals', ['title_key', 'client_name_key', 'position', 'stage_entered_at'], (s, id, f) =>
    customValues(s, 'deal_custom_values', 'deal_id', id, f),
  ),
  task: rowsOf('tasks', ['deadline_at', 'series_id', 'occurrence', 'detached']),
  // Never the hash itself: whether a password is set, and (by updated_at) when it changed.
  user: rowsOf('users', ['password_hash', 'login_key', 'last_login_at'], (s, id, f) => {
    f.password = (s.prepare('SELECT password_hash IS NOT NULL FROM users WHERE id = ?').pluck().get(id) as number) ? 'set' : 'none';
  }),
  pipeline: rowsOf('pipelines', []),
  stage: rowsOf('stages', []),
  lost_reason: rowsOf('lost_reasons', ['position']),
  tag: rowsOf('tags', []),
  custom_field: rowsOf('custom_fields', []),
  task_type: rowsOf('task_types', []),
  settings: (s) => new Map([['workspace', metaFields(s)]]),
  import: null,
  backup: null,
};

/** Meta keys that are the log's own bookkeeping, not a user's setting. */
const META_BOOKKEEPING = new Set(['audit.pruned_at']);

/** The workspace settings as flat fields: a JSON object value becomes `key.field` entries. */
function metaFields(s: Database.Database): Fields {
  const f: Fields = {};
  for (const { key, value } of prepared<{ key: string; value: string }>(s, 'SELECT key, value FROM meta ORDER BY key').all()) {
    if (META_BOOKKEEPING.has(key)) continue;
    let parsed: unknown = value;
    try {
      parsed = value.startsWith('{') ? JSON.parse(value) : value;
    } catch {
      /* plain text */
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [k, v] of Object.entries(parsed)) f[`${key}.${k}`] = v;
    } else f[key] = value;
  }
  return f;
}

export function readTargets(s: Database.Database, type: TargetType, ids: string[]): Map<string, Fields> | null {
  const read = readers[type];
  return read ? read(s, ids) : null;
}

const MAX_TEXT = 500;
const clip = (v: unknown): unknown => (typeof v === 'string' && v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT)}…` : (v ?? null));

export type Changes = Record<string, [unknown, unknown]>;

/** The fields that differ between two readings of a record, old → new (absent = null). */
export function diffFields(before: Fields | undefined, after: Fields | undefined): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    const a = before?.[k] ?? null;
    const b = after?.[k] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[k] = [clip(a), clip(b)];
  }
  return changes;
}
