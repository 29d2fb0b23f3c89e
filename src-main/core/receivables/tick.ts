import type { Session } from '../workspace/session';
import { localDate } from '../tasks/time';
import { workspaceLanguage } from '../workspace/procedures';
import { resolvePromises } from './promises';
import { runCollection, type CollectionRun } from './collection-run';

// Receivables ride on the core's scheduler tick (backup/scheduler.ts, every minute,
// in the desktop app and browser mode alike, with the session's clock): promises are
// resolved at every tick (a broken one becomes a task at once), the collection
// scenario runs once a local day.

const RAN_ON = 'receivables.collectionRanOn';

export function receivablesTick(session: Session, tz = Intl.DateTimeFormat().resolvedOptions().timeZone): { kept: number; broken: number; collection: CollectionRun | null } {
  if (!session.isOpen) return { kept: 0, broken: 0, collection: null };
  const ctx = session.ctx();
  const today = localDate(session.now(), tz);
  const lang = workspaceLanguage(session);
  return session.workspace.sqlite
    .transaction(() => {
      const promises = resolvePromises(ctx, today, tz, lang);
      let collection: CollectionRun | null = null;
      if (session.getMeta(RAN_ON) !== today) {
        collection = runCollection(ctx, today, tz, lang);
        session.setMeta(RAN_ON, today);
      }
      return { ...promises, collection };
    })
    .immediate();
}
