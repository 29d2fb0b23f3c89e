import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { searchClientSeqs, type SqlFilter } from '../search/client-search';
import { formatPhone } from '../validation/contact-points';
import { foldText } from '../text/fold';
import { whatMatched, type SearchMatch } from '../search/matched';
import { pageAcross, sortStretches } from './list-sort';
import type { ListQuery } from './schemas';
import { auditSql } from './audit-filters';
import { visibleClients, type SqlCondition } from '../access/visibility';
import { selectionIds } from './selections';
import type { Client, Email, Phone, Tag, User } from '../db/schema';

/** Search results beyond this many are not worth scrolling: the UI asks to refine. */
export const SEARCH_CAP = 1000;
/**
 * A capped search still says how many clients match, counted up to this many
 * ("more than 10 000" beyond). Counting walks the same tiers further (about 0.1 s for
 * a two-letter query at 200,000 clients), so it is its own call, made by the UI once
 * the typing pauses, never on every keystroke.
 */
export const COUNT_CAP = 10_000;

export type ClientListRow = Pick<Client, 'id' | 'kind' | 'name' | 'inn' | 'relation' | 'status' | 'region' | 'createdAt' | 'updatedAt' | 'archivedAt'> & {
  responsible: User['name'] | null;
  /** The first phone, formatted. */
  phone: string | null;
  email: Email['address'] | null;
  tags: Pick<Tag, 'id' | 'name' | 'color'>[];
  /** In a search: what found this client when the row does not show it (a second phone, a contact's e-mail). */
  match: SearchMatch | null;
};

export interface ClientPage {
  /** Rows the list holds: every match, or the best SEARCH_CAP of a capped search. */
  total: number;
  /** True when a search matched more than SEARCH_CAP clients and only the best are listed (see countSearch). */
  capped: boolean;
  offset: number;
  rows: ClientListRow[];
}

/**
 * The list's filters as SQL on alias `c`. `probe` (default) suits checking a bounded
 * set of candidate rows (search tiers, bulk targets). `scan` suits walking the whole
 * list in sort order: the indexed filters (kind, relation, status, responsible,
 * region, tag) become sets of
 * seqs read from covering indexes, so the walk stays on the covering sort index
 * instead of fetching every client's row (at 200k clients: ~60 ms instead of 0.5-2 s).
 */
