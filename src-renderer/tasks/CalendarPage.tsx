import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Calendar, type Formats, type SlotInfo } from 'react-big-calendar';
import withDragAndDrop, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import { addDays, differenceInMinutes, format, parseISO } from 'date-fns';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { taskErrorText } from './taskErrors';
import { notify, notifyError } from '../ui/toast';
import { useLookups } from '../settings/lookups';
import { useApp } from '../app/store';
import { localizer, cultureFor } from './calendarSetup';
import { visibleRange, type CalView } from './useCalendarRange';
import { localDay, typeLabel } from './format';
import { useTasks, userTimeZone, type TaskRow } from './store';
import { IcsButtons } from './IcsButtons';

interface CalEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  allDay: boolean;
  task?: TaskRow;
  birthday?: { clientId: string };
}

const DnDCalendar = withDragAndDrop<CalEvent>(Calendar);
// Column heads as "пн, 23" and times as 24-hour clock in every language.
const FORMATS: Formats = {
  dayFormat: (d, culture, l) => l!.format(d, 'EEEEEE, d', culture),
  weekdayFormat: (d, culture, l) => l!.format(d, 'EEEEEE', culture),
  timeGutterFormat: (d, culture, l) => l!.format(d, 'HH:mm', culture),
  eventTimeRangeFormat: ({ start, end }, culture, l) => `${l!.format(start, 'HH:mm', culture)} – ${l!.format(end, 'HH:mm', culture)}`,
  // Standalone month names ("ноябрь 2026", "23 – 29 ноября 2026"), not the genitive alone.
  monthHeaderFormat: (d, culture, l) => l!.format(d, 'LLLL yyyy', culture),
  dayHeaderFormat: (d, culture, l) => l!.format(d, 'EEEE, d MMMM yyyy', culture),
  dayRangeHeaderFormat: ({ start, end }, culture, l) => `${l!.format(start, 'd MMM', culture)} – ${l!.format(end, 'd MMM yyyy', culture)}`,
};

function toEvent(r: TaskRow): CalEvent {
  if (r.allDay) {
    const start = localDay(r.startsAt);
    const last = r.dueAt && r.dueAt > r.startsAt ? localDay(r.dueAt) : start;
    return { id: r.id, title: r.title, start, end: addDays(last, 1), allDay: true, task: r };
  }
  const start = parseISO(r.startsAt);
  return { id: r.id, title: r.title, start, end: new Date(start.getTime() + Math.max(15, r.durationMin ?? 30) * 60_000), allDay: false, task: r };
}

