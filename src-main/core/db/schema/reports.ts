import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { id, timestamps } from './columns';

// What reports need beyond the records themselves: sales plans, what a lead source
// costs, and report settings saved under a name. Money in integer kopecks; months as
// yyyy-mm in the workspace's calendar.

/** A manager's sales plan for a month; the agency's plan is their sum. */
export const plans = sqliteTable(
  'plans',
  {
    id: id(),
    managerId: text('manager_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    currency: text('currency').notNull().default('RUB'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('plans_manager_month_idx').on(t.managerId, t.month, t.currency)],
);

/** What a lead source cost in a month (roubles), for cost per deal and ROI. */
export const sourceCosts = sqliteTable(
  'source_costs',
  {
    id: id(),
    source: text('source').notNull(),
    month: text('month').notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('source_costs_source_month_idx').on(t.source, t.month)],
);

/** A report's settings saved under a name. */
export const reportPresets = sqliteTable(
  'report_presets',
  {
    id: id(),
    report: text('report').notNull(),
    name: text('name').notNull(),
    query: text('query').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('report_presets_name_idx').on(t.report, t.name)],
);
