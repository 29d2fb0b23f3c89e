import { useEffect, useRef } from 'react';
import { useAuth } from './store';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the window after the workspace's idle minutes (off by default): the sign-in is
 * ended in the core and the sign-in screen shown. Only where a sign-in is asked.
 */
export function useIdleLock(): void {
  const minutes = useAuth((s) => (s.required && s.user ? s.lockAfterMinutes : null));
  const signOut = useAuth((s) => s.signOut);
  // The user's last action, heard from the start whether or not a lock is set: a lock set
  // or changed counts from that action, not from whenever React got round to the effect
  // below (after the next paint — a late start moved the lock by as much).
  const last = useRef(Date.now());
  useEffect(() => {
    const touch = () => void (last.current = Date.now());
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true });
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, touch);
    };
  }, []);
  useEffect(() => {
    if (!minutes) return;
    // A coarse check each 15 s: a sleeping PC's timers do not fire, a comparison of clocks does.
    const timer = window.setInterval(() => {
      if (Date.now() - last.current >= minutes * 60_000) void signOut({ key: 'auth.signIn.lockedNotice', minutes });
    }, 15_000);
    return () => window.clearInterval(timer);
  }, [minutes, signOut]);
}
