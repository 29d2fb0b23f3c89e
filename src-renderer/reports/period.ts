import { endOfMonth, endOfQuarter, endOfYear, format, startOfMonth, startOfQuarter, startOfYear, subMonths, subQuarters, subYears } from 'date-fns';

export const PERIODS = ['thisMonth', 'lastMonth', 'quarter', 'lastQuarter', 'year', 'lastYear', 'custom'] as const;
export type PeriodKind = (typeof PERIODS)[number];

const day = (d: Date) => format(d, 'yyyy-MM-dd');

/** A named period on this computer's calendar, as local dates (both ends included). */
export function periodDates(kind: Exclude<PeriodKind, 'custom'>, today = new Date()): { from: string; to: string } {
  switch (kind) {
    case 'thisMonth':
      return { from: day(startOfMonth(today)), to: day(endOfMonth(today)) };
    case 'lastMonth': {
      const m = subMonths(today, 1);
      return { from: day(startOfMonth(m)), to: day(endOfMonth(m)) };
    }
    case 'quarter':
      return { from: day(startOfQuarter(today)), to: day(endOfQuarter(today)) };
    case 'lastQuarter': {
      const q = subQuarters(today, 1);
      return { from: day(startOfQuarter(q)), to: day(endOfQuarter(q)) };
    }
    case 'year':
      return { from: day(startOfYear(today)), to: day(endOfYear(today)) };
    case 'lastYear': {
      const y = subYears(today, 1);
      return { from: day(startOfYear(y)), to: day(endOfYear(y)) };
    }
  }
}
