import { create } from 'zustand';
import { call, type ProcOutput } from '../api/client';

type Mine = ProcOutput<'access.matrix'>['mine'];

// What the signed-in user's role may do, so the screens hide what the core would refuse
// (the core still checks every call: this is only for a tidy screen).
interface AccessState {
  mine: Mine | null;
  reload(): Promise<void>;
}

export const useAccess = create<AccessState>((set) => ({
  mine: null,
  reload: async () => set({ mine: (await call('access.matrix', {})).mine }),
}));

/** Whether the user may do this; true until the rights are known (the core decides anyway). */
export function useMay(grant: keyof Mine['grants']): boolean {
  return useAccess((s) => s.mine?.grants[grant] ?? true);
}