export function filterSql(q: ListQuery, shape: 'probe' | 'scan' = 'probe', visible: SqlCondition | null = null): SqlFilter {
  const where: string[] = [q.archived ? 'c.archived_at IS NOT NULL' : 'c.archived_at IS NULL'];
  const params: unknown[] = [];
  // Whose clients the caller sees: part of every filter, so counts, pages and search agree.
  if (visible && visible.params.length) {
    where.push(visible.sql);
    params.push(...visible.params);
  }
  const scan = shape === 'scan';
  const eq = (col: string, v: unknown, indexed = false) => {
    if (v !== null && v !== undefined && v !== '') {
      where.push(scan && indexed ? `c.seq IN (SELECT r.seq FROM clients r WHERE r.${col} = ?)` : `c.${col} = ?`);
      params.push(v);
    }
  };
  eq('kind', q.kind, true);
  eq('relation', q.relation, true);
  eq('status', q.status, true);
  eq('region', q.region, true);
  if (q.responsibleId === 'none') {
    where.push(scan ? 'c.seq IN (SELECT r.seq FROM clients r WHERE r.responsible_id IS NULL)' : 'c.responsible_id IS NULL');
  } else eq('responsible_id', q.responsibleId, true);
  if (q.tagId) {
    where.push(
      scan
        ? 'c.seq IN (SELECT r.seq FROM client_tags t JOIN clients r ON r.id = t.client_id WHERE t.tag_id = ?)'
        : 'EXISTS (SELECT 1 FROM client_tags t WHERE t.client_id = c.id AND t.tag_id = ?)',
    );
    params.push(q.tagId);
  }
  if (q.audit) {
    const a = auditSql(q.audit);
    where.push(a.sql);
    params.push(...a.params);
  }
  if (q.noContactSince) {
    where.push("c.responsible_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM history h WHERE h.client_id = c.id AND h.author_id = c.responsible_id AND h.kind != 'system' AND h.occurred_at >= ?)");
    params.push(q.noContactSince);
  }
  if (q.selection) {
    where.push('c.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(selectionIds(q.selection)));
  }
  for (const f of q.custom) {
    // Text values match as a folded substring; other types store canonical values.
    where.push(
      `EXISTS (SELECT 1 FROM client_custom_values v JOIN custom_fields d ON d.id = v.field_id
        WHERE v.client_id = c.id AND v.field_id = ? AND (CASE WHEN d.type = 'text' THEN instr(kfold(v.value), ?) > 0 ELSE v.value = ? END))`,
    );
    params.push(f.fieldId, foldText(f.value), f.value);
  }
  return { where, params };
}

// What the last few lists computed, per connection: a search's or a filtered list's
// ordered seqs, or the size of the whole list, so scrolling pages from memory instead
// of re-running the search tiers, the filtered walk or a count(*) for every page.
// Entries are tagged with the data version they were read at: any write on this
// connection (total_changes) or another (data_version) makes them stale. Nothing is
// cached inside a transaction (a rollback would not show in total_changes).
const LIST_CACHE_SIZE = 4;
const listCache = new WeakMap<Database.Database, Map<string, { version: string; value: unknown }>>();

function cached<T>(sqlite: Database.Database, key: string, compute: () => T): T {
  if (sqlite.inTransaction) return compute();
  const v = prepared<{ t: number; d: number }>(sqlite, 'SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version) AS d').get()!;
  const version = `${v.t}:${v.d}`;
  let cache = listCache.get(sqlite);
  if (!cache) listCache.set(sqlite, (cache = new Map()));
  let hit = cache.get(key);
  cache.delete(key); // re-inserted below as the most recent
  if (!hit || hit.version !== version) hit = { version, value: compute() };
  cache.set(key, hit);
  for (const old of cache.keys()) if (cache.size > LIST_CACHE_SIZE) cache.delete(old);
  return hit.value as T;
}

export function listClients(ctx: Ctx, q: ListQuery, offset: number, limit: number): ClientPage {
  const sqlite = ctx.ws.sqlite;
  const visible = visibleClients(ctx, 'c');
  // Two users with different visibility never share a cached list.
  const key = JSON.stringify([q, visible.params]);
  if (q.search.trim()) {
    const found = cached(sqlite, key, () => searchClientSeqs(sqlite, q.search, filterSql(q, 'probe', visible), SEARCH_CAP + 1));
    const capped = found.length > SEARCH_CAP;
    const seqs = found.slice(0, SEARCH_CAP);
    const pageSeqs = seqs.slice(offset, offset + limit);
    const rows = loadRows(sqlite, pageSeqs);
    const matches = whatMatched(sqlite, q.search, rows.map((r, i) => ({ ...r, seq: pageSeqs[i]! })));
    return {
      total: seqs.length,
      capped,
      offset,
      rows: rows.map((r, i) => ({ ...r, match: matches.get(pageSeqs[i]!) ?? null })),
    };
  }
  const filter = filterSql(q, 'scan', visible);
  const where = filter.where.join(' AND ');
  const stretches = sortStretches(sqlite, q);
  if (filter.where.length > 1) {
    // Filtered: the whole list in order, once (one walk of the sort index per
    // stretch, ~50 ms for 200k clients), then every page is a slice.
    const seqs = cached(sqlite, key, () =>
      stretches.flatMap(
        (st) =>
          // pluck: no object per row; this statement text is used only here.
          prepared(sqlite, `SELECT c.seq FROM clients c WHERE ${where} AND ${st.where} ORDER BY ${st.order}`)
            .pluck(true)
            .all(...filter.params, ...st.params) as number[],
      ),
    );
    return { total: seqs.length, capped: false, offset, rows: loadRows(sqlite, seqs.slice(offset, offset + limit)) };
  }
  // Unfiltered: the sort indexes serve any page directly; only the sizes of the stretches are kept.
  const sizes = cached(sqlite, `sizes:${q.archived}:${q.sort}:${q.dir}`, () =>
    stretches.map(
      (st) => (prepared(sqlite, `SELECT count(*) AS n FROM clients c WHERE ${where} AND ${st.where}`).get(...st.params) as { n: number }).n,
    ),
  );
  const seqs = pageAcross(sqlite, stretches, sizes, { where, params: filter.params }, offset, limit);
  return { total: sizes.reduce((a, b) => a + b, 0), capped: false, offset, rows: loadRows(sqlite, seqs) };
}

/** How many clients a search matches, exactly up to COUNT_CAP; `more` beyond it. */
export function countSearch(ctx: Ctx, q: ListQuery): { count: number; more: boolean } {
  const sqlite = ctx.ws.sqlite;
  if (!q.search.trim()) return { count: listClients(ctx, q, 0, 1).total, more: false };
  const visible = visibleClients(ctx, 'c');
  const n = cached(sqlite, `count:${JSON.stringify([q, visible.params])}`, () => searchClientSeqs(sqlite, q.search, filterSql(q, 'probe', visible), COUNT_CAP + 1).length);
  return { count: Math.min(n, COUNT_CAP), more: n > COUNT_CAP };
}

// One prepared statement for any page: the seqs travel as a JSON array, so the SQL
// text (and its query plan) never depends on the page size, and the first phone,
// first e-mail and tags come from correlated subqueries in the same pass.
const PAGE_ROWS_SQL = `
  SELECT c.id, c.kind, c.name, c.inn, c.relation, c.status, c.region, c.created_at, c.updated_at, c.archived_at,
         u.name AS responsible,
         (SELECT p.digits FROM phones p WHERE p.client_id = c.id ORDER BY p.contact_id IS NOT NULL, p.sort LIMIT 1) AS phone,
         (SELECT e.address FROM emails e WHERE e.client_id = c.id ORDER BY e.contact_id IS NOT NULL, e.sort LIMIT 1) AS email,
         (SELECT json_group_array(json_object('id', x.id, 'name', x.name, 'color', x.color))
            FROM (SELECT t.id, t.name, t.color FROM client_tags ct JOIN tags t ON t.id = ct.tag_id
                  WHERE ct.client_id = c.id ORDER BY t.name) x) AS tags
  FROM json_each(?) j
  JOIN clients c ON c.seq = j.value
  LEFT JOIN users u ON u.id = c.responsible_id
  ORDER BY j.key`;

/** A list row as PAGE_ROWS_SQL reads it (timestamps under their column names; tags as JSON text). */
type PageRow = Pick<Client, 'id' | 'kind' | 'name' | 'inn' | 'relation' | 'status' | 'region'> & {
  created_at: Client['createdAt'];
  updated_at: Client['updatedAt'];
  archived_at: Client['archivedAt'];
  responsible: User['name'] | null;
  phone: Phone['digits'] | null;
  email: Email['address'] | null;
  tags: string;
};

export function loadRows(sqlite: Database.Database, seqs: number[]): ClientListRow[] {
  if (seqs.length === 0) return [];
  const rows = prepared<PageRow>(sqlite, PAGE_ROWS_SQL).all(JSON.stringify(seqs));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    inn: r.inn,
    relation: r.relation,
    status: r.status,
    region: r.region,
    responsible: r.responsible,
    phone: r.phone ? formatPhone(r.phone) : null,
    email: r.email,
    tags: JSON.parse(r.tags) as ClientListRow['tags'],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
    match: null,
  }));
}
