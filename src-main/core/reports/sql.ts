import type { Ctx } from '../context';
import { prepared } from '../db/statements';

// A report's own aggregate statements as data: run() reads its rows through them, and
// the bench runs exactly the same texts bare (prepared, no mapping) as the report's floor.

export interface ReportSql {
  sql: string;
  /** Bound as given: positional values, and at most one object of named ones. */
  params: unknown[];
  /** Sums of kopecks may pass 2^53: read them as bigint. */
  bigints?: boolean;
}

export function rowsOf<Row>(ctx: Ctx, s: ReportSql): Row[] {
  return prepared(ctx.ws.sqlite, s.sql).safeIntegers(s.bigints ?? false).all(...s.params) as Row[];
}
