import { useTranslation } from 'react-i18next';
import { call, type ProcInput } from '../api/client';
import { errorText, formatDateTime } from '../i18n';
import { notifyError } from '../ui/toast';
import { taskWhen } from './format';
import { useTasks, userTimeZone } from './store';
import { useReminders, type Reminder } from './reminders-store';

type Snooze = ProcInput<'reminders.snooze'>['snooze'];

/**
 * The reminders drawer: a column of the shell beside the page, so it never covers a
 * control. Opened and closed by the sidebar's bell (or its ×); the choice is kept.
 */
export function ReminderDrawer() {
  const { t } = useTranslation();
  const openDialog = useTasks((s) => s.openDialog);
  const { items, open, setOpen, remove } = useReminders();
  if (!open) return null;

  const act = async (r: Reminder, snooze: Snooze | null) => {
    try {
      if (snooze) await call('reminders.snooze', { id: r.id, snooze, timeZone: userTimeZone() });
      else await call('reminders.dismiss', { id: r.id });
      remove(r.id);
    } catch (e) {
      notifyError(errorText(e));
    }
  };

  const missed = items.filter((r) => r.missed).length;
  return (
    <aside className="reminders-drawer" id="reminders-drawer" aria-label={t('tasks.reminders.title')} data-testid="reminders">
      <header className="row">
        <h2>
          {t('tasks.reminders.title')} {items.length > 0 && `(${items.length})`}
        </h2>
        <span className="spacer" />
        <button className="icon" aria-label={t('tasks.reminders.closeDrawer')} onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      {missed > 0 && <p className="muted small">{t('tasks.reminders.missed', { count: missed })}</p>}
      {items.length === 0 && <p className="muted">{t('tasks.reminders.none')}</p>}
      <ul>
        {items.map((r) => (
          <li key={r.id} className={r.missed ? 'missed' : undefined}>
            <button className="link reminder-title" onClick={() => openDialog({ mode: 'edit', id: r.taskId })}>{r.title}</button>
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
