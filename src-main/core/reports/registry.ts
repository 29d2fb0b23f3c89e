import { AppError } from '../errors';
import { salesReport } from './sales';
import type { Report } from './types';

// Every report of the section, the CLI `report` command and the xlsx export: adding
// one is a file implementing Report and a line here (and its component in the renderer).
export const REPORTS: Record<string, Report> = {
  sales: salesReport,
};

export const REPORT_NAMES = () => Object.keys(REPORTS);

export function reportOf(name: string): Report {
  const r = Object.prototype.hasOwnProperty.call(REPORTS, name) ? REPORTS[name] : undefined;
  if (!r) throw new AppError('report.unknown', `Unknown report "${name}": ${REPORT_NAMES().join(', ')}`, { name, names: REPORT_NAMES().join(', ') });
  return r;
}
