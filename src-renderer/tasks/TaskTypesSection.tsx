import { useCallback, useEffect, useState } from 'react';
import { useLookups } from '../settings/lookups';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useAction } from '../ui/useAction';
import { typeLabel } from './format';
import { useTasks } from './store';

/** Settings: the office's list of task types (rename, recolour, archive, add). Archived ones stay on old tasks. */
export function TaskTypesSection() {
  const { t } = useTranslation();
  const { types, loadTypes } = useTasks();
  const [name, setName] = useState('');
  const [color, setColor] = useState('#1098ad');
  const reloadLookups = useLookups((s) => s.reload);
  const { run } = useAction(useCallback(() => Promise.all([reloadLookups(), loadTypes()]), [reloadLookups, loadTypes]));
  useEffect(() => {
    void loadTypes();
  }, [loadTypes]);
  return (
    <section className="panel" data-testid="task-types">
      <h2>{t('tasks.settings.title')}</h2>
      <ul className="settings-list">
        {types.map((x) => (
          <li key={x.id} className={x.archivedAt ? 'muted' : undefined}>
            <input type="color" aria-label={t('common.color')} defaultValue={x.color} onBlur={(e) => e.target.value !== x.color && run(() => call('taskTypes.update', { id: x.id, color: e.target.value }))} />
            <input
              aria-label={t('common.name')}
              defaultValue={typeLabel(x)}
              onBlur={(e) => e.target.value.trim() && e.target.value !== typeLabel(x) && run(() => call('taskTypes.update', { id: x.id, name: e.target.value }))}
            />
            <button className="link" onClick={() => run(() => call('taskTypes.update', { id: x.id, archived: !x.archivedAt }))}>
              {x.archivedAt ? t('tasks.settings.restore') : t('tasks.settings.archive')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          if (name.trim() && (await run(() => call('taskTypes.create', { name, color })))) setName('');
        }}
      >
        <input type="color" aria-label={t('common.color')} value={color} onChange={(e) => setColor(e.target.value)} />
        <input aria-label={t('tasks.settings.newName')} placeholder={t('common.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">{t('tasks.settings.add')}</button>
      </form>
    </section>
  );
}
