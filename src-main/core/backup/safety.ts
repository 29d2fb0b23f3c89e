import type { Session } from '../workspace/session';
import { backupNowSync } from './manager';
import type { BackupEntry } from './manifest';

export type SafetyReason = 'migration' | 'import' | 'merge' | 'bulk' | 'restore';

/**
 * Call before an operation that changes many records at once (import, merge, bulk
 * reassign/archive, restore): returns once a verified backup of the current state
 * exists, and throws (so the operation does not start) when it could not be made.
 * The backup is listed with its reason, so the user can go back to just before.
 */
export function takeSafetyBackup(session: Session, reason: SafetyReason): BackupEntry {
  return backupNowSync(session, reason);
}
