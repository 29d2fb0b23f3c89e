import { create } from 'zustand';
import { formatDistanceToNow, parseISO } from 'date-fns';
import { ru as ruLocale, enUS } from 'date-fns/locale';
import i18next from 'i18next';
import { call, type ProcOutput } from '../api/client';

export type BackupStatus = ProcOutput<'backup.status'>;
export type BackupItem = ProcOutput<'backup.list'>[number];

interface BackupState {
  status: BackupStatus | null;
  list: BackupItem[] | null;
  refresh(): Promise<void>;
  reloadList(): Promise<void>;
  setStatus(status: BackupStatus): void;
}

// One status for the shell's badge and the settings section; polled every minute,
// every second while a backup runs (progress bar).
export const useBackup = create<BackupState>((set, get) => ({
  status: null,
  list: null,
  refresh: async () => {
    const before = get().status;
    try {
      const status = await call('backup.status', {});
      set({ status });
      if (before?.last?.id !== status.last?.id && get().list !== null) await get().reloadList();
    } catch {
      // No workspace open (damaged file, switching): the badge just hides.
      set({ status: null });
    }
  },
  reloadList: async () => set({ list: await call('backup.list', {}) }),
  setStatus: (status) => set({ status }),
}));

export function ago(iso: string): string {
  return formatDistanceToNow(parseISO(iso), { addSuffix: true, locale: i18next.language === 'en' ? enUS : ruLocale });
}

export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(bytes < 100 * 1024 * 1024 ? 1 : 0)} MB`;
}

export function percent(status: BackupStatus | null): number {
  const p = status?.running?.progress;
  return p && p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0;
}
