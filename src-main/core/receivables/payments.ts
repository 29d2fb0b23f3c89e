import { z } from 'zod';
import type { Ctx } from '../context';
import { isoNow } from '../context';
import { prepared } from '../db/statements';
import { newId } from '../ids';
import { AppError, NotFoundError } from '../errors';
import { requireClientVisible } from '../access/visibility';
import { calendarDate, id, kopecks } from '../validation/rules';
import { recomputeAllocations } from './allocate';

// Payments entered by hand and the user's reassignment of a payment: to other
// documents (kept as manual allocations; the automatic ones recompute around them) or
// to another client (a payer's payment put on the right card).

const positive = kopecks.refine((v) => v > 0, 'receivables.amount_positive');

export const paymentInput = z.object({
  clientId: id,
  number: z.string().trim().max(40).default(''),
  date: calendarDate,
  amountKopecks: positive,
  purpose: z.string().trim().max(1000).default(''),
});

export const reassignInput = z.object({
  paymentId: id,
  /** Move the payment to this client (its allocations start over). */
  clientId: id.optional(),
  /** The documents it pays and how much of each; null: back to the automatic rules. */
  allocations: z.array(z.object({ documentId: id, kopecks: positive })).max(500).nullable(),
});

interface PaymentRow {
  id: string;
  clientId: string | null;
  amount: number;
}

function paymentOf(ctx: Ctx, paymentId: string): PaymentRow {
  const p = prepared<PaymentRow>(ctx.ws.sqlite, `SELECT id, client_id AS clientId, amount_kopecks AS amount FROM receivable_payments WHERE id = ?`).get(paymentId);
  if (!p) throw new NotFoundError('payment', paymentId);
  if (p.clientId) requireClientVisible(ctx, p.clientId);
  return p;
}

export function addPayment(ctx: Ctx, input: z.output<typeof paymentInput>): { id: string } {
  requireClientVisible(ctx, input.clientId);
  const pid = newId();
  const at = isoNow(ctx);
  prepared(
    ctx.ws.sqlite,
    `INSERT INTO receivable_payments (id, client_id, number, date, amount_kopecks, payer_inn, payer_name, purpose, source, batch_id,
       dedupe_key, created_at, updated_at, created_by)
     SELECT ?, c.id, ?, ?, ?, c.inn, c.name, ?, 'manual', NULL, ?, ?, ?, ? FROM clients c WHERE c.id = ?`,
  ).run(pid, input.number, input.date, input.amountKopecks, input.purpose, `manual:${pid}`, at, at, ctx.userId, input.clientId);
  recomputeAllocations(ctx, input.clientId);
  return { id: pid };
}

export function deletePayment(ctx: Ctx, paymentId: string): { ok: true } {
  const p = paymentOf(ctx, paymentId);
  prepared(ctx.ws.sqlite, `DELETE FROM receivable_payments WHERE id = ?`).run(paymentId);
  if (p.clientId) recomputeAllocations(ctx, p.clientId);
  return { ok: true };
}

/** Sets where a payment goes; refused (nothing changed) when a document would be paid beyond what it owes. */
export function reassignPayment(ctx: Ctx, input: z.output<typeof reassignInput>): { ok: true } {
  const sqlite = ctx.ws.sqlite;
  const p = paymentOf(ctx, input.paymentId);
  const clientId = input.clientId ?? p.clientId;
  if (!clientId) throw new AppError('receivables.payment_no_client', 'The payment has no client yet', {}, [{ field: 'clientId', code: 'required' }]);
  requireClientVisible(ctx, clientId);
  prepared(sqlite, `DELETE FROM receivable_allocations WHERE payment_id = ?`).run(p.id);
  if (clientId !== p.clientId) prepared(sqlite, `UPDATE receivable_payments SET client_id = ?, updated_at = ? WHERE id = ?`).run(clientId, isoNow(ctx), p.id);
  const allocations = input.allocations ?? [];
  const total = allocations.reduce((n, a) => n + a.kopecks, 0);
  if (total > p.amount) throw new AppError('receivables.allocation_exceeds_payment', 'More than the payment', { amount: p.amount }, [{ field: 'allocations', code: 'receivables.allocation_exceeds_payment' }]);
  const insert = prepared(sqlite, `INSERT INTO receivable_allocations (id, payment_id, document_id, kopecks, manual) VALUES (?, ?, ?, ?, 1)`);
  allocations.forEach((a, i) => {
    const doc = prepared<{ clientId: string }>(sqlite, `SELECT client_id AS clientId FROM receivable_documents WHERE id = ?`).get(a.documentId);
    if (!doc || doc.clientId !== clientId) throw new AppError('receivables.document_other_client', 'Not a document of this client', {}, [{ field: `allocations.${i}.documentId`, code: 'receivables.document_other_client' }]);
    insert.run(newId(), p.id, a.documentId, a.kopecks);
  });
  if (p.clientId && p.clientId !== clientId) recomputeAllocations(ctx, p.clientId);
  recomputeAllocations(ctx, clientId);
  const over = prepared<{ number: string }>(
    sqlite,
    `SELECT d.number FROM receivable_documents d JOIN receivable_allocations a ON a.document_id = d.id
      WHERE d.client_id = ? GROUP BY d.id HAVING sum(a.kopecks) > d.amount_kopecks - d.settled_outside_kopecks LIMIT 1`,
  ).get(clientId);
  if (over) throw new AppError('receivables.document_overpaid', 'The document would be paid beyond its amount', { number: over.number }, [{ field: 'allocations', code: 'receivables.document_overpaid' }]);
  return { ok: true };
}
