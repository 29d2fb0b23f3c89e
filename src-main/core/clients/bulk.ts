import type { Ctx } from '../context';
import { ValidationError } from '../errors';
import { isoNow } from '../context';
import { searchClientSeqs } from '../search/client-search';
import { filterSql, SEARCH_CAP } from './list';
import { visibleClients } from '../access/visibility';
import type { ListQuery } from './schemas';
import { chunks, setArchived } from './write';

export type BulkAction =
  | { action: 'addTag'; tagId: string }
  | { action: 'removeTag'; tagId: string }
  | { action: 'setResponsible'; responsibleId: string | null }
  | { action: 'archive' }
  | { action: 'restore' };

/** Ids the user selected, or every client matching the list's current filters. */
export function resolveTarget(ctx: Ctx, target: { ids: string[] } | { query: ListQuery }): string[] {
  if ('ids' in target) return target.ids;
  const f = filterSql(target.query, 'probe', visibleClients(ctx, 'c'));
  const s = ctx.ws.sqlite;
  if (target.query.search.trim()) {
    // Exactly the clients the list shows for this search (at most SEARCH_CAP), never
    // more than the user saw and confirmed.
    const seqs = searchClientSeqs(s, target.query.search, f, SEARCH_CAP);
    const ids: string[] = [];
    for (const part of chunks(seqs, 500)) {
      const rows = s.prepare<number[], { id: string }>(`SELECT id FROM clients WHERE seq IN (${part.map(() => '?').join(',')})`).all(...part);
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  }
  return s
    .prepare<unknown[], { id: string }>(`SELECT c.id FROM clients c WHERE ${f.where.join(' AND ')}`)
    .all(...f.params)
    .map((r) => r.id);
}

export function bulkUpdate(ctx: Ctx, ids: string[], op: BulkAction): { count: number } {
  const s = ctx.ws.sqlite;
  const now = isoNow(ctx);
  if (op.action === 'archive' || op.action === 'restore') return setArchived(ctx, ids, op.action === 'archive');
  if (op.action === 'setResponsible' && op.responsibleId) {
    if (!s.prepare('SELECT 1 FROM users WHERE id = ?').get(op.responsibleId)) {
      throw new ValidationError([{ field: 'responsibleId', code: 'reference.missing' }]);
    }
  }
  if ((op.action === 'addTag' || op.action === 'removeTag') && !s.prepare('SELECT 1 FROM tags WHERE id = ?').get(op.tagId)) {
    throw new ValidationError([{ field: 'tagId', code: 'reference.missing' }]);
  }
  let count = 0;
  s.transaction(() => {
    for (const part of chunks(ids, 500)) {
      const ph = part.map(() => '?').join(',');
      let changes = 0;
      if (op.action === 'addTag') {
        changes = s.prepare(`INSERT OR IGNORE INTO client_tags (client_id, tag_id) SELECT id, ? FROM clients WHERE id IN (${ph})`).run(op.tagId, ...part).changes;
      } else if (op.action === 'removeTag') {
        changes = s.prepare(`DELETE FROM client_tags WHERE tag_id = ? AND client_id IN (${ph})`).run(op.tagId, ...part).changes;
      } else {
        changes = s.prepare(`UPDATE clients SET responsible_id = ?, updated_at = ? WHERE id IN (${ph})`).run(op.responsibleId, now, ...part).changes;
      }
      count += changes;
    }
  })();
  return { count };
}
