import { useTranslation } from 'react-i18next';
import { useAuth } from './store';

/** At the foot of the sidebar, where a sign-in is asked: who is signed in, and sign-out. */
export function UserBadge() {
  const { t } = useTranslation();
  const user = useAuth((s) => s.user);
  const required = useAuth((s) => s.required);
  const signOut = useAuth((s) => s.signOut);
  if (!required || !user) return null;
  return (
    <div className="user-badge">
      <span data-testid="signed-in-user" title={user.login ?? ''}>
        {t('auth.signedInAs', { name: user.name })}
      </span>
      <button type="button" className="link" onClick={() => void signOut()}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
