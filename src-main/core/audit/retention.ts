import { z } from 'zod';
import type { Session } from '../workspace/session';
import { appendEntry, hasAuditLog } from './record';

// How long the log is kept: a workspace setting (default three years). Entries older
// than that are deleted at most once a day — at open and with the backup schedule's
// tick — and each pruning that deletes anything is itself an entry, with the count.

export const auditSettingsSchema = z.object({
  /** Years an entry is kept; null keeps every entry. */
  retentionYears: z.number().int().min(1).max(50).nullable(),
});
export type AuditSettings = z.output<typeof auditSettingsSchema>;

export const DEFAULT_AUDIT_SETTINGS: AuditSettings = { retentionYears: 3 };

const KEY = 'audit.settings';
/** The last pruning (bookkeeping, not a setting: the settings diff leaves it out). */
const PRUNED_AT = 'audit.pruned_at';
const DAY_MS = 24 * 3600_000;

export function readAuditSettings(session: Session): AuditSettings {
  const raw = session.getMeta(KEY);
  if (!raw) return DEFAULT_AUDIT_SETTINGS;
  try {
    const parsed = auditSettingsSchema.safeParse({ ...DEFAULT_AUDIT_SETTINGS, ...(JSON.parse(raw) as object) });
    return parsed.success ? parsed.data : DEFAULT_AUDIT_SETTINGS;
  } catch {
    return DEFAULT_AUDIT_SETTINGS;
  }
}

export function writeAuditSettings(session: Session, settings: AuditSettings): void {
  session.setMeta(KEY, JSON.stringify(settings));
}

/** The instant before which entries are deleted, or null when every entry is kept. */
export function retentionCutoff(now: Date, settings: AuditSettings): string | null {
  if (settings.retentionYears === null) return null;
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - settings.retentionYears);
  return cutoff.toISOString();
}

/**
 * Deletes the entries older than the retention period, unless that was done less than
 * a day ago; returns how many went. The deletion and its own entry are one transaction.
 */
export function pruneAuditIfDue(session: Session): number {
  if (!session.isOpen || !hasAuditLog(session.workspace.sqlite)) return 0;
  const now = session.now();
  const last = session.getMeta(PRUNED_AT);
  if (last && now.getTime() - Date.parse(last) < DAY_MS && Date.parse(last) <= now.getTime()) return 0;
  const cutoff = retentionCutoff(now, readAuditSettings(session));
  const s = session.workspace.sqlite;
  return s
    .transaction(() => {
      session.setMeta(PRUNED_AT, now.toISOString());
      if (!cutoff) return 0;
      const count = s.prepare('DELETE FROM audit_log WHERE at < ?').run(cutoff).changes;
      if (count > 0) {
        appendEntry(
          s,
          now.toISOString(),
          { userId: null, door: 'internal', address: null, osUser: null },
          {
            action: 'audit.pruned',
            details: { count, before: cutoff },
          },
        );
      }
      return count;
    })
    .immediate();
}
