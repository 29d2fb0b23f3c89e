import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../api/client';
import { errorText } from '../i18n';
import { useAuth } from './store';
import './auth.css';

/** The last login typed on this PC: a habit of the person at this keyboard, not a workspace setting. */
const LAST_LOGIN = 'kartoteka.lastLogin';

/** The sign-in screen: the same in the desktop window and in the browser. */
export function SignIn() {
  const { t } = useTranslation();
  const reason = useAuth((s) => s.reason);
  const signedIn = useAuth((s) => s.signedIn);
  const [login, setLogin] = useState(() => localStorage.getItem(LAST_LOGIN) ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy || !login.trim() || !password) return;
    setBusy(true);
    setError(null);
    try {
      const status = await call('auth.login', { login: login.trim(), password });
      localStorage.setItem(LAST_LOGIN, login.trim());
      signedIn(status);
    } catch (e) {
      setError(errorText(e));
      setPassword('');
      // A lockout names its minutes; a wrong password leaves the login as typed.
      if (!(e instanceof ApiError)) console.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <form
        className="sign-in-box panel"
        aria-labelledby="sign-in-title"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h1 id="sign-in-title">{t('auth.signIn.title')}</h1>
        {reason && (
          <p className="muted" role="status">
            {t(reason.key, 'minutes' in reason ? { minutes: reason.minutes } : {})}
          </p>
        )}
        <label>
          {t('auth.signIn.login')}
          <input value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" autoFocus={!login} autoCapitalize="none" spellCheck={false} />
        </label>
        <label>
          {t('auth.signIn.password')}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" autoFocus={!!login} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || !login.trim() || !password}>
          {busy ? t('auth.signIn.working') : t('auth.signIn.submit')}
        </button>
        <p className="muted small">{t('auth.signIn.forgot')}</p>
      </form>
    </div>
  );
}
