import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText, formatDateTime } from '../i18n';
import { useApp } from '../app/store';
import { useClients } from '../clients/store';
import { useLookups } from '../settings/lookups';
import { confirmAction } from '../ui/Dialog';
import { notify, notifyError } from '../ui/toast';
import { useBackup } from './store';

/** After the workspace file was replaced or switched: every screen reloads from the core. */
export function useReloadWorkspace() {
  const setWorkspace = useApp((s) => s.setWorkspace);
  const refreshList = useClients((s) => s.refresh);
  const reloadLookups = useLookups((s) => s.reload);
  const { refresh, reloadList } = useBackup();
  return async () => {
    setWorkspace(await call('workspace.info', {}));
    refreshList();
    await Promise.all([reloadLookups(), refresh(), reloadList()]);
  };
}

/**
 * A restore, waited for while backup.status is polled for its step and progress (a large
 * workspace takes a minute).
 */
async function restoreWatched(id: string) {
  const refresh = useBackup.getState().refresh;
  const timer = setInterval(() => void refresh(), 500);
  try {
    const done = call('backup.restore', { id });
    void refresh();
    return await done;
  } finally {
    clearInterval(timer);
  }
}

/** Restore with confirmation; the toast offers to undo it (restore the "before restore" backup). */
export function useRestore() {
  const { t } = useTranslation();
  const reload = useReloadWorkspace();
  const restore = async (id: string, createdAt: string, ask = true): Promise<void> => {
    const when = formatDateTime(createdAt);
    if (ask && !(await confirmAction(t('backup.restoreConfirm', { when }), { confirmLabel: t('backup.restoreConfirmButton', { when }) }))) return;
    try {
      const r = await restoreWatched(id);
      await reload();
      notify(t('backup.restored', { when: formatDateTime(createdAt) }), {
        label: t('backup.undoRestore'),
        run: () =>
          void restoreWatched(r.undoId).then(
            async () => {
              await reload();
              notify(t('backup.undone'));
            },
            (e) => notifyError(errorText(e)),
          ),
      });
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  return restore;
}
