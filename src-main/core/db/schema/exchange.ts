import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id } from './columns';
import { IMPORT_ACTIONS } from './enums';
import { users } from './users';

/** One applied import: what it did, so the last one can be undone. */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: id(),
    entity: text('entity').notNull(),
    fileName: text('file_name').notNull(),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    undoneAt: text('undone_at'),
  },
  (t) => [index('import_batches_created_idx').on(t.createdAt)],
);

/** Every record an import created or changed; `previous` holds what an update replaced (JSON). */
export const importBatchItems = sqliteTable(
  'import_batch_items',
  {
    batchId: text('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    n: integer('n').notNull(),
    entity: text('entity').notNull(),
    recordId: text('record_id').notNull(),
    action: text('action', { enum: IMPORT_ACTIONS }).notNull(),
    previous: text('previous'),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.n] })],
);

/**
 * Column mappings: a named preset the user saved, or (name null) the mapping last
 * used for a file layout, keyed by the layout's signature (its folded headers).
 */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    id: id(),
    entity: text('entity').notNull(),
    name: text('name'),
    layout: text('layout'),
    // JSON: { [header key]: field key }
    mapping: text('mapping').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('import_mappings_name_idx').on(t.entity, t.name), uniqueIndex('import_mappings_layout_idx').on(t.entity, t.layout)],
);

// Row types of the tables above (what a select of all columns returns), for typing raw-SQL rows too.
export type ImportBatch = typeof importBatches.$inferSelect;
