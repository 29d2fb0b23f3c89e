import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { newId } from '../ids';
import { documentsNamed } from './purpose';

// Allocation of a client's payments to their documents, recomputed from scratch for the
// client after any change (an import, a payment, a document, a reassignment). Rules:
//  1. allocations the user set by hand (manual) stay as they are;
//  2. payments in date order (then number, id); each goes first to the documents its
//     purpose names («по УПД № …», «счет 45 …»), up to what they still owe;
//  3. the rest to the oldest open documents first (date, number, id);
//  4. what is left is an advance: it offsets documents that come later (the next
//     recompute after a new document gives it to that document by rule 3).
// Same rows in, same allocations out: recompute twice writes nothing the second time.

interface DocRow {
  id: string;
  number: string;
  date: string;
  owed: number;
}
interface PaymentRow {
  id: string;
  amount: number;
  purpose: string;
}
interface AllocRow {
  paymentId: string;
  documentId: string;
  kopecks: number;
  manual: number;
}

export function recomputeAllocations(ctx: Ctx, clientId: string): void {
  const sqlite = ctx.ws.sqlite;
  const docs = prepared<DocRow>(
    sqlite,
    `SELECT id, number, date, amount_kopecks - settled_outside_kopecks AS owed
       FROM receivable_documents WHERE client_id = ? ORDER BY date, number, id`,
  ).all(clientId);
  const payments = prepared<PaymentRow>(
    sqlite,
    `SELECT id, amount_kopecks AS amount, purpose FROM receivable_payments WHERE client_id = ? ORDER BY date, number, id`,
  ).all(clientId);
  const existing = prepared<AllocRow>(
    sqlite,
    `SELECT a.payment_id AS paymentId, a.document_id AS documentId, a.kopecks, a.manual
       FROM receivable_allocations a JOIN receivable_payments p ON p.id = a.payment_id
      WHERE p.client_id = ? ORDER BY a.payment_id, a.document_id`,
  ).all(clientId);

  const open = new Map(docs.map((d) => [d.id, Math.max(0, d.owed)]));
  const left = new Map(payments.map((p) => [p.id, p.amount]));
  for (const a of existing) {
    if (!a.manual) continue;
    open.set(a.documentId, (open.get(a.documentId) ?? 0) - a.kopecks);
    left.set(a.paymentId, (left.get(a.paymentId) ?? 0) - a.kopecks);
  }

  const wanted: AllocRow[] = [];
  const give = (paymentId: string, doc: DocRow): void => {
    const have = left.get(paymentId) ?? 0;
    const owes = open.get(doc.id) ?? 0;
    const k = Math.min(have, owes);
    if (k <= 0) return;
    left.set(paymentId, have - k);
    open.set(doc.id, owes - k);
    wanted.push({ paymentId, documentId: doc.id, kopecks: k, manual: 0 });
  };
  for (const p of payments) {
    if ((left.get(p.id) ?? 0) <= 0) continue;
    for (const d of documentsNamed(p.purpose, docs)) give(p.id, d);
    for (const d of docs) {
      if ((left.get(p.id) ?? 0) <= 0) break;
      give(p.id, d);
    }
  }

  // Several slices of one payment to one document (named, then oldest) are one row.
  const merged = new Map<string, AllocRow>();
  for (const w of wanted) {
    const k = `${w.paymentId}\u0000${w.documentId}`;
    const m = merged.get(k);
    if (m) m.kopecks += w.kopecks;
    else merged.set(k, { ...w });
  }
  const byIds = (a: AllocRow, b: AllocRow): number => cmp(a.paymentId, b.paymentId) || cmp(a.documentId, b.documentId);
  const next = [...merged.values()].sort(byIds);
  const current = existing.filter((a) => !a.manual).sort(byIds);
  const same =
    next.length === current.length &&
    next.every((n, i) => n.paymentId === current[i]!.paymentId && n.documentId === current[i]!.documentId && n.kopecks === current[i]!.kopecks);
  if (same) return;
  prepared(
    sqlite,
    `DELETE FROM receivable_allocations WHERE manual = 0 AND payment_id IN (SELECT id FROM receivable_payments WHERE client_id = ?)`,
  ).run(clientId);
  const insert = prepared(
    sqlite,
    `INSERT INTO receivable_allocations (id, payment_id, document_id, kopecks, manual) VALUES (?, ?, ?, ?, 0)`,
  );
  for (const n of next) insert.run(newId(), n.paymentId, n.documentId, n.kopecks);
}

/** Binary order, as SQLite's default collation (localeCompare would skip the ids' hyphens). */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
