import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { NotFoundError } from '../errors';
import { requireClientVisible } from '../access/visibility';
import type { InvoiceLine } from '../db/schema/receivables';
import { agingByClient, openDocuments } from './aging';
import { clientTerms } from './terms';
import { receivablesSettings } from './settings';

// What a client's card shows about money: debt, overdue, the oldest document's days,
// terms and limit, every document with what it still owes, every payment with where it
// went, promises to pay.

export interface DocumentView {
  id: string;
  kind: string;
  number: string;
  date: string;
  due: string;
  contract: string | null;
  amountKopecks: number;
  openKopecks: number;
  source: string;
  dealId: string | null;
  comment: string | null;
}

export interface PaymentView {
  id: string;
  number: string;
  date: string;
  amountKopecks: number;
  purpose: string;
  source: string;
  advanceKopecks: number;
  allocations: { documentId: string; number: string; kopecks: number; manual: boolean }[];
}

export function clientReceivables(ctx: Ctx, clientId: string, asOf: string) {
  requireClientVisible(ctx, clientId);
  const s = ctx.ws.sqlite;
  const aging = agingByClient(ctx, asOf, [clientId])[0];
  const terms = clientTerms(ctx, clientId);
  const documents = prepared<DocumentView>(
    s,
    `SELECT d.id, d.kind, d.number, d.date,
            coalesce(d.due_date, date(d.date, '+' || coalesce(rc.payment_days, t.payment_days, @days) || ' days')) AS due,
            rc.name AS contract, d.amount_kopecks AS amountKopecks,
            d.amount_kopecks - d.settled_outside_kopecks - coalesce((SELECT sum(a.kopecks) FROM receivable_allocations a WHERE a.document_id = d.id), 0) AS openKopecks,
            d.source, d.deal_id AS dealId, d.comment
       FROM receivable_documents d LEFT JOIN receivable_contracts rc ON rc.id = d.contract_id LEFT JOIN client_credit_terms t ON t.client_id = d.client_id
      WHERE d.client_id = @clientId ORDER BY d.date DESC, d.number DESC`,
  ).all({ clientId, days: receivablesSettings(ctx).paymentDays });
  const payments = prepared<Omit<PaymentView, 'allocations' | 'advanceKopecks'>>(
    s,
    `SELECT id, number, date, amount_kopecks AS amountKopecks, purpose, source FROM receivable_payments WHERE client_id = ? ORDER BY date DESC, number DESC`,
  ).all(clientId);
  const allocs = prepared<{ paymentId: string; documentId: string; number: string; kopecks: number; manual: number }>(
    s,
    `SELECT a.payment_id AS paymentId, a.document_id AS documentId, d.number, a.kopecks, a.manual
       FROM receivable_allocations a JOIN receivable_documents d ON d.id = a.document_id WHERE d.client_id = ? ORDER BY d.date, d.number`,
  ).all(clientId);
  const promises = prepared<{ id: string; promisedDate: string; amountKopecks: number; takenBy: string | null; takenAt: string; status: string; resolvedAt: string | null; comment: string | null; taskId: string | null }>(
    s,
    `SELECT p.id, p.promised_date AS promisedDate, p.amount_kopecks AS amountKopecks, u.name AS takenBy, p.taken_at AS takenAt, p.status,
            p.resolved_at AS resolvedAt, p.comment, p.task_id AS taskId
       FROM payment_promises p LEFT JOIN users u ON u.id = p.taken_by WHERE p.client_id = ? ORDER BY p.taken_at DESC`,
  ).all(clientId);
  const paymentViews: PaymentView[] = payments.map((p) => {
    const mine = allocs.filter((a) => a.paymentId === p.id).map((a) => ({ documentId: a.documentId, number: a.number, kopecks: a.kopecks, manual: !!a.manual }));
    return { ...p, allocations: mine, advanceKopecks: p.amountKopecks - mine.reduce((n, a) => n + a.kopecks, 0) };
  });
  const overdue = aging ? aging.b0_30 + aging.b31_60 + aging.b61_90 + aging.b90plus : 0;
  return {
    asOf,
    debtKopecks: aging?.debtKopecks ?? 0,
    overdueKopecks: overdue,
    oldestOverdueDays: aging && aging.oldestDays >= 0 ? aging.oldestDays : null,
    advanceKopecks: paymentViews.reduce((n, p) => n + p.advanceKopecks, 0),
    creditLimitKopecks: terms.creditLimitKopecks,
    overLimit: terms.creditLimitKopecks !== null && (aging?.debtKopecks ?? 0) > terms.creditLimitKopecks,
    terms,
    documents,
    payments: paymentViews,
    promises,
  };
}

/** One document with its lines and the client's requisites: what the printable invoice shows. */
export function documentForPrint(ctx: Ctx, documentId: string, asOf: string) {
  const d = prepared<{ id: string; clientId: string; kind: string; number: string; date: string; dueDate: string | null; amountKopecks: number; lines: string | null; comment: string | null; dealId: string | null; contract: string | null }>(
    ctx.ws.sqlite,
    `SELECT d.id, d.client_id AS clientId, d.kind, d.number, d.date, d.due_date AS dueDate, d.amount_kopecks AS amountKopecks, d.lines, d.comment,
            d.deal_id AS dealId, rc.name AS contract
       FROM receivable_documents d LEFT JOIN receivable_contracts rc ON rc.id = d.contract_id WHERE d.id = ?`,
  ).get(documentId);
  if (!d) throw new NotFoundError('document', documentId);
  requireClientVisible(ctx, d.clientId);
  const open = openDocuments(ctx, d.clientId, asOf).find((o) => o.id === documentId);
  return {
    ...d,
    lines: d.lines ? (JSON.parse(d.lines) as InvoiceLine[]) : [],
    due: open?.due ?? d.dueDate ?? d.date,
    openKopecks: open?.openKopecks ?? 0,
    client: clientRequisites(ctx, d.clientId),
    company: receivablesSettings(ctx).company,
  };
}

export function clientRequisites(ctx: Ctx, clientId: string) {
  const c = prepared<{ id: string; name: string; fullName: string | null; inn: string | null; kpp: string | null; ogrn: string | null; legalAddress: string | null; bankName: string | null; bankBik: string | null; bankAccount: string | null; bankCorrAccount: string | null }>(
    ctx.ws.sqlite,
    `SELECT id, name, full_name AS fullName, inn, kpp, ogrn, legal_address AS legalAddress, bank_name AS bankName, bank_bik AS bankBik,
            bank_account AS bankAccount, bank_corr_account AS bankCorrAccount FROM clients WHERE id = ?`,
  ).get(clientId);
  if (!c) throw new NotFoundError('client', clientId);
  return c;
}
