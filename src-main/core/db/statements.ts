import type Database from 'better-sqlite3';

// Hot paths (search, list pages, lookup) build SQL from a few fixed shapes; each
// distinct text is prepared once per connection and reused.
const caches = new WeakMap<Database.Database, Map<string, Database.Statement<unknown[], unknown>>>();

/**
 * The prepared statement for `sql`, typed by the row it reads: declare `Row` once per
 * query (from the tables' `$inferSelect` types where the columns are a table's) and
 * `.get()` / `.all()` return it without a cast at each call.
 */
export function prepared<Row = unknown>(sqlite: Database.Database, sql: string): Database.Statement<unknown[], Row> {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = sqlite.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt as Database.Statement<unknown[], Row>;
}
