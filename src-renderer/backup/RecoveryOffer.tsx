import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText, formatDateTime } from '../i18n';
import { confirmAction } from '../ui/Dialog';
import { notify } from '../ui/toast';
import { recordsText } from './BackupList';
import { useReloadWorkspace } from './useRestore';

type Recovery = NonNullable<ProcOutput<'backup.recovery'>>;

/**
 * Shown when the workspace could not be opened because it is damaged: what the
 * check found, and the newest good backup with one confirmed button to put it back.
 */
export function RecoveryOffer({ foundWhileOpen = false }: { foundWhileOpen?: boolean }) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState<Recovery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = useReloadWorkspace();
  useEffect(() => {
    call('backup.recovery', {}).then(setRecovery, () => setRecovery(null));
  }, []);
  if (!recovery) return null;
  const newest = recovery.backups[0];

  const recover = async () => {
    if (!newest || busy) return;
    const when = formatDateTime(newest.createdAt);
    if (!(await confirmAction(t('backup.recoveryConfirm', { when }), { confirmLabel: t('backup.restoreConfirmButton', { when }) }))) return;
    setBusy(true);
    try {
      const r = await call('backup.recover', { id: newest.id });
      await reload();
      notify(t('backup.recoveryDone', { path: r.movedTo }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel recovery" data-testid="recovery">
      <h2>{t('backup.recoveryTitle')}</h2>
      <p>{t(foundWhileOpen ? 'backup.recoveryBodyOpen' : 'backup.recoveryBody', { path: recovery.path })}</p>
      <p className="muted small">{t('backup.recoveryDetail', { detail: recovery.error.params.detail ?? recovery.error.message })}</p>
      {newest ? (
        <>
          <p>{t('backup.recoveryOffer', { when: formatDateTime(newest.createdAt), records: recordsText(t, newest) })}</p>
          <button className="primary" disabled={busy} onClick={() => void recover()}>
            {t('backup.recoveryRestore')}
          </button>
        </>
      ) : (
        <p>{t('backup.recoveryNone')}</p>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
