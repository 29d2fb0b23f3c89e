import { TZDate } from '@date-fns/tz';

// The local calendar date of a stored instant, worked out inside SQLite: a JS function
// called per row (klocaldate) cost 100 ms over a year of done tasks at 300,000 tasks, while
// SQLite's own date() with the zone's offset as a modifier costs next to nothing. A zone's
// offset changes a few times a year at most (DST), so over a known range it is a short
// list of (from, offset) pieces, chosen per row by a CASE.

const DAY_MS = 86_400_000;

export interface OffsetPiece {
  /** The instant (ISO, UTC) this offset starts; the first piece starts at the range's start. */
  from: string;
  /** Seconds the zone adds to UTC. */
  seconds: number;
}

const offsetAt = (ms: number, tz: string): number => Math.round(-new TZDate(ms, tz).getTimezoneOffset() * 60);

/** The zone's offsets over [start, end): a day at a time, each change then found to the millisecond. */
export function zoneOffsets(start: string, end: string, tz: string): OffsetPiece[] {
  const a = Date.parse(start);
  const b = Date.parse(end);
  const pieces: OffsetPiece[] = [{ from: new Date(a).toISOString(), seconds: offsetAt(a, tz) }];
  for (let lo = a; lo < b; lo += DAY_MS) {
    let hi = Math.min(lo + DAY_MS, b);
    const current = pieces[pieces.length - 1]!.seconds;
    const next = offsetAt(hi, tz);
    if (next === current) continue;
    // offsetAt(lo) is `current`, offsetAt(hi) is not: the change lies in (lo, hi].
    let low = lo;
    while (hi - low > 1) {
      const mid = Math.floor((low + hi) / 2);
      if (offsetAt(mid, tz) === current) low = mid;
      else hi = mid;
    }
    if (hi < b) pieces.push({ from: new Date(hi).toISOString(), seconds: offsetAt(hi, tz) });
  }
  return pieces;
}

/**
 * SQL for the local date ('YYYY-MM-DD') of `column` (an ISO instant in UTC) for instants
 * within the range the pieces cover, with its named parameters (prefixed by `name`).
 */
export function localDateSql(column: string, pieces: OffsetPiece[], name: string): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const modifier = (i: number) => {
    const s = pieces[i]!.seconds;
    params[`${name}Mod${i}`] = `${s >= 0 ? '+' : ''}${s} seconds`;
    return `@${name}Mod${i}`;
  };
  if (pieces.length === 1) return { sql: `date(${column}, ${modifier(0)})`, params };
  let cases = '';
  for (let i = 1; i < pieces.length; i++) {
    params[`${name}From${i}`] = pieces[i]!.from;
    cases += ` WHEN ${column} < @${name}From${i} THEN ${modifier(i - 1)}`;
  }
  return { sql: `date(${column}, CASE${cases} ELSE ${modifier(pieces.length - 1)} END)`, params };
}
