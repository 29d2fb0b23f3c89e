import type { Ctx } from '../context';
import { prepared } from '../db/statements';

/** Plans (roubles) of the given months, by manager id and month. */
export function plansOf(ctx: Ctx, months: string[]): { managerId: string; month: string; amountKopecks: number }[] {
  if (months.length === 0) return [];
  return prepared(
    ctx.ws.sqlite,
    `SELECT manager_id AS managerId, month, amount_kopecks AS amountKopecks FROM plans WHERE currency = 'RUB' AND month >= ? AND month <= ?`,
  ).all(months[0], months[months.length - 1]) as { managerId: string; month: string; amountKopecks: number }[];
}
