import { integer, text } from 'drizzle-orm/sqlite-core';

// Ids are UUIDv7 text (time-sortable, globally unique) so records can move between
// workspaces and replicate later. Timestamps are ISO-8601 UTC strings.
export const id = () => text('id').primaryKey();

// Tables indexed by FTS carry an INTEGER PRIMARY KEY (a rowid alias): VACUUM may
// renumber implicit rowids, which would silently detach the search index. Their UUID
// is then a unique column instead of the key.
export const seq = () => integer('seq').primaryKey({ autoIncrement: false });
export const publicId = () => text('id').notNull().unique();

export const timestamps = () => ({
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  createdBy: text('created_by'),
});
