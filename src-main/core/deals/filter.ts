import { nameKey, sortKey } from '../text/fold';
import type { DealFilter } from './schemas';
import { dealsWithoutNextTaskSql } from '../tasks/deal-hooks';

/**
 * Board/list filters as SQL on alias `d` (deals) alone ("no next step" asks the tasks
 * capability for its condition, a NOT EXISTS probe of its open-tasks-by-deal index). The text
 * filter matches folded keys stored at write time (case, ё and punctuation folded):
 * the deal's title_key and its copy of the client's name_key, which drops a leading legal form,
 * so "ооо ромаш" finds «ООО Ромашка» too.
 */
export function dealFilterSql(f: DealFilter): { where: string[]; params: unknown[] } {
  const where: string[] = ['d.archived_at IS NULL'];
  const params: unknown[] = [];
  if (f.responsibleId === 'none') where.push('d.responsible_id IS NULL');
  else if (f.responsibleId) {
    where.push('d.responsible_id = ?');
    params.push(f.responsibleId);
  }
  if (f.source) {
    where.push('d.source = ?');
    params.push(f.source);
  }
  if (f.tagId) {
    where.push('d.client_id IN (SELECT t.client_id FROM client_tags t WHERE t.tag_id = ?)');
    params.push(f.tagId);
  }
  if (f.amountMin != null) {
    where.push('d.amount_kopecks >= ?');
    params.push(f.amountMin);
  }
  if (f.amountMax != null) {
    where.push('d.amount_kopecks <= ?');
    params.push(f.amountMax);
  }
  const text = f.text ? nameKey(f.text) : '';
  if (text) {
    where.push('(instr(d.title_key, ?) > 0 OR instr(d.client_name_key, ?) > 0)');
    params.push(text, sortKey(f.text!));
  }
  // Open deals only (by stage kind, which the totals index covers), then the tasks probe.
  if (f.noNextStep) where.push(`d.stage_id IN (SELECT os.id FROM stages os WHERE os.kind = 'open') AND ${dealsWithoutNextTaskSql('d')}`);
  return { where, params };
}

export function isFiltered(f: DealFilter): boolean {
  return !!(f.responsibleId || f.source || f.tagId || f.amountMin != null || f.amountMax != null || f.text?.trim() || f.noNextStep);
}
