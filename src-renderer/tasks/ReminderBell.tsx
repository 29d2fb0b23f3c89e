import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { notify } from '../ui/toast';
import { taskWhen } from './format';
import { useTasks } from './store';
import { useReminders } from './reminders-store';
import { BellIcon } from '../ui/icons';

export const POLL_MS = 30_000;

interface DesktopBridge {
  notify?(title: string, body: string): void;
}

/**
 * Asks the core for due reminders at start and every 30 s (in both doors); in the
 * desktop app each new one also pops a system notification once. New ones are
 * announced in a notice that offers to open the drawer, which is never opened for the user.
 */
function useReminderPolling() {
  const { t } = useTranslation();
  const version = useTasks((s) => s.version);
  const poll = useCallback(async () => {
    try {
      const due = await call('reminders.due', {});
      const { setItems, open, setOpen } = useReminders.getState();
      setItems(due);
      const fresh = due.filter((x) => x.fresh);
      const bridge = window.kartoteka as unknown as DesktopBridge | undefined;
      for (const r of fresh) bridge?.notify?.(r.title, [taskWhen(r), r.clientName].filter(Boolean).join(' · '));
      if (fresh.length && !open) {
        notify(fresh.length === 1 ? t('tasks.reminders.newOne', { title: fresh[0]!.title }) : t('tasks.reminders.newMany', { count: fresh.length }), {
          label: t('tasks.reminders.show'),
          run: () => setOpen(true),
        });
      }
    } catch {
      // The next poll tries again; a closed workspace has no reminders to show.
    }
  }, [t]);
  useEffect(() => {
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [poll, version]);
}

/** The sidebar's bell: how many reminders are due; it opens and closes their drawer. */
export function ReminderBell() {
  const { t } = useTranslation();
  useReminderPolling();
  const { items, open, setOpen } = useReminders();
  const count = items.length;
  const missed = items.some((r) => r.missed);
  return (
    <button
      className={`reminder-bell${count ? ' has-items' : ''}${missed ? ' missed' : ''}`}
      data-testid="reminder-bell"
      aria-expanded={open}
      aria-controls="reminders-drawer"
      aria-label={t('tasks.reminders.bell', { count })}
      onClick={() => setOpen(!open)}
    >
      <BellIcon /> {t('tasks.reminders.title')}
      {count > 0 && (
        <span className="bell-count" data-testid="reminder-count" aria-hidden="true">
          {count}
        </span>
      )}
    </button>
  );
}
