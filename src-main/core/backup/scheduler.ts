import type { Session } from '../workspace/session';
import { backupInBackground, backupNowSync, needsBackup, stateOf } from './manager';
import { readBackupSettings } from './settings';
import { pruneAuditIfDue } from '../audit/retention';
import { receivablesTick } from '../receivables/tick';

// Automatic backups, run by the core so they work in the desktop app and in browser
// mode alike: every `intervalMinutes` while the workspace is open (only if it
// changed) and once more when it is closed. The clock is the session's, and the
// timer is injectable, so tests drive months of schedule in milliseconds.

export interface SchedulerOptions {
  /** How often the schedule is looked at; a minute by default. */
  checkEveryMs?: number;
  setInterval?: (fn: () => void, ms: number) => { unref?: () => void } | number;
  clearInterval?: (handle: unknown) => void;
}

/** One look at the schedule: starts a background backup when one is due. Returns its promise, if any. */
export function schedulerTick(session: Session): Promise<unknown> | null {
  if (!session.isOpen) return null;
  // The audit log's daily pruning rides on the same clock (it does nothing most ticks).
  pruneAuditIfDue(session);
  // So do the receivables: promises to pay, and the collection scenario once a day.
  try {
    receivablesTick(session);
  } catch (e) {
    console.error('[receivables] the daily run failed:', (e as Error).message);
  }
  const settings = readBackupSettings(session);
  if (settings.intervalMinutes <= 0) return null;
  const st = stateOf(session);
  if (st.running || st.restoring) return null;
  const now = session.now().getTime();
  if (now - st.lastAttemptAt < settings.intervalMinutes * 60_000) return null;
  if (!needsBackup(session)) return null;
  return backupInBackground(session, 'scheduled').catch(() => {
    // Shown by the status (lastError); the next tick tries again after an interval.
  });
}

function onClose(session: Session): void {
  const settings = readBackupSettings(session);
  if (!settings.onClose || !needsBackup(session)) return;
  try {
    backupNowSync(session, 'close');
  } catch (e) {
    console.error('[backup] the backup on close failed:', (e as Error).message);
  }
}

/** Turns on automatic backups for every workspace this session opens. */
export function enableAutoBackups(session: Session, options: SchedulerOptions = {}): () => void {
  const every = options.checkEveryMs ?? 60_000;
  const set = options.setInterval ?? setInterval;
  const clear = options.clearInterval ?? ((h: unknown) => clearInterval(h as NodeJS.Timeout));
  const handle = set(() => void schedulerTick(session), every);
  if (typeof handle === 'object' && handle.unref) handle.unref();
  // The first hour is counted from the open, not from the epoch.
  const started = (s: Session) => {
    stateOf(s).lastAttemptAt = s.now().getTime();
  };
  session.onOpened(started);
  if (session.isOpen) started(session);
  session.onClosing(onClose);
  return () => clear(handle);
}
