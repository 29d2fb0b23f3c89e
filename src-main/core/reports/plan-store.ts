import { z } from 'zod';
import type { Ctx } from '../context';
import { isoNow } from '../context';
import { prepared } from '../db/statements';
import { ValidationError } from '../errors';
import { newId } from '../ids';

// Sales plans (managers × months, roubles) and lead source costs (sources × months) as
// the grids in Reports and Settings edit them: a grid is saved whole for its year.

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'report.month');
const kopecks = z.number().int().min(0).max(1_000_000_000_000);
export const planCells = z.array(z.object({ managerId: z.string().min(1).max(64), month, amountKopecks: kopecks.nullable() })).max(5000);
export const costCells = z.array(z.object({ source: z.string().trim().min(1).max(200), month, amountKopecks: kopecks.nullable() })).max(5000);

export function plansOfYear(ctx: Ctx, year: number) {
  return prepared(ctx.ws.sqlite, `SELECT manager_id AS managerId, month, amount_kopecks AS amountKopecks FROM plans WHERE currency = 'RUB' AND month >= ? AND month <= ? ORDER BY month`).all(
    `${year}-01`,
    `${year}-12`,
  ) as { managerId: string; month: string; amountKopecks: number }[];
}

/** Sets the given cells; a cell with no amount removes that month's plan. */
export function setPlans(ctx: Ctx, cells: z.output<typeof planCells>): { changed: number } {
  const s = ctx.ws.sqlite;
  const known = new Set((s.prepare('SELECT id FROM users').all() as { id: string }[]).map((u) => u.id));
  const unknown = cells.findIndex((c) => !known.has(c.managerId));
  if (unknown >= 0) throw new ValidationError([{ field: `cells.${unknown}.managerId`, code: 'reference.missing' }]);
  const now = isoNow(ctx);
  const upsert = s.prepare(
    `INSERT INTO plans (id, manager_id, month, amount_kopecks, currency, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, 'RUB', ?, ?, ?)
     ON CONFLICT (manager_id, month, currency) DO UPDATE SET amount_kopecks = excluded.amount_kopecks, updated_at = excluded.updated_at`,
  );
  const remove = s.prepare(`DELETE FROM plans WHERE manager_id = ? AND month = ? AND currency = 'RUB'`);
  let changed = 0;
  for (const c of cells) changed += (c.amountKopecks === null ? remove.run(c.managerId, c.month) : upsert.run(newId(), c.managerId, c.month, c.amountKopecks, now, now, ctx.userId)).changes;
  return { changed };
}

export function costsOfYear(ctx: Ctx, year: number) {
  return prepared(ctx.ws.sqlite, `SELECT source, month, amount_kopecks AS amountKopecks FROM source_costs WHERE month >= ? AND month <= ? ORDER BY source, month`).all(
    `${year}-01`,
    `${year}-12`,
  ) as { source: string; month: string; amountKopecks: number }[];
}

export function setCosts(ctx: Ctx, cells: z.output<typeof costCells>): { changed: number } {
  const s = ctx.ws.sqlite;
  const now = isoNow(ctx);
  const upsert = s.prepare(
    `INSERT INTO source_costs (id, source, month, amount_kopecks, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (source, month) DO UPDATE SET amount_kopecks = excluded.amount_kopecks, updated_at = excluded.updated_at`,
  );
  const remove = s.prepare('DELETE FROM source_costs WHERE source = ? AND month = ?');
  let changed = 0;
  for (const c of cells) changed += (c.amountKopecks === null ? remove.run(c.source, c.month) : upsert.run(newId(), c.source, c.month, c.amountKopecks, now, now, ctx.userId)).changes;
  return { changed };
}
