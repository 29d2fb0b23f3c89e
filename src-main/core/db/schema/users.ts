import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { id, timestamps } from './columns';

export const users = sqliteTable('users', {
  id: id(),
  name: text('name').notNull(),
  email: text('email'),
  color: text('color').notNull().default('#4c6ef5'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  ...timestamps(),
});

// Row types of the tables above (what a select of all columns returns), for typing raw-SQL rows too.
export type User = typeof users.$inferSelect;
