import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n';
import type { DealCardData } from './types';

const HOUR = 3_600_000;

/** Where the deal has been, how long in each stage, and who moved it. */
export function StagePath({ path, stages }: { path: DealCardData['path']; stages: DealCardData['stages'] }) {
  const { t } = useTranslation();
  const norms = new Map(stages.map((s) => [s.id, s.normDays]));
  const duration = (ms: number) => {
    const days = Math.floor(ms / (24 * HOUR));
    return days >= 1 ? t('deals.path.days', { count: days }) : t('deals.path.hours', { count: Math.floor(ms / HOUR) });
  };
  return (
    <section className="panel" aria-label={t('deals.path.title')}>
      <h2>{t('deals.path.title')}</h2>
      <ol className="stage-path" data-testid="stage-path">
        {path.map((step, i) => {
          const norm = norms.get(step.stageId);
          const over = step.kind === 'open' && norm != null && step.durationMs > norm * 24 * HOUR;
          return (
            <li key={i} className={`kind-${step.kind}`}>
              <strong>{step.stageName}</strong>
              <span className={over ? 'days over' : 'muted'}>{duration(step.durationMs)}{step.leftAt === null ? ` (${t('deals.path.now')})` : ''}</span>
              <span className="muted small">{formatDateTime(step.enteredAt)}{step.byName ? ` · ${step.byName}` : ''}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