export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const { types, typesLoaded, loadTypes, version, changed, openDialog } = useTasks();
  const { users, loaded, reload } = useLookups();
  const navigate = useApp((s) => s.navigate);
  const [view, setView] = useState<CalView>('week');
  const [date, setDate] = useState(() => new Date());
  const [userId, setUserId] = useState('');
  const [typeId, setTypeId] = useState('');
  const [events, setEvents] = useState<CalEvent[]>([]);
  const [truncated, setTruncated] = useState(false);

  useEffect(() => {
    if (!typesLoaded) void loadTypes();
    if (!loaded) void reload();
  }, [typesLoaded, loadTypes, loaded, reload]);

  const range = useMemo(() => visibleRange(view, date), [view, date]);
  const load = useCallback(async () => {
    try {
      const [tasks, birthdays] = await Promise.all([
        call('tasks.range', { range, timeZone: userTimeZone(), assigneeIds: userId ? [userId] : [], typeIds: typeId ? [typeId] : [] }),
        call('birthdays.range', { range }),
      ]);
      setTruncated(tasks.truncated);
      setEvents([
        ...tasks.items.map(toEvent),
        ...birthdays.map((b) => ({
          id: `bday-${b.kind}-${b.contactId ?? b.clientId}`,
          title: t('tasks.birthdays.event', { name: b.name }),
          start: localDay(b.date),
          end: addDays(localDay(b.date), 1),
          allDay: true,
          birthday: { clientId: b.clientId },
        })),
      ]);
    } catch (e) {
      notifyError(errorText(e));
    }
  }, [range, userId, typeId, t]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const move = async ({ event, start, end, isAllDay }: EventInteractionArgs<CalEvent>, resized: boolean) => {
    if (!event.task) return;
    const s = new Date(start);
    const e = new Date(end);
    const allDay = resized ? event.allDay : (isAllDay ?? event.allDay);
    const prev = events;
    setEvents(events.map((x) => (x.id === event.id ? { ...x, start: s, end: e, allDay } : x)));
    try {
      await call('tasks.move', {
        id: event.task.id,
        allDay,
        startsAt: allDay ? format(s, 'yyyy-MM-dd') : s.toISOString(),
        durationMin: allDay ? null : Math.max(15, differenceInMinutes(e, s) || event.task.durationMin || 30),
        timeZone: userTimeZone(),
      });
      changed();
      notify(t('tasks.moved', { title: event.title }));
    } catch (err) {
      setEvents(prev);
      notifyError(taskErrorText(err));
    }
  };

  const selectSlot = (slot: SlotInfo) => {
    const allDay = view === 'month' || (slot.start.getHours() === 0 && slot.start.getMinutes() === 0 && differenceInMinutes(slot.end, slot.start) % 1440 === 0);
    openDialog({ mode: 'create', preset: { start: slot.start, end: slot.end, allDay } });
  };

  const messages = useMemo(
    () => ({
      today: t('tasks.calendar.today'),
      previous: t('tasks.calendar.previous'),
      next: t('tasks.calendar.next'),
      month: t('tasks.calendar.month'),
      week: t('tasks.calendar.week'),
      day: t('tasks.calendar.day'),
      agenda: t('tasks.calendar.agenda'),
      allDay: t('tasks.fields.allDay'),
      date: t('tasks.fields.date'),
      time: t('tasks.fields.time'),
      event: t('tasks.calendar.event'),
      noEventsInRange: t('tasks.calendar.empty'),
      showMore: (n: number) => t('tasks.calendar.showMore', { count: n }),
    }),
    [t],
  );

  return (
    <div className="page fill calendar-page">
      <header className="page-head">
        <h1>{t('nav.calendar')}</h1>
        <select aria-label={t('tasks.filters.who')} value={userId} onChange={(e) => setUserId(e.target.value)}>
          <option value="">{t('tasks.filters.all')}</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
        <select aria-label={t('tasks.fields.type')} value={typeId} onChange={(e) => setTypeId(e.target.value)}>
          <option value="">{t('tasks.filters.anyType')}</option>
          {types.map((x) => <option key={x.id} value={x.id}>{typeLabel(x)}</option>)}
        </select>
        <span className="spacer" />
        <IcsButtons userId={userId} />
      </header>
      {truncated && <p className="warning" role="status">{t('tasks.calendar.truncated')}</p>}
      <div className="calendar-wrap" data-testid="calendar">
        <DnDCalendar
          localizer={localizer}
          culture={cultureFor(i18n.language)}
          messages={messages}
          formats={FORMATS}
          events={events}
          view={view}
          views={['month', 'week', 'day']}
          onView={(v) => setView(v as CalView)}
          date={date}
          onNavigate={setDate}
          selectable
          resizable
          popup
          step={30}
          timeslots={2}
          scrollToTime={new Date(1970, 0, 1, 8)}
          draggableAccessor={(e) => !!e.task && !e.task.doneAt}
          resizableAccessor={(e) => !!e.task && !e.task.allDay && !e.task.doneAt}
          onEventDrop={(a) => void move(a, false)}
          onEventResize={(a) => void move(a, true)}
          onSelectSlot={selectSlot}
          onSelectEvent={(e) => (e.task ? openDialog({ mode: 'edit', id: e.task.id }) : e.birthday && navigate({ section: 'clients', clientId: e.birthday.clientId }))}
          eventPropGetter={(e) => ({
            className: e.birthday ? 'ev-birthday' : e.task?.doneAt ? 'ev-done' : e.task?.overdue ? 'ev-overdue' : undefined,
            style: e.task ? { backgroundColor: e.task.assigneeColor ?? '#4c6ef5', borderLeft: `4px solid ${e.task.typeColor}` } : undefined,
          })}
          tooltipAccessor={(e) => (e.task ? [e.task.title, e.task.clientName, e.task.assigneeName].filter(Boolean).join(' · ') : e.title)}
        />
      </div>
    </div>
  );
}
