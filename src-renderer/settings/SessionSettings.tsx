import { useEffect, useState } from 'react';
import { useLookups } from './lookups';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useAuth } from '../auth/store';
import { notify } from '../ui/toast';
import { useAction } from '../ui/useAction';

/** How long a sign-in lasts unused, and the optional screen lock (off by default). */
export function SessionSettings() {
  const { t } = useTranslation();
  const { run } = useAction(useLookups((s) => s.reload));
  const [hours, setHours] = useState('');
  const [lock, setLock] = useState('');
  useEffect(() => {
    call('auth.settings', {}).then(
      (s) => {
        setHours(String(s.sessionIdleHours));
        setLock(s.lockAfterMinutes === null ? '' : String(s.lockAfterMinutes));
      },
      () => {},
    );
  }, []);
  const save = () =>
    run(async () => {
      const saved = await call('auth.updateSettings', { sessionIdleHours: Number(hours), lockAfterMinutes: lock.trim() ? Number(lock) : null });
      useAuth.setState({ lockAfterMinutes: saved.lockAfterMinutes });
      notify(t('auth.saved'));
    });
  return (
    <section className="panel">
      <h2>{t('auth.session')}</h2>
      <form
        className="password-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t('auth.sessionIdleHours')}
          <input className="short" type="number" min={1} max={720} value={hours} onChange={(e) => setHours(e.target.value)} />
        </label>
        <label>
          {t('auth.lockAfterMinutes')}
          <input className="short" type="number" min={1} max={1440} placeholder={t('auth.lockNever')} value={lock} onChange={(e) => setLock(e.target.value)} />
        </label>
        <div className="actions left">
          <button type="submit" disabled={!hours}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
