import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { notify, notifyError } from '../ui/toast';
import { useAccess } from './store';

type View = ProcOutput<'access.matrix'>;
type Matrix = View['matrix'];
type Role = keyof Matrix;
type Grant = keyof Matrix['owner']['grants'];

const ROLES: Role[] = ['owner', 'admin', 'manager', 'viewer'];

/**
 * Settings → Права доступа: roles × permissions. Everyone sees what their role may do;
 * only the owner changes it, and the owner's own column stays everything.
 */
export function AccessSection() {
  const { t } = useTranslation();
  const [view, setView] = useState<View | null>(null);
  const [draft, setDraft] = useState<Matrix | null>(null);
  const reloadMine = useAccess((s) => s.reload);
  useEffect(() => {
    call('access.matrix', {}).then(
      (v) => {
        setView(v);
        setDraft(v.matrix);
      },
      (e) => notifyError(errorText(e)),
    );
  }, []);
  if (!view || !draft) return <p className="muted">{t('common.loading')}</p>;
  const editable = view.role === 'owner';
  const grants = Object.keys(draft.owner.grants) as Grant[];
  const dirty = JSON.stringify(draft) !== JSON.stringify(view.matrix);
  const set = (role: Role, patch: Partial<Matrix[Role]>) => setDraft({ ...draft, [role]: { ...draft[role], ...patch } });
  const save = async () => {
    try {
      const v = await call('access.setMatrix', { matrix: draft });
      setView(v);
      setDraft(v.matrix);
      await reloadMine();
      notify(t('access.saved'));
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  return (
    <section className="panel" data-testid="access-matrix">
      <h2>{t('access.title')}</h2>
      <p className="muted small">{editable ? t('access.hintOwner') : t('access.hintOthers', { role: t(`access.roles.${view.role}`) })}</p>
      <table className="table access-table">
        <thead>
          <tr>
            <th />
            {ROLES.map((r) => (
              <th key={r} scope="col">
                {t(`access.roles.${r}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('access.see')}</th>
            {ROLES.map((r) => (
              <td key={r}>
                <select
                  aria-label={`${t('access.see')}: ${t(`access.roles.${r}`)}`}
                  value={draft[r].see}
                  disabled={!editable || r === 'owner'}
                  onChange={(e) => set(r, { see: e.target.value as 'all' | 'own' })}
                >
                  <option value="all">{t('access.seeAll')}</option>
                  <option value="own">{t('access.seeOwn')}</option>
                </select>
              </td>
            ))}
          </tr>
          {grants.map((g) => (
            <tr key={g}>
              <th scope="row">{t(`access.grants.${g}`)}</th>
              {ROLES.map((r) => (
                <td key={r}>
                  <input
                    type="checkbox"
                    aria-label={`${t(`access.grants.${g}`)}: ${t(`access.roles.${r}`)}`}
                    checked={draft[r].grants[g]}
                    disabled={!editable || r === 'owner'}
                    onChange={(e) => set(r, { grants: { ...draft[r].grants, [g]: e.target.checked } })}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {editable && (
        <div className="actions">
          <button disabled={!dirty} onClick={() => setDraft(view.matrix)}>
            {t('common.cancel')}
          </button>
          <button className="primary" disabled={!dirty} onClick={() => void save()}>
            {t('access.save')}
          </button>
        </div>
      )}
    </section>
  );
}
