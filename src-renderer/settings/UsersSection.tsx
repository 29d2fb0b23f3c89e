import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText, formatDateTime } from '../i18n';
import { useApp } from '../app/store';
import { useAuth } from '../auth/store';
import { Dialog } from '../ui/Dialog';
import { notify } from '../ui/toast';
import { useLookups } from './lookups';
import { useAction } from '../ui/useAction';
import { SessionSettings } from './SessionSettings';
import type { UserRole } from '../../src-main/core/db/schema/enums';
import { NewPasswordFields } from '../auth/NewPasswordFields';

type User = ProcOutput<'users.list'>[number];

/** In the order of the role list (the core's USER_ROLES; the renderer imports only its type). */
const USER_ROLES: readonly UserRole[] = ['owner', 'admin', 'manager', 'viewer'];

/**
 * The people of the workspace: name, login, role, whether they work here, and their
 * password (set or reset here; nobody can read one). What each role may do is the
 * permission matrix, not this page.
 */
export function UsersSection() {
  const { t } = useTranslation();
  const users = useLookups((s) => s.users);
  const me = useApp((s) => s.workspace?.userId);
  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<UserRole>('manager');
  const [color, setColor] = useState('#1c7ed6');
  const [passwordFor, setPasswordFor] = useState<User | null>(null);
  const { run } = useAction(useLookups((s) => s.reload));
  const update = (u: User, patch: Omit<Parameters<typeof call<'users.update'>>[1], 'id'>) => run(() => call('users.update', { id: u.id, ...patch }));
  return (
    <>
      <section className="panel">
        <h2>{t('settings.users')}</h2>
        <ul className="user-list">
          {users.map((u) => (
            <li key={u.id} data-testid="user-row">
              <input type="color" aria-label={t('common.color')} defaultValue={u.color} onBlur={(e) => e.target.value !== u.color && void update(u, { color: e.target.value })} />
              <input
                aria-label={t('settings.userName')}
                defaultValue={u.name}
                onBlur={(e) => e.target.value.trim() && e.target.value !== u.name && void update(u, { name: e.target.value })}
              />
              <input
                aria-label={t('auth.login')}
                placeholder={t('auth.login')}
                defaultValue={u.login ?? ''}
                autoCapitalize="none"
                spellCheck={false}
                onBlur={(e) => e.target.value.trim() !== (u.login ?? '') && void update(u, { login: e.target.value.trim() || null })}
              />
              <select aria-label={t('auth.role')} value={u.role} onChange={(e) => void update(u, { role: e.target.value as UserRole })}>
                {USER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`auth.roles.${r}`)}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => setPasswordFor(u)}>
                {!u.hasPassword ? t('auth.setPassword') : u.id === me ? t('auth.changePassword') : t('auth.resetPassword')}
              </button>
              <div className="user-meta">
                <label>
                  <input type="checkbox" checked={u.active} onChange={(e) => void update(u, { active: e.target.checked })} />
                  {t('settings.userActive')}
                </label>
                <span>{u.hasPassword ? t('auth.hasPassword') : t('auth.noPassword')}</span>
                <span>{u.lastLoginAt ? t('auth.lastLogin', { when: formatDateTime(u.lastLoginAt) }) : t('auth.neverSignedIn')}</span>
              </div>
            </li>
          ))}
        </ul>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            void run(() => call('users.create', { name, email: null, color, login: login.trim() || null, role })).then((ok) => {
              if (!ok) return;
              setName('');
              setLogin('');
            });
          }}
        >
          <input type="color" aria-label={t('common.color')} value={color} onChange={(e) => setColor(e.target.value)} />
          <input aria-label={t('settings.userName')} placeholder={t('settings.userName')} value={name} onChange={(e) => setName(e.target.value)} />
          <input aria-label={t('auth.login')} placeholder={t('auth.login')} value={login} onChange={(e) => setLogin(e.target.value)} autoCapitalize="none" />
          <select aria-label={t('auth.role')} value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`auth.roles.${r}`)}
              </option>
            ))}
          </select>
          <button type="submit">{t('settings.addUser')}</button>
        </form>
      </section>
      <SessionSettings />
      {passwordFor && <PasswordDialog user={passwordFor} own={passwordFor.id === me} onClose={() => setPasswordFor(null)} />}
    </>
  );
}

/** Sets a password: one's own with the current one; another's as a reset (owner or admin). */
function PasswordDialog({ user, own, onClose }: { user: User; own: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const reload = useLookups((s) => s.reload);
  const signedOut = useAuth((s) => s.required401);
  const [old, setOld] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsOld = own && user.hasPassword;
  const submit = async () => {
    if (password !== repeat) return setError(t('auth.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await call('users.setPassword', { id: user.id, password, ...(needsOld ? { oldPassword: old } : {}) });
      onClose();
      // One's own password ends one's own sign-in too: sign in with the new one.
      if (own) return signedOut({ key: 'auth.ownPasswordSet' });
      notify(t('auth.passwordSet'));
      await reload();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('auth.passwordFor', { name: user.name })} onClose={onClose} dirty={!!password} testId="password-dialog">
      <form
        className="password-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {needsOld && (
          <label>
            {t('auth.oldPassword')}
            <input type="password" autoComplete="current-password" value={old} onChange={(e) => setOld(e.target.value)} autoFocus />
          </label>
        )}
        <NewPasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} error={error} autoFocus={!needsOld} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !password || !repeat || (needsOld && !old)}>
            {t('auth.setPassword')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
