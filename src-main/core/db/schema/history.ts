import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { id, timestamps } from './columns';
import { CALL_DIRECTIONS, HISTORY_EVENTS, HISTORY_KINDS } from './enums';
import { users } from './users';
import { clients, contacts } from './clients';
import { deals } from './deals';

export const history = sqliteTable(
  'history',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    // Entries logged on a deal show on the deal card and on its client's card.
    dealId: text('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: HISTORY_KINDS }).notNull(),
    direction: text('direction', { enum: CALL_DIRECTIONS }),
    occurredAt: text('occurred_at').notNull(),
    durationMin: integer('duration_min'),
    // What the user wrote; empty for a system entry, which the renderer words from
    // `event` and `event_data` in the reader's language.
    text: text('text').notNull(),
    // Set on system entries only: what happened, and its details as JSON
    // (history/events.ts: a deal's title, the other client's name…).
    event: text('event', { enum: HISTORY_EVENTS }),
    eventData: text('event_data', { mode: 'json' }).$type<Record<string, string>>(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('history_client_idx').on(t.clientId, t.occurredAt),
    index('history_contact_idx').on(t.contactId),
    index('history_author_idx').on(t.authorId),
    index('history_deal_idx').on(t.dealId, t.occurredAt),
  ],
);

// Row types of the tables above (what a select of all columns returns), for typing raw-SQL rows too.
export type HistoryRow = typeof history.$inferSelect;
