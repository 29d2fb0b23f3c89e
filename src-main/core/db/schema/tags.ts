import { sqliteTable, text, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { id, timestamps } from './columns';
import { clients } from './clients';

export const tags = sqliteTable(
  'tags',
  {
    id: id(),
    name: text('name').notNull(),
    color: text('color').notNull().default('#868e96'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('tags_name_idx').on(t.name)],
);

export const clientTags = sqliteTable(
  'client_tags',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.tagId] }), index('client_tags_tag_idx').on(t.tagId, t.clientId)],
);

// Row types of the tables above (what a select of all columns returns), for typing raw-SQL rows too.
export type Tag = typeof tags.$inferSelect;
