import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcInput } from '../api/client';
import { errorText, formatDateTime } from '../i18n';
import { notifyError } from '../ui/toast';
import { taskWhen } from './format';
import { useTasks, userTimeZone } from './store';
import { POLL_MS, useReminders, type Reminder } from './reminders';

type Snooze = ProcInput<'reminders.snooze'>['snooze'];

/** Polls for due reminders while the app runs (mounted once in the shell). */
export function useReminderPolling() {
  const version = useTasks((s) => s.version);
  const poll = useReminders((s) => s.poll);
  useEffect(() => {
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [poll, version]);
}

/** The sidebar's bell: how many reminders are due; opens and closes their column. */
export function ReminderBell() {
  const { t } = useTranslation();
  const { items, open, setOpen } = useReminders();
  return (
    <button
      className={`reminder-bell${items.length ? ' due' : ''}`}
      aria-expanded={open}
      aria-controls="reminders"
      aria-label={t('tasks.reminders.bell', { count: items.length })}
      data-testid="reminder-bell"
      onClick={() => setOpen(!open)}
    >
      <span aria-hidden="true">🔔</span> {t('tasks.reminders.title')}
      {items.length > 0 && <span className="badge">{items.length}</span>}
    </button>
  );
}

/**
 * Due reminders in a column of its own beside the page (the page narrows, nothing is
 * covered), with snooze 10 min / 1 hour / tomorrow and «Скрыть».
 */
export function ReminderCenter() {
  const { t } = useTranslation();
  const openDialog = useTasks((s) => s.openDialog);
  const { items, open, setOpen, drop } = useReminders();

  const act = async (r: Reminder, snooze: Snooze | null) => {
    try {
      if (snooze) await call('reminders.snooze', { id: r.id, snooze, timeZone: userTimeZone() });
      else await call('reminders.dismiss', { id: r.id });
      drop(r.id);
    } catch (e) {
      notifyError(errorText(e));
    }
  };

  if (!open) return null;
  const missed = items.filter((r) => r.missed).length;
  return (
    <aside id="reminders" className="reminders" aria-label={t('tasks.reminders.title')} data-testid="reminders">
      <header className="row">
        <strong>
          {t('tasks.reminders.title')} ({items.length})
        </strong>
        <span className="spacer" />
        <button className="icon" aria-label={t('tasks.reminders.fold')} onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      {missed > 0 && <p className="muted small">{t('tasks.reminders.missed', { count: missed })}</p>}
      {items.length === 0 && <p className="muted">{t('tasks.reminders.none')}</p>}
      <ul>
        {items.map((r) => (
          <li key={r.id} className={r.missed ? 'missed' : undefined}>
            <button className="link reminder-title" onClick={() => openDialog({ mode: 'edit', id: r.taskId })}>
              {r.title}
            </button>
            <span className="muted small">
              {taskWhen(r)}
              {r.clientName && ` · ${r.clientName}`}
              {r.missed && ` · ${t('tasks.reminders.missedAt', { when: formatDateTime(r.at) })}`}
            </span>
            <span className="row-actions">
              <button onClick={() => void act(r, '10m')}>{t('tasks.reminders.snooze10m')}</button>
              <button onClick={() => void act(r, '1h')}>{t('tasks.reminders.snooze1h')}</button>
              <button onClick={() => void act(r, 'tomorrow')}>{t('tasks.reminders.snoozeTomorrow')}</button>
              <button onClick={() => void act(r, null)}>{t('tasks.reminders.dismiss')}</button>
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
