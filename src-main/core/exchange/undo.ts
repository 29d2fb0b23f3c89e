import type { Ctx } from '../context';
import { isoNow } from '../context';
import { AppError } from '../errors';
import { importEntity } from './entities/registry';

export interface BatchInfo {
  id: string;
  entity: string;
  fileName: string;
  created: number;
  updated: number;
  skipped: number;
  createdAt: string;
}

/** The newest import that can still be undone (only the last one can). */
export function lastBatch(ctx: Ctx): BatchInfo | null {
  const row = ctx.ws.sqlite
    .prepare(
      `SELECT id, entity, file_name AS fileName, created, updated, skipped, created_at AS createdAt, undone_at AS undoneAt
       FROM import_batches ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    )
    .get() as (BatchInfo & { undoneAt: string | null }) | undefined;
  if (!row || row.undoneAt) return null;
  const { undoneAt: _u, ...info } = row;
  return info;
}

/**
 * Removes what the import created and puts back what it replaced, newest change
 * first, in one transaction. Only the last import: an older one may have been
 * built upon by a later import.
 */
export function undoImport(ctx: Ctx, batchId: string): { removed: number; reverted: number } {
  const last = lastBatch(ctx);
  if (!last || last.id !== batchId) throw new AppError('exchange.undo_not_last', 'Only the last import can be undone');
  const sqlite = ctx.ws.sqlite;
  const items = sqlite
    .prepare('SELECT entity, record_id AS id, action, previous FROM import_batch_items WHERE batch_id = ? ORDER BY n DESC')
    .all(batchId) as { entity: string; id: string; action: 'created' | 'updated'; previous: string | null }[];
  const entity = importEntity(last.entity);
  let removed = 0;
  let reverted = 0;
  sqlite.transaction(() => {
    for (const item of items) {
      if (item.entity === 'tag') {
        sqlite.prepare('DELETE FROM tags WHERE id = ?').run(item.id);
        continue;
      }
      if (item.entity === 'user') {
        removeUnusedUser(ctx, item.id);
        continue;
      }
      entity.revert(ctx, { id: item.id, action: item.action, previous: item.previous ? JSON.parse(item.previous) : null });
      if (item.action === 'created') removed++;
      else reverted++;
    }
    sqlite.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(isoNow(ctx), batchId);
  })();
  return { removed, reverted };
}

/**
 * A manager the import created goes with it, unless someone has since given them a
 * client, a deal, a task, a history entry or a plan: then they stay, as a user would
 * expect of a colleague with work on record.
 */
function removeUnusedUser(ctx: Ctx, id: string): void {
  const used = ctx.ws.sqlite
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM clients WHERE responsible_id = @id) OR EXISTS (SELECT 1 FROM deals WHERE responsible_id = @id)
         OR EXISTS (SELECT 1 FROM tasks WHERE assignee_id = @id) OR EXISTS (SELECT 1 FROM history WHERE author_id = @id)
         OR EXISTS (SELECT 1 FROM plans WHERE manager_id = @id) AS used`,
    )
    .pluck()
    .get({ id });
  if (!used) ctx.ws.sqlite.prepare('DELETE FROM users WHERE id = ?').run(id);
}
