import { z } from 'zod';
import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { id } from '../validation/rules';
import { TARGET_TYPES } from './spec';

// The log read back: filters by user, action, record and period, newest first, a page
// at a time. Each filter walks one of audit_log's indexes.

const instant = z
  .string()
  .max(40)
  .refine((v) => !Number.isNaN(Date.parse(v)), 'date.invalid');

export const auditFilter = z.object({
  userId: id.nullish(),
  /** An action (`clients.update`) or a family of them (`clients.`, ending with a dot). */
  action: z.string().trim().max(80).nullish(),
  targetType: z.enum(TARGET_TYPES).nullish(),
  targetId: id.nullish(),
  /** The period as instants: from inclusive, to exclusive (the UI turns its days into them in the user's zone). */
  from: instant.nullish(),
  to: instant.nullish(),
});
export type AuditFilter = z.output<typeof auditFilter>;

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  door: string;
  address: string | null;
  osUser: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetIds: string[];
  targetCount: number;
  /** What the target was called when the entry is read (a client's name); null for several or none. */
  targetName: string | null;
  details: Record<string, unknown> | null;
}

interface Row {
  id: string;
  at: string;
  user_id: string | null;
  user_name: string | null;
  door: string;
  address: string | null;
  os_user: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_ids: string | null;
  target_count: number;
  details: string | null;
}

function where(f: AuditFilter): { sql: string; params: unknown[] } {
  const w: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    w.push(sql);
    params.push(...values);
  };
  if (f.userId) add('user_id = ?', f.userId);
  if (f.action?.endsWith('.')) add('action >= ? AND action < ?', f.action, `${f.action}\uffff`);
  else if (f.action) add('action = ?', f.action);
  if (f.targetType) add('target_type = ?', f.targetType);
  if (f.targetId) add('target_id = ?', f.targetId);
  if (f.from) add('at >= ?', new Date(f.from).toISOString());
  if (f.to) add('at < ?', new Date(f.to).toISOString());
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', params };
}

const TARGET_NAMES: Record<string, string> = {
  client: 'SELECT name FROM clients WHERE id = ?',
  contact: 'SELECT name FROM contacts WHERE id = ?',
  deal: 'SELECT title AS name FROM deals WHERE id = ?',
  task: 'SELECT title AS name FROM tasks WHERE id = ?',
  user: 'SELECT name FROM users WHERE id = ?',
  pipeline: 'SELECT name FROM pipelines WHERE id = ?',
  stage: 'SELECT name FROM stages WHERE id = ?',
  lost_reason: 'SELECT name FROM lost_reasons WHERE id = ?',
  tag: 'SELECT name FROM tags WHERE id = ?',
  custom_field: 'SELECT name FROM custom_fields WHERE id = ?',
  task_type: 'SELECT name FROM task_types WHERE id = ?',
};

function toEntry(ctx: Ctx, r: Row): AuditEntry {
  const nameSql = r.target_type && r.target_id ? TARGET_NAMES[r.target_type] : undefined;
  const targetName = nameSql ? ((prepared<{ name: string }>(ctx.ws.sqlite, nameSql).get(r.target_id) ?? null)?.name ?? null) : null;
  return {
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    door: r.door,
    address: r.address,
    osUser: r.os_user,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    targetIds: r.target_ids ? (JSON.parse(r.target_ids) as string[]) : [],
    targetCount: r.target_count,
    targetName,
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
  };
}

/** A page of entries, newest first; the total comes with the first page (`withTotal`). */
export function listAudit(ctx: Ctx, f: AuditFilter, offset: number, limit: number, withTotal: boolean): { rows: AuditEntry[]; total?: number } {
  const s = ctx.ws.sqlite;
  const w = where(f);
  const rows = prepared<Row>(s, `SELECT * FROM audit_log ${w.sql} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`)
    .all(...w.params, limit, offset)
    .map((r) => toEntry(ctx, r));
  if (!withTotal) return { rows };
  const total = prepared<{ n: number }>(s, `SELECT count(*) AS n FROM audit_log ${w.sql}`).get(...w.params)!.n;
  return { rows, total };
}

/** Every entry matching the filter, newest first, read in batches by an (at, id) cursor (the export, the CLI). */
export function* eachAuditEntry(ctx: Ctx, f: AuditFilter, batch = 1000): Generator<AuditEntry> {
  const w = where(f);
  const s = ctx.ws.sqlite;
  const more = `SELECT * FROM audit_log ${w.sql ? `${w.sql} AND` : 'WHERE'} (at, id) < (?, ?) ORDER BY at DESC, id DESC LIMIT ?`;
  let rows = prepared<Row>(s, `SELECT * FROM audit_log ${w.sql} ORDER BY at DESC, id DESC LIMIT ?`).all(...w.params, batch);
  while (rows.length > 0) {
    for (const r of rows) yield toEntry(ctx, r);
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    rows = prepared<Row>(s, more).all(...w.params, last.at, last.id, batch);
  }
}
