import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, format, startOfWeek } from 'date-fns';
import { call, type ProcOutput } from '../api/client';
import { errorText, formatDate } from '../i18n';
import { notifyError } from '../ui/toast';

type Birthday = ProcOutput<'birthdays.range'>[number];

/** The age said as the date stands against today: «исполнилось 65 лет» once past, «исполнится» still ahead. */
function ageKey(date: string, today: string): string {
  if (date < today) return 'tasks.birthdays.turned';
  return date === today ? 'tasks.birthdays.turnsToday' : 'tasks.birthdays.turns';
}

/** "Birthdays this week" (Monday to Sunday) with a one-click "congratulated" history entry. */
export function BirthdaysPanel() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Birthday[] | null>(null);
  const load = useCallback(() => {
    const monday = startOfWeek(new Date(), { weekStartsOn: 1 });
    call('birthdays.range', { range: { from: format(monday, 'yyyy-MM-dd'), to: format(addDays(monday, 7), 'yyyy-MM-dd') } }).then(setItems, (e) =>
      notifyError(errorText(e)),
    );
  }, []);
  useEffect(load, [load]);
  if (!items) return null;
  const today = format(new Date(), 'yyyy-MM-dd');
  const congratulate = async (b: Birthday) => {
    try {
      await call('birthdays.congratulate', { clientId: b.clientId, contactId: b.contactId, name: b.name });
      load();
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  return (
    <section className="panel birthdays" aria-label={t('tasks.birthdays.title')} data-testid="birthdays">
      <h2>{t('tasks.birthdays.title')}</h2>
      {items.length === 0 && <p className="muted">{t('tasks.birthdays.none')}</p>}
      <ul className="birthday-list">
        {items.map((b) => (
          <li key={`${b.kind}-${b.contactId ?? b.clientId}`}>
            <span className="bday-date">{formatDate(b.date)}</span>
            <span className="bday-who">
              <a href={`#/clients/${encodeURIComponent(b.clientId)}`}>{b.name}</a>
              <span className="muted small">
                {[b.kind === 'contact' ? b.clientName : null, b.age !== null ? t(ageKey(b.date, today), { count: b.age }) : null].filter(Boolean).join(' · ')}
              </span>
            </span>
            {b.congratulated ? (
              <span className="muted small">{t('tasks.birthdays.done')}</span>
            ) : (
              <button className="link" onClick={() => void congratulate(b)}>{t('tasks.birthdays.congratulate')}</button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
