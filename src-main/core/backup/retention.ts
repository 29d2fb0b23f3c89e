// Which backups to keep: every one of the recent hours, the newest of each day for
// a month, the newest of each month for a year (all configurable). The newest
// backup is always kept, whatever the policy says, so pruning can never leave a
// workspace without a verified copy.

export interface RetentionPolicy {
  keepAllHours: number;
  dailyDays: number;
  monthlyMonths: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepAllHours: 24, dailyDays: 30, monthlyMonths: 12 };

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Ids to delete among `backups` (any order), as of `now`. Days and months are UTC calendar days and months. */
export function backupsToPrune<T extends { id: string; createdAt: string; parent?: string }>(backups: T[], now: Date, policy: RetentionPolicy): T[] {
  const sorted = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<string>();
  if (sorted[0]) keep.add(sorted[0].id);
  const t = now.getTime();
  const seenDays = new Set<string>();
  const seenMonths = new Set<string>();
  const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
  for (const b of sorted) {
    const at = new Date(b.createdAt);
    const age = t - at.getTime();
    if (age < policy.keepAllHours * HOUR) keep.add(b.id);
    const day = b.createdAt.slice(0, 10);
    if (age < policy.dailyDays * DAY && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.id);
    }
    const month = b.createdAt.slice(0, 7);
    if (monthIndex(now) - monthIndex(at) < policy.monthlyMonths && !seenMonths.has(month)) {
      seenMonths.add(month);
      keep.add(b.id);
    }
  }
  // An incremental backup is restorable only with every link back to its full backup:
  // whatever a kept one needs is kept too.
  const byId = new Map(sorted.map((b) => [b.id, b]));
  for (const id of [...keep]) {
    for (let p = byId.get(id)?.parent; p && !keep.has(p); p = byId.get(p)?.parent) keep.add(p);
  }
  return sorted.filter((b) => !keep.has(b.id));
}
