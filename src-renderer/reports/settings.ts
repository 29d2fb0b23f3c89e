import { useCallback, useState } from 'react';
import { periodDates, type PeriodKind } from './period';
import type { ReportQueryInput } from './types';

// A report's settings as the user left them (remembered on this computer per report)
// and the query they make for the core, in this computer's time zone.

export interface ReportSettings {
  period: PeriodKind;
  from: string;
  to: string;
  compare: boolean;
  pipelineId: string | null;
  managerId: string | null;
  source: string | null;
  tagId: string | null;
  by: string[];
  options: Record<string, unknown>;
}

/** What each report offers besides the period. */
export const FEATURES: Record<string, { compare?: boolean; pipeline?: boolean; manager?: boolean; source?: boolean; tag?: boolean; by?: string[]; byTwo?: boolean; period?: boolean; asOf?: boolean }> = {
  sales: { compare: true, pipeline: true, manager: true, source: true, tag: true, by: ['manager', 'month', 'pipeline', 'source', 'tag', 'region'], byTwo: true, period: true },
  'plan-fact': { pipeline: true, manager: true, source: true, tag: true, period: true },
  funnel: { pipeline: true, manager: true, source: true, tag: true, period: true },
  'lost-reasons': { pipeline: true, manager: true, source: true, tag: true, by: ['reason', 'stage', 'manager'], period: true },
  sources: { pipeline: true, manager: true, tag: true, period: true },
  activity: { manager: true, period: true },
  churn: { manager: true, tag: true, period: true },
  abc: { pipeline: true, manager: true, source: true, tag: true, by: ['class', 'client'], period: true },
  'base-audit': {},
  // Debts as of one day (the query's `to`), not over a period.
  receivables: { manager: true, tag: true, asOf: true },
  'receivables-dso': { manager: true, tag: true, period: true },
  forecast: { pipeline: true, manager: true, source: true, tag: true, period: true },
};

const DEFAULTS: ReportSettings = { period: 'thisMonth', ...periodDates('thisMonth'), compare: false, pipelineId: null, managerId: null, source: null, tagId: null, by: [], options: {} };
/** An as-of report starts at today; the date the user picks is kept like any custom period. */
function asOfToday(): Pick<ReportSettings, 'period' | 'from' | 'to'> {
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { period: 'custom', from: today, to: today };
}
const key = (report: string) => `kartoteka.report.${report}`;

function load(report: string): ReportSettings {
  try {
    const saved = JSON.parse(localStorage.getItem(key(report)) ?? 'null') as Partial<ReportSettings> | null;
    const merged = { ...DEFAULTS, ...(report === 'forecast' ? { period: 'quarter' as const, ...periodDates('quarter') } : {}), ...(FEATURES[report]?.asOf ? asOfToday() : {}), ...saved };
    // A named period follows the calendar: "this month" saved in May is June's in June.
    return merged.period === 'custom' ? merged : { ...merged, ...periodDates(merged.period) };
  } catch {
    return DEFAULTS;
  }
}

export function useReportSettings(report: string) {
  const [settings, setState] = useState<ReportSettings>(() => load(report));
  const set = useCallback(
    (patch: Partial<ReportSettings>) =>
      setState((s) => {
        const next = { ...s, ...patch };
        localStorage.setItem(key(report), JSON.stringify(next));
        return next;
      }),
    [report],
  );
  return [settings, set] as const;
}

export function queryOf(s: ReportSettings, timeZone: string): ReportQueryInput {
  return {
    from: s.from,
    to: s.to,
    timeZone,
    compare: s.compare,
    pipelineId: s.pipelineId,
    managerIds: s.managerId ? [s.managerId] : [],
    sources: s.source ? [s.source] : [],
    tagIds: s.tagId ? [s.tagId] : [],
    by: s.by,
    options: s.options,
  };
}
