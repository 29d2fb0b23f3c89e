import type Database from 'better-sqlite3';
import type { Ctx } from '../../src-main/core/context';
import { countSearch, listClients } from '../../src-main/core/clients/list';
import { listTags } from '../../src-main/core/tags/service';
import { lookupPhone } from '../../src-main/core/clients/lookup';
import { listQuery } from '../../src-main/core/clients/schemas';
import { parseQuery } from '../../src-main/core/search/query';
import { normalizePhone } from '../../src-main/core/validation/contact-points';
import { keystrokes, lookupNumbers, typedQueries } from './keystrokes';
import { dist, medianOf, perItemMedians, round3, type Dist } from './measure';

/** Rows the UI asks for on each keystroke (the first page of the list). */
const SEARCH_PAGE = 60;
const LIST_PAGE = 100;

/**
 * listClients keeps the ordered result of recent lists per connection, keyed by the
 * connection's data version. A write to a TEMP table bumps total_changes() without
 * touching the workspace, so a timed call after tick() computes its list afresh
 * (the cost after a new query, a new filter or any edit).
 */
function ticker(sqlite: Database.Database): () => void {
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS bench_tick (n INTEGER); INSERT INTO temp.bench_tick SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.bench_tick)');
  const bump = sqlite.prepare('UPDATE temp.bench_tick SET n = n + 1');
  return () => void bump.run();
}

export interface SearchResult {
  queries: number;
  keystrokes: number;
  latency: Dist;
  floor: Dist;
  floorKeystrokes: number;
  byKind: Record<string, Dist>;
  /** The real count of a capped search (asked for once the typing pauses), over the keystrokes that were capped. */
  count: Dist;
  slowest: { query: string; kind: string; ms: number; total: number }[];
}

export function benchSearch(ctx: Ctx, rounds: number): SearchResult {
  const sqlite = ctx.ws.sqlite;
  const typed = typedQueries(sqlite);
  const keys = keystrokes(typed);
  const idx = keys.map((_, i) => i);
  const totals: number[] = [];
  const capped = new Set<number>();
  // Every timed keystroke runs the search afresh (no help from the result cache).
  const tick = ticker(sqlite);
  const lat = perItemMedians(
    idx,
    rounds,
    (i) => {
      const page = listClients(ctx, listQuery.parse({ search: keys[i]!.query }), 0, SEARCH_PAGE);
      totals[i] = page.total;
      if (page.capped) capped.add(i);
    },
    tick,
  );
  const count = perItemMedians([...capped], rounds, (i) => void countSearch(ctx, listQuery.parse({ search: keys[i]!.query })), tick);

  const bare = sqlite.prepare(`SELECT rowid FROM client_fts WHERE client_fts MATCH ? LIMIT ${SEARCH_PAGE}`);
  const exprs = keys.map((k) => parseQuery(k.query).fts).filter((e): e is string => e !== null);
  const floor = perItemMedians(exprs, rounds, (e) => void bare.all(e));

  const byKind: Record<string, number[]> = {};
  keys.forEach((k, i) => (byKind[k.kind] ??= []).push(lat[i]!));
  const slowest = [...idx]
    .sort((a, b) => lat[b]! - lat[a]!)
    .slice(0, 8)
    .map((i) => ({ query: keys[i]!.query, kind: keys[i]!.kind, ms: round3(lat[i]!), total: totals[i]! }));
  return {
    queries: typed.length,
    keystrokes: keys.length,
    latency: dist(lat),
    floor: dist(floor),
    floorKeystrokes: exprs.length,
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, xs]) => [k, dist(xs)])),
    count: dist(count),
    slowest,
  };
}

export interface LookupResult {
  known: Dist;
  unknown: Dist;
  floor: Dist;
  hitRate: number;
}

export function benchLookup(ctx: Ctx, rounds: number, count = 100): LookupResult {
  const { known, unknown } = lookupNumbers(ctx.ws.sqlite, count);
  let hits = 0;
  for (const n of known) if (lookupPhone(ctx, n).length > 0) hits++;
  const bare = ctx.ws.sqlite.prepare('SELECT client_id FROM phones WHERE digits = ?');
  const digits = [...known, ...unknown].map((n) => normalizePhone(n)!.digits);
  return {
    known: dist(perItemMedians(known, rounds, (n) => void lookupPhone(ctx, n))),
    unknown: dist(perItemMedians(unknown, rounds, (n) => void lookupPhone(ctx, n))),
    floor: dist(perItemMedians(digits, rounds, (d) => void bare.all(d))),
    hitRate: known.length ? hits / known.length : 0,
  };
}

export interface PageCase {
  name: string;
  offset: number;
  total: number;
  /** The page when the list is computed afresh: a new filter or sort, or after any edit. */
  coldMs: number;
  /** The page while scrolling: the list's order is already known. */
  warmMs: number;
  floorMs: number;
}

export function benchPaging(ctx: Ctx, runs: number): PageCase[] {
  const sqlite = ctx.ws.sqlite;
  const tag = sqlite
    .prepare('SELECT t.id, t.name, count(*) AS n FROM client_tags ct JOIN tags t ON t.id = ct.tag_id GROUP BY t.id ORDER BY n DESC LIMIT 1')
    .get() as { id: string; name: string } | undefined;
  const user = sqlite
    .prepare(`SELECT u.id, u.name FROM clients c JOIN users u ON u.id = c.responsible_id GROUP BY u.id ORDER BY count(*) DESC LIMIT 1`)
    .get() as { id: string; name: string } | undefined;
  const cases: { name: string; q: Record<string, unknown> }[] = [
    { name: 'all, by name', q: {} },
    // Column heads (issue 10): each order walks an index, blanks and «not assigned» last.
    { name: 'all, by ИНН', q: { sort: 'inn' } },
    { name: 'all, by ИНН ↓', q: { sort: 'inn', dir: 'desc' } },
    { name: 'all, by responsible', q: { sort: 'responsible' } },
    { name: 'all, by created ↓', q: { sort: 'createdAt', dir: 'desc' } },
  ];
  if (tag) cases.push({ name: `tag "${tag.name}", by name`, q: { tagId: tag.id } });
  if (user) cases.push({ name: `responsible "${user.name}", by name`, q: { responsibleId: user.id } });

  const tick = ticker(sqlite);
  const floorStmt = sqlite.prepare(`SELECT seq FROM clients ORDER BY seq LIMIT ${LIST_PAGE} OFFSET ?`);
  const floorAt = new Map<number, number>();
  const out: PageCase[] = [];
  for (const c of cases) {
    const q = listQuery.parse({ sort: 'name', ...c.q });
    const total = listClients(ctx, q, 0, 1).total;
    for (const offset of [0, 1000, 10_000, 100_000]) {
      if (offset > 0 && offset >= total) continue;
      const page = () => void listClients(ctx, q, offset, LIST_PAGE);
      const coldMs = medianOf(runs, page, tick);
      const warmMs = medianOf(runs, page);
      if (!floorAt.has(offset)) floorAt.set(offset, medianOf(runs, () => void floorStmt.all(offset)));
      out.push({ name: c.name, offset, total, coldMs, warmMs, floorMs: floorAt.get(offset)! });
    }
  }
  // The filter choices come with the first page: the tag list with its client counts.
  const tagsMs = medianOf(runs, () => void listTags(ctx));
  out.push({ name: 'tag choices with client counts (tags.list)', offset: 0, total: listTags(ctx).length, coldMs: tagsMs, warmMs: tagsMs, floorMs: floorAt.get(0)! });
  return out;
}
