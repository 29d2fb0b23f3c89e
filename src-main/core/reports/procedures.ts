import { z } from 'zod';
import { proc, reads, writes } from '../procedures/define';
import { UI_LANGUAGES } from '../../shared/i18n/languages';
import { exchangeState } from '../exchange/jobs';
import { reportQuery } from './types';
import { runReport } from './run';
import { REPORTS, reportOf } from './registry';
import { writeReportXlsx } from './export';
import { deletePreset, listPresets, savePreset } from './presets';
import { costCells, costsOfYear, planCells, plansOfYear, setCosts, setPlans } from './plan-store';
import { dashboard } from './dashboard';
import { timeZone } from '../tasks/schemas';

const report = z.string().min(1).max(40);
const year = z.number().int().min(2000).max(2100);

export const reportProcedures = {
  'reports.list': proc(reads('view'), z.object({}), () => Object.values(REPORTS).map((r) => ({ key: r.key, dimensions: r.dimensions ?? [] }))),
  'reports.run': proc(reads('view'), z.object({ report, query: reportQuery }), (s, i) => runReport(s.ctx(), i.report, i.query)),
  /** The report's table as .xlsx in the exchange file store (download with exchange.download). */
  'reports.export': proc(reads('export'), z.object({ report, query: reportQuery, lang: z.enum(UI_LANGUAGES).default('ru') }), async (s, i) => {
    const result = runReport(s.ctx(), i.report, i.query);
    const files = exchangeState(s).files;
    const out = files.create(`${reportOf(i.report).key} ${i.query.from} — ${i.query.to}.xlsx`);
    try {
      return { fileId: out.fileId, rows: await writeReportXlsx(out.path, result, i.lang) };
    } catch (e) {
      files.remove(out.fileId);
      throw e;
    }
  }),
  'reports.presets': proc(reads('view'), z.object({ report }), (s, i) => listPresets(s.ctx(), reportOf(i.report).key)),
  'reports.savePreset': proc(writes('view'), z.object({ report, name: z.string().trim().min(1, 'required').max(100), query: z.record(z.string(), z.unknown()) }), (s, i) =>
    savePreset(s.ctx(), reportOf(i.report).key, i.name, i.query),
  ),
  'reports.deletePreset': proc(writes('view'), z.object({ id: z.string().min(1).max(64) }), (s, i) => deletePreset(s.ctx(), i.id)),
  'plans.get': proc(reads('view'), z.object({ year }), (s, i) => plansOfYear(s.ctx(), i.year)),
  'plans.set': proc(writes('settings'), z.object({ cells: planCells }), (s, i) => setPlans(s.ctx(), i.cells)),
  'sourceCosts.get': proc(reads('view'), z.object({ year }), (s, i) => costsOfYear(s.ctx(), i.year)),
  'sourceCosts.set': proc(writes('settings'), z.object({ cells: costCells }), (s, i) => setCosts(s.ctx(), i.cells)),
  /** The first screen in one round trip. */
  'dashboard.get': proc(reads('view'), z.object({ scope: z.enum(['me', 'all']).default('me'), timeZone }), (s, i) => dashboard(s, i.scope, i.timeZone)),
};
