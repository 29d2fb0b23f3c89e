import { useTranslation } from 'react-i18next';
import { useApp } from '../app/store';
import { ReportView } from './ReportView';
import './reports.css';

/** Every report the core knows, in the order an agency owner asks its questions. */
export const REPORT_ORDER = ['sales', 'plan-fact', 'funnel', 'lost-reasons', 'sources', 'activity', 'churn', 'abc', 'base-audit', 'forecast', 'receivables', 'receivables-dso'] as const;

export function ReportsPage() {
  const { t } = useTranslation();
  const reportKey = useApp((s) => s.route.reportKey);
  const current = REPORT_ORDER.find((r) => r === reportKey);
  return (
    <div className="page reports-page">
      <header className="page-head">
        <h1>{current ? t(`reports.names.${current}`) : t('reports.title')}</h1>
      </header>
      <nav className="report-tabs" aria-label={t('reports.title')}>
        {REPORT_ORDER.map((r) => (
          <a key={r} href={`#/reports/${r}`} className={r === current ? 'on' : undefined} aria-current={r === current ? 'page' : undefined}>
            {t(`reports.names.${r}`)}
          </a>
        ))}
      </nav>
      {current ? (
        <ReportView key={current} report={current} />
      ) : (
        <ul className="report-cards">
          {REPORT_ORDER.map((r) => (
            <li key={r}>
              <a href={`#/reports/${r}`}>
                <strong>{t(`reports.names.${r}`)}</strong>
                <span className="muted small">{t(`reports.descriptions.${r}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
