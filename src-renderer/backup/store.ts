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

type Progress = NonNullable<BackupStatus['running']>['progress'];

// Where each phase of a restore step lies within that step, in percent: unpacking the
// backup is most of checking it; a backup copies, verifies, compresses (and verifies
// the compressed file, shown at the end of the compress span).
const STEP_SPANS: Record<'check' | 'save', Partial<Record<NonNullable<Progress>['phase'], [number, number]>>> = {
  check: { copy: [0, 70], verify: [70, 100] },
  save: { copy: [0, 60], verify: [60, 70], compress: [70, 95] },
};

/** How far a restore step is, in percent (the UI keeps the highest value it has shown). */
export function restorePercent(restoring: NonNullable<BackupStatus['restoring']>): number {
  if (restoring.step === 'replace') return 100;
  const span = restoring.progress && STEP_SPANS[restoring.step][restoring.progress.phase];
  if (!span) return 0;
  return Math.round(span[0] + ((span[1] - span[0]) * percent(restoring.progress)) / 100);
}

/** Percent done of a backup's (or a restore step's) progress. */
export function percent(progress: Progress | undefined): number {
  return progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
}
