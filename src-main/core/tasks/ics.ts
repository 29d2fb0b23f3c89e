import ical from 'ical-generator';
import ICAL from 'ical.js';
import { eq, or } from 'drizzle-orm';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { tasks } from '../db/schema';
import { unfoldText } from '../exchange/read/folded-text';
import { tasksInRange } from './list';
import { createTask, ruleToInput } from './write';
import type { RecurrenceInput } from './schemas';

// Export writes with ical-generator, import reads with ical.js (and the tests read
// our export with ical.js too, a parser that shares no code with the writer).
// Timed events are written in UTC, all-day ones as VALUE=DATE, so Google Calendar,
// Outlook and phones place them right whatever their zone.

const UID_SUFFIX = '@kartoteka';
export const MAX_EXPORT = 20_000;

export function exportIcs(ctx: Ctx, opts: { from: string; to: string; assigneeIds: string[]; calendarName: string }, tz: string): { ics: string; count: number } {
  const { items } = tasksInRange(ctx, { from: opts.from, to: opts.to, assigneeIds: opts.assigneeIds, typeIds: [] }, tz, MAX_EXPORT);
  const cal = ical({ name: opts.calendarName, prodId: { company: 'Kartoteka', product: 'Kartoteka', language: 'RU' } });
  for (const t of items) {
    const description = [t.clientName, t.contactName, t.description, t.result].filter(Boolean).join('\n');
    if (t.allDay) {
      const start = new Date(`${t.startsAt}T00:00:00Z`);
      const lastDay = t.dueAt && t.dueAt > t.startsAt ? new Date(`${t.dueAt}T00:00:00Z`) : start;
      cal.createEvent({ id: t.id + UID_SUFFIX, start, end: new Date(lastDay.getTime() + 86_400_000), allDay: true, summary: t.title, description });
    } else {
      const start = new Date(t.startsAt);
      cal.createEvent({ id: t.id + UID_SUFFIX, start, end: new Date(start.getTime() + (t.durationMin ?? 30) * 60_000), summary: t.title, description });
    }
  }
  // RFC 5545 ends every line with CRLF, the last one too (the library stops after END:VCALENDAR).
  return { ics: `${cal.toString()}\r\n`, count: items.length };
}

/**
 * An .ics file's bytes as text. Lines are folded every 75 bytes and many writers cut a
 * letter there, so the folds are joined on the bytes before decoding (shared with vCard).
 */
export function icsText(bytes: Buffer): string {
  return unfoldText(bytes).text;
}

export interface ImportReport {
  imported: number;
  skipped: number;
  problems: { index: number; summary: string; code: string }[];
}

function parseCalendar(text: string): ICAL.Component {
  try {
    const comp = new ICAL.Component(ICAL.parse(text));
    if (comp.name !== 'vcalendar') throw new Error('not a calendar');
    return comp;
  } catch (e) {
    throw new AppError('tasks.ics_invalid', `Not an iCalendar file: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function recurrenceOf(ev: ICAL.Event): RecurrenceInput | null {
  const rule = ev.component.getFirstPropertyValue('rrule');
  if (!rule) return null;
  const text = rule.toString();
  return /FREQ=(DAILY|WEEKLY|MONTHLY)/.test(text) ? ruleToInput(text) : null;
}

/** Adds the events of an .ics file as tasks of the current user; an event already imported (same UID) is skipped. */
export function importIcs(ctx: Ctx, text: string, typeId: string, tz: string): ImportReport {
  const cal = parseCalendar(text);
  for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const report: ImportReport = { imported: 0, skipped: 0, problems: [] };
  ctx.ws.sqlite.transaction(() => {
    cal.getAllSubcomponents('vevent').forEach((vevent, index) => {
      const ev = new ICAL.Event(vevent);
      const summary = (ev.summary || '').trim();
      const uid = ev.uid || null;
      if (uid && exists(ctx, uid)) {
        report.skipped++;
        return;
      }
      if (!ev.startDate) {
        report.problems.push({ index: index + 1, summary, code: 'tasks.ics_no_start' });
        return;
      }
      const allDay = ev.startDate.isDate;
      const startsAt = allDay ? ev.startDate.toString() : ev.startDate.toJSDate().toISOString();
      const end = ev.endDate;
      const durationMin = !allDay && end ? Math.max(0, Math.round((end.toJSDate().getTime() - ev.startDate.toJSDate().getTime()) / 60_000)) : null;
      const lastDay = allDay && end ? end.clone() : null;
      lastDay?.adjust(-1, 0, 0, 0);
      const { id } = createTask(
        ctx,
        {
          title: (summary || '—').slice(0, 500),
          typeId,
          allDay,
          startsAt,
          dueAt: lastDay && lastDay.toString() > startsAt ? lastDay.toString() : null,
          durationMin: durationMin !== null ? Math.min(durationMin, 7 * 24 * 60) : null,
          assigneeId: ctx.userId,
          clientId: null,
          contactId: null,
          dealId: null,
          priority: 'normal',
          description: (ev.description || '').trim().slice(0, 20000) || null,
          reminders: [],
          recurrence: recurrenceOf(ev),
        },
        tz,
      );
      if (uid) ctx.db.update(tasks).set({ externalUid: uid }).where(eq(tasks.id, id)).run();
      report.imported++;
    });
  })();
  return report;
}

function exists(ctx: Ctx, uid: string): boolean {
  const own = uid.endsWith(UID_SUFFIX) ? uid.slice(0, -UID_SUFFIX.length) : null;
  return !!ctx.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(own ? or(eq(tasks.externalUid, uid), eq(tasks.id, own)) : eq(tasks.externalUid, uid))
    .get();
}
