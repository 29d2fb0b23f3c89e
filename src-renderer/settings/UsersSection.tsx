import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useLookups } from './lookups';
import { useSettingsAction } from './useSettingsAction';

export function UsersSection() {
  const { t } = useTranslation();
  const users = useLookups((s) => s.users);
  const [name, setName] = useState('');
  const [color, setColor] = useState('#1c7ed6');
  const run = useSettingsAction();
  return (
    <section className="panel">
      <h2>{t('settings.users')}</h2>
      <ul className="settings-list">
        {users.map((u) => (
          <li key={u.id}>
            <input type="color" aria-label={t('common.color')} defaultValue={u.color} onBlur={(e) => e.target.value !== u.color && run(() => call('users.update', { ...u, color: e.target.value }))} />
            <input
              aria-label={t('settings.userName')}
              defaultValue={u.name}
              onBlur={(e) => e.target.value.trim() && e.target.value !== u.name && run(() => call('users.update', { ...u, name: e.target.value }))}
            />
            <label>
              <input type="checkbox" checked={u.active} onChange={(e) => run(() => call('users.update', { ...u, active: e.target.checked }))} />
              {t('settings.userActive')}
            </label>
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          void run(() => call('users.create', { name, email: null, color })).then((ok) => ok && setName(''));
        }}
      >
        <input type="color" aria-label={t('common.color')} value={color} onChange={(e) => setColor(e.target.value)} />
        <input aria-label={t('settings.userName')} placeholder={t('settings.userName')} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">{t('settings.addUser')}</button>
      </form>
    </section>
  );
}
