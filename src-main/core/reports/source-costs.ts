import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { daysIn, monthPeriod, monthsBetween, type Period } from './period';

/**
 * What each lead source cost over a period, in kopecks: its monthly costs, each month
 * counted for the share of its days inside the period (a whole month counts whole).
 */
export function sourceCosts(ctx: Ctx, period: Period): Map<string, number> {
  const months = monthsBetween(period);
  const rows = prepared(ctx.ws.sqlite, `SELECT source, month, amount_kopecks AS amount FROM source_costs WHERE month >= ? AND month <= ?`).all(
    months[0],
    months[months.length - 1],
  ) as { source: string; month: string; amount: number }[];
  const out = new Map<string, number>();
  for (const r of rows) {
    const whole = monthPeriod(r.month);
    const inside = { from: whole.from < period.from ? period.from : whole.from, to: whole.to > period.to ? period.to : whole.to };
    const share = daysIn(inside) / daysIn(whole);
    out.set(r.source, (out.get(r.source) ?? 0) + Math.round(r.amount * share));
  }
  return out;
}
