import type { Ctx } from '../context';
import { isoNow } from '../context';
import { newId } from '../ids';
import { AppError } from '../errors';
import { prepared } from '../db/statements';
import { MAX_ISSUES, type Analysis } from './analyse';
import type { ApplyCounts, ApplyOptions, ImportEntity, Journal } from './entities/types';

/** Records an entity that applies in chunks gets per call: a bounded slice of a file of any size. */
const CHUNK = 2000;

export interface ImportResult {
  batchId: string | null;
  dryRun: boolean;
  created: number;
  updated: number;
  skipped: number;
  /** What happened to each row, for the first MAX_ISSUES rows (the counts cover all). */
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
  const store = analysis.candidates;
  if (store.sqlite !== sqlite) throw new AppError('exchange.job_unknown', 'This import is no longer open: start again');
  let n = 0;
  const item = prepared(sqlite, 'INSERT INTO import_batch_items (batch_id, n, entity, record_id, action, previous) VALUES (?, ?, ?, ?, ?, ?)');
  const journal: Journal = {
    created: (e, id) => item.run(batchId, n++, e, id, 'created', null),
    updated: (e, id, previous) => item.run(batchId, n++, e, id, 'updated', JSON.stringify(previous)),
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
      const total: ApplyCounts = { created: 0, updated: 0, skipped: 0, outcomes: [] };
      for (const chunk of entity.applyInChunks ? store.chunks(CHUNK) : [store.all()]) {
        const c = entity.apply(ctx, env, chunk, options, journal);
        total.created += c.created;
        total.updated += c.updated;
        total.skipped += c.skipped;
        for (const o of c.outcomes) if (total.outcomes.length < MAX_ISSUES) total.outcomes.push(o);
      }
      counts = total;
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
