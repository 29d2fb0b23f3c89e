import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { notify, notifyError } from '../ui/toast';

const ACTIONS = ['task', 'letter', 'claim'] as const;
type Action = (typeof ACTIONS)[number];
interface Row {
  id: string | null;
  day: string;
  action: Action;
  title: string;
  active: boolean;
}

/** The collection scenario: which action on which day after the due date; add, remove, reorder, save as a whole. */
export function CollectionStepsEditor({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    call('collection.steps', {}).then(
      (steps) => setRows(steps.map((s) => ({ id: s.id, day: String(s.day), action: s.action as Action, title: s.title, active: s.active }))),
      (e) => notifyError(errorText(e)),
    );
  useEffect(() => {
    void load();
  }, []);
  if (!rows) return null;
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    const j = i + by;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j]!, next[i]!];
    setRows(next);
  };
  const save = async () => {
    const bad = rows.findIndex((r) => !/^\d{1,4}$/.test(r.day.trim()) || Number(r.day) > 3650);
    if (bad >= 0) return setError(t('recv.settings.badStepDay', { row: bad + 1 }));
    setError(null);
    try {
      await call('collection.saveSteps', { steps: rows.map((r) => ({ id: r.id, day: Number(r.day), action: r.action, title: r.title.trim(), active: r.active })) });
      notify(t('recv.settings.stepsSaved'));
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section className="panel" aria-label={t('recv.settings.steps')} data-testid="collection-steps">
      <h2>{t('recv.settings.steps')}</h2>
      <p className="muted small">{t('recv.settings.stepsHint')}</p>
      {rows.length === 0 && <p className="muted">{t('recv.settings.noSteps')}</p>}
      {rows.length > 0 && (
        <table className="debt-table steps-table">
          <thead>
            <tr>
              <th>{t('recv.settings.day')}</th>
              <th>{t('recv.settings.action')}</th>
              <th>{t('recv.settings.stepTitle')}</th>
              <th>{t('recv.settings.active')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id ?? `new-${i}`}>
                <td>
                  <input className="short" aria-label={`${t('recv.settings.day')} ${i + 1}`} value={r.day} disabled={readOnly} onChange={(e) => set(i, { day: e.target.value })} />
                </td>
                <td>
                  <select aria-label={`${t('recv.settings.action')} ${i + 1}`} value={r.action} disabled={readOnly} onChange={(e) => set(i, { action: e.target.value as Action })}>
                    {ACTIONS.map((a) => (
                      <option key={a} value={a}>
                        {t(`receivables.actions.${a}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={`${t('recv.settings.stepTitle')} ${i + 1}`} value={r.title} disabled={readOnly} maxLength={200} onChange={(e) => set(i, { title: e.target.value })} />
                </td>
                <td>
                  <input type="checkbox" aria-label={`${t('recv.settings.active')} ${i + 1}`} checked={r.active} disabled={readOnly} onChange={(e) => set(i, { active: e.target.checked })} />
                </td>
                <td className="row-actions">
                  {!readOnly && (
                    <>
                      <button type="button" className="link" aria-label={`${t('recv.settings.up')} ${i + 1}`} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
                      <button type="button" className="link" aria-label={`${t('recv.settings.down')} ${i + 1}`} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>↓</button>
                      <button type="button" className="link danger" aria-label={`${t('recv.settings.removeStep')} ${i + 1}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>×</button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {!readOnly && (
        <p className="row">
          <button type="button" onClick={() => setRows([...rows, { id: null, day: String(Number(rows.at(-1)?.day ?? 0) + 7), action: 'task', title: '', active: true }])}>
            {t('recv.settings.addStep')}
          </button>
          <button type="button" className="primary" onClick={() => void save()}>
            {t('recv.settings.saveSteps')}
          </button>
        </p>
      )}
    </section>
  );
}
