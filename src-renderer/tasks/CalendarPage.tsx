import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Calendar, type Components, type Formats, type SlotInfo } from 'react-big-calendar';
import withDragAndDrop, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import { differenceInMinutes, format } from 'date-fns';
import { call } from '../api/client';
import { taskErrorText } from './taskErrors';
import { notify, notifyError } from '../ui/toast';
import { useLookups } from '../settings/lookups';
import { useApp } from '../app/store';
import { localizer, cultureFor } from './calendarSetup';
import { visibleRange, type CalView } from './useCalendarRange';
import { dayKey, typeLabel } from './format';
import { useTasks, userTimeZone } from './store';
import { IcsButtons } from './IcsButtons';
import { useCalendarDays, type CalEvent, type CalendarFilter } from './useCalendarDays';
import { DayEntriesDialog } from './DayEntriesDialog';

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

/** A day's «+N»: how many entries the cell does not show; opens the day's full list. */
function MoreLink({ date, more, onOpen }: { date: Date; more: Map<string, number>; onOpen: (date: string) => void }) {
  const { t } = useTranslation();
  const n = more.get(dayKey(date));
  if (!n) return null;
  return (
    <button
      type="button"
      className="link cal-more"
      data-testid={`more-${dayKey(date)}`}
      aria-label={t('tasks.calendar.moreLabel', { count: n })}
      // The calendar selects a slot (a new task) from a mousedown anywhere in it, caught on the document.
      onMouseDown={(e) => e.stopPropagation()}
      onTouchStart={(e) => e.stopPropagation()}
      onClick={(e) => {
        e.stopPropagation();
        onOpen(dayKey(date));
      }}
    >
      +{n}
    </button>
  );
}

export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const { types, typesLoaded, loadTypes, version, changed, openDialog } = useTasks();
  const { users, loaded, reload } = useLookups();
  const navigate = useApp((s) => s.navigate);
  const [view, setView] = useState<CalView>('week');
  const [date, setDate] = useState(() => new Date());
  // Whose calendar: mine by default (an office's every task and birthday at once is noise), everyone's, or a colleague's.
  const [who, setWho] = useState('mine');
  const [typeId, setTypeId] = useState('');
  const [birthdays, setBirthdays] = useState(true);
  const [dayList, setDayList] = useState<string | null>(null);

  useEffect(() => {
    if (!typesLoaded) void loadTypes();
    if (!loaded) void reload();
  }, [typesLoaded, loadTypes, loaded, reload]);

  const range = useMemo(() => visibleRange(view, date), [view, date]);
  const filter = useMemo<CalendarFilter>(
    () => ({
      scope: who === 'all' ? 'all' : 'mine',
      assigneeIds: who !== 'all' && who !== 'mine' ? [who] : [],
      typeIds: typeId ? [typeId] : [],
      birthdays,
    }),
    [who, typeId, birthdays],
  );
  const { events, setEvents, more, loading } = useCalendarDays(range, view, filter, version);

  const components = useMemo<Components<CalEvent>>(() => {
    const header = ({ date: d, label }: { date: Date; label: ReactNode }) => (
      <span className="cal-head">
        {label}
        <MoreLink date={d} more={more} onOpen={setDayList} />
      </span>
    );
    return {
      // The entry's start day on the element: a day's entries can be told apart from the next day's.
      event: ({ event, title }) => (
        <span data-testid="cal-event" data-day={dayKey(event.start)}>
          {title}
        </span>
      ),
      month: {
        dateHeader: ({ date: d, label, onDrillDown }) => (
          <span className="cal-head">
            <MoreLink date={d} more={more} onOpen={setDayList} />
            <button type="button" className="rbc-button-link" onClick={onDrillDown}>{label}</button>
          </span>
        ),
      },
      week: { header },
      day: { header },
    };
  }, [more]);

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
        <select aria-label={t('tasks.filters.who')} value={who} onChange={(e) => setWho(e.target.value)}>
          <option value="mine">{t('tasks.filters.mine')}</option>
          <option value="all">{t('tasks.filters.all')}</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
        <select aria-label={t('tasks.fields.type')} value={typeId} onChange={(e) => setTypeId(e.target.value)}>
          <option value="">{t('tasks.filters.anyType')}</option>
          {types.map((x) => <option key={x.id} value={x.id}>{typeLabel(x)}</option>)}
        </select>
        <label className="toggle">
          <input type="checkbox" checked={birthdays} onChange={(e) => setBirthdays(e.target.checked)} /> {t('tasks.filters.birthdays')}
        </label>
        <span className="spacer" />
        <IcsButtons who={who} />
      </header>
      <div className="calendar-wrap" data-testid="calendar" aria-busy={loading}>
        {loading && (
          <div className="calendar-loading" role="status" data-testid="calendar-loading">
            {t('common.loading')}
          </div>
        )}
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
          components={components}
          // Each day holds at most a few entries from the core and a «+N» for the rest,
          // so a month cell shows them all instead of hiding some behind its own "+k".
          showAllEvents
          selectable
          resizable
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
      {dayList && (
        <DayEntriesDialog
          date={dayList}
          filter={filter}
          version={version}
          onClose={() => setDayList(null)}
          onOpenTask={(id) => openDialog({ mode: 'edit', id })}
          onOpenClient={(id) => {
            setDayList(null);
            navigate({ section: 'clients', clientId: id });
          }}
        />
      )}
    </div>
  );
}
