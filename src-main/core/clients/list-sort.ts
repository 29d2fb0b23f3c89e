import type Database from 'better-sqlite3';
import { prepared } from '../db/statements';
import type { ListQuery } from './schemas';

/**
 * One stretch of a list's order: the clients matching `where` (on alias `c`, with
 * `params`), in `order`. A sort is a few such stretches one after another, each
 * walked along an index with LIMIT/OFFSET, so any page at 200,000 clients is an
 * index range, never a sort of the whole table:
 *  - name, created, updated: one stretch (`clients_name_key_idx`, …);
 *  - ИНН: clients with one by ИНН, then those without, in either direction (blanks
 *    stay last, as in a spreadsheet) — `clients_list_inn_idx`;
 *  - responsible: one stretch per user in the order of their names, «not assigned»
 *    last — `clients_list_responsible_idx` (the users table is a few dozen rows).
 */
export interface Stretch {
  where: string;
  params: unknown[];
  order: string;
}

export function sortStretches(sqlite: Database.Database, q: ListQuery): Stretch[] {
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const one = (col: string): Stretch[] => [{ where: '1', params: [], order: `${col} ${dir}, c.seq ${dir}` }];
  switch (q.sort) {
    case 'name':
      return one('c.name_key');
    case 'createdAt':
      return one('c.created_at');
    case 'updatedAt':
      return one('c.updated_at');
    case 'inn':
      return [
        { where: 'c.inn IS NOT NULL', params: [], order: `c.inn ${dir}, c.seq ${dir}` },
        { where: 'c.inn IS NULL', params: [], order: `c.seq ${dir}` },
      ];
    case 'responsible': {
      const users = prepared(sqlite, 'SELECT id, name FROM users').all() as { id: string; name: string }[];
      users.sort((a, b) => a.name.localeCompare(b.name, 'ru') || a.id.localeCompare(b.id));
      if (dir === 'DESC') users.reverse();
      return [
        ...users.map((u) => ({ where: 'c.responsible_id = ?', params: [u.id], order: `c.seq ${dir}` })),
        { where: 'c.responsible_id IS NULL', params: [], order: `c.seq ${dir}` },
      ];
    }
  }
}

/** A page of seqs walked across the stretches, given each stretch's size (under `where`). */
export function pageAcross(
  sqlite: Database.Database,
  stretches: Stretch[],
  sizes: number[],
  base: { where: string; params: unknown[] },
  offset: number,
  limit: number,
): number[] {
  const out: number[] = [];
  let skip = offset;
  for (let i = 0; i < stretches.length && out.length < limit; i++) {
    const size = sizes[i]!;
    if (skip >= size) {
      skip -= size;
      continue;
    }
    const s = stretches[i]!;
    const rows = prepared(sqlite, `SELECT c.seq FROM clients c WHERE ${base.where} AND ${s.where} ORDER BY ${s.order} LIMIT ? OFFSET ?`)
      .pluck(true)
      .all(...base.params, ...s.params, limit - out.length, skip) as number[];
    out.push(...rows);
    skip = 0;
  }
  return out;
}
