import { useCallback, useEffect, useRef, useState } from 'react';
import { addDays, parseISO } from 'date-fns';
import { call, type ProcInput, type ProcOutput } from '../api/client';
import { errorText, t } from '../i18n';
import { notifyError } from '../ui/toast';
import { localDay } from './format';
import { userTimeZone, type TaskRow } from './store';
import type { CalView } from './useCalendarRange';

export type CalendarFilter = NonNullable<ProcInput<'tasks.calendar'>['filter']>;
type Birthday = ProcOutput<'tasks.calendar'>['days'][number]['birthdays'][number];

export interface CalEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  allDay: boolean;
  task?: TaskRow;
  birthday?: { clientId: string };
}

/**
 * Entries per day each view shows at most; the rest of a day is its «+N». The week
 * and day views keep their all-day row to a few lines so the hours stay in sight.
 */
const CAPS: Record<CalView, { perDay: number; allDayPerDay: number }> = {
  month: { perDay: 4, allDayPerDay: 4 },
  week: { perDay: 30, allDayPerDay: 3 },
  day: { perDay: 100, allDayPerDay: 5 },
};

export function taskEvent(r: TaskRow): CalEvent {
  if (r.allDay) {
    const start = localDay(r.startsAt);
    const last = r.dueAt && r.dueAt > r.startsAt ? localDay(r.dueAt) : start;
    return { id: r.id, title: r.title, start, end: addDays(last, 1), allDay: true, task: r };
  }
  const start = parseISO(r.startsAt);
  return { id: r.id, title: r.title, start, end: new Date(start.getTime() + Math.max(15, r.durationMin ?? 30) * 60_000), allDay: false, task: r };
}

export function birthdayEvent(b: Birthday): CalEvent {
  return {
    id: `bday-${b.kind}-${b.contactId ?? b.clientId}`,
    title: t('tasks.birthdays.event', { name: b.name }),
    start: localDay(b.date),
    end: addDays(localDay(b.date), 1),
    allDay: true,
    birthday: { clientId: b.clientId },
  };
}

/**
 * The visible range's entries from the core, a few per day with the count of the
 * rest (`more`, by local date). Loads again when the range, the view, the filter or
 * `version` changes; an older answer never replaces a newer one, and the last
 * entries stay on screen under a loading sign until the new ones arrive.
 */
export function useCalendarDays(range: { from: string; to: string }, view: CalView, filter: CalendarFilter, version: number) {
  const [events, setEvents] = useState<CalEvent[]>([]);
  const [more, setMore] = useState<Map<string, number>>(new Map());
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const key = JSON.stringify([range, view, filter]);

  const load = useCallback(async () => {
    const mine = ++latest.current;
    setLoading(true);
    try {
      const { days } = await call('tasks.calendar', { range, filter, timeZone: userTimeZone(), ...CAPS[view] });
      if (mine !== latest.current) return;
      setEvents(days.flatMap((d) => [...d.tasks.map(taskEvent), ...d.birthdays.map(birthdayEvent)]));
      setMore(new Map(days.filter((d) => d.more > 0).map((d) => [d.date, d.more])));
    } catch (e) {
      if (mine === latest.current) notifyError(errorText(e));
    } finally {
      if (mine === latest.current) setLoading(false);
    }
    // `key` stands for range, view and filter (new objects with the same values load nothing new).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    void load();
  }, [load, version]);

  return { events, setEvents, more, loading };
}
