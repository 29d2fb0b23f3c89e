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
  if (!session.isOpen || session.workspace.integrity.state === 'damaged') return null;
  // The audit log's daily pruning rides on the same clock (it does nothing most ticks).
  pruneAuditIfDue(session);
  // So do the receivables: promises to pay, and the collection scenario once a day.
  try {
    receivablesTick(session);
  } catch (e) {
    console.error('[receivables] the daily run failed:', (e as Error).message);
  }
  const settings = readBackupSettings(session);
  const st = stateOf(session);
  if (st.running || st.restoring) return null;
  const now = session.now().getTime();
  if (settings.intervalMinutes <= 0 || now - st.lastAttemptAt < settings.intervalMinutes * 60_000 || !needsBackup(session)) {
    // No backup due: a quiet minute for the weekly full check, if that is due.
    void fullCheckIfDue(session);
    return null;
  }
  return backupInBackground(session, 'scheduled').catch(() => {
    // Shown by the status (lastError); the next tick tries again after an interval.
  });
}

const WEEK = 7 * 24 * 3600_000;
const QUIET_MS = 5 * 60_000;
const fullChecks = new WeakSet<object>();

/**
 * The full integrity_check of the live file (every index against its table), weekly,
 * off-thread, when nobody has made a call for five minutes; not at every start.
 */
function fullCheckIfDue(session: Session): Promise<unknown> | null {
  const ws = session.workspace;
  if (fullChecks.has(ws) || ws.integrity.state === 'checking') return null;
  const last = ws.integrity.fullCheckedAt ? Date.parse(ws.integrity.fullCheckedAt) : 0;
  if (session.now().getTime() - last < WEEK || Date.now() - session.lastCallAt < QUIET_MS) return null;
  fullChecks.add(ws);
  return ws.fullCheck().finally(() => fullChecks.delete(ws));
}

function onClose(session: Session): void {
  if (session.workspace.integrity.state === 'damaged') return;
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
