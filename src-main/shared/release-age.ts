// An offline app gets no updates by itself: the user installs a new version (a new
// installer) when one is due. The app says when: a version built more than six
// months ago is likely to miss security fixes of Electron and Chromium, whose majors
// are supported for about that long. Pure, so both doors' UI and the tests agree.

export const UPDATE_DUE_AFTER_MONTHS = 6;

/** The moment `months` calendar months after `from` (the last day of a shorter month stands in: 31 Aug + 6 → 28/29 Feb). */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** True when the build is more than six months old at `now`; an unreadable build date never nags. */
export function isUpdateDue(builtAt: string, now: Date): boolean {
  const built = new Date(builtAt);
  if (Number.isNaN(built.getTime())) return false;
  return now.getTime() > addMonths(built, UPDATE_DUE_AFTER_MONTHS).getTime();
}
