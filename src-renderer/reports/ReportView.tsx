import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chart } from 'chart.js';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { notify, notifyError } from '../ui/toast';
import { useLookups } from '../settings/lookups';
import { useDeals } from '../deals/store';
import { userTimeZone } from '../tasks/store';
import { downloadFile } from '../exchange/transfer';
import { PERIODS, periodDates, type PeriodKind } from './period';
import { FEATURES, queryOf, useReportSettings } from './settings';
import { ReportTable } from './ReportTable';
import { ReportChart } from './ReportChart';
import { ReportPresets } from './ReportPresets';
import { ReportOptions } from './ReportOptions';
import { PlanGrid } from './PlanGrid';
import { SourceCostsGrid } from './SourceCostsGrid';
import { ChurnTaskButton } from './ChurnTaskButton';
import type { ReportResult } from './types';
import { DateInput } from '../ui/dates/DateInput';

// The date field reports text as typed until it is a whole date; only whole dates change the period.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One report: its settings, the table with clickable numbers, the chart, exports. */
export function ReportView({ report }: { report: string }) {
  const { t, i18n } = useTranslation();
  const [s, set] = useReportSettings(report);
  const f = FEATURES[report] ?? {};
  const { users, tags, loaded, reload } = useLookups();
  const deals = useDeals();
  const [result, setResult] = useState<ReportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const chart = useRef<Chart | null>(null);
  const query = useMemo(() => queryOf(s, userTimeZone()), [s]);
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    if (!loaded) void reload();
    if (!deals.loaded) void deals.reload();
  }, [loaded, reload, deals]);
  useEffect(() => {
    let live = true;
    setBusy(true);
    call('reports.run', { report, query: JSON.parse(queryKey) }).then(
      (r) => {
        if (!live) return;
        setResult(r);
        setError(null);
        setBusy(false);
      },
      (e) => {
        if (!live) return;
        setError(errorText(e));
        setBusy(false);
      },
    );
    return () => {
      live = false;
    };
  }, [report, queryKey, version]);

  const setPeriod = (period: PeriodKind) => set(period === 'custom' ? { period } : { period, ...periodDates(period) });
  const exportXlsx = async () => {
    try {
      const { fileId } = await call('reports.export', { report, query, lang: i18n.language === 'en' ? 'en' : 'ru' });
      await downloadFile(fileId);
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  const exportPng = () => {
    const canvas = chart.current?.canvas;
    if (!canvas) return;
    const a = document.createElement('a');
    a.href = canvas.toDataURL('image/png');
    a.download = `${t(`reports.names.${report}`)} ${s.from} — ${s.to}.png`;
    a.click();
  };

  return (
    <section className="report" aria-label={t(`reports.names.${report}`)} data-testid={`report-${report}`}>
      <p className="muted">{t(`reports.descriptions.${report}`)}</p>
      <div className="filters report-controls">
        {f.period && (
          <>
            <select aria-label={t('reports.period.label')} value={s.period} onChange={(e) => setPeriod(e.target.value as PeriodKind)}>
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  {t(`reports.period.${p}`)}
                </option>
              ))}
            </select>
            {s.period === 'custom' && (
              <>
                <DateInput aria-label={t('reports.period.from')} value={s.from} onChange={(v) => ISO_DATE.test(v) && set({ from: v })} />
                <DateInput aria-label={t('reports.period.to')} value={s.to} onChange={(v) => ISO_DATE.test(v) && set({ to: v })} />
              </>
            )}
          </>
        )}
        {f.asOf && (
          <label className="row small">
            {t('recv.report.asOf')}
            <DateInput aria-label={t('recv.report.asOf')} value={s.to} onChange={(v) => ISO_DATE.test(v) && set({ period: 'custom', from: v, to: v })} />
          </label>
        )}
        {f.compare && (
          <label className="toggle">
            <input type="checkbox" checked={s.compare} onChange={(e) => set({ compare: e.target.checked })} />
            {t('reports.period.compare')}
          </label>
        )}
        {f.pipeline && (
          <select aria-label={t('reports.filters.pipeline')} value={s.pipelineId ?? ''} onChange={(e) => set({ pipelineId: e.target.value || null })}>
            <option value="">{report === 'funnel' ? deals.pipelines[0]?.name : t('reports.filters.allPipelines')}</option>
            {deals.pipelines.slice(report === 'funnel' ? 1 : 0).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
        {f.manager && (
          <select aria-label={t('reports.filters.manager')} value={s.managerId ?? ''} onChange={(e) => set({ managerId: e.target.value || null })}>
            <option value="">{t('reports.filters.allManagers')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        )}
        {f.source && (
          <select aria-label={t('reports.filters.source')} value={s.source ?? ''} onChange={(e) => set({ source: e.target.value || null })}>
            <option value="">{t('reports.filters.allSources')}</option>
            {deals.sources.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        )}
        {f.tag && (
          <select aria-label={t('reports.filters.tag')} value={s.tagId ?? ''} onChange={(e) => set({ tagId: e.target.value || null })}>
            <option value="">{t('reports.filters.allTags')}</option>
            {tags.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        )}
        {f.by && (
          <>
            <select aria-label={t('reports.filters.by')} value={s.by[0] ?? f.by[0]} onChange={(e) => set({ by: [e.target.value, ...s.by.slice(1).filter((b) => b !== e.target.value)] })}>
              {f.by.map((d) => (
                <option key={d} value={d}>
                  {t(`reports.dim.${d}`)}
                </option>
              ))}
            </select>
            {f.byTwo && (
              <select aria-label={t('reports.filters.then')} value={s.by[1] ?? ''} onChange={(e) => set({ by: [s.by[0] ?? f.by![0]!, ...(e.target.value ? [e.target.value] : [])] })}>
                <option value="">{t('reports.filters.nothing')}</option>
                {f.by
                  .filter((d) => d !== (s.by[0] ?? f.by![0]))
                  .map((d) => (
                    <option key={d} value={d}>
                      {t(`reports.dim.${d}`)}
                    </option>
                  ))}
              </select>
            )}
          </>
        )}
        <ReportOptions report={report} options={s.options} onChange={(options) => set({ options })} />
        <span className="spacer" />
        <ReportPresets report={report} settings={s} onLoad={(p) => set(p)} />
        <button onClick={() => void exportXlsx()} disabled={!result}>
          {t('reports.export')}
        </button>
        <button onClick={exportPng} disabled={!result || result.chart.labels.length === 0}>
          {t('reports.exportChart')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {busy && <p className="muted" role="status">{t('reports.loading')}</p>}
      {result && result.previous && <p className="muted small">{t('reports.period.previous', { from: result.previous.from, to: result.previous.to })}</p>}
      {result && result.rows.length === 0 && !busy && <p className="empty-state muted">{t('reports.empty')}</p>}
      {result && result.rows.length > 0 && (
        <div className="report-body">
          <ReportChart ref={chart} result={result} />
          <ReportTable result={result} rowAction={report === 'churn' ? (row) => <ChurnTaskButton row={row} /> : undefined} />
        </div>
      )}
      {result?.notes.map((n) => (
        <p key={n.key} className="muted small">
          {t(n.key, n.params)}
        </p>
      ))}
      {report === 'plan-fact' && <PlanGrid year={Number(s.from.slice(0, 4))} onSaved={() => { setVersion((v) => v + 1); notify(t('reports.plans.saved')); }} />}
      {report === 'sources' && <SourceCostsGrid year={Number(s.from.slice(0, 4))} sources={deals.sources} onSaved={() => { setVersion((v) => v + 1); notify(t('reports.costs.saved')); }} />}
    </section>
  );
}
