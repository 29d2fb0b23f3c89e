import { useTranslation } from 'react-i18next';
import type { ProcOutput } from '../api/client';
import { formatMoney } from '../deals/money';

type Warning = ProcOutput<'deals.get'>['debtWarning'];

/**
 * On a deal card and a board tile: the client is over their credit limit or has debt
 * overdue more than the workspace's days (the core decides; this only says it).
 */
export function DebtWarning({ warning, clientId, compact = false }: { warning: Warning | null; clientId: string; compact?: boolean }) {
  const { t } = useTranslation();
  if (!warning) return null;
  const parts = [
    warning.overLimit && warning.creditLimitKopecks !== null ? t('recv.warning.overLimit', { debt: formatMoney(warning.debtKopecks), limit: formatMoney(warning.creditLimitKopecks) }) : null,
    warning.overdueDays !== null ? t('recv.warning.overdue', { days: t('recv.days', { count: warning.overdueDays }) }) : null,
  ].filter(Boolean);
  const text = parts.join(' · ');
  if (compact)
    return (
      <div className="tile-line small debt-warning" title={text} data-testid="tile-debt-warning">
        ⚠ {t('recv.warning.short')}
      </div>
    );
  return (
    <p className="notice debt-warning" role="status" data-testid="deal-debt-warning">
      ⚠ {text} · <a href={`#/clients/${encodeURIComponent(clientId)}`}>{t('recv.warning.open')}</a>
    </p>
  );
}
