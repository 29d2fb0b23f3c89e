// The reports as they were before issue 12's performance work (git 2775d81): one
// straightforward query per figure, probing per row. Tests compare the optimised
// reports with these on seeded workspaces; nothing in the app uses them.
import type { Bucket } from '../../../src-main/core/reports/period';

// How a deal report groups: each dimension is a key (an id, for drill-downs), a label
// (what the table shows) and the joins it needs. Months come from the bucket list of
// the period (local month starts as instants), joined as JSON.

export const DEAL_DIMENSIONS = ['manager', 'month', 'pipeline', 'source', 'tag', 'region'] as const;
export type DealDimension = (typeof DEAL_DIMENSIONS)[number];

export interface DimensionSql {
  key: string;
  label: string;
  join: string;
  /** The deals list filter for one value of this dimension ('none' when the value is empty). */
  drill(key: string | null): Record<string, unknown>;
}

export function dimensionSql(dim: DealDimension, dateColumn: string): DimensionSql {
  switch (dim) {
    case 'manager':
      return { key: 'd.responsible_id', label: 'u.name', join: 'LEFT JOIN users u ON u.id = d.responsible_id', drill: (k) => ({ responsibleIds: [k ?? 'none'] }) };
    case 'pipeline':
      return { key: 'd.pipeline_id', label: 'p.name', join: 'JOIN pipelines p ON p.id = d.pipeline_id', drill: (k) => ({ pipelineId: k }) };
    case 'source':
      return { key: 'd.source', label: 'd.source', join: '', drill: (k) => ({ sources: [k ?? 'none'] }) };
    case 'region':
      return { key: 'c.region', label: 'c.region', join: 'JOIN clients c ON c.id = d.client_id', drill: (k) => ({ region: k ?? 'none' }) };
    case 'tag':
      return {
        key: 'tg.id',
        label: 'tg.name',
        join: 'LEFT JOIN client_tags ct ON ct.client_id = d.client_id LEFT JOIN tags tg ON tg.id = ct.tag_id',
        drill: (k) => ({ tagIds: [k ?? 'none'] }),
      };
    case 'month':
      return {
        key: "json_extract(b.value, '$.key')",
        label: "json_extract(b.value, '$.key')",
        join: `JOIN json_each(@buckets) b ON ${dateColumn} >= json_extract(b.value, '$.start') AND ${dateColumn} < json_extract(b.value, '$.end')`,
        drill: () => ({}),
      };
  }
}

/** The bucket of a month key, for its drill-down's date range. */
export const bucketOf = (buckets: Bucket[], key: string | null) => buckets.find((b) => b.key === key);
