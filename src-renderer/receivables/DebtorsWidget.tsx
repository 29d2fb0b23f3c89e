import { useTranslation } from 'react-i18next';
import type { ProcOutput } from '../api/client';
import { formatMoney } from '../deals/money';
import './receivables.css';

type Summary = ProcOutput<'dashboard.get'>['receivables'];

/** The home screen's receivables: overdue and total debt today, and who owes most overdue. */
export function DebtorsWidget({ data }: { data: Summary }) {
  const { t } = useTranslation();
  return (
    <>
      <ul>
        <li>
          <a href="#/reports/receivables">{t('recv.widget.overdue')}</a>
          <span className={`big${data.overdueKopecks ? ' danger-text' : ''}`} data-testid="widget-overdue">{formatMoney(data.overdueKopecks)}</span>
        </li>
        <li>
          <span>{t('recv.widget.debt')}</span>
          <span>{formatMoney(data.debtKopecks)}</span>
        </li>
      </ul>
      {data.top.length === 0 ? (
        <p className="muted">{t('recv.widget.none')}</p>
      ) : (
        <>
          <p className="muted small">
            {t('recv.widget.top')} · {t('recv.widget.debtors', { count: data.debtors })}
          </p>
          <ol className="top-debtors">
            {data.top.map((r) => (
              <li key={r.clientId}>
                <a href={`#/clients/${encodeURIComponent(r.clientId)}`}>{r.client}</a>
                <span>
                  {formatMoney(r.overdueKopecks)} <span className="muted small">{t('recv.days', { count: r.oldestDays })}</span>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
