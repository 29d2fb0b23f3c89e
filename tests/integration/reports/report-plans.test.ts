import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { seedClients } from '../../../src-main/core/seed/generator';
import { seedDeals } from '../../../src-main/core/deals/seed';
import { seedTasks } from '../../../src-main/core/tasks/seed';
import { REPORT_NAMES, reportOf } from '../../../src-main/core/reports/registry';
import { reportQuery } from '../../../src-main/core/reports/types';
import { dashboard } from '../../../src-main/core/reports/dashboard';
import { plansOf, type PlanRow } from '../../helpers/plans';

// A report's statements must never re-read a range of a large table once per row of
// another large table. The activity report's «clients not contacted» did exactly that
// (the planner, without statistics, put clients outside and re-read the history since
// the date for each): 138 ms became 194 s at 200,000 clients. Timings cannot say this in
// a test; the query plan can, at any size.

const LARGE = /\b(clients|contacts|phones|emails|deals|deal_stage_changes|history|tasks)\b|INDEX (clients|contacts|phones|emails|deals|deal_stage_changes|history|tasks)_/;
const RANGE = /[<>]\?/;
// An equality on a column few values share (a manager, a stage) is a range too: every
// client of a manager, read again per history entry, took 16 minutes at 200,000 clients.
const SHARED_KEY = /\((responsible_id|author_id|assignee_id|stage_id|pipeline_id|kind|source|currency|created_by|archived_at)=\?/;

/** Loops of one level run nested in plan order: the first is outermost. */
function rangeInsideLargeLoop(rows: PlanRow[]): string | null {
  const byParent = new Map<number, PlanRow[]>();
  for (const r of rows) if (/^(SCAN|SEARCH) /.test(r.detail)) byParent.set(r.parent, [...(byParent.get(r.parent) ?? []), r]);
  for (const loops of byParent.values()) {
    for (let i = 1; i < loops.length; i++) {
      const inner = loops[i]!;
      const outer = loops.slice(0, i).find((o) => LARGE.test(o.detail));
      if (outer && (RANGE.test(inner.detail) || SHARED_KEY.test(inner.detail)) && LARGE.test(inner.detail)) return `${outer.detail}  ⟶  ${inner.detail}`;
    }
  }
  return null;
}

let w: Built;
beforeAll(() => {
  w = buildWorkspace('2026-12-01T09:00:00.000Z');
  const s = w.session.workspace.sqlite;
  seedClients(s, { clients: 2000, seed: 3 });
  seedDeals(s, { deals: 1000, seed: 3 });
  seedTasks(s, { tasks: 2000, seed: 3, timeZone: 'Europe/Moscow' });
});
afterAll(() => w?.dispose());

describe('report statements: no range of a large table re-read per row of another', () => {
  it('the rule catches the plan that made the activity report take minutes', () => {
    const sqlite = w.session.workspace.sqlite;
    const bad = sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT c.responsible_id, count(DISTINCT c.id) FROM clients c INDEXED BY clients_list_responsible_idx
           JOIN history h INDEXED BY history_author_activity_idx ON c.id = h.client_id AND c.responsible_id = h.author_id
          WHERE h.kind != 'system' AND h.occurred_at >= ? AND c.archived_at IS NULL GROUP BY c.responsible_id`,
      )
      .all('2026-01-01') as PlanRow[];
    expect(rangeInsideLargeLoop(bad)).toMatch(/history_author_activity_idx/);
    // And the one that read every client of the author per history entry.
    const perEntry = sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT c.responsible_id, count(DISTINCT c.id) FROM history h INDEXED BY history_author_activity_idx
           CROSS JOIN clients c INDEXED BY clients_responsible_idx ON c.id = h.client_id AND c.responsible_id = h.author_id
          WHERE h.kind != 'system' AND h.occurred_at >= ? AND h.author_id IS NOT NULL AND c.archived_at IS NULL GROUP BY c.responsible_id`,
      )
      .all('2026-01-01') as PlanRow[];
    expect(rangeInsideLargeLoop(perEntry)).toMatch(/clients_responsible_idx \(responsible_id=\?\)/);
  });

  for (const name of REPORT_NAMES()) {
    it(name, () => {
      const ctx = w.session.ctx();
      const q = reportQuery.parse({ from: '2025-12-01', to: '2026-11-30', timeZone: 'Europe/Moscow' });
      const statements = reportOf(name).queries(ctx, q);
      expect(statements.length).toBeGreaterThan(0);
      for (const st of statements) {
        const plan = w.session.workspace.sqlite.prepare(`EXPLAIN QUERY PLAN ${st.sql}`).all(...st.params) as PlanRow[];
        expect(rangeInsideLargeLoop(plan), st.sql).toBeNull();
      }
    });
  }

  it('the dashboard, every statement it prepares', () => {
    const plans = plansOf(w.session.workspace.path, (s) => {
      for (const scope of ['all', 'me'] as const) dashboard(s, scope, 'Europe/Moscow');
    });
    expect(plans.length).toBeGreaterThan(5);
    for (const p of plans) expect(rangeInsideLargeLoop(p.rows), p.sql).toBeNull();
  });
});
