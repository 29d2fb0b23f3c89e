import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { useAuth } from '../auth/store';
import { useApp } from './store';
import { NewPasswordFields } from '../auth/NewPasswordFields';

type Info = ProcOutput<'workspace.info'>;

/** First start: "empty or demo", then the owner may protect the workspace with a password or skip. */
export function Onboarding() {
  const { t } = useTranslation();
  const { workspace, setWorkspace } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState<Info | null>(null);
  const start = async (demo: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setReady(await call('workspace.initialize', { demo, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  if (ready) return <ProtectStep info={ready} onDone={() => setWorkspace(ready)} />;
  return (
    <div className="onboarding">
      <h1>{t('onboarding.title')}</h1>
      <p>
        {t('onboarding.body')} <code>{workspace?.path}</code>
      </p>
      {busy ? (
        <p role="status">{t('onboarding.working')}</p>
      ) : (
        <div className="onboarding-choices">
          <button className="choice" onClick={() => start(false)} autoFocus>
            <strong>{t('onboarding.empty')}</strong>
            <span>{t('onboarding.emptyHint')}</span>
          </button>
          <button className="choice" onClick={() => start(true)}>
            <strong>{t('onboarding.demo')}</strong>
            <span>{t('onboarding.demoHint')}</span>
          </button>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}

/** The owner's login and password, or skip (a single-user laptop needs none). */
function ProtectStep({ info, onDone }: { info: Info; onDone: () => void }) {
  const { t } = useTranslation();
  const signedIn = useAuth((s) => s.signedIn);
  const [login, setLogin] = useState('admin');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const protect = async () => {
    if (password !== repeat) return setError(t('auth.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await call('users.update', { id: info.userId, login: login.trim() });
      await call('users.setPassword', { id: info.userId, password });
      localStorage.setItem('kartoteka.lastLogin', login.trim());
      // Signing in now remounts the app on the workspace, which is set up.
      signedIn(await call('auth.login', { login: login.trim(), password }));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <div className="onboarding">
      <h1>{t('auth.protectTitle')}</h1>
      <p>{t('auth.protectBody')}</p>
      <form
        className="protect-form"
        onSubmit={(e) => {
          e.preventDefault();
          void protect();
        }}
      >
        <label>
          {t('auth.login')}
          <input value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" autoCapitalize="none" spellCheck={false} />
        </label>
        <NewPasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} error={error} autoFocus={true} />
        <div className="actions left">
          <button type="submit" className="primary" disabled={busy || !login.trim() || !password || !repeat}>
            {t('auth.protect')}
          </button>
          <button type="button" onClick={onDone} disabled={busy}>
            {t('auth.skip')}
          </button>
        </div>
      </form>
    </div>
  );
}
