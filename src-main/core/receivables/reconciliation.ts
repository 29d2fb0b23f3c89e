import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { requireClientVisible } from '../access/visibility';
import { clientRequisites } from './read';
import { receivablesSettings } from './settings';

// The reconciliation statement (акт сверки) for a client and a period, from our side:
// the opening balance, each document (debit: what the client owes for it) and each
// payment (credit) in the period by date, the turnovers and the closing balance. A
// positive balance is the client's debt to us, a negative one their advance. What an
// accounting file says was paid without our seeing the payment (settled outside) is a
// credit line on the document's date, so the balances agree with the debt everywhere.

export type ReconciliationLine =
  | { kind: 'document'; date: string; number: string; debitKopecks: number; creditKopecks: 0; documentKind: string }
  | { kind: 'payment'; date: string; number: string; debitKopecks: 0; creditKopecks: number; purpose: string }
  | { kind: 'settled'; date: string; number: string; debitKopecks: 0; creditKopecks: number };

interface Movement {
  kind: 'document' | 'payment' | 'settled';
  date: string;
  number: string;
  debit: number;
  credit: number;
  extra: string;
}

export function reconciliation(ctx: Ctx, clientId: string, from: string, to: string) {
  requireClientVisible(ctx, clientId);
  const moves = prepared<Movement>(
    ctx.ws.sqlite,
    `SELECT 'document' AS kind, date, number, amount_kopecks AS debit, 0 AS credit, kind AS extra FROM receivable_documents WHERE client_id = @c AND date <= @to
     UNION ALL
     SELECT 'settled', date, number, 0, settled_outside_kopecks, '' FROM receivable_documents WHERE client_id = @c AND date <= @to AND settled_outside_kopecks > 0
     UNION ALL
     SELECT 'payment', date, number, 0, amount_kopecks, purpose FROM receivable_payments WHERE client_id = @c AND date <= @to
     ORDER BY date, kind, number`,
  ).all({ c: clientId, to });
  let opening = 0;
  const lines: ReconciliationLine[] = [];
  for (const m of moves) {
    if (m.date < from) {
      opening += m.debit - m.credit;
      continue;
    }
    if (m.kind === 'document') lines.push({ kind: 'document', date: m.date, number: m.number, debitKopecks: m.debit, creditKopecks: 0, documentKind: m.extra });
    else if (m.kind === 'payment') lines.push({ kind: 'payment', date: m.date, number: m.number, debitKopecks: 0, creditKopecks: m.credit, purpose: m.extra });
    else lines.push({ kind: 'settled', date: m.date, number: m.number, debitKopecks: 0, creditKopecks: m.credit });
  }
  const debit = lines.reduce((n, l) => n + l.debitKopecks, 0);
  const credit = lines.reduce((n, l) => n + l.creditKopecks, 0);
  return {
    from,
    to,
    client: clientRequisites(ctx, clientId),
    company: receivablesSettings(ctx).company,
    openingKopecks: opening,
    lines,
    debitKopecks: debit,
    creditKopecks: credit,
    closingKopecks: opening + debit - credit,
  };
}
export type Reconciliation = ReturnType<typeof reconciliation>;
