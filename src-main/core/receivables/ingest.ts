import type { Ctx } from '../context';
import { isoNow } from '../context';
import { prepared } from '../db/statements';
import { newId } from '../ids';
import { AppError } from '../errors';
import { recomputeAllocations } from './allocate';
import { counterpartyKey } from './names';
import { ensureContract } from './terms';

// The seam the 1C imports (exchange entities `receivables` and `payments`) write through,
// inside the import's own transaction. See /work/RECEIVABLES-DESIGN.md and the README.

export interface IncomingDocument {
  clientId: string;
  contract: string | null;
  kind: 'shipment' | 'invoice' | 'opening';
  number: string;
  /** yyyy-mm-dd */
  date: string;
  amountKopecks: number;
  /** Still owed per the file. */
  openKopecks: number;
  dueDate: string | null;
  row: number;
}
export interface IncomingPayment {
  clientId: string | null;
  number: string;
  date: string;
  amountKopecks: number;
  payerInn: string | null;
  payerName: string;
  purpose: string;
  row: number;
}
export interface BatchInfo {
  kind: 'osv' | 'aging' | 'list' | 'bank';
  fileName: string;
  contentHash: string;
  periodFrom: string | null;
  periodTo: string | null;
  asOf: string | null;
}

export interface IngestDocumentsResult {
  batchId: string | null;
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
}
export interface IngestPaymentsResult {
  batchId: string | null;
  added: number;
  duplicates: number;
}

/** Whether this exact file (kind + content hash) was already taken in. */
function knownBatch(ctx: Ctx, batch: BatchInfo): boolean {
  return !!prepared(ctx.ws.sqlite, `SELECT 1 FROM receivable_batches WHERE kind = ? AND content_hash = ?`).get(batch.kind, batch.contentHash);
}

