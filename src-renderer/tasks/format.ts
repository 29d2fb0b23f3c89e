import { format, parseISO } from 'date-fns';
import { ru, enUS } from 'date-fns/locale';
import i18next from 'i18next';
import type { TaskRow, TaskType } from './store';

const locale = () => (i18next.language === 'en' ? enUS : ru);

/** 'YYYY-MM-DD' as a local date (never shifted by the zone). */
export const localDay = (date: string): Date => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};
export const dayKey = (d: Date): string => format(d, 'yyyy-MM-dd');

/**
 * When a task is: its date (all-day) or date and time, in this computer's zone; the
 * year only when it is not the current one («пт, 14 мар 2031»).
 */
export function taskWhen(t: Pick<TaskRow, 'allDay' | 'startsAt'>, now: Date = new Date()): string {
  const day = t.allDay ? localDay(t.startsAt) : parseISO(t.startsAt);
  const date = day.getFullYear() === now.getFullYear() ? 'EEEEEE, d MMM' : 'EEEEEE, d MMM yyyy';
  return format(day, t.allDay ? date : `${date} HH:mm`, { locale: locale() });
}

export function typeLabel(type: Pick<TaskType, 'builtin' | 'code' | 'name'> | undefined, fallback = ''): string {
  if (!type) return fallback;
  return type.builtin && type.code ? i18next.t(`tasks.types.${type.code}`) : type.name;
}

export const rowTypeLabel = (r: Pick<TaskRow, 'typeId' | 'typeName'>, types: TaskType[]): string =>
  typeLabel(types.find((x) => x.id === r.typeId), r.typeName);

/**
 * Overdue by this computer's clock, the same rule as the core's lists: a timed task
 * once its due moment has passed, an all-day one only from the next local day.
 */
export function isOverdue(t: { allDay: boolean; deadlineAt: string }, now: Date = new Date()): boolean {
  return t.allDay ? t.deadlineAt < dayKey(now) : Date.parse(t.deadlineAt) < now.getTime();
}
