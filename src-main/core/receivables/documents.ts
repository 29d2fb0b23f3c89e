import { z } from 'zod';
import type { Ctx } from '../context';
import { isoNow } from '../context';
import { prepared } from '../db/statements';
import { newId } from '../ids';
import { AppError, NotFoundError } from '../errors';
import { requireClientVisible, requireDealVisible } from '../access/visibility';
import { calendarDate, id, kopecks, optionalDate, optionalId } from '../validation/rules';
import type { InvoiceLine } from '../db/schema/receivables';
import { recomputeAllocations } from './allocate';
import { ensureContract } from './terms';

// Documents entered by hand: an invoice from a deal (lines, amount, due date) or a
// shipment the accountant has not exported yet. Imported documents are the file's and
// change only with the next file.

const line = z.object({
  name: z.string().trim().min(1, 'required').max(500),
  quantity: z.number().positive('receivables.quantity_positive').max(1_000_000_000),
  unit: z.string().trim().max(20).default('шт'),
  priceKopecks: kopecks,
});

export const documentInput = z
  .object({
    clientId: id,
    dealId: optionalId,
    contract: z.string().trim().max(200).nullish().transform((v) => v || null),
    kind: z.enum(['invoice', 'shipment']).default('invoice'),
    /** Empty: the next number of hand-made documents. */
    number: z.string().trim().max(40).default(''),
    date: calendarDate,
    dueDate: optionalDate,
    /** With lines the amount is their sum; without, this. */
    amountKopecks: kopecks.optional(),
    lines: z.array(line).max(500).default([]),
    comment: z.string().trim().max(2000).nullish().transform((v) => v || null),
  })
  .refine((d) => d.lines.length > 0 || (d.amountKopecks ?? 0) > 0, { message: 'receivables.amount_positive', path: ['amountKopecks'] })
  .refine((d) => !d.dueDate || d.dueDate >= d.date, { message: 'receivables.due_before_date', path: ['dueDate'] });
export type DocumentInput = z.output<typeof documentInput>;

const linesOf = (d: DocumentInput): InvoiceLine[] =>
  d.lines.map((l) => ({ ...l, amountKopecks: Math.round(l.quantity * l.priceKopecks) }));

/** One more than the largest number of hand-made documents that is a plain number. */
export function nextNumber(ctx: Ctx): string {
  const r = prepared<{ n: number | null }>(
    ctx.ws.sqlite,
    `SELECT max(CAST(number AS INTEGER)) AS n FROM receivable_documents WHERE source = 'manual' AND number GLOB '[0-9]*' AND number NOT GLOB '*[^0-9]*'`,
  ).get();
  return String((r?.n ?? 0) + 1);
}

interface Stored {
  id: string;
  clientId: string;
  source: string;
}

function manualDocument(ctx: Ctx, documentId: string): Stored {
  const d = prepared<Stored>(ctx.ws.sqlite, `SELECT id, client_id AS clientId, source FROM receivable_documents WHERE id = ?`).get(documentId);
  if (!d) throw new NotFoundError('document', documentId);
  requireClientVisible(ctx, d.clientId);
  if (d.source !== 'manual') throw new AppError('receivables.document_imported', 'An imported document changes with the next file', {});
  return d;
}

function duplicate(e: unknown): never {
  if (e instanceof Error && /UNIQUE constraint failed: receivable_documents/.test(e.message)) {
    throw new AppError('receivables.document_duplicate', 'A document with this number and date exists', {}, [{ field: 'number', code: 'receivables.document_duplicate' }]);
  }
  throw e;
}

function values(ctx: Ctx, d: DocumentInput) {
  requireClientVisible(ctx, d.clientId);
  if (d.dealId) {
    requireDealVisible(ctx, d.dealId);
    const deal = prepared<{ clientId: string }>(ctx.ws.sqlite, `SELECT client_id AS clientId FROM deals WHERE id = ?`).get(d.dealId);
    if (!deal || deal.clientId !== d.clientId) throw new AppError('receivables.deal_other_client', 'The deal is of another client', {}, [{ field: 'dealId', code: 'receivables.deal_other_client' }]);
  }
  const lines = linesOf(d);
  const amount = lines.length ? lines.reduce((n, l) => n + l.amountKopecks, 0) : d.amountKopecks!;
  return { lines: lines.length ? JSON.stringify(lines) : null, amount, contractId: d.contract ? ensureContract(ctx, d.clientId, d.contract) : null };
}

export function createDocument(ctx: Ctx, d: DocumentInput): { id: string; number: string } {
  const v = values(ctx, d);
  const did = newId();
  const number = d.number || nextNumber(ctx);
  const at = isoNow(ctx);
  try {
    prepared(
      ctx.ws.sqlite,
      `INSERT INTO receivable_documents (id, client_id, contract_id, kind, number, date, due_date, amount_kopecks, settled_outside_kopecks,
         source, batch_id, deal_id, lines, comment, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 'manual', NULL, ?, ?, ?, ?, ?, ?)`,
    ).run(did, d.clientId, v.contractId, d.kind, number, d.date, d.dueDate, v.amount, d.dealId, v.lines, d.comment, at, at, ctx.userId);
  } catch (e) {
    duplicate(e);
  }
  recomputeAllocations(ctx, d.clientId);
  return { id: did, number };
}

export function updateDocument(ctx: Ctx, documentId: string, d: DocumentInput): { id: string; number: string } {
  const old = manualDocument(ctx, documentId);
  const v = values(ctx, d);
  const number = d.number || nextNumber(ctx);
  try {
    prepared(
      ctx.ws.sqlite,
      `UPDATE receivable_documents SET client_id = ?, contract_id = ?, kind = ?, number = ?, date = ?, due_date = ?, amount_kopecks = ?, deal_id = ?,
         lines = ?, comment = ?, updated_at = ? WHERE id = ?`,
    ).run(d.clientId, v.contractId, d.kind, number, d.date, d.dueDate, v.amount, d.dealId, v.lines, d.comment, isoNow(ctx), documentId);
  } catch (e) {
    duplicate(e);
  }
  if (old.clientId !== d.clientId) {
    // Payments of the old client no longer pay it.
    prepared(ctx.ws.sqlite, `DELETE FROM receivable_allocations WHERE document_id = ?`).run(documentId);
    recomputeAllocations(ctx, old.clientId);
  }
  recomputeAllocations(ctx, d.clientId);
  return { id: documentId, number };
}

export function deleteDocument(ctx: Ctx, documentId: string): { ok: true } {
  const d = manualDocument(ctx, documentId);
  prepared(ctx.ws.sqlite, `DELETE FROM receivable_documents WHERE id = ?`).run(documentId);
  recomputeAllocations(ctx, d.clientId);
  return { ok: true };
}
