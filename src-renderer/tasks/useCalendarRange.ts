import { addDays, endOfMonth, endOfWeek, format, startOfMonth, startOfWeek } from 'date-fns';

export type CalView = 'month' | 'week' | 'day';

/** The local days [from, to) a view shows around a date (months include the weeks around them). */
export function visibleRange(view: CalView, date: Date): { from: string; to: string } {
  const day = (d: Date) => format(d, 'yyyy-MM-dd');
  if (view === 'day') return { from: day(date), to: day(addDays(date, 1)) };
  if (view === 'week') {
    const monday = startOfWeek(date, { weekStartsOn: 1 });
    return { from: day(monday), to: day(addDays(monday, 7)) };
  }
  const first = startOfWeek(startOfMonth(date), { weekStartsOn: 1 });
  const last = endOfWeek(endOfMonth(date), { weekStartsOn: 1 });
  return { from: day(first), to: day(addDays(last, 1)) };
}
