import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Workspace settings as key/value text (backup schedule, onboarding…): every door sees one copy. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
