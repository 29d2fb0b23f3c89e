import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { receivablesSettings } from './settings';
import { requireClientVisible } from '../access/visibility';

// How old a debt is, as of a date. A document's due date is its own (set by hand or by
// the file), else its date + payment days: the contract's, else the client's, else the
// workspace's. Days past due are calendar days from the due date: 0 on the due date
// itself (bucket 0–30), "not yet due" only while the due date is after the as-of date.
// What a document still owes as of the date: its amount, less what the source file
// said was settled, less allocations of payments dated up to that date.

export const BUCKETS = ['notDue', 'b0_30', 'b31_60', 'b61_90', 'b90plus'] as const;
export type Bucket = (typeof BUCKETS)[number];

export function bucketOf(daysPastDue: number): Bucket {
  if (daysPastDue < 0) return 'notDue';
  if (daysPastDue <= 30) return 'b0_30';
  if (daysPastDue <= 60) return 'b31_60';
  if (daysPastDue <= 90) return 'b61_90';
  return 'b90plus';
}

/**
 * SQL of the open documents as of @asOf: doc columns plus due, open and days past due.
 * Params: @asOf, @defaultDays, and with `forClients` @ids (a JSON array of client ids:
 * a card or a board page reads its few clients' documents by index, not all of them).
 */
export const openDocumentsSql = (forClients: boolean): string => `
  WITH docs AS (
    SELECT d.id, d.client_id, d.contract_id, d.kind, d.number, d.date, d.amount_kopecks, d.deal_id,
           coalesce(d.due_date, date(d.date, '+' || coalesce(rc.payment_days, t.payment_days, @defaultDays) || ' days')) AS due,
           d.amount_kopecks - d.settled_outside_kopecks - coalesce((
             SELECT sum(a.kopecks) FROM receivable_allocations a JOIN receivable_payments p ON p.id = a.payment_id
              WHERE a.document_id = d.id AND p.date <= @asOf), 0) AS open
      FROM receivable_documents d
      LEFT JOIN receivable_contracts rc ON rc.id = d.contract_id
      LEFT JOIN client_credit_terms t ON t.client_id = d.client_id
     WHERE d.date <= @asOf ${forClients ? 'AND d.client_id IN (SELECT value FROM json_each(@ids))' : ''}),
  open_docs AS (
    SELECT *, CAST(julianday(@asOf) - julianday(due) AS INTEGER) AS days_past_due FROM docs WHERE open > 0)`;
export const OPEN_DOCUMENTS_SQL = openDocumentsSql(false);

export interface OpenDocument {
  id: string;
  clientId: string;
  contractId: string | null;
  contract: string | null;
  kind: 'shipment' | 'invoice' | 'opening';
  number: string;
  date: string;
  due: string;
  amountKopecks: number;
  openKopecks: number;
  daysPastDue: number;
  bucket: Bucket;
  dealId: string | null;
}

/** A client's documents still owed as of a date, oldest first: the report's drill-down. */
export function openDocuments(ctx: Ctx, clientId: string, asOf: string): OpenDocument[] {
  requireClientVisible(ctx, clientId);
  const rows = prepared<Omit<OpenDocument, 'bucket'>>(
    ctx.ws.sqlite,
    `${openDocumentsSql(true)}
     SELECT o.id, o.client_id AS clientId, o.contract_id AS contractId, rc.name AS contract, o.kind, o.number, o.date, o.due,
            o.amount_kopecks AS amountKopecks, o.open AS openKopecks, o.days_past_due AS daysPastDue, o.deal_id AS dealId
       FROM open_docs o LEFT JOIN receivable_contracts rc ON rc.id = o.contract_id
      ORDER BY o.due, o.date, o.number`,
  ).all({ asOf, ids: JSON.stringify([clientId]), defaultDays: receivablesSettings(ctx).paymentDays });
  return rows.map((r) => ({ ...r, bucket: bucketOf(r.daysPastDue) }));
}

export interface ClientAging {
  clientId: string;
  debtKopecks: number;
  notDueKopecks: number;
  b0_30: number;
  b31_60: number;
  b61_90: number;
  b90plus: number;
  /** The oldest unpaid document (by due date): its id, date and days past due. */
  oldestId: string;
  oldestDate: string;
  oldestDue: string;
  oldestDays: number;
}

/** Per client with debt as of the date: the buckets, and the oldest open document. */
export function agingByClient(ctx: Ctx, asOf: string, clientIds?: readonly string[]): ClientAging[] {
  return prepared<ClientAging>(
    ctx.ws.sqlite,
    `${openDocumentsSql(!!clientIds)}
     , oldest AS (
         -- SQLite takes the bare columns from the row holding the min(): the oldest document.
         SELECT client_id, id, date, min(due) AS due, days_past_due FROM open_docs GROUP BY client_id)
     SELECT o.client_id AS clientId, sum(o.open) AS debtKopecks,
            sum(CASE WHEN o.days_past_due < 0 THEN o.open ELSE 0 END) AS notDueKopecks,
            sum(CASE WHEN o.days_past_due BETWEEN 0 AND 30 THEN o.open ELSE 0 END) AS b0_30,
            sum(CASE WHEN o.days_past_due BETWEEN 31 AND 60 THEN o.open ELSE 0 END) AS b31_60,
            sum(CASE WHEN o.days_past_due BETWEEN 61 AND 90 THEN o.open ELSE 0 END) AS b61_90,
            sum(CASE WHEN o.days_past_due > 90 THEN o.open ELSE 0 END) AS b90plus,
            x.id AS oldestId, x.date AS oldestDate, x.due AS oldestDue, x.days_past_due AS oldestDays
       FROM open_docs o JOIN oldest x ON x.client_id = o.client_id GROUP BY o.client_id`,
  ).all({ asOf, defaultDays: receivablesSettings(ctx).paymentDays, ...(clientIds ? { ids: JSON.stringify(clientIds) } : {}) });
}
