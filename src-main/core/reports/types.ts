import { z } from 'zod';
import type { Ctx } from '../context';

// The contract of every report: the query a user sets in the UI (or the CLI's flags),
// and a result the table, the chart, the xlsx export and `--json` all read.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'report.date');
const id = z.string().min(1).max(64);

export const reportQuery = z
  .object({
    /** Local dates in `timeZone`, both included. */
    from: day,
    to: day,
    timeZone: z.string().min(1).max(64),
    /** The previous period of the same length as a second series and a Δ column. */
    compare: z.boolean().default(false),
    pipelineId: id.nullish().transform((v) => v ?? null),
    managerIds: z.array(id).max(200).default([]),
    sources: z.array(z.string().max(200)).max(200).default([]),
    tagIds: z.array(id).max(200).default([]),
    /** Grouping dimensions where the report offers them (sales: one or two). */
    by: z.array(z.string().max(40)).max(2).default([]),
    /** Report-specific settings (churn: days, drop percent; abc: xyz; …). */
    options: z.record(z.string(), z.unknown()).default({}),
  })
  .refine((q) => q.from <= q.to, { message: 'report.period_order', path: ['to'] });
export type ReportQuery = z.output<typeof reportQuery>;

export type ColumnType = 'text' | 'count' | 'money' | 'percent' | 'days' | 'month' | 'date' | 'number';

export interface ReportColumn {
  key: string;
  type: ColumnType;
  /** i18n key of the header. */
  label: string;
}

/** The ordinary list that stands behind a number, with the filter that yields exactly it. */
export interface Drill {
  /** 'receivables': a client's open documents as of a date (receivables.documents). */
  list: 'deals' | 'clients' | 'tasks' | 'history' | 'receivables';
  filter: Record<string, unknown>;
}

export type Cell = string | number | null;

export interface ReportResult {
  report: string;
  period: { from: string; to: string };
  previous: { from: string; to: string } | null;
  columns: ReportColumn[];
  rows: Record<string, Cell>[];
  /** One totals row per currency: sums in different currencies are never added up. */
  totals: Record<string, Cell>[];
  /** drills[i][column]: what stands behind rows[i][column]. */
  drills: Record<string, Drill>[];
  totalDrills: Record<string, Drill>[];
  chart: {
    kind: 'bar' | 'stacked' | 'line' | 'funnel' | 'doughnut';
    labels: string[];
    series: { label: string; data: number[]; money?: boolean }[];
  };
  /** Notes the UI shows under the table (i18n keys with params). */
  notes: { key: string; params?: Record<string, string | number> }[];
}

export interface Report {
  key: string;
  /** Dimensions a user may group by, first is the default. */
  dimensions?: readonly string[];
  /** Options with their defaults and limits. */
  options?: z.ZodType<Record<string, unknown>>;
  run(ctx: Ctx, q: ReportQuery): ReportResult;
}
