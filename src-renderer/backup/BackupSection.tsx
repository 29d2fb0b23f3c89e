import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../api/client';
import { errorText, formatDateTime } from '../i18n';
import { notify, notifyError } from '../ui/toast';
import { ago, percent, useBackup } from './store';
import { RestoreProgress } from './RestoreProgress';
import { useApp } from '../app/store';
import { BackupSettingsForm } from './BackupSettingsForm';
import { BackupList } from './BackupList';
import { RecoveryOffer } from './RecoveryOffer';

/** Settings → Backups: status, "back up now" with progress, schedule and folders, the list with restore. */
export function BackupSection() {
  const { t } = useTranslation();
  const { status, refresh, reloadList, setStatus } = useBackup();
  const workspacePath = useApp((s) => s.workspace?.path);

  useEffect(() => {
    void refresh();
    void reloadList();
  }, [refresh, reloadList]);

  if (!status) return null;
  const running = status.running;
  const phase = running?.progress?.phase;
  const restoring = !!status.restoring;

  const backupNow = async () => {
    const before = status.last?.id;
    try {
      setStatus(await call('backup.run', {}));
      // The badge polls every second while it runs; wait here to announce the result.
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        const s = await call('backup.status', {});
        setStatus(s);
        if (!s.running) {
          if (s.lastError) notifyError(t('backup.failed', { message: errorText(new ApiError(s.lastError.error)) }));
          else if (s.last?.id !== before) notify(t('backup.done'));
          else notify(t('backup.cancelled'));
          break;
        }
      }
      await reloadList();
    } catch (e) {
      notifyError(errorText(e));
    }
  };

  return (
    <section className="panel" id="backups" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backup.title')}</h2>
      <p className="muted small">{t('backup.intro')}</p>
      {/* Another workspace failed to open as damaged (the desktop app then opens the default one). */}
      <RecoveryOffer key={workspacePath} />
      <p data-testid="backup-last">
        {status.last ? t('backup.last', { when: `${formatDateTime(status.last.createdAt)} (${ago(status.last.createdAt)})` }) : t('backup.lastNone')}
      </p>
      {status.networkShare && <p className="warning" role="alert">{t('backup.networkShare')}</p>}
      {status.lastError && <p className="warning" role="alert">{t('backup.failed', { message: errorText(new ApiError(status.lastError.error)) })}</p>}
      {!status.lastError && status.tooOld && status.last && <p className="warning">{t('backup.tooOld', { hours: status.settings.warnAfterHours })}</p>}
      {status.second &&
        (status.second.ok ? (
          status.second.at && <p className="muted small">{t('backup.secondOk')}</p>
        ) : (
          <p className="warning" role="alert">{t('backup.secondFailed', { message: status.second.error ?? '' })}</p>
        ))}
      <div className="row">
        <button className="primary" onClick={() => void backupNow()} disabled={!!running || restoring}>
          {t('backup.backupNow')}
        </button>
        {running && !restoring && (
          <>
            <progress max={100} value={percent(running.progress)} aria-label={t('backup.shellRunning')} />
            <span className="muted" role="status">
              {t('backup.running', { phase: phase ? t(`backup.phases.${phase}`) : '', percent: percent(running.progress) })}
            </span>
            <button onClick={() => void call('backup.cancel', {}).then(setStatus, (e) => notifyError(errorText(e)))}>{t('backup.cancel')}</button>
          </>
        )}
      </div>
      {status.restoring && <RestoreProgress restoring={status.restoring} />}
      <BackupSettingsForm />
      <BackupList />
    </section>
  );
}
