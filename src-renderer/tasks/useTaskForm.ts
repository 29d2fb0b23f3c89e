import { addMinutes, format, parseISO, differenceInMinutes } from 'date-fns';
import type { ProcInput, ProcOutput } from '../api/client';
import type { Recurrence } from './RecurrenceFields';
import type { TaskDialogState } from './store';
import { localDay } from './format';

type Details = ProcOutput<'tasks.get'>;
export type Fields = ProcInput<'tasks.create'>['fields'];

/** The form's own shape: local date and time strings as the inputs hold them. */
export interface FormState {
  title: string;
  typeId: string;
  allDay: boolean;
  date: string;
  time: string;
  durationMin: string;
  dueDate: string;
  dueTime: string;
  assigneeId: string;
  client: { id: string; name: string } | null;
  contactId: string;
  deal: { id: string; title: string } | null;
  priority: 'low' | 'normal' | 'high';
  description: string;
  reminders: number[];
  recurrence: Recurrence | null;
}

const roundUp = (d: Date) => {
  const m = d.getMinutes();
  return addMinutes(d, m % 30 === 0 ? 30 : 30 - (m % 30));
};

export function initialForm(d: TaskDialogState, details: Details | null, defaults: { typeId: string; userId: string }): FormState {
  if (d.mode === 'edit' && details) {
    const start = details.allDay ? localDay(details.startsAt) : parseISO(details.startsAt);
    const due = details.dueAt ? (details.allDay ? localDay(details.dueAt) : parseISO(details.dueAt)) : null;
    return {
      title: details.title,
      typeId: details.typeId,
      allDay: details.allDay,
      date: format(start, 'yyyy-MM-dd'),
      time: details.allDay ? '10:00' : format(start, 'HH:mm'),
      durationMin: details.durationMin != null ? String(details.durationMin) : '',
      dueDate: due ? format(due, 'yyyy-MM-dd') : '',
      dueTime: due && !details.allDay ? format(due, 'HH:mm') : '',
      assigneeId: details.assigneeId ?? '',
      client: details.clientId ? { id: details.clientId, name: details.clientName ?? '' } : null,
      contactId: details.contactId ?? '',
      deal: details.dealId ? { id: details.dealId, title: details.dealTitle ?? '' } : null,
      priority: details.priority,
      description: details.description ?? '',
      reminders: details.reminders,
      recurrence: details.recurrence,
    };
  }
  const p = d.mode === 'create' ? d.preset : {};
  const start = p.start ?? roundUp(new Date());
  return {
    title: '',
    typeId: defaults.typeId,
    allDay: p.allDay ?? false,
    date: format(start, 'yyyy-MM-dd'),
    time: format(start, 'HH:mm'),
    durationMin: p.start && p.end && !p.allDay ? String(Math.max(15, differenceInMinutes(p.end, p.start))) : '30',
    dueDate: '',
    dueTime: '',
    assigneeId: defaults.userId,
    client: p.clientId ? { id: p.clientId, name: p.clientName ?? '' } : null,
    contactId: '',
    deal: p.dealId ? { id: p.dealId, title: p.dealTitle ?? '' } : null,
    priority: 'normal',
    description: '',
    reminders: [15],
    recurrence: null,
  };
}

/** Form → procedure fields: local date/time become a UTC instant; all-day keeps the date. */
export function toFields(f: FormState): Omit<Fields, 'recurrence'> {
  const instant = (date: string, time: string) => new Date(`${date}T${time || '00:00'}`).toISOString();
  return {
    title: f.title,
    typeId: f.typeId,
    allDay: f.allDay,
    startsAt: f.allDay ? f.date : f.date && f.time ? instant(f.date, f.time) : '',
    dueAt: f.dueDate ? (f.allDay ? f.dueDate : instant(f.dueDate, f.dueTime || f.time)) : null,
    durationMin: f.allDay || !f.durationMin ? null : Number(f.durationMin),
    assigneeId: f.assigneeId || null,
    clientId: f.client?.id ?? null,
    contactId: f.contactId || null,
    dealId: f.deal?.id ?? null,
    priority: f.priority,
    description: f.description || null,
    reminders: f.reminders,
  };
}
