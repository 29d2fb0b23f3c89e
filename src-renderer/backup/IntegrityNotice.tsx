import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { formatDateTime } from '../i18n';
import { useApp } from '../app/store';
import { RecoveryOffer } from './RecoveryOffer';

type Health = ProcOutput<'workspace.health'>;

/** The open's report and the checks' verdict, asked again while a check runs (and now and then after). */
function useHealth(): Health | null {
  const path = useApp((s) => s.workspace?.path);
  const [health, setHealth] = useState<Health | null>(null);
  const checking = health?.integrity.state === 'checking';
  useEffect(() => {
    let live = true;
    const load = () => call('workspace.health', {}).then((h) => live && setHealth(h), () => {});
    void load();
    const timer = setInterval(() => void load(), checking ? 2000 : 60_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [path, checking]);
  return health;
}

/**
 * Over every page once a check finds the open file damaged: writes are already refused
 * by the core; this says so and offers the newest good backup.
 */
export function IntegrityNotice() {
  const health = useHealth();
  if (health?.integrity.state !== 'damaged') return null;
  return (
    <div className="integrity-notice" role="alert" data-testid="integrity-notice">
      <RecoveryOffer foundWhileOpen />
    </div>
  );
}

/** "Opened in 120 ms; integrity check: in the background — the file is sound" (Settings). */
export function OpenFacts() {
  const { t } = useTranslation();
  const health = useHealth();
  if (!health) return null;
  const { opened, integrity } = health;
  return (
    <p className="muted" data-testid="open-facts">
      {t('backup.openFacts', { ms: opened.ms, check: t(`backup.openCheck.${opened.check}`) })} — {t(`backup.integrityState.${integrity.state}`)}
      {integrity.fullCheckedAt && `; ${t('backup.fullCheckedAt', { when: formatDateTime(integrity.fullCheckedAt) })}`}
    </p>
  );
}
