import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useClients } from './store';
import { useLookups } from '../settings/lookups';
import { confirmAction } from '../ui/Dialog';
import { useAction } from '../ui/useAction';

type Mode = null | 'addTag' | 'removeTag' | 'setResponsible';

/** Actions on many clients at once, e.g. handing a leaving manager's clients to another. */
export function BulkBar({ count, total }: { count: number; total: number }) {
  const { t } = useTranslation();
  const { query, selected, allMatching, selectAllMatching, clearSelection, refresh } = useClients();
  const { tags, users, reload } = useLookups();
  const [mode, setMode] = useState<Mode>(null);
  const target = allMatching ? { query } : { ids: [...selected] };
  const action = useAction(
    useCallback(() => {
      setMode(null);
      refresh();
      void reload();
    }, [refresh, reload]),
  );
  const busy = action.busy;
  const run = (op: Parameters<typeof call<'clients.bulk'>>[1]['op']) =>
    action.run(() => call('clients.bulk', { target, op }), (r) => t('clients.bulk.done', { count: r.count }));

  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      <strong>{t('clients.selected', { count })}</strong>
      {!allMatching && total > count && (
        <button className="link" onClick={selectAllMatching}>{t('clients.selectAll', { count: total })}</button>
      )}
      <button className="link" onClick={clearSelection}>{t('clients.clearSelection')}</button>
      <span className="spacer" />
      {mode === null && (
        <>
          <button disabled={busy} onClick={() => setMode('addTag')}>{t('clients.bulk.addTag')}</button>
          <button disabled={busy} onClick={() => setMode('removeTag')}>{t('clients.bulk.removeTag')}</button>
          <button disabled={busy} onClick={() => setMode('setResponsible')}>{t('clients.bulk.setResponsible')}</button>
          {query.archived ? (
            <button disabled={busy} onClick={() => run({ action: 'restore' })}>{t('clients.bulk.restore')}</button>
          ) : (
            <button
              disabled={busy}
              className="danger"
              onClick={async () => {
                if (await confirmAction(t('clients.bulk.confirmArchive', { count }))) await run({ action: 'archive' });
              }}
            >
              {t('clients.bulk.archive')}
            </button>
          )}
        </>
      )}
      {(mode === 'addTag' || mode === 'removeTag') && (
        <select
          autoFocus
          aria-label={t('clients.bulk.chooseTag')}
          disabled={busy}
          defaultValue=""
          onChange={(e) => e.target.value && run({ action: mode, tagId: e.target.value })}
        >
          <option value="" disabled>{t('clients.bulk.chooseTag')}</option>
          {tags.map((tag) => <option key={tag.id} value={tag.id}>{tag.name}</option>)}
        </select>
      )}
      {mode === 'setResponsible' && (
        <select
          autoFocus
          aria-label={t('clients.bulk.chooseUser')}
          disabled={busy}
          defaultValue=""
          onChange={(e) => e.target.value && run({ action: 'setResponsible', responsibleId: e.target.value === 'none' ? null : e.target.value })}
        >
          <option value="" disabled>{t('clients.bulk.chooseUser')}</option>
          <option value="none">{t('clients.noResponsible')}</option>
          {users.filter((u) => u.active).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
      )}
      {mode !== null && <button onClick={() => setMode(null)}>{t('common.cancel')}</button>}
    </div>
  );
}
