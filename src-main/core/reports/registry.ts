import { AppError } from '../errors';
import { salesReport } from './sales';
import { planFactReport } from './plan-fact';
import { funnelReport } from './funnel';
import { lostReasonsReport } from './lost-reasons';
import { sourcesReport } from './sources';
import { activityReport } from './activity';
import { churnReport } from './churn';
import { abcReport } from './abc';
import { baseAuditReport } from './base-audit';
import { forecastReport } from './forecast';
import { receivablesReport } from '../receivables/report';
import { receivablesDsoReport } from '../receivables/dso';
import type { Report } from './types';

// Every report of the section, the CLI `report` command and the xlsx export: adding
// one is a file implementing Report and a line here (and its component in the renderer).
export const REPORTS: Record<string, Report> = {
  sales: salesReport,
  'plan-fact': planFactReport,
  funnel: funnelReport,
  'lost-reasons': lostReasonsReport,
  sources: sourcesReport,
  activity: activityReport,
  churn: churnReport,
  abc: abcReport,
  'base-audit': baseAuditReport,
  forecast: forecastReport,
  receivables: receivablesReport,
  'receivables-dso': receivablesDsoReport,
};

export const REPORT_NAMES = () => Object.keys(REPORTS);

export function reportOf(name: string): Report {
  const r = Object.prototype.hasOwnProperty.call(REPORTS, name) ? REPORTS[name] : undefined;
  if (!r) throw new AppError('report.unknown', `Unknown report "${name}": ${REPORT_NAMES().join(', ')}`, { name, names: REPORT_NAMES().join(', ') });
  return r;
}
