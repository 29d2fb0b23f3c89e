import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { format, parseISO } from 'date-fns';
import { call, type ProcOutput } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { usePagedRows } from '../ui/usePagedRows';
import { localDay } from './format';
import { userTimeZone } from './store';
import type { CalendarFilter } from './useCalendarDays';

type Entry = ProcOutput<'tasks.calendarDay'>['entries'][number];
const PAGE = 50;
const ROW = 34;

/** Every entry of one calendar day (the day's «+N»), paged by the core as the list scrolls. */
export function DayEntriesDialog(props: {
  date: string;
  filter: CalendarFilter;
  version: number;
  onClose: () => void;
  onOpenTask: (id: string) => void;
  onOpenClient: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { date, filter } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const fetchPage = useCallback(
    async (_page: number, offset: number, limit: number) => {
      const res = await call('tasks.calendarDay', { date, filter, timeZone: userTimeZone(), offset, limit });
      return { rows: res.entries, total: res.total };
    },
    [date, filter],
  );
  const { total, error, getRow, show } = usePagedRows<Entry>(JSON.stringify([date, filter]), props.version, PAGE, fetchPage);
  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => show(first, last), [first, last, show]);
  const title = t('tasks.calendar.dayList', { date: localDay(date).toLocaleDateString(i18n.language, { weekday: 'long', day: 'numeric', month: 'long' }) });

  return (
    <Dialog title={title} onClose={props.onClose} testId="day-entries" wide>
      <p className="muted" data-testid="day-entries-total">{total !== null && t('tasks.calendar.dayTotal', { count: total })}</p>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="day-entries" ref={scrollRef} role="list" aria-label={title}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const e = getRow(v.index);
            return (
              <div key={v.key} role="listitem" className="day-entry" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${v.start}px)` }}>
                {!e ? (
                  <span className="muted">{t('common.loading')}</span>
                ) : e.task ? (
                  <button className="link" onClick={() => props.onOpenTask(e.task.id)}>
                    <span className="day-entry-when">{e.task.allDay ? t('tasks.fields.allDay') : format(parseISO(e.task.startsAt), 'HH:mm')}</span>
                    <span className="day-entry-edge" style={{ background: e.task.typeColor }} />
                    {e.task.title}
                    <span className="muted small"> {[e.task.clientName, e.task.assigneeName].filter(Boolean).join(' · ')}</span>
                  </button>
                ) : (
                  <button className="link" onClick={() => props.onOpenClient(e.birthday.clientId)}>
                    <span className="day-entry-when">{t('tasks.fields.allDay')}</span>
                    {t('tasks.birthdays.event', { name: e.birthday.name })}
                    {e.birthday.kind === 'contact' && <span className="muted small"> {e.birthday.clientName}</span>}
                  </button>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </Dialog>
  );
}
