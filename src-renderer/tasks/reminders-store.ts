import { create } from 'zustand';
import type { ProcOutput } from '../api/client';

export type Reminder = ProcOutput<'reminders.due'>[number];

const OPEN_KEY = 'kartoteka.reminders.open';

function savedOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === '1';
  } catch {
    return false;
  }
}

// Due reminders and whether their drawer is open. The drawer's state is the user's
// choice and survives reloads; a new reminder changes the bell, never the layout.
interface RemindersState {
  items: Reminder[];
  open: boolean;
  setItems(items: Reminder[]): void;
  remove(id: string): void;
  setOpen(open: boolean): void;
}

export const useReminders = create<RemindersState>((set) => ({
  items: [],
  open: savedOpen(),
  setItems: (items) => set({ items }),
  remove: (id) => set((s) => ({ items: s.items.filter((x) => x.id !== id) })),
  setOpen: (open) => {
    try {
      localStorage.setItem(OPEN_KEY, open ? '1' : '0');
    } catch {
      // A browser refusing storage just forgets the choice at the next load.
    }
    set({ open });
  },
}));
