import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';

// Instants are stored in UTC; days, weeks and "all-day" belong to the user's time
// zone, which every door passes with the call (the core runs on one PC, the browser
// of a LAN colleague may sit in another zone).

export const isDateOnly = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date ('YYYY-MM-DD') of an instant in a zone. */
export function localDate(instant: Date | string, tz: string): string {
  return format(new TZDate(new Date(instant).getTime(), tz), 'yyyy-MM-dd');
}

const QUARTER_HOUR_MS = 900_000;

/**
 * localDate for SQL, where it runs once per row (the activity report's «done late» over a
 * year of tasks): zone offsets and their changes fall on quarter hours, so every instant of
 * one UTC quarter hour has the same local date, and each is worked out once.
 */
export function localDateMemo(): (instant: string, tz: string) => string {
  const known = new Map<string, string>();
  return (instant, tz) => {
    const ms = new Date(instant).getTime();
    if (!Number.isFinite(ms)) return localDate(instant, tz);
    const key = `${tz}\u0001${Math.floor(ms / QUARTER_HOUR_MS)}`;
    let day = known.get(key);
    if (day === undefined) {
      if (known.size >= 100_000) known.clear();
      day = localDate(new Date(Math.floor(ms / QUARTER_HOUR_MS) * QUARTER_HOUR_MS), tz);
      known.set(key, day);
    }
    return day;
  };
}

/** Wall-clock fields of an instant in a zone. */
export function localParts(instant: Date | string, tz: string) {
  const d = new TZDate(new Date(instant).getTime(), tz);
  return { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate(), h: d.getHours(), min: d.getMinutes() };
}

/** The UTC instant of a wall-clock time in a zone (DST gaps move forward, as clocks do). */
export function zonedInstant(date: string, hour: number, minute: number, tz: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hour, minute, 0, 0, tz).getTime()).toISOString();
}

/** Start of a local day as a UTC instant. */
export const dayStart = (date: string, tz: string): string => zonedInstant(date, 0, 0, tz);

export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(addDays(new Date(y, m - 1, d), days), 'yyyy-MM-dd');
}

/** Monday of the week holding `date` (weeks start on Monday). */
export function weekMonday(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dow = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return shiftDate(date, -dow);
}

export const toIso = (s: string): string => new Date(s).toISOString();
