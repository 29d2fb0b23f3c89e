import type { Session } from '../workspace/session';

/**
 * Called right before an operation that rewrites many records at once (an import's
 * apply, an undo of an import). The backup capability (issue 6) is built on another
 * branch: the lead wires this to "take an automatic backup first". Until then it
 * does nothing. It may throw to refuse the operation (for example when the backup
 * failed); the caller then changes nothing.
 */
export async function beforeRiskyOperation(_session: Session, _operation: 'import' | 'import_undo'): Promise<void> {
  // Intentionally empty until the backup module is merged.
}
