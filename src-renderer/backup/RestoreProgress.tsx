import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { restorePercent, type BackupStatus } from './store';

/** The running restore: its step (of three) and how far it is, never going backwards. */
export function RestoreProgress({ restoring }: { restoring: NonNullable<BackupStatus['restoring']> }) {
  const { t } = useTranslation();
  const shown = useRef<{ step: string; percent: number }>({ step: '', percent: 0 });
  const now = restorePercent(restoring);
  shown.current = shown.current.step === restoring.step ? { step: restoring.step, percent: Math.max(shown.current.percent, now) } : { step: restoring.step, percent: now };
  const percent = shown.current.percent;
  return (
    <div className="restore-progress" data-testid="restore-progress">
      <progress max={100} value={percent} aria-label={t('backup.shellRestoring')} />
      <span role="status">{t(`backup.restoreSteps.${restoring.step}`, { percent })}</span>
    </div>
  );
}
