import { create } from 'zustand';
import { call, type ProcOutput } from '../api/client';
import { notify } from '../ui/toast';
import { t } from '../i18n';
import { taskWhen } from './format';

export type Reminder = ProcOutput<'reminders.due'>[number];
export const POLL_MS = 30_000;
const OPEN_KEY = 'kartoteka.reminders.open';

interface RemindersState {
  items: Reminder[];
  /** The side column is open; remembered between page loads. */
  open: boolean;
  setOpen(open: boolean): void;
  poll(): Promise<void>;
  drop(id: string): void;
}

const savedOpen = () => typeof localStorage !== 'undefined' && localStorage.getItem(OPEN_KEY) === '1';

/**
 * Due reminders, asked of the core at start and every 30 s. A new one is announced by a
 * short notice and the bell's count (and, in the desktop app, a system notification); it
 * never opens a panel over the page by itself.
 */
export const useReminders = create<RemindersState>((set, get) => ({
  items: [],
  open: savedOpen(),
  setOpen: (open) => {
    localStorage.setItem(OPEN_KEY, open ? '1' : '0');
    set({ open });
  },
  poll: async () => {
    try {
      const due = await call('reminders.due', {});
      set({ items: due });
      const fresh = due.filter((x) => x.fresh);
      for (const r of fresh) window.kartoteka?.notify?.(r.title, [taskWhen(r), r.clientName].filter(Boolean).join(' · '));
      if (fresh.length > 0 && !get().open) notify(t('tasks.reminders.arrived', { title: fresh[0]!.title, count: fresh.length }), { label: t('tasks.reminders.show'), run: () => get().setOpen(true) });
    } catch {
      // The next poll tries again; a closed workspace has no reminders to show.
    }
  },
  drop: (id) => set({ items: get().items.filter((x) => x.id !== id) }),
}));
