import { useEffect } from 'react';
import { useAuth } from './store';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the window after the workspace's idle minutes (off by default): the sign-in is
 * ended in the core and the sign-in screen shown. Only where a sign-in is asked.
 */
export function useIdleLock(): void {
  const minutes = useAuth((s) => (s.required && s.user ? s.lockAfterMinutes : null));
  const signOut = useAuth((s) => s.signOut);
  useEffect(() => {
    if (!minutes) return;
    let last = Date.now();
    const touch = () => void (last = Date.now());
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true });
    // A coarse check each 15 s: a sleeping PC's timers do not fire, a comparison of clocks does.
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) void signOut({ key: 'auth.signIn.lockedNotice', minutes });
    }, 15_000);
    return () => {
      window.clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, touch);
    };
  }, [minutes, signOut]);
}
