import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { id, timestamps } from './columns';
import { CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES } from './enums';
import { clients } from './clients';

// Custom fields of clients and deals; values are canonical text per type, so they
// filter with an index and export uniformly (deal values: deal_custom_values in deals.ts).

export const customFields = sqliteTable('custom_fields', {
  id: id(),
  entity: text('entity', { enum: CUSTOM_FIELD_ENTITIES }).notNull(),
  name: text('name').notNull(),
  type: text('type', { enum: CUSTOM_FIELD_TYPES }).notNull(),
  // JSON array of option labels for 'select'.
  options: text('options').notNull().default('[]'),
  sort: integer('sort').notNull().default(0),
  archivedAt: text('archived_at'),
  ...timestamps(),
});

export const clientCustomValues = sqliteTable(
  'client_custom_values',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    fieldId: text('field_id')
      .notNull()
      .references(() => customFields.id, { onDelete: 'cascade' }),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.fieldId] }), index('ccv_field_value_idx').on(t.fieldId, t.value)],
);

// Row types of the tables above (what a select of all columns returns), for typing raw-SQL rows too.
export type CustomField = typeof customFields.$inferSelect;
