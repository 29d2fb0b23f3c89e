import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, timestamps } from './columns';
import {
  COLLECTION_ACTIONS,
  PROMISE_STATUSES,
  RECEIVABLE_BATCH_KINDS,
  RECEIVABLE_DOCUMENT_KINDS,
  RECEIVABLE_DOCUMENT_SOURCES,
  RECEIVABLE_PAYMENT_SOURCES,
} from './enums';
import { users } from './users';
import { clients } from './clients';
import { deals } from './deals';
import { tasks } from './tasks';

// Receivables: documents that create a debt, payments that reduce it, and the work of
// collecting. Money is integer kopecks; document and payment dates are calendar dates
// (yyyy-mm-dd), instants ISO UTC. See core/receivables/README.md for the rules.

/** One imported file. The same content (kind + hash) again is a no-op. */
export const receivableBatches = sqliteTable(
  'receivable_batches',
  {
    id: id(),
    kind: text('kind', { enum: RECEIVABLE_BATCH_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    contentHash: text('content_hash').notNull(),
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    asOf: text('as_of'),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('receivable_batches_hash_idx').on(t.kind, t.contentHash)],
);

/** A client's contract as 1C names it; its own payment days override the client's. */
export const receivableContracts = sqliteTable(
  'receivable_contracts',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    paymentDays: integer('payment_days'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('receivable_contracts_client_name_idx').on(t.clientId, t.name)],
);

/** Payment days (null: the workspace default) and credit limit (null: none) of a client. */
export const clientCreditTerms = sqliteTable('client_credit_terms', {
  clientId: text('client_id')
    .primaryKey()
    .references(() => clients.id, { onDelete: 'cascade' }),
  paymentDays: integer('payment_days'),
  creditLimitKopecks: integer('credit_limit_kopecks'),
  updatedAt: text('updated_at').notNull(),
});

export interface InvoiceLine {
  name: string;
  quantity: number;
  unit: string;
  priceKopecks: number;
  amountKopecks: number;
}

export const receivableDocuments = sqliteTable(
  'receivable_documents',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    contractId: text('contract_id').references(() => receivableContracts.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: RECEIVABLE_DOCUMENT_KINDS }).notNull(),
    number: text('number').notNull(),
    date: text('date').notNull(),
    // Null: date + payment days (contract's, else client's, else the workspace's) at query time.
    dueDate: text('due_date'),
    amountKopecks: integer('amount_kopecks').notNull(),
    // What the source file says was already paid (amount − open), payments we never saw.
    settledOutsideKopecks: integer('settled_outside_kopecks').notNull().default(0),
    source: text('source', { enum: RECEIVABLE_DOCUMENT_SOURCES }).notNull(),
    batchId: text('batch_id').references(() => receivableBatches.id, { onDelete: 'set null' }),
    dealId: text('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    lines: text('lines', { mode: 'json' }).$type<InvoiceLine[]>(),
    comment: text('comment'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('receivable_documents_number_idx').on(t.clientId, t.number, t.date),
    index('receivable_documents_client_date_idx').on(t.clientId, t.date),
    index('receivable_documents_deal_idx').on(t.dealId),
    index('receivable_documents_batch_idx').on(t.batchId),
  ],
);

export const receivablePayments = sqliteTable(
  'receivable_payments',
  {
    id: id(),
    // Null while the payer is not a client; set when the client is created or mapped.
    clientId: text('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    date: text('date').notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    payerInn: text('payer_inn'),
    payerName: text('payer_name').notNull(),
    purpose: text('purpose').notNull(),
    source: text('source', { enum: RECEIVABLE_PAYMENT_SOURCES }).notNull(),
    batchId: text('batch_id').references(() => receivableBatches.id, { onDelete: 'set null' }),
    // number + date + payer ИНН + amount: the same payment imported twice counts once.
    dedupeKey: text('dedupe_key').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('receivable_payments_dedupe_idx').on(t.dedupeKey),
    index('receivable_payments_client_date_idx').on(t.clientId, t.date),
    index('receivable_payments_payer_inn_idx').on(t.payerInn),
    index('receivable_payments_batch_idx').on(t.batchId),
  ],
);

/** A part of a payment applied to a document; what is left of a payment is an advance. */
export const receivableAllocations = sqliteTable(
  'receivable_allocations',
  {
    id: id(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => receivablePayments.id, { onDelete: 'cascade' }),
    documentId: text('document_id')
      .notNull()
      .references(() => receivableDocuments.id, { onDelete: 'cascade' }),
    kopecks: integer('kopecks').notNull(),
    // Set by the user (reassign): kept as is when the client's allocation is recomputed.
    manual: integer('manual', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('receivable_allocations_payment_idx').on(t.paymentId),
    index('receivable_allocations_document_idx').on(t.documentId, t.paymentId),
  ],
);

export const paymentPromises = sqliteTable(
  'payment_promises',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    promisedDate: text('promised_date').notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    takenBy: text('taken_by').references(() => users.id, { onDelete: 'set null' }),
    takenAt: text('taken_at').notNull(),
    status: text('status', { enum: PROMISE_STATUSES }).notNull().default('open'),
    resolvedAt: text('resolved_at'),
    comment: text('comment'),
    // The task made for the responsible manager when the promise was broken.
    taskId: text('task_id').references(() => tasks.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('payment_promises_client_idx').on(t.clientId, t.takenAt),
    index('payment_promises_open_idx').on(t.status, t.promisedDate),
  ],
);

/** The collection scenario (Settings): on day N after the due date, a task, a letter or a claim. */
export const collectionSteps = sqliteTable(
  'collection_steps',
  {
    id: id(),
    day: integer('day').notNull(),
    action: text('action', { enum: COLLECTION_ACTIONS }).notNull(),
    // Empty: the built-in wording of the action (translated).
    title: text('title').notNull().default(''),
    position: integer('position').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...timestamps(),
  },
  (t) => [index('collection_steps_day_idx').on(t.day)],
);

/** A step done for a document (one row per document the step covered): the daily run never repeats it. */
export const collectionActions = sqliteTable(
  'collection_actions',
  {
    id: id(),
    stepId: text('step_id')
      .notNull()
      .references(() => collectionSteps.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    documentId: text('document_id')
      .notNull()
      .references(() => receivableDocuments.id, { onDelete: 'cascade' }),
    doneAt: text('done_at').notNull(),
    taskId: text('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    historyId: text('history_id'),
  },
  (t) => [
    uniqueIndex('collection_actions_step_doc_idx').on(t.stepId, t.documentId),
    index('collection_actions_client_idx').on(t.clientId, t.doneAt),
  ],
);

/** A counterparty name as 1C writes it (folded, names.ts counterpartyKey) → the client it is. */
export const counterpartyMappings = sqliteTable('counterparty_mappings', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  clientId: text('client_id')
    .notNull()
    .references(() => clients.id, { onDelete: 'cascade' }),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by'),
});

export type ReceivableDocument = typeof receivableDocuments.$inferSelect;
export type ReceivablePayment = typeof receivablePayments.$inferSelect;
export type ReceivableAllocation = typeof receivableAllocations.$inferSelect;
export type PaymentPromise = typeof paymentPromises.$inferSelect;
export type CollectionStep = typeof collectionSteps.$inferSelect;
