import { readingCtx, type Ctx } from '../context';
import { ValidationError } from '../errors';
import { isValidTimeZone } from '../tasks/time';
import { reportOf } from './registry';
import type { ReportQuery, ReportResult } from './types';

/** One report with its options checked, read on the report connection: the UI, the CLI and the xlsx export all come here. */
export function runReport(ctx: Ctx, name: string, query: ReportQuery): ReportResult {
  const report = reportOf(name);
  if (!isValidTimeZone(query.timeZone)) throw new ValidationError([{ field: 'query.timeZone', code: 'invalid' }]);
  const options = report.options ? report.options.safeParse(query.options) : null;
  if (options && !options.success) {
    throw new ValidationError(options.error.issues.map((i) => ({ field: `query.options.${i.path.join('.')}`, code: 'invalid', params: { detail: i.message } })));
  }
  return report.run(readingCtx(ctx), { ...query, options: options?.data ?? query.options });
}