function insertBatch(ctx: Ctx, batch: BatchInfo): string {
  const id = newId();
  prepared(
    ctx.ws.sqlite,
    `INSERT INTO receivable_batches (id, kind, file_name, content_hash, period_from, period_to, as_of, imported_at, imported_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, batch.kind, batch.fileName, batch.contentHash, batch.periodFrom, batch.periodTo, batch.asOf, isoNow(ctx), ctx.userId);
  return id;
}

interface ExistingDoc {
  id: string;
  number: string;
  date: string;
  kind: string;
  contractId: string | null;
  dueDate: string | null;
  amount: number;
  settled: number;
  source: string;
}

/**
 * Snapshot semantics: replaces what earlier batches of the same kind said for the
 * clients this one covers (their documents of that source dated up to the file's
 * period end / as-of date that the file no longer lists are removed); the same content
 * hash again is a no-op. `advances` are the clients' credit balances (what they paid
 * ahead), kept as one advance payment per client and kind. Allocations of the touched
 * clients are recomputed.
 */
export function ingestDocuments(
  ctx: Ctx,
  batch: BatchInfo,
  docs: IncomingDocument[],
  advances: { clientId: string; kopecks: number }[],
): IngestDocumentsResult {
  if (batch.kind === 'bank') throw new AppError('receivables.batch_kind', 'A bank statement holds payments, not documents');
  if (knownBatch(ctx, batch)) return { batchId: null, created: 0, updated: 0, removed: 0, unchanged: docs.length };
  const sqlite = ctx.ws.sqlite;
  const batchId = insertBatch(ctx, batch);
  const source = batch.kind;
  const cutoff = batch.periodTo ?? batch.asOf;
  const at = isoNow(ctx);
  const result: IngestDocumentsResult = { batchId, created: 0, updated: 0, removed: 0, unchanged: 0 };
  const clients = new Set<string>([...docs.map((d) => d.clientId), ...advances.map((a) => a.clientId)]);

  const existingOf = prepared<ExistingDoc>(
    sqlite,
    `SELECT id, number, date, kind, contract_id AS contractId, due_date AS dueDate, amount_kopecks AS amount,
            settled_outside_kopecks AS settled, source
       FROM receivable_documents WHERE client_id = ?`,
  );
  const update = prepared(
    sqlite,
    `UPDATE receivable_documents SET kind = ?, contract_id = ?, due_date = ?, amount_kopecks = ?, settled_outside_kopecks = ?,
            source = ?, batch_id = ?, updated_at = ? WHERE id = ?`,
  );
  const touchBatch = prepared(sqlite, `UPDATE receivable_documents SET batch_id = ? WHERE id = ?`);
  const insert = prepared(
    sqlite,
    `INSERT INTO receivable_documents (id, client_id, contract_id, kind, number, date, due_date, amount_kopecks,
       settled_outside_kopecks, source, batch_id, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const remove = prepared(sqlite, `DELETE FROM receivable_documents WHERE id = ?`);

  const byClient = new Map<string, IncomingDocument[]>();
  for (const d of docs) byClient.set(d.clientId, [...(byClient.get(d.clientId) ?? []), d]);
  for (const clientId of clients) {
    const existing = new Map(existingOf.all(clientId).map((e) => [`${e.number}\u0000${e.date}`, e]));
    const seen = new Set<string>();
    for (const d of byClient.get(clientId) ?? []) {
      const key = `${d.number}\u0000${d.date}`;
      const settled = Math.max(0, d.amountKopecks - d.openKopecks);
      const contract = d.contract ? ensureContract(ctx, clientId, d.contract) : null;
      const e = existing.get(key);
      if (seen.has(key)) continue; // the same document twice in one file: the first row counts
      seen.add(key);
      if (!e) {
        insert.run(newId(), clientId, contract, d.kind, d.number, d.date, d.dueDate, d.amountKopecks, settled, source, batchId, at, at, ctx.userId);
        result.created++;
      } else if (e.kind === d.kind && e.contractId === contract && e.dueDate === d.dueDate && e.amount === d.amountKopecks && e.settled === settled && e.source === source) {
        touchBatch.run(batchId, e.id);
        result.unchanged++;
      } else {
        update.run(d.kind, contract, d.dueDate, d.amountKopecks, settled, source, batchId, at, e.id);
        result.updated++;
      }
    }
    for (const [key, e] of existing) {
      if (seen.has(key) || e.source !== source) continue;
      if (cutoff && e.date > cutoff) continue;
      remove.run(e.id);
      result.removed++;
    }
  }

  const advanceDate = cutoff ?? at.slice(0, 10);
  const advanceOf = new Map(advances.map((a) => [a.clientId, a.kopecks]));
  for (const clientId of clients) {
    const dedupeKey = `advance:${source}:${clientId}`;
    const kopecks = advanceOf.get(clientId) ?? 0;
    if (kopecks > 0) {
      prepared(
        sqlite,
        `INSERT INTO receivable_payments (id, client_id, number, date, amount_kopecks, payer_inn, payer_name, purpose, source, batch_id,
           dedupe_key, created_at, updated_at, created_by)
         VALUES (?, ?, '', ?, ?, NULL, '', '', 'advance', ?, ?, ?, ?, ?)
         ON CONFLICT(dedupe_key) DO UPDATE SET date = excluded.date, amount_kopecks = excluded.amount_kopecks,
           batch_id = excluded.batch_id, updated_at = excluded.updated_at`,
      ).run(newId(), clientId, advanceDate, kopecks, batchId, dedupeKey, at, at, ctx.userId);
    } else {
      prepared(sqlite, `DELETE FROM receivable_payments WHERE dedupe_key = ?`).run(dedupeKey);
    }
    recomputeAllocations(ctx, clientId);
  }
  return result;
}

/** number + date + payer (ИНН, else the folded name) + amount: one payment however often it is imported. */
export function paymentDedupeKey(p: Pick<IncomingPayment, 'number' | 'date' | 'payerInn' | 'payerName' | 'amountKopecks'>): string {
  return [p.number.trim(), p.date, p.payerInn?.trim() || counterpartyKey(p.payerName), p.amountKopecks].join('|');
}

/** Dedupes by number+date+payer ИНН+amount; allocates (named document first, then oldest). */
export function ingestPayments(ctx: Ctx, batch: BatchInfo, payments: IncomingPayment[]): IngestPaymentsResult {
  if (knownBatch(ctx, batch)) return { batchId: null, added: 0, duplicates: payments.length };
  const sqlite = ctx.ws.sqlite;
  const batchId = insertBatch(ctx, batch);
  const at = isoNow(ctx);
  const result: IngestPaymentsResult = { batchId, added: 0, duplicates: 0 };
  const touched = new Set<string>();
  const insert = prepared(
    sqlite,
    `INSERT INTO receivable_payments (id, client_id, number, date, amount_kopecks, payer_inn, payer_name, purpose, source, batch_id,
       dedupe_key, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING`,
  );
  // A payment seen before while its payer was not a client attaches once they are one.
  const attach = prepared(sqlite, `UPDATE receivable_payments SET client_id = ?, updated_at = ? WHERE dedupe_key = ? AND client_id IS NULL`);
  for (const p of payments) {
    const key = paymentDedupeKey(p);
    const source = batch.kind === 'bank' ? 'bank' : 'manual';
    const r = insert.run(newId(), p.clientId, p.number, p.date, p.amountKopecks, p.payerInn, p.payerName, p.purpose, source, batchId, key, at, at, ctx.userId);
    if (r.changes > 0) result.added++;
    else {
      result.duplicates++;
      if (p.clientId) attach.run(p.clientId, at, key);
    }
    if (p.clientId) touched.add(p.clientId);
  }
  for (const clientId of touched) recomputeAllocations(ctx, clientId);
  return result;
}

/**
 * Gives a payer's payments that had no client (unknown ИНН) to a client — after the
 * payer was made a client or mapped — and allocates them. Returns how many moved.
 */
export function attachPayerPayments(ctx: Ctx, payerInn: string, clientId: string): number {
  const r = prepared(ctx.ws.sqlite, `UPDATE receivable_payments SET client_id = ?, updated_at = ? WHERE client_id IS NULL AND payer_inn = ?`).run(
    clientId,
    isoNow(ctx),
    payerInn,
  );
  if (r.changes > 0) recomputeAllocations(ctx, clientId);
  return r.changes;
}
