import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeTempDir, removeDir } from '../helpers/workspace';
import { cli } from '../helpers/cli';

// `seed` adds deals with realistic stage paths; `stats --json` counts them.

let dir: string;
let db: string;
beforeAll(async () => {
  dir = makeTempDir('deals-cli');
  db = join(dir, 'deals.kdb');
  const r = await cli('seed', '--db', db, '--clients', '40', '--deals', '120', '--seed', '5');
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => removeDir(dir));

describe('cli seed with deals', () => {
  it('stats --json counts the deals', async () => {
    const r = await cli('stats', '--db', db, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ clients: 40, deals: 120 });
  });

  it('seeded deals have a stage path that ends where they are, closed ones a close date and lost ones a reason', () => {
    const s = new Database(db, { readonly: true });
    try {
      const deals = s
        .prepare(
          `SELECT d.id, d.stage_id AS stageId, st.kind, d.closed_at AS closedAt, d.lost_reason_id AS reason,
             (SELECT to_stage_id FROM deal_stage_changes ch WHERE ch.deal_id = d.id ORDER BY at DESC, id DESC LIMIT 1) AS lastTo,
             (SELECT count(*) FROM deal_stage_changes ch WHERE ch.deal_id = d.id) AS steps
           FROM deals d JOIN stages st ON st.id = d.stage_id`,
        )
        .all() as { stageId: string; kind: string; closedAt: string | null; reason: string | null; lastTo: string; steps: number }[];
      expect(deals).toHaveLength(120);
      for (const d of deals) {
        expect(d.lastTo).toBe(d.stageId);
        expect(d.closedAt !== null).toBe(d.kind !== 'open');
        expect(d.reason !== null).toBe(d.kind === 'lost');
      }
      expect(new Set(deals.map((d) => d.kind))).toEqual(new Set(['open', 'won', 'lost']));
      expect(deals.some((d) => d.steps >= 3)).toBe(true);
      // Stage changes never lie in the future of the seed and follow each other in time.
      const bad = s.prepare(`SELECT count(*) AS n FROM deal_stage_changes a JOIN deal_stage_changes b ON b.deal_id = a.deal_id AND b.from_stage_id = a.to_stage_id WHERE b.at < a.at`).get() as { n: number };
      expect(bad.n).toBe(0);
    } finally {
      s.close();
    }
  });
});
