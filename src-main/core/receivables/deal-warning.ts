import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { localDate } from '../tasks/time';
import { agingByClient } from './aging';
import { receivablesSettings } from './settings';

// The warning a deal card and a board card show: the deal's client is over their
// credit limit, or has debt overdue more than N days (Settings). One query for a page.

export interface DebtWarning {
  overLimit: boolean;
  /** Days past due of the client's oldest unpaid document, when beyond the setting's N. */
  overdueDays: number | null;
  debtKopecks: number;
  creditLimitKopecks: number | null;
}

export function debtWarnings(ctx: Ctx, clientIds: readonly string[]): Map<string, DebtWarning> {
  const out = new Map<string, DebtWarning>();
  const ids = [...new Set(clientIds)];
  if (ids.length === 0) return out;
  // Cheap exit for workspaces (and pages) without receivables: no document, no warning.
  const any = prepared(ctx.ws.sqlite, `SELECT 1 FROM receivable_documents WHERE client_id IN (SELECT value FROM json_each(?)) LIMIT 1`).get(JSON.stringify(ids));
  if (!any) return out;
  const today = localDate(ctx.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  const { warnOverdueDays } = receivablesSettings(ctx);
  const limits = new Map(
    prepared<{ clientId: string; limit: number }>(
      ctx.ws.sqlite,
      `SELECT client_id AS clientId, credit_limit_kopecks AS "limit" FROM client_credit_terms WHERE credit_limit_kopecks IS NOT NULL AND client_id IN (SELECT value FROM json_each(?))`,
    )
      .all(JSON.stringify(ids))
      .map((r) => [r.clientId, r.limit]),
  );
  for (const a of agingByClient(ctx, today, ids)) {
    const limit = limits.get(a.clientId) ?? null;
    const overLimit = limit !== null && a.debtKopecks > limit;
    const late = a.oldestDays > warnOverdueDays ? a.oldestDays : null;
    if (overLimit || late !== null) out.set(a.clientId, { overLimit, overdueDays: late, debtKopecks: a.debtKopecks, creditLimitKopecks: limit });
  }
  return out;
}
