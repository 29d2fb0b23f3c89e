import { useTranslation } from 'react-i18next';

/**
 * Above a list opened from a report's number: which report it came from, and a way back
 * to the whole list. `fromReport` is the report's key, with a detail after ':' (an ABC class).
 */
export function DrillChip({ fromReport, onClear }: { fromReport: string; onClear: () => void }) {
  const { t } = useTranslation();
  const [key, detail] = fromReport.split(':');
  return (
    <span className="chip drill-chip" data-testid="drill-chip">
      {t('reports.fromReport', { report: t(`reports.names.${key}`) })}
      {detail ? ` · ${detail}` : ''}
      <button className="link" onClick={onClear}>
        {t('reports.clearDrill')}
      </button>
    </span>
  );
}

/** A list filter without the conditions a report's drill-down added. */
export function withoutDrill<T extends Record<string, unknown>>(filter: T, keys: readonly string[]): T {
  const out = { ...filter };
  for (const k of [...keys, 'fromReport']) delete out[k];
  return out;
}
