import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { AUDIT_DOORS } from './enums';

/**
 * Who did what, when and from where (core/audit). Append-only: the core inserts rows
 * and deletes only those older than the retention period (the pruning is itself an
 * entry). No foreign keys: an entry outlives what it names, and `user_name` keeps the
 * name the user had at the time.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    /** ISO-8601 UTC. */
    at: text('at').notNull(),
    userId: text('user_id'),
    userName: text('user_name'),
    door: text('door', { enum: AUDIT_DOORS }).notNull(),
    /** The remote address of a call from another PC; null on this PC. */
    address: text('address'),
    /** The operating-system account of a CLI call. */
    osUser: text('os_user'),
    /** A procedure name (`clients.update`) or an event (`auth.login_failed`, `audit.pruned`). */
    action: text('action').notNull(),
    targetType: text('target_type'),
    /** The one record an entry is about (a card's own entries are read by it); null for several. */
    targetId: text('target_id'),
    /** JSON array of the records' ids, at most AUDIT_ID_CAP of them; `target_count` says how many there were. */
    targetIds: text('target_ids'),
    targetCount: integer('target_count').notNull().default(0),
    /** JSON: changed fields old → new, an export's rows, an import's counts, an error's code. */
    details: text('details'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_user_idx').on(t.userId, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
    index('audit_log_target_idx').on(t.targetType, t.targetId, t.at),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
