import { create } from 'zustand';
import { call, whenSignInRequired, type ProcOutput } from '../api/client';

// Who is signed in to this window. 'checking' until the core answers auth.status;
// 'out' shows the sign-in screen instead of the app (with why, when there is a reason);
// 'in' shows the app. The core decides whether a sign-in is needed; this only follows it.

type Status = ProcOutput<'auth.status'>;
export type SignedInUser = NonNullable<Status['user']>;

/** Why the sign-in screen is shown: a lock after idle minutes, an ended sign-in, a new own password. */
export type SignOutReason = { key: 'auth.signIn.lockedNotice'; minutes: number } | { key: 'auth.signIn.expired' } | { key: 'auth.ownPasswordSet' };

interface AuthState {
  phase: 'checking' | 'out' | 'in';
  required: boolean;
  user: SignedInUser | null;
  lockAfterMinutes: number | null;
  reason: SignOutReason | null;
  /** Bumped at every sign-in: the app's screens mount afresh for the new user. */
  epoch: number;
  check(): Promise<void>;
  signedIn(status: Status): void;
  signOut(reason?: SignOutReason): Promise<void>;
  /** The core refused a call for want of a sign-in. */
  required401(reason?: SignOutReason): void;
}

export const useAuth = create<AuthState>((set, get) => ({
  phase: 'checking',
  required: false,
  user: null,
  lockAfterMinutes: null,
  reason: null,
  epoch: 0,
  check: async () => {
    try {
      const s = await call('auth.status', {});
      set({ required: s.required, user: s.user, lockAfterMinutes: s.lockAfterMinutes, phase: s.required && !s.user ? 'out' : 'in' });
    } catch {
      // No workspace or no core: the app's own start shows that.
      set({ phase: 'in' });
    }
  },
  signedIn: (s) => set({ required: s.required, user: s.user, lockAfterMinutes: s.lockAfterMinutes, phase: 'in', reason: null, epoch: get().epoch + 1 }),
  signOut: async (reason) => {
    try {
      await call('auth.logout', {});
    } catch {
      // Already signed out (expired): the screen changes all the same.
    }
    set({ phase: 'out', user: null, reason: reason ?? null });
  },
  required401: (reason) => {
    if (get().phase === 'out') return;
    set({ phase: 'out', required: true, user: null, reason: reason ?? (get().user ? { key: 'auth.signIn.expired' } : null) });
  },
}));

whenSignInRequired(() => useAuth.getState().required401());
