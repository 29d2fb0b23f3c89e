import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { searchClientSeqs, type SqlFilter } from '../search/client-search';
import { formatPhone } from '../validation/contact-points';
import { foldText } from '../text/fold';
import type { ListQuery } from './schemas';

/** Search results beyond this many are not worth scrolling: the UI asks to refine. */
export const SEARCH_CAP = 1000;

export interface ClientListRow {
  id: string;
  kind: 'person' | 'organization' | 'sole_trader';
  name: string;
  inn: string | null;
  relation: string;
  status: string;
  region: string | null;
  responsible: string | null;
  phone: string | null;
  email: string | null;
  tags: { id: string; name: string; color: string }[];
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface ClientPage {
  total: number;
  /** True when a search matched more than SEARCH_CAP clients and only the best are listed. */
  capped: boolean;
  offset: number;
  rows: ClientListRow[];
}

export function filterSql(q: ListQuery): SqlFilter {
  const where: string[] = [q.archived ? 'c.archived_at IS NOT NULL' : 'c.archived_at IS NULL'];
  const params: unknown[] = [];
  const eq = (col: string, v: unknown) => {
    if (v !== null && v !== undefined && v !== '') {
      where.push(`${col} = ?`);
      params.push(v);
    }
  };
  eq('c.kind', q.kind);
  eq('c.relation', q.relation);
  eq('c.status', q.status);
  eq('c.region', q.region);
  if (q.responsibleId === 'none') where.push('c.responsible_id IS NULL');
  else eq('c.responsible_id', q.responsibleId);
  if (q.tagId) {
    where.push('EXISTS (SELECT 1 FROM client_tags t WHERE t.client_id = c.id AND t.tag_id = ?)');
    params.push(q.tagId);
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

const SORT_SQL: Record<ListQuery['sort'], string> = {
  name: 'c.name_key',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

// The last search's ordered result, so scrolling through it pages from memory
// instead of re-running every tier for each page.
const searchCache = new WeakMap<Database.Database, { key: string; seqs: number[] }>();

export function listClients(ctx: Ctx, q: ListQuery, offset: number, limit: number): ClientPage {
  const sqlite = ctx.ws.sqlite;
  const filter = filterSql(q);
  const where = filter.where.join(' AND ');
  if (q.search.trim()) {
    // Any write on this connection (total_changes) or another (data_version) makes it stale.
    const version = prepared(sqlite, 'SELECT total_changes() AS t').get() as { t: number };
    const key = JSON.stringify([q, version.t, sqlite.pragma('data_version', { simple: true })]);
    let hit = searchCache.get(sqlite);
    if (!hit || hit.key !== key) {
      hit = { key, seqs: searchClientSeqs(sqlite, q.search, filter, SEARCH_CAP + 1) };
      searchCache.set(sqlite, hit);
    }
    const capped = hit.seqs.length > SEARCH_CAP;
    const seqs = hit.seqs.slice(0, SEARCH_CAP);
    return { total: seqs.length, capped, offset, rows: loadRows(sqlite, seqs.slice(offset, offset + limit)) };
  }
  const total = (prepared(sqlite, `SELECT count(*) AS n FROM clients c WHERE ${where}`).get(...filter.params) as { n: number }).n;
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const seqs = (
    prepared(sqlite, `SELECT c.seq FROM clients c WHERE ${where} ORDER BY ${SORT_SQL[q.sort]} ${dir}, c.seq ${dir} LIMIT ? OFFSET ?`).all(
      ...filter.params,
      limit,
      offset,
    ) as { seq: number }[]
  ).map((r) => r.seq);
  return { total, capped: false, offset, rows: loadRows(sqlite, seqs) };
}

function placeholders(n: number): string {
  return new Array(n).fill('?').join(',');
}

export function loadRows(sqlite: Database.Database, seqs: number[]): ClientListRow[] {
  if (seqs.length === 0) return [];
  const ph = placeholders(seqs.length);
  const base = sqlite
    .prepare(
      `SELECT c.seq, c.id, c.kind, c.name, c.inn, c.relation, c.status, c.region, c.created_at, c.updated_at, c.archived_at,
              u.name AS responsible
       FROM clients c LEFT JOIN users u ON u.id = c.responsible_id WHERE c.seq IN (${ph})`,
    )
    .all(...seqs) as Record<string, unknown>[];
  const ids = base.map((r) => r.id as string);
  const idPh = placeholders(ids.length);
  const firstOf = <T>(rows: { client_id: string }[]) => {
    const m = new Map<string, T>();
    for (const r of rows) if (!m.has(r.client_id)) m.set(r.client_id, r as T);
    return m;
  };
  const phoneRows = firstOf<{ digits: string }>(
    sqlite
      .prepare(`SELECT client_id, digits FROM phones WHERE client_id IN (${idPh}) ORDER BY contact_id IS NOT NULL, sort`)
      .all(...ids) as { client_id: string }[],
  );
  const emailRows = firstOf<{ address: string }>(
    sqlite
      .prepare(`SELECT client_id, address FROM emails WHERE client_id IN (${idPh}) ORDER BY contact_id IS NOT NULL, sort`)
      .all(...ids) as { client_id: string }[],
  );
  const tagRows = sqlite
    .prepare(
      `SELECT ct.client_id, t.id, t.name, t.color FROM client_tags ct JOIN tags t ON t.id = ct.tag_id
       WHERE ct.client_id IN (${idPh}) ORDER BY t.name`,
    )
    .all(...ids) as { client_id: string; id: string; name: string; color: string }[];
  const bySeq = new Map(base.map((r) => [r.seq as number, r]));
  return seqs
    .map((s) => bySeq.get(s))
    .filter((r): r is Record<string, unknown> => !!r)
    .map((r) => {
      const id = r.id as string;
      const phone = phoneRows.get(id);
      return {
        id,
        kind: r.kind as ClientListRow['kind'],
        name: r.name as string,
        inn: r.inn as string | null,
        relation: r.relation as string,
        status: r.status as string,
        region: r.region as string | null,
        responsible: r.responsible as string | null,
        phone: phone ? formatPhone(phone.digits) : null,
        email: emailRows.get(id)?.address ?? null,
        tags: tagRows.filter((t) => t.client_id === id).map(({ id: tid, name, color }) => ({ id: tid, name, color })),
        createdAt: r.created_at as string,
        updatedAt: r.updated_at as string,
        archivedAt: r.archived_at as string | null,
      };
    });
}
