import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText, formatDateTime } from '../i18n';
import { notify } from '../ui/toast';
import { fileSizeText } from '../ui/fileSize';
import { useBackup, type BackupItem } from './store';
import { useReloadWorkspace, useRestore } from './useRestore';
import type { ChosenPath } from '../../src-main/electron/bridge-types';

export function recordsText(t: (k: string, p?: Record<string, unknown>) => string, b: BackupItem): string {
  return t('backup.records', { clients: b.records.clients ?? 0, contacts: b.records.contacts ?? 0, history: b.records.history ?? 0 });
}

/** The backups, newest first, each with restore (confirmed, undoable) and restore into a new workspace. */
export function BackupList() {
  const { t } = useTranslation();
  const list = useBackup((s) => s.list);
  const restore = useRestore();
  const reload = useReloadWorkspace();
  const [busy, setBusy] = useState(false);
  const [into, setInto] = useState<{ id: string; path: string; error: string | null } | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const dialogs = window.kartoteka?.dialogs;

  if (!list) return null;
  const run = async (fn: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  /** Browser mode: the path typed in the form. */
  const restoreInto = async (id: string, path: string) => {
    try {
      await call('backup.restoreIntoNew', { id, path });
      setInto(null);
      await reload();
      notify(t('backup.restoredInto', { path }));
    } catch (e) {
      setInto({ id, path, error: errorText(e) });
    }
  };
  /** Desktop app: the file chosen in the native dialog, sent as its token. */
  const restoreIntoChosen = async (id: string, chosen: ChosenPath) => {
    setDialogError(null);
    try {
      await call('backup.restoreIntoNew', { id, path: chosen.token });
      await reload();
      notify(t('backup.restoredInto', { path: chosen.path }));
    } catch (e) {
      setDialogError(errorText(e));
    }
  };
  const startInto = async (id: string) => {
    if (dialogs) {
      const chosen = await dialogs.createWorkspace();
      if (chosen) await run(() => restoreIntoChosen(id, chosen));
    } else setInto({ id, path: '', error: null });
  };

  return (
    <>
      <h3>{t('backup.list')}</h3>
      {list.length === 0 ? (
        <p className="muted">{t('backup.listEmpty')}</p>
      ) : (
        <table className="backup-table" data-testid="backup-list">
          <thead>
            <tr>
              <th>{t('backup.columns.date')}</th>
              <th>{t('backup.columns.reason')}</th>
              <th>{t('backup.columns.size')}</th>
              <th>{t('backup.columns.records')}</th>
              <th>{t('backup.columns.where')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr key={`${b.location}:${b.id}`} data-testid="backup-row">
                <td>{formatDateTime(b.createdAt)}</td>
                <td>{t(`backup.reasons.${b.reason}`)}</td>
                <td className="num nowrap" title={b.incremental ? t('backup.incrementalHint') : undefined}>
                  {fileSizeText(b.size)}
                  {b.incremental && <span className="muted small"> {t('backup.incremental')}</span>}
                </td>
                <td>{recordsText(t, b)}</td>
                <td>{t(`backup.where.${b.location}`)}</td>
                <td className="row">
                  <button disabled={busy} onClick={() => void run(() => restore(b.id, b.createdAt))}>
                    {t('backup.restore')}
                  </button>
                  <button className="link" disabled={busy} onClick={() => void startInto(b.id)}>
                    {t('backup.restoreInto')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialogError && <p className="error" role="alert">{dialogError}</p>}
      {into && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => restoreInto(into.id, into.path.trim()));
          }}
        >
          <input autoFocus className="wide" aria-label={t('backup.newPathPrompt')} placeholder={t('backup.newPathPrompt')} value={into.path} onChange={(e) => setInto({ ...into, path: e.target.value })} />
          <button type="submit" className="primary" disabled={busy}>{t('common.create')}</button>
          <button type="button" onClick={() => setInto(null)}>{t('common.cancel')}</button>
          {into.error && <p className="error" role="alert">{into.error}</p>}
        </form>
      )}
    </>
  );
}
