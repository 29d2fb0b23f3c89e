import { dayStart, shiftDate } from '../tasks/time';

// Periods are local dates in the user's zone (both ends included); the SQL compares
// UTC instants, so a deal won at 23:30 on the last evening of the month in Moscow
// belongs to that month, not the next.

export interface Period {
  from: string;
  to: string;
}

export interface Span {
  /** First instant, included. */
  start: string;
  /** First instant after the period. */
  end: string;
}

export const spanOf = (p: Period, tz: string): Span => ({ start: dayStart(p.from, tz), end: dayStart(shiftDate(p.to, 1), tz) });

export function daysIn(p: Period): number {
  return Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The period of the same length just before: a month before a whole month, else as many days. */
export function previousPeriod(p: Period): Period {
  const [fy, fm, fd] = p.from.split('-').map(Number) as [number, number, number];
  const wholeMonths = fd === 1 && shiftDate(p.to, 1).endsWith('-01');
  if (wholeMonths) {
    const months = monthsBetween(p).length;
    const start = new Date(Date.UTC(fy, fm - 1 - months, 1));
    return { from: start.toISOString().slice(0, 10), to: shiftDate(p.from, -1) };
  }
  const n = daysIn(p);
  return { from: shiftDate(p.from, -n), to: shiftDate(p.from, -1) };
}

/** The month after `yyyy-mm`. */
export function nextMonth(key: string): string {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** yyyy-mm of every month the period touches. */
export function monthsBetween(p: Period): string[] {
  const out = [p.from.slice(0, 7)];
  while (out[out.length - 1]! < p.to.slice(0, 7)) out.push(nextMonth(out[out.length - 1]!));
  return out;
}

export interface Bucket {
  key: string;
  start: string;
  end: string;
}

/** The period cut at local month starts, as instants: SQL compares dates with these instead of calling a function per row. */
export function monthBuckets(p: Period, tz: string): Bucket[] {
  return monthsBetween(p).map((key) => {
    const whole = monthPeriod(key);
    return { key, ...spanOf({ from: whole.from < p.from ? p.from : whole.from, to: whole.to > p.to ? p.to : whole.to }, tz) };
  });
}

/** A month `yyyy-mm` as a period. */
export function monthPeriod(month: string): Period {
  return { from: `${month}-01`, to: shiftDate(`${nextMonth(month)}-01`, -1) };
}
