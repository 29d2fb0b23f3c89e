import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcInput, type ProcOutput } from '../api/client';
import { errorText, formatDateTime } from '../i18n';
import { notifyError } from '../ui/toast';
import { taskWhen } from './format';
import { useTasks, userTimeZone } from './store';

type Reminder = ProcOutput<'reminders.due'>[number];
type Snooze = ProcInput<'reminders.snooze'>['snooze'];
export const POLL_MS = 30_000;

interface DesktopBridge {
  notify?(title: string, body: string): void;
}

/**
 * Asks the core for due reminders at start and every 30 s, and shows them as notices
 * (in both doors); in the desktop app each one also pops a system notification once.
 */
export function ReminderCenter() {
  const { t } = useTranslation();
  const { version, openDialog } = useTasks();
  const [items, setItems] = useState<Reminder[]>([]);
  // Folded to one line so it does not cover the page; a new reminder unfolds it.
  const [folded, setFolded] = useState(false);

  const poll = useCallback(async () => {
    try {
      const due = await call('reminders.due', {});
      setItems(due);
      if (due.some((x) => x.fresh)) setFolded(false);
      const bridge = window.kartoteka as unknown as DesktopBridge | undefined;
      for (const r of due.filter((x) => x.fresh)) bridge?.notify?.(r.title, [taskWhen(r), r.clientName].filter(Boolean).join(' · '));
    } catch {
      // The next poll tries again; a closed workspace has no reminders to show.
    }
  }, []);
  useEffect(() => {
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [poll, version]);

  const act = async (r: Reminder, snooze: Snooze | null) => {
    try {
      if (snooze) await call('reminders.snooze', { id: r.id, snooze, timeZone: userTimeZone() });
      else await call('reminders.dismiss', { id: r.id });
      setItems((list) => list.filter((x) => x.id !== r.id));
    } catch (e) {
      notifyError(errorText(e));
    }
  };

  if (!items.length) return null;
  const missed = items.filter((r) => r.missed).length;
  return (
    <aside className="reminders" aria-label={t('tasks.reminders.title')} data-testid="reminders">
      <header className="row">
        <strong>{t('tasks.reminders.title')} ({items.length})</strong>
        {missed > 0 && <span className="muted small">{t('tasks.reminders.missed', { count: missed })}</span>}
        <span className="spacer" />
        <button className="link" aria-expanded={!folded} onClick={() => setFolded(!folded)}>
          {folded ? t('tasks.reminders.unfold') : t('tasks.reminders.fold')}
        </button>
      </header>
      {!folded && (
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
      )}
    </aside>
  );
}
