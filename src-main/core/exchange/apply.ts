import type { Ctx } from '../context';
import { isoNow } from '../context';
import { newId } from '../ids';
import { prepared } from '../db/statements';
import type { Analysis } from './analyse';
import type { ApplyCounts, ApplyOptions, ImportEntity, Journal } from './entities/types';

export interface ImportResult {
  batchId: string | null;
  dryRun: boolean;
  created: number;
  updated: number;
  skipped: number;
  outcomes: ApplyCounts['outcomes'];
}

class DryRunRollback extends Error {}

/**
 * Writes an analysed file in ONE transaction: every accepted row or none. A dry run
 * does the same work and rolls it back, so its counts are exactly what an apply does.
 */
export function applyImport<R>(
  ctx: Ctx,
  entity: ImportEntity<R, unknown>,
  analysis: Analysis<R>,
  options: ApplyOptions & { fileName: string; dryRun?: boolean },
): ImportResult {
  const sqlite = ctx.ws.sqlite;
  const batchId = newId();
  let n = 0;
  const journal: Journal = {
    created: (e, id) => {
      prepared(sqlite, 'INSERT INTO import_batch_items (batch_id, n, entity, record_id, action, previous) VALUES (?, ?, ?, ?, ?, NULL)').run(batchId, n++, e, id, 'created');
    },
    updated: (e, id, previous) => {
      prepared(sqlite, 'INSERT INTO import_batch_items (batch_id, n, entity, record_id, action, previous) VALUES (?, ?, ?, ?, ?, ?)').run(
        batchId,
        n++,
        e,
        id,
        'updated',
        JSON.stringify(previous),
      );
    },
  };
  let counts: ApplyCounts | null = null;
  try {
    sqlite.transaction(() => {
      prepared(sqlite, 'INSERT INTO import_batches (id, entity, file_name, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(
        batchId,
        entity.key,
        options.fileName,
        isoNow(ctx),
        ctx.userId,
      );
      const env = entity.prepare(ctx);
      counts = entity.apply(ctx, env, analysis.candidates, options, journal);
      prepared(sqlite, 'UPDATE import_batches SET created = ?, updated = ?, skipped = ? WHERE id = ?').run(counts.created, counts.updated, counts.skipped, batchId);
      // An import that changed nothing leaves nothing to undo.
      if (counts.created + counts.updated === 0 && n === 0) prepared(sqlite, 'DELETE FROM import_batches WHERE id = ?').run(batchId);
      if (options.dryRun) throw new DryRunRollback();
    })();
  } catch (e) {
    if (!(e instanceof DryRunRollback)) throw e;
  }
  const c = counts as unknown as ApplyCounts;
  const kept = !options.dryRun && c.created + c.updated + n > 0;
  return { batchId: kept ? batchId : null, dryRun: !!options.dryRun, created: c.created, updated: c.updated, skipped: c.skipped, outcomes: c.outcomes };
}
