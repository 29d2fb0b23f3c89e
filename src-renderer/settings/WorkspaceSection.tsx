import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { useApp } from '../app/store';
import { useClients } from '../clients/store';
import { useLookups } from './lookups';
import { OpenFacts } from '../backup/IntegrityNotice';

export function WorkspaceSection() {
  const { t } = useTranslation();
  const workspace = useApp((s) => s.workspace);
  if (!workspace) return null;
  return (
    <section className="panel">
      <h2>{t('settings.workspace')}</h2>
      <WorkspaceFacts />
      <WorkspaceSwitcher />
    </section>
  );
}

/** The open workspace's file and counts, above the backups (what a restore replaces). */
export function WorkspaceSummary() {
  const workspace = useApp((s) => s.workspace);
  if (!workspace) return null;
  return (
    <div className="panel workspace-summary">
      <WorkspaceFacts />
    </div>
  );
}

function WorkspaceFacts() {
  const { t } = useTranslation();
  const workspace = useApp((s) => s.workspace);
  if (!workspace) return null;
  return (
    <>
      <p>
        {t('settings.workspacePath')}: <code data-testid="workspace-path">{workspace.path}</code>
      </p>
      <p className="muted">
        {t('settings.workspaceStats', { clients: workspace.stats.clients, archived: workspace.stats.archivedClients, contacts: workspace.stats.contacts })}
      </p>
      <OpenFacts />
    </>
  );
}

/**
 * Opens or creates another workspace file: native dialogs in the desktop app (which
 * hand back a token of the chosen file, never a path the page could make up), a path
 * field in browser mode. Also offered when no workspace could be opened.
 */
export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const setWorkspace = useApp((s) => s.setWorkspace);
  const refreshList = useClients((s) => s.refresh);
  const reloadLookups = useLookups((s) => s.reload);
  const [mode, setMode] = useState<'open' | 'create' | null>(null);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const dialogs = window.kartoteka?.dialogs;

  /** `p`: a path typed in browser mode, or the desktop dialog's token. */
  const apply = async (kind: 'open' | 'create', p: string) => {
    setError(null);
    try {
      const info = await call(kind === 'open' ? 'workspace.open' : 'workspace.create', { path: p });
      setWorkspace(info);
      setMode(null);
      refreshList();
      void reloadLookups();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const start = async (kind: 'open' | 'create') => {
    if (dialogs) {
      const chosen = kind === 'open' ? await dialogs.openWorkspace() : await dialogs.createWorkspace();
      if (chosen) await apply(kind, chosen.token);
    } else {
      setMode(kind);
      setPath('');
    }
  };

  return (
    <div>
      <div className="actions left">
        <button onClick={() => start('open')}>{t('settings.openWorkspace')}</button>
        <button onClick={() => start('create')}>{t('settings.createWorkspace')}</button>
      </div>
      {mode && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void apply(mode, path.trim());
          }}
        >
          <input autoFocus className="wide" aria-label={t('settings.pathPrompt')} placeholder={t('settings.pathPrompt')} value={path} onChange={(e) => setPath(e.target.value)} />
          <button type="submit" className="primary">{mode === 'open' ? t('common.open') : t('common.create')}</button>
          <button type="button" onClick={() => setMode(null)}>{t('common.cancel')}</button>
        </form>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
