import { nameKey, sortKey } from '../text/fold';
import type { DealFilter } from './schemas';
import { dealsWithoutNextTaskSql } from '../tasks/deal-hooks';
import type { Ctx } from '../context';
import { visibleDeals } from '../access/visibility';

/**
 * Board/list filters as SQL on alias `d` (deals) alone ("no next step" asks the tasks
 * capability for its condition, a NOT EXISTS probe of its open-tasks-by-deal index). The text
 * filter matches folded keys stored at write time (case, ё and punctuation folded):
 * the deal's title_key and its copy of the client's name_key, which drops a leading legal form,
 * so "ооо ромаш" finds «ООО Ромашка» too.
 */
export function dealFilterSql(ctx: Ctx, f: DealFilter): { where: string[]; params: unknown[] } {
  // Whose deals the caller sees comes first, so every board, list, total and export agrees.
  const visible = visibleDeals(ctx, 'd');
  const where: string[] = ['d.archived_at IS NULL', visible.sql];
  const params: unknown[] = [...visible.params];
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
  drillSql(f, where, params);
  return { where, params };
}

/** A list of values where 'none' means "not set". */
function anyOf(column: string, values: readonly string[], where: string[], params: unknown[]) {
  const set = values.filter((v) => v !== 'none');
  const parts = set.length ? [`${column} IN (${set.map(() => '?').join(',')})`] : [];
  if (values.includes('none')) parts.push(`${column} IS NULL`);
  where.push(parts.length ? `(${parts.join(' OR ')})` : '0');
  params.push(...set);
}

/** The conditions a report's drill-down adds (filter.ts stays the one place deals are filtered). */
function drillSql(f: DealFilter, where: string[], params: unknown[]) {
  if (f.responsibleIds) anyOf('d.responsible_id', f.responsibleIds, where, params);
  if (f.sources) anyOf('d.source', f.sources, where, params);
  if (f.tagIds) {
    const tags = f.tagIds.filter((t) => t !== 'none');
    const parts = tags.length ? [`d.client_id IN (SELECT t.client_id FROM client_tags t WHERE t.tag_id IN (${tags.map(() => '?').join(',')}))`] : [];
    if (f.tagIds.includes('none')) parts.push('NOT EXISTS (SELECT 1 FROM client_tags t WHERE t.client_id = d.client_id)');
    where.push(`(${parts.join(' OR ') || '0'})`);
    params.push(...tags);
  }
  if (f.region) {
    where.push(f.region === 'none' ? 'd.client_id IN (SELECT c.id FROM clients c WHERE c.region IS NULL)' : 'd.client_id IN (SELECT c.id FROM clients c WHERE c.region = ?)');
    if (f.region !== 'none') params.push(f.region);
  }
  if (f.currency) {
    where.push('d.currency = ?');
    params.push(f.currency);
  }
  if (f.lostReasonId) anyOf('d.lost_reason_id', [f.lostReasonId], where, params);
  for (const [column, from, to] of [
    ['d.closed_at', f.closedFrom, f.closedTo],
    ['d.created_at', f.createdFrom, f.createdTo],
  ] as const) {
    if (from) {
      where.push(`${column} >= ?`);
      params.push(from);
    }
    if (to) {
      where.push(`${column} < ?`);
      params.push(to);
    }
  }
  if (f.expectedFrom === 'none') where.push('d.expected_close IS NULL');
  else if (f.expectedFrom) {
    where.push('d.expected_close >= ?');
    params.push(f.expectedFrom);
  }
  if (f.expectedTo) {
    where.push('d.expected_close <= ?');
    params.push(f.expectedTo);
  }
  if (f.reachedStageId) {
    // Reached = entered this stage or a later open one, or won (a won deal passed them all).
    where.push(`(EXISTS (SELECT 1 FROM stages ws WHERE ws.id = d.stage_id AND ws.kind = 'won')
      OR EXISTS (SELECT 1 FROM deal_stage_changes ch JOIN stages s ON s.id = ch.to_stage_id JOIN stages r ON r.id = ?
                 WHERE ch.deal_id = d.id AND s.pipeline_id = r.pipeline_id AND s.kind = 'open' AND s.position >= r.position))`);
    params.push(f.reachedStageId);
  }
  if (f.lostAtStageId) {
    where.push(`EXISTS (SELECT 1 FROM stages ls WHERE ls.id = d.stage_id AND ls.kind = 'lost') AND ${LOST_FROM_SQL} = ?`);
    params.push(f.lostAtStageId);
  }
}

/** The open stage a lost deal was in when it was lost: where its last move into a lost stage came from. */
export const LOST_FROM_SQL = `(SELECT ch.from_stage_id FROM deal_stage_changes ch JOIN stages ls2 ON ls2.id = ch.to_stage_id
   WHERE ch.deal_id = d.id AND ls2.kind = 'lost' ORDER BY ch.at DESC, ch.id DESC LIMIT 1)`;

export function isFiltered(f: DealFilter): boolean {
  return !!(f.responsibleId || f.source || f.tagId || f.amountMin != null || f.amountMax != null || f.text?.trim() || f.noNextStep || f.fromReport);
}
