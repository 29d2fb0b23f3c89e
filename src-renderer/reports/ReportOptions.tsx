import { useTranslation } from 'react-i18next';

const RECEIVABLE_BUCKETS = ['all', 'overdue', 'notDue', 'b0_30', 'b31_60', 'b61_90', 'b90plus'] as const;

/** Settings only some reports have: churn's days and drop, activity's days, ABC's XYZ, the audit's days. */
export function ReportOptions({ report, options, onChange }: { report: string; options: Record<string, unknown>; onChange: (o: Record<string, unknown>) => void }) {
  const { t } = useTranslation();
  const number = (key: string, fallback: number, label: string) => (
    <label className="row small">
      {label}
      <input
        className="short"
        type="number"
        min={1}
        value={String(options[key] ?? fallback)}
        onChange={(e) => onChange({ ...options, [key]: e.target.value === '' ? undefined : Number(e.target.value) })}
      />
    </label>
  );
  if (report === 'churn') return <>{number('silentDays', 90, t('reports.options.silentDays'))}{number('dropPercent', 50, t('reports.options.dropPercent'))}</>;
  if (report === 'activity') return number('noContactDays', 30, t('reports.options.noContactDays'));
  if (report === 'base-audit') return number('inactiveDays', 365, t('reports.options.inactiveDays'));
  if (report === 'receivables')
    return (
      <select aria-label={t('recv.report.bucket')} value={String(options.bucket ?? 'all')} onChange={(e) => onChange({ ...options, bucket: e.target.value })}>
        {RECEIVABLE_BUCKETS.map((b) => (
          <option key={b} value={b}>
            {t(`recv.report.buckets.${b}`)}
          </option>
        ))}
      </select>
    );
  if (report === 'abc')
    return (
      <label className="toggle">
        <input type="checkbox" checked={options.xyz === true} onChange={(e) => onChange({ ...options, xyz: e.target.checked })} />
        {t('reports.options.xyz')}
      </label>
    );
  return null;
}
