import { create } from 'zustand';
import { call, type ProcOutput } from '../api/client';

export type TaskRow = ProcOutput<'tasks.list'>[number];
export type TaskType = ProcOutput<'taskTypes.list'>[number];

/** What the task dialog starts from: an existing task, or a new one pre-filled from where it was opened. */
export type TaskDialogState =
  | { mode: 'edit'; id: string }
  | { mode: 'create'; preset: { clientId?: string; clientName?: string; dealId?: string; dealTitle?: string; allDay?: boolean; start?: Date; end?: Date } };

interface TasksState {
  types: TaskType[];
  typesLoaded: boolean;
  /** Bumped after every change, so lists, calendar and card panels reload. */
  version: number;
  dialog: TaskDialogState | null;
  completing: TaskRow | null;
  loadTypes(): Promise<void>;
  changed(): void;
  openDialog(d: TaskDialogState): void;
  closeDialog(): void;
  complete(t: TaskRow | null): void;
}

export const useTasks = create<TasksState>((set) => ({
  types: [],
  typesLoaded: false,
  version: 0,
  dialog: null,
  completing: null,
  loadTypes: async () => set({ types: await call('taskTypes.list', { includeArchived: true }), typesLoaded: true }),
  changed: () => set((s) => ({ version: s.version + 1 })),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  complete: (completing) => set({ completing }),
}));

/** The zone every day boundary is computed in: this computer's. */
export const userTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
