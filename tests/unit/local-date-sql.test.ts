import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { localDateSql, zoneOffsets } from '../../src-main/core/tasks/local-date-sql';
import { localDate } from '../../src-main/core/tasks/time';

// The local date of an instant computed by SQLite's date() with the zone's offsets over a
// range must be the date localDate gives, around every change of offset included.

const YEAR = ['2025-12-05T21:00:00.000Z', '2026-12-05T21:00:00.000Z'] as const;

describe('zoneOffsets', () => {
  it('one piece for a zone without DST, the exact instants of both changes for one with it', () => {
    expect(zoneOffsets(...YEAR, 'Europe/Moscow')).toEqual([{ from: YEAR[0], seconds: 10_800 }]);
    expect(zoneOffsets(...YEAR, 'Europe/Berlin')).toEqual([
      { from: YEAR[0], seconds: 3600 },
      { from: '2026-03-29T01:00:00.000Z', seconds: 7200 },
      { from: '2026-10-25T01:00:00.000Z', seconds: 3600 },
    ]);
    expect(zoneOffsets(...YEAR, 'America/St_Johns').map((p) => p.seconds)).toEqual([-12_600, -9000, -12_600]);
  });
});

describe('localDateSql', () => {
  const db = new Database(':memory:');
  const check = (tz: string, instants: string[]) => {
    // The instant is a parameter here, in place of a column.
    const day = localDateSql('@at', zoneOffsets(...YEAR, tz), 'z');
    const stmt = db.prepare(`SELECT ${day.sql} AS d`);
    for (const at of instants) expect((stmt.get({ ...day.params, at }) as { d: string }).d, `${tz} ${at}`).toBe(localDate(at, tz));
  };
  // Every quarter hour of the days around each change, and the range's ends.
  const around = (iso: string) => {
    const out: string[] = [];
    for (let ms = Date.parse(iso) - 86_400_000; ms <= Date.parse(iso) + 86_400_000; ms += 900_000) out.push(new Date(ms).toISOString(), new Date(ms - 1).toISOString());
    return out;
  };
  it('gives the local date of every instant, across midnight and each change of offset', () => {
    check('Europe/Moscow', [YEAR[0], '2026-06-30T20:59:59.999Z', '2026-06-30T21:00:00.000Z', '2026-12-05T20:59:59.999Z']);
    check('Europe/Berlin', [YEAR[0], ...around('2026-03-29T01:00:00.000Z'), ...around('2026-10-25T01:00:00.000Z'), '2026-12-05T20:59:59.999Z']);
    check('America/St_Johns', [...around('2026-03-08T05:30:00.000Z'), ...around('2026-11-01T04:30:00.000Z')]);
    check('Pacific/Auckland', [...around('2026-04-04T14:00:00.000Z'), ...around('2026-09-26T14:00:00.000Z')]);
  });
});
