import type { Bucket } from './period';

// How a deal report groups: each dimension is a key (an id, for drill-downs), a label
// (what the table shows) and the joins it needs. Months come from the bucket list of
// the period (local month starts as instants), as one comparison chain over the date
// (@m0, @m1, … the ends of the months, @k0, … their keys): a join with the bucket list as
// JSON parsed it again for every deal.

export const DEAL_DIMENSIONS = ['manager', 'month', 'pipeline', 'source', 'tag', 'region'] as const;
export type DealDimension = (typeof DEAL_DIMENSIONS)[number];

export interface DimensionSql {
  key: string;
  label: string;
  join: string;
  /** The deals list filter for one value of this dimension ('none' when the value is empty). */
  drill(key: string | null): Record<string, unknown>;
}

export function dimensionSql(dim: DealDimension, dateColumn: string, buckets: readonly Bucket[] = []): DimensionSql {
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
    case 'month': {
      const month = `CASE ${buckets.map((_, i) => `WHEN ${dateColumn} < @m${i} THEN @k${i}`).join(' ')} END`;
      return { key: month, label: month, join: '', drill: () => ({}) };
    }
  }
}

/** The bucket of a month key, for its drill-down's date range. */
export const bucketOf = (buckets: Bucket[], key: string | null) => buckets.find((b) => b.key === key);

/** The named parameters of the month chain. */
export const monthParams = (buckets: readonly Bucket[]): Record<string, string> =>
  Object.fromEntries(buckets.flatMap((b, i) => [[`m${i}`, b.end], [`k${i}`, b.key]]));
