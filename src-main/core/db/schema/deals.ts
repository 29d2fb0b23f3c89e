import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { id, timestamps } from './columns';
import { STAGE_KINDS } from './enums';
import { users } from './users';
import { clients, contacts } from './clients';
import { customFields } from './custom-fields';

// Deals and the sales process. Ids are UUIDv7 text like every business table; money
// is integer kopecks; dates are ISO UTC (expected_close is a calendar date yyyy-mm-dd).

export const pipelines = sqliteTable('pipelines', {
  id: id(),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
  archivedAt: text('archived_at'),
  ...timestamps(),
});

// Open stages are ordered by position; every pipeline has exactly one won and one
// lost stage, always shown after the open ones. A deleted stage is archived (its
// deals moved elsewhere first) so old stage paths still name it.
export const stages = sqliteTable(
  'stages',
  {
    id: id(),
    pipelineId: text('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: STAGE_KINDS }).notNull(),
    color: text('color').notNull().default('#4c6ef5'),
    probability: integer('probability').notNull().default(0),
    normDays: integer('norm_days'),
    position: integer('position').notNull().default(0),
    archivedAt: text('archived_at'),
    ...timestamps(),
  },
  (t) => [index('stages_pipeline_idx').on(t.pipelineId, t.position)],
);

export const lostReasons = sqliteTable('lost_reasons', {
  id: id(),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
  archivedAt: text('archived_at'),
  ...timestamps(),
});

export const deals = sqliteTable(
  'deals',
  {
    id: id(),
    title: text('title').notNull(),
    // Folded title (nameKey): the text filter matches it without a per-row fold.
    titleKey: text('title_key').notNull(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    // Copy of the client's name_key kept by triggers (migration deals_sql), so the text
    // filter reads the deal row alone instead of joining every deal to its client.
    clientNameKey: text('client_name_key'),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    pipelineId: text('pipeline_id')
      .notNull()
      .references(() => pipelines.id),
    stageId: text('stage_id')
      .notNull()
      .references(() => stages.id),
    // When the deal entered its current stage: "days in stage" on the card.
    stageEnteredAt: text('stage_entered_at').notNull(),
    amountKopecks: integer('amount_kopecks').notNull().default(0),
    currency: text('currency').notNull().default('RUB'),
    responsibleId: text('responsible_id').references(() => users.id, { onDelete: 'set null' }),
    source: text('source'),
    expectedClose: text('expected_close'),
    description: text('description'),
    closedAt: text('closed_at'),
    lostReasonId: text('lost_reason_id').references(() => lostReasons.id, { onDelete: 'set null' }),
    lostComment: text('lost_comment'),
    // Order within a board column: a fractional-index key, so a move rewrites one row.
    position: text('position').notNull(),
    archivedAt: text('archived_at'),
    ...timestamps(),
  },
  (t) => [
    index('deals_board_idx').on(t.stageId, t.archivedAt, t.position),
    // Column totals read count and sum from this index alone, also under the
    // responsible, source, amount and client-tag filters (no row lookups).
    index('deals_totals_idx').on(t.pipelineId, t.archivedAt, t.stageId, t.amountKopecks, t.responsibleId, t.source, t.clientId),
    index('deals_client_idx').on(t.clientId),
    index('deals_responsible_idx').on(t.responsibleId),
    index('deals_source_idx').on(t.source),
    index('deals_close_idx').on(t.pipelineId, t.expectedClose),
    // The deal list's sort orders (list.ts SORT_SQL, tie-broken by id): a page is a walk
    // along one of these instead of sorting every matching deal (100,000 deals: a page
    // went from ~100 ms to a few). Sorting by stage has none: it is a joined column. The
    // expected-close order is an expression index, written by hand in migration 0009
    // (drizzle-kit cannot generate expression indexes).
    ...(
      [
        ['deals_list_updated_idx', t.updatedAt],
        ['deals_list_created_idx', t.createdAt],
        ['deals_list_title_idx', t.titleKey],
        ['deals_list_amount_idx', t.amountKopecks],
        ['deals_list_client_idx', t.clientNameKey],
      ] as const
    ).map(([name, key]) => index(name).on(key, t.id).where(sql`archived_at IS NULL`)),
  ],
);

export const dealLines = sqliteTable(
  'deal_lines',
  {
    id: id(),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // Thousandths of a unit, so 1.5 hours or 0.25 t stay exact integers.
    quantityMilli: integer('quantity_milli').notNull(),
    priceKopecks: integer('price_kopecks').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('deal_lines_deal_idx').on(t.dealId, t.position)],
);

export const dealStageChanges = sqliteTable(
  'deal_stage_changes',
  {
    id: id(),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    // Null for the deal's first stage (its creation).
    fromStageId: text('from_stage_id').references(() => stages.id),
    toStageId: text('to_stage_id')
      .notNull()
      .references(() => stages.id),
    at: text('at').notNull(),
    byId: text('by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('deal_stage_changes_deal_idx').on(t.dealId, t.at, t.id, t.toStageId, t.fromStageId), index('deal_stage_changes_to_idx').on(t.toStageId, t.at)],
);

export const dealCustomValues = sqliteTable(
  'deal_custom_values',
  {
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    fieldId: text('field_id')
      .notNull()
      .references(() => customFields.id, { onDelete: 'cascade' }),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.fieldId] }), index('dcv_field_value_idx').on(t.fieldId, t.value)],
);

// Row types of the tables above (what a select of all columns returns), for typing raw-SQL rows too.
export type Pipeline = typeof pipelines.$inferSelect;
export type Stage = typeof stages.$inferSelect;
export type LostReason = typeof lostReasons.$inferSelect;
export type Deal = typeof deals.$inferSelect;
export type DealLine = typeof dealLines.$inferSelect;
export type DealStageChange = typeof dealStageChanges.$inferSelect;
