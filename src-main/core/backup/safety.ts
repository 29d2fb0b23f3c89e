import type { Session } from '../workspace/session';
import { backupNowSync, currentBackup } from './manager';
import type { BackupEntry } from './manifest';

export type SafetyReason = 'migration' | 'import' | 'merge' | 'bulk' | 'restore';

/**
 * Call before an operation that changes many records at once (import, merge, bulk
 * reassign/archive, restore): returns once a verified backup of the current state
 * exists, and throws (so the operation does not start) when it could not be made.
 * The backup is listed with its reason, so the user can go back to just before.
 * When this session already holds a verified backup of exactly the current contents
 * (nothing written since), that one is returned instead of copying it again: two bulk
 * changes in a row cost one backup each, a repeated attempt none. A restore always
 * writes its own "before restore" backup, so the list shows where to undo it.
 */
export function takeSafetyBackup(session: Session, reason: SafetyReason): BackupEntry {
  return (reason !== 'restore' && currentBackup(session)) || backupNowSync(session, reason);
}
