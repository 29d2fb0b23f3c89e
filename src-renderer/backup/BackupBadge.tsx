import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/store';
import { ago, useBackup } from './store';
import './backup.css';

/** The app shell's line about the last verified backup; a warning when it is too old or failing. */
export function BackupBadge() {
  const { t } = useTranslation();
  const status = useBackup((s) => s.status);
  const refresh = useBackup((s) => s.refresh);
  const path = useApp((s) => s.workspace?.path);
  const navigate = useApp((s) => s.navigate);
  const running = !!status?.running || !!status?.restoring;

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), running ? 1000 : 60_000);
    return () => clearInterval(timer);
  }, [refresh, running, path]);

  if (!status) return null;
  const bad = !!status.lastError || status.tooOld || status.networkShare || status.second?.ok === false;
  const text = status.restoring
    ? t('backup.shellRestoring')
    : running
    ? t('backup.shellRunning')
    : status.lastError
      ? t('backup.shellFailed')
      : status.last
        ? t('backup.shellLast', { when: ago(status.last.createdAt) })
        : t('backup.shellNone');
  return (
    <button
      className={bad ? 'backup-badge bad' : 'backup-badge'}
      data-testid="backup-badge"
      title={t('backup.title')}
      onClick={() => navigate({ section: 'settings', settings: 'backups' })}
    >
      {bad && <span aria-hidden="true">⚠ </span>}
      {text}
    </button>
  );
}
